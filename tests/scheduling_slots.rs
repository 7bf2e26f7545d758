//! The slot finder: "the next free 20 minutes with Dr. Rao", for a doctor, a room, a doctor and a
//! room together, or any doctor, on the clinic's local grid (DESIGN.md §1–§2).
//!
//! The clinic is in Asia/Kolkata (UTC+05:30): a grid computed in UTC instead of local time would
//! put 20-minute slots at :10 :30 :50 local instead of :00 :20 :40.

use chrono::{DateTime, Duration, TimeZone, Timelike, Utc, Weekday};
use chrono_tz::Asia::Kolkata;
use frontdesk::scheduling::{
    ClinicCalendar, DaySpan, DoctorCalendar, DoctorId, Interval, RoomCalendar, RoomId, Slot,
    SlotQuery, SlotTarget, WeeklyHours, find_slots,
};
use uuid::Uuid;

// ---------------------------------------------------------------------------------------------
// helpers

const WEEKDAYS: [Weekday; 5] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
];

fn rao() -> DoctorId {
    DoctorId(Uuid::from_u128(0xD1))
}
fn shah() -> DoctorId {
    DoctorId(Uuid::from_u128(0xD2))
}
fn room3() -> RoomId {
    RoomId(Uuid::from_u128(0xE3))
}

fn hm(h: u16, m: u16) -> u16 {
    h * 60 + m
}

/// Clinic-local instant in June 2026 (2026-06-15 is a Monday).
fn ist(day: u32, h: u32, m: u32) -> DateTime<Utc> {
    Kolkata
        .with_ymd_and_hms(2026, 6, day, h, m, 0)
        .single()
        .unwrap()
        .with_timezone(&Utc)
}

/// Monday 2026-06-15, clinic-local.
fn mon(h: u32, m: u32) -> DateTime<Utc> {
    ist(15, h, m)
}

fn iv(a: DateTime<Utc>, b: DateTime<Utc>) -> Interval {
    Interval::new(a, b)
}

fn weekdays(spans: &[DaySpan]) -> WeeklyHours {
    WeeklyHours::same_each(&WEEKDAYS, spans).unwrap()
}

/// 09:00–13:00 and 14:00–18:00 on weekdays.
fn split_day() -> WeeklyHours {
    weekdays(&[
        DaySpan::new(hm(9, 0), hm(13, 0)),
        DaySpan::new(hm(14, 0), hm(18, 0)),
    ])
}

fn doctor(id: DoctorId, name: &str, hours: WeeklyHours) -> DoctorCalendar {
    DoctorCalendar {
        id,
        name: name.to_owned(),
        hours,
        leave: Vec::new(),
        busy: Vec::new(),
    }
}

fn room(hours: Option<WeeklyHours>) -> RoomCalendar {
    RoomCalendar {
        id: room3(),
        name: "Room 3".to_owned(),
        hours,
        blockouts: Vec::new(),
        busy: Vec::new(),
    }
}

/// Clinic open 08:00–20:00 weekdays; the window is Monday 00:00 to Saturday 00:00 local.
fn clinic() -> ClinicCalendar {
    ClinicCalendar {
        zone: Kolkata,
        hours: weekdays(&[DaySpan::new(hm(8, 0), hm(20, 0))]),
        window: iv(mon(0, 0), ist(20, 0, 0)),
        doctors: vec![doctor(rao(), "Dr. Anjali Rao", split_day())],
        rooms: vec![room(None)],
        patient_busy: Vec::new(),
    }
}

fn query(minutes: u32, step: u32, from: DateTime<Utc>, count: usize) -> SlotQuery {
    SlotQuery {
        minutes,
        step_minutes: step,
        from,
        count,
    }
}

fn find(cal: &ClinicCalendar, target: SlotTarget, q: SlotQuery) -> Vec<Slot> {
    find_slots(cal, target, &q, cal.window.end)
}

fn starts(slots: &[Slot]) -> Vec<DateTime<Utc>> {
    slots.iter().map(|s| s.interval.start).collect()
}

