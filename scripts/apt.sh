#!/usr/bin/env bash
# Helpers for installing Debian packages only when they are missing, as root or through sudo.
# Sourced by scripts/setup.sh, scripts/render-icons.sh and .ci/run.

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "setup: '$*' needs root; run it as root or install sudo" >&2; return 1; fi
}

apt_install() {
  echo "setup: installing $* with apt-get" >&2
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# need COMMAND PACKAGE: installs PACKAGE unless COMMAND is already on the PATH.
need() {
  command -v "$1" >/dev/null || apt_install "$2"
}

# need_package PACKAGE: installs PACKAGE unless dpkg says it is installed (for libraries and
# headers, which put no command on the PATH).
need_package() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed" || apt_install "$1"
}
