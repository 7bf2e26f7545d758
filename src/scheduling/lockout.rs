//! Failed sign-ins: after [`MAX_FAILED_TRIES`] wrong passwords or PINs in a row an account is
//! locked for [`LOCK_MINUTES`] minutes, so nobody can guess at the desk; a good sign-in clears
//! the count.

use chrono::{DateTime, Duration, Utc};

/// Wrong tries in a row that lock an account.
pub const MAX_FAILED_TRIES: i64 = 5;
/// How long a locked account stays locked.
pub const LOCK_MINUTES: i64 = 15;

/// An account's failed tries as stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Tries {
    /// Wrong tries in a row since the last good sign-in (or the end of the last lock).
    pub failed: i64,
    /// Until when the account is locked, if it is.
    pub locked_until: Option<DateTime<Utc>>,
}

/// Why a sign-in is not even tried.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "{}",
    crate::t!(
        "core-locked-out",
        tries = MAX_FAILED_TRIES,
        until = until.format("%Y-%m-%d %H:%M").to_string(),
    )
)]
pub struct LockedOut {
    /// Until when.
    pub until: DateTime<Utc>,
}

impl Tries {
    /// `Ok` when a sign-in may be tried at `now`.
    pub fn may_try(self, now: DateTime<Utc>) -> Result<(), LockedOut> {
        match self.locked_until {
            Some(until) if now < until => Err(LockedOut { until }),
            _ => Ok(()),
        }
    }

    /// The tries after a wrong password or PIN at `now`: one more, and locked when that makes
    /// [`MAX_FAILED_TRIES`] (the count starts again after a lock has run out).
    pub fn after_failure(self, now: DateTime<Utc>) -> Tries {
        let lock_over = self.locked_until.is_some_and(|until| now >= until);
        let before = if lock_over { 0 } else { self.failed.max(0) };
        let failed = before.saturating_add(1);
        if failed >= MAX_FAILED_TRIES {
            Tries {
                failed,
                locked_until: Some(
                    now.checked_add_signed(Duration::minutes(LOCK_MINUTES))
                        .unwrap_or(DateTime::<Utc>::MAX_UTC),
                ),
            }
        } else {
            Tries {
                failed,
                locked_until: None,
            }
        }
    }

    /// The tries after a good sign-in: none.
    pub fn after_success() -> Tries {
        Tries::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 5, 9, minute, 0).unwrap()
    }

    #[test]
    fn the_fifth_wrong_try_locks_the_account_for_fifteen_minutes() {
        let mut tries = Tries::default();
        for n in 1..=4 {
            tries = tries.after_failure(at(0));
            assert_eq!(tries.failed, n);
            assert_eq!(tries.may_try(at(0)), Ok(()));
        }
        tries = tries.after_failure(at(1));
        assert_eq!(tries.locked_until, Some(at(16)));
        assert_eq!(tries.may_try(at(15)), Err(LockedOut { until: at(16) }));
        assert_eq!(tries.may_try(at(16)), Ok(()));
        // After the lock runs out, one wrong try does not lock it again.
        let after = tries.after_failure(at(17));
        assert_eq!(after.failed, 1);
        assert_eq!(after.locked_until, None);
        assert_eq!(Tries::after_success(), Tries::default());
    }

    #[test]
    fn stored_counts_out_of_range_neither_panic_nor_unlock() {
        let huge = Tries {
            failed: i64::MAX,
            locked_until: None,
        };
        let next = huge.after_failure(at(0));
        assert_eq!(next.failed, i64::MAX);
        assert!(next.locked_until.is_some());
        let negative = Tries {
            failed: -7,
            locked_until: None,
        };
        assert_eq!(negative.after_failure(at(0)).failed, 1);
        let far = Tries {
            failed: 5,
            locked_until: None,
        };
        // Near the end of time there is no "fifteen minutes later": locked to the end.
        let end = DateTime::<Utc>::MAX_UTC - Duration::minutes(1);
        assert_eq!(
            far.after_failure(end).locked_until,
            Some(DateTime::<Utc>::MAX_UTC)
        );
    }
}
