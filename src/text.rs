//! A name in a line of text, whatever its script: set apart for the bidirectional algorithm
//! ([`isolate`]), so that an Arabic or Hebrew name inside an English line neither turns the
//! line right to left nor pulls the digits and words beside it into its own order; and cut
//! with an ellipsis only between user-perceived characters (grapheme clusters: a Devanagari
//! consonant with its vowel sign, a Tamil conjunct, a letter with its accents), never inside
//! one ([`truncate`]). Widths are counted in columns: one for most characters, two for the wide
//! ones of Chinese, Japanese and Korean, none for marks and controls ([`columns`]).

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// FIRST STRONG ISOLATE: what follows, up to [`POP_ISOLATE`], takes its direction from its own
/// first letter, and counts as one neutral character for the text around it.
pub const FIRST_STRONG_ISOLATE: char = '\u{2068}';
/// POP DIRECTIONAL ISOLATE: ends an isolate.
pub const POP_ISOLATE: char = '\u{2069}';

/// Whether `c` is written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko, …).
pub fn is_right_to_left(c: char) -> bool {
    use unicode_bidi::BidiClass::{AL, R};
    matches!(unicode_bidi::bidi_class(c), R | AL)
}

/// Whether any letter of `text` is written right to left.
pub fn has_right_to_left(text: &str) -> bool {
    text.chars().any(is_right_to_left)
}

/// `text` set apart for the bidirectional algorithm when it holds right-to-left letters
/// (wrapped in [`FIRST_STRONG_ISOLATE`] … [`POP_ISOLATE`]); as it is otherwise, so a Latin or
/// Indic name gains no invisible characters. Use it for a name or other typed text placed in
/// a line with other words.
pub fn isolate(text: &str) -> Cow<'_, str> {
    if has_right_to_left(text) {
        Cow::Owned(format!("{FIRST_STRONG_ISOLATE}{text}{POP_ISOLATE}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// How many columns `text` takes: each grapheme cluster its width (two for a wide CJK
/// character, at least one for any other cluster that shows something, none for controls).
pub fn columns(text: &str) -> usize {
    text.graphemes(true).map(cluster_columns).sum()
}

fn cluster_columns(cluster: &str) -> usize {
    if cluster.chars().all(|c| c.is_control() || is_format(c)) {
        return 0;
    }
    UnicodeWidthStr::width(cluster).clamp(1, 2)
}

/// Format characters (bidi marks and isolates, joiners): they take no room.
fn is_format(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}')
}

/// `text` cut to at most `room` columns, ending in "…" when cut (the ellipsis takes one
/// column); only between grapheme clusters. An isolate left open by the cut is closed.
pub fn truncate(text: &str, room: usize) -> Cow<'_, str> {
    cut(text, room as f32, 1.0, |cluster| {
        cluster_columns(cluster) as f32
    })
}

/// Em per column of Latin, Greek and Cyrillic text in DejaVu Sans (the window's font), bold or
/// regular: generous, so that an estimate never falls short.
fn latin_em(bold: bool) -> f32 {
    if bold { 0.64 } else { 0.58 }
}

/// How wide `text` shows, in em, estimated without shaping: Latin, Greek and Cyrillic by
/// columns of DejaVu Sans; every other script by the advances of the font Frontdesk ships for
/// it ([`crate::fonts`]), marks that sit on a letter taking none.
pub fn width_em(text: &str, bold: bool) -> f32 {
    text.graphemes(true).map(|c| cluster_em(c, bold)).sum()
}

/// `text` cut to fit `room` em (see [`width_em`]), ending in "…" when cut; only between
/// grapheme clusters, an isolate left open by the cut closed.
pub fn truncate_em(text: &str, room: f32, bold: bool) -> Cow<'_, str> {
    cut(text, room, latin_em(bold), |cluster| {
        cluster_em(cluster, bold)
    })
}

fn cluster_em(cluster: &str, bold: bool) -> f32 {
    let columns = cluster_columns(cluster);
    if columns == 0 {
        return 0.0;
    }
    measured_em(cluster, bold).unwrap_or(columns as f32 * latin_em(bold))
}

/// The advances of a cluster of a script Frontdesk ships a font for, in em; `None` for the
/// scripts of the system font.
fn measured_em(cluster: &str, bold: bool) -> Option<f32> {
    let faces = crate::fonts::parsed();
    let mut em = 0.0;
    for c in cluster.chars() {
        // A mark that sits on its letter takes no room; a spacing vowel sign (Tamil's ெ, the
        // Devanagari ि) takes its own.
        let sits_on = unicode_width::UnicodeWidthChar::width(c) == Some(0);
        if sits_on && em > 0.0 || is_format(c) {
            continue;
        }
        if crate::fonts::in_dejavu(c) {
            return None;
        }
        let face = faces
            .iter()
            .filter(|(f, _)| f.bold == bold)
            .chain(faces.iter())
            .map(|(_, face)| face)
            .find(|face| face.glyph_index(c).is_some())?;
        let glyph = face.glyph_index(c)?;
        let advance = f32::from(face.glyph_hor_advance(glyph)?);
        em += advance / f32::from(face.units_per_em().max(1));
    }
    // Shaping joins some letters into wider forms than their parts: a tenth more.
    Some(em * 1.1)
}

