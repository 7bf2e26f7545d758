//! The rules for settings edits, as tables: hours typed as text, names, colours, zones, lengths,
//! leave and blockouts (with real 2026 DST changes), and which appointments a change strands.

use chrono::{DateTime, Duration, TimeZone, Utc, Weekday};
use chrono_tz::Tz;
use frontdesk::scheduling::at_risk::{SetupChange, stranded};
use frontdesk::scheduling::hours::WEEKDAYS;
use frontdesk::scheduling::hours_text::{
    format_day, parse_clock, parse_day, parse_week, week_texts,
};
use frontdesk::scheduling::setup_rules::*;
use frontdesk::scheduling::*;
use uuid::Uuid;

fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("instant")
        .with_timezone(&Utc)
}

fn spans(text: &str) -> Vec<(u16, u16)> {
    parse_day(text)
        .unwrap_or_else(|e| panic!("{text:?}: {e}"))
        .iter()
        .map(|s| (s.start_minute, s.end_minute))
        .collect()
}

#[test]
fn a_day_of_hours_reads_in_the_ways_staff_type_it() {
    let table: &[(&str, &[(u16, u16)])] = &[
        ("09:00–13:00, 14:00–18:00", &[(540, 780), (840, 1080)]),
        ("9-13, 14-18", &[(540, 780), (840, 1080)]),
        ("14:00 - 18:00; 09:00 - 13:00", &[(540, 780), (840, 1080)]),
        ("9:30 to 12.45", &[(570, 765)]),
        ("00:00–24:00", &[(0, 1440)]),
        ("09:00–13:00, 13:00–17:00", &[(540, 780), (780, 1020)]),
        ("", &[]),
        ("  ", &[]),
        ("closed", &[]),
        ("Closed", &[]),
        ("off", &[]),
        // As people say it: a day that would end before it starts ends in the afternoon.
        ("9 to 5", &[(540, 1020)]),
        ("8:30-1, 2-6", &[(510, 780), (840, 1080)]),
        ("11-1", &[(660, 780)]),
        ("9-12, 1-5", &[(540, 720), (780, 1020)]),
        ("2-6", &[(120, 360)]), // alone, as written
        ("12-4", &[(720, 960)]),
        ("9am-5pm", &[(540, 1020)]),
        ("9 AM to 12:30 PM, 1:30pm-6pm", &[(540, 750), (810, 1080)]),
        ("12am-12pm", &[(0, 720)]),
    ];
    for (text, want) in table {
        assert_eq!(spans(text), *want, "{text:?}");
    }
}

#[test]
fn bad_hours_say_what_is_wrong_and_how_to_fix_it() {
    let table: &[(&str, &str)] = &[
        (
            "13:00–09:00",
            "13:00–09:00 ends before it starts: put the earlier time first",
        ),
        ("09:00–09:00", "09:00–09:00 ends before it starts"),
        // Written as 24-hour times (13:00) or with am/pm: read as written.
        ("5pm-9am", "17:00–09:00 ends before it starts"),
        ("13-1", "13:00–01:00 ends before it starts"),
        ("13pm-14", "\"13pm\" is not a time of day"),
        ("0am-5", "\"0am\" is not a time of day"),
        (
            "09:00–13:00, 12:00–18:00",
            "09:00–13:00 and 12:00–18:00 overlap: make them one span",
        ),
        (
            "9 13",
            "\"9 13\" is not a span of hours: write it as start–end",
        ),
        (
            "09:00-",
            "\"09:00-\" is not a span of hours: write it as start–end",
        ),
        ("–13:00", "\"–13:00\" is not a span of hours"),
        (
            "25:00–26:00",
            "\"25:00\" is not a time of day: write times as HH:MM",
        ),
        ("09:60–10:00", "\"09:60\" is not a time of day"),
        ("24:30–24:45", "\"24:30\" is not a time of day"),
        ("nine–five", "\"nine\" is not a time of day"),
        ("9:5–10:00", "\"9:5\" is not a time of day"),
        ("09:00–13:00,", ""), // a trailing comma is forgiven
    ];
    for (text, want) in table {
        match parse_day(text) {
            Ok(s) if want.is_empty() => assert_eq!(s.len(), 1),
            Ok(s) => panic!("{text:?} was accepted as {s:?}"),
            Err(e) => assert!(e.to_string().contains(want), "{text:?}: got \"{e}\""),
        }
    }
}

