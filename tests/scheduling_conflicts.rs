//! Conflict detection (`check`), the accept/refuse/overbook decision (`decide`) and turning a
//! clinic-local start into an interval (`plan_local`), as DESIGN.md §2 describes them.
//!
//! The clinic is in Asia/Kolkata (UTC+05:30), so a message that shows UTC instead of clinic-local
//! time is caught: 10:00 local is 04:30 UTC.

use chrono::{DateTime, Duration, NaiveDateTime, TimeZone, Utc, Weekday};
use chrono_tz::Asia::Kolkata;
use chrono_tz::Tz;
use frontdesk::scheduling::{
    Absence, AppointmentId, Booked, Conflict, ConflictContext, DaySpan, DoctorId, Interval, Kind,
    MAX_APPOINTMENT_MINUTES, PatientId, Proposal, RoomId, RoomRules, Severity, Status, Verdict,
    WeeklyHours, check, decide, plan_local,
};
use uuid::Uuid;

// ---------------------------------------------------------------------------------------------
// helpers

const ZONE: Tz = Kolkata;
const WEEKDAYS: [Weekday; 5] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
];

fn doctor() -> DoctorId {
    DoctorId(Uuid::from_u128(0xD1))
}
fn other_doctor() -> DoctorId {
    DoctorId(Uuid::from_u128(0xD2))
}
fn patient() -> PatientId {
    PatientId(Uuid::from_u128(0xB1))
}
fn other_patient() -> PatientId {
    PatientId(Uuid::from_u128(0xB2))
}
fn room() -> RoomId {
    RoomId(Uuid::from_u128(0xE1))
}
fn other_room() -> RoomId {
    RoomId(Uuid::from_u128(0xE2))
}
fn appt(n: u128) -> AppointmentId {
    AppointmentId(Uuid::from_u128(0xA000 + n))
}

fn hm(h: u16, m: u16) -> u16 {
    h * 60 + m
}

/// A clinic-local instant in June 2026 (2026-06-15 is a Monday, 06-20 a Saturday).
fn local(day: u32, h: u32, m: u32) -> DateTime<Utc> {
    ZONE.with_ymd_and_hms(2026, 6, day, h, m, 0)
        .single()
        .expect("Kolkata has no DST")
        .with_timezone(&Utc)
}

/// Monday 2026-06-15, clinic-local.
fn mon(h: u32, m: u32) -> DateTime<Utc> {
    local(15, h, m)
}

fn span(a: DateTime<Utc>, b: DateTime<Utc>) -> Interval {
    Interval::new(a, b)
}

/// Long before every proposal.
fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 1, 0, 0, 0).unwrap()
}

/// Doctor works 09:00–13:00 and 14:00–18:00 Monday to Friday.
fn doctor_hours() -> WeeklyHours {
    WeeklyHours::same_each(
        &WEEKDAYS,
        &[
            DaySpan::new(hm(9, 0), hm(13, 0)),
            DaySpan::new(hm(14, 0), hm(18, 0)),
        ],
    )
    .unwrap()
}

/// Clinic open 08:00–20:00 Monday to Saturday.
fn clinic_hours() -> WeeklyHours {
    let mut days = WEEKDAYS.to_vec();
    days.push(Weekday::Sat);
    WeeklyHours::same_each(&days, &[DaySpan::new(hm(8, 0), hm(20, 0))]).unwrap()
}

fn context() -> ConflictContext {
    ConflictContext {
        zone: ZONE,
        clinic_name: "Indiranagar Clinic".to_owned(),
        clinic_hours: clinic_hours(),
        doctor_name: "Dr. Anjali Rao".to_owned(),
        doctor_active: true,
        doctor_hours: doctor_hours(),
        doctor_leave: Vec::new(),
        room: None,
        nearby: Vec::new(),
    }
}

fn room_rules() -> RoomRules {
    RoomRules {
        name: "Room 3".to_owned(),
        hours: None,
        blockouts: Vec::new(),
        active: true,
    }
}

fn proposal(interval: Interval) -> Proposal {
    Proposal {
        doctor: doctor(),
        room: None,
        patient: patient(),
        interval,
        kind: Kind::Scheduled,
        moving: None,
    }
}

fn booked(id: u128, interval: Interval) -> Booked {
    Booked {
        id: appt(id),
        doctor: other_doctor(),
        room: None,
        patient: other_patient(),
        interval,
        status: Status::Confirmed,
        patient_name: "Meera Iyer".to_owned(),
        doctor_name: "Dr. Vikram Shah".to_owned(),
    }
}

fn booked_with_same_doctor(id: u128, interval: Interval) -> Booked {
    Booked {
        doctor: doctor(),
        doctor_name: "Dr. Anjali Rao".to_owned(),
        ..booked(id, interval)
    }
}

