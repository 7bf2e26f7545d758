//! Signing in to the window, headless, through the real views: a new database's first run, a
//! refused sign-in, the lock (by key, button and idle time) that drops patient data from the
//! window while a half-typed form survives, a colleague taking over with a PIN, what each role
//! is shown and refused, and the administrator's access log page.

mod gui_harness;
use gui_harness::{Harness, PASSWORD, WHO, now};

use std::time::{Duration, Instant};

use frontdesk::gui::app::Phase;
use frontdesk::gui::calendar::GridEvent;
use frontdesk::gui::desk::{Message as DeskMessage, Page, Panel};
use frontdesk::gui::screen::access_log;
use frontdesk::gui::screen::sign_in::{Message as Door, Mode, Typed};
use frontdesk::gui::{App, Message};
use frontdesk::scheduling::access::{AccessKind, ChainCheck};
use frontdesk::scheduling::staff::StaffRole;
use frontdesk::store::{AccessFilter, Accounts, SqliteStore, Store};
use iced::keyboard::{Key, Modifiers};

fn store(h: &Harness) -> SqliteStore {
    SqliteStore::open(h.dir.path().join("desk.sqlite3")).expect("open the test database")
}

/// The access log's entries of `kind`, newest first.
fn logged(h: &Harness, kind: AccessKind) -> Vec<frontdesk::scheduling::access::AccessEntry> {
    entries(&mut store(h), kind)
}

/// `store`'s access log entries of `kind`, newest first.
fn entries(
    store: &mut dyn Accounts,
    kind: AccessKind,
) -> Vec<frontdesk::scheduling::access::AccessEntry> {
    store
        .access_log(&AccessFilter {
            kind: Some(kind),
            limit: 1000,
            ..AccessFilter::default()
        })
        .expect("the log")
}

fn door(h: &mut Harness, message: Door) {
    h.send(Message::Door(message));
}

fn door_error(h: &Harness) -> String {
    h.app
        .door()
        .and_then(|f| f.error.clone())
        .unwrap_or_default()
}

/// Patient names the window holds for the calendar and today's list.
fn patient_names(h: &Harness) -> Vec<String> {
    let desk = h.desk();
    desk.today
        .iter()
        .chain(&desk.entries)
        .map(|e| e.patient_name.clone())
        .collect()
}

