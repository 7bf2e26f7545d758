//! The settings part of the `Store` contract: every edit of the clinic, doctors and their hours
//! and leave, rooms and their hours and blockouts, visit types and staff is checked, written in
//! one transaction with its setup audit row naming who did it, and refused edits change
//! nothing. Stranded appointments are listed, never dropped.

use crate::common::{ALL_DAYS, Clinic1, TestBackend, id, utc};
use chrono::{DateTime, Utc};
use frontdesk::scheduling::at_risk::SetupChange;
use frontdesk::scheduling::conflict::Absence;
use frontdesk::scheduling::hours_text::parse_week;
use frontdesk::scheduling::setup_rules::Field;
use frontdesk::scheduling::*;
use frontdesk::store::{Saved, Store, StoreError};

const NOW: &str = "2026-06-01T03:00:00Z"; // 08:30 in Kolkata, a Monday

fn clinic<B: TestBackend>() -> Clinic1<B> {
    Clinic1::<B>::fresh(chrono_tz::Asia::Kolkata)
}

fn now() -> DateTime<Utc> {
    utc(NOW)
}

/// Events in the setup audit, through the store's own history of setup changes.
fn audit_rows<B: TestBackend>(c: &Clinic1<B>) -> i64 {
    let events = c.store.setup_history(None, usize::MAX).expect("history");
    i64::try_from(events.len()).expect("a count")
}

fn week(text: &str) -> WeeklyHours {
    parse_week(&ALL_DAYS.map(|_| text.to_owned())).expect("hours")
}

fn refused_fields(e: StoreError) -> Vec<Field> {
    match e {
        StoreError::SetupRefused(problems) => problems.iter().map(|p| p.field).collect(),
        other => panic!("expected a refusal, got {other}"),
    }
}

pub fn a_clinic_edit_is_stored_and_audited_with_before_and_after<B: TestBackend>() {
    let mut c = clinic::<B>();
    let mut edited = c.store.clinics().expect("clinics")[0].clone();
    edited.name = "  Test   Clinic West ".into();
    edited.address = "2 Park Road".into();
    edited.time_zone = chrono_tz::Europe::London;
    edited.slot_minutes = 20;
    edited.opening_hours = week("09:00–17:00");
    let saved = c
        .store
        .save_clinic(&edited, "Maria D'Souza", now())
        .expect("save");
    assert_eq!(saved, Saved::Updated);
    let stored = c.store.clinics().expect("clinics")[0].clone();
    assert_eq!(stored.name, "Test Clinic West", "names are tidied");
    assert_eq!(stored.time_zone, chrono_tz::Europe::London);
    assert_eq!(stored.slot_minutes, 20);
    assert_eq!(stored.opening_hours, week("09:00–17:00"));

    let history = c.store.setup_history(None, 10).expect("history");
    assert_eq!(history.len(), 1);
    let event = &history[0];
    assert_eq!(
        (
            event.actor.as_str(),
            event.entity_kind.as_str(),
            event.action.as_str()
        ),
        ("Maria D'Souza", "clinic", "updated")
    );
    assert_eq!(event.entity_id, c.clinic.to_string());
    assert_eq!(event.at, now());
    let before: serde_json::Value =
        serde_json::from_str(event.before.as_deref().expect("before")).expect("json");
    let after: serde_json::Value =
        serde_json::from_str(event.after.as_deref().expect("after")).expect("json");
    assert_eq!(before["time_zone"], "Asia/Kolkata");
    assert_eq!(before["opening_hours"]["mon"], "08:00–20:00");
    assert_eq!(after["time_zone"], "Europe/London");
    assert_eq!(after["opening_hours"]["sun"], "09:00–17:00");

    // Saving it again as it is writes nothing.
    assert_eq!(
        c.store
            .save_clinic(&stored, "Maria D'Souza", now())
            .expect("again"),
        Saved::Unchanged
    );
    assert_eq!(audit_rows(&c), 1);
}

