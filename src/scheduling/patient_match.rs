//! Does what a command, a form or an imported row says about a patient identify a stored
//! patient? The one rule every way in uses (the command line's `book` and `waitlist add`,
//! series, `import patients` and `import appointments`, the window's booking and walk-in
//! forms); the store loads the candidates and calls [`identify`].
//!
//! The rule, in order:
//! 1. **Our id.** A stored patient with the record's id is that patient, unless the record's
//!    name or date of birth (where both give one) or external id (where both give one)
//!    disagree: then the record is refused, with both identities shown ([`Identified::Contradicts`]).
//!    An id that no stored patient has names a patient of another database (or of the file
//!    being imported): such a record is never matched by its name alone (rule 4).
//! 2. **External id (MRN).** The same, for the one stored patient with that external id; two
//!    stored patients with it are [`Identified::Ambiguous`].
//! 3. **Email.** The one stored patient with the record's email (any case) whose name holds
//!    every word of the record's name (a calendar's "Asha" for "Iyer, Asha"; no name at all
//!    will do) and whose phone, date of birth and external id do not disagree. A family's
//!    shared address with another first name is not that patient.
//! 4. **Name, weighed against the details.** Otherwise each stored patient of the same name
//!    ([`name_key`]: case, runs of spaces, Unicode normalisation and the accents of Latin and
//!    Greek letters aside) is weighed on the details both give (phone, email, date of birth,
//!    external id):
//!    - another date of birth: someone else (a person has one; a father and son may share a
//!      phone and an address);
//!    - a detail agrees and another disagrees (the same phone, another external id or email):
//!      refused with both shown ([`Identified::Contradicts`]), since it may be either;
//!    - only disagreements: someone else (a namesake with another number or address);
//!    - agreements only: the one meant;
//!    - nothing both give: the one meant when the record gives neither a phone nor a date of
//!      birth (a bare name finds the one patient of that name), except for a record whose id
//!      is unknown here (rule 1), or a patient the source itself tells apart from the record
//!      ([`identify_apart`]: a file that registered them under another id). A patient without
//!      a phone is never found by a phone.
//!
//! Exactly one candidate is [`Identified::Same`]; none is [`Identified::Nobody`] (a new
//! patient may be registered; the namesakes are listed to warn); several are
//! [`Identified::Ambiguous`], refused with the candidates listed.
//!
//! Phones compare as normalised full numbers ([`phone_key`]): only digits count, a leading
//! `+` or `00` marks the country code (`+91 98450 12345` = `0091 98450-12345`), and a number
//! written without its country code (`98450 12345`, `098450 12345`) is another spelling that
//! does not match it. Never by the last digits.

use chrono::NaiveDate;
use unicode_normalization::UnicodeNormalization;

use super::entry::shown;
use super::model::{Patient, PatientId};

/// A phone number reduced to what identifies it: its digits, with `+` in front when it starts
/// with a country code (a leading `+` or `00`); empty when it has no digits.
pub fn phone_key(text: &str) -> String {
    let text = text.trim();
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return String::new();
    }
    if text.starts_with('+') {
        format!("+{digits}")
    } else if let Some(rest) = digits.strip_prefix("00") {
        format!("+{rest}")
    } else {
        digits
    }
}

/// True when both are phone numbers and the same number ([`phone_key`]).
pub fn same_phone(a: &str, b: &str) -> bool {
    let a = phone_key(a);
    !a.is_empty() && a == phone_key(b)
}

/// A name as compared: in Unicode's composed form (NFC, so "José" typed either way is one
/// name), without the accents of Latin and Greek letters ("Jose" = "José"), lower case with
/// ß (and ẞ) as "ss" ("STRAUSS" = "Strauß"),
/// trimmed, runs of whitespace made one space. Marks that make letters of other scripts (a
/// Devanagari vowel sign, the breve of Cyrillic й) are kept: they tell names apart.
pub fn name_key(name: &str) -> String {
    fold(name).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A name without the generic accents (U+0300–U+036F) of Latin and Greek letters, lower case,
/// in NFC.
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut accent_base = false;
    for c in text.nfd() {
        if ('\u{300}'..='\u{36f}').contains(&c) {
            if accent_base {
                continue;
            }
        } else {
            accent_base = latin_or_greek(c);
        }
        out.push(c);
    }
    // German ß (and capital ẞ, lower-cased to ß) is written "ss" in capitals: STRAUSS is Strauß.
    out.to_lowercase().replace('ß', "ss").nfc().collect()
}