/// A short name per conflict variant, for readable table assertions.
fn tag(c: &Conflict) -> &'static str {
    match c {
        Conflict::DoctorBooked(_) => "doctor_booked",
        Conflict::RoomBooked(_) => "room_booked",
        Conflict::PatientBooked(_) => "patient_booked",
        Conflict::OutsideWorkingHours { .. } => "outside_hours",
        Conflict::DoctorOnLeave { .. } => "on_leave",
        Conflict::DoctorInactive { .. } => "doctor_inactive",
        Conflict::RoomBlocked { .. } => "room_blocked",
        Conflict::RoomClosed { .. } => "room_closed",
        Conflict::ClinicClosed { .. } => "clinic_closed",
        Conflict::StartInPast { .. } => "start_in_past",
        Conflict::EndNotAfterStart => "end_not_after_start",
        Conflict::NotOnWholeMinute { .. } => "not_on_whole_minute",
        Conflict::NotWholeMinutesLong { .. } => "not_whole_minutes_long",
        Conflict::OutsideDateRange { .. } => "outside_date_range",
        Conflict::TooLong { .. } => "too_long",
        Conflict::LocalTimeInGap { .. } => "local_time_in_gap",
        Conflict::LocalTimeAmbiguous { .. } => "local_time_ambiguous",
    }
}

fn tags(conflicts: &[Conflict]) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = conflicts.iter().map(tag).collect();
    out.sort_unstable();
    out
}

fn wall(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
}

// ---------------------------------------------------------------------------------------------
// a clean booking

#[test]
fn a_booking_inside_all_hours_with_nothing_nearby_has_no_conflicts_and_is_accepted() {
    let p = proposal(span(mon(10, 0), mon(10, 30)));
    let conflicts = check(&p, &context(), now());
    assert_eq!(conflicts, vec![]);
    assert_eq!(
        decide(conflicts, None),
        Verdict::Accept {
            overbooked: None,
            conflicts: vec![]
        }
    );
}

// ---------------------------------------------------------------------------------------------
// overlaps: doctor, room, patient

#[test]
fn doctor_overlap_is_half_open_back_to_back_is_fine() {
    // Existing: the same doctor, another patient, 10:00–10:30 local.
    let mut ctx = context();
    ctx.nearby = vec![booked_with_same_doctor(1, span(mon(10, 0), mon(10, 30)))];
    let table: &[(&str, DateTime<Utc>, DateTime<Utc>, bool)] = &[
        ("ends exactly when it starts", mon(9, 30), mon(10, 0), false),
        (
            "starts exactly when it ends",
            mon(10, 30),
            mon(11, 0),
            false,
        ),
        ("ends one minute into it", mon(9, 31), mon(10, 1), true),
        (
            "starts one minute before its end",
            mon(10, 29),
            mon(10, 59),
            true,
        ),
        ("same interval", mon(10, 0), mon(10, 30), true),
        ("inside it", mon(10, 10), mon(10, 20), true),
        ("around it", mon(9, 45), mon(10, 45), true),
        ("well before", mon(9, 0), mon(9, 30), false),
        ("well after", mon(11, 0), mon(11, 30), false),
    ];
    for (case, a, b, conflict) in table {
        let conflicts = check(&proposal(span(*a, *b)), &ctx, now());
        let want: Vec<&str> = if *conflict {
            vec!["doctor_booked"]
        } else {
            vec![]
        };
        assert_eq!(tags(&conflicts), want, "{case}");
        if *conflict {
            assert_eq!(conflicts[0].clash().unwrap().id, appt(1), "{case}");
            assert_eq!(conflicts[0].severity(), Severity::Hard, "{case}");
        }
    }
}

#[test]
fn another_doctors_booking_is_not_a_doctor_conflict() {
    let mut ctx = context();
    ctx.nearby = vec![booked(1, span(mon(10, 0), mon(10, 30)))];
    assert_eq!(
        check(&proposal(span(mon(10, 0), mon(10, 30))), &ctx, now()),
        vec![]
    );
}

#[test]
fn room_overlap_only_when_both_name_the_same_room() {
    let iv = span(mon(11, 0), mon(11, 20));
    let table: &[(&str, Option<RoomId>, Option<RoomId>, bool)] = &[
        ("same room", Some(room()), Some(room()), true),
        ("different rooms", Some(room()), Some(other_room()), false),
        ("proposal has no room", None, Some(room()), false),
        ("existing has no room", Some(room()), None, false),
        ("neither has a room", None, None, false),
    ];
    for (case, wanted, existing_room, conflict) in table {
        let mut ctx = context();
        ctx.room = wanted.map(|_| room_rules());
        ctx.nearby = vec![Booked {
            room: *existing_room,
            ..booked(2, span(mon(11, 10), mon(11, 40)))
        }];
        let mut p = proposal(iv);
        p.room = *wanted;
        let want: Vec<&str> = if *conflict {
            vec!["room_booked"]
        } else {
            vec![]
        };
        assert_eq!(tags(&check(&p, &ctx, now())), want, "{case}");
    }
}

#[test]
fn back_to_back_in_the_same_room_is_fine() {
    let mut ctx = context();
    ctx.room = Some(room_rules());
    ctx.nearby = vec![Booked {
        room: Some(room()),
        ..booked(2, span(mon(11, 0), mon(11, 30)))
    }];
    let mut p = proposal(span(mon(11, 30), mon(12, 0)));
    p.room = Some(room());
    assert_eq!(check(&p, &ctx, now()), vec![]);
    p.interval = span(mon(10, 30), mon(11, 0));
    assert_eq!(check(&p, &ctx, now()), vec![]);
}