pub fn bad_clinic_edits_are_refused_and_change_nothing<B: TestBackend>() {
    let mut c = clinic::<B>();
    let original = c.store.clinics().expect("clinics")[0].clone();
    let mut bad = original.clone();
    bad.name = "  ".into();
    bad.slot_minutes = 3;
    bad.opening_hours = WeeklyHours::default();
    let e = c.store.save_clinic(&bad, "maria", now()).expect_err("bad");
    let message = e.to_string();
    assert!(
        message.starts_with("refused, nothing was changed"),
        "{message}"
    );
    assert!(message.contains("a clinic needs a name"), "{message}");
    assert_eq!(
        refused_fields(e),
        [Field::Name, Field::SlotMinutes, Field::Week]
    );
    assert_eq!(c.store.clinics().expect("clinics")[0], original);
    assert_eq!(audit_rows(&c), 0);

    // A second clinic may not take the first one's name.
    let mut second = original.clone();
    second.id = ClinicId(id(2));
    second.name = "test clinic".into();
    assert_eq!(
        refused_fields(
            c.store
                .save_clinic(&second, "maria", now())
                .expect_err("dup")
        ),
        [Field::Name]
    );
    second.name = "Second Clinic".into();
    assert_eq!(
        c.store.save_clinic(&second, "maria", now()).expect("new"),
        Saved::Created
    );
    assert_eq!(c.store.clinics().expect("clinics").len(), 2);

    let e = c
        .store
        .save_clinic(&original, " ", now())
        .expect_err("no actor");
    assert!(e.to_string().contains("say who is at the desk"), "{e}");
}

pub fn doctors_are_added_edited_and_checked_for_names_and_colours<B: TestBackend>() {
    let mut c = clinic::<B>();
    let priya = Doctor {
        id: DoctorId(id(12)),
        name: "Dr. Priya Nair".into(),
        specialty: "Paediatrics".into(),
        colour: "#10B981".into(),
        active: true,
    };
    assert_eq!(
        c.store.save_doctor(&priya, "farah", now()).expect("add"),
        Saved::Created
    );
    let stored = c.store.doctors().expect("doctors");
    let found = stored.iter().find(|d| d.id == priya.id).expect("stored");
    assert_eq!(found.colour, "#10b981", "colours are stored in lower case");

    let renamed = Doctor {
        name: "Dr. Priya Nair-Menon".into(),
        active: false,
        ..found.clone()
    };
    assert_eq!(
        c.store.save_doctor(&renamed, "farah", now()).expect("edit"),
        Saved::Updated
    );
    let history = c
        .store
        .setup_history(Some(&priya.id.to_string()), 10)
        .expect("history");
    let actions: Vec<&str> = history.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["updated", "created"], "newest first");
    assert!(
        history
            .iter()
            .all(|e| e.actor == "farah" && e.entity_kind == "doctor")
    );

    let before = c.store.doctors().expect("doctors");
    let rows = audit_rows(&c);
    let clash = Doctor {
        name: "dr. anjali RAO".into(),
        colour: "teal".into(),
        ..renamed.clone()
    };
    let e = c
        .store
        .save_doctor(&clash, "farah", now())
        .expect_err("clash");
    assert_eq!(refused_fields(e), [Field::Name, Field::Colour]);
    assert_eq!(c.store.doctors().expect("doctors"), before);
    assert_eq!(audit_rows(&c), rows);
}

pub fn doctor_hours_are_replaced_and_audited_per_clinic<B: TestBackend>() {
    let mut c = clinic::<B>();
    let hours = week("10:00–14:00, 15:00–19:00");
    let saved = c
        .store
        .save_doctor_hours(c.rao, c.clinic, &hours, "farah", now())
        .expect("hours");
    assert_eq!(saved, Saved::Updated);
    assert_eq!(c.store.doctor_hours(c.rao, c.clinic).expect("read"), hours);
    assert_eq!(
        c.store.doctor_hours(c.mehta, c.clinic).expect("other"),
        week("09:00–13:00, 14:00–18:00"),
        "another doctor's hours stay"
    );
    let event = &c.store.setup_history(None, 1).expect("history")[0];
    assert_eq!(event.entity_kind, "doctor_hours");
    assert!(
        event
            .before
            .as_deref()
            .expect("before")
            .contains("09:00–13:00, 14:00–18:00")
    );
    assert!(
        event
            .after
            .as_deref()
            .expect("after")
            .contains("10:00–14:00, 15:00–19:00")
    );
    assert_eq!(
        c.store
            .save_doctor_hours(c.rao, c.clinic, &hours, "farah", now())
            .expect("same"),
        Saved::Unchanged
    );
    let e = c
        .store
        .save_doctor_hours(DoctorId(id(99)), c.clinic, &hours, "farah", now())
        .expect_err("unknown doctor");
    assert!(
        matches!(e, StoreError::NotFound { what: "doctor", .. }),
        "{e}"
    );
}