/// True for the letters whose accents [`name_key`] ignores.
fn latin_or_greek(c: char) -> bool {
    matches!(c,
        'A'..='Z' | 'a'..='z'
        | '\u{c0}'..='\u{24f}'
        | '\u{1e00}'..='\u{1eff}'
        | '\u{370}'..='\u{3ff}'
        | '\u{1f00}'..='\u{1fff}')
}

fn email_key(email: &str) -> String {
    email.trim().nfc().collect::<String>().to_lowercase()
}

/// What a command, form or row says about the patient it means.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Claim<'a> {
    /// Our id, when given.
    pub id: Option<PatientId>,
    /// The external id (MRN), or empty.
    pub external_id: &'a str,
    /// The name, or empty.
    pub name: &'a str,
    /// The phone, or empty.
    pub phone: &'a str,
    /// The email, or empty.
    pub email: &'a str,
    /// The date of birth, when given.
    pub birth_date: Option<NaiveDate>,
}

impl<'a> Claim<'a> {
    /// What a patient record says about itself (e.g. a new patient about to be registered).
    pub fn of(p: &'a Patient) -> Self {
        Claim {
            id: Some(p.id),
            external_id: &p.external_id,
            name: &p.name,
            phone: &p.phone,
            email: &p.email,
            birth_date: p.birth_date,
        }
    }

    /// What the claim gives, for messages: "\"Asha Iyer\", born 1980-05-17, phone …" (only
    /// the details it gives).
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if !self.name.trim().is_empty() {
            parts.push(crate::t!(
                "core-match-quoted-name",
                name = shown(self.name.trim())
            ));
        }
        if let Some(d) = self.birth_date {
            parts.push(crate::t!(
                "core-match-born",
                date = d.format("%Y-%m-%d").to_string()
            ));
        }
        if !self.phone.trim().is_empty() {
            parts.push(crate::t!(
                "core-match-phone",
                phone = shown(self.phone.trim())
            ));
        }
        if !self.email.trim().is_empty() {
            parts.push(crate::t!(
                "core-match-email",
                email = shown(self.email.trim())
            ));
        }
        if !self.external_id.trim().is_empty() {
            parts.push(crate::t!(
                "core-match-external-id",
                id = shown(self.external_id.trim())
            ));
        }
        if let Some(id) = self.id {
            parts.push(crate::t!("core-match-id", id = id.to_string()));
        }
        parts.join(", ")
    }
}

/// How the stored patient was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchedBy {
    /// Our id.
    Id,
    /// The external id (MRN).
    ExternalId,
    /// The email, with the name agreeing.
    Email,
    /// The name, with the details given.
    Name,
}

/// A detail on which a record and a stored patient agree or disagree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    /// The name.
    Name,
    /// The date of birth.
    BirthDate,
    /// The external id.
    ExternalId,
    /// The phone.
    Phone,
    /// The email.
    Email,
}

impl Detail {
    /// The detail's name in a sentence, in the desk's language.
    pub fn label(self) -> String {
        match self {
            Detail::Name => crate::t!("core-detail-name"),
            Detail::BirthDate => crate::t!("core-detail-birth-date"),
            Detail::ExternalId => crate::t!("core-detail-external-id"),
            Detail::Phone => crate::t!("core-detail-phone"),
            Detail::Email => crate::t!("core-detail-email"),
        }
    }
}

/// "name and phone and email".
fn labels(details: &[Detail]) -> String {
    details
        .iter()
        .map(|d| d.label())
        .reduce(|rest, last| crate::t!("core-list-and", rest = rest, last = last))
        .unwrap_or_default()
}