#[test]
fn a_new_database_sets_up_its_clinic_and_first_administrator_refusing_each_slip() {
    let mut h = Harness::new_database();
    assert_eq!(
        h.app.door().map(|f| f.mode.clone()),
        Some(Mode::FirstRun { no_clinic: true })
    );
    assert_eq!(h.app.error(), None, "a file not made yet is no error");
    let texts = h.texts();
    for wanted in [
        "Set up your clinic",
        "Load the demo clinic",
        "Create the administrator",
    ] {
        assert!(
            texts.iter().any(|t| t == wanted),
            "{wanted} shown: {texts:?}"
        );
    }
    // Each slip says what is wrong; nothing is created.
    let slips: [(&str, &str, &str, &str, &str, &str); 5] = [
        (
            "",
            "Asia/Kolkata",
            "Priya Nair",
            "correct horse 1",
            "correct horse 1",
            "clinic's name",
        ),
        (
            "Lakeside Family Clinic",
            "Mars/Olympus",
            "Priya Nair",
            "correct horse 1",
            "correct horse 1",
            "Mars/Olympus",
        ),
        (
            "Lakeside Family Clinic",
            "Asia/Kolkata",
            "Priya Nair",
            "short",
            "short",
            "at least 8 characters",
        ),
        (
            "Lakeside Family Clinic",
            "Asia/Kolkata",
            "Priya Nair",
            "          ",
            "          ",
            "only spaces",
        ),
        (
            "Lakeside Family Clinic",
            "Asia/Kolkata",
            "Priya Nair",
            "correct horse 1",
            "correct horse 2",
            "the two passwords differ",
        ),
    ];
    for (clinic, zone, name, password, repeat, said) in slips {
        door(&mut h, Door::ClinicName(clinic.into()));
        door(&mut h, Door::Zone(zone.into()));
        door(&mut h, Door::Name(name.into()));
        door(&mut h, Door::Secret(Typed(password.into())));
        door(&mut h, Door::Repeat(Typed(repeat.into())));
        door(&mut h, Door::Submit);
        let error = door_error(&h);
        assert!(error.contains(said), "{said:?} in {error:?}");
        assert!(
            !error.contains(password.trim())
                || password.trim().is_empty()
                || said == "Mars/Olympus"
        );
        assert!(
            !matches!(h.app.phase, Phase::Ready(_)),
            "nothing is opened after: {said}"
        );
        assert!(
            !h.dir.path().join("desk.sqlite3").exists(),
            "no file is made after: {said}"
        );
    }
    // Typed as people type, Enter in the last field: the clinic opens, signed in.
    h.ui(|ui| {
        for (field, words) in [
            ("signin-clinic", "Lakeside Family Clinic"),
            ("signin-zone", "Asia/Kolkata"),
            ("signin-name", "Priya Nair"),
            ("signin-secret", "correct horse 1"),
            ("signin-repeat", "correct horse 1"),
        ] {
            ui.click(iced_test::selector::id(field)).expect(field);
            let _ = ui.tap_key(iced::keyboard::key::Named::End);
            for _ in 0..40 {
                let _ = ui.tap_key(iced::keyboard::key::Named::Backspace);
            }
            let _ = ui.typewrite(words);
        }
        let _ = ui.tap_key(iced::keyboard::key::Named::Enter);
    });
    // The new clinic's data is encrypted: its recovery key is shown once, before the desk.
    let recovery = match h.app.door().map(|f| f.mode.clone()) {
        Some(Mode::Recovery(shown)) => shown.0,
        other => panic!("the recovery key is shown: {other:?} {}", door_error(&h)),
    };
    assert!(h.texts().contains(&recovery));
    h.click("I have written it down");
    assert!(
        matches!(h.app.phase, Phase::Ready(_)),
        "the desk opens: {:?}",
        door_error(&h)
    );
    assert_eq!(h.app.title(), "Frontdesk — Lakeside Family Clinic");
    assert_eq!(h.app.actor(), "Priya Nair");
    assert!(
        h.app.notice().is_some_and(|n| n.contains("no doctors yet")),
        "{:?}",
        h.app.notice()
    );
    assert_eq!(
        h.app.error(),
        None,
        "checked and backed up with its key, no error"
    );
    let path = h.dir.path().join("desk.sqlite3");
    assert!(!frontdesk::store::cipher::is_plain_sqlite(&path).expect("read"));
    assert!(matches!(
        SqliteStore::open(&path),
        Err(frontdesk::store::StoreError::Encrypted { .. })
    ));
    // The recovery key opens it (as an administrator would when every password is lost).
    let slots = frontdesk::store::cipher::KeySlots::load(&path).expect("keys");
    let key = slots
        .unwrap_with_recovery(
            &frontdesk::store::cipher::RecoveryKey::parse(&recovery).expect("key"),
        )
        .expect("the recovery key opens it");
    let mut s = SqliteStore::open_encrypted(&path, &key, Default::default()).expect("open");
    let staff = s.staff().expect("staff");
    assert_eq!(staff.len(), 1);
    assert_eq!(staff[0].role, StaffRole::Administrator);
    assert_eq!(
        s.clinics().expect("clinics")[0].time_zone,
        chrono_tz::Asia::Kolkata
    );
    let record = s
        .sign_in_record("Priya Nair")
        .expect("record")
        .expect("her sign-in");
    let hash = record.password.expect("a password hash");
    assert!(hash.as_stored().starts_with("$argon2id$"));
    assert!(!hash.as_stored().contains("correct horse"));
    // A patient, and a backup: no name or phone is readable in any file, WAL and backup too.
    let patient = frontdesk::scheduling::Patient {
        id: frontdesk::scheduling::PatientId(uuid::Uuid::new_v4()),
        name: "Zanele Fairweather-Okonkwo".into(),
        phone: "+91 98450 12345".into(),
        email: String::new(),
        birth_date: None,
        external_id: String::new(),
    };
    s.add_patient(&patient).expect("patient");
    let backup = h.dir.path().join("copy.sqlite3");
    s.backup_to(&backup, &mut |_| {}).expect("backup");
    let wal = h.dir.path().join("desk.sqlite3-wal");
    let mut files = vec![path.clone(), backup.clone(), slots.path().to_path_buf()];
    if wal.exists() {
        files.push(wal);
    }
    for file in &files {
        let bytes = std::fs::read(file).expect("read");
        for clear in [
            "Zanele",
            "Fairweather",
            "98450",
            "Priya",
            "Lakeside",
            "Kolkata",
        ] {
            assert!(
                !bytes.windows(clear.len()).any(|w| w == clear.as_bytes()),
                "{clear} readable in {}",
                file.display()
            );
        }
    }
    drop(s);
    // The window again: a wrong password is refused before the file is open (and logged once
    // it is), the right one opens it.
    let gui_harness::Harness { dir, runtime, app } = h;
    drop(app);
    let (app, task) = App::new(path.clone(), now());
    let mut h = Harness { dir, runtime, app };
    h.settle(task);
    assert_eq!(h.app.door().map(|f| f.mode.clone()), Some(Mode::SignIn));
    h.sign_in("Priya Nair", "not her password");
    assert!(door_error(&h).contains("the name or password is wrong"));
    h.sign_in("Nobody", "correct horse 1");
    assert!(door_error(&h).contains("the name or password is wrong"));
    h.sign_in("priya  nair", "correct horse 1");
    assert!(matches!(h.app.phase, Phase::Ready(_)), "{}", door_error(&h));
    assert_eq!(h.app.actor(), "Priya Nair");
    let mut s = SqliteStore::open_encrypted(&path, &key, Default::default()).expect("open");
    let failed = entries(&mut s, AccessKind::SignInFailed);
    assert_eq!(failed.len(), 2, "{failed:?}");
    assert!(
        failed
            .iter()
            .all(|e| e.access.detail.contains("before the database was open"))
    );
    assert!(failed.iter().any(|e| e.access.name == "Priya Nair"));
    // The one whose password opens the file cannot be marked as gone: refused, nothing changed.
    let secret = frontdesk::signin::Secret::given(
        frontdesk::signin::SecretKind::Password,
        "correct horse 1",
    )
    .expect("password");
    let who = frontdesk::signin::sign_in(&mut s, "Priya Nair", &secret, "test", now())
        .expect("signed in");
    let mut me = s.staff().expect("staff")[0].clone();
    let mut guarded =
        frontdesk::store::Guarded::new(Box::new(s), who, Box::new(now)).expect("guarded");
    me.active = false;
    let refused = guarded
        .save_staff(&me, "", now())
        .expect_err("the last slot");
    assert!(
        refused
            .to_string()
            .contains("last person whose password opens"),
        "{refused}"
    );
    assert!(guarded.staff().expect("staff")[0].active, "nothing changed");
}