#[test]
fn patient_already_booked_with_another_doctor_conflicts() {
    let mut ctx = context();
    ctx.nearby = vec![Booked {
        patient: patient(),
        patient_name: "Kiran Kumar".to_owned(),
        ..booked(3, span(mon(15, 0), mon(15, 30)))
    }];
    let conflicts = check(&proposal(span(mon(15, 15), mon(15, 45))), &ctx, now());
    assert_eq!(tags(&conflicts), ["patient_booked"]);
    // Back-to-back for the patient is fine too.
    assert_eq!(
        check(&proposal(span(mon(15, 30), mon(16, 0))), &ctx, now()),
        vec![]
    );
}

#[test]
fn the_same_appointment_can_conflict_on_doctor_room_and_patient_at_once() {
    let mut ctx = context();
    ctx.room = Some(room_rules());
    ctx.nearby = vec![Booked {
        doctor: doctor(),
        room: Some(room()),
        patient: patient(),
        ..booked(4, span(mon(16, 0), mon(16, 30)))
    }];
    let mut p = proposal(span(mon(16, 0), mon(16, 30)));
    p.room = Some(room());
    let conflicts = check(&p, &ctx, now());
    assert_eq!(
        tags(&conflicts),
        ["doctor_booked", "patient_booked", "room_booked"]
    );
    assert!(conflicts.iter().all(|c| c.clash().unwrap().id == appt(4)));
}

#[test]
fn only_appointments_that_hold_their_time_conflict() {
    for status in Status::ALL {
        let mut ctx = context();
        ctx.room = Some(room_rules());
        ctx.nearby = vec![Booked {
            doctor: doctor(),
            room: Some(room()),
            patient: patient(),
            status,
            ..booked(5, span(mon(10, 0), mon(10, 30)))
        }];
        let mut p = proposal(span(mon(10, 0), mon(10, 30)));
        p.room = Some(room());
        let conflicts = check(&p, &ctx, now());
        let frees_its_time = matches!(
            status,
            Status::Cancelled | Status::NoShow | Status::EnteredInError
        );
        if frees_its_time {
            assert_eq!(conflicts, vec![], "a {} appointment", status.as_str());
        } else {
            assert_eq!(
                tags(&conflicts),
                ["doctor_booked", "patient_booked", "room_booked"],
                "a {} appointment",
                status.as_str()
            );
        }
    }
}

#[test]
fn moving_an_appointment_does_not_conflict_with_itself_but_still_with_others() {
    let mut ctx = context();
    ctx.room = Some(room_rules());
    let itself = Booked {
        doctor: doctor(),
        room: Some(room()),
        patient: patient(),
        ..booked(6, span(mon(10, 0), mon(10, 30)))
    };
    ctx.nearby = vec![itself.clone()];
    // Moved 15 minutes later: it overlaps where it used to be.
    let mut p = proposal(span(mon(10, 15), mon(10, 45)));
    p.room = Some(room());
    p.moving = Some(appt(6));
    assert_eq!(check(&p, &ctx, now()), vec![]);

    // Without `moving` the same proposal clashes with it: the exemption is what made it pass.
    p.moving = None;
    assert_eq!(
        tags(&check(&p, &ctx, now())),
        ["doctor_booked", "patient_booked", "room_booked"]
    );

    // A second appointment of the doctor at the new time still conflicts.
    ctx.nearby
        .push(booked_with_same_doctor(7, span(mon(10, 30), mon(11, 0))));
    p.moving = Some(appt(6));
    let conflicts = check(&p, &ctx, now());
    assert_eq!(tags(&conflicts), ["doctor_booked"]);
    assert_eq!(conflicts[0].clash().unwrap().id, appt(7));
}

#[test]
fn overlap_messages_name_patient_doctor_and_clinic_local_time() {
    let mut ctx = context();
    ctx.nearby = vec![Booked {
        patient: patient(),
        ..booked_with_same_doctor(8, span(mon(10, 0), mon(10, 30)))
    }];
    let conflicts = check(&proposal(span(mon(10, 15), mon(10, 45))), &ctx, now());
    assert_eq!(tags(&conflicts), ["doctor_booked", "patient_booked"]);
    for c in &conflicts {
        let message = c.to_string();
        assert!(message.contains("Meera Iyer"), "patient name: {message}");
        assert!(message.contains("Dr. Anjali Rao"), "doctor name: {message}");
        assert!(message.contains("2026-06-15"), "local date: {message}");
        assert!(message.contains("10:00"), "local start: {message}");
        assert!(message.contains("10:30"), "local end: {message}");
        // 10:00 IST is 04:30 UTC: the message must not show UTC.
        assert!(!message.contains("04:30"), "shows UTC: {message}");
        let clash = c.clash().unwrap();
        assert_eq!(clash.start.naive_local(), wall("2026-06-15 10:00"));
        assert_eq!(clash.end.naive_local(), wall("2026-06-15 10:30"));
    }
}