#[test]
fn clock_times_are_minutes_after_midnight() {
    for (text, minutes) in [
        ("0", 0),
        ("9", 540),
        ("09:05", 545),
        ("23:59", 1439),
        ("24:00", 1440),
    ] {
        assert_eq!(parse_clock(text), Ok(minutes), "{text}");
    }
    for text in ["-1", "24:01", "1:2", "123", "9:000", "ab"] {
        assert!(parse_clock(text).is_err(), "{text} accepted");
    }
}

#[test]
fn a_week_of_hours_reports_each_bad_day_on_its_own_field_and_round_trips() {
    let mut texts: [String; 7] = Default::default();
    texts[0] = "09:00–13:00, 14:00–18:00".into();
    texts[2] = "18:00–09:00".into();
    texts[5] = "9–12, 11–13".into();
    let problems = parse_week(&texts).expect_err("two bad days");
    let fields: Vec<Field> = problems.iter().map(|p| p.field).collect();
    assert_eq!(
        fields,
        [Field::Hours(Weekday::Wed), Field::Hours(Weekday::Sat)]
    );
    assert!(
        problems[0]
            .to_string()
            .starts_with("Wednesday: 18:00–09:00 ends before")
    );

    texts[2] = "closed".into();
    texts[5] = "9–11, 11–13".into();
    let hours = parse_week(&texts).expect("good week");
    assert_eq!(hours.on(Weekday::Mon).len(), 2);
    assert!(hours.on(Weekday::Wed).is_empty());
    let written = week_texts(&hours);
    assert_eq!(written[0], "09:00–13:00, 14:00–18:00");
    assert_eq!(written[5], "09:00–11:00, 11:00–13:00");
    assert_eq!(written[2], "");
    assert_eq!(
        parse_week(&written),
        Ok(hours.clone()),
        "what is shown is what is saved"
    );
    assert_eq!(format_day(hours.on(Weekday::Sun)), "");
}

#[test]
fn names_must_be_present_and_not_taken_ignoring_case_and_spaces() {
    let others = ["Dr. Anjali Rao", "Dr. Vikram Mehta"];
    assert_eq!(
        check_name("a doctor", "Dr. Priya Nair", others.into_iter()),
        Ok(())
    );
    for taken in ["dr. anjali rao", "  Dr.  Anjali   Rao ", "DR. VIKRAM MEHTA"] {
        let e = check_name("a doctor", taken, others.into_iter()).expect_err(taken);
        assert!(
            e.to_string().starts_with("there is already a doctor named"),
            "{e}"
        );
    }
    for empty in ["", "   "] {
        assert_eq!(
            check_name("a room", empty, others.into_iter())
                .expect_err("empty")
                .to_string(),
            "a room needs a name: type the name staff know it by"
        );
    }
    assert_eq!(tidy_name("  Room   7 "), "Room 7");
}

#[test]
fn colours_are_hash_and_six_hex_digits() {
    assert_eq!(parse_colour("#3B82F6"), Ok("#3b82f6".into()));
    assert_eq!(parse_colour(" #a3a3a3 "), Ok("#a3a3a3".into()));
    for bad in ["blue", "#fff", "3b82f6", "#3b82f6ff", "#3b82fg", ""] {
        let e = parse_colour(bad).expect_err(bad).to_string();
        assert!(
            e.contains("is not a colour: write # and six hex digits"),
            "{bad}: {e}"
        );
    }
}