/// What [`identify`] decided.
#[derive(Clone, Debug, PartialEq)]
pub enum Identified {
    /// Exactly this stored patient.
    Same {
        /// The patient.
        patient: Patient,
        /// How they were found.
        by: MatchedBy,
    },
    /// No stored patient is the one meant; a new one may be registered.
    Nobody {
        /// Stored patients with the same name who are not (or not surely) the one meant, to
        /// warn about or to list.
        namesakes: Vec<Patient>,
    },
    /// An id matches a stored patient whose other details say it is someone else, or a
    /// namesake agrees on one detail and disagrees on another: refused.
    Contradicts {
        /// The stored patient the id belongs to, or the namesake.
        stored: Box<Patient>,
        /// Which id matched ([`MatchedBy::Name`] for a namesake).
        by: MatchedBy,
        /// What agrees besides the name (for a namesake; empty for an id).
        agrees: Vec<Detail>,
        /// What disagrees.
        differs: Vec<Detail>,
    },
    /// Several stored patients fit: refused, with them listed.
    Ambiguous {
        /// Those that fit.
        candidates: Vec<Patient>,
        /// What they share.
        by: MatchedBy,
    },
}

/// A stored patient as messages show them: name, date of birth, phone, email, external id,
/// id.
pub fn describe_patient(p: &Patient) -> String {
    describe(
        &p.name,
        p.birth_date,
        &p.phone,
        &p.email,
        &p.external_id,
        Some(p.id),
    )
}

fn describe(
    name: &str,
    birth: Option<NaiveDate>,
    phone: &str,
    email: &str,
    external: &str,
    id: Option<PatientId>,
) -> String {
    let mut parts = vec![if name.trim().is_empty() {
        crate::t!("core-match-no-name")
    } else {
        shown(name.trim()).into_owned()
    }];
    if let Some(d) = birth {
        parts.push(crate::t!(
            "core-match-born",
            date = d.format("%Y-%m-%d").to_string()
        ));
    }
    parts.push(if phone.trim().is_empty() {
        crate::t!("core-match-no-phone")
    } else {
        crate::t!("core-match-phone", phone = shown(phone.trim()))
    });
    if !email.trim().is_empty() {
        parts.push(crate::t!("core-match-email", email = shown(email.trim())));
    }
    if !external.trim().is_empty() {
        parts.push(crate::t!(
            "core-match-external-id",
            id = shown(external.trim())
        ));
    }
    if let Some(id) = id {
        parts.push(crate::t!("core-match-id", id = id.to_string()));
    }
    parts.join(", ")
}

impl Identified {
    /// Why the record is refused (an id that belongs to someone else, or several patients
    /// that fit), naming both sides; `None` when it is not refused. Callers add how to fix it.
    pub fn refusal(&self, claim: &Claim<'_>) -> Option<String> {
        match self {
            Identified::Same { .. } | Identified::Nobody { .. } => None,
            Identified::Contradicts {
                stored,
                by,
                agrees,
                differs,
            } => {
                let which = match by {
                    MatchedBy::ExternalId => crate::t!(
                        "core-match-which-external-id",
                        id = shown(claim.external_id.trim())
                    ),
                    MatchedBy::Name => {
                        return Some(crate::t!(
                            "core-match-same-name-differs",
                            stored = describe_patient(stored),
                            agrees = labels(agrees),
                            claim = claim.describe(),
                            differs = labels(differs),
                            count = differs.len(),
                        ));
                    }
                    _ => crate::t!("core-match-which-patient-id", id = stored.id.to_string()),
                };
                Some(crate::t!(
                    "core-match-belongs-to",
                    which = which,
                    stored = describe_patient(stored),
                    claim = claim.describe(),
                    differs = labels(differs),
                    count = differs.len(),
                ))
            }
            Identified::Ambiguous { candidates, by } => {
                let shared = match by {
                    MatchedBy::ExternalId => crate::t!(
                        "core-match-which-external-id",
                        id = shown(claim.external_id.trim())
                    ),
                    _ => claim.describe(),
                };
                let listed: Vec<String> = candidates
                    .iter()
                    .take(6)
                    .map(describe_patient)
                    .chain(
                        (candidates.len() > 6)
                            .then(|| crate::t!("core-match-more", count = candidates.len() - 6)),
                    )
                    .collect();
                Some(crate::t!(
                    "core-match-several-fit",
                    count = candidates.len(),
                    shared = shared,
                    listed = listed.join("; "),
                ))
            }
        }
    }
}

/// Where both give a detail and they differ.
fn disagree(a: &str, b: &str) -> bool {
    !a.is_empty() && !b.is_empty() && a != b
}