#[test]
fn room_overlap_message_names_the_other_booking() {
    let mut ctx = context();
    ctx.room = Some(room_rules());
    ctx.nearby = vec![Booked {
        room: Some(room()),
        ..booked(9, span(mon(12, 0), mon(12, 30)))
    }];
    let mut p = proposal(span(mon(12, 0), mon(12, 30)));
    p.room = Some(room());
    let conflicts = check(&p, &ctx, now());
    assert_eq!(tags(&conflicts), ["room_booked"]);
    let message = conflicts[0].to_string();
    assert!(message.contains("Meera Iyer"), "{message}");
    assert!(message.contains("Dr. Vikram Shah"), "{message}");
    assert!(message.contains("12:00"), "{message}");
    assert!(!message.contains("06:30"), "shows UTC: {message}");
}

// ---------------------------------------------------------------------------------------------
// hours, leave, rooms, clinic

#[test]
fn working_hours_with_a_lunch_break() {
    // Doctor: 09:00–13:00 and 14:00–18:00 weekdays; clinic 08:00–20:00 Mon–Sat.
    let table: &[(&str, DateTime<Utc>, DateTime<Utc>, bool)] = &[
        ("first slot of the morning", mon(9, 0), mon(9, 30), true),
        ("last slot before lunch", mon(12, 30), mon(13, 0), true),
        ("first slot after lunch", mon(14, 0), mon(14, 30), true),
        ("last slot of the day", mon(17, 30), mon(18, 0), true),
        ("whole morning", mon(9, 0), mon(13, 0), true),
        ("before the doctor starts", mon(8, 30), mon(9, 0), false),
        ("starts before the doctor", mon(8, 45), mon(9, 15), false),
        ("straddles the lunch break", mon(12, 30), mon(13, 30), false),
        (
            "over the whole lunch break",
            mon(12, 45),
            mon(14, 15),
            false,
        ),
        ("inside the lunch break", mon(13, 0), mon(14, 0), false),
        ("ends in the lunch break", mon(12, 45), mon(13, 15), false),
        ("starts in the lunch break", mon(13, 45), mon(14, 15), false),
        (
            "runs past the end of the day",
            mon(17, 45),
            mon(18, 15),
            false,
        ),
        (
            "Saturday: clinic open, doctor off",
            local(20, 10, 0),
            local(20, 10, 30),
            false,
        ),
    ];
    for (case, a, b, inside) in table {
        let conflicts = check(&proposal(span(*a, *b)), &context(), now());
        let want: Vec<&str> = if *inside {
            vec![]
        } else {
            vec!["outside_hours"]
        };
        assert_eq!(tags(&conflicts), want, "{case}");
    }
}

#[test]
fn touching_spans_and_night_shifts_cover_a_visit_across_their_seam() {
    // 09:00–13:00 + 13:00–18:00 on Monday; Monday 22:00–24:00 + Tuesday 00:00–02:00.
    let mut ctx = context();
    ctx.clinic_hours = WeeklyHours::always();
    ctx.doctor_hours = WeeklyHours::new([
        (Weekday::Mon, DaySpan::new(hm(9, 0), hm(13, 0))),
        (Weekday::Mon, DaySpan::new(hm(13, 0), hm(18, 0))),
        (Weekday::Mon, DaySpan::new(hm(22, 0), hm(24, 0))),
        (Weekday::Tue, DaySpan::new(hm(0, 0), hm(2, 0))),
    ])
    .unwrap();
    let table: &[(&str, DateTime<Utc>, DateTime<Utc>, bool)] = &[
        ("across 13:00", mon(12, 45), mon(13, 15), true),
        ("across midnight", mon(23, 30), local(16, 0, 30), true),
        ("runs past 02:00", local(16, 1, 45), local(16, 2, 15), false),
        ("between the shifts", mon(18, 0), mon(18, 30), false),
    ];
    for (case, a, b, inside) in table {
        let conflicts = check(&proposal(span(*a, *b)), &ctx, now());
        let want: Vec<&str> = if *inside {
            vec![]
        } else {
            vec!["outside_hours"]
        };
        assert_eq!(tags(&conflicts), want, "{case}");
    }
}

#[test]
fn outside_working_hours_is_hard_and_names_the_doctor() {
    let conflicts = check(&proposal(span(mon(12, 30), mon(13, 30))), &context(), now());
    assert_eq!(
        conflicts,
        vec![Conflict::OutsideWorkingHours {
            doctor: "Dr. Anjali Rao".to_owned()
        }]
    );
    assert_eq!(conflicts[0].severity(), Severity::Hard);
    assert!(conflicts[0].to_string().contains("Dr. Anjali Rao"));
}

