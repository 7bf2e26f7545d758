//! The words on a block and in its hover popover, without iced: which lines a block of a
//! given size shows (the name wrapped on two lines when there is room, the knock-on delay on
//! every late block whatever its size), and everything about the appointment for the popover.

use chrono_tz::Tz;

use crate::gui::theme;
use crate::scheduling::{Kind, Status};
use crate::store::AgendaEntry;

/// How a line of a block is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// The patient's name: bold, full colour.
    Main,
    /// Visit type, delay, overbooking: lighter.
    Faded,
    /// The status, in the status colour.
    Status,
}

/// One line of text on a block.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// The words (already fitted to the block's width).
    pub text: String,
    /// Text size in pixels.
    pub size: f32,
    /// Bold or not.
    pub bold: bool,
    /// Colour role.
    pub tone: Tone,
}

/// Height a line takes on a block.
pub fn line_height(size: f32) -> f32 {
    size + 3.0
}

/// The knock-on delay mark: short enough for the narrowest block.
pub fn late_mark(minutes: i64) -> String {
    crate::t!("calendar-late-mark", minutes = minutes)
}

fn kind_prefix(entry: &AgendaEntry) -> String {
    let a = &entry.appointment;
    match a.kind {
        Kind::WalkIn => {
            let token = crate::t!("calendar-walk-in-token", token = &a.queue_token);
            format!("{token} · ")
        }
        Kind::Emergency => {
            let token = crate::t!("calendar-emergency-token", token = &a.queue_token);
            format!("{token} · ")
        }
        Kind::Scheduled => String::new(),
    }
}

/// Shortens `text` with an ellipsis to fit `width` pixels at `size`. Canvas text is not
/// clipped by the CPU renderer, so it must be fitted; the width of a character is estimated
/// generously for the system font (DejaVu Sans).
/// The cut falls between grapheme clusters only, and a wide (CJK) character counts twice
/// (`crate::text::truncate`).
pub fn fit(text: &str, width: f32, size: f32, bold: bool) -> String {
    crate::text::truncate_em(text, room_em(width, size), bold).into_owned()
}

/// `width` pixels in em of text `size`: none when either is not a positive number.
fn room_em(width: f32, size: f32) -> f32 {
    let room = width / size.max(1.0);
    if room.is_finite() && room > 0.0 {
        room.min(10_000.0)
    } else {
        0.0
    }
}

/// Splits `text` into at most two lines that fit `width`: the first breaks after the last
/// whole word that fits, the second is fitted with an ellipsis. A word never breaks in its
/// middle ("Karthi" / "k Sub…" reads as two names): a first word too long for the line is cut
/// with an ellipsis and the rest goes on the second line; one long word is one cut line.
pub fn wrap_two(text: &str, width: f32, size: f32, bold: bool) -> Vec<String> {
    let room = room_em(width, size);
    if crate::text::width_em(text, bold) <= room || room <= 0.0 {
        return vec![fit(text, width, size, bold)];
    }
    // The longest head of whole clusters that fits, and the last space in it.
    let mut used = 0.0;
    let mut last_space = None;
    for (at, cluster) in unicode_segmentation::UnicodeSegmentation::grapheme_indices(text, true) {
        used += crate::text::width_em(cluster, bold);
        if used > room {
            break;
        }
        if at > 0 && cluster.chars().all(char::is_whitespace) {
            last_space = Some(at);
        }
    }
    match last_space {
        Some(cut) => {
            let (first, rest) = text.split_at(cut);
            vec![
                first.trim_end().to_owned(),
                fit(rest.trim_start(), width, size, bold),
            ]
        }
        None => {
            let text = text.trim_start();
            match text.split_once(char::is_whitespace) {
                Some((word, rest)) if !rest.trim().is_empty() => vec![
                    fit(word, width, size, bold),
                    fit(rest.trim_start(), width, size, bold),
                ],
                _ => vec![fit(text, width, size, bold)],
            }
        }
    }
}

