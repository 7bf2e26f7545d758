//! Input limits the store holds on any engine: a start with seconds refused whatever its
//! source, a series moved by absurd numbers of days refused (not a panic), and the name at the
//! desk checked on every write. (The core's limits are `tests/input_limits.rs`.)

use crate::common::{Clinic1, TestBackend};
use chrono::{Duration, NaiveDate};
use chrono_tz::Tz;
use frontdesk::scheduling::staff::{DeskNameError, desk_name};
use frontdesk::scheduling::*;
use frontdesk::store::{OccurrenceMove, Scope, SeriesRequest, Start, Store, StoreError};

const KOLKATA: Tz = chrono_tz::Asia::Kolkata;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

pub fn a_start_with_seconds_is_invalid_whatever_its_source<B: TestBackend>() {
    let mut clinic = Clinic1::<B>::fresh(KOLKATA);
    let now = clinic.at("2026-03-09 08:00");
    // A wall time with seconds handed to the store directly (as a file import might).
    let mut request = clinic.request(clinic.rao, None, clinic.asha, "2026-03-09 10:00");
    request.start = Start::Local(date(2026, 3, 9).and_hms_opt(10, 0, 17).expect("t"));
    request.overbook = Some("overbooking cannot excuse it".into());
    match clinic.store.book(&request, "maria", now) {
        Err(StoreError::Refused(conflicts)) => {
            assert!(
                conflicts
                    .iter()
                    .any(|c| matches!(c, Conflict::NotOnWholeMinute { .. })),
                "{conflicts:?}"
            );
            let message = conflicts
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; ");
            assert!(
                message.contains(
                    "the start 2026-03-09 10:00:17 has seconds: appointments start on whole minutes; choose 2026-03-09 10:00"
                ),
                "{message}"
            );
        }
        other => panic!("a start with seconds was not refused: {other:?}"),
    }
    assert!(clinic.day("2026-03-09").is_empty(), "nothing was stored");

    // An emergency at "now", which has seconds, starts at its minute.
    let mut emergency = clinic.request(clinic.rao, None, clinic.ravi, "2026-03-09 10:00");
    let now = clinic.at("2026-03-09 10:07") + Duration::seconds(41);
    emergency.start = Start::At(now);
    emergency.kind = Kind::Emergency;
    let booked = clinic
        .store
        .book(&emergency, "maria", now)
        .expect("emergency")
        .appointment;
    assert_eq!(booked.interval.start, clinic.at("2026-03-09 10:07"));
    assert_eq!(booked.interval.end, clinic.at("2026-03-09 10:22"));
}

pub fn moving_a_stored_series_by_the_most_negative_number_of_days_is_refused<B: TestBackend>() {
    let mut clinic = Clinic1::<B>::fresh(KOLKATA);
    let now = clinic.at("2026-03-09 08:00");
    let request = SeriesRequest {
        booking: clinic.request(clinic.rao, None, clinic.asha, "2026-03-10 10:00"),
        rule: SeriesRule::parse("weekly;count=3").expect("rule"),
        on_conflict: OnConflict::Refuse,
    };
    let outcome = clinic
        .store
        .book_series(&request, "maria", now)
        .expect("series");
    let first = outcome.booked[0].1.appointment.clone();
    for scope in [Scope::This, Scope::ThisAndFollowing] {
        for days in [i64::MIN, i64::MAX, 367] {
            let change = OccurrenceMove { days, time: None };
            match clinic
                .store
                .move_occurrences(first.id, scope, &change, None, "maria", now)
            {
                Err(StoreError::Invalid(message)) => {
                    assert!(message.contains("more than a year"), "{message}")
                }
                other => panic!("{days}: {other:?}"),
            }
        }
    }
    let still = clinic.store.appointment(first.id).expect("there");
    assert_eq!(still.appointment.interval, first.interval);
}

pub fn the_name_at_the_desk_is_plain_text_of_reasonable_length<B: TestBackend>() {
    assert_eq!(desk_name("  Maria D'Souza "), Ok("Maria D'Souza"));
    assert_eq!(desk_name("डॉ. प्रिया नायर"), Ok("डॉ. प्रिया नायर"));
    assert_eq!(desk_name(""), Err(DeskNameError::Empty));
    assert_eq!(desk_name(" \t "), Err(DeskNameError::Empty));
    assert_eq!(
        desk_name("Maria\nby: Dr. Who"),
        Err(DeskNameError::Control("\\n".into()))
    );
    assert_eq!(
        desk_name("Maria\u{1b}[31m"),
        Err(DeskNameError::Control("\\u{1b}".into()))
    );
    assert_eq!(
        desk_name(&"a".repeat(101)),
        Err(DeskNameError::TooLong(101))
    );
    assert!(desk_name(&"ä".repeat(100)).is_ok(), "counted in characters");
    // The rules of every person's name: nothing invisible, no direction controls or marks.
    for (name, says) in [
        (
            "\u{200b}",
            "the name at the desk holds an invisible character (U+200B) at character 1",
        ),
        (
            "\u{feff}",
            "the name at the desk holds an invisible character (U+FEFF) at character 1",
        ),
        (
            "\u{202e}evil",
            "the name at the desk holds an invisible direction control (U+202E) at character 1",
        ),
        (
            "Maria\u{2066}",
            "the name at the desk holds an invisible direction control (U+2066) at character 6",
        ),
        (
            "Maria\u{200e}",
            "the name at the desk holds an invisible direction mark (U+200E) at character 6",
        ),
        (
            "Ma\u{ad}ria",
            "the name at the desk holds an invisible character (U+00AD) at character 3",
        ),
    ] {
        let refused = desk_name(name).expect_err(name);
        assert!(matches!(refused, DeskNameError::Entry(_)), "{name:?}");
        assert!(refused.to_string().starts_with(says), "{name:?}: {refused}");
    }
    // Scripts that need a joiner inside a word keep it.
    assert!(desk_name("नमस्\u{200d}ते").is_ok());

    // The store refuses such a name on every write.
    let mut clinic = Clinic1::<B>::fresh(KOLKATA);
    let now = clinic.at("2026-03-09 08:00");
    let request = clinic.request(clinic.rao, None, clinic.asha, "2026-03-09 10:00");
    for actor in ["", "   ", "maria\u{1b}[2J", "\u{200b}", "\u{202e}evil"] {
        match clinic.store.book(&request, actor, now) {
            Err(StoreError::Invalid(message)) => assert!(
                message.contains("say who is at the desk")
                    || message.contains("control")
                    || message.contains("invisible"),
                "{message}"
            ),
            other => panic!("{actor:?} was accepted: {other:?}"),
        }
    }
    assert!(clinic.day("2026-03-09").is_empty());
}