#[test]
fn time_zones_must_be_iana_names_and_near_misses_get_a_suggestion() {
    assert_eq!(parse_zone("Asia/Kolkata"), Ok(chrono_tz::Asia::Kolkata));
    assert_eq!(parse_zone(" Europe/London "), Ok(chrono_tz::Europe::London));
    let table = [
        ("asia/kolkata", Some("Asia/Kolkata")),
        ("Kolkata", Some("Asia/Kolkata")),
        ("new york", Some("America/New_York")),
        ("Mars/Olympus", None),
        ("", None),
    ];
    for (text, suggestion) in table {
        let e = parse_zone(text).expect_err(text);
        let SetupError::UnknownZone {
            suggestion: got, ..
        } = &e
        else {
            panic!("{e:?}")
        };
        assert_eq!(got.as_deref(), suggestion, "{text}");
        let message = e.to_string();
        let hint = match suggestion {
            Some(zone) => {
                format!("is not a time zone: did you mean {zone}? Write the full IANA name")
            }
            None => "is not a time zone: use an IANA name such as Asia/Kolkata".to_owned(),
        };
        assert!(message.contains(&hint), "{message}");
    }
}

#[test]
fn lengths_must_be_in_range() {
    assert_eq!(parse_slot_minutes("15"), Ok(15));
    assert_eq!(parse_slot_minutes("5"), Ok(5));
    assert_eq!(parse_slot_minutes("240"), Ok(240));
    for bad in ["4", "241", "0", "-5", "fifteen", "", "15.5"] {
        let e = parse_slot_minutes(bad).expect_err(bad).to_string();
        assert!(e.contains("from 5 to 240"), "{bad}: {e}");
    }
    assert_eq!(parse_visit_minutes("1"), Ok(1));
    assert_eq!(parse_visit_minutes("480"), Ok(480));
    for bad in ["0", "481", "x"] {
        assert!(parse_visit_minutes(bad).is_err(), "{bad}");
    }
}

fn doctor(n: u128, name: &str, colour: &str) -> Doctor {
    Doctor {
        id: DoctorId(Uuid::from_u128(n)),
        name: name.into(),
        specialty: String::new(),
        colour: colour.into(),
        active: true,
    }
}

#[test]
fn whole_entities_report_every_problem_with_its_field() {
    let all = [
        doctor(1, "Dr. Rao", "#111111"),
        doctor(2, "Dr. Mehta", "#222222"),
    ];
    // Renaming a doctor to its own name is fine; to another's is not.
    assert!(doctor_problems(&doctor(1, "Dr. Rao", "#111111"), &all).is_empty());
    let problems = doctor_problems(&doctor(1, "dr. mehta", "red"), &all);
    let fields: Vec<Field> = problems.iter().map(|p| p.field).collect();
    assert_eq!(fields, [Field::Name, Field::Colour]);

    let visit = VisitType {
        id: VisitTypeId(Uuid::from_u128(5)),
        name: " ".into(),
        minutes: 0,
        colour: "#12345".into(),
        default_mode: Mode::InClinic,
    };
    let fields: Vec<Field> = visit_type_problems(&visit, &[])
        .iter()
        .map(|p| p.field)
        .collect();
    assert_eq!(fields, [Field::Name, Field::Minutes, Field::Colour]);

    let clinic = Clinic {
        id: ClinicId(Uuid::from_u128(9)),
        name: "Lotus".into(),
        address: String::new(),
        time_zone: chrono_tz::Asia::Kolkata,
        opening_hours: WeeklyHours::default(),
        slot_minutes: 300,
    };
    let problems = clinic_problems(&clinic, std::slice::from_ref(&clinic));
    let fields: Vec<Field> = problems.iter().map(|p| p.field).collect();
    assert_eq!(fields, [Field::SlotMinutes, Field::Week]);
    assert!(
        problems[1]
            .error
            .to_string()
            .contains("would never be open")
    );

    // Rooms may share a name across clinics but not within one.
    let room = |n: u128, clinic: u128, name: &str| Room {
        id: RoomId(Uuid::from_u128(n)),
        clinic: ClinicId(Uuid::from_u128(clinic)),
        name: name.into(),
        kind: RoomKind::Consultation,
        active: true,
    };
    let rooms = [room(1, 1, "Room 1"), room(2, 2, "Room 2")];
    assert!(room_problems(&room(3, 1, "Room 2"), &rooms).is_empty());
    assert_eq!(room_problems(&room(3, 2, "room 2"), &rooms).len(), 1);

    let staff = |n: u128, name: &str| StaffMember {
        id: StaffId(Uuid::from_u128(n)),
        name: name.into(),
        role: StaffRole::Receptionist,
        active: true,
    };
    assert_eq!(
        staff_problems(&staff(2, "Maria"), &[staff(1, "maria")]).len(),
        1
    );
    assert!(staff_problems(&staff(1, "Maria"), &[staff(1, "maria")]).is_empty());
}

