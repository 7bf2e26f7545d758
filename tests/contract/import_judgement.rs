//! How an import judges appointments (`store/import.rs`): an overlap is explained by an
//! overbook reason on either appointment, the row's own or the one it meets (stored, or
//! earlier in the file), as `frontdesk check` holds every database to it, so a file's rows go
//! in whatever their order; a future appointment that hours, leave or closures strand comes in
//! as it is, with a notice, as Settings leaves such appointments booked.

use crate::common::{Clinic1, TestBackend, id, utc};
use chrono::{DateTime, Duration, Utc};
use frontdesk::import::{self, ImportOptions, ImportReport};
use frontdesk::scheduling::*;
use frontdesk::store::Store;

/// 10:00 in Kolkata on 2026-06-02.
const NOW: &str = "2026-06-02T04:30:00Z";

const HEADER: &str = "id,start_local,minutes,status,kind,doctor,patient_id,overbook_reason\r\n";

fn row(n: u128, start: &str, kind: &str, patient: u128, overbook: &str) -> String {
    format!(
        "{},{start},15,confirmed,{kind},Dr. Anjali Rao,{},{overbook}\r\n",
        id(n),
        id(patient)
    )
}

fn import_csv<B: TestBackend>(c: &mut Clinic1<B>, text: &str, now: DateTime<Utc>) -> ImportReport {
    let parsed = import::appointments::parse_csv(text).expect("csv");
    assert!(parsed.bad.is_empty(), "{:?}", parsed.bad);
    c.store
        .import_appointments(
            &parsed,
            &ImportOptions {
                clinic: c.clinic,
                dry_run: false,
                overbook: None,
                source: "export.csv".into(),
                default_doctor: None,
            },
            "importer",
            now,
            &mut |_| {},
        )
        .expect("import ran")
}

pub fn an_overbooked_emergency_before_the_bookings_it_overlaps_needs_no_overbook<B: TestBackend>() {
    let mut c = Clinic1::<B>::fresh(chrono_tz::Asia::Kolkata);
    let now = utc(NOW);
    // As our export orders them: the emergency starts first and was overbooked over the two
    // bookings after it, which carry no reason of their own.
    let mut text = HEADER.to_owned();
    text += &row(
        1,
        "2026-06-03 10:00",
        "emergency",
        40,
        "Emergency: seen at once",
    );
    text += &row(2, "2026-06-03 10:10", "scheduled", 41, "");
    text += &row(3, "2026-06-03 10:25", "scheduled", 42, "");
    let report = import_csv(&mut c, &text, now);
    assert!(report.bad.is_empty(), "{:#?}", report.bad);
    assert_eq!(report.imported, 3);
    // Only that the emergency, which the file gives no token, gets one.
    let notices: Vec<&str> = report.notices.iter().map(|n| n.reason.as_str()).collect();
    assert_eq!(
        notices,
        [
            "the file gives this emergency no queue token: it gets E-001, the next free one on 2026-06-03"
        ],
        "{:#?}",
        report.notices
    );
    let reasons: Vec<Option<String>> = c
        .day("2026-06-03")
        .into_iter()
        .map(|e| e.overbook_reason)
        .collect();
    assert_eq!(
        reasons,
        [Some("Emergency: seen at once".to_owned()), None, None],
        "each keeps its own reason, or none"
    );
    assert!(c.store.check().expect("check").is_ok());
}

pub fn a_stored_overbooked_appointment_explains_an_overlap_and_a_plain_one_does_not<
    B: TestBackend,
>() {
    let mut c = Clinic1::<B>::fresh(chrono_tz::Asia::Kolkata);
    let now = utc(NOW);
    let plain = c.book_ok(c.rao, None, c.asha, "2026-06-03 12:00", now);
    let mut squeezed = c.request(c.rao, None, c.ravi, "2026-06-03 12:00");
    squeezed.overbook = Some("doctor agreed".into());
    c.store.book(&squeezed, "maria", now).expect("overbooked");
    let text = HEADER.to_owned() + &row(9, "2026-06-03 12:05", "scheduled", 42, "");
    let refused = import_csv(&mut c, &text, now);
    assert_eq!(refused.bad.len(), 1, "{:#?}", refused.bad);
    let reason = &refused.bad[0].reason;
    assert!(
        reason.contains("Dr. Anjali Rao is already booked then: Asha Iyer"),
        "{reason}"
    );
    assert!(
        !reason.contains("Ravi Kumar"),
        "the overbooked one is explained: {reason}"
    );
    c.store
        .change_status(
            plain.id,
            &StatusAction::Cancel {
                reason: "unwell".into(),
                by: CancelledBy::Patient,
            },
            "maria",
            now,
        )
        .expect("cancel");
    let report = import_csv(&mut c, &text, now);
    assert!(report.bad.is_empty(), "{:#?}", report.bad);
    assert_eq!(report.imported, 1);
    assert!(c.store.check().expect("check").is_ok());
}

pub fn a_stranded_appointment_comes_in_as_it_is_with_a_notice<B: TestBackend>() {
    let mut c = Clinic1::<B>::fresh(chrono_tz::Asia::Kolkata);
    let now = utc(NOW);
    c.store
        .record_leave(
            c.rao,
            &Absence {
                interval: time::local_day(c.zone, c.local("2026-06-05 00:00").date()),
                reason: "Conference".into(),
            },
            "farah",
            now,
        )
        .expect("leave");
    let mut text = HEADER.to_owned();
    // 2: after hours, still to come, no reason: imported, and staff hear of it.
    text += &row(1, "2026-06-04 19:00", "scheduled", 40, "");
    // 3: on leave: the same.
    text += &row(2, "2026-06-05 10:00", "scheduled", 41, "");
    // 4: after hours, but the source overbooked it with a reason: nothing more to say.
    text += &row(3, "2026-06-04 19:30", "scheduled", 42, "patient works late");
    // 5: after hours in the past: history, nothing to say.
    text += &row(4, "2026-05-20 19:00", "scheduled", 40, "");
    let report = import_csv(&mut c, &text, now);
    assert!(report.bad.is_empty(), "{:#?}", report.bad);
    assert_eq!(report.imported, 4);
    let lines: Vec<usize> = report.notices.iter().map(|n| n.line).collect();
    assert_eq!(lines, [2, 3], "{:#?}", report.notices);
    assert_eq!(
        report.notices[0].reason,
        "outside Dr. Anjali Rao's working hours: imported as it is, as a change of setup leaves an appointment stranded; move it, or change the setup"
    );
    assert!(
        report.notices[1]
            .reason
            .starts_with("Dr. Anjali Rao is on leave then (Conference): imported as it is"),
        "{}",
        report.notices[1].reason
    );
    // Invalid times are still bad rows.
    let backwards = "id,start_utc,end_utc,doctor,patient_id\r\n".to_owned()
        + &format!(
            "{},2026-06-04T05:00:00Z,2026-06-04T04:00:00Z,Dr. Anjali Rao,{}\r\n",
            id(7),
            id(40)
        );
    let report = import_csv(&mut c, &backwards, now + Duration::minutes(1));
    assert_eq!(report.bad.len(), 1);
    assert!(
        report.bad[0]
            .reason
            .contains("the end must be after the start")
    );
}