#[test]
fn doctor_on_leave_when_the_leave_overlaps() {
    let leave = Absence {
        interval: span(mon(14, 0), mon(18, 0)),
        reason: "medical conference".to_owned(),
    };
    let table: &[(&str, DateTime<Utc>, DateTime<Utc>, bool)] = &[
        ("inside the leave", mon(15, 0), mon(15, 30), true),
        ("runs into the leave", mon(13, 45), mon(14, 15), true),
        (
            "ends as leave starts (morning)",
            mon(12, 30),
            mon(13, 0),
            false,
        ),
        ("first leave minute", mon(14, 0), mon(14, 1), true),
        ("starts as leave ends", mon(18, 0), mon(18, 30), false),
    ];
    for (case, a, b, on_leave) in table {
        let mut ctx = context();
        ctx.doctor_hours = WeeklyHours::always();
        ctx.doctor_leave = vec![leave.clone()];
        let conflicts = check(&proposal(span(*a, *b)), &ctx, now());
        if *on_leave {
            assert_eq!(
                conflicts,
                vec![Conflict::DoctorOnLeave {
                    doctor: "Dr. Anjali Rao".to_owned(),
                    reason: "medical conference".to_owned()
                }],
                "{case}"
            );
            let message = conflicts[0].to_string();
            assert!(message.contains("Dr. Anjali Rao"), "{message}");
            assert!(message.contains("medical conference"), "{message}");
            assert_eq!(conflicts[0].severity(), Severity::Hard);
        } else {
            assert_eq!(conflicts, vec![], "{case}");
        }
    }
}

#[test]
fn leave_straddling_the_proposal_start_conflicts() {
    let mut ctx = context();
    ctx.doctor_leave = vec![Absence {
        interval: span(mon(9, 0), mon(10, 10)),
        reason: "school run".to_owned(),
    }];
    let conflicts = check(&proposal(span(mon(10, 0), mon(10, 30))), &ctx, now());
    assert_eq!(tags(&conflicts), ["on_leave"]);
}

#[test]
fn an_inactive_doctor_takes_no_bookings() {
    let mut ctx = context();
    ctx.doctor_active = false;
    let conflicts = check(&proposal(span(mon(10, 0), mon(10, 30))), &ctx, now());
    assert_eq!(tags(&conflicts), ["doctor_inactive"]);
    assert_eq!(conflicts[0].severity(), Severity::Hard);
    assert!(conflicts[0].to_string().contains("Dr. Anjali Rao"));
}

#[test]
fn room_blocked_when_a_blockout_overlaps() {
    let table: &[(&str, DateTime<Utc>, DateTime<Utc>, bool)] = &[
        ("during the blockout", mon(11, 0), mon(11, 30), true),
        ("overlapping its start", mon(10, 45), mon(11, 15), true),
        ("ends as it starts", mon(10, 30), mon(11, 0), false),
        ("starts as it ends", mon(12, 0), mon(12, 30), false),
    ];
    for (case, a, b, blocked) in table {
        let mut ctx = context();
        ctx.room = Some(RoomRules {
            blockouts: vec![Absence {
                interval: span(mon(11, 0), mon(12, 0)),
                reason: "deep clean".to_owned(),
            }],
            ..room_rules()
        });
        let mut p = proposal(span(*a, *b));
        p.room = Some(room());
        let conflicts = check(&p, &ctx, now());
        if *blocked {
            assert_eq!(
                conflicts,
                vec![Conflict::RoomBlocked {
                    room: "Room 3".to_owned(),
                    reason: "deep clean".to_owned()
                }],
                "{case}"
            );
            let message = conflicts[0].to_string();
            assert!(
                message.contains("Room 3") && message.contains("deep clean"),
                "{message}"
            );
        } else {
            assert_eq!(conflicts, vec![], "{case}");
        }
    }
}

#[test]
fn an_inactive_room_is_closed() {
    let mut ctx = context();
    ctx.room = Some(RoomRules {
        active: false,
        ..room_rules()
    });
    let mut p = proposal(span(mon(10, 0), mon(10, 30)));
    p.room = Some(room());
    let conflicts = check(&p, &ctx, now());
    assert_eq!(
        conflicts,
        vec![Conflict::RoomClosed {
            room: "Room 3".to_owned()
        }]
    );
    assert_eq!(conflicts[0].severity(), Severity::Hard);
    assert!(conflicts[0].to_string().contains("Room 3"));
}

#[test]
fn a_room_with_its_own_hours_is_closed_outside_them() {
    // The procedure room is only open weekday mornings.
    let mornings = WeeklyHours::same_each(&WEEKDAYS, &[DaySpan::new(hm(9, 0), hm(12, 0))]).unwrap();
    let table: &[(&str, DateTime<Utc>, DateTime<Utc>, bool)] = &[
        ("morning", mon(11, 0), mon(11, 30), false),
        ("up to its closing", mon(11, 30), mon(12, 0), false),
        ("runs past its closing", mon(11, 45), mon(12, 15), true),
        ("afternoon", mon(15, 0), mon(15, 30), true),
    ];
    for (case, a, b, closed) in table {
        let mut ctx = context();
        ctx.room = Some(RoomRules {
            hours: Some(mornings.clone()),
            ..room_rules()
        });
        let mut p = proposal(span(*a, *b));
        p.room = Some(room());
        let want: Vec<&str> = if *closed { vec!["room_closed"] } else { vec![] };
        assert_eq!(tags(&check(&p, &ctx, now())), want, "{case}");
    }
}

