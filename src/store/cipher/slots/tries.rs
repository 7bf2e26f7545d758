//! Wrong passwords at an encrypted database before it is open. The database cannot count them
//! (it does not open without a right password), so its keys file does, with the same
//! five-tries lock as a plain database's staff records. A try is counted before its slow hash
//! is checked, under the keys file's lock ([`KeySlots::begin_try`]), so tries started together
//! cannot all slip past the lock; a right password takes its own try back and hands the wrong
//! tries before it to the access log ([`KeySlots::settle_tries`]). A name the keys file knows
//! is counted by its slot's label; any other name (a misspelling, or a password typed in the
//! wrong box) only by four hex digits of its digest, so the file holds nothing a guess can be
//! checked against. Each wrong try keeps when, where, and whose slot the name signs in with,
//! never the name typed. Every command and the window count in the one file. The counts are
//! bookkeeping: a file whose counts cannot be read still opens (they start again).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize};

use super::{CipherError, KeySlots, name_digest};
use crate::scheduling::lockout::{LockedOut, Tries};

/// Names counted at most (typing made-up names must not grow the file without end): past it,
/// the counts whose lock has run out go first.
const MAX_NAMES: usize = 1000;
/// Wrong tries kept for the log at most; past it the oldest go, and are counted as dropped.
const MAX_FAILURES: usize = 500;

/// One name's tries in a row, as the keys file keeps them.
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

/// One try as the keys file keeps it for the log.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(super) struct Failure {
    id: uuid::Uuid,
    at: DateTime<Utc>,
    #[serde(default)]
    label: Option<String>,
    #[serde(default)]
    desk: String,
}

impl Failure {
    /// The try as the access log is given it.
    fn sealed(&self) -> SealedFailure {
        SealedFailure {
            id: self.id,
            at: self.at,
            label: self.label.clone(),
            desk: self.desk.clone(),
        }
    }
}

/// A wrong try made before the database was open, to be written to its access log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SealedFailure {
    /// Which entry of the keys file it is.
    pub id: uuid::Uuid,
    /// When.
    pub at: DateTime<Utc>,
    /// The slot the name typed signs in with (a staff member's id as text), when it has one.
    pub label: Option<String>,
    /// The desk (host name) it was made at.
    pub desk: String,
}

/// A try counted before its hash was checked ([`KeySlots::begin_try`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reserved {
    id: uuid::Uuid,
    /// The tries left before the name locks, should this one be wrong.
    pub left: i64,
    /// The lock this try brings, should it be wrong (the fifth in a row).
    pub locks: Option<LockedOut>,
}

/// The counts, read leniently: a count that cannot be read starts again rather than keeping
/// the file (and every password and the recovery key with it) from opening.
pub(super) fn lenient<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + serde::de::DeserializeOwned,
{
    let value = serde_json::Value::deserialize(deserializer)?;
    Ok(serde_json::from_value(value).unwrap_or_default())
}

impl KeySlots {
    /// The key `name`'s tries are counted under: its slot's label when the keys file knows the
    /// name, else four hex digits of its digest.
    fn tries_key(&self, name: &str) -> String {
        match self.label_of(name) {
            Some(label) => format!("slot:{label}"),
            None => {
                let digest = name_digest(self.file.clinic, name);
                format!("other:{}", digest.get(..4).unwrap_or(&digest))
            }
        }
    }

