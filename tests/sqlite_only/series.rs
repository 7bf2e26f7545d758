//! A series as the file holds it: its row in RRULE words, and its audit rows by action and
//! actor (the contract counts series audit events; these name them).

use crate::common::{Clinic1, utc};
use chrono::{NaiveTime, Weekday};
use frontdesk::scheduling::*;
use frontdesk::store::{OccurrenceMove, Scope, SeriesRequest, Store};

/// 09:00 in New York on Monday 2026-10-26 (EDT).
const NOW: &str = "2026-10-26T13:00:00Z";

/// Asha with Dr. Rao, Tuesdays and Thursdays at 10:00 from 2026-10-27, six times; the ids of
/// its appointments.
fn book_asha(c: &mut Clinic1) -> Vec<AppointmentId> {
    let request = SeriesRequest {
        booking: c.request(c.rao, Some(c.room1), c.asha, "2026-10-27 10:00"),
        rule: SeriesRule {
            frequency: Frequency::Weekly,
            interval: 1,
            weekdays: vec![Weekday::Tue, Weekday::Thu],
            end: SeriesEnd::Count(6),
        },
        on_conflict: OnConflict::Refuse,
    };
    let out = c
        .store
        .book_series(&request, "maria", utc(NOW))
        .expect("a free series books");
    out.booked.iter().map(|(_, b)| b.appointment.id).collect()
}

fn cancel(reason: &str) -> StatusAction {
    StatusAction::Cancel {
        reason: reason.into(),
        by: CancelledBy::Patient,
    }
}

fn count(c: &Clinic1, sql: &str) -> i64 {
    let conn = rusqlite::Connection::open(c.path()).expect("open raw");
    conn.query_row(sql, [], |r| r.get(0)).expect("count")
}

/// The assertions on the file of `a_weekly_series_keeps_ten_oclock_across_the_change_and_audits_every_appointment`,
/// `cancelling_this_and_the_following_ends_the_series_the_day_before` and
/// `moving_this_and_the_following_splits_the_series` (contract).
#[test]
fn the_series_row_maps_onto_rrule_and_its_audit_rows_name_the_action_and_who() {
    let mut c = Clinic1::new(chrono_tz::America::New_York);
    let ids = book_asha(&mut c);
    // The series row maps onto RRULE.
    let conn = rusqlite::Connection::open(c.path()).expect("raw");
    let row: (
        String,
        i64,
        String,
        Option<String>,
        Option<i64>,
        String,
        String,
        String,
        String,
    ) = conn
        .query_row(
            "SELECT freq, interval, by_day, until_date, count, start_date, start_time, time_zone, \
             created_by FROM series",
            [],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                    r.get(7)?,
                    r.get(8)?,
                ))
            },
        )
        .expect("series row");
    assert_eq!(
        row,
        (
            "WEEKLY".into(),
            1,
            "TU,TH".into(),
            None,
            Some(6),
            "2026-10-27".into(),
            "10:00".into(),
            "America/New_York".into(),
            "maria".into()
        )
    );
    assert_eq!(
        count(
            &c,
            "SELECT count(*) FROM series_audit WHERE action = 'created'"
        ),
        1
    );
    // Cancelling this and the following ends the series: audited as such, by who.
    c.store
        .cancel_occurrences(ids[5], Scope::This, &cancel("Holiday"), "maria", utc(NOW))
        .expect("cancel one");
    c.store
        .cancel_occurrences(
            ids[3],
            Scope::ThisAndFollowing,
            &cancel("Moving away"),
            "maria",
            utc(NOW),
        )
        .expect("cancel the following");
    assert_eq!(
        count(
            &c,
            "SELECT count(*) FROM series_audit WHERE action = 'ended' AND actor = 'maria'"
        ),
        1
    );
    // Moving this and the following splits it: audited as a split.
    let mut c = Clinic1::new(chrono_tz::America::New_York);
    let ids = book_asha(&mut c);
    c.store
        .move_occurrences(
            ids[2],
            Scope::ThisAndFollowing,
            &OccurrenceMove {
                days: 1,
                time: NaiveTime::from_hms_opt(15, 0, 0),
            },
            None,
            "maria",
            utc(NOW),
        )
        .expect("split");
    assert_eq!(
        count(
            &c,
            "SELECT count(*) FROM series_audit WHERE action = 'split'"
        ),
        1
    );
    assert_eq!(count(&c, "SELECT count(*) FROM series"), 2);
}
