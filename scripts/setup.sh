#!/usr/bin/env bash
# Installs what building Frontdesk needs on a fresh Debian 12 machine, and nothing when it is
# already there: a C compiler (SQLite, as SQLCipher, is compiled in), OpenSSL's libcrypto
# headers (SQLCipher encrypts with the system's libcrypto) and a Rust toolchain of at least 1.89.
# Sourced by scripts/run.sh and scripts/test.sh.
set -euo pipefail

need_rust="1.89"

. "$(dirname "${BASH_SOURCE[0]}")/apt.sh"

need cc build-essential
need_package libssl-dev

[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
version_ok() {
  command -v cargo >/dev/null || return 1
  local have
  have=$(rustc --version | awk '{print $2}')
  [ "$(printf '%s\n%s\n' "$need_rust" "$have" | sort -V | head -n1)" = "$need_rust" ]
}
if ! version_ok; then
  # Debian's own rustc is older than the crates need; rustup installs a current stable one.
  command -v curl >/dev/null || apt_install curl ca-certificates
  echo "setup: installing Rust (stable) with rustup" >&2
  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal \
    --component rustfmt --component clippy >&2
  . "$HOME/.cargo/env"
fi