#[test]
fn clinic_closed_is_its_own_conflict() {
    // The doctor is willing around the clock, so only the clinic's hours matter here.
    let table: &[(&str, DateTime<Utc>, DateTime<Utc>, bool)] = &[
        ("weekday afternoon", mon(15, 0), mon(15, 30), false),
        ("from opening", mon(8, 0), mon(8, 30), false),
        ("up to closing", mon(19, 30), mon(20, 0), false),
        ("before opening", mon(7, 30), mon(8, 0), true),
        ("past closing", mon(19, 45), mon(20, 15), true),
        ("Sunday", local(21, 10, 0), local(21, 10, 30), true),
        ("Saturday", local(20, 10, 0), local(20, 10, 30), false),
    ];
    for (case, a, b, closed) in table {
        let mut ctx = context();
        ctx.doctor_hours = WeeklyHours::always();
        let conflicts = check(&proposal(span(*a, *b)), &ctx, now());
        if *closed {
            assert_eq!(
                conflicts,
                vec![Conflict::ClinicClosed {
                    clinic: "Indiranagar Clinic".to_owned()
                }],
                "{case}"
            );
            assert!(conflicts[0].to_string().contains("Indiranagar Clinic"));
        } else {
            assert_eq!(conflicts, vec![], "{case}");
        }
    }
}

#[test]
fn a_visit_across_local_midnight_is_covered_by_round_the_clock_hours() {
    let mut ctx = context();
    ctx.clinic_hours = WeeklyHours::always();
    ctx.doctor_hours = WeeklyHours::always();
    let p = proposal(span(mon(23, 30), local(16, 0, 30)));
    assert_eq!(check(&p, &ctx, now()), vec![]);
}

// ---------------------------------------------------------------------------------------------
// time of the request itself

#[test]
fn start_in_the_past_is_refused_for_scheduled_but_allowed_for_walk_ins_and_emergencies() {
    let right_now = mon(10, 7);
    let table: &[(&str, Kind, DateTime<Utc>, bool)] = &[
        (
            "scheduled, 7 minutes ago",
            Kind::Scheduled,
            mon(10, 0),
            true,
        ),
        // Starts are whole minutes (a start with seconds is refused on its own), so the
        // smallest step into the past is a minute.
        (
            "scheduled, a minute ago",
            Kind::Scheduled,
            right_now - Duration::minutes(1),
            true,
        ),
        ("scheduled, right now", Kind::Scheduled, right_now, false),
        ("scheduled, later", Kind::Scheduled, mon(11, 0), false),
        ("walk-in, 7 minutes ago", Kind::WalkIn, mon(10, 0), false),
        (
            "emergency, 7 minutes ago",
            Kind::Emergency,
            mon(10, 0),
            false,
        ),
    ];
    for (case, kind, start, past) in table {
        let mut p = proposal(span(*start, *start + Duration::minutes(20)));
        p.kind = *kind;
        let conflicts = check(&p, &context(), right_now);
        let want: Vec<&str> = if *past { vec!["start_in_past"] } else { vec![] };
        assert_eq!(tags(&conflicts), want, "{case}");
    }
}

#[test]
fn start_in_the_past_message_shows_clinic_local_time() {
    let conflicts = check(
        &proposal(span(mon(10, 0), mon(10, 20))),
        &context(),
        mon(11, 0),
    );
    assert_eq!(tags(&conflicts), ["start_in_past"]);
    assert_eq!(conflicts[0].severity(), Severity::Hard);
    let message = conflicts[0].to_string();
    assert!(message.contains("2026-06-15 10:00"), "{message}");
    assert!(!message.contains("04:30"), "shows UTC: {message}");
}

#[test]
fn end_not_after_start_is_invalid_and_reported_alone() {
    // Even with every other problem present, a backwards interval is reported on its own:
    // nothing else can be judged about it.
    for (case, a, b) in [
        ("zero length", mon(10, 0), mon(10, 0)),
        ("backwards", mon(10, 30), mon(10, 0)),
    ] {
        let mut ctx = context();
        ctx.doctor_active = false;
        ctx.nearby = vec![booked_with_same_doctor(1, span(mon(9, 0), mon(11, 0)))];
        let conflicts = check(&proposal(span(a, b)), &ctx, mon(12, 0));
        assert_eq!(conflicts, vec![Conflict::EndNotAfterStart], "{case}");
        assert_eq!(conflicts[0].severity(), Severity::Invalid);
        assert!(
            conflicts[0]
                .to_string()
                .contains("end must be after the start")
        );
    }
}

#[test]
fn longer_than_the_maximum_is_invalid() {
    assert_eq!(MAX_APPOINTMENT_MINUTES, 480);
    let mut ctx = context();
    ctx.clinic_hours = WeeklyHours::always();
    ctx.doctor_hours = WeeklyHours::always();
    let exactly = proposal(span(mon(9, 0), mon(9, 0) + Duration::minutes(480)));
    assert_eq!(
        check(&exactly, &ctx, now()),
        vec![],
        "exactly the maximum is fine"
    );

    let over = proposal(span(mon(9, 0), mon(9, 0) + Duration::minutes(481)));
    let conflicts = check(&over, &ctx, now());
    assert_eq!(conflicts, vec![Conflict::TooLong { minutes: 481 }]);
    assert_eq!(conflicts[0].severity(), Severity::Invalid);
    let message = conflicts[0].to_string();
    assert!(
        message.contains("481") && message.contains("480"),
        "{message}"
    );
}

