#!/usr/bin/env bash
# Builds the Debian package target/debian/frontdesk_<version>-1_<arch>.deb with cargo-deb, from
# [package.metadata.deb] in Cargo.toml, after installing what is missing: the build tools
# (scripts/setup.sh), dpkg-dev (library dependencies), help2man (the manual page, made from
# --help so that it always matches the program) and cargo-deb itself.
# Usage: scripts/package.sh [extra cargo deb arguments]. Prints the .deb's path, last.
# FRONTDESK_DEB_PROFILE=dev packages the debug binary `cargo test` has already built instead of
# making a release build (CI checks the package that way, without a second full compile).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
need dpkg-shlibdeps dpkg-dev
need help2man help2man
if ! cargo deb --version >/dev/null 2>&1; then
  echo "setup: installing cargo-deb with cargo install (about 2 minutes)" >&2
  cargo install cargo-deb --version 3.8.0 --locked --quiet
fi
profile=${FRONTDESK_DEB_PROFILE:-release}
case "$profile" in
  release) cargo build --release --locked; release=${CARGO_TARGET_DIR:-target}/release ;;
  dev) cargo build --locked --bin frontdesk; release=${CARGO_TARGET_DIR:-target}/debug ;;
  *) echo "FRONTDESK_DEB_PROFILE=$profile: use release or dev" >&2; exit 2 ;;
esac
# The page's date is the last commit's, so the same commit gives the same page.
SOURCE_DATE_EPOCH=$(git log -1 --format=%ct 2>/dev/null || date +%s) \
  help2man --no-info --section 1 --include packaging/debian/frontdesk.h2m \
  --name "appointment scheduler for a clinic's front desk" "$release/frontdesk" |
  gzip -9n >"$release/frontdesk.1.gz"
# --strip: the release profile keeps line tables for benchmarks; the package does not need them.
cargo deb --locked --no-build --profile "$profile" --strip "$@" | tail -n 1