    /// Counts a try for `name` at `now` from `desk`, before its password is checked, under the
    /// keys file's lock: refused (nothing counted) while the name is locked.
    pub fn begin_try(
        &mut self,
        name: &str,
        now: DateTime<Utc>,
        desk: &str,
    ) -> Result<Result<Reserved, LockedOut>, CipherError> {
        let key = self.tries_key(name);
        let label = self.label_of(name).map(str::to_owned);
        let id = uuid::Uuid::new_v4();
        let mut outcome = None;
        self.change(|file| {
            let before = file.tries.get(&key).copied().unwrap_or_default().tries();
            if let Err(locked) = before.may_try(now) {
                outcome = Some(Err(locked));
                return Ok(());
            }
            let after = before.after_failure(now);
            if !file.tries.contains_key(&key) && file.tries.len() >= MAX_NAMES {
                make_room(&mut file.tries, now);
            }
            file.tries.insert(
                key,
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
                id,
                at: now,
                label,
                desk: desk.to_owned(),
            });
            outcome = Some(Ok(Reserved {
                id,
                left: crate::scheduling::lockout::MAX_FAILED_TRIES.saturating_sub(after.failed),
                locks: after.may_try(now).err(),
            }));
            Ok(())
        })?;
        outcome.ok_or(CipherError::Crypto("the try was not counted"))
    }

    /// After a right password for `name`: its own try (`reserved`) is taken back and its count
    /// starts again; the wrong tries before it (anyone's) go to `log`, under the keys file's
    /// lock so that two desks opening at once do not both log them, and are forgotten once
    /// logged. When `log` fails they stay for the next opening, and its error comes back.
    pub fn settle_tries<E>(
        &mut self,
        name: &str,
        reserved: Option<Reserved>,
        log: impl FnOnce(&[SealedFailure], u64) -> Result<(), E>,
    ) -> Result<Option<E>, CipherError> {
        let key = self.tries_key(name);
        let own = reserved.map(|r| r.id);
        let nothing = own.is_none()
            && self.file.failures.is_empty()
            && self.file.failures_dropped == 0
            && !self.file.tries.contains_key(&key);
        // Nothing to settle writes nothing (a file on read-only media still opens).
        if nothing {
            return Ok(None);
        }
        let mut failed = None;
        self.change(|file| {
            file.tries.remove(&key);
            file.failures.retain(|f| Some(f.id) != own);
            let kept: Vec<SealedFailure> = file.failures.iter().map(Failure::sealed).collect();
            match log(&kept, file.failures_dropped) {
                Ok(()) => {
                    file.failures.clear();
                    file.failures_dropped = 0;
                }
                Err(e) => failed = Some(e),
            }
            Ok(())
        })?;
        Ok(failed)
    }

    /// The wrong tries kept for the access log, oldest first, and how many more were not kept.
    pub fn failures_before_open(&self) -> (Vec<SealedFailure>, u64) {
        let kept = self.file.failures.iter().map(Failure::sealed).collect();
        (kept, self.file.failures_dropped)
    }

    /// A new password for `name` unlocks it, as an administrator's reset does in the database.
    pub(super) fn clear_tries(&mut self, name: &str) -> Result<(), CipherError> {
        let key = self.tries_key(name);
        if !self.file.tries.contains_key(&key) {
            return Ok(());
        }
        self.change(|file| {
            file.tries.remove(&key);
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
        let (mut slots, _, _) = KeySlots::create_with(
            &db,
            ClinicId::random(),
            "staff-1",
            &password,
            KdfCost::cheap_for_tests(),
        )
        .unwrap();
        slots.name_slot("staff-1", "Arjun Iyer").unwrap();
        KeySlots::load(&db).unwrap()
    }

    fn at(minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 6, 9, minute, 0).unwrap()
    }

    fn no_log(_: &[SealedFailure], _: u64) -> Result<(), ()> {
        Ok(())
    }

    #[test]
    fn five_tries_lock_the_name_across_loads_and_a_right_one_settles_them() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("clinic.sqlite");
        let _ = slots(dir.path());
        for left in (1..=4).rev() {
            // Each try loads the file afresh, as a new command does.
            let mut fresh = KeySlots::load(&db).unwrap();
            let reserved = fresh
                .begin_try("arjun  IYER", at(0), "DESK-2")
                .unwrap()
                .unwrap();
            assert_eq!((reserved.left, reserved.locks), (left, None));
        }
        let mut fresh = KeySlots::load(&db).unwrap();
        let fifth = fresh
            .begin_try("Arjun Iyer", at(1), "DESK-2")
            .unwrap()
            .unwrap();
        assert_eq!(fifth.locks.map(|l| l.until), Some(at(16)));
        let mut fresh = KeySlots::load(&db).unwrap();
        assert!(
            fresh
                .begin_try("Arjun Iyer", at(15), "DESK-1")
                .unwrap()
                .is_err()
        );
        assert!(
            fresh
                .begin_try("Someone Else", at(15), "DESK-1")
                .unwrap()
                .is_ok()
        );
        let (failures, dropped) = fresh.failures_before_open();
        assert_eq!((failures.len(), dropped), (6, 0));
        assert!(
            failures
                .iter()
                .all(|f| f.desk == "DESK-2" || f.desk == "DESK-1")
        );
        assert_eq!(
            failures
                .iter()
                .filter(|f| f.label.as_deref() == Some("staff-1"))
                .count(),
            5
        );
        // The file never names the name typed, nor anything a guess could be checked against.
        let text = std::fs::read_to_string(super::super::keys_path(&db)).unwrap();
        assert!(!text.to_lowercase().contains("arjun"));
        let other = name_digest(fresh.clinic(), "Someone Else");
        assert!(!text.contains(&other[..12]), "{text}");
        // After the lock, a right password: its own try is taken back, the six before go to
        // the log once, and the count starts again.
        let mut fresh = KeySlots::load(&db).unwrap();
        let mine = fresh
            .begin_try("Arjun Iyer", at(16), "DESK-1")
            .unwrap()
            .unwrap();
        let mut logged = Vec::new();
        let failed = fresh
            .settle_tries("Arjun Iyer", Some(mine), |f, d| {
                logged.extend_from_slice(f);
                assert_eq!(d, 0);
                Ok::<(), ()>(())
            })
            .unwrap();
        assert_eq!(failed, None);
        assert_eq!(logged.len(), 6);
        assert!(logged.iter().all(|f| f.id != mine.id));
        let fresh = KeySlots::load(&db).unwrap();
        assert!(fresh.failures_before_open().0.is_empty());
        assert!(fresh.file.tries.keys().all(|k| !k.starts_with("slot:")));
    }

    #[test]
    fn tries_that_could_not_be_logged_stay_for_the_next_opening() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("clinic.sqlite");
        let mut slots = slots(dir.path());
        slots.begin_try("Arjun Iyer", at(0), "D").unwrap().unwrap();
        let mine = slots.begin_try("Arjun Iyer", at(1), "D").unwrap().unwrap();
        let failed = slots
            .settle_tries("Arjun Iyer", Some(mine), |_, _| Err("the log is read-only"))
            .unwrap();
        assert_eq!(failed, Some("the log is read-only"));
        let fresh = KeySlots::load(&db).unwrap();
        assert_eq!(
            fresh.failures_before_open().0.len(),
            1,
            "the wrong one stays"
        );
    }

    #[test]
    fn made_up_names_cannot_grow_the_file_without_end() {
        let dir = tempfile::tempdir().unwrap();
        let mut slots = slots(dir.path());
        for n in 0..(MAX_FAILURES + 20) {
            slots
                .begin_try(&format!("nobody {n}"), at(0), "D")
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
    fn a_right_password_with_nothing_to_settle_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("clinic.sqlite");
        let mut slots = slots(dir.path());
        let keys = super::super::keys_path(&db);
        let before = std::fs::metadata(&keys).unwrap().modified().unwrap();
        let lock = dir.path().join("clinic.sqlite.keys.lock");
        let _ = std::fs::remove_file(&lock);
        assert_eq!(
            slots.settle_tries("Arjun Iyer", None, no_log).unwrap(),
            None
        );
        assert_eq!(
            std::fs::metadata(&keys).unwrap().modified().unwrap(),
            before
        );
        assert!(!lock.exists(), "not even the lock is taken");
    }

    #[test]
    fn two_writers_keep_each_others_changes_and_unreadable_counts_start_again() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("clinic.sqlite");
        let _ = slots(dir.path());
        // Two processes loaded the file before either wrote.
        let mut first = KeySlots::load(&db).unwrap();
        let mut second = KeySlots::load(&db).unwrap();
        first.begin_try("Arjun Iyer", at(0), "D").unwrap().unwrap();
        second.begin_try("Arjun Iyer", at(0), "D").unwrap().unwrap();
        let now = KeySlots::load(&db).unwrap();
        assert_eq!(now.failures_before_open().0.len(), 2);
        assert_eq!(now.file.tries.values().next().map(|c| c.failed), Some(2));
        assert_eq!(now.label_of("Arjun Iyer"), Some("staff-1"));
        // Someone edits the counts by hand: the file still opens, the counts start again.
        let keys = super::super::keys_path(&db);
        let text = std::fs::read_to_string(&keys).unwrap();
        let broken = text.replacen("\"failed\": 2", "\"failed\": 1.5", 1);
        assert_ne!(broken, text);
        std::fs::write(&keys, broken).unwrap();
        let now = KeySlots::load(&db).expect("still opens");
        assert!(now.file.tries.is_empty());
    }
}
