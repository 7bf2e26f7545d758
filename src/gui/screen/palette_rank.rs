//! How the command palette orders what it found and what Enter may run: pure rules, no iced.
//!
//! A date, a time, a patient, a doctor or a room the text names ranks above the actions; an
//! action ranks first only when the text is close to its name (each typed word starts a word of
//! it, or the text is its shortcut), never by letters scattered through it. An action that
//! changes data (undo) runs from Enter only when the text is its name in whole words ("undo",
//! "undo the last change") or its shortcut; otherwise Enter only asks.

/// How closely the typed text matches a name, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Closeness {
    /// Not at all.
    None,
    /// The text appears inside the name ("han" in "change").
    Inside,
    /// Each typed word starts a word of the name, in order ("dr rao" in "Dr. Anjali Rao").
    WordStarts,
    /// The typed words are the name's first whole words ("undo" in "Undo the last change").
    WholeWords,
    /// The text is the name, or its shortcut.
    Exact,
}

/// What a palette entry is, as far as ranking goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A date or time the text parses as.
    Date,
    /// A patient the search found (by name or phone).
    Patient,
    /// A doctor or a room.
    Place,
    /// An action; `destructive` when it changes or undoes data.
    Action {
        /// It writes: undo, cancel, delete.
        destructive: bool,
    },
}

/// One thing the palette could offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate<'a> {
    /// What it is.
    pub kind: Kind,
    /// The name the text is matched against (a patient's, doctor's or room's name, an action's
    /// label; empty for a date).
    pub name: &'a str,
    /// An action's keyboard shortcut ("Ctrl+Z"), if any.
    pub shortcut: Option<&'a str>,
}

/// What Enter does with the first entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnEnter {
    /// Run it.
    Run,
    /// Only highlight it and say how to run it: it changes data and the text is a loose match.
    Ask,
}

/// Splits text into lower-case words. Words end at white space and punctuation; letters, digits
/// and combining marks (Devanagari vowel signs and virama, Arabic harakat) stay inside a word.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| {
        c.is_whitespace() || c.is_control() || (c.is_ascii_punctuation()) || "·–—‘’“”…،".contains(c)
    })
    .filter(|w| !w.is_empty())
    .map(str::to_lowercase)
    .collect()
}

/// How closely `query` matches `name` (or `shortcut`).
pub fn closeness(query: &str, name: &str, shortcut: Option<&str>) -> Closeness {
    let typed = words(query);
    if typed.is_empty() {
        return Closeness::None;
    }
    let named = words(name);
    if typed == named || shortcut.is_some_and(|s| words(s) == typed) {
        return Closeness::Exact;
    }
    if typed.len() <= named.len() && typed.iter().zip(&named).all(|(t, n)| t == n) {
        return Closeness::WholeWords;
    }
    // Each typed word starts a later word of the name than the one before.
    let mut rest = named.iter();
    if typed
        .iter()
        .all(|t| rest.by_ref().any(|n| n.starts_with(t.as_str())))
    {
        return Closeness::WordStarts;
    }
    if named.join(" ").contains(&typed.join(" ")) {
        return Closeness::Inside;
    }
    Closeness::None
}

/// Where an entry goes, lower first; `None` hides it. The rule of the palette:
/// 0 a date or time; 1 a patient, doctor or room the text names by word starts or better;
/// 2 an action the text names closely; 3 a patient the search found otherwise (by phone, or by
/// text inside the name), a doctor or room with the text inside the name; 4 an action with the
/// text inside its name. Scattered letters never match. With no text, only actions show.
pub fn tier(query: &str, candidate: &Candidate<'_>) -> Option<u8> {
    let empty = words(query).is_empty();
    let close = closeness(query, candidate.name, candidate.shortcut);
    match candidate.kind {
        Kind::Date => Some(0),
        Kind::Action { .. } if empty => Some(2),
        Kind::Action { .. } if close >= Closeness::WordStarts => Some(2),
        Kind::Action { .. } if close == Closeness::Inside => Some(4),
        Kind::Action { .. } => None,
        Kind::Patient | Kind::Place if empty => None,
        Kind::Patient | Kind::Place if close >= Closeness::WordStarts => Some(1),
        // The store found this patient by a phone number or a surname key.
        Kind::Patient => Some(3),
        Kind::Place if close == Closeness::Inside => Some(3),
        Kind::Place => None,
    }
}