#[test]
fn leave_reads_whole_days_or_wall_times_in_the_clinic_zone() {
    let kolkata = chrono_tz::Asia::Kolkata;
    let (leave, notices) =
        parse_absence(kolkata, "2026-12-01", "2026-12-05", " Annual leave ").expect("days");
    assert_eq!(leave.interval.start, utc("2026-11-30T18:30:00Z"));
    assert_eq!(
        leave.interval.end,
        utc("2026-12-05T18:30:00Z"),
        "through the 5th"
    );
    assert_eq!(leave.reason, "Annual leave");
    assert!(notices.is_empty());
    assert_eq!(
        format_absence(kolkata, leave.interval),
        "Tue 1 Dec 2026 – Sat 5 Dec 2026"
    );
    let (one, _) = parse_absence(kolkata, "2026-12-01", "2026-12-01", "").expect("one day");
    assert_eq!(one.interval.minutes(), 24 * 60);
    assert_eq!(format_absence(kolkata, one.interval), "Tue 1 Dec 2026");

    let (afternoon, _) =
        parse_absence(kolkata, "2026-12-01 14:00", "2026-12-01 18:00", "").expect("times");
    assert_eq!(afternoon.interval.minutes(), 240);
    assert_eq!(
        format_absence(kolkata, afternoon.interval),
        "2026-12-01 14:00 – 2026-12-01 18:00"
    );
}

#[test]
fn bad_leave_is_refused_on_the_right_field() {
    let kolkata = chrono_tz::Asia::Kolkata;
    let table: &[(&str, &str, Field, &str)] = &[
        ("2026-12-05", "2026-12-01", Field::End, "before it starts"),
        (
            "2026-12-01 14:00",
            "2026-12-01 09:00",
            Field::End,
            "give an end after the start",
        ),
        (
            "2026-12-01 14:00",
            "2026-12-01 14:00",
            Field::End,
            "before it starts",
        ),
        (
            "1 Dec",
            "2026-12-05",
            Field::Start,
            "\"1 Dec\" is not a date",
        ),
        ("2026-12-01", "2026-13-01", Field::End, "is not a date"),
        ("2026-01-01", "2027-12-31", Field::End, "at most 400 days"),
    ];
    for (start, end, field, want) in table {
        let problems = parse_absence(kolkata, start, end, "").expect_err(start);
        assert_eq!(problems[0].field, *field, "{start} – {end}");
        assert!(
            problems[0].error.to_string().contains(want),
            "{start} – {end}: {}",
            problems[0].error
        );
    }
    let both = parse_absence(kolkata, "x", "y", "").expect_err("both");
    assert_eq!(both.len(), 2);
}

#[test]
fn leave_around_real_2026_clock_changes() {
    let london: Tz = chrono_tz::Europe::London;
    // 29 March 2026: 01:00–02:00 does not exist in London.
    let gap = parse_absence(london, "2026-03-29 01:30", "2026-03-29 12:00", "").expect_err("gap");
    assert_eq!(gap[0].field, Field::Start);
    assert_eq!(
        gap[0].error.to_string(),
        "2026-03-29 01:30 does not exist in Europe/London: the clocks go forward then; the next valid time is 2026-03-29 02:00"
    );
    // The whole day is 23 hours long.
    let (day, _) = parse_absence(london, "2026-03-29", "2026-03-29", "").expect("day");
    assert_eq!(day.interval.minutes(), 23 * 60);
    // 25 October 2026: 01:30 happens twice; the earlier one is used, and said so.
    let (fold, notices) =
        parse_absence(london, "2026-10-25 01:30", "2026-10-25 03:00", "").expect("fold");
    assert_eq!(fold.interval.start, utc("2026-10-25T00:30:00Z"));
    assert_eq!(notices.len(), 1);
    assert!(
        notices[0].contains("happens twice in Europe/London"),
        "{}",
        notices[0]
    );
    let (long_day, _) = parse_absence(london, "2026-10-25", "2026-10-25", "").expect("day");
    assert_eq!(long_day.interval.minutes(), 25 * 60);
}