/// Checks a patient found by an id against the rest of the claim.
fn check_found(claim: &Claim<'_>, stored: &Patient, by: MatchedBy) -> Identified {
    let mut differs = Vec::new();
    let name = name_key(claim.name);
    if !name.is_empty() && name != name_key(&stored.name) {
        differs.push(Detail::Name);
    }
    if let (Some(a), Some(b)) = (claim.birth_date, stored.birth_date)
        && a != b
    {
        differs.push(Detail::BirthDate);
    }
    if by == MatchedBy::Id && disagree(claim.external_id.trim(), stored.external_id.trim()) {
        differs.push(Detail::ExternalId);
    }
    if differs.is_empty() {
        Identified::Same {
            patient: stored.clone(),
            by,
        }
    } else {
        Identified::Contradicts {
            stored: Box::new(stored.clone()),
            by,
            agrees: Vec::new(),
            differs,
        }
    }
}

/// True when a detail both give disagrees: phone, date of birth, external id, email.
fn conflicts(claim: &Claim<'_>, p: &Patient) -> bool {
    !weigh(claim, p).1.is_empty()
}

/// The details both give, split into those that agree and those that disagree.
fn weigh(claim: &Claim<'_>, p: &Patient) -> (Vec<Detail>, Vec<Detail>) {
    let mut agrees = Vec::new();
    let mut differs = Vec::new();
    let mut compare = |detail: Detail, a: &str, b: &str| {
        if !a.is_empty() && !b.is_empty() {
            if a == b {
                agrees.push(detail);
            } else {
                differs.push(detail);
            }
        }
    };
    compare(Detail::Phone, &phone_key(claim.phone), &phone_key(&p.phone));
    compare(Detail::Email, &email_key(claim.email), &email_key(&p.email));
    compare(
        Detail::ExternalId,
        claim.external_id.trim(),
        p.external_id.trim(),
    );
    let birth = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    compare(
        Detail::BirthDate,
        &birth(claim.birth_date),
        &birth(p.birth_date),
    );
    (agrees, differs)
}