/// The candidates to show, best first, as indexes into `candidates` (ties keep their order).
pub fn rank(query: &str, candidates: &[Candidate<'_>]) -> Vec<usize> {
    let mut shown: Vec<(u8, usize)> = candidates
        .iter()
        .enumerate()
        .filter_map(|(i, c)| tier(query, c).map(|t| (t, i)))
        .collect();
    shown.sort_by_key(|&(t, i)| (t, i));
    shown.into_iter().map(|(_, i)| i).collect()
}

/// What Enter may do with `candidate` as the first entry for `query`.
pub fn on_enter(query: &str, candidate: &Candidate<'_>) -> OnEnter {
    match candidate.kind {
        Kind::Action { destructive: true }
            if closeness(query, candidate.name, candidate.shortcut) < Closeness::WholeWords =>
        {
            OnEnter::Ask
        }
        _ => OnEnter::Run,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const UNDO: Candidate<'static> = Candidate {
        kind: Kind::Action { destructive: true },
        name: "Undo the last change",
        shortcut: Some("Ctrl+Z"),
    };
    const TODAY: Candidate<'static> = Candidate {
        kind: Kind::Action { destructive: false },
        name: "Today",
        shortcut: Some("T"),
    };
    const DAY_BY_ROOM: Candidate<'static> = Candidate {
        kind: Kind::Action { destructive: false },
        name: "Day by room",
        shortcut: Some("2"),
    };
    const DATE: Candidate<'static> = Candidate {
        kind: Kind::Date,
        name: "",
        shortcut: None,
    };

    fn patient(name: &'static str) -> Candidate<'static> {
        Candidate {
            kind: Kind::Patient,
            name,
            shortcut: None,
        }
    }

    fn place(name: &'static str) -> Candidate<'static> {
        Candidate {
            kind: Kind::Place,
            name,
            shortcut: None,
        }
    }

    /// The names of what is shown for `query`, best first. Patients are offered only when a
    /// store search would find them (a word of the name starts with the text), as in the app.
    fn shown<'a>(query: &str, all: &[Candidate<'a>]) -> Vec<&'a str> {
        let offered: Vec<Candidate<'a>> = all
            .iter()
            .filter(|c| {
                c.kind != Kind::Patient || closeness(query, c.name, None) >= Closeness::WordStarts
            })
            .copied()
            .collect();
        rank(query, &offered)
            .into_iter()
            .map(|i| match offered[i].kind {
                Kind::Date => "date",
                _ => offered[i].name,
            })
            .collect()
    }

    #[test]
    fn closeness_table() {
        use Closeness as C;
        let table: &[(&str, &str, Option<&str>, Closeness)] = &[
            (
                "undo",
                "Undo the last change",
                Some("Ctrl+Z"),
                C::WholeWords,
            ),
            ("UNDO the", "Undo the last change", None, C::WholeWords),
            (
                "undo the last change",
                "Undo the last change",
                None,
                C::Exact,
            ),
            ("ctrl+z", "Undo the last change", Some("Ctrl+Z"), C::Exact),
            ("und", "Undo the last change", None, C::WordStarts),
            ("u l c", "Undo the last change", None, C::WordStarts),
            ("han", "Undo the last change", None, C::Inside),
            ("an", "Undo the last change", None, C::Inside),
            // Letters that spell "undo" scattered through a name never match it.
            ("kundan dodia", "Undo the last change", None, C::None),
            ("undo", "Kundan Dodia", None, C::None),
            ("asha", "Undo the last change", None, C::None),
            ("Dr Rao", "Dr. Anjali Rao", None, C::WordStarts),
            ("rao anjali", "Dr. Anjali Rao", None, C::None),
            ("room 2", "Room 2", None, C::Exact),
            ("room 2", "Room 12", None, C::None),
            ("room 1", "Room 12", None, C::WordStarts),
            ("rani o'brien", "Rani O'Brien", None, C::Exact),
            ("आशा", "आशा शर्मा", None, C::WholeWords),
            ("शर्", "आशा शर्मा", None, C::WordStarts),
            ("عائشة", "عائشة خان", None, C::WholeWords),
            ("خا", "عائشة خان", None, C::WordStarts),
            ("", "Undo the last change", None, C::None),
            ("  \t", "Undo the last change", None, C::None),
        ];
        for &(query, name, shortcut, want) in table {
            assert_eq!(
                closeness(query, name, shortcut),
                want,
                "{query:?} in {name:?}"
            );
        }
    }

    #[test]
    fn names_dates_and_places_rank_above_actions() {
        let all = [
            UNDO,
            TODAY,
            DAY_BY_ROOM,
            place("Dr. Anjali Rao"),
            place("Room 2"),
            place("Room 12"),
            patient("Asha Menon"),
            patient("Kundan Dodia"),
            patient("Chandni Iyer"),
            patient("आशा शर्मा"),
            patient("عائشة خان"),
        ];
        let table: &[(&str, &[&str])] = &[
            ("asha", &["Asha Menon"]),
            // The patient the search found for "chan" comes before the action "change" holds.
            ("chan", &["Chandni Iyer", "Undo the last change"]),
            ("und", &["Undo the last change"]),
            ("undo", &["Undo the last change"]),
            ("Dr Rao", &["Dr. Anjali Rao"]),
            ("room 2", &["Room 2"]),
            ("room", &["Room 2", "Room 12", "Day by room"]),
            ("kundan", &["Kundan Dodia"]),
            ("kundan dodia", &["Kundan Dodia"]),
            ("आशा", &["आशा शर्मा"]),
            ("عائشة", &["عائشة خان"]),
        ];
        for &(query, want) in table {
            assert_eq!(shown(query, &all), want, "{query:?}");
        }
        // A date comes first, whatever else the text matches.
        let with_date = [UNDO, patient("Today Test"), DATE];
        assert_eq!(
            shown("today", &with_date),
            ["date", "Today Test"],
            "no action called today here"
        );
        assert_eq!(shown("2026-12-01", &[UNDO, TODAY, DATE]), ["date"]);
        // With no text: the actions, nobody else.
        assert_eq!(
            shown("", &[patient("Asha"), UNDO, TODAY]),
            ["Undo the last change", "Today"]
        );
        // A patient found by phone (no name match) still ranks above a loose action.
        let by_phone = [UNDO, patient("Priya Nair")];
        assert_eq!(
            rank("an", &by_phone),
            [1, 0],
            "found by the store, shown above"
        );
    }

    #[test]
    fn undo_runs_from_enter_only_when_typed_in_whole_words() {
        let table: &[(&str, OnEnter)] = &[
            ("undo", OnEnter::Run),
            ("Undo the", OnEnter::Run),
            ("undo the last change", OnEnter::Run),
            ("ctrl+z", OnEnter::Run),
            ("und", OnEnter::Ask),
            ("u", OnEnter::Ask),
            ("chan", OnEnter::Ask),
            ("an", OnEnter::Ask),
            ("last", OnEnter::Ask),
            ("", OnEnter::Ask),
        ];
        for &(query, want) in table {
            assert_eq!(on_enter(query, &UNDO), want, "{query:?}");
        }
        // Actions that change nothing run from any match that shows them.
        assert_eq!(on_enter("tod", &TODAY), OnEnter::Run);
        assert_eq!(on_enter("asha", &patient("Asha Menon")), OnEnter::Run);
    }
}