fn appointment(
    n: u128,
    doctor: u128,
    room: Option<u128>,
    start: DateTime<Utc>,
    minutes: i64,
) -> Appointment {
    Appointment {
        id: AppointmentId(Uuid::from_u128(n)),
        clinic: ClinicId(Uuid::from_u128(100)),
        patient: PatientId(Uuid::from_u128(200)),
        doctor: DoctorId(Uuid::from_u128(doctor)),
        room: room.map(|r| RoomId(Uuid::from_u128(r))),
        visit_type: None,
        interval: Interval::new(start, start + Duration::minutes(minutes)),
        mode: Mode::InClinic,
        kind: Kind::Scheduled,
        priority: 0,
        status: Status::Scheduled,
        reason: String::new(),
        notes: String::new(),
        meeting_link: String::new(),
        queue_token: String::new(),
        arrived_at: None,
        consultation_started_at: None,
        completed_at: None,
        cancellation: None,
        created_by: "test".into(),
        updated_by: "test".into(),
        sequence: 0,
    }
}

fn ids(list: &[AppointmentId]) -> Vec<u128> {
    list.iter().map(|a| a.0.as_u128()).collect()
}

#[test]
fn new_hours_strand_exactly_the_appointments_they_no_longer_cover() {
    let zone = chrono_tz::Asia::Kolkata;
    let at = |text: &str| {
        let wall = frontdesk::scheduling::time::parse_wall_time(text).expect("wall");
        zone.from_local_datetime(&wall)
            .single()
            .expect("exact")
            .with_timezone(&Utc)
    };
    let now = at("2026-12-01 08:00");
    let week = |text: &str| parse_week(&WEEKDAYS.map(|_| text.to_owned())).expect("hours");
    let mut cancelled = appointment(6, 1, None, at("2026-12-02 18:00"), 15);
    cancelled.status = Status::Cancelled;
    let mut done = appointment(7, 1, None, at("2026-11-30 18:00"), 15);
    done.status = Status::Completed;
    let list = [
        appointment(1, 1, None, at("2026-12-02 09:00"), 15), // inside 09–13
        appointment(2, 1, None, at("2026-12-02 12:50"), 15), // runs past 13:00
        appointment(3, 1, None, at("2026-12-02 17:00"), 30), // afternoon, now gone
        appointment(4, 2, None, at("2026-12-02 17:00"), 30), // another doctor
        appointment(5, 1, None, at("2026-11-30 17:00"), 30), // in the past
        cancelled,                                           // holds no time
        done,
    ];
    let change = SetupChange::DoctorHours {
        doctor: DoctorId(Uuid::from_u128(1)),
        clinic: ClinicId(Uuid::from_u128(100)),
        hours: week("09:00–13:00"),
    };
    let clinic_hours = week("08:00–20:00");
    assert_eq!(
        ids(&stranded(&change, zone, &clinic_hours, now, &list)),
        [2, 3]
    );
    // Split hours that touch cover an appointment across the seam.
    let seam = SetupChange::DoctorHours {
        doctor: DoctorId(Uuid::from_u128(1)),
        clinic: ClinicId(Uuid::from_u128(100)),
        hours: week("09:00–13:00, 13:00–18:00"),
    };
    assert!(stranded(&seam, zone, &clinic_hours, now, &list).is_empty());

    // Clinic hours concern every doctor; a new zone moves every wall time.
    let clinic = SetupChange::ClinicHours {
        clinic: ClinicId(Uuid::from_u128(100)),
        zone,
        hours: week("09:00–17:00"),
    };
    assert_eq!(
        ids(&stranded(&clinic, zone, &clinic_hours, now, &list)),
        [3, 4]
    );
    let moved_zone = SetupChange::ClinicHours {
        clinic: ClinicId(Uuid::from_u128(100)),
        zone: chrono_tz::Europe::London,
        hours: week("08:00–20:00"),
    };
    // 09:00 in Kolkata is 03:30 in London: before opening.
    assert_eq!(
        ids(&stranded(&moved_zone, zone, &clinic_hours, now, &list)),
        [1, 2]
    );
}

