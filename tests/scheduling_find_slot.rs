//! Find a slot, in the core: a part of the day (morning, afternoon, evening, a from–to window)
//! where the whole visit must fall, and "any room" with a named doctor, with any doctor, or
//! both. The clinic is in Asia/Kolkata except for the DST case, in America/New_York on its
//! 2026-11-01 change (a 25-hour day).

use chrono::{DateTime, Duration, TimeZone, Utc, Weekday};
use chrono_tz::America::New_York;
use chrono_tz::Asia::Kolkata;
use chrono_tz::Tz;
use frontdesk::scheduling::slots::{WindowError, parse_window};
use frontdesk::scheduling::{
    ClinicCalendar, DaySpan, DoctorCalendar, DoctorId, Interval, RoomCalendar, RoomId, Slot,
    SlotQuery, SlotTarget, TimeOfDay, WeeklyHours, find_slots, find_slots_within,
};
use uuid::Uuid;

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
fn room(n: u128) -> RoomId {
    RoomId(Uuid::from_u128(0xE0 + n))
}

fn hm(h: u16, m: u16) -> u16 {
    h * 60 + m
}

/// Clinic-local instant on Monday 2026-06-15 (+ `day` days).
fn at(zone: Tz, day: i64, h: u32, m: u32) -> DateTime<Utc> {
    zone.with_ymd_and_hms(2026, 6, 15, h, m, 0)
        .single()
        .unwrap()
        .with_timezone(&Utc)
        + Duration::days(day)
}

fn mon(h: u32, m: u32) -> DateTime<Utc> {
    at(Kolkata, 0, h, m)
}

fn iv(a: DateTime<Utc>, b: DateTime<Utc>) -> Interval {
    Interval::new(a, b)
}

fn weekdays(spans: &[DaySpan]) -> WeeklyHours {
    WeeklyHours::same_each(&WEEKDAYS, spans).unwrap()
}

fn doctor(id: DoctorId, spans: &[DaySpan]) -> DoctorCalendar {
    DoctorCalendar {
        id,
        name: format!("Dr. {id}"),
        hours: weekdays(spans),
        leave: Vec::new(),
        busy: Vec::new(),
    }
}

fn a_room(id: RoomId) -> RoomCalendar {
    RoomCalendar {
        id,
        name: format!("Room {id}"),
        hours: None,
        blockouts: Vec::new(),
        busy: Vec::new(),
    }
}

/// Open 08:00–21:00 on weekdays; Dr. Rao works 09:00–13:00 and 14:00–20:00; Dr. Shah
/// 09:00–18:00; rooms 1 and 2. The window is Monday to Saturday.
fn clinic() -> ClinicCalendar {
    ClinicCalendar {
        zone: Kolkata,
        hours: weekdays(&[DaySpan::new(hm(8, 0), hm(21, 0))]),
        window: iv(mon(0, 0), at(Kolkata, 5, 0, 0)),
        doctors: vec![
            doctor(
                rao(),
                &[
                    DaySpan::new(hm(9, 0), hm(13, 0)),
                    DaySpan::new(hm(14, 0), hm(20, 0)),
                ],
            ),
            doctor(shah(), &[DaySpan::new(hm(9, 0), hm(18, 0))]),
        ],
        rooms: vec![a_room(room(1)), a_room(room(2))],
        patient_busy: Vec::new(),
    }
}

fn query(minutes: u32, from: DateTime<Utc>, count: usize) -> SlotQuery {
    SlotQuery {
        minutes,
        step_minutes: 15,
        from,
        count,
    }
}

fn within(cal: &ClinicCalendar, target: SlotTarget, q: SlotQuery, part: TimeOfDay) -> Vec<Slot> {
    find_slots_within(cal, target, &q, part, cal.window.end)
}

fn starts(slots: &[Slot]) -> Vec<DateTime<Utc>> {
    slots.iter().map(|s| s.interval.start).collect()
}

fn span(a: (u16, u16), b: (u16, u16)) -> TimeOfDay {
    TimeOfDay::Between(DaySpan::new(hm(a.0, a.1), hm(b.0, b.1)))
}