/// The words of a name, for [`name_part`]: lower case, split at spaces and commas.
fn words(name: &str) -> Vec<String> {
    fold(name)
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// True when every word of `part` is a word of `whole` (an empty `part` too).
fn name_part(part: &str, whole: &str) -> bool {
    let whole = words(whole);
    words(part).iter().all(|w| whole.contains(w))
}

/// How a namesake fits the claim (rule 4 of the module).
#[derive(Debug)]
enum Fit {
    /// Details agree and none disagrees.
    Confirmed,
    /// Nothing both give, and the claim gives no phone or date of birth: a bare name.
    NameOnly,
    /// Someone else.
    Other,
    /// A detail agrees and another disagrees.
    Mixed(Vec<Detail>, Vec<Detail>),
}

fn fit(claim: &Claim<'_>, p: &Patient) -> Fit {
    let (agrees, differs) = weigh(claim, p);
    if differs.contains(&Detail::BirthDate) {
        return Fit::Other;
    }
    match (agrees.is_empty(), differs.is_empty()) {
        (false, true) => Fit::Confirmed,
        (false, false) => Fit::Mixed(agrees, differs),
        (true, false) => Fit::Other,
        (true, true) if phone_key(claim.phone).is_empty() && claim.birth_date.is_none() => {
            Fit::NameOnly
        }
        (true, true) => Fit::Other,
    }
}

/// Which of `candidates` (stored patients; those with the claim's id, external id, email or
/// name are enough) the claim identifies, under the module's rule.
pub fn identify(claim: &Claim<'_>, candidates: &[Patient]) -> Identified {
    identify_apart(claim, candidates, &|_| false)
}

/// [`identify`], where the source of the claim tells some stored patients apart from it:
/// `told_apart(p)` is true for a patient the source itself says is someone else (an import
/// that registered `p` under another id of the same file). Such a patient is still found by
/// our id or the external id, never by the email or the name.
pub fn identify_apart(
    claim: &Claim<'_>,
    candidates: &[Patient],
    told_apart: &dyn Fn(PatientId) -> bool,
) -> Identified {
    if let Some(id) = claim.id
        && let Some(stored) = candidates.iter().find(|p| p.id == id)
    {
        return check_found(claim, stored, MatchedBy::Id);
    }
    // An id given that no stored patient has: a patient of another database or of this file.
    let unknown_id = claim.id.is_some();
    let external = claim.external_id.trim();
    if !external.is_empty() {
        let mut with: Vec<&Patient> = candidates
            .iter()
            .filter(|p| p.external_id.trim() == external)
            .collect();
        dedup(&mut with);
        match with.as_slice() {
            [] => {}
            [one] => return check_found(claim, one, MatchedBy::ExternalId),
            many => {
                return Identified::Ambiguous {
                    candidates: many.iter().map(|p| (*p).clone()).collect(),
                    by: MatchedBy::ExternalId,
                };
            }
        }
    }
    let email = email_key(claim.email);
    if !email.is_empty() {
        let mut with: Vec<&Patient> = candidates
            .iter()
            .filter(|p| {
                email_key(&p.email) == email
                    && !told_apart(p.id)
                    && name_part(claim.name, &p.name)
                    && !conflicts(claim, p)
            })
            .collect();
        dedup(&mut with);
        if let [one] = with.as_slice() {
            return Identified::Same {
                patient: (*one).clone(),
                by: MatchedBy::Email,
            };
        }
    }
    let name = name_key(claim.name);
    if name.is_empty() {
        return Identified::Nobody {
            namesakes: Vec::new(),
        };
    }
    let mut namesakes: Vec<&Patient> = candidates
        .iter()
        .filter(|p| name_key(&p.name) == name)
        .collect();
    dedup(&mut namesakes);
    let mut fitting: Vec<&Patient> = Vec::new();
    let mut mixed: Vec<(&Patient, Vec<Detail>, Vec<Detail>)> = Vec::new();
    for p in namesakes.iter().copied().filter(|p| !told_apart(p.id)) {
        match fit(claim, p) {
            Fit::Confirmed => fitting.push(p),
            Fit::NameOnly if !unknown_id => fitting.push(p),
            Fit::NameOnly | Fit::Other => {}
            Fit::Mixed(agrees, differs) => mixed.push((p, agrees, differs)),
        }
    }
    if !mixed.is_empty() {
        if fitting.is_empty()
            && let [(one, agrees, differs)] = mixed.as_slice()
        {
            return Identified::Contradicts {
                stored: Box::new((*one).clone()),
                by: MatchedBy::Name,
                agrees: agrees.clone(),
                differs: differs.clone(),
            };
        }
        fitting.extend(mixed.into_iter().map(|(p, ..)| p));
    }
    match fitting.as_slice() {
        [] => Identified::Nobody {
            namesakes: namesakes.into_iter().cloned().collect(),
        },
        [one] => Identified::Same {
            patient: (*one).clone(),
            by: MatchedBy::Name,
        },
        many => Identified::Ambiguous {
            candidates: many.iter().map(|p| (*p).clone()).collect(),
            by: MatchedBy::Name,
        },
    }
}

/// True when `p` is recorded with exactly what the claim says: the same name ([`name_key`])
/// and the same phone, email, date of birth and external id, where a detail the claim leaves
/// empty is empty for `p` too (none for none).
pub fn recorded_as_claimed(claim: &Claim<'_>, p: &Patient) -> bool {
    name_key(claim.name) == name_key(&p.name)
        && phone_key(claim.phone) == phone_key(&p.phone)
        && email_key(claim.email) == email_key(&p.email)
        && claim.external_id.trim() == p.external_id.trim()
        && claim.birth_date == p.birth_date
}

/// For a record that would only register a patient (`import patients`: it books nothing and
/// changes no one), the one of several fitting patients ([`Identified::Ambiguous`]) recorded
/// with exactly its details ([`recorded_as_claimed`]): registering the record would add that
/// very patient again, so it is already there. `None` when the record gives an id (it names
/// a patient of its own), or when none or several are recorded so. Never used to book: a
/// bare name that fits several patients still means no one of them there.
pub fn already_registered<'p>(
    claim: &Claim<'_>,
    identified: &'p Identified,
) -> Option<&'p Patient> {
    let Identified::Ambiguous { candidates, .. } = identified else {
        return None;
    };
    if claim.id.is_some() {
        return None;
    }
    let mut exact = candidates.iter().filter(|p| recorded_as_claimed(claim, p));
    match (exact.next(), exact.next()) {
        (Some(one), None) => Some(one),
        _ => None,
    }
}

