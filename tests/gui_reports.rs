//! The Reports page, headless: open it from its tab and see the figures the core computes for
//! the same clinic and range; bad ranges refused with a message; quick ranges; CSV export and the
//! PDF day sheet saved through the page (the save dialogs' answers are sent as messages, as the
//! dialog would); a cancelled dialog saves nothing.

mod gui_harness;
use gui_harness::{Harness, now};

use std::os::unix::fs::PermissionsExt;

use chrono::Duration;
use frontdesk::gui::backend::SheetTarget;
use frontdesk::gui::desk::Message as DeskMessage;
use frontdesk::gui::desk::Page;
use frontdesk::gui::screen::reports::{Message as R, State};
use frontdesk::gui::widget::Choice;
use frontdesk::reports::ReportTable;
use frontdesk::scheduling::report::{Report, ReportRange, compute};
use frontdesk::scheduling::time::local_date;
use frontdesk::store::{SqliteStore, Store};

fn page(h: &Harness) -> &State {
    match &h.desk().page {
        Page::Reports(state) => state,
        _ => panic!("the Reports page is not shown"),
    }
}

fn percent(share: Option<f64>) -> String {
    format!("{:.1} %", share.expect("a share") * 100.0)
}

/// The report computed straight from the database, for comparison.
fn expected(h: &Harness, days: i64) -> Report {
    let store = SqliteStore::open(h.dir.path().join("desk.sqlite3")).expect("open");
    let clinic = store.clinics().expect("clinics")[0].clone();
    let today = local_date(clinic.time_zone, now());
    let range = ReportRange::new(today - Duration::days(days - 1), today).expect("range");
    compute(&store.report_input(clinic.id, range, now()).expect("input"))
}

fn send(h: &mut Harness, m: R) {
    h.send(DeskMessage::Reports(m));
}

#[test]
fn the_reports_tab_shows_the_figures_the_core_computes() {
    let mut h = Harness::with_demo();
    h.click("Reports");
    let state = page(&h);
    assert!(!state.loading, "the computation has finished");
    assert_eq!(state.error, None);
    let shown = state.report().expect("a report").clone();
    let want = expected(&h, 30);
    assert_eq!(
        shown, want,
        "the page shows the core's report for the last 30 days"
    );
    assert_eq!(shown.range.len(), 30);

    let rooms = percent(want.rooms_total.booked_share());
    let doctors = percent(want.doctors_total.booked_share());
    let no_shows = percent(want.attendance_total.no_show_rate());
    let due = format!(
        "{} of {} due",
        want.attendance_total.no_shows, want.attendance_total.due
    );
    let wait = format!(
        "{:.0} min",
        want.waiting.median_minutes.expect("waits were measured")
    );
    h.ui(|ui| {
        for figure in [&rooms, &doctors, &no_shows, &due, &wait] {
            assert!(
                ui.find(figure.as_str()).is_ok(),
                "\"{figure}\" is not on screen"
            );
        }
        for title in [
            "Rooms booked",
            "Room utilisation by day (booked share of open time)",
            "Clinician utilisation",
            "No-shows and late cancellations by doctor",
            "Busiest hours of the week (booked appointments by start)",
        ] {
            assert!(ui.find(title).is_ok(), "no \"{title}\" on screen");
        }
    });

    // Another quick range recomputes.
    h.click("7 days");
    let seven = page(&h).report().expect("a report").clone();
    assert_eq!(seven.range.len(), 7);
    assert_eq!(seven, expected(&h, 7));

    // The calendar tab goes back; the calendar is as it was.
    h.click("Calendar");
    assert!(h.desk().page.is_calendar());
}

#[test]
fn a_bad_range_is_refused_with_what_to_type_and_keeps_the_report() {
    let mut h = Harness::with_demo();
    h.click("Reports");
    let before = page(&h).report().expect("a report").clone();
    send(&mut h, R::From("2026-13-01".into()));
    h.click("Show");
    let error = page(&h).error.clone().expect("an error");
    assert_eq!(
        error,
        "From \"2026-13-01\" is not a date: write it as YYYY-MM-DD, e.g. 2026-11-01."
    );
    h.ui(|ui| assert!(ui.find(error.as_str()).is_ok(), "the error is on screen"));
    assert_eq!(page(&h).report(), Some(&before), "the last report stays");

    send(&mut h, R::From("2024-01-01".into()));
    h.click("Show");
    let error = page(&h).error.clone().expect("an error");
    assert!(
        error.contains("a report covers at most 366 days"),
        "{error}"
    );

    send(&mut h, R::From("2026-11-30".into()));
    h.click("Show");
    let error = page(&h).error.clone().expect("an error");
    assert!(
        error.starts_with("The range ends (2026-11-24) before it starts (2026-11-30)"),
        "{error}"
    );

    // An answer for an older request is dropped.
    send(&mut h, R::Computed(0, Err("stale".into())));
    assert_ne!(page(&h).error.as_deref(), Some("stale"));
}