/// Dr. Rao's slot starts.
fn rao_starts(cal: &ClinicCalendar, q: SlotQuery) -> Vec<DateTime<Utc>> {
    starts(&find(cal, SlotTarget::Doctor(rao()), q))
}

// ---------------------------------------------------------------------------------------------
// one doctor

#[test]
fn first_slots_of_the_week_start_when_the_doctor_starts() {
    let slots = find(
        &clinic(),
        SlotTarget::Doctor(rao()),
        query(30, 15, mon(0, 0), 3),
    );
    assert_eq!(starts(&slots), [mon(9, 0), mon(9, 15), mon(9, 30)]);
    for s in &slots {
        assert_eq!(s.interval.minutes(), 30);
        assert_eq!(s.doctor, Some(rao()));
        assert_eq!(s.room, None);
    }
}

#[test]
fn a_visit_never_runs_into_the_lunch_break() {
    // 45 minutes from 12:00: 12:00 and 12:15 fit before 13:00; the next is 14:00.
    let got = rao_starts(&clinic(), query(45, 15, mon(12, 0), 3));
    assert_eq!(got, [mon(12, 0), mon(12, 15), mon(14, 0)]);
}

#[test]
fn a_visit_never_runs_past_the_end_of_the_day() {
    // From 17:00 with 40-minute visits on a 10-minute grid: 17:00, 17:10, 17:20 end by 18:00;
    // then Tuesday 09:00.
    let got = rao_starts(&clinic(), query(40, 10, mon(17, 0), 4));
    assert_eq!(got, [mon(17, 0), mon(17, 10), mon(17, 20), ist(16, 9, 0)]);
}

#[test]
fn clinic_hours_narrow_the_doctors_hours() {
    let mut cal = clinic();
    cal.hours = weekdays(&[DaySpan::new(hm(10, 0), hm(17, 0))]);
    let got = rao_starts(&cal, query(30, 30, mon(0, 0), 2));
    assert_eq!(got, [mon(10, 0), mon(10, 30)]);
    let got = rao_starts(&cal, query(30, 30, mon(16, 0), 3));
    assert_eq!(
        got,
        [mon(16, 0), mon(16, 30), ist(16, 10, 0)],
        "closes at 17:00"
    );
}

#[test]
fn nothing_after_fridays_last_slot_when_nobody_works_at_the_weekend() {
    // From Friday 17:30 only 17:30–18:00 fits; the weekend (to the window's end) has nothing.
    let got = rao_starts(&clinic(), query(30, 15, ist(19, 17, 30), 10));
    assert_eq!(got, [ist(19, 17, 30)]);
}

#[test]
fn leave_is_skipped() {
    let table: &[(&str, Vec<Interval>, DateTime<Utc>)] = &[
        (
            "all Monday",
            vec![iv(mon(0, 0), ist(16, 0, 0))],
            ist(16, 9, 0),
        ),
        (
            "Monday morning to 10:30",
            vec![iv(mon(9, 0), mon(10, 30))],
            mon(10, 30),
        ),
        ("09:00–09:10", vec![iv(mon(9, 0), mon(9, 10))], mon(9, 15)),
        (
            "Monday and Tuesday, in two pieces",
            vec![
                iv(ist(16, 0, 0), ist(17, 0, 0)),
                iv(mon(0, 0), ist(16, 0, 0)),
            ],
            ist(17, 9, 0),
        ),
    ];
    for (case, leave, first) in table {
        let mut cal = clinic();
        cal.doctors[0].leave = leave.clone();
        let got = rao_starts(&cal, query(15, 15, mon(0, 0), 1));
        assert_eq!(got, [*first], "{case}");
    }
}