/// Drops repeats of a patient (candidate lists are unions of several look-ups).
fn dedup(patients: &mut Vec<&Patient>) {
    let mut seen = std::collections::HashSet::new();
    patients.retain(|p| seen.insert(p.id));
}

/// What registering a new patient comes to ([`registration`]).
#[derive(Clone, Debug, PartialEq)]
pub enum Registration {
    /// The name and details identify a patient already registered: book them instead, and say
    /// so.
    Existing(PatientId),
    /// Nobody registered is this person: register them. Namesakes are listed to warn.
    New {
        /// Stored patients with the same name (other phone, other date of birth …).
        namesakes: Vec<Patient>,
    },
    /// Only a name was given, and a patient of that name is registered: refused, since the
    /// new patient may or may not be them. The desk books the registered patient, or gives a
    /// detail that tells the two apart.
    NameTaken(Patient),
    /// Refused (several patients fit), with why.
    Refused(String),
}

/// Whether `new` (a patient about to be registered, with a fresh id) is someone already
/// registered. Stricter than [`identify`] in one way: a bare name never stands for a stored
/// namesake here ([`Registration::NameTaken`]), since a new patient may share a common name;
/// the desk must pick the registered patient or give a detail (phone, date of birth) that
/// tells them apart.
pub fn registration(new: &Patient, candidates: &[Patient]) -> Registration {
    let claim = Claim {
        id: None,
        ..Claim::of(new)
    };
    let gives_detail = !phone_key(claim.phone).is_empty()
        || !email_key(claim.email).is_empty()
        || claim.birth_date.is_some()
        || !claim.external_id.trim().is_empty();
    match identify(&claim, candidates) {
        Identified::Same { patient, .. } if gives_detail => Registration::Existing(patient.id),
        Identified::Same { patient, .. } => Registration::NameTaken(patient),
        Identified::Nobody { namesakes } => Registration::New { namesakes },
        refused => Registration::Refused(refused.refusal(&claim).unwrap_or_default()),
    }
}

/// The registered patients that `new` (a patient about to be registered) is likely to be:
/// those with the same phone ([`same_phone`]: the same full number, however it is written),
/// and those with the same name ([`name_key`]) and the same date of birth (both given).
/// `new` itself (by id) and repeats are left out. Every form and command that registers a
/// patient asks this before it does, and names what it finds; the store only loads the
/// `registered` patients that could fit (same phone digits, same name).
pub fn likely_duplicates(new: &Patient, registered: &[Patient]) -> Vec<Patient> {
    let name = name_key(&new.name);
    let mut found: Vec<&Patient> = registered
        .iter()
        .filter(|p| p.id != new.id)
        .filter(|p| {
            same_phone(&new.phone, &p.phone)
                || (new.birth_date.is_some()
                    && p.birth_date == new.birth_date
                    && !name.is_empty()
                    && name_key(&p.name) == name)
        })
        .collect();
    dedup(&mut found);
    found.into_iter().cloned().collect()
}

/// A booking's new patient must be the patient it books: the same id. Refused with the reason
/// otherwise (a form or an import that mixed two patients up).
pub fn check_new_patient(booked: PatientId, new: &Patient) -> Result<(), String> {
    if new.id == booked {
        Ok(())
    } else {
        Err(crate::t!("core-match-new-patient-differs"))
    }
}

/// The question a form asks before registering `new` when [`likely_duplicates`] found
/// `registered` (not empty): who is registered already, and with what in common.
pub fn duplicate_question(new: &Patient, registered: &[Patient]) -> String {
    let listed: Vec<String> = registered
        .iter()
        .take(3)
        .map(|p| {
            let by = if same_phone(&new.phone, &p.phone) {
                crate::t!("core-match-by-phone")
            } else {
                crate::t!("core-match-by-name-and-birth")
            };
            crate::t!(
                "core-match-registered-by",
                patient = describe_patient(p),
                by = by
            )
        })
        .chain(
            (registered.len() > 3)
                .then(|| crate::t!("core-match-more", count = registered.len() - 3)),
        )
        .collect();
    crate::t!(
        "core-match-already-registered",
        listed = listed.join("; "),
        name = shown(new.name.trim())
    )
}