/// A column heading's name for `width` pixels: whole when it fits on one line, otherwise
/// without the "Dr." in front (every column of the view is a doctor's) so the name itself
/// gets both lines.
pub fn header_name(title: &str, width: f32, size: f32) -> String {
    if crate::text::width_em(title, true) <= room_em(width, size) {
        return title.to_owned();
    }
    ["Dr. ", "Dr ", "Dr.\u{a0}"]
        .iter()
        .find_map(|p| title.strip_prefix(p))
        .unwrap_or(title)
        .trim_start()
        .to_owned()
}

/// The lines a block `width` × `height` pixels shows, fitted to its width (10 pixels of
/// padding taken off). The delay after an emergency is on every late block: at the front of
/// a one-line block, on the second line of a taller one.
pub fn block_lines(entry: &AgendaEntry, late: Option<i64>, width: f32, height: f32) -> Vec<Line> {
    let a = &entry.appointment;
    let room = width - 10.0;
    let name = format!(
        "{}{}",
        kind_prefix(entry),
        crate::text::isolate(&entry.patient_name)
    );
    let mut details: Vec<String> = Vec::new();
    if let Some(late) = late {
        details.push(late_mark(late));
    }
    if entry.overbook_reason.is_some() {
        details.push(crate::t!("calendar-overbooked-mark"));
    }
    if let Some(visit) = &entry.visit_type_name {
        details.push(visit.clone());
    }
    let line = |text: String, size: f32, bold: bool, tone: Tone| Line {
        text: fit(&text, room, size, bold),
        size,
        bold,
        tone,
    };
    if height < 34.0 {
        // One line: the delay first (it must show), then the name and the status.
        let mut one = String::new();
        if let Some(late) = late {
            one.push_str(&format!("+{late}′ · "));
        }
        one.push_str(&format!("{name} · {}", theme::status_marker(a.status)));
        return vec![line(one, 11.5, true, Tone::Main)];
    }
    let fits = |lines: usize| (lines as f32) * line_height(12.0) <= height - 2.0;
    let mut out = Vec::new();
    let names = if fits(4) {
        wrap_two(&name, room, 12.5, true)
    } else {
        vec![fit(&name, room, 12.5, true)]
    };
    for n in names {
        out.push(Line {
            text: n,
            size: 12.5,
            bold: true,
            tone: Tone::Main,
        });
    }
    out.push(line(details.join(" · "), 11.0, false, Tone::Faded));
    out.push(line(
        theme::status_marker(a.status),
        11.0,
        true,
        Tone::Status,
    ));
    // Only the lines that fit the block's height (from 1 pixel below its top).
    let mut y = 1.0;
    out.retain(|l| {
        let fits = y + l.size <= height + 2.0;
        y += line_height(l.size);
        fits
    });
    out
}

/// Everything about an appointment, a line each, for the hover popover.
pub fn popover_lines(entry: &AgendaEntry, late: Option<i64>, zone: Tz) -> Vec<String> {
    let a = &entry.appointment;
    let start = a.interval.start.with_timezone(&zone);
    let end = a.interval.end.with_timezone(&zone);
    let mut out = vec![
        format!(
            "{}{}",
            kind_prefix(entry),
            crate::text::isolate(&entry.patient_name)
        ),
        crate::t!("calendar-with-doctor", doctor = &entry.doctor_name),
        format!(
            "{}–{}, {}",
            crate::i18n::dates::weekday_day_month_time(start.naive_local()),
            end.format("%H:%M"),
            entry
                .room_name
                .clone()
                .unwrap_or_else(|| crate::t!("calendar-no-room"))
        ),
        entry
            .visit_type_name
            .clone()
            .unwrap_or_else(|| crate::t!("calendar-no-visit-type")),
        theme::status_marker(a.status),
    ];
    if let Some(late) = late {
        out.push(crate::t!("calendar-running-late", minutes = late));
    }
    if entry.overbook_reason.is_some() {
        out.push(crate::t!("calendar-overbooked"));
    }
    if !a.notes.trim().is_empty() {
        out.push(crate::t!("calendar-has-note"));
    }
    if a.status == Status::Cancelled {
        out.push(crate::t!("calendar-cancelled-free"));
    }
    out
}