#[test]
fn leave_blockouts_and_deactivation_strand_what_they_overlap() {
    let zone = chrono_tz::Asia::Kolkata;
    let now = utc("2026-12-01T00:00:00Z");
    let list = [
        appointment(1, 1, Some(10), utc("2026-12-02T04:00:00Z"), 30),
        appointment(2, 1, Some(11), utc("2026-12-03T04:00:00Z"), 30),
        appointment(3, 2, Some(10), utc("2026-12-02T05:00:00Z"), 30),
    ];
    let hours = WeeklyHours::always();
    let leave = SetupChange::DoctorLeave {
        doctor: DoctorId(Uuid::from_u128(1)),
        interval: Interval::new(utc("2026-12-02T00:00:00Z"), utc("2026-12-03T00:00:00Z")),
    };
    assert_eq!(ids(&stranded(&leave, zone, &hours, now, &list)), [1]);
    // Back to back with the leave is not on it.
    let touching = SetupChange::DoctorLeave {
        doctor: DoctorId(Uuid::from_u128(1)),
        interval: Interval::new(utc("2026-12-02T04:30:00Z"), utc("2026-12-02T06:00:00Z")),
    };
    assert!(stranded(&touching, zone, &hours, now, &list).is_empty());
    let block = SetupChange::RoomBlockout {
        room: RoomId(Uuid::from_u128(10)),
        interval: Interval::new(utc("2026-12-02T00:00:00Z"), utc("2026-12-04T00:00:00Z")),
    };
    assert_eq!(ids(&stranded(&block, zone, &hours, now, &list)), [1, 3]);
    let gone = SetupChange::DoctorInactive {
        doctor: DoctorId(Uuid::from_u128(1)),
    };
    assert_eq!(ids(&stranded(&gone, zone, &hours, now, &list)), [1, 2]);
    // A room that falls back to the clinic's hours is checked against them.
    let room_hours = SetupChange::RoomHours {
        room: RoomId(Uuid::from_u128(10)),
        hours: None,
    };
    let short = parse_week(&WEEKDAYS.map(|_| "10:00–11:00".to_owned())).expect("hours");
    // Appointment 1 is at 09:30 local (before 10:00); 3 is at 10:30–11:00 (inside).
    assert_eq!(ids(&stranded(&room_hours, zone, &short, now, &list)), [1]);
}

#[test]
fn the_window_checked_is_bounded_and_starts_now() {
    let now = utc("2026-12-01T00:00:00Z");
    let hours = SetupChange::DoctorInactive {
        doctor: DoctorId(Uuid::nil()),
    };
    let w = hours.window(now).expect("window");
    assert_eq!(w.start, now);
    assert_eq!(
        (w.end - w.start).num_days(),
        frontdesk::scheduling::at_risk::HORIZON_DAYS
    );
    let past = SetupChange::DoctorLeave {
        doctor: DoctorId(Uuid::nil()),
        interval: Interval::new(now - Duration::days(3), now - Duration::days(1)),
    };
    assert_eq!(past.window(now), None, "leave in the past strands nothing");
    let running = SetupChange::DoctorLeave {
        doctor: DoctorId(Uuid::nil()),
        interval: Interval::new(now - Duration::days(1), now + Duration::days(1)),
    };
    assert_eq!(running.window(now).map(|w| w.start), Some(now));
}