// ---------------------------------------------------------------------------------------------
// a part of the day

#[test]
fn any_time_of_day_is_the_plain_search() {
    let cal = clinic();
    for target in [
        SlotTarget::Doctor(rao()),
        SlotTarget::AnyDoctor,
        SlotTarget::DoctorAndRoom(shah(), room(2)),
    ] {
        let q = query(20, mon(0, 0), 6);
        assert_eq!(
            within(&cal, target, q, TimeOfDay::Any),
            find_slots(&cal, target, &q, cal.window.end)
        );
    }
}

#[test]
fn the_afternoon_starts_at_noon_and_skips_the_lunch_break() {
    let slots = within(
        &clinic(),
        SlotTarget::Doctor(rao()),
        query(60, mon(0, 0), 3),
        TimeOfDay::Afternoon,
    );
    // Dr. Rao works until 13:00, then from 14:00 after lunch.
    assert_eq!(starts(&slots), [mon(12, 0), mon(14, 0), mon(14, 15)]);
}

#[test]
fn the_whole_visit_must_be_inside_the_part_of_the_day() {
    let mut cal = clinic();
    // Dr. Shah is free only 11:30–13:00 on Monday and from 09:00 on Tuesday.
    cal.doctors[1].busy = vec![iv(mon(9, 0), mon(11, 30)), iv(mon(13, 0), mon(18, 0))];
    let slots = within(
        &cal,
        SlotTarget::Doctor(shah()),
        query(45, mon(0, 0), 3),
        TimeOfDay::Morning,
    );
    // Monday's 11:30 + 45 minutes ends at 12:15, past noon: no morning visit on Monday.
    assert_eq!(
        starts(&slots),
        [
            at(Kolkata, 1, 9, 0),
            at(Kolkata, 1, 9, 15),
            at(Kolkata, 1, 9, 30)
        ]
    );
    for s in &slots {
        assert!(s.interval.end <= at(Kolkata, 1, 12, 0));
    }
}

#[test]
fn the_evening_is_from_five() {
    let slots = within(
        &clinic(),
        SlotTarget::AnyDoctor,
        query(60, mon(0, 0), 4),
        TimeOfDay::Evening,
    );
    // Dr. Shah's day ends at 18:00, so only 17:00 fits an hour; Dr. Rao works until 20:00.
    assert_eq!(
        slots
            .iter()
            .map(|s| (s.interval.start, s.doctor))
            .collect::<Vec<_>>(),
        [
            (mon(17, 0), Some(rao())),
            (mon(17, 0), Some(shah())),
            (mon(17, 15), Some(rao())),
            (mon(17, 30), Some(rao())),
        ]
    );
}

#[test]
fn a_from_to_window_off_the_hour() {
    let slots = within(
        &clinic(),
        SlotTarget::Doctor(shah()),
        query(30, mon(0, 0), 10),
        span((10, 40), (12, 0)),
    );
    // On the 15-minute grid from 10:40: 10:45, 11:00, 11:15, 11:30 (ends 12:00); then Tuesday.
    assert_eq!(
        starts(&slots)[..5],
        [
            mon(10, 45),
            mon(11, 0),
            mon(11, 15),
            mon(11, 30),
            at(Kolkata, 1, 10, 45)
        ]
    );
}

#[test]
fn a_window_outside_everyones_hours_finds_nothing() {
    let slots = within(
        &clinic(),
        SlotTarget::AnyDoctorAndAnyRoom,
        query(15, mon(0, 0), 3),
        span((6, 0), (8, 0)),
    );
    assert_eq!(slots, vec![]);
}

