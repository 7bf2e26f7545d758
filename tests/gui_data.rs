//! The Data page in the window, headless: export, import, backup and restore as a receptionist
//! would do them. The desktop's file dialog cannot open here, so the tests send the message the
//! dialog would send with the chosen file; the work then runs for real against the database.

mod gui_harness;
use gui_harness::{Harness, now};

use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;

use frontdesk::gui::Message;
use frontdesk::gui::desk::Message as DeskMessage;
use frontdesk::gui::desk::Page;
use frontdesk::gui::screen::data::{self, Outcome};

fn data_state(h: &Harness) -> &data::State {
    match &h.desk().page {
        Page::Data(state) => state,
        _ => panic!("the Data page is not shown"),
    }
}

fn outcome(h: &Harness) -> Outcome {
    data_state(h).outcome.clone().expect("a summary is shown")
}

fn on_data_page() -> Harness {
    let mut h = Harness::with_demo();
    h.click("Data");
    assert!(matches!(h.desk().page, Page::Data(_)));
    h
}

fn send_data(h: &mut Harness, m: data::Message) {
    h.send(DeskMessage::Data(m));
}

fn file(h: &Harness, name: &str) -> PathBuf {
    h.dir.path().join(name)
}

#[test]
fn the_data_tab_opens_the_page_and_escape_goes_back() {
    let mut h = on_data_page();
    h.ui(|ui| {
        for label in ["Export…", "Check a file…", "Back up now…", "Restore…"] {
            assert!(ui.find(label).is_ok(), "{label} is on the page");
        }
    });
    h.send(Message::Key(
        iced::keyboard::Key::Named(iced::keyboard::key::Named::Escape),
        iced::keyboard::Modifiers::empty(),
    ));
    assert!(h.desk().page.is_calendar());
}

#[test]
fn export_shows_progress_then_a_summary_and_writes_a_private_file() {
    let mut h = on_data_page();
    let path = file(&h, "week.ics");
    h.type_into("export-from", "2026-11-23");
    h.type_into("export-to", "2026-11-29");
    let task = h
        .app
        .update(DeskMessage::Data(data::Message::ExportTo(Some(path.clone()))).into());
    let (title, _) = data_state(&h).job.clone().expect("a job runs");
    assert_eq!(title, "Exporting");
    h.ui(|ui| assert!(ui.find("Exporting… starting 0 of 1 (0%)").is_ok()));
    h.settle(task);
    assert!(data_state(&h).job.is_none(), "the job ended");
    let o = outcome(&h);
    assert!(o.ok, "{o:?}");
    assert!(o.summary.starts_with("Exported "), "{}", o.summary);
    let ics = std::fs::read_to_string(&path).expect("written");
    let size = frontdesk::export::file_size(ics.len() as u64);
    assert!(
        o.summary.ends_with(&format!("(iCalendar (.ics), {size}).")),
        "the summary names the format and the file's size: {}",
        o.summary
    );
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(ics.contains("DTSTART;TZID=Asia/Kolkata:202611"));
    assert!(
        !ics.contains("DTSTART;TZID=Asia/Kolkata:20261130"),
        "To is the last day included"
    );
    assert_eq!(
        std::fs::metadata(&path).expect("meta").permissions().mode() & 0o777,
        0o600
    );
    h.ui(|ui| assert!(ui.find(format!("Export: {}", o.summary)).is_ok()));
}

#[test]
fn a_bad_date_is_explained_and_nothing_is_written() {
    let mut h = on_data_page();
    h.type_into("export-from", "24/11/2026");
    let target = file(&h, "x.csv");
    send_data(&mut h, data::Message::ExportTo(Some(target)));
    let o = outcome(&h);
    assert!(!o.ok);
    assert!(
        o.summary.contains("\"24/11/2026\" is not a date for From"),
        "{}",
        o.summary
    );
    assert!(!file(&h, "x.csv").exists());
}

#[test]
fn a_cancelled_dialog_says_nothing_was_done() {
    let mut h = on_data_page();
    send_data(&mut h, data::Message::ExportTo(None));
    assert!(outcome(&h).summary.starts_with("No file was chosen"));
}