#[test]
fn bookings_are_skipped_and_back_to_back_is_fine() {
    let mut cal = clinic();
    cal.doctors[0].busy = vec![
        iv(mon(9, 30), mon(10, 10)),
        iv(mon(9, 0), mon(9, 30)),
        iv(mon(10, 30), mon(11, 0)),
    ];
    // Free: 10:10–10:30 (only 10:15 on the grid, and 15 minutes fit), then 11:00 on.
    let got = rao_starts(&cal, query(15, 15, mon(0, 0), 3));
    assert_eq!(got, [mon(10, 15), mon(11, 0), mon(11, 15)]);
    // A 20-minute visit does not fit 10:15–10:30.
    let got = rao_starts(&cal, query(20, 15, mon(0, 0), 1));
    assert_eq!(got, [mon(11, 0)]);
}

#[test]
fn the_patients_own_bookings_are_skipped() {
    let mut cal = clinic();
    cal.patient_busy = vec![iv(mon(9, 0), mon(10, 0))];
    assert_eq!(rao_starts(&cal, query(30, 30, mon(0, 0), 1)), [mon(10, 0)]);
    let room_slots = find(&cal, SlotTarget::Room(room3()), query(30, 30, mon(0, 0), 2));
    // The room is open from 08:00 (clinic hours) but the patient is busy 09:00–10:00.
    assert_eq!(starts(&room_slots), [mon(8, 0), mon(8, 30)]);
    let room_slots = find(
        &cal,
        SlotTarget::Room(room3()),
        query(30, 30, mon(8, 45), 2),
    );
    assert_eq!(starts(&room_slots), [mon(10, 0), mon(10, 30)]);
}

// ---------------------------------------------------------------------------------------------
// the local grid

#[test]
fn twenty_minute_grid_is_local_in_a_half_hour_zone() {
    let mut cal = clinic();
    cal.doctors[0].hours = weekdays(&[DaySpan::new(hm(9, 0), hm(10, 0))]);
    let slots = find(&cal, SlotTarget::Doctor(rao()), query(20, 20, mon(0, 0), 3));
    assert_eq!(starts(&slots), [mon(9, 0), mon(9, 20), mon(9, 40)]);
    // …which is 03:30, 03:50, 04:10 UTC.
    assert_eq!(
        starts(&slots),
        [
            Utc.with_ymd_and_hms(2026, 6, 15, 3, 30, 0).unwrap(),
            Utc.with_ymd_and_hms(2026, 6, 15, 3, 50, 0).unwrap(),
            Utc.with_ymd_and_hms(2026, 6, 15, 4, 10, 0).unwrap(),
        ]
    );
    for s in &slots {
        let local = s.interval.start.with_timezone(&Kolkata);
        assert_eq!(local.minute() % 20, 0, "{local}");
    }
}

#[test]
fn the_grid_holds_when_a_free_interval_starts_off_the_grid() {
    let mut cal = clinic();
    // Free from 09:07 (after a 7-minute booking): the next 20-minute grid point is 09:20.
    cal.doctors[0].busy = vec![iv(mon(9, 0), mon(9, 7))];
    let got = rao_starts(&cal, query(20, 20, mon(0, 0), 4));
    assert_eq!(got, [mon(9, 20), mon(9, 40), mon(10, 0), mon(10, 20)]);
}

#[test]
fn from_in_the_middle_of_a_free_interval_rounds_up_to_the_grid() {
    let table: &[(&str, DateTime<Utc>, DateTime<Utc>)] = &[
        ("off the grid", mon(10, 7), mon(10, 15)),
        (
            "one second past a grid point",
            mon(10, 15) + Duration::seconds(1),
            mon(10, 30),
        ),
        ("exactly on the grid", mon(10, 15), mon(10, 15)),
        ("during lunch", mon(13, 5), mon(14, 0)),
    ];
    for (case, from, first) in table {
        let got = rao_starts(&clinic(), query(15, 15, *from, 2));
        assert_eq!(got[0], *first, "{case}");
        assert_eq!(got[1], *first + Duration::minutes(15), "{case}");
    }
}