#[test]
fn a_wrong_password_is_refused_counted_and_logged_and_the_field_is_emptied() {
    let h = Harness::with_demo();
    let gui_harness::Harness { dir, runtime, app } = h;
    drop(app);
    let path = dir.path().join("desk.sqlite3");
    let (app, task) = App::new(path, now());
    let mut h = Harness { dir, runtime, app };
    h.settle(task);
    assert_eq!(h.app.door().map(|f| f.mode.clone()), Some(Mode::SignIn));
    assert!(
        !h.texts().iter().any(|t| t.contains("PIN")),
        "no PIN before a password opened the PC"
    );
    h.sign_in(WHO, "not-the-password");
    let error = door_error(&h);
    assert!(
        error.contains("the name or password is wrong") && error.contains("4 tries left"),
        "{error}"
    );
    assert!(!error.contains("not-the-password"));
    assert_eq!(h.field("signin-secret").as_deref(), Some(""), "typed again");
    assert!(!matches!(h.app.phase, Phase::Ready(_)));
    // A name nobody has reads the same (which of the two was wrong is not said).
    h.sign_in("Nobody Here", "whatever-it-is");
    assert!(door_error(&h).contains("the name or password is wrong"));
    let failed = logged(&h, AccessKind::SignInFailed);
    assert_eq!(failed.len(), 2, "{failed:?}");
    assert!(failed.iter().any(|e| e.access.name == WHO));
    // Empty: said at once, no try counted.
    h.sign_in(WHO, "");
    assert!(door_error(&h).contains("type your password"));
    assert_eq!(logged(&h, AccessKind::SignInFailed).len(), 2);
    h.sign_in(WHO, PASSWORD);
    assert!(matches!(h.app.phase, Phase::Ready(_)));
}