/// On a desktop without a file chooser (a bare X session, as here and in CI), Export… and
/// Back up now… save beside the database and say so, and Check a file… and Restore… say
/// that no file can be picked, instead of "the dialog was cancelled" for a dialog that never
/// opened. Where a chooser exists (zenity installed), clicking would open it: not run there.
#[test]
fn without_a_file_chooser_saves_go_beside_the_database_and_opens_say_why_not() {
    if frontdesk::gui::file_chooser::available() {
        eprintln!("not run: this machine has a file chooser, which the clicks would open");
        return;
    }
    let mut h = on_data_page();
    h.click("Export…");
    let done = outcome(&h);
    assert!(done.ok, "{done:?}");
    let today = now().format("%Y-%m-%d");
    let saved = file(&h, &format!("appointments-{today}.ics"));
    assert!(saved.exists(), "{done:?}");
    assert_eq!(
        std::fs::metadata(&saved)
            .expect("saved")
            .permissions()
            .mode()
            & 0o777,
        0o600
    );
    assert!(
        done.summary.contains(saved.to_str().expect("utf-8")),
        "{done:?}"
    );
    assert!(
        done.lines.iter().any(|l| l.contains("no file chooser")),
        "{done:?}"
    );
    // A second export never overwrites the first.
    h.click("Export…");
    assert!(file(&h, &format!("appointments-{today}-2.ics")).exists());

    h.click("Back up now…");
    let done = outcome(&h);
    assert!(done.ok, "{done:?}");
    assert!(file(&h, &format!("frontdesk-backup-{today}.sqlite3")).exists());

    for button in ["Check a file…", "Restore…"] {
        h.click(button);
        let said = outcome(&h);
        assert!(!said.ok);
        assert!(
            said.summary.starts_with("This desktop has no file chooser"),
            "{button}: {said:?}"
        );
    }
}

#[test]
fn importing_our_own_export_finds_everything_already_there() {
    let mut h = on_data_page();
    let path = file(&h, "all.csv");
    send_data(
        &mut h,
        data::Message::Format(frontdesk::export::Format::Csv),
    );
    send_data(&mut h, data::Message::ExportTo(Some(path.clone())));
    assert!(outcome(&h).ok);
    // The dry run is on by default.
    send_data(&mut h, data::Message::ImportFrom(Some(path.clone())));
    let o = outcome(&h);
    assert_eq!(o.title, "Dry run");
    assert!(
        o.summary.contains("would import 0 appointments"),
        "{}",
        o.summary
    );
    assert!(
        o.summary.contains("already in the database"),
        "{}",
        o.summary
    );
    // A file with bad rows lists each of them.
    let bad = file(&h, "bad.csv");
    std::fs::write(
        &bad,
        "start_local,end_local,doctor,patient\r\n2026-12-01 10:00,2026-12-01 10:30,Nobody,Someone\r\nx,y,z,w\r\n",
    )
    .expect("write");
    h.click("Dry run: check every row, write nothing");
    h.ui(|ui| assert!(ui.find("Import…").is_ok(), "the button says what it does"));
    send_data(&mut h, data::Message::ImportFrom(Some(bad)));
    let o = outcome(&h);
    assert!(!o.ok);
    assert_eq!(o.lines.len(), 2, "{:?}", o.lines);
    assert!(
        o.lines[0].starts_with("line 2: no doctor \"Nobody\""),
        "{:?}",
        o.lines
    );
    assert!(o.lines[1].starts_with("line 3: "), "{:?}", o.lines);
    h.ui(|ui| {
        assert!(
            ui.find(o.lines[0].as_str()).is_ok(),
            "every bad row is shown"
        )
    });
}

#[test]
fn back_up_then_restore_after_a_confirmation() {
    let mut h = on_data_page();
    let copy = file(&h, "copy.sqlite3");
    send_data(&mut h, data::Message::BackupTo(Some(copy.clone())));
    assert!(outcome(&h).ok, "{:?}", outcome(&h));
    assert!(copy.exists());
    send_data(&mut h, data::Message::RestoreChosen(Some(copy.clone())));
    assert_eq!(data_state(&h).restore_candidate.as_ref(), Some(&copy));
    h.ui(|ui| {
        assert!(
            ui.find(format!("Replace the database with {}?", copy.display()))
                .is_ok()
        )
    });
    h.click("Replace with this backup");
    assert!(
        h.app
            .notice()
            .is_some_and(|n| n.starts_with("Restored from")),
        "{:?} / {:?}",
        h.app.notice(),
        h.app.error()
    );
    assert!(
        h.desk().page.is_calendar(),
        "the restored clinic opens on its calendar"
    );
    assert!(!h.desk().entries.is_empty(), "and its appointments load");
    let _ = now();
}

#[test]
fn a_damaged_backup_is_refused_on_the_page() {
    let mut h = on_data_page();
    let junk = file(&h, "junk.sqlite3");
    std::fs::write(
        &junk,
        b"SQLite format 3\0 and then nothing that makes sense at all",
    )
    .expect("write");
    send_data(&mut h, data::Message::RestoreChosen(Some(junk)));
    send_data(&mut h, data::Message::ConfirmRestore);
    let o = outcome(&h);
    assert_eq!(o.title, "Restore refused");
    assert!(
        o.summary.contains("damaged") || o.summary.contains("not a database"),
        "{}",
        o.summary
    );
    assert!(
        matches!(h.desk().page, Page::Data(_)),
        "the desk stays as it was"
    );
}

