//! Wrong passwords at an encrypted database before it is open. The database cannot count them
//! (it does not open without a right password), so its keys file does: by a digest of the name
//! typed, the same five-tries lock as a plain database's staff records, and each wrong try
//! (when, and whose slot the name signs in with, never the name typed: it may be a password
//! typed in the wrong box) kept until the database is open and the access log has it. Every
//! command and the window count in the one file, under its lock.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{CipherError, KeySlots, name_digest};
use crate::scheduling::lockout::{LockedOut, Tries};

/// Names counted at most (typing made-up names must not grow the file without end): past it,
/// the counts whose lock has run out go first.
const MAX_NAMES: usize = 1000;
/// Wrong tries kept for the log at most; past it the oldest go, and are counted as dropped.
const MAX_FAILURES: usize = 500;

/// One name's wrong tries in a row, as the keys file keeps them.
#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize)]
pub(super) struct Counted {
    failed: i64,
    #[serde(default)]
    locked_until: Option<DateTime<Utc>>,
}

impl Counted {
    fn tries(self) -> Tries {
        Tries {
            failed: self.failed,
            locked_until: self.locked_until,
        }
    }
}

/// One wrong try as the keys file keeps it for the log.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(super) struct Failure {
    id: uuid::Uuid,
    at: DateTime<Utc>,
    #[serde(default)]
    label: Option<String>,
}

/// A wrong try made before the database was open, to be written to its access log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SealedFailure {
    /// Which entry of the keys file it is (to forget it once logged).
    pub id: uuid::Uuid,
    /// When.
    pub at: DateTime<Utc>,
    /// The slot the name typed signs in with (a staff member's id as text), when it has one.
    pub label: Option<String>,
}

impl KeySlots {
    /// `Ok` when `name` may try a password at `now`; refused while five wrong tries in a row
    /// lock it. Reads the keys file as it was loaded: load it just before.
    pub fn may_try(&self, name: &str, now: DateTime<Utc>) -> Result<(), LockedOut> {
        let digest = name_digest(self.file.clinic, name);
        self.file
            .tries
            .get(&digest)
            .copied()
            .unwrap_or_default()
            .tries()
            .may_try(now)
    }

    /// Counts a wrong password for `name` at `now` (written before it returns): the tries left
    /// before it locks, or the lock it is now in.
    pub fn count_failure(
        &mut self,
        name: &str,
        now: DateTime<Utc>,
    ) -> Result<Result<i64, LockedOut>, CipherError> {
        let digest = name_digest(self.file.clinic, name);
        let label = self.label_of(name).map(str::to_owned);
        let mut after = Tries::default();
        self.change(|file| {
            let before = file.tries.get(&digest).copied().unwrap_or_default().tries();
            after = before.after_failure(now);
            if !file.tries.contains_key(&digest) && file.tries.len() >= MAX_NAMES {
                make_room(&mut file.tries, now);
            }
            file.tries.insert(
                digest,
                Counted {
                    failed: after.failed,
                    locked_until: after.locked_until,
                },
            );
            if file.failures.len() >= MAX_FAILURES {
                let over = file.failures.len() + 1 - MAX_FAILURES;
                file.failures.drain(..over);
                file.failures_dropped = file.failures_dropped.saturating_add(over as u64);
            }
            file.failures.push(Failure {
                id: uuid::Uuid::new_v4(),
                at: now,
                label,
            });
            Ok(())
        })?;
        Ok(match after.may_try(now) {
            Ok(()) => Ok(crate::scheduling::lockout::MAX_FAILED_TRIES.saturating_sub(after.failed)),
            Err(locked) => Err(locked),
        })
    }

    /// The wrong tries kept for the access log, oldest first, and how many more were not kept.
    pub fn failures_before_open(&self) -> (Vec<SealedFailure>, u64) {
        let kept = self
            .file
            .failures
            .iter()
            .map(|f| SealedFailure {
                id: f.id,
                at: f.at,
                label: f.label.clone(),
            })
            .collect();
        (kept, self.file.failures_dropped)
    }

    /// After a good password for `name` and the access log written: its count starts again,
    /// and the wrong tries in `logged` (and the dropped count) are forgotten.
    pub fn forget_failures(
        &mut self,
        name: &str,
        logged: &[SealedFailure],
        dropped: u64,
    ) -> Result<(), CipherError> {
        let digest = name_digest(self.file.clinic, name);
        // Nothing to forget writes nothing (a file on read-only media still opens).
        if logged.is_empty() && dropped == 0 && !self.file.tries.contains_key(&digest) {
            return Ok(());
        }
        self.change(|file| {
            file.tries.remove(&digest);
            file.failures
                .retain(|f| !logged.iter().any(|l| l.id == f.id));
            file.failures_dropped = file.failures_dropped.saturating_sub(dropped);
            Ok(())
        })
    }
}

