//! The access log: who opened a patient's appointment, searched patients, printed a day sheet,
//! exported, imported, backed up or restored, signed in or failed to, changed a permission or
//! read this log; at which desk and when. Each entry's hash covers the one before it, so an
//! entry edited or deleted afterwards breaks the chain ([`verify`]), and the chain's head
//! (count and last hash, kept beside it) shows a cut-off end.

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

use super::staff::StaffId;

/// What was done.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AccessKind {
    /// A staff member signed in (with a password or PIN).
    SignedIn,
    /// A sign-in failed (wrong password or PIN, or the account was locked).
    SignInFailed,
    /// A staff member signed out or the window locked.
    SignedOut,
    /// A patient's appointment details were opened.
    OpenedAppointment,
    /// Patients were searched.
    SearchedPatients,
    /// A day sheet was printed.
    PrintedDaySheet,
    /// Appointments or a report were exported to a file.
    Exported,
    /// Patients or appointments were imported from a file.
    Imported,
    /// The database was backed up.
    BackedUp,
    /// A backup was restored.
    Restored,
    /// A staff member was added, or their role, password or PIN changed.
    ChangedPermission,
    /// The access log was read.
    ReadAccessLog,
}

impl AccessKind {
    /// Every kind, in the order the log's filter lists them.
    pub const ALL: [AccessKind; 12] = [
        AccessKind::SignedIn,
        AccessKind::SignInFailed,
        AccessKind::SignedOut,
        AccessKind::OpenedAppointment,
        AccessKind::SearchedPatients,
        AccessKind::PrintedDaySheet,
        AccessKind::Exported,
        AccessKind::Imported,
        AccessKind::BackedUp,
        AccessKind::Restored,
        AccessKind::ChangedPermission,
        AccessKind::ReadAccessLog,
    ];

    /// Stable text used in storage.
    pub fn as_str(self) -> &'static str {
        match self {
            AccessKind::SignedIn => "signed_in",
            AccessKind::SignInFailed => "sign_in_failed",
            AccessKind::SignedOut => "signed_out",
            AccessKind::OpenedAppointment => "opened_appointment",
            AccessKind::SearchedPatients => "searched_patients",
            AccessKind::PrintedDaySheet => "printed_day_sheet",
            AccessKind::Exported => "exported",
            AccessKind::Imported => "imported",
            AccessKind::BackedUp => "backed_up",
            AccessKind::Restored => "restored",
            AccessKind::ChangedPermission => "changed_permission",
            AccessKind::ReadAccessLog => "read_access_log",
        }
    }

    /// Parses the text written by [`AccessKind::as_str`].
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == text)
    }

    /// The words the log's reader sees, in the desk's language.
    pub fn label(self) -> String {
        match self {
            AccessKind::SignedIn => crate::t!("core-access-signed-in"),
            AccessKind::SignInFailed => crate::t!("core-access-sign-in-failed"),
            AccessKind::SignedOut => crate::t!("core-access-signed-out"),
            AccessKind::OpenedAppointment => crate::t!("core-access-opened-appointment"),
            AccessKind::SearchedPatients => crate::t!("core-access-searched-patients"),
            AccessKind::PrintedDaySheet => crate::t!("core-access-printed-day-sheet"),
            AccessKind::Exported => crate::t!("core-access-exported"),
            AccessKind::Imported => crate::t!("core-access-imported"),
            AccessKind::BackedUp => crate::t!("core-access-backed-up"),
            AccessKind::Restored => crate::t!("core-access-restored"),
            AccessKind::ChangedPermission => crate::t!("core-access-changed-permission"),
            AccessKind::ReadAccessLog => crate::t!("core-access-read-access-log"),
        }
    }
}

/// One thing done, as it is to be logged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Access {
    /// When.
    pub at: DateTime<Utc>,
    /// The desk: the computer's host name.
    pub desk: String,
    /// Which staff member, when one is known (a failed sign-in under an unknown name has none).
    pub staff: Option<StaffId>,
    /// The name given or signed in under (or "service").
    pub name: String,
    /// What was done.
    pub kind: AccessKind,
    /// What it was done to: an appointment id, a file name, a staff id…
    pub subject: String,
    /// More about it: "wrong password", "3 found", "iCalendar, 120 appointments"…
    pub detail: String,
}

/// One entry of the log as stored: its place in the chain and its hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccessEntry {
    /// Its place in the log, from 1 with no gaps.
    pub seq: i64,
    /// What was done.
    pub access: Access,
    /// SHA-256 of the entry before it ([`GENESIS`] for the first) and this one ([`link`]).
    pub hash: [u8; 32],
}

/// The names of an entry's cells in a CSV of the log ([`AccessEntry::cells`]).
pub const CELL_NAMES: [&str; 7] = ["seq", "at_utc", "desk", "name", "kind", "subject", "detail"];

impl AccessEntry {
    /// The entry as a row of the log's CSV: number, UTC time to the second, desk, name, kind,
    /// subject and detail, as stored.
    pub fn cells(&self) -> [String; 7] {
        let a = &self.access;
        [
            self.seq.to_string(),
            a.at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            a.desk.clone(),
            a.name.clone(),
            a.kind.as_str().to_owned(),
            a.subject.clone(),
            a.detail.clone(),
        ]
    }
}

/// The hash the first entry's is made from.
pub const GENESIS: [u8; 32] = [0; 32];