#[test]
fn no_slot_starts_before_from_even_by_a_fraction_of_a_second() {
    // `from` is usually "now", which carries milliseconds. 10:15:00.250 is past the 10:15
    // grid point, so the first slot is 10:30.
    let from = mon(10, 15) + Duration::milliseconds(250);
    let got = rao_starts(&clinic(), query(15, 15, from, 1));
    assert_eq!(got.len(), 1);
    assert!(
        got[0] >= from,
        "slot {} starts before from {}",
        got[0],
        from
    );
    assert_eq!(got, [mon(10, 30)]);
}

#[test]
fn the_count_limits_the_answer() {
    for count in [1usize, 2, 5, 17] {
        let got = rao_starts(&clinic(), query(15, 15, mon(0, 0), count));
        assert_eq!(got.len(), count, "count {count}");
        for (i, s) in got.iter().enumerate().take(count.min(16)) {
            assert_eq!(
                *s,
                mon(9, 0) + Duration::minutes(15 * i as i64),
                "count {count}"
            );
        }
    }
    // 16 slots fit the morning; the 17th is after lunch.
    let got = rao_starts(&clinic(), query(15, 15, mon(0, 0), 17));
    assert_eq!(got[16], mon(14, 0));
}

#[test]
fn accept_before_bounds_the_start_not_the_end() {
    let cal = clinic();
    let q = query(30, 15, mon(0, 0), 100);
    let got = starts(&find_slots(&cal, SlotTarget::Doctor(rao()), &q, mon(10, 0)));
    // 09:45 runs to 10:15 but starts before 10:00: accepted.
    assert_eq!(got, [mon(9, 0), mon(9, 15), mon(9, 30), mon(9, 45)]);
    let none = find_slots(&cal, SlotTarget::Doctor(rao()), &q, mon(9, 0));
    assert_eq!(none, vec![], "nothing starts before 09:00");
}

#[test]
fn slots_stay_inside_the_window() {
    let mut cal = clinic();
    cal.window = iv(mon(9, 0), mon(10, 0));
    let got = rao_starts(&cal, query(30, 30, mon(0, 0), 10));
    assert_eq!(got, [mon(9, 0), mon(9, 30)]);
}

#[test]
fn zero_minutes_or_zero_count_finds_nothing() {
    let cal = clinic();
    for target in [
        SlotTarget::Doctor(rao()),
        SlotTarget::Room(room3()),
        SlotTarget::DoctorAndRoom(rao(), room3()),
        SlotTarget::AnyDoctor,
    ] {
        assert_eq!(
            find(&cal, target, query(0, 15, mon(0, 0), 5)),
            vec![],
            "{target:?}"
        );
        assert_eq!(
            find(&cal, target, query(15, 15, mon(0, 0), 0)),
            vec![],
            "{target:?}"
        );
        // The same target with sane numbers does find something: the emptiness above is due
        // to the zero, not to the target.
        assert!(
            !find(&cal, target, query(15, 15, mon(0, 0), 5)).is_empty(),
            "{target:?}"
        );
    }
}

#[test]
fn a_fully_booked_week_finds_nothing() {
    let mut cal = clinic();
    cal.doctors[0].busy = vec![iv(mon(0, 0), ist(20, 0, 0))];
    assert!(rao_starts(&cal, query(15, 15, mon(0, 0), 5)).is_empty());
    assert_eq!(
        find(&cal, SlotTarget::AnyDoctor, query(15, 15, mon(0, 0), 5)),
        vec![]
    );
}

#[test]
fn gaps_shorter_than_the_visit_find_nothing() {
    let mut cal = clinic();
    cal.window = iv(mon(0, 0), ist(16, 0, 0));
    // Booked every 30 minutes for 20 minutes: 10-minute gaps all Monday.
    cal.doctors[0].busy = (0..18)
        .map(|i| {
            let start = mon(9, 0) + Duration::minutes(30 * i);
            iv(start, start + Duration::minutes(20))
        })
        .collect();
    assert!(rao_starts(&cal, query(15, 5, mon(0, 0), 5)).is_empty());
    // But 10-minute visits fit, at :20 and :50.
    assert_eq!(
        rao_starts(&cal, query(10, 5, mon(0, 0), 2)),
        [mon(9, 20), mon(9, 50)]
    );
}