#[test]
fn locking_drops_patient_data_from_the_window_and_a_half_typed_form_survives() {
    let mut h = Harness::with_demo();
    let names = patient_names(&h);
    assert!(!names.is_empty());
    let on_screen = |h: &mut Harness| {
        let texts = h.texts();
        names
            .iter()
            .filter(|n| texts.iter().any(|t| t.contains(n.as_str())))
            .count()
    };
    assert!(on_screen(&mut h) > 0, "today's patients are listed");
    // A booking half typed.
    let (column, minute) = h.free_slot(15);
    h.send(DeskMessage::Grid(GridEvent::SlotClicked(column, minute)));
    h.type_into("booking-patient", "Meera Kri");
    // Ctrl+L locks.
    h.send(Message::Key(Key::Character("l".into()), Modifiers::CTRL));
    assert!(h.app.locked.is_some(), "locked");
    assert_eq!(on_screen(&mut h), 0, "no patient is left on screen");
    assert!(patient_names(&h).is_empty(), "nor held for the calendar");
    let texts = h.texts();
    assert!(texts.iter().any(|t| t == "Locked"), "{texts:?}");
    assert!(!texts.iter().any(|t| t.contains("Meera Kri")));
    assert!(
        h.field("booking-patient").is_none(),
        "the form is not drawn"
    );
    // Keys reach no form while locked.
    h.send(Message::Key(Key::Character("2".into()), Modifiers::empty()));
    assert!(h.app.locked.is_some());
    // The same person unlocks: the calendar is read again and the form is as it was.
    h.sign_in(WHO, PASSWORD);
    assert!(h.app.locked.is_none(), "{}", door_error(&h));
    assert!(!patient_names(&h).is_empty(), "read again");
    assert!(matches!(h.desk().panel, Panel::Booking(_)));
    assert_eq!(h.field("booking-patient").as_deref(), Some("Meera Kri"));
    let outs = logged(&h, AccessKind::SignedOut);
    assert!(outs.iter().any(|e| e.access.detail == "locked"), "{outs:?}");
}

#[test]
fn the_status_line_names_no_patient_while_locked() {
    let mut h = Harness::with_demo();
    let (column, minute) = h.free_slot(15);
    h.send(DeskMessage::Grid(GridEvent::SlotClicked(column, minute)));
    h.type_into("booking-patient", "Zara Quintessa");
    h.click("New patient (register this name)");
    h.click("Book");
    assert!(h.app.notice().is_some_and(|n| n.contains("Zara Quintessa")));
    h.send(Message::Key(Key::Character("l".into()), Modifiers::CTRL));
    assert!(h.app.locked.is_some());
    assert_eq!(h.app.notice(), None);
    assert!(
        !h.texts().iter().any(|t| t.contains("Zara")),
        "{:?}",
        h.texts()
    );
}

#[test]
fn the_window_locks_after_the_idle_time_and_not_before() {
    let mut h = Harness::with_demo();
    h.send(Message::Input);
    h.send(Message::IdleCheck(
        Instant::now() + Duration::from_secs(4 * 60),
    ));
    assert!(h.app.locked.is_none(), "four minutes is not five");
    h.send(Message::IdleCheck(
        Instant::now() + Duration::from_secs(5 * 60 + 1),
    ));
    assert!(h.app.locked.is_some(), "five idle minutes lock it");
    assert!(patient_names(&h).is_empty());
    // The Lock button locks too, after an unlock.
    h.sign_in(WHO, PASSWORD);
    assert!(h.app.locked.is_none());
    h.click("Lock (Ctrl+L)");
    assert!(h.app.locked.is_some());
}