#[test]
fn the_window_is_wall_time_on_a_25_hour_day() {
    // New York, Sunday 2026-11-01: 01:00–02:00 happens twice. Open every day around the clock.
    let day = |h: u32, m: u32| {
        New_York
            .with_ymd_and_hms(2026, 11, 1, h, m, 0)
            .earliest()
            .unwrap()
            .with_timezone(&Utc)
    };
    let every_day = WeeklyHours::always();
    let cal = ClinicCalendar {
        zone: New_York,
        hours: every_day.clone(),
        window: iv(day(0, 0), day(0, 0) + Duration::hours(25)),
        doctors: vec![DoctorCalendar {
            hours: every_day,
            ..doctor(rao(), &[])
        }],
        rooms: Vec::new(),
        patient_busy: Vec::new(),
    };
    let slots = within(
        &cal,
        SlotTarget::Doctor(rao()),
        query(60, day(0, 0), 5),
        span((9, 0), (11, 0)),
    );
    // 09:00 local is EST (UTC-5) that day: 14:00Z.
    assert_eq!(
        starts(&slots)[0],
        Utc.with_ymd_and_hms(2026, 11, 1, 14, 0, 0).unwrap()
    );
    assert_eq!(
        starts(&slots),
        [day(9, 0), day(9, 15), day(9, 30), day(9, 45), day(10, 0)]
    );
}

#[test]
fn windows_are_read_from_hh_mm() {
    assert_eq!(
        parse_window("10:30", "14:00"),
        Ok(DaySpan::new(hm(10, 30), hm(14, 0)))
    );
    assert_eq!(parse_window("", "11:00"), Ok(DaySpan::new(0, hm(11, 0))));
    assert_eq!(parse_window("18:00", ""), Ok(DaySpan::new(hm(18, 0), 1440)));
    assert_eq!(
        parse_window("18:00", "24:00"),
        Ok(DaySpan::new(hm(18, 0), 1440))
    );
    let err = parse_window("half past ten", "14:00").unwrap_err();
    assert_eq!(err, WindowError::NotATime("half past ten".into()));
    assert!(err.to_string().contains("write it as HH:MM"), "{err}");
    let err = parse_window("14:00", "10:00").unwrap_err();
    assert!(matches!(err, WindowError::EndNotAfterStart(_)));
    assert!(err.to_string().contains("ends before it starts"), "{err}");
}

// ---------------------------------------------------------------------------------------------
// any room

#[test]
fn a_doctor_in_any_room_takes_the_first_room_free_with_them() {
    let mut cal = clinic();
    cal.rooms[0].busy = vec![iv(mon(9, 0), mon(10, 0))];
    cal.rooms[1].busy = vec![iv(mon(9, 0), mon(9, 30))];
    let slots = within(
        &cal,
        SlotTarget::DoctorAndAnyRoom(rao()),
        query(30, mon(0, 0), 3),
        TimeOfDay::Any,
    );
    assert_eq!(
        slots
            .iter()
            .map(|s| (s.interval.start, s.doctor, s.room))
            .collect::<Vec<_>>(),
        [
            (mon(9, 30), Some(rao()), Some(room(2))),
            (mon(9, 45), Some(rao()), Some(room(2))),
            // At 10:00 both rooms are free: the first room in the calendar's order.
            (mon(10, 0), Some(rao()), Some(room(1))),
        ]
    );
}

#[test]
fn any_room_lists_each_time_once_in_the_first_free_room() {
    let slots = within(
        &clinic(),
        SlotTarget::DoctorAndAnyRoom(rao()),
        query(30, mon(0, 0), 3),
        TimeOfDay::Any,
    );
    // Both rooms are free all morning: room 1 each time, never the same time twice.
    assert_eq!(
        slots
            .iter()
            .map(|s| (s.interval.start, s.room))
            .collect::<Vec<_>>(),
        [
            (mon(9, 0), Some(room(1))),
            (mon(9, 15), Some(room(1))),
            (mon(9, 30), Some(room(1))),
        ]
    );
    // With any doctor too: one slot per time and doctor.
    let slots = within(
        &clinic(),
        SlotTarget::AnyDoctorAndAnyRoom,
        query(30, mon(0, 0), 4),
        TimeOfDay::Any,
    );
    assert_eq!(
        slots
            .iter()
            .map(|s| (s.interval.start, s.doctor, s.room))
            .collect::<Vec<_>>(),
        [
            (mon(9, 0), Some(rao()), Some(room(1))),
            (mon(9, 0), Some(shah()), Some(room(1))),
            (mon(9, 15), Some(rao()), Some(room(1))),
            (mon(9, 15), Some(shah()), Some(room(1))),
        ]
    );
}