#[test]
fn each_report_exports_as_csv_and_a_cancelled_dialog_saves_nothing() {
    let mut h = Harness::with_demo();
    h.click("Reports");
    let report = page(&h).report().expect("a report").clone();
    let path = h.dir.path().join("rooms.csv");
    send(
        &mut h,
        R::CsvPathChosen(ReportTable::Rooms, Some(path.clone())),
    );
    let csv = std::fs::read_to_string(&path).expect("the CSV");
    let mut lines = csv.split("\r\n");
    assert_eq!(
        lines.next(),
        Some("room,open_minutes,booked_minutes,booked_pct,used_minutes,used_pct")
    );
    assert_eq!(
        csv.matches("\r\n").count(),
        report.rooms.len() + 2,
        "header, rooms, total"
    );
    let mode = std::fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let notice = h.app.notice().map(str::to_owned).expect("a notice");
    assert!(
        notice.starts_with("Saved Room utilisation (13 rows) to "),
        "{notice}"
    );

    let hours = h.dir.path().join("hours.csv");
    send(
        &mut h,
        R::CsvPathChosen(ReportTable::BusiestHours, Some(hours.clone())),
    );
    let csv = std::fs::read_to_string(&hours).expect("the CSV");
    assert_eq!(csv.lines().count(), 8, "header and seven days");

    let skipped = h.dir.path().join("skipped.csv");
    send(&mut h, R::CsvPathChosen(ReportTable::Doctors, None));
    assert!(!skipped.exists());
    assert_eq!(h.app.notice(), Some("Not saved: the dialog was cancelled."));
}

/// Without a file chooser (a bare X session, as here and in CI) a report's CSV is saved beside
/// the database and the notice says so; where a chooser exists the click would open it.
#[test]
fn without_a_file_chooser_a_report_is_saved_beside_the_database() {
    if frontdesk::gui::file_chooser::available() {
        eprintln!("not run: this machine has a file chooser, which the click would open");
        return;
    }
    let mut h = Harness::with_demo();
    h.click("Reports");
    let range = page(&h).report().expect("a report").range;
    send(&mut h, R::ExportCsv(ReportTable::Rooms));
    let name = format!(
        "{}-{}-to-{}.csv",
        ReportTable::Rooms.name(),
        range.first(),
        range.last()
    );
    assert!(h.dir.path().join(&name).exists(), "{name}");
    let notice = h.app.notice().map(str::to_owned).expect("a notice");
    assert!(
        notice.contains("no file chooser, so it was saved beside the database"),
        "{notice}"
    );
}

#[test]
fn a_day_sheet_is_saved_for_the_doctor_chosen() {
    let mut h = Harness::with_demo();
    h.click("Reports");
    // Without a doctor or room chosen, the page says what is missing.
    h.click("Save PDF…");
    assert_eq!(
        page(&h).error.as_deref(),
        Some("Choose the doctor or room whose day sheet to print.")
    );
    let store = SqliteStore::open(h.dir.path().join("desk.sqlite3")).expect("open");
    let doctor = store.doctors().expect("doctors")[0].clone();
    let (doctor, name) = (doctor.id, doctor.name);
    send(
        &mut h,
        R::SheetOf(Choice::new(SheetTarget::Doctor(doctor), name.clone())),
    );
    let path = h.dir.path().join("sheet.pdf");
    send(&mut h, R::SheetPathChosen(Some(path.clone())));
    let bytes = std::fs::read(&path).expect("the PDF");
    assert!(bytes.starts_with(b"%PDF-"));
    let mode = std::fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let notice = h.app.notice().map(str::to_owned).expect("a notice");
    assert!(
        notice.starts_with(&format!(
            "Saved the day sheet of {name} for Tue 24 Nov 2026 ("
        )),
        "{notice}"
    );
    assert_eq!(page(&h).error, None);

    // A bad date is refused before any dialog opens.
    send(&mut h, R::SheetDate("24.11.2026".into()));
    h.click("Save PDF…");
    let error = page(&h).error.clone().expect("an error");
    assert!(
        error.starts_with("Day sheet date \"24.11.2026\" is not a date"),
        "{error}"
    );
}