#[test]
fn a_receptionist_takes_over_with_her_pin_and_is_shown_and_allowed_only_her_work() {
    let mut h = Harness::with_demo();
    // The administrator gives Kavya a PIN in Settings.
    h.click("Settings");
    h.click("Staff");
    h.click("Kavya Menon");
    h.type_into("staff-pin", "12a4");
    h.click("Set PIN");
    assert!(
        h.texts()
            .iter()
            .any(|t| t.contains("a PIN is 4 to 8 digits")),
        "a PIN with a letter is refused"
    );
    h.type_into("staff-pin", "2468");
    h.click("Set PIN");
    assert!(
        h.texts()
            .iter()
            .any(|t| t == "Set a new PIN for Kavya Menon."),
        "{:?}",
        h.texts()
    );
    assert!(!h.texts().iter().any(|t| t.contains("2468")));
    // The administrator leaves the access log open; Kavya walks up: lock, her PIN.
    h.click("Access log");
    assert!(matches!(h.desk().page, Page::AccessLog(_)));
    h.click("Lock (Ctrl+L)");
    h.click("Use my PIN");
    h.sign_in("Kavya Menon", "1357");
    assert!(door_error(&h).contains("the name or PIN is wrong"));
    // "Use my PIN" stays on for the next try.
    h.sign_in("Kavya Menon", "2468");
    assert!(h.app.locked.is_none(), "{}", door_error(&h));
    assert_eq!(h.app.actor(), "Kavya Menon");
    assert!(h.desk().page.is_calendar(), "the log is not hers to see");
    assert!(!h.texts().iter().any(|t| t.starts_with("The log's chain")));
    let texts = h.texts();
    assert!(
        texts
            .iter()
            .any(|t| t == "Signed in: Kavya Menon · Receptionist")
    );
    for hidden in ["Settings", "Reports", "Data", "Access log"] {
        assert!(
            !texts.iter().any(|t| t == hidden),
            "{hidden} is not offered"
        );
    }
    assert!(texts.iter().any(|t| t == "Waitlist"));
    // A page asked for anyway is refused, naming the role it needs.
    h.send(DeskMessage::ShowSettings);
    assert!(h.desk().page.is_calendar());
    let said = h.app.error().cloned().unwrap_or_default();
    assert!(
        said.contains("manager role") && said.contains("receptionist"),
        "{said}"
    );
    h.send(DeskMessage::ShowAccessLog);
    assert!(h.desk().page.is_calendar());
    assert!(
        h.app
            .error()
            .is_some_and(|e| e.contains("administrator role"))
    );
    // Starting a consultation is the nurse's: not offered to her.
    let booking = h.upcoming_booking();
    h.send(DeskMessage::Grid(GridEvent::AppointmentClicked(
        booking.appointment.id,
    )));
    let texts = h.texts();
    assert!(texts.iter().any(|t| t == "Check in"), "{texts:?}");
    assert!(!texts.iter().any(|t| t == "Start" || t == "Complete"));
    // What she does is recorded as hers.
    let history = store(&h).history(booking.appointment.id).expect("history");
    assert!(!history.is_empty());
    let opened = logged(&h, AccessKind::OpenedAppointment);
    assert_eq!(opened[0].access.name, "Kavya Menon");
}

#[test]
fn a_nurse_sees_start_and_a_manager_settings_without_staff() {
    let mut h = Harness::with_demo();
    h.take_over("Suresh Pillai", "demo-nurse");
    let booking = h.upcoming_booking();
    h.send(DeskMessage::Grid(GridEvent::AppointmentClicked(
        booking.appointment.id,
    )));
    assert!(h.texts().iter().any(|t| t == "Start"));
    assert!(!h.texts().iter().any(|t| t == "Settings"));
    h.take_over("Farah Khan", "demo-manager");
    let texts = h.texts();
    assert!(texts.iter().any(|t| t == "Settings") && texts.iter().any(|t| t == "Reports"));
    assert!(!texts.iter().any(|t| t == "Data" || t == "Access log"));
    h.click("Settings");
    let texts = h.texts();
    assert!(texts.iter().any(|t| t == "Doctors"));
    assert!(
        !texts.iter().any(|t| t == "Staff"),
        "staff are the administrator's"
    );
}

