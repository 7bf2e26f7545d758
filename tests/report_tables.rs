//! The report tables and their writers: RFC 4180 quoting, empty figures, JSON types and the
//! totals rows, on a one-room clinic whose figures are easy to check.

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use frontdesk::reports::format::{csv, json_lines, text};
use frontdesk::reports::{Cell, ReportTable, table};
use frontdesk::scheduling::hours::WEEKDAYS;
use frontdesk::scheduling::report::{
    DoctorSetup, ReportInput, ReportRange, RoomSetup, Visit, compute,
};
use frontdesk::scheduling::*;
use uuid::Uuid;

#[test]
fn a_name_a_spreadsheet_would_run_is_neutralised_in_report_csv() {
    let mut r = report();
    r.rooms[0].name = "=HYPERLINK(\"http://x\",\"Room\")".into();
    let t = table(&r, ReportTable::Rooms);
    let csv = csv(&t);
    let line = csv.lines().nth(1).expect("a row");
    assert!(
        line.starts_with("\"'=HYPERLINK(\"\"http://x\"\",\"\"Room\"\")\","),
        "{line}"
    );
    // Figures that look like numbers stay numbers.
    assert!(line.ends_with(",480,120,25.0,60,12.5"), "{line}");
}

/// One room named with a comma and quotes, open 09:00–17:00 (480 min) on Monday 2026-11-23
/// (UTC clinic), one doctor; one 60-minute visit done, one no-show; nothing on Tuesday.
fn report() -> frontdesk::scheduling::report::Report {
    let at = |h: u32| Utc.with_ymd_and_hms(2026, 11, 23, h, 0, 0).unwrap();
    let doctor = DoctorId(Uuid::from_u128(1));
    let room = RoomId(Uuid::from_u128(2));
    let base = Visit {
        doctor,
        room: Some(room),
        visit_type: None,
        interval: Interval::new(at(9), at(10)),
        status: Status::Completed,
        late_cancel: false,
        arrived_at: Some(at(9) - Duration::minutes(5)),
        consultation_started_at: Some(at(9)),
        completed_at: Some(at(10)),
        // Called two minutes before the consultation started.
        called_at: Some(at(9) - Duration::minutes(2)),
    };
    let missed = Visit {
        interval: Interval::new(at(10), at(11)),
        status: Status::NoShow,
        arrived_at: None,
        consultation_started_at: None,
        completed_at: None,
        called_at: None,
        ..base
    };
    let hours = WeeklyHours::same_each(&WEEKDAYS[..1], &[DaySpan::new(9 * 60, 17 * 60)]).unwrap();
    compute(&ReportInput {
        clinic_name: "Clinic".into(),
        zone: chrono_tz::UTC,
        clinic_hours: hours.clone(),
        range: ReportRange::new(
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
        )
        .unwrap(),
        now: at(12),
        rooms: vec![RoomSetup {
            id: room,
            name: "The \"big\" room, east".into(),
            hours: None,
            blockouts: vec![],
        }],
        doctors: vec![DoctorSetup {
            id: doctor,
            name: "Dr. Zoë Ng".into(),
            hours,
            leave: vec![],
        }],
        visit_types: vec![],
        visits: vec![base, missed],
    })
}

#[test]
fn the_rooms_table_as_csv_json_and_text() {
    let t = table(&report(), ReportTable::Rooms);
    assert_eq!(
        csv(&t),
        "room,open_minutes,booked_minutes,booked_pct,used_minutes,used_pct\r\n\
         \"The \"\"big\"\" room, east\",480,120,25.0,60,12.5\r\n\
         All rooms,480,120,25.0,60,12.5\r\n"
    );
    let json = json_lines(&t);
    let first = json.lines().next().unwrap();
    assert_eq!(
        first,
        r#"{"room":"The \"big\" room, east","open_minutes":480,"booked_minutes":120,"booked_pct":25.0,"used_minutes":60,"used_pct":12.5}"#
    );
    let shown = text(&t, "Rooms");
    assert!(shown.contains("25.0 %"), "{shown}");
    assert!(shown.lines().nth(1).unwrap().starts_with("Room"), "{shown}");
}

#[test]
fn a_day_with_nothing_open_has_empty_shares() {
    let t = table(&report(), ReportTable::RoomDays);
    assert_eq!(t.rows.len(), 2, "one room, two days");
    // Tuesday is closed: no share rather than 0 % or a division by zero.
    assert_eq!(
        t.rows[1][0],
        Cell::Date(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap())
    );
    assert_eq!(t.rows[1][4], Cell::Share(None));
    assert!(csv(&t).ends_with("2026-11-24,\"The \"\"big\"\" room, east\",0,0,,0,\r\n"));
    assert!(
        json_lines(&t)
            .lines()
            .nth(1)
            .unwrap()
            .contains("\"booked_pct\":null")
    );
    assert!(text(&t, "Days").contains('—'));
}

#[test]
fn attendance_and_timing_tables_end_with_their_totals() {
    let r = report();
    let no_shows = table(&r, ReportTable::NoShows);
    let last = no_shows.rows.last().unwrap();
    assert_eq!(last[0], Cell::Text("clinic".into()));
    // Two due, one done, one no-show (50 %), no cancellations.
    assert_eq!(
        &last[2..6],
        &[
            Cell::Count(2),
            Cell::Count(1),
            Cell::Count(1),
            Cell::Share(Some(0.5))
        ]
    );
    let waiting = table(&r, ReportTable::Waiting);
    let all = waiting.rows.last().unwrap();
    assert_eq!(all[0], Cell::Text("All doctors".into()));
    assert_eq!(all[1], Cell::Count(1));
    assert_eq!(all[2], Cell::Minutes(Some(5.0)));
    // Called two minutes before being seen: the called-to-seen columns, then the length.
    assert_eq!(waiting.columns[5].key, "called");
    assert_eq!(all[5], Cell::Count(1));
    assert_eq!(all[6], Cell::Minutes(Some(2.0)));
    assert_eq!(all[10], Cell::Minutes(Some(60.0)));
    let hours = table(&r, ReportTable::BusiestHours);
    assert_eq!(hours.columns.len(), 25);
    assert_eq!(hours.rows[0][0], Cell::Text("Mon".into()));
    assert_eq!(hours.rows[0][10], Cell::Count(1), "Monday 09:00");
    assert_eq!(
        hours.rows[0][11],
        Cell::Count(1),
        "Monday 10:00 (the no-show held its time)"
    );
}
