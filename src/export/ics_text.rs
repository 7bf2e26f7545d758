//! iCalendar content lines (RFC 5545 §3.1): TEXT escaping, parameter values (quoted when they
//! must be, with RFC 6868 caret encoding), and folding at 75 octets without ever splitting a
//! UTF-8 character; and unfolding for readers.

use std::borrow::Cow;
use std::io::{self, Write};

/// The longest physical line, in octets, not counting CRLF.
pub const LINE_OCTETS: usize = 75;

/// Escapes a TEXT value: `\` `;` `,` and line breaks; other control characters (never allowed
/// in TEXT) are dropped.
pub fn escape_text(text: &str) -> Cow<'_, str> {
    if !text
        .chars()
        .any(|c| matches!(c, '\\' | ';' | ',') || (c.is_control() && c != '\t'))
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A parameter value as written: RFC 6868 caret encoding for `^`, `"` and line breaks, in
/// double quotes when it holds `:` `;` or `,`. Other control characters are dropped.
pub fn param_value(value: &str) -> Cow<'_, str> {
    let needs_encoding = value
        .chars()
        .any(|c| matches!(c, '^' | '"') || c.is_control());
    let needs_quotes = value.contains([':', ';', ',']);
    if !needs_encoding && !needs_quotes {
        return Cow::Borrowed(value);
    }
    let mut out = String::with_capacity(value.len() + 4);
    if needs_quotes {
        out.push('"');
    }
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '^' => out.push_str("^^"),
            '"' => out.push_str("^'"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("^n");
            }
            '\n' => out.push_str("^n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    if needs_quotes {
        out.push('"');
    }
    Cow::Owned(out)
}

/// Writes one logical line folded into physical lines of at most 75 octets, each ended by
/// CRLF; a continuation line starts with one space. A fold never falls inside a character.
pub fn fold_line(line: &str, out: &mut dyn Write) -> io::Result<()> {
    let mut rest = line;
    let mut limit = LINE_OCTETS;
    loop {
        if rest.len() <= limit {
            out.write_all(rest.as_bytes())?;
            return out.write_all(b"\r\n");
        }
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.write_all(&rest.as_bytes()[..cut])?;
        out.write_all(b"\r\n ")?;
        rest = &rest[cut..];
        // The leading space counts towards the 75 octets of a continuation line.
        limit = LINE_OCTETS - 1;
    }
}

/// Builds content lines and writes them folded.
pub struct Lines<'a> {
    out: &'a mut dyn Write,
    line: String,
}

impl<'a> Lines<'a> {
    /// Lines written to `out`.
    pub fn new(out: &'a mut dyn Write) -> Self {
        Self {
            out,
            line: String::with_capacity(256),
        }
    }

    /// Where the lines go, for writing what is already formatted.
    pub fn out(&mut self) -> &mut dyn Write {
        &mut *self.out
    }

    /// `BEGIN:` a component.
    pub fn begin(&mut self, component: &str) -> io::Result<()> {
        self.raw("BEGIN", &[], component)
    }

    /// `END:` a component.
    pub fn end(&mut self, component: &str) -> io::Result<()> {
        self.raw("END", &[], component)
    }

    /// A property whose value is already in its wire form (dates, numbers, URIs, codes).
    /// Parameter values are encoded here.
    pub fn raw(&mut self, name: &str, params: &[(&str, &str)], value: &str) -> io::Result<()> {
        self.line.clear();
        self.line.push_str(name);
        for (key, val) in params {
            self.line.push(';');
            self.line.push_str(key);
            self.line.push('=');
            self.line.push_str(&param_value(val));
        }
        self.line.push(':');
        // Wire-form values never hold line breaks; drop any control character defensively.
        if value.chars().any(char::is_control) {
            self.line.extend(value.chars().filter(|c| !c.is_control()));
        } else {
            self.line.push_str(value);
        }
        fold_line(&self.line, self.out)
    }

    /// A TEXT property, escaped.
    pub fn text(&mut self, name: &str, params: &[(&str, &str)], text: &str) -> io::Result<()> {
        let escaped = escape_text(text);
        self.raw(name, params, &escaped)
    }
}

