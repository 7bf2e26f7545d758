// Reads iCalendar files as Thunderbird's ical.js does and prints every appointment it shows,
// one line each: UID|X-FRONTDESK-ID|start|end|STATUS, times as UTC seconds since 1970.
//
//     NODE_PATH=<folder with ical.js> node expand.cjs FILE...
//
// Each file's lines follow a line "== FILE"; a file ical.js refuses gives "!! error" instead.
// Used by tests/ics_clients.rs.
'use strict';
const fs = require('fs');
const ICAL = require('ical.js');

// Every export of the tests lies in 2026 and 2027.
const UNTIL = ICAL.Time.fromDateTimeString('2029-01-01T00:00:00Z');

function expand(path) {
  const calendar = new ICAL.Component(ICAL.parse(fs.readFileSync(path, 'utf8')));
  // Thunderbird knows the zones of the files it reads; here the file's own definitions serve.
  ICAL.TimezoneService.reset();
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(zone);
  }
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  const masters = new Map();
  for (const event of events) {
    if (!event.isRecurrenceException()) {
      masters.set(event.uid, event);
    }
  }
  for (const event of events) {
    if (event.isRecurrenceException()) {
      const master = masters.get(event.uid);
      if (!master) {
        throw new Error(`an override of ${event.uid} without its master`);
      }
      master.relateException(event);
    }
  }
  const rows = [];
  const row = (item, start, end) => {
    for (const t of [start, end]) {
      if (t.zone === ICAL.Timezone.localTimezone || t.zone === undefined) {
        throw new Error(`${item.uid}: a time without a zone`);
      }
    }
    rows.push([
      item.uid,
      item.component.getFirstPropertyValue('x-frontdesk-id') || '-',
      start.toUnixTime(),
      end.toUnixTime(),
      item.component.getFirstPropertyValue('status') || '',
    ].join('|'));
  };
  for (const event of masters.values()) {
    if (!event.isRecurring()) {
      row(event, event.startDate, event.endDate);
      continue;
    }
    const iterator = event.iterator();
    for (let next = iterator.next(); next && next.compare(UNTIL) < 0; next = iterator.next()) {
      const details = event.getOccurrenceDetails(next);
      row(details.item, details.startDate, details.endDate);
    }
  }
  return rows.sort();
}

for (const path of process.argv.slice(2)) {
  let out = `== ${path}\n`;
  try {
    out += expand(path).map((r) => `${r}\n`).join('');
  } catch (error) {
    out += `!! ${String(error).replace(/\n/g, ' ')}\n`;
  }
  process.stdout.write(out);
}
