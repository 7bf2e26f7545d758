#!/usr/bin/env bash
# Installs, when missing, the calendar clients tests/ics_clients.rs reads our iCalendar files
# with: khal, with Debian's python3-icalendar and python3-recurring-ical-events; Evolution's
# libical through GObject introspection; current icalendar and recurring-ical-events from PyPI;
# and Thunderbird's ical.js from npm (the last two into target/ics-clients, pinned below).
# Sourced by scripts/test.sh after scripts/setup.sh (which brings scripts/apt.sh's `need`).
# About 60 MB and half a minute on a fresh Debian 12; nothing when all is there.

ics_clients_dir="${CARGO_TARGET_DIR:-target}/ics-clients"
ics_pypi=(icalendar==7.3.0 recurring-ical-events==3.8.2)
ics_npm=ical.js@2.2.1

has_deb() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'ok installed'; }

ics_missing=()
command -v khal >/dev/null || ics_missing+=(khal)
for package in python3-recurring-ical-events python3-gi gir1.2-ical-3.0; do
  has_deb "$package" || ics_missing+=("$package")
done
command -v node >/dev/null || ics_missing+=(nodejs)
command -v npm >/dev/null || ics_missing+=(npm)
python3 -m pip --version >/dev/null 2>&1 || ics_missing+=(python3-pip)
if [ ${#ics_missing[@]} -gt 0 ]; then
  apt_install "${ics_missing[@]}"
fi

mkdir -p "$ics_clients_dir"
if [ ! -d "$ics_clients_dir/py/icalendar-7.3.0.dist-info" ] \
  || [ ! -d "$ics_clients_dir/py/recurring_ical_events-3.8.2.dist-info" ]; then
  echo "setup: installing ${ics_pypi[*]} with pip into $ics_clients_dir/py" >&2
  rm -rf "$ics_clients_dir/py"
  python3 -m pip install --quiet --disable-pip-version-check --no-warn-script-location \
    --root-user-action=ignore --target "$ics_clients_dir/py" "${ics_pypi[@]}" >&2
fi
if ! grep -qs '"version": "2.2.1"' "$ics_clients_dir/node_modules/ical.js/package.json"; then
  echo "setup: installing $ics_npm with npm into $ics_clients_dir" >&2
  npm install --prefix "$ics_clients_dir" --no-save --no-audit --no-fund --silent "$ics_npm" >&2
fi