#[test]
fn the_access_log_page_lists_checks_filters_and_saves_and_is_itself_logged() {
    let mut h = Harness::with_demo();
    h.click("Access log");
    assert!(matches!(h.desk().page, Page::AccessLog(_)));
    let texts = h.texts();
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("The log's chain is whole")),
        "{texts:?}"
    );
    assert!(texts.iter().any(|t| t == "Signed in"));
    assert!(
        !logged(&h, AccessKind::ReadAccessLog).is_empty(),
        "reading it is logged"
    );
    // A bad date is said, and nothing is read.
    h.type_into("access-from", "yesterday");
    h.send(DeskMessage::AccessLog(access_log::Message::Show));
    assert!(h.texts().iter().any(|t| t.contains("is not a date")));
    // The widest dates there are read the whole log; a last day before the first is said.
    h.send(DeskMessage::AccessLog(access_log::Message::From(
        "0001-01-01".into(),
    )));
    h.send(DeskMessage::AccessLog(access_log::Message::Until(
        "9999-12-31".into(),
    )));
    h.send(DeskMessage::AccessLog(access_log::Message::Show));
    assert!(
        h.texts().iter().any(|t| t == "Signed in"),
        "{:?}",
        h.texts()
    );
    h.send(DeskMessage::AccessLog(access_log::Message::From(
        "2026-12-02".into(),
    )));
    h.send(DeskMessage::AccessLog(access_log::Message::Until(
        "2026-12-01".into(),
    )));
    h.send(DeskMessage::AccessLog(access_log::Message::Show));
    assert!(
        h.texts()
            .iter()
            .any(|t| t.contains("the last day is before the first"))
    );
    h.send(DeskMessage::AccessLog(access_log::Message::Until(
        String::new(),
    )));
    // CSV, private, with its header; the export is logged.
    let path = h.dir.path().join("log.csv");
    h.send(DeskMessage::AccessLog(access_log::Message::From(
        String::new(),
    )));
    h.send(DeskMessage::AccessLog(access_log::Message::Show));
    h.send(DeskMessage::AccessLog(access_log::Message::CsvPath(Some(
        path.clone(),
    ))));
    let csv = std::fs::read_to_string(&path).expect("saved");
    assert!(
        csv.starts_with("seq,at_utc,desk,name,kind,subject,detail\r\n"),
        "{csv}"
    );
    assert!(csv.contains(",signed_in,"));
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let exported = logged(&h, AccessKind::Exported);
    assert!(
        exported
            .iter()
            .any(|e| e.access.detail.starts_with("access log"))
    );
    // Someone edits an entry behind Frontdesk's back: the page says so.
    {
        let raw = rusqlite::Connection::open(h.dir.path().join("desk.sqlite3")).expect("raw");
        let triggers: Vec<String> = raw
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'access_log'",
            )
            .expect("prepare")
            .query_map([], |r| r.get(0))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("names");
        for t in triggers {
            raw.execute(&format!("DROP TRIGGER \"{t}\""), [])
                .expect("drop");
        }
        raw.execute("UPDATE access_log SET desk = 'elsewhere' WHERE seq = 1", [])
            .expect("edit");
    }
    h.send(DeskMessage::AccessLog(access_log::Message::Show));
    assert_eq!(
        store(&h).check_access_log().expect("check"),
        ChainCheck::BrokenAt(1)
    );
    assert!(
        h.texts()
            .iter()
            .any(|t| t.starts_with("The log was tampered with: entry 1")),
        "{:?}",
        h.texts()
    );
}

/// Whether `needle` is anywhere in the file at `path` (a missing file holds nothing).
fn file_holds(path: &std::path::Path, needle: &str) -> bool {
    std::fs::read(path)
        .map(|bytes| bytes.windows(needle.len()).any(|w| w == needle.as_bytes()))
        .unwrap_or(false)
}