/// Drops one count to make room: one whose lock has run out or that never locked, else the
/// lock that ends first.
fn make_room(tries: &mut std::collections::BTreeMap<String, Counted>, now: DateTime<Utc>) {
    let victim = tries
        .iter()
        .find(|(_, c)| c.locked_until.is_none_or(|until| until <= now))
        .or_else(|| tries.iter().min_by_key(|(_, c)| c.locked_until))
        .map(|(k, _)| k.clone());
    if let Some(key) = victim {
        tries.remove(&key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signin::{Secret, SecretKind};
    use crate::store::cipher::{KdfCost, key::ClinicId};
    use chrono::TimeZone;

    fn slots(dir: &std::path::Path) -> KeySlots {
        let password = Secret::given(SecretKind::Password, "a long enough password").unwrap();
        let db = dir.join("clinic.sqlite");
        let (mut slots, key, _) = KeySlots::create_with(
            &db,
            ClinicId::random(),
            "staff-1",
            &password,
            KdfCost::cheap_for_tests(),
        )
        .unwrap();
        slots.name_slot("staff-1", "Arjun Iyer").unwrap();
        let _ = key;
        KeySlots::load(&db).unwrap()
    }

    fn at(minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 6, 9, minute, 0).unwrap()
    }

    #[test]
    fn five_wrong_tries_lock_the_name_across_loads_and_a_good_one_clears_it() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("clinic.sqlite");
        let _ = slots(dir.path());
        for left in (1..=4).rev() {
            // Each try loads the file afresh, as a new command does.
            let mut fresh = KeySlots::load(&db).unwrap();
            assert_eq!(fresh.may_try("arjun  IYER", at(0)), Ok(()));
            assert_eq!(fresh.count_failure("Arjun Iyer", at(0)).unwrap(), Ok(left));
        }
        let mut fresh = KeySlots::load(&db).unwrap();
        let locked = fresh
            .count_failure("Arjun Iyer", at(1))
            .unwrap()
            .unwrap_err();
        assert_eq!(locked.until, at(16));
        let fresh = KeySlots::load(&db).unwrap();
        assert!(fresh.may_try("Arjun Iyer", at(15)).is_err());
        assert_eq!(fresh.may_try("Someone Else", at(15)), Ok(()));
        assert_eq!(fresh.may_try("Arjun Iyer", at(16)), Ok(()));
        let (failures, dropped) = fresh.failures_before_open();
        assert_eq!((failures.len(), dropped), (5, 0));
        assert!(
            failures
                .iter()
                .all(|f| f.label.as_deref() == Some("staff-1"))
        );
        // The file never names the name typed.
        let text = std::fs::read_to_string(super::super::keys_path(&db)).unwrap();
        assert!(!text.to_lowercase().contains("arjun"));
        let mut fresh = fresh;
        fresh
            .forget_failures("Arjun Iyer", &failures[..3], 0)
            .unwrap();
        let fresh = KeySlots::load(&db).unwrap();
        assert_eq!(fresh.may_try("Arjun Iyer", at(2)), Ok(()));
        assert_eq!(fresh.failures_before_open().0, failures[3..].to_vec());
    }

    #[test]
    fn made_up_names_cannot_grow_the_file_without_end() {
        let dir = tempfile::tempdir().unwrap();
        let mut slots = slots(dir.path());
        for n in 0..(MAX_FAILURES + 20) {
            slots
                .count_failure(&format!("nobody {n}"), at(0))
                .unwrap()
                .unwrap();
        }
        let (kept, dropped) = slots.failures_before_open();
        assert_eq!(kept.len(), MAX_FAILURES);
        assert_eq!(dropped, 20);
        assert!(kept.iter().all(|f| f.label.is_none()));
        let mut names = std::collections::BTreeMap::new();
        for n in 0..(MAX_NAMES + 5) {
            names.insert(format!("{n:05}"), Counted::default());
            if names.len() > MAX_NAMES {
                make_room(&mut names, at(0));
            }
        }
        assert_eq!(names.len(), MAX_NAMES);
    }

    #[test]
    fn a_good_password_with_nothing_to_forget_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("clinic.sqlite");
        let mut slots = slots(dir.path());
        let keys = super::super::keys_path(&db);
        let before = std::fs::metadata(&keys).unwrap().modified().unwrap();
        let lock = dir.path().join("clinic.sqlite.keys.lock");
        let _ = std::fs::remove_file(&lock);
        slots.forget_failures("Arjun Iyer", &[], 0).unwrap();
        assert_eq!(
            std::fs::metadata(&keys).unwrap().modified().unwrap(),
            before
        );
        assert!(!lock.exists(), "not even the lock is taken");
    }

    #[test]
    fn two_writers_keep_each_others_changes() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("clinic.sqlite");
        let _ = slots(dir.path());
        // Two processes loaded the file before either wrote.
        let mut first = KeySlots::load(&db).unwrap();
        let mut second = KeySlots::load(&db).unwrap();
        first.count_failure("Arjun Iyer", at(0)).unwrap().unwrap();
        second.count_failure("Arjun Iyer", at(0)).unwrap().unwrap();
        let now = KeySlots::load(&db).unwrap();
        assert_eq!(now.failures_before_open().0.len(), 2);
        assert_eq!(now.file.tries.values().next().map(|c| c.failed), Some(2));
        assert_eq!(now.label_of("Arjun Iyer"), Some("staff-1"));
    }
}