/// The hash of entry `seq` holding `access`, following the entry whose hash is `previous`.
/// Every field is written with its length first, so no two entries write the same bytes.
pub fn link(previous: &[u8; 32], seq: i64, access: &Access) -> [u8; 32] {
    let mut hasher = Sha256::new();
    hasher.update(b"frontdesk access log v1");
    hasher.update(previous);
    hasher.update(seq.to_be_bytes());
    // Whole seconds, as instants are stored.
    hasher.update(access.at.timestamp().to_be_bytes());
    let staff = access.staff.map(|s| s.0.to_string()).unwrap_or_default();
    for field in [
        access.desk.as_str(),
        staff.as_str(),
        access.name.as_str(),
        access.kind.as_str(),
        access.subject.as_str(),
        access.detail.as_str(),
    ] {
        hasher.update((field.len() as u64).to_be_bytes());
        hasher.update(field.as_bytes());
    }
    hasher.finalize().into()
}

/// The chain's head as kept beside the log: how many entries and the last one's hash.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Head {
    /// How many entries.
    pub entries: i64,
    /// The last entry's hash ([`GENESIS`] when there are none).
    pub hash: [u8; 32],
}

/// What a check of the chain found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChainCheck {
    /// Every entry is as written, none is missing.
    Whole,
    /// Entry `seq` was edited, or the one before it was deleted (its hash or number does not
    /// follow).
    BrokenAt(i64),
    /// The last entries were deleted: the log ends before its head says it does.
    CutShort {
        /// Entries found.
        found: i64,
        /// Entries the head counts.
        expected: i64,
    },
}

/// Checks entries read in order of `seq` against one another and the head.
pub fn verify(entries: impl IntoIterator<Item = AccessEntry>, head: Head) -> ChainCheck {
    let mut previous = GENESIS;
    let mut count: i64 = 0;
    for entry in entries {
        let expected_seq = count.saturating_add(1);
        if entry.seq != expected_seq || link(&previous, entry.seq, &entry.access) != entry.hash {
            return ChainCheck::BrokenAt(entry.seq);
        }
        previous = entry.hash;
        count = expected_seq;
    }
    if count != head.entries || (count > 0 && previous != head.hash) {
        if count < head.entries {
            return ChainCheck::CutShort {
                found: count,
                expected: head.entries,
            };
        }
        return ChainCheck::BrokenAt(count);
    }
    ChainCheck::Whole
}

/// A hash as 64 lower-case hex digits, as stored.
pub fn to_hex(hash: &[u8; 32]) -> String {
    hash.iter().map(|b| format!("{b:02x}")).collect()
}

/// A hash read back from its 64 hex digits; `None` when it is not one.
pub fn from_hex(text: &str) -> Option<[u8; 32]> {
    let bytes = text.as_bytes();
    if bytes.len() != 64 {
        return None;
    }
    let mut hash = [0u8; 32];
    for (i, pair) in bytes.chunks(2).enumerate() {
        let pair = std::str::from_utf8(pair).ok()?;
        hash[i] = u8::from_str_radix(pair, 16).ok()?;
    }
    Some(hash)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn access(n: u32, kind: AccessKind) -> Access {
        Access {
            at: Utc.with_ymd_and_hms(2026, 12, 5, 9, n, 0).unwrap(),
            desk: "desk-1".into(),
            staff: None,
            name: "Arjun Iyer".into(),
            kind,
            subject: format!("subject {n}"),
            detail: String::new(),
        }
    }

    fn chain(n: u32) -> (Vec<AccessEntry>, Head) {
        let mut previous = GENESIS;
        let mut entries = Vec::new();
        for i in 1..=n {
            let a = access(i, AccessKind::OpenedAppointment);
            let hash = link(&previous, i64::from(i), &a);
            entries.push(AccessEntry {
                seq: i64::from(i),
                access: a,
                hash,
            });
            previous = hash;
        }
        let head = Head {
            entries: i64::from(n),
            hash: previous,
        };
        (entries, head)
    }

    #[test]
    fn a_whole_chain_checks_and_every_kind_of_damage_is_found() {
        let (entries, head) = chain(5);
        assert_eq!(verify(entries.clone(), head), ChainCheck::Whole);
        assert_eq!(
            verify(
                vec![],
                Head {
                    entries: 0,
                    hash: GENESIS
                }
            ),
            ChainCheck::Whole
        );

        let mut edited = entries.clone();
        edited[2].access.name = "Someone Else".into();
        assert_eq!(verify(edited, head), ChainCheck::BrokenAt(3));

        let mut deleted = entries.clone();
        deleted.remove(1);
        assert_eq!(verify(deleted, head), ChainCheck::BrokenAt(3));

        let mut cut = entries.clone();
        cut.pop();
        assert_eq!(
            verify(cut, head),
            ChainCheck::CutShort {
                found: 4,
                expected: 5
            }
        );

        // An entry added by hand after the head was written.
        let (longer, _) = chain(6);
        assert_eq!(verify(longer, head), ChainCheck::BrokenAt(6));
    }

    #[test]
    fn fields_cannot_be_shifted_into_one_another() {
        let mut a = access(1, AccessKind::Exported);
        a.subject = "ab".into();
        a.detail = "c".into();
        let mut b = a.clone();
        b.subject = "a".into();
        b.detail = "bc".into();
        assert_ne!(link(&GENESIS, 1, &a), link(&GENESIS, 1, &b));
    }

    #[test]
    fn hashes_go_to_hex_and_back_and_bad_text_is_refused() {
        let (entries, _) = chain(1);
        let hex = to_hex(&entries[0].hash);
        assert_eq!(hex.len(), 64);
        assert_eq!(from_hex(&hex), Some(entries[0].hash));
        assert_eq!(from_hex("zz"), None);
        assert_eq!(from_hex(&"g".repeat(64)), None);
        assert_eq!(from_hex(&"é".repeat(32)), None);
        for kind in AccessKind::ALL {
            assert_eq!(AccessKind::parse(kind.as_str()), Some(kind));
        }
    }
}
