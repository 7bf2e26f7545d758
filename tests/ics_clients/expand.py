"""Reads iCalendar files as a calendar client does and prints every appointment it shows,
one line each: UID|X-FRONTDESK-ID|start|end|STATUS, times as UTC seconds since 1970.

    python3 expand.py rie FILE...       icalendar + recurring_ical_events (those importable)
    python3 expand.py libical FILE...   Evolution's libical, through GObject introspection

Each file's lines follow a line "== FILE"; a file the client refuses gives "!! error" instead.
Used by tests/ics_clients.rs.
"""

import datetime
import sys

# Every export of the tests lies in 2026 and 2027; a wider window only costs time.
WINDOW = (datetime.datetime(2025, 1, 1), datetime.datetime(2029, 1, 1))


def epoch(value):
    """UTC seconds of an aware datetime (a floating one would be a bug of ours: refuse it)."""
    if not isinstance(value, datetime.datetime) or value.tzinfo is None:
        raise ValueError(f"not an instant with a zone: {value!r}")
    return int(value.timestamp())


def rie(path):
    import icalendar
    import recurring_ical_events

    with open(path, "rb") as f:
        calendar = icalendar.Calendar.from_ical(f.read())
    for event in recurring_ical_events.of(calendar).between(*WINDOW):
        start = event["DTSTART"].dt
        if "DTEND" in event:
            end = event["DTEND"].dt
        else:
            end = start + event["DURATION"].dt
        yield (
            str(event.get("UID", "")),
            str(event.get("X-FRONTDESK-ID", "-")),
            epoch(start),
            epoch(end),
            str(event.get("STATUS", "")),
        )


def libical(path):
    import gi

    gi.require_version("ICalGLib", "3.0")
    from gi.repository import ICalGLib as I

    with open(path, encoding="utf-8") as f:
        calendar = I.Component.new_from_string(f.read())
    if calendar is None:
        raise ValueError("libical could not parse the file")
    kind = I.ComponentKind.VEVENT_COMPONENT
    events = []
    event = calendar.get_first_component(kind)
    while event is not None:
        events.append(event)
        event = calendar.get_next_component(kind)

    def instant(t, prop=None):
        """UTC seconds of a time; a RECURRENCE-ID's TZID is looked up as Evolution does, in
        the calendar's own VTIMEZONEs first and then libical's built-in zones."""
        zone = t.get_timezone()
        if zone is None and prop is not None:
            tzid = prop.get_parameter_as_string("TZID")
            if tzid:
                zone = calendar.get_timezone(tzid) or I.Timezone.get_builtin_timezone(tzid)
                if zone is None:
                    raise ValueError(f"libical knows no zone {tzid}")
        return t.as_timet_with_zone(zone)

    def recurrence_id(event):
        p = event.get_first_property(I.PropertyKind.RECURRENCEID_PROPERTY)
        return None if p is None else instant(p.get_recurrenceid(), p)

    def prop(event, name):
        p = event.get_first_property(I.PropertyKind.X_PROPERTY)
        while p is not None:
            if p.get_x_name() == name:
                return p.get_value_as_string()
            p = event.get_next_property(I.PropertyKind.X_PROPERTY)
        return "-"

    def status(event):
        p = event.get_first_property(I.PropertyKind.STATUS_PROPERTY)
        return p.get_value_as_string() if p is not None else ""

    def line(event, start, end):
        return (event.get_uid(), prop(event, "X-FRONTDESK-ID"), start, end, status(event))

    # As Evolution does: an event with RECURRENCE-ID replaces the master's instance that
    # starts at that instant; the rest of the master's instances (EXDATE applied) are shown.
    overrides = {}
    for event in events:
        rid = recurrence_id(event)
        if rid is not None:
            overrides[(event.get_uid(), rid)] = event
    utc = I.Timezone.get_utc_timezone()
    begin = I.Time.new_from_timet_with_zone(int(WINDOW[0].timestamp()), False, utc)
    finish = I.Time.new_from_timet_with_zone(int(WINDOW[1].timestamp()), False, utc)
    for event in events:
        if recurrence_id(event) is not None:
            continue
        if event.get_first_property(I.PropertyKind.RRULE_PROPERTY) is None:
            yield line(event, instant(event.get_dtstart()), instant(event.get_dtend()))
            continue
        spans = []
        event.foreach_recurrence(
            begin, finish, lambda _c, span, _d: spans.append((span.get_start(), span.get_end())), None
        )
        for start, end in spans:
            override = overrides.pop((event.get_uid(), start), None)
            if override is None:
                yield line(event, start, end)
            else:
                yield line(override, instant(override.get_dtstart()), instant(override.get_dtend()))
    for uid, rid in overrides:
        raise ValueError(f"RECURRENCE-ID of {uid} at {rid} matches no instance of its rule")


def main():
    client = {"rie": rie, "libical": libical}[sys.argv[1]]
    for path in sys.argv[2:]:
        print(f"== {path}")
        try:
            rows = sorted(client(path))
        except Exception as error:  # noqa: BLE001 - the test shows what the client said
            print(f"!! {type(error).__name__}: {error}".replace("\n", " "))
            continue
        for row in rows:
            print("|".join(str(x) for x in row))


if __name__ == "__main__":
    main()
