#!/usr/bin/env bash
# Runs every test of Frontdesk (unit, store, processes, property, command line, architecture),
# after installing what is missing. Usage: scripts/test.sh [extra cargo test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
cargo test --locked "$@"