pub fn leave_is_recorded_listed_in_a_bounded_window_and_removed_with_audit<B: TestBackend>() {
    let mut c = clinic::<B>();
    let leave = Absence {
        interval: Interval::new(c.at("2026-06-10 00:00"), c.at("2026-06-13 00:00")),
        reason: " Conference ".into(),
    };
    let leave_id = c
        .store
        .record_leave(c.rao, &leave, "farah", now())
        .expect("leave");
    let june = Interval::new(c.at("2026-06-01 00:00"), c.at("2026-07-01 00:00"));
    let listed = c.store.leave(c.rao, june).expect("list");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].id, leave_id);
    assert_eq!(listed[0].absence.reason, "Conference");
    assert!(c.store.leave(c.mehta, june).expect("other").is_empty());
    let july = Interval::new(c.at("2026-07-01 00:00"), c.at("2026-08-01 00:00"));
    assert!(
        c.store.leave(c.rao, july).expect("later").is_empty(),
        "bounded"
    );

    // Leave stops bookings at once.
    let refused = c.store.book(
        &c.request(c.rao, None, c.asha, "2026-06-11 10:00"),
        "maria",
        now(),
    );
    assert!(matches!(refused, Err(StoreError::Refused(_))));

    c.store
        .remove_leave(leave_id, "kavya", now())
        .expect("remove");
    assert!(c.store.leave(c.rao, june).expect("list").is_empty());
    let history = c
        .store
        .setup_history(Some(&leave_id.to_string()), 10)
        .expect("history");
    let trail: Vec<(&str, &str)> = history
        .iter()
        .map(|e| (e.action.as_str(), e.actor.as_str()))
        .collect();
    assert_eq!(trail, [("removed", "kavya"), ("created", "farah")]);
    assert!(
        history[0]
            .before
            .as_deref()
            .expect("kept")
            .contains("Conference")
    );
    c.store
        .book(
            &c.request(c.rao, None, c.asha, "2026-06-11 10:00"),
            "maria",
            now(),
        )
        .expect("free again");

    let e = c
        .store
        .remove_leave(leave_id, "kavya", now())
        .expect_err("gone");
    assert!(
        matches!(e, StoreError::NotFound { what: "leave", .. }),
        "{e}"
    );
    let backwards = Absence {
        interval: Interval::new(c.at("2026-06-13 00:00"), c.at("2026-06-10 00:00")),
        reason: String::new(),
    };
    let rows = audit_rows(&c);
    let e = c
        .store
        .record_leave(c.rao, &backwards, "farah", now())
        .expect_err("bad");
    assert_eq!(refused_fields(e), [Field::End]);
    let e = c
        .store
        .record_leave(DoctorId(id(99)), &leave, "farah", now())
        .expect_err("unknown");
    assert!(matches!(e, StoreError::NotFound { .. }), "{e}");
    assert_eq!(audit_rows(&c), rows);
}

