#!/usr/bin/env bash
# Builds Frontdesk and runs it on your database (frontdesk.sqlite3 in your data folder, e.g.
# ~/.local/share/frontdesk/), creating the demo clinic there on the first run. Arguments go to
# frontdesk; without any, it opens the calendar window. Usage: scripts/run.sh [frontdesk arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
cargo build --release --locked --quiet
bin=target/release/frontdesk
"$bin" demo --if-empty
exec "$bin" "$@"