// ---------------------------------------------------------------------------------------------
// several at once

#[test]
fn every_applicable_conflict_is_returned_most_serious_first() {
    let mut ctx = context();
    ctx.doctor_leave = vec![Absence {
        interval: span(mon(12, 0), mon(15, 0)),
        reason: "personal".to_owned(),
    }];
    ctx.room = Some(RoomRules {
        blockouts: vec![Absence {
            interval: span(mon(13, 0), mon(13, 30)),
            reason: "repairs".to_owned(),
        }],
        ..room_rules()
    });
    ctx.nearby = vec![
        booked_with_same_doctor(1, span(mon(12, 30), mon(13, 0))),
        Booked {
            room: Some(room()),
            ..booked(2, span(mon(13, 30), mon(14, 0)))
        },
        Booked {
            patient: patient(),
            ..booked(3, span(mon(13, 50), mon(14, 10)))
        },
        // Cancelled: frees its time, no conflict from it.
        Booked {
            status: Status::Cancelled,
            ..booked_with_same_doctor(4, span(mon(12, 0), mon(14, 0)))
        },
    ];
    // 12:00–21:00: over the doctor's lunch and past the clinic's closing, 9 hours long,
    // in the past, overlapping everything above.
    let mut p = proposal(span(mon(12, 0), mon(21, 0)));
    p.room = Some(room());
    let conflicts = check(&p, &ctx, mon(12, 5));

    assert_eq!(
        tags(&conflicts),
        [
            "clinic_closed",
            "doctor_booked",
            "on_leave",
            "outside_hours",
            "patient_booked",
            "room_blocked",
            "room_booked",
            "start_in_past",
            "too_long",
        ]
    );
    let severities: Vec<Severity> = conflicts.iter().map(Conflict::severity).collect();
    let mut sorted = severities.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(severities, sorted, "most serious first: {conflicts:?}");
    assert_eq!(conflicts[0], Conflict::TooLong { minutes: 540 });
    // The cancelled one is not among the clashes.
    assert!(
        conflicts
            .iter()
            .filter_map(Conflict::clash)
            .all(|c| c.id != appt(4))
    );
    assert!(matches!(
        decide(conflicts, Some("emergency cover")),
        Verdict::Refuse(_)
    ));
}