pub fn rooms_their_hours_and_blockouts_are_edited_with_audit<B: TestBackend>() {
    let mut c = clinic::<B>();
    let room3 = Room {
        id: RoomId(id(22)),
        clinic: c.clinic,
        name: "Procedure A".into(),
        kind: RoomKind::Procedure,
        active: true,
    };
    assert_eq!(
        c.store.save_room(&room3, "farah", now()).expect("add"),
        Saved::Created
    );
    let dup = Room {
        name: "room 1".into(),
        ..room3.clone()
    };
    assert_eq!(
        refused_fields(c.store.save_room(&dup, "farah", now()).expect_err("dup")),
        [Field::Name]
    );
    let edited = Room {
        kind: RoomKind::TeleBooth,
        name: "Tele-booth".into(),
        ..room3.clone()
    };
    assert_eq!(
        c.store.save_room(&edited, "farah", now()).expect("edit"),
        Saved::Updated
    );
    let rooms = c.store.rooms(c.clinic).expect("rooms");
    assert!(
        rooms
            .iter()
            .any(|r| r.name == "Tele-booth" && r.kind == RoomKind::TeleBooth)
    );

    assert_eq!(
        c.store.room_hours(c.room1).expect("hours"),
        None,
        "follows the clinic"
    );
    let own = week("09:00–12:00");
    c.store
        .save_room_hours(c.room1, Some(&own), "farah", now())
        .expect("own hours");
    assert_eq!(c.store.room_hours(c.room1).expect("hours"), Some(own));
    // The room's own hours now limit bookings.
    let late = c.store.book(
        &c.request(c.rao, Some(c.room1), c.asha, "2026-06-02 12:30"),
        "maria",
        now(),
    );
    assert!(matches!(late, Err(StoreError::Refused(_))), "{late:?}");
    c.store
        .save_room_hours(c.room1, None, "farah", now())
        .expect("back");
    assert_eq!(c.store.room_hours(c.room1).expect("hours"), None);
    let e = c
        .store
        .save_room_hours(c.room1, Some(&WeeklyHours::default()), "farah", now())
        .expect_err("never open");
    assert!(e.to_string().contains("would never be open"), "{e}");

    let block = Absence {
        interval: Interval::new(c.at("2026-06-05 14:00"), c.at("2026-06-05 16:00")),
        reason: "Deep clean".into(),
    };
    let block_id = c
        .store
        .record_blockout(c.room2, &block, "farah", now())
        .expect("block");
    let window = Interval::new(c.at("2026-06-05 00:00"), c.at("2026-06-06 00:00"));
    assert_eq!(c.store.blockouts(c.room2, window).expect("list").len(), 1);
    assert!(
        c.store
            .blockouts(c.room1, window)
            .expect("other room")
            .is_empty()
    );
    c.store
        .remove_blockout(block_id, "farah", now())
        .expect("remove");
    assert!(c.store.blockouts(c.room2, window).expect("list").is_empty());
    let kinds: Vec<String> = c
        .store
        .setup_history(None, 20)
        .expect("history")
        .into_iter()
        .map(|e| format!("{} {}", e.entity_kind, e.action))
        .collect();
    assert_eq!(
        kinds,
        [
            "room_blockout removed",
            "room_blockout created",
            "room_hours updated",
            "room_hours updated",
            "room updated",
            "room created"
        ]
    );
}

pub fn visit_types_and_staff_are_edited_with_audit<B: TestBackend>() {
    let mut c = clinic::<B>();
    let mut visit = c.store.visit_types().expect("types")[0].clone();
    visit.minutes = 20;
    visit.default_mode = Mode::Video;
    assert_eq!(
        c.store
            .save_visit_type(&visit, "farah", now())
            .expect("edit"),
        Saved::Updated
    );
    assert_eq!(c.store.visit_types().expect("types")[0].minutes, 20);
    visit.minutes = 0;
    visit.colour = "#zzzzzz".into();
    assert_eq!(
        refused_fields(
            c.store
                .save_visit_type(&visit, "farah", now())
                .expect_err("bad")
        ),
        [Field::Minutes, Field::Colour]
    );

    let maria = StaffMember {
        id: StaffId(id(50)),
        name: "Maria D'Souza".into(),
        role: StaffRole::Receptionist,
        active: true,
    };
    assert_eq!(
        c.store.save_staff(&maria, "admin", now()).expect("add"),
        Saved::Created
    );
    let kavya = StaffMember {
        id: StaffId(id(51)),
        name: "maria d'souza".into(),
        role: StaffRole::Nurse,
        active: true,
    };
    assert_eq!(
        refused_fields(c.store.save_staff(&kavya, "admin", now()).expect_err("dup")),
        [Field::Name]
    );
    let kavya = StaffMember {
        name: "Kavya Menon".into(),
        ..kavya
    };
    c.store
        .save_staff(&kavya, "Maria D'Souza", now())
        .expect("add");
    let left = StaffMember {
        active: false,
        ..maria.clone()
    };
    c.store
        .save_staff(&left, "Kavya Menon", now())
        .expect("leaves");
    let staff = c.store.staff().expect("staff");
    assert_eq!(
        staff
            .iter()
            .map(|s| (s.name.as_str(), s.active))
            .collect::<Vec<_>>(),
        [("Kavya Menon", true), ("Maria D'Souza", false)]
    );
    let actors: Vec<String> = c
        .store
        .setup_history(None, 3)
        .expect("history")
        .into_iter()
        .map(|e| e.actor)
        .collect();
    assert_eq!(actors, ["Kavya Menon", "Maria D'Souza", "admin"]);
}

