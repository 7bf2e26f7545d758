//! What `import appointments` refuses, with the real binary against a fresh clinic (issue 12,
//! second review): rows whose lifecycle timestamps the core could never have recorded, and
//! refusals that advise an overbook reason only where one would help.

use std::process::Output;

mod desk;
use desk::{Desk, text};

/// A fresh demo clinic with no patients or appointments, and Pat One registered.
fn new_desk() -> Desk {
    let desk = Desk::demo(&["--appointments", "0", "--patients", "0"]);
    let out = desk.import(
        "patients",
        "p.csv",
        "name,phone\nPat One,+91 90000 00001\n",
        &[],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    desk
}

impl Desk {
    fn import(&self, what: &str, name: &str, contents: &str, more: &[&str]) -> Output {
        let path = self.write(name, contents);
        let mut args = vec!["import", what, &path];
        args.extend_from_slice(more);
        self.run(&args)
    }
}

#[test]
fn timestamps_the_lifecycle_could_not_have_recorded_are_bad_rows() {
    let desk = new_desk();
    // The defect: both imported silently; the agenda showed an arrived walk-in two days ahead.
    let out = desk.import(
        "appointments",
        "a.csv",
        "start_local,minutes,doctor,patient,patient_phone,kind,status,arrived_at_utc,consultation_started_at_utc,completed_at_utc\n\
         2026-11-26 10:00,15,Dr. Anjali Rao,Pat One,+91 90000 00001,walk_in,checked_in,2026-11-24T04:00:00Z,,\n\
         2026-11-26 11:00,15,Dr. Anjali Rao,Pat One,+91 90000 00001,scheduled,completed,2026-11-27T04:00:00Z,2026-11-20T04:00:00Z,2026-11-19T04:00:00Z\n\
         2026-11-23 11:00,15,Dr. Anjali Rao,Pat One,+91 90000 00001,scheduled,completed,2026-11-23T05:20:00Z,2026-11-23T05:35:00Z,2026-11-23T05:50:00Z\n",
        &[],
    );
    let said = text(&out.stderr);
    assert!(!out.status.success(), "{said}");
    assert!(
        said.contains("line 2: the arrival (2026-11-24 09:30) is on another day than the appointment (2026-11-26)"),
        "{said}"
    );
    assert!(
        said.contains("line 3: the arrival (2026-11-27 09:30) is later than now")
            && said.contains("the consultation start (2026-11-20 09:30) is before the arrival")
            && said.contains("the completion (2026-11-19 09:30) is before the arrival"),
        "{said}"
    );
    assert!(
        !said.contains("line 4:"),
        "a visit in order is fine: {said}"
    );
    assert!(said.contains("2 bad rows of 3"), "{said}");
    assert_eq!(desk.appointments(), 0);
}

#[test]
fn an_overbook_reason_is_advised_only_where_it_would_help() {
    let desk = new_desk();
    let rows = "start_local,end_local,doctor,patient,patient_phone\n\
         2026-12-01 10:00,2026-12-01 19:00,Dr. Anjali Rao,Pat One,+91 90000 00001\n\
         2026-12-02 10:00,2026-12-02 09:00,Dr. Anjali Rao,Pat One,+91 90000 00001\n";
    let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:e1\r\n\
         DTSTART:20261201T043017Z\r\nDTEND:20261201T044500Z\r\nSUMMARY:x\r\n\
         ATTENDEE;CN=Pat One:mailto:p@x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    // The defect: with --overbook given, each said "(import with an overbook reason to
    // accept it anyway)" and was still refused.
    for more in [&[][..], &["--overbook", "as the hint says"][..]] {
        let out = desk.import("appointments", "o.csv", rows, more);
        let said = text(&out.stderr);
        assert!(!out.status.success(), "{said}");
        assert!(
            said.contains("longer than the 480-minute maximum")
                && said.contains("the end must be after the start"),
            "{said}"
        );
        assert!(!said.contains("overbook"), "{more:?}: {said}");
        let mut args = vec!["--doctor", "rao"];
        args.extend_from_slice(more);
        let out = desk.import("appointments", "o.ics", ics, &args);
        let said = text(&out.stderr);
        assert!(
            !out.status.success() && said.contains("has seconds"),
            "{said}"
        );
        assert!(!said.contains("overbook"), "{more:?}: {said}");
    }
    // A double booking is what an overbook reason accepts: advised without one.
    let booked = "start_local,minutes,doctor,patient,patient_phone\n\
         2026-12-03 10:00,15,Dr. Anjali Rao,Pat One,+91 90000 00001\n";
    let out = desk.import("appointments", "b.csv", booked, &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let clash = "start_local,minutes,doctor,patient,patient_phone\n\
         2026-12-03 10:05,15,Dr. Anjali Rao,Pat One,+91 90000 00001\n";
    let out = desk.import("appointments", "c.csv", clash, &[]);
    let said = text(&out.stderr);
    assert!(
        said.contains("(import with an overbook reason to accept it anyway)"),
        "{said}"
    );
    // A double booking that is also too long: the reason would accept only the first.
    let both = "start_local,end_local,doctor,patient,patient_phone\n\
         2026-12-03 10:05,2026-12-03 19:05,Dr. Anjali Rao,Pat One,+91 90000 00001\n";
    let out = desk.import("appointments", "d.csv", both, &[]);
    let said = text(&out.stderr);
    assert!(
        said.contains("an overbook reason would accept only the double booking: fix the rest"),
        "{said}"
    );
    let out = desk.import("appointments", "d.csv", both, &["--overbook", "agreed"]);
    let said = text(&out.stderr);
    assert!(
        !out.status.success() && !said.contains("overbook reason"),
        "{said}"
    );
    let out = desk.import("appointments", "c.csv", clash, &["--overbook", "agreed"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(desk.appointments(), 2);
}
