//! Staff members: the people who work the desk, whose names the audit records.

use uuid::Uuid;

use super::entry::{self, EntryError};

/// Identifies a staff member.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StaffId(pub Uuid);

impl std::fmt::Display for StaffId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// What a staff member does at the clinic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StaffRole {
    /// Works the front desk: books, checks in, cancels.
    Receptionist,
    /// A nurse who also uses the desk.
    Nurse,
    /// Runs the clinic: hours, leave, reports.
    Manager,
    /// Looks after the computers, backups and exports.
    Administrator,
}

impl StaffRole {
    /// Every role, in the order forms list them.
    pub const ALL: [StaffRole; 4] = [
        StaffRole::Receptionist,
        StaffRole::Nurse,
        StaffRole::Manager,
        StaffRole::Administrator,
    ];

    /// Stable text used in storage.
    pub fn as_str(self) -> &'static str {
        match self {
            StaffRole::Receptionist => "receptionist",
            StaffRole::Nurse => "nurse",
            StaffRole::Manager => "manager",
            StaffRole::Administrator => "administrator",
        }
    }

    /// Parses the text written by [`StaffRole::as_str`].
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == text)
    }

    /// Its place in receptionist → nurse → manager → administrator: each may do all that the
    /// ones before may (`permission`).
    pub fn rank(self) -> u8 {
        match self {
            StaffRole::Receptionist => 0,
            StaffRole::Nurse => 1,
            StaffRole::Manager => 2,
            StaffRole::Administrator => 3,
        }
    }

    /// The word staff read, e.g. "Receptionist", in the desk's language.
    pub fn label(self) -> String {
        match self {
            StaffRole::Receptionist => crate::t!("core-role-receptionist"),
            StaffRole::Nurse => crate::t!("core-role-nurse"),
            StaffRole::Manager => crate::t!("core-role-manager"),
            StaffRole::Administrator => crate::t!("core-role-administrator"),
        }
    }
}

/// A person who works at the clinic and may be at the desk.
#[derive(Clone, Debug, PartialEq)]
pub struct StaffMember {
    /// Stable id.
    pub id: StaffId,
    /// The name the audit records, e.g. "Maria D'Souza".
    pub name: String,
    /// What they do.
    pub role: StaffRole,
    /// Former staff stay in the audit but can no longer sign in.
    pub active: bool,
}

/// The longest name the desk may be worked under.
pub const MAX_DESK_NAME_CHARS: usize = 100;

/// Why a name cannot be recorded as the person at the desk.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DeskNameError {
    /// Nothing, or only spaces.
    #[error("{}", crate::t!("core-desk-name-empty"))]
    Empty,
    /// A control character (a newline, a tab, a terminal escape): it would forge lines in the
    /// history and the audit.
    #[error("{}", crate::t!("core-desk-name-control", character = _0))]
    Control(String),
    /// Longer than [`MAX_DESK_NAME_CHARS`].
    #[error(
        "{}",
        crate::t!(
            "core-desk-name-too-long",
            chars = _0.to_string(),
            max = MAX_DESK_NAME_CHARS.to_string(),
        )
    )]
    TooLong(usize),
    /// An invisible character (a zero-width space, a byte order mark, the combining grapheme
    /// joiner), a direction control or mark, a lone joiner, a combining mark or variation
    /// selector with no letter before it, a pile of accents, or no letter or digit at all:
    /// refused as in every other person's name
    /// (`entry`), so the name cannot look empty, look like someone else's, or turn round the
    /// history line it is shown in.
    #[error(transparent)]
    Entry(EntryError),
}

/// A name as sign-in finds it: tidied (spaces), composed (NFC) and A–Z folded, so extra spaces,
/// another Unicode form or another case of the same name are the same name.
pub fn sign_in_folded(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    super::setup_rules::tidy_name(name)
        .nfc()
        .collect::<String>()
        .to_ascii_lowercase()
}

/// The name changes are recorded under, trimmed, or why it cannot be: empty, a control
/// character, longer than [`MAX_DESK_NAME_CHARS`], a character no person's name may hold, or
/// no letter or digit ([`entry::name_as_given`]).
pub fn desk_name(text: &str) -> Result<&str, DeskNameError> {
    let name = text.trim();
    if name.is_empty() {
        return Err(DeskNameError::Empty);
    }
    if let Some(c) = name.chars().find(|c| c.is_control()) {
        return Err(DeskNameError::Control(c.escape_default().to_string()));
    }
    let chars = name.chars().count();
    if chars > MAX_DESK_NAME_CHARS {
        return Err(DeskNameError::TooLong(chars));
    }
    entry::name_as_given(name, "the name at the desk", MAX_DESK_NAME_CHARS)
        .map_err(DeskNameError::Entry)?;
    Ok(name)
}
