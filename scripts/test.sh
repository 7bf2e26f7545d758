#!/usr/bin/env bash
# Runs every test of Frontdesk (unit, store contract on SQLite and PostgreSQL, processes,
# property, command line, window, architecture, and our iCalendar files read by real calendar
# clients), after installing what is missing. A throwaway PostgreSQL server (scripts/postgres.sh:
# Debian's package, a cluster owned by the postgres user on a socket in a temporary folder) runs
# for the tests and is stopped after them, whatever their outcome.
# Usage: scripts/test.sh [extra cargo test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
. scripts/ics-clients.sh
# The day sheet's text layer is read back as a PDF reader reads it (every script, issue 16).
need pdftotext poppler-utils
pgdir=$(mktemp -d "${TMPDIR:-/tmp}/frontdesk-pg.XXXXXX")
trap 'scripts/postgres.sh stop "$pgdir" >/dev/null || true' EXIT
FRONTDESK_TEST_POSTGRES=$(scripts/postgres.sh start "$pgdir")
export FRONTDESK_TEST_POSTGRES
echo "test server: $FRONTDESK_TEST_POSTGRES" >&2
cargo test --locked "$@"