/// An appointment in words for the status line: "Asha Rao with Dr Mehta, Tue 24 Nov
/// 14:30–14:45, Room 3".
pub fn in_words(entry: &AgendaEntry, zone: Tz) -> String {
    let a = &entry.appointment;
    let start = a.interval.start.with_timezone(&zone);
    let end = a.interval.end.with_timezone(&zone);
    let mut out = crate::t!(
        "calendar-in-words",
        patient = crate::text::isolate(&entry.patient_name),
        doctor = &entry.doctor_name,
        start = crate::i18n::dates::weekday_day_month_time(start.naive_local()),
        end = end.format("%H:%M").to_string()
    );
    if let Some(room) = &entry.room_name {
        out.push_str(", ");
        out.push_str(room);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scheduling::*;
    use chrono::{DateTime, Utc};

    fn entry(name: &str, minutes: i64) -> AgendaEntry {
        let start: DateTime<Utc> = DateTime::from_timestamp(1_795_500_000, 0).expect("instant");
        let id = |n| uuid::Uuid::from_u128(n);
        AgendaEntry {
            appointment: Appointment {
                id: AppointmentId(id(1)),
                clinic: ClinicId(id(2)),
                patient: PatientId(id(3)),
                doctor: DoctorId(id(4)),
                room: None,
                visit_type: None,
                interval: Interval::new(start, start + chrono::Duration::minutes(minutes)),
                mode: Mode::InClinic,
                kind: Kind::Scheduled,
                priority: 0,
                status: Status::Scheduled,
                reason: String::new(),
                notes: "call before".into(),
                meeting_link: String::new(),
                queue_token: String::new(),
                arrived_at: None,
                consultation_started_at: None,
                completed_at: None,
                cancellation: None,
                created_by: "maria".into(),
                updated_by: "maria".into(),
                sequence: 0,
            },
            patient_name: name.into(),
            patient_phone: String::new(),
            doctor_name: "Dr Mehta".into(),
            room_name: Some("Room 3".into()),
            visit_type_name: Some("Consultation".into()),
            overbook_reason: None,
        }
    }

    #[test]
    fn every_late_block_says_it_is_late_whatever_its_size() {
        for minutes in [5, 10, 15, 20, 30, 60, 120] {
            for per_minute in [1.0f32, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0] {
                for width in [56.0f32, 72.0, 96.0, 150.0, 300.0] {
                    let height = (minutes as f32 * per_minute - 2.0).max(3.0);
                    if height < 12.0 {
                        continue; // no text fits; the amber band marks it
                    }
                    let lines = block_lines(&entry("Asha Rao", minutes), Some(30), width, height);
                    assert!(
                        lines.iter().any(|l| l.text.contains("+30")),
                        "{minutes} min at {per_minute} px/min, {width} px: {lines:?}"
                    );
                    let on_time = block_lines(&entry("Asha Rao", minutes), None, width, height);
                    assert!(on_time.iter().all(|l| !l.text.contains("late")));
                }
            }
        }
    }

    #[test]
    fn a_heading_too_narrow_gives_its_two_lines_to_the_name() {
        assert_eq!(header_name("Dr. Aisha Khan", 300.0, 13.5), "Dr. Aisha Khan");
        assert_eq!(header_name("Dr. Aisha Khan", 84.0, 13.5), "Aisha Khan");
        assert_eq!(
            wrap_two(&header_name("Dr. Aisha Khan", 84.0, 13.5), 84.0, 13.5, true),
            vec!["Aisha".to_owned(), "Khan".to_owned()]
        );
        assert_eq!(header_name("Room 3", 10.0, 13.5), "Room 3");
        // A first name too long for the line is cut, never broken in two.
        let narrow = wrap_two("Karthik Subramanian", 50.0, 13.5, true);
        assert_eq!(narrow.len(), 2, "{narrow:?}");
        assert!(
            narrow[0].starts_with("Kar") && narrow[0].ends_with('…'),
            "{narrow:?}"
        );
        assert!(narrow[1].starts_with("Sub"), "{narrow:?}");
        assert_eq!(
            wrap_two("Venkataraman", 50.0, 13.5, true).len(),
            1,
            "one long word is one line"
        );
        assert_eq!(header_name("Dr. ", 1.0, 13.5), "");
    }

    #[test]
    fn a_long_name_wraps_on_a_tall_block_and_every_line_fits() {
        let long = "Rani Venkataraman O'Brien-Subramaniam";
        let lines = block_lines(&entry(long, 60), None, 150.0, 118.0);
        assert_eq!(lines[0].tone, Tone::Main);
        assert_eq!(lines[1].tone, Tone::Main, "{lines:?}");
        assert!(!lines[0].text.ends_with('…'), "{lines:?}");
        for l in &lines {
            assert!(
                crate::text::width_em(&l.text, l.bold) <= 140.0 / l.size,
                "{l:?}"
            );
        }
        // Every script, combining marks, emoji and hostile sizes: no panic, nothing too wide.
        for name in [
            "अनन्या शर्मा",
            "முத்து",
            "محمد علي",
            "王小明",
            "👩‍⚕️ 😀",
            "e\u{301}\u{301}",
            "",
        ] {
            for (w, h) in [
                (0.0, 0.0),
                (-5.0, 1e9),
                (f32::NAN, 40.0),
                (36.0, 200.0),
                (1e9, 1e9),
            ] {
                let lines = block_lines(&entry(name, 30), Some(i64::MAX), w, h);
                assert!(lines.len() <= 4);
            }
        }
    }

    #[test]
    fn the_popover_says_everything_and_the_status_line_names_in_words() {
        let e = entry("Asha Rao", 15);
        let lines = popover_lines(&e, Some(12), chrono_tz::Asia::Kolkata);
        let all = lines.join("\n");
        for part in [
            "Asha Rao",
            "Dr Mehta",
            "Room 3",
            "Consultation",
            "○",
            "12 min late",
            "note",
        ] {
            assert!(
                all.to_lowercase().contains(&part.to_lowercase()),
                "{part}: {all}"
            );
        }
        let words = in_words(&e, chrono_tz::Asia::Kolkata);
        assert!(words.starts_with("Asha Rao with Dr Mehta, "), "{words}");
        assert!(!words.ends_with('–') && words.contains("Room 3"), "{words}");
        assert!(!words.contains(&e.appointment.id.0.to_string()));
    }

    #[test]
    fn names_in_any_script_are_cut_between_clusters_and_right_to_left_ones_isolated() {
        // A narrow block: Devanagari cut between clusters, CJK counted wide.
        for name in [
            "अनिल मेनन",
            "முருகன் செல்வம்",
            "王秀英 王秀英 王秀英",
            "সৌমিত্র চট্টোপাধ্যায়",
        ] {
            let lines = block_lines(&entry(name, 10), None, 60.0, 20.0);
            let first = &lines[0].text;
            let kept = first.trim_end_matches('…');
            assert!(name.starts_with(kept), "{first} of {name}");
            let next = name[kept.len()..].chars().next();
            assert!(
                next.is_none_or(|c| !unicode_normalization::char::is_combining_mark(c)),
                "{first} leaves a mark of {name} behind"
            );
            assert!(crate::text::width_em(first, true) <= 50.0 / lines[0].size);
        }
        // A walk-in with an Arabic name: the line stays left to right, the name isolated.
        let mut walk_in = entry("محمد عمران", 30);
        walk_in.appointment.kind = Kind::WalkIn;
        walk_in.appointment.queue_token = "W-3".into();
        let lines = block_lines(&walk_in, None, 400.0, 60.0);
        assert_eq!(lines[0].text, "WALK-IN W-3 · \u{2068}محمد عمران\u{2069}");
        let info = unicode_bidi::BidiInfo::new(&lines[0].text, None);
        assert!(info.paragraphs[0].level.is_ltr());
        assert!(
            in_words(&walk_in, chrono_tz::Asia::Kolkata)
                .starts_with("\u{2068}محمد عمران\u{2069} with ")
        );
    }
}
