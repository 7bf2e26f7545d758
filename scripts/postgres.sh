#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests and benchmarks, on a Unix socket in a folder of its own.
#
#   scripts/postgres.sh start DIR   installs PostgreSQL from Debian's packages when it is missing,
#                                   makes a cluster in DIR (which must be new or empty), starts it,
#                                   makes the role and database `frontdesk` (the role owns the
#                                   database, may create databases, is not a superuser) and prints
#                                   one line: the connection URL, postgresql://frontdesk@/frontdesk?host=DIR
#   scripts/postgres.sh stop DIR    stops that server and removes DIR; does nothing (and succeeds)
#                                   when it is already stopped or DIR is gone.
#
# Nothing listens on TCP: the server is reached only through the socket in DIR, with no password
# (trust), so it is for tests on this machine only. It keeps nothing safe (fsync, full-page
# writes and synchronous commit are off): a crash loses it, which a throwaway may.
# As root (CI) the cluster belongs to the `postgres` user, since PostgreSQL refuses to run as
# root; as any other user it belongs to that user, and root (or sudo) is needed only to install.
# Exit codes: 0 done, 1 it could not be done (the message says why and what to do), 2 bad usage.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/apt.sh
. "$here/apt.sh"

# The file that marks DIR as a cluster made by this script, so `stop` removes only those.
marker=.frontdesk-throwaway-postgres

die() {
  echo "postgres.sh: $*" >&2
  exit 1
}

# A failure of `start` after DIR was made: DIR is left for its logs, and `stop` clears it.
fail() {
  die "$*; 'scripts/postgres.sh stop $dir' stops what was started and removes the folder"
}

usage() {
  echo "usage: scripts/postgres.sh start DIR | stop DIR" >&2
  exit 2
}

# The folder holding PostgreSQL's server programs (initdb, pg_ctl, postgres): Debian's newest
# version under /usr/lib/postgresql, else initdb's folder on the PATH; empty when there is none.
server_bin() {
  local newest
  newest="$(find /usr/lib/postgresql -mindepth 3 -maxdepth 3 -path '*/bin/initdb' 2>/dev/null \
    | sort -V | tail -n 1)"
  if [ -n "$newest" ]; then
    dirname "$newest"
  elif command -v initdb >/dev/null; then
    dirname "$(readlink -f "$(command -v initdb)")"
  fi
}

# Runs a command as the cluster's owner: `postgres` when we are root, ourselves otherwise. From
# DIR, so that a current folder the owner may not read (root's home) draws no warnings.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    (cd "$dir" && runuser -u postgres -- "$@")
  else
    (cd "$dir" && "$@")
  fi
}

