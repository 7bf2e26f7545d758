#!/usr/bin/env bash
# Builds Frontdesk and runs it on your database (frontdesk.sqlite3 in your data folder, e.g.
# ~/.local/share/frontdesk/), creating the demo clinic there on the first run. Arguments go to
# frontdesk; without any, it opens the calendar window. Usage: scripts/run.sh [frontdesk arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
# Export, import, backup and restore choose their files in the desktop's file chooser: the
# desktop portal where there is one (GNOME, KDE), else zenity, which a bare X session lacks.
if ! command -v zenity >/dev/null && [ ! -x /usr/libexec/xdg-desktop-portal ]; then
  apt_install zenity
fi
cargo build --release --locked --quiet
bin=target/release/frontdesk
"$bin" demo --if-empty
exec "$bin" "$@"