#[test]
fn an_unknown_doctor_or_room_finds_nothing() {
    let cal = clinic();
    let stranger = DoctorId(Uuid::from_u128(0xDEAD));
    let nowhere = RoomId(Uuid::from_u128(0xBEEF));
    let q = query(15, 15, mon(0, 0), 3);
    assert_eq!(find(&cal, SlotTarget::Doctor(stranger), q), vec![]);
    assert_eq!(find(&cal, SlotTarget::Room(nowhere), q), vec![]);
    assert_eq!(
        find(&cal, SlotTarget::DoctorAndRoom(stranger, room3()), q),
        vec![]
    );
    assert_eq!(
        find(&cal, SlotTarget::DoctorAndRoom(rao(), nowhere), q),
        vec![]
    );
}

// ---------------------------------------------------------------------------------------------
// rooms

#[test]
fn a_room_follows_the_clinic_hours_by_default() {
    let slots = find(
        &clinic(),
        SlotTarget::Room(room3()),
        query(30, 30, mon(0, 0), 2),
    );
    assert_eq!(starts(&slots), [mon(8, 0), mon(8, 30)]);
    for s in &slots {
        assert_eq!(s.room, Some(room3()));
        assert_eq!(s.doctor, None, "a room search chooses no doctor");
    }
}

#[test]
fn a_room_honours_its_own_hours_blockouts_and_bookings() {
    let mut cal = clinic();
    cal.rooms[0] = RoomCalendar {
        blockouts: vec![iv(mon(9, 0), mon(10, 0))],
        busy: vec![iv(mon(10, 0), mon(10, 30)), iv(mon(11, 0), mon(11, 45))],
        ..room(Some(weekdays(&[DaySpan::new(hm(9, 0), hm(12, 0))])))
    };
    let slots = find(&cal, SlotTarget::Room(room3()), query(30, 15, mon(0, 0), 4));
    // 10:30 (to 11:00), then 11:45 does not fit a 30-minute visit before 12:00: Tuesday 09:00.
    assert_eq!(
        starts(&slots),
        [mon(10, 30), ist(16, 9, 0), ist(16, 9, 15), ist(16, 9, 30)]
    );
}

#[test]
fn room_hours_never_extend_the_clinic_hours() {
    let mut cal = clinic();
    cal.rooms[0] = room(Some(WeeklyHours::always()));
    let slots = find(&cal, SlotTarget::Room(room3()), query(60, 60, mon(0, 0), 1));
    assert_eq!(starts(&slots), [mon(8, 0)]);
    // Saturday: the room says yes, the clinic is closed.
    cal.window = iv(ist(20, 0, 0), ist(21, 0, 0));
    let slots = find(
        &cal,
        SlotTarget::Room(room3()),
        query(60, 60, ist(20, 0, 0), 1),
    );
    assert_eq!(slots, vec![]);
}

#[test]
fn doctor_and_room_must_both_be_free() {
    let mut cal = clinic();
    cal.rooms[0].busy = vec![iv(mon(9, 0), mon(11, 0))];
    cal.doctors[0].busy = vec![iv(mon(11, 0), mon(11, 30))];
    cal.rooms[0].blockouts = vec![iv(mon(12, 0), mon(12, 30))];
    let slots = find(
        &cal,
        SlotTarget::DoctorAndRoom(rao(), room3()),
        query(30, 15, mon(0, 0), 3),
    );
    // Free together: 11:30–12:00, then 12:30–13:00, then 14:00 on.
    assert_eq!(starts(&slots), [mon(11, 30), mon(12, 30), mon(14, 0)]);
    for s in &slots {
        assert_eq!(s.doctor, Some(rao()));
        assert_eq!(s.room, Some(room3()));
    }
    // Each alone would have offered something earlier.
    assert_eq!(rao_starts(&cal, query(30, 15, mon(0, 0), 1)), [mon(9, 0)]);
    assert_eq!(
        starts(&find(
            &cal,
            SlotTarget::Room(room3()),
            query(30, 15, mon(0, 0), 1)
        )),
        [mon(8, 0)]
    );
}