/// `text` cut to `room` by the widths `measure` gives its clusters, the ellipsis taking
/// `ellipsis`.
fn cut(text: &str, room: f32, ellipsis: f32, measure: impl Fn(&str) -> f32) -> Cow<'_, str> {
    let clusters: Vec<(&str, f32)> = text.graphemes(true).map(|c| (c, measure(c))).collect();
    if clusters.iter().map(|(_, w)| w).sum::<f32>() <= room {
        return Cow::Borrowed(text);
    }
    let mut out = String::new();
    let mut used = 0.0;
    let mut open = 0usize;
    for (cluster, width) in clusters {
        if used + width + ellipsis > room {
            break;
        }
        used += width;
        for c in cluster.chars() {
            match c {
                FIRST_STRONG_ISOLATE | '\u{2066}' | '\u{2067}' => open += 1,
                POP_ISOLATE => open = open.saturating_sub(1),
                _ => {}
            }
        }
        out.push_str(cluster);
    }
    let out_trimmed = out.trim_end().len();
    out.truncate(out_trimmed);
    out.push('…');
    out.extend(std::iter::repeat_n(POP_ISOLATE, open));
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_right_to_left_names_are_isolated() {
        assert_eq!(isolate("Zoë Mishra"), "Zoë Mishra");
        assert_eq!(isolate("अनिल मेनन"), "अनिल मेनन");
        assert_eq!(isolate("王秀英"), "王秀英");
        assert_eq!(isolate("محمد عمران"), "\u{2068}محمد عمران\u{2069}");
        assert_eq!(isolate("דוד כהן"), "\u{2068}דוד כהן\u{2069}");
        // A line with an isolated Arabic name stays left to right: its first strong
        // letter outside the isolate is Latin.
        let line = format!("09:40 {} · Dr. Arjun Iyer", isolate("محمد عمران"));
        let info = unicode_bidi::BidiInfo::new(&line, None);
        assert!(info.paragraphs[0].level.is_ltr());
        let bare = "09:40 محمد عمران · Dr. Arjun Iyer";
        let info = unicode_bidi::BidiInfo::new(bare, None);
        assert!(
            info.paragraphs[0].level.is_rtl(),
            "the defect isolation fixes"
        );
    }

    #[test]
    fn a_cut_never_splits_a_cluster_and_counts_wide_characters_twice() {
        assert_eq!(columns("Zoë"), 3);
        assert_eq!(columns("Zoe\u{308}"), 3, "a decomposed ë is one column");
        assert_eq!(columns("王秀英"), 6);
        assert_eq!(columns("नि"), 2, "one cluster, as wide as its two glyphs");
        assert_eq!(
            columns("मे"),
            1,
            "a vowel sign above takes no room of its own"
        );
        assert_eq!(columns("\u{2068}ab\u{2069}"), 2);
        // Devanagari: cut anywhere, each consonant keeps its vowel sign or virama.
        for room in 0..12 {
            let cut = truncate("अनिल मेनन क्षमा", room);
            assert!(columns(&cut) <= room.max(1), "{cut} in {room}");
            let kept = cut.trim_end_matches('…');
            assert!("अनिल मेनन क्षमा".starts_with(kept), "{cut}");
            let next = "अनिल मेनन क्षमा"[kept.len()..].chars().next();
            assert!(
                next.is_none_or(
                    |c| !unicode_normalization::char::is_combining_mark(c) && c != '\u{94d}'
                ),
                "{cut} leaves a mark or virama behind"
            );
        }
        assert_eq!(truncate("अनिल मेनन", 4), "अनि…");
        assert_eq!(
            truncate("அனில்", 3),
            "அ…",
            "Tamil's ni is one cluster of two columns"
        );
        assert_eq!(truncate("王秀英", 5), "王秀…");
        assert_eq!(truncate("王秀英", 6), "王秀英");
        assert_eq!(truncate("Zoe\u{308} Mishra", 4), "Zoe\u{308}…");
    }

    #[test]
    fn a_cut_isolate_is_closed() {
        let name = isolate("محمد عمران");
        let cut = truncate(&name, 5);
        assert!(cut.starts_with(FIRST_STRONG_ISOLATE), "{cut:?}");
        assert!(cut.ends_with(POP_ISOLATE), "{cut:?}");
        assert_eq!(cut.matches(POP_ISOLATE).count(), 1);
    }
}