/// Joins folded lines back into logical lines (a line break followed by a space or tab
/// continues the line; CRLF, LF and a lone CR all end a line), with the 1-based physical line
/// number each logical line starts on.
pub fn unfold(text: &str) -> Vec<(usize, String)> {
    let mut lines: Vec<(usize, String)> = Vec::new();
    let mut rest = text;
    let mut number = 0;
    while !rest.is_empty() {
        number += 1;
        let end = rest.find(['\r', '\n']).unwrap_or(rest.len());
        let physical = &rest[..end];
        let after = &rest[end..];
        rest = after
            .strip_prefix("\r\n")
            .or_else(|| after.strip_prefix(['\r', '\n']))
            .unwrap_or(after);
        match physical.as_bytes().first() {
            Some(b' ' | b'\t') if !lines.is_empty() => {
                if let Some((_, last)) = lines.last_mut() {
                    last.push_str(&physical[1..]);
                }
            }
            _ if physical.is_empty() => {}
            _ => lines.push((number, physical.to_owned())),
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(line: &str) -> String {
        let mut out = Vec::new();
        fold_line(line, &mut out).expect("write");
        String::from_utf8(out).expect("folding keeps UTF-8 whole")
    }

    #[test]
    fn short_lines_are_not_folded() {
        assert_eq!(folded("SUMMARY:Hi"), "SUMMARY:Hi\r\n");
        let exactly = format!("X:{}", "a".repeat(73));
        assert_eq!(folded(&exactly), format!("{exactly}\r\n"));
    }

    #[test]
    fn long_lines_fold_at_75_octets_and_unfold_back() {
        for text in [
            "a".repeat(300),
            "é".repeat(200),
            "संपर्क करें ".repeat(30),
            "😀x".repeat(90),
            format!("{}é{}", "a".repeat(74), "b".repeat(80)),
        ] {
            let line = format!("DESCRIPTION:{text}");
            let out = folded(&line);
            for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
                assert!(
                    physical.len() <= LINE_OCTETS,
                    "{} octets: {physical:?}",
                    physical.len()
                );
            }
            let back = unfold(&out);
            assert_eq!(back.len(), 1);
            assert_eq!(back[0].1, line);
        }
    }

    #[test]
    fn a_character_is_never_split_at_the_fold() {
        // 'é' is two octets; put its first octet at position 75.
        let line = format!("{}é", "a".repeat(74));
        let out = folded(&line);
        assert_eq!(out, format!("{}\r\n é\r\n", "a".repeat(74)));
    }

    #[test]
    fn text_escapes_the_four_specials() {
        assert_eq!(escape_text("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
        assert_eq!(escape_text("plain"), "plain");
        assert_eq!(escape_text("bell\u{7}"), "bell");
    }

    #[test]
    fn parameter_values_are_quoted_and_caret_encoded() {
        assert_eq!(param_value("Asha Iyer"), "Asha Iyer");
        assert_eq!(param_value("Iyer, Asha"), "\"Iyer, Asha\"");
        assert_eq!(param_value("Say \"hi\""), "Say ^'hi^'");
        assert_eq!(param_value("a^b\nc"), "a^^b^nc");
        assert_eq!(param_value("x:y"), "\"x:y\"");
    }

    #[test]
    fn unfolding_accepts_lf_and_tab_continuations() {
        let text = "BEGIN:VEVENT\nSUMMARY:Long\n\t line\r\nEND:VEVENT\n\n";
        let lines = unfold(text);
        assert_eq!(
            lines,
            vec![
                (1, "BEGIN:VEVENT".into()),
                (2, "SUMMARY:Long line".into()),
                (4, "END:VEVENT".into())
            ]
        );
        let old_mac = "BEGIN:VEVENT\rSUMMARY:Mac\r  line\rEND:VEVENT";
        assert_eq!(
            unfold(old_mac),
            vec![
                (1, "BEGIN:VEVENT".into()),
                (2, "SUMMARY:Mac line".into()),
                (4, "END:VEVENT".into())
            ]
        );
    }

    mod properties {
        use super::super::*;
        use crate::import::ics_read::{parse_line, unescape_text};
        use proptest::prelude::*;

        /// Text in every script with iCalendar's special characters and line breaks.
        fn text() -> impl Strategy<Value = String> {
            "([a-z ]|[,;:\\\\\"^=]|\\n|\\r\\n|é|Ж|क्षि|த்|ع|検|😀|👩‍⚕️|e\u{301}){0,40}"
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

            /// TEXT escaping and unescaping give the text back (line breaks as LF).
            #[test]
            fn text_escapes_and_unescapes_to_itself(t in text()) {
                let want = t.replace("\r\n", "\n");
                prop_assert_eq!(unescape_text(&escape_text(&t)), want);
            }

            /// A parameter value written and read back is the value (line breaks as LF).
            #[test]
            fn parameter_values_round_trip(t in text()) {
                let line = format!("ATTENDEE;CN={}:urn:uuid:1", param_value(&t));
                let read = parse_line(&line).expect("a content line");
                let want = t.replace("\r\n", "\n");
                prop_assert_eq!(read.param("CN"), Some(want.as_str()));
                prop_assert_eq!(read.value.as_str(), "urn:uuid:1");
            }
        }
    }
}