// ---------------------------------------------------------------------------------------------
// any doctor

fn two_doctors(shah_first: bool) -> ClinicCalendar {
    let mut cal = clinic();
    // Dr. Rao: 09:00–13:00, busy until 10:00. Dr. Shah: 09:30–13:00.
    let mut rao_cal = doctor(rao(), "Dr. Anjali Rao", split_day());
    rao_cal.busy = vec![iv(mon(9, 0), mon(10, 0))];
    let shah_cal = doctor(
        shah(),
        "Dr. Vikram Shah",
        weekdays(&[DaySpan::new(hm(9, 30), hm(13, 0))]),
    );
    cal.doctors = if shah_first {
        vec![shah_cal, rao_cal]
    } else {
        vec![rao_cal, shah_cal]
    };
    cal
}

fn who_and_when(slots: &[Slot]) -> Vec<(DateTime<Utc>, DoctorId)> {
    slots
        .iter()
        .map(|s| {
            (
                s.interval.start,
                s.doctor.expect("any-doctor slots name the doctor"),
            )
        })
        .collect()
}

#[test]
fn any_doctor_earliest_first_and_ties_follow_calendar_order() {
    let q = query(15, 15, mon(0, 0), 6);
    let shah_first = find(&two_doctors(true), SlotTarget::AnyDoctor, q);
    assert_eq!(
        who_and_when(&shah_first),
        [
            (mon(9, 30), shah()),
            (mon(9, 45), shah()),
            (mon(10, 0), shah()),
            (mon(10, 0), rao()),
            (mon(10, 15), shah()),
            (mon(10, 15), rao()),
        ]
    );
    let rao_first = find(&two_doctors(false), SlotTarget::AnyDoctor, q);
    assert_eq!(
        who_and_when(&rao_first),
        [
            (mon(9, 30), shah()),
            (mon(9, 45), shah()),
            (mon(10, 0), rao()),
            (mon(10, 0), shah()),
            (mon(10, 15), rao()),
            (mon(10, 15), shah()),
        ]
    );
    assert!(shah_first.iter().all(|s| s.room.is_none()));
}

#[test]
fn any_doctor_finds_a_later_doctor_when_the_first_is_booked_up() {
    let mut cal = two_doctors(false);
    // Dr. Rao is busy all week; Dr. Shah's first slot is Monday 09:30.
    cal.doctors[0].busy = vec![iv(mon(0, 0), ist(20, 0, 0))];
    let got = find(&cal, SlotTarget::AnyDoctor, query(30, 30, mon(0, 0), 2));
    assert_eq!(
        who_and_when(&got),
        [(mon(9, 30), shah()), (mon(10, 0), shah())]
    );
}

#[test]
fn any_doctor_count_is_over_all_doctors_not_each() {
    let got = find(
        &two_doctors(false),
        SlotTarget::AnyDoctor,
        query(15, 15, mon(0, 0), 3),
    );
    assert_eq!(got.len(), 3);
    assert_eq!(starts(&got), [mon(9, 30), mon(9, 45), mon(10, 0)]);
}

#[test]
fn any_doctor_honours_leave_and_the_patients_bookings() {
    let mut cal = two_doctors(false);
    cal.doctors[1].leave = vec![iv(mon(0, 0), ist(16, 0, 0))]; // Dr. Shah off Monday
    cal.patient_busy = vec![iv(mon(10, 0), mon(11, 0))];
    let got = find(&cal, SlotTarget::AnyDoctor, query(30, 30, mon(0, 0), 2));
    assert_eq!(
        who_and_when(&got),
        [(mon(11, 0), rao()), (mon(11, 30), rao())]
    );
}