# DIR given on the command line, made absolute (the socket folder must be an absolute path).
absolute_dir() {
  case "$1" in
    /*) printf '%s\n' "$1" ;;
    *) printf '%s\n' "$PWD/$1" ;;
  esac
}

# The socket folder as a URL's query value: bytes other than letters, digits and / . _ - are
# percent-encoded, so a folder with spaces, & or ? still reads back whole (libpq and the Rust
# `postgres` crate both decode the value of `host`).
url_encode() {
  local s="$1" out="" c i
  local LC_ALL=C
  for ((i = 0; i < ${#s}; i++)); do
    c="${s:i:1}"
    case "$c" in
      [A-Za-z0-9/._-]) out+="$c" ;;
      *) out+="$(printf '%%%02X' "'$c")" ;;
    esac
  done
  printf '%s\n' "$out"
}

start() {
  local bin
  bin="$(server_bin)"
  if [ -z "$bin" ]; then
    # Installing needs root: as another user, only through sudo that asks for no password.
    if [ "$(id -u)" != 0 ] && ! { command -v sudo >/dev/null && sudo -n true 2>/dev/null; }; then
      die "PostgreSQL's server (initdb) is not installed and installing it needs root: run" \
        "'apt-get install -y postgresql' as root, then run this again"
    fi
    # Debian 12's postgresql-15 brings btree_gist itself (postgresql-contrib is only a
    # transitional name for it), so `postgresql` is all the schema needs. Its output goes to
    # stderr: stdout is the URL alone.
    apt_install postgresql >&2 || die "could not install PostgreSQL with apt-get (see above)"
    bin="$(server_bin)"
    [ -n "$bin" ] || die "apt-get installed postgresql but no initdb is under /usr/lib/postgresql"
  fi

  if [ -e "$dir" ] && [ ! -d "$dir" ]; then
    die "$dir exists and is not a folder: give a new or empty folder"
  fi
  if [ -d "$dir" ] && [ -n "$(ls -A "$dir")" ]; then
    die "$dir is not empty: give a new or empty folder (or stop the server in it first:" \
      "scripts/postgres.sh stop $dir)"
  fi
  # A Unix socket's path is at most 107 bytes on Linux, with "/.s.PGSQL.5432" at its end.
  if [ $((${#dir} + 14)) -gt 107 ]; then
    die "$dir is too long for a socket folder (at most 93 bytes): give a shorter one, such as" \
      "one made by 'mktemp -d'"
  fi
  case "$dir" in
    *[\'\"\\,]* | *[[:cntrl:]]*)
      die "$dir has a quote, a backslash, a comma or a control character in its name, which" \
        "PostgreSQL's settings cannot hold: give a plain folder, such as one made by 'mktemp -d'" ;;
  esac
  mkdir -p "$dir"

  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 \
      || die "there is no 'postgres' user to own the cluster (PostgreSQL refuses to run as" \
        "root): install Debian's postgresql package, which makes it"
    chown postgres: "$dir"
    runuser -u postgres -- test -w "$dir" \
      || die "the postgres user cannot reach $dir (a parent folder is closed to it): give a" \
        "folder under /tmp, such as one made by 'mktemp -d'"
  fi
  # Clients of any user (the tests run as root in CI) must reach the socket in DIR.
  chmod 0755 "$dir"
  touch "$dir/$marker"

  # UTF8 so that names in every script are stored as typed; the C.UTF-8 locale because it is
  # built into glibc on every Debian (no locales package needed) and does not depend on the
  # machine's language settings. The schema sorts its text columns with COLLATE "C" (byte
  # order, as SQLite does) whatever the cluster's locale is.
  as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust --encoding UTF8 --locale C.UTF-8 \
    >"$dir/initdb.log" 2>&1 || {
    tail -n 20 "$dir/initdb.log" >&2
    fail "initdb failed in $dir/data (its messages are above)"
  }

  # Written into the cluster's own settings (not on pg_ctl's command line, which goes through a
  # shell) so that any folder name reads back as it is. 200 connections: 16 desk processes with
  # a few connections each, plus the tests'.
  cat >>"$dir/data/postgresql.conf" <<CONF

# scripts/postgres.sh: a throwaway server on a socket in its own folder
listen_addresses = ''
unix_socket_directories = '"$dir"'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
CONF

  as_owner "$bin/pg_ctl" start -D "$dir/data" -l "$dir/server.log" -w -t 60 -s || {
    tail -n 20 "$dir/server.log" >&2 || true
    fail "the server in $dir did not start (the end of $dir/server.log is above)"
  }

  local i
  for ((i = 0; i < 60; i++)); do
    "$bin/pg_isready" -q -h "$dir" -d postgres && break
    sleep 0.5
  done
  "$bin/pg_isready" -q -h "$dir" -d postgres \
    || fail "the server in $dir does not answer (see $dir/server.log)"

  as_owner "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -U postgres -d postgres \
    -c "CREATE ROLE frontdesk LOGIN CREATEDB NOSUPERUSER" \
    -c "CREATE DATABASE frontdesk OWNER frontdesk" >/dev/null \
    || fail "could not make the role and database frontdesk (see $dir/server.log)"
  # btree_gist (the exclusion constraints' equality on ids) in the database's public schema,
  # made by its owner as a clinic's first desk would: the tests give each case a schema of its
  # own, and an extension that lived in one of them would go when that schema is dropped.
  as_owner "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -U frontdesk -d frontdesk \
    -c "CREATE EXTENSION IF NOT EXISTS btree_gist SCHEMA public" >/dev/null \
    || fail "could not add btree_gist to the database frontdesk (see $dir/server.log)"

  echo "postgresql://frontdesk@/frontdesk?host=$(url_encode "$dir")"
}

stop() {
  if [ ! -e "$dir" ]; then
    echo "postgres.sh: nothing to stop: $dir does not exist" >&2
    return 0
  fi
  if [ ! -e "$dir/$marker" ] && [ -n "$(ls -A "$dir")" ]; then
    die "$dir was not made by 'scripts/postgres.sh start': leaving it as it is"
  fi
  if [ -f "$dir/data/postmaster.pid" ]; then
    local bin
    bin="$(server_bin)"
    [ -n "$bin" ] || die "a server runs in $dir but no pg_ctl is installed to stop it"
    # Fails only when the server is not running (a stale pid file): nothing to stop then.
    as_owner "$bin/pg_ctl" stop -D "$dir/data" -m fast -w -t 60 -s 2>/dev/null || true
    if as_owner "$bin/pg_ctl" status -D "$dir/data" >/dev/null 2>&1; then
      die "the server in $dir is still running after 'pg_ctl stop': see $dir/server.log"
    fi
  fi
  rm -rf -- "$dir"
}

[ $# = 2 ] || usage
[ -n "$2" ] || usage
dir="$(absolute_dir "$2")"
dir="${dir%/}"
case "$1" in
  start) start ;;
  stop) stop ;;
  *) usage ;;
esac