#[test]
fn an_administrator_encrypts_the_open_file_from_the_data_page_and_the_desk_goes_on() {
    use frontdesk::signin::{Secret, SecretKind};
    use frontdesk::store::cipher::{keys_path, plaintext_files};
    use frontdesk::store::unlock::{Unsealed, open_as};
    let mut h = Harness::with_demo();
    let db = h.dir.path().join("desk.sqlite3");
    let patient = patient_names(&h)
        .into_iter()
        .next()
        .expect("the demo shows patients");
    assert!(file_holds(&db, &patient), "a plain file shows its patients");
    h.click("Data");
    h.click("Encrypt this file…");
    // Someone else's password (or a slip) is refused in words, and nothing is changed.
    h.type_into("encrypt-password", "demo-receptionist");
    h.click("Encrypt now");
    let texts = h.texts();
    assert!(
        texts
            .iter()
            .any(|t| t.contains("that is not your password")),
        "{texts:?}"
    );
    assert!(!keys_path(&db).exists());
    assert_eq!(h.field("encrypt-password").as_deref(), Some(""));
    // Her own password: the file is encrypted where it is, the recovery key shown once.
    h.type_into("encrypt-password", PASSWORD);
    h.click("Encrypt now");
    let texts = h.texts();
    let recovery = texts
        .iter()
        .find(|t| t.len() == 47 && t.split('-').count() == 8)
        .cloned()
        .unwrap_or_else(|| panic!("the recovery key is shown: {texts:?}"));
    assert!(keys_path(&db).exists());
    assert!(
        h.desk()
            .notice
            .as_deref()
            .unwrap_or("")
            .contains("encrypted now")
    );
    for file in [db.clone(), db.with_extension("sqlite3-wal")] {
        assert!(
            !file_holds(&file, &patient),
            "{} shows a patient",
            file.display()
        );
    }
    // Leaving the page does not lose it: the desk shows it on every page until noted, to
    // her only (not to a colleague who takes the desk over meanwhile).
    h.send(DeskMessage::ShowCalendar);
    assert!(h.texts().contains(&recovery), "still shown on the calendar");
    h.take_over("Farah Khan", "demo-manager");
    assert!(!h.texts().contains(&recovery), "not shown to someone else");
    h.take_over(WHO, PASSWORD);
    assert!(h.texts().contains(&recovery), "shown again to her");
    h.click("I have written it down");
    assert!(!h.texts().contains(&recovery), "shown once");
    h.click("Data");
    let copies = plaintext_files(&db);
    assert!(!copies.is_empty(), "the original is kept until asked");
    assert!(
        h.texts()
            .iter()
            .any(|t| t.starts_with("Plaintext copies are left"))
    );
    h.click("Remove them");
    assert!(plaintext_files(&db).is_empty());
    assert!(copies.iter().all(|c| !c.exists()));
    assert!(h.texts().iter().any(|t| t.starts_with("Removed ")));
    // The desk goes on, on the encrypted file: the calendar reads it again.
    h.desk_mut().entries.clear();
    h.send(DeskMessage::ShowCalendar);
    h.send(DeskMessage::Next);
    h.send(DeskMessage::Previous);
    assert!(
        !h.desk().entries.is_empty(),
        "the desk reads the encrypted file"
    );
    // Her password opens the file from now on (a new window, a command), and the log says
    // who encrypted it.
    let password = Secret::given(SecretKind::Password, PASSWORD).expect("secret");
    let Unsealed::Open(mut store, _) = open_as(&db, WHO, &password, now(), "test").expect("open")
    else {
        panic!("her password opens the encrypted file");
    };
    let log = entries(&mut *store, AccessKind::ChangedPermission);
    assert!(
        log.iter().any(
            |e| e.access.detail.starts_with("encrypted the database file") && e.access.name == WHO
        ),
        "{log:?}"
    );
}

/// An administrator at another desk changes staff member `name` as `change` says.
fn at_another_desk(
    h: &Harness,
    name: &str,
    change: impl FnOnce(&mut frontdesk::scheduling::staff::StaffMember),
) {
    let mut other = store(h);
    let mut member = other
        .staff()
        .expect("staff")
        .into_iter()
        .find(|m| m.name == name)
        .expect("a staff member");
    change(&mut member);
    other.save_staff(&member, WHO, now()).expect("saved");
}

#[test]
fn a_role_changed_at_another_desk_counts_at_once_and_a_refused_save_names_the_role() {
    let mut h = Harness::with_demo();
    h.take_over("Farah Khan", "demo-manager");
    h.click("Settings");
    // At another desk an administrator makes her a receptionist.
    at_another_desk(&h, "Farah Khan", |farah| {
        farah.role = StaffRole::Receptionist
    });
    // Her next save is refused by the store, in words naming the role it needs.
    h.click("Save clinic");
    let said = h.texts().join("\n") + &h.desk().error.clone().unwrap_or_default();
    assert!(
        said.contains("needs the manager role or above") && said.contains("receptionist"),
        "{said}"
    );
    // The change reaches her window: the tabs follow the role, the page it no longer allows
    // goes, and the status line says why.
    h.send(DeskMessage::DatabaseChanged);
    let texts = h.texts();
    assert!(h.desk().page.is_calendar(), "{texts:?}");
    assert!(!texts.iter().any(|t| t == "Settings" || t == "Reports"));
    assert!(
        h.desk()
            .notice
            .as_deref()
            .is_some_and(|n| n.contains("changed your role")),
        "{:?}",
        h.desk().notice
    );
    // Made inactive: nothing more is read or written for her.
    at_another_desk(&h, "Farah Khan", |farah| farah.active = false);
    h.send(DeskMessage::DatabaseChanged);
    assert!(h.app.locked.is_some(), "the window locks for someone else");
    assert!(
        door_error(&h).contains("no longer an active staff member"),
        "the lock screen says why: {}",
        door_error(&h)
    );
    assert!(patient_names(&h).is_empty(), "and shows no patient");
}
