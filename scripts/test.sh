#!/usr/bin/env bash
# Runs every test of Frontdesk (unit, store, processes, property, command line, architecture,
# and our iCalendar files read by real calendar clients), after installing what is missing.
# Usage: scripts/test.sh [extra cargo test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
. scripts/ics-clients.sh
cargo test --locked "$@"