#[test]
fn a_visit_never_changes_rooms_halfway() {
    let mut cal = clinic();
    // Room 1 is free 09:00–09:30, room 2 from 09:30: together the morning is "covered", but no
    // single room has a free hour until 09:30 in room 2.
    cal.rooms[0].busy = vec![iv(mon(9, 30), mon(13, 0))];
    cal.rooms[1].busy = vec![iv(mon(8, 0), mon(9, 30))];
    let slots = within(
        &cal,
        SlotTarget::DoctorAndAnyRoom(shah()),
        query(60, mon(0, 0), 1),
        TimeOfDay::Any,
    );
    assert_eq!(
        slots
            .iter()
            .map(|s| (s.interval.start, s.room))
            .collect::<Vec<_>>(),
        [(mon(9, 30), Some(room(2)))]
    );
}

#[test]
fn any_doctor_in_one_room_names_the_doctor() {
    let mut cal = clinic();
    cal.doctors[1].busy = vec![iv(mon(9, 0), mon(9, 30))];
    cal.rooms[1].busy = vec![iv(mon(9, 0), mon(9, 15))];
    let slots = within(
        &cal,
        SlotTarget::AnyDoctorInRoom(room(2)),
        query(15, mon(0, 0), 3),
        TimeOfDay::Any,
    );
    assert_eq!(
        slots
            .iter()
            .map(|s| (s.interval.start, s.doctor, s.room))
            .collect::<Vec<_>>(),
        [
            (mon(9, 15), Some(rao()), Some(room(2))),
            (mon(9, 30), Some(rao()), Some(room(2))),
            (mon(9, 30), Some(shah()), Some(room(2))),
        ]
    );
}

#[test]
fn any_doctor_in_any_room_pairs_them_and_counts_over_all_pairs() {
    let mut cal = clinic();
    cal.doctors[0].busy = vec![iv(mon(9, 0), mon(12, 0))];
    cal.rooms[0].busy = vec![iv(mon(8, 0), mon(12, 0))];
    let slots = within(
        &cal,
        SlotTarget::AnyDoctorAndAnyRoom,
        query(30, mon(0, 0), 3),
        TimeOfDay::Morning,
    );
    // Dr. Shah in room 2 from 09:00; Dr. Rao is busy and room 1 taken all morning.
    assert_eq!(
        slots
            .iter()
            .map(|s| (s.interval.start, s.doctor, s.room))
            .collect::<Vec<_>>(),
        [
            (mon(9, 0), Some(shah()), Some(room(2))),
            (mon(9, 15), Some(shah()), Some(room(2))),
            (mon(9, 30), Some(shah()), Some(room(2))),
        ]
    );
}

#[test]
fn any_room_honours_the_rooms_own_hours_and_blockouts() {
    let mut cal = clinic();
    cal.rooms[0].hours = Some(weekdays(&[DaySpan::new(hm(15, 0), hm(21, 0))]));
    cal.rooms[1].blockouts = vec![iv(mon(8, 0), at(Kolkata, 1, 8, 0))];
    let slots = within(
        &cal,
        SlotTarget::DoctorAndAnyRoom(rao()),
        query(30, mon(0, 0), 1),
        TimeOfDay::Any,
    );
    // Room 2 is blocked all Monday; room 1 opens at 15:00.
    assert_eq!(
        slots
            .iter()
            .map(|s| (s.interval.start, s.room))
            .collect::<Vec<_>>(),
        [(mon(15, 0), Some(room(1)))]
    );
}

#[test]
fn no_rooms_means_no_slot_when_a_room_is_needed() {
    let mut cal = clinic();
    cal.rooms.clear();
    for target in [
        SlotTarget::DoctorAndAnyRoom(rao()),
        SlotTarget::AnyDoctorAndAnyRoom,
        SlotTarget::AnyDoctorInRoom(room(1)),
    ] {
        assert_eq!(
            within(&cal, target, query(15, mon(0, 0), 1), TimeOfDay::Any),
            vec![]
        );
    }
}