#[test]
fn leaving_the_page_while_a_job_runs_still_reports_its_end() {
    let mut h = on_data_page();
    let path = file(&h, "all.fhir.json");
    send_data(
        &mut h,
        data::Message::Format(frontdesk::export::Format::Fhir),
    );
    let task = h
        .app
        .update(DeskMessage::Data(data::Message::ExportTo(Some(path.clone()))).into());
    h.send(DeskMessage::ShowCalendar);
    h.settle(task);
    assert!(path.exists(), "the export finished");
    assert!(
        h.app
            .notice()
            .is_some_and(|n| n.starts_with("Export: Exported ")),
        "{:?}",
        h.app.notice()
    );
}

/// Overwrites the root page of the appointment table of a closed database.
fn damage(db: &std::path::Path) {
    let root: i64 = {
        let conn = rusqlite::Connection::open(db).expect("open");
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .expect("checkpoint");
        conn.query_row(
            "SELECT rootpage FROM sqlite_schema WHERE name = 'appointment'",
            [],
            |r| r.get(0),
        )
        .expect("root")
    };
    let mut bytes = std::fs::read(db).expect("read");
    let page = usize::from(u16::from_be_bytes([bytes[16], bytes[17]]));
    let start = (usize::try_from(root).expect("page") - 1) * page;
    for b in &mut bytes[start + 8..start + 300] {
        *b = 0xA5;
    }
    std::fs::write(db, &bytes).expect("write");
}

#[test]
fn a_damaged_database_says_so_at_once_saves_nothing_and_is_restored_from_the_data_page() {
    let mut h = on_data_page();
    let copy = file(&h, "copy.sqlite3");
    send_data(&mut h, data::Message::BackupTo(Some(copy.clone())));
    assert!(outcome(&h).ok, "{:?}", outcome(&h));
    let db = h.dir.path().join("desk.sqlite3");
    // Close the window, damage the file, open it again.
    let gui_harness::Harness { dir, runtime, app } = h;
    drop(app);
    damage(&db);
    let damaged = std::fs::read(&db).expect("read");
    let (app, task) = frontdesk::gui::App::new(db.clone(), now());
    let mut h = gui_harness::Harness { dir, runtime, app };
    h.settle(task);
    let said = h.app.error().cloned().unwrap_or_default();
    // Its staff still sign in (a damaged database is read-only: the try is not counted).
    h.sign_in(gui_harness::WHO, gui_harness::PASSWORD);
    assert!(
        said.contains("damaged") && said.contains("On the Data page, choose Restore"),
        "the window says at once: {said:?}"
    );
    assert_eq!(
        std::fs::read(&db).expect("read"),
        damaged,
        "nothing written"
    );
    // The Data page restores the good copy; the message goes, the calendar comes back.
    if matches!(h.app.phase, frontdesk::gui::app::Phase::Ready(_)) {
        h.click("Data");
        send_data(&mut h, data::Message::RestoreChosen(Some(copy.clone())));
        h.click("Replace with this backup");
    } else {
        panic!(
            "a damaged database still opens for reading: {:?}",
            h.app.error()
        );
    }
    assert!(h.app.error().is_none(), "{:?}", h.app.error());
    assert!(
        h.app
            .notice()
            .is_some_and(|n| n.starts_with("Restored from")),
        "{:?}",
        h.app.notice()
    );
    assert!(!h.desk().entries.is_empty(), "the appointments load again");
}

/// The window's first run loads the demo clinic as `frontdesk demo` does, with its staff's
/// documented passwords, so the command line signs in on that database straight after.
#[test]
fn the_windows_demo_clinic_has_its_staff_sign_in_with_the_demo_passwords() {
    use frontdesk::signin::{Secret, SecretKind};
    use frontdesk::store::{Accounts, SqliteStore};
    let h = Harness::with_demo();
    let mut store = SqliteStore::open(h.dir.path().join("desk.sqlite3")).expect("open");
    assert!(store.sign_in_ready().expect("ready"));
    let who = frontdesk::signin::sign_in(
        &mut store,
        "Suresh Pillai",
        &Secret::given(SecretKind::Password, "demo-nurse").expect("password"),
        "desk-1",
        now(),
    )
    .expect("the demo nurse signs in");
    assert_eq!(
        who.role(),
        frontdesk::scheduling::permission::Role::Staff(frontdesk::scheduling::StaffRole::Nurse)
    );
}