pub fn changes_that_strand_appointments_list_them_and_leave_them_booked<B: TestBackend>() {
    let mut c = clinic::<B>();
    let n = now();
    let morning = c.book_ok(c.rao, Some(c.room1), c.asha, "2026-06-02 09:00", n);
    let afternoon = c.book_ok(c.rao, Some(c.room2), c.ravi, "2026-06-02 16:00", n);
    let other = c.book_ok(c.mehta, Some(c.room1), c.lata, "2026-06-02 16:00", n);
    let cancelled = c.book_ok(c.rao, None, c.lata, "2026-06-03 16:00", n);
    c.store
        .change_status(
            cancelled.id,
            &StatusAction::Cancel {
                reason: "Travel".into(),
                by: CancelledBy::Patient,
            },
            "maria",
            n,
        )
        .expect("cancel");
    let ids = |list: Vec<frontdesk::store::AgendaEntry>| -> Vec<AppointmentId> {
        list.into_iter().map(|e| e.appointment.id).collect()
    };

    let mornings = SetupChange::DoctorHours {
        doctor: c.rao,
        clinic: c.clinic,
        hours: week("09:00–13:00"),
    };
    assert_eq!(
        ids(c.store.at_risk(&mornings, n).expect("risk")),
        [afternoon.id]
    );
    let leave = SetupChange::DoctorLeave {
        doctor: c.rao,
        interval: Interval::new(c.at("2026-06-02 00:00"), c.at("2026-06-03 00:00")),
    };
    let listed = c.store.at_risk(&leave, n).expect("risk");
    assert_eq!(listed[0].patient_name, "Asha Iyer", "with names to show");
    assert_eq!(ids(listed), [morning.id, afternoon.id]);
    let block = SetupChange::RoomBlockout {
        room: c.room1,
        interval: Interval::new(c.at("2026-06-02 15:00"), c.at("2026-06-02 17:00")),
    };
    assert_eq!(ids(c.store.at_risk(&block, n).expect("risk")), [other.id]);
    let clinic_hours = SetupChange::ClinicHours {
        clinic: c.clinic,
        zone: c.zone,
        hours: week("08:00–15:00"),
    };
    let mut both = vec![afternoon.id, other.id];
    both.sort();
    let mut got = ids(c.store.at_risk(&clinic_hours, n).expect("risk"));
    got.sort();
    assert_eq!(got, both);
    let closed = SetupChange::RoomInactive { room: c.room2 };
    assert_eq!(
        ids(c.store.at_risk(&closed, n).expect("risk")),
        [afternoon.id]
    );
    // Once the day is over, nothing of it is at risk any more.
    let later = c.at("2026-06-04 08:00");
    assert!(c.store.at_risk(&mornings, later).expect("risk").is_empty());

    // Saving the change anyway keeps every appointment as it was.
    let before = c.day("2026-06-02");
    c.store
        .save_doctor_hours(c.rao, c.clinic, &week("09:00–13:00"), "farah", n)
        .expect("save anyway");
    c.store
        .record_leave(
            c.rao,
            &Absence {
                interval: Interval::new(c.at("2026-06-02 00:00"), c.at("2026-06-03 00:00")),
                reason: "Sick".into(),
            },
            "farah",
            n,
        )
        .expect("leave anyway");
    assert_eq!(c.day("2026-06-02"), before);
}