#[test]
fn several_bookings_of_the_doctor_are_each_reported() {
    let mut ctx = context();
    ctx.nearby = vec![
        booked_with_same_doctor(1, span(mon(10, 0), mon(10, 20))),
        booked_with_same_doctor(2, span(mon(10, 20), mon(10, 40))),
        booked_with_same_doctor(3, span(mon(10, 40), mon(11, 0))),
    ];
    let conflicts = check(&proposal(span(mon(10, 10), mon(10, 50))), &ctx, now());
    let ids: Vec<AppointmentId> = conflicts
        .iter()
        .filter_map(Conflict::clash)
        .map(|c| c.id)
        .collect();
    assert_eq!(tags(&conflicts), ["doctor_booked"; 3]);
    assert_eq!(ids.len(), 3);
    for n in 1..=3 {
        assert!(ids.contains(&appt(n)), "appointment {n} missing: {ids:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// decide

fn hard() -> Conflict {
    Conflict::OutsideWorkingHours {
        doctor: "Dr. Anjali Rao".to_owned(),
    }
}

fn notice() -> Conflict {
    plan_local(chrono_tz::America::New_York, wall("2026-11-01 01:30"), 30)
        .conflicts
        .remove(0)
}

fn invalid() -> Conflict {
    Conflict::EndNotAfterStart
}

#[test]
fn the_helpers_have_the_severities_the_decide_table_relies_on() {
    assert_eq!(hard().severity(), Severity::Hard);
    assert_eq!(notice().severity(), Severity::Notice);
    assert_eq!(invalid().severity(), Severity::Invalid);
    assert_eq!(
        Conflict::TooLong { minutes: 600 }.severity(),
        Severity::Invalid
    );
}

#[test]
fn decide_table() {
    #[derive(Debug, PartialEq)]
    enum Want {
        Accept(Option<&'static str>),
        Refuse,
    }
    let table: Vec<(&str, Vec<Conflict>, Option<&str>, Want)> = vec![
        ("nothing", vec![], None, Want::Accept(None)),
        (
            "nothing, reason given anyway",
            vec![],
            Some("just in case"),
            Want::Accept(None),
        ),
        ("notice only", vec![notice()], None, Want::Accept(None)),
        ("hard, no override", vec![hard()], None, Want::Refuse),
        ("hard, empty reason", vec![hard()], Some(""), Want::Refuse),
        (
            "hard, blank reason",
            vec![hard()],
            Some("   \t"),
            Want::Refuse,
        ),
        (
            "hard, with reason",
            vec![hard()],
            Some("  doctor agreed to stay late "),
            Want::Accept(Some("doctor agreed to stay late")),
        ),
        (
            "hard and notice, with reason",
            vec![notice(), hard()],
            Some("urgent"),
            Want::Accept(Some("urgent")),
        ),
        (
            "hard and notice, no reason",
            vec![notice(), hard()],
            None,
            Want::Refuse,
        ),
        ("invalid, no override", vec![invalid()], None, Want::Refuse),
        (
            "invalid, with reason",
            vec![invalid()],
            Some("please"),
            Want::Refuse,
        ),
        (
            "too long, with reason",
            vec![Conflict::TooLong { minutes: 600 }],
            Some("surgery"),
            Want::Refuse,
        ),
        (
            "invalid and hard, with reason",
            vec![hard(), invalid()],
            Some("please"),
            Want::Refuse,
        ),
        (
            "invalid and notice",
            vec![notice(), invalid()],
            None,
            Want::Refuse,
        ),
    ];
    for (case, conflicts, overbook, want) in table {
        let verdict = decide(conflicts.clone(), overbook);
        match (&want, verdict) {
            (
                Want::Accept(reason),
                Verdict::Accept {
                    overbooked,
                    conflicts: kept,
                },
            ) => {
                assert_eq!(overbooked.as_deref(), *reason, "{case}: overbook reason");
                assert_eq!(
                    kept, conflicts,
                    "{case}: the conflicts stand, for the record"
                );
            }
            (Want::Refuse, Verdict::Refuse(why)) => {
                assert_eq!(why, conflicts, "{case}: the refusal says why");
            }
            (want, got) => panic!("{case}: wanted {want:?}, got {got:?}"),
        }
    }
}

#[test]
fn check_then_decide_overbooks_a_double_booking_only_with_a_reason() {
    let mut ctx = context();
    ctx.nearby = vec![booked_with_same_doctor(1, span(mon(10, 0), mon(10, 30)))];
    let p = proposal(span(mon(10, 0), mon(10, 30)));
    assert!(matches!(
        decide(check(&p, &ctx, now()), None),
        Verdict::Refuse(_)
    ));
    match decide(check(&p, &ctx, now()), Some("patient in pain")) {
        Verdict::Accept {
            overbooked: Some(reason),
            conflicts,
        } => {
            assert_eq!(reason, "patient in pain");
            assert_eq!(tags(&conflicts), ["doctor_booked"]);
        }
        other => panic!("expected an overbooked accept, got {other:?}"),
    }
}

// ---------------------------------------------------------------------------------------------
// plan_local in a zone without DST

#[test]
fn plan_local_converts_clinic_local_time_to_utc() {
    let plan = plan_local(ZONE, wall("2026-06-15 10:00"), 20);
    assert_eq!(plan.conflicts, vec![]);
    let iv = plan.interval.expect("10:00 exists");
    assert_eq!(
        iv.start,
        Utc.with_ymd_and_hms(2026, 6, 15, 4, 30, 0).unwrap()
    );
    assert_eq!(iv.end, Utc.with_ymd_and_hms(2026, 6, 15, 4, 50, 0).unwrap());
    assert_eq!(iv.minutes(), 20);
}

#[test]
fn plan_local_then_check_agree_with_the_local_hours() {
    // 12:40 local for 30 minutes runs into lunch at 13:00.
    let plan = plan_local(ZONE, wall("2026-06-15 12:40"), 30);
    let conflicts = check(&proposal(plan.interval.unwrap()), &context(), now());
    assert_eq!(tags(&conflicts), ["outside_hours"]);
    // 12:30 for 30 minutes ends at 13:00 exactly.
    let plan = plan_local(ZONE, wall("2026-06-15 12:30"), 30);
    assert_eq!(
        check(&proposal(plan.interval.unwrap()), &context(), now()),
        vec![]
    );
}

#[test]
fn weekly_hours_refuse_bad_spans() {
    use frontdesk::scheduling::HoursError;
    assert!(matches!(
        WeeklyHours::new([(Weekday::Mon, DaySpan::new(hm(13, 0), hm(9, 0)))]),
        Err(HoursError::EndNotAfterStart { .. })
    ));
    assert!(matches!(
        WeeklyHours::new([(Weekday::Mon, DaySpan::new(hm(22, 0), hm(24, 30)))]),
        Err(HoursError::PastMidnight { .. })
    ));
    assert!(matches!(
        WeeklyHours::new([
            (Weekday::Mon, DaySpan::new(hm(9, 0), hm(13, 0))),
            (Weekday::Mon, DaySpan::new(hm(12, 0), hm(18, 0))),
        ]),
        Err(HoursError::Overlap { .. })
    ));
    // Touching spans are fine.
    assert!(
        WeeklyHours::new([
            (Weekday::Mon, DaySpan::new(hm(9, 0), hm(13, 0))),
            (Weekday::Mon, DaySpan::new(hm(13, 0), hm(18, 0))),
        ])
        .is_ok()
    );
}
