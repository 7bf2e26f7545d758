//! The message files against the code: every message the code asks for is in English and in
//! Hindi, every message a file has is one the code still asks for, both languages use the same
//! variables, a Hindi message is not English left untranslated, and each file parses cleanly.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use frontdesk::i18n::FILES;

/// Words a Hindi message keeps in Latin letters, as they are printed on keys and programs.
const LATIN_EVERYWHERE: &[&str] = &[
    "Page",
    "Up",
    "Down",
    "Home",
    "End",
    "Ctrl",
    "Shift",
    "Tab",
    "Enter",
    "Escape",
    "Alt",
    "plus",
    "minus",
    "Frontdesk",
    "PDF",
    "CSV",
    "FHIR",
    "iCalendar",
    "PIN",
    "SMTP",
    "SMS",
    "OK",
];

/// A message's id, the variables it uses and its text without them.
struct Message {
    variables: BTreeSet<String>,
    text: String,
}

fn collect_pattern(pattern: &Pattern<&str>, message: &mut Message) {
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => message.text.push_str(value),
            PatternElement::Placeable { expression } => collect_expression(expression, message),
        }
    }
}

fn collect_expression(expression: &Expression<&str>, message: &mut Message) {
    match expression {
        Expression::Inline(inline) => collect_inline(inline, message),
        Expression::Select { selector, variants } => {
            collect_inline(selector, message);
            for variant in variants {
                collect_pattern(&variant.value, message);
            }
        }
    }
}

fn collect_inline(inline: &InlineExpression<&str>, message: &mut Message) {
    match inline {
        InlineExpression::VariableReference { id } => {
            message.variables.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => collect_expression(expression, message),
        InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                collect_inline(argument, message);
            }
        }
        InlineExpression::StringLiteral { value } => message.text.push_str(value),
        InlineExpression::NumberLiteral { .. }
        | InlineExpression::MessageReference { .. }
        | InlineExpression::TermReference { .. } => {}
    }
}

/// The messages of one file, failing on a parse error, a duplicate or a message without text.
fn messages(file: &str, language: &str, source: &str) -> BTreeMap<String, Message> {
    let resource = fluent_syntax::parser::parse(source)
        .unwrap_or_else(|(_, errors)| panic!("i18n/{language}/{file} does not parse: {errors:?}"));
    let mut messages = BTreeMap::new();
    for entry in &resource.body {
        match entry {
            Entry::Message(m) => {
                let id = m.id.name.to_owned();
                let pattern = m
                    .value
                    .as_ref()
                    .unwrap_or_else(|| panic!("i18n/{language}/{file}: {id} has no text"));
                let mut message = Message {
                    variables: BTreeSet::new(),
                    text: String::new(),
                };
                collect_pattern(pattern, &mut message);
                assert!(
                    messages.insert(id.clone(), message).is_none(),
                    "i18n/{language}/{file}: {id} is there twice"
                );
            }
            Entry::Term(t) => panic!("i18n/{language}/{file}: term -{} (use messages)", t.id.name),
            Entry::Junk { content } => {
                panic!("i18n/{language}/{file} has text that is not a message: {content:?}")
            }
            Entry::Comment(_) | Entry::GroupComment(_) | Entry::ResourceComment(_) => {}
        }
    }
    messages
}

/// Every message id the code asks for: the first string literal of every `t!(…)` and
/// `t_in!(…)` in `src/`, comments left out.
fn ids_in_code() -> BTreeMap<String, String> {
    let mut ids = BTreeMap::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            for entry in std::fs::read_dir(&path).expect("read src") {
                stack.push(entry.expect("entry").path());
            }
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let source = std::fs::read_to_string(&path).expect("read a source file");
        let code: String = source
            .lines()
            .filter(|line| !line.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for (at, _) in code
            .match_indices("t!(")
            .chain(code.match_indices("t_in!("))
        {
            // `t!(` inside another word (`print!(`, `assert!(`) is not the macro.
            let before = code[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let rest = &code[at..];
            let open = rest.find('"').expect("a t! call names its message");
            let close = rest[open + 1..].find('"').expect("the id's closing quote");
            let id = &rest[open + 1..open + 1 + close];
            ids.entry(id.to_owned())
                .or_insert_with(|| path.display().to_string());
        }
    }
    ids
}

#[test]
fn every_message_the_code_uses_is_in_both_languages_and_no_file_has_one_it_does_not() {
    let used = ids_in_code();
    assert!(
        used.len() > 50,
        "the code asks for {} messages: the scan is broken",
        used.len()
    );
    let mut english_all = BTreeSet::new();
    let mut hindi_all = BTreeSet::new();
    for &(file, english, hindi) in FILES {
        let area = file.trim_end_matches(".ftl");
        let english = messages(file, "en", english);
        let hindi = messages(file, "hi", hindi);
        for id in english.keys() {
            assert!(
                id.starts_with(&format!("{area}-")),
                "i18n/en/{file}: {id} does not start with {area}-"
            );
            assert!(
                english_all.insert(id.clone()),
                "{id} is in two English files"
            );
        }
        for id in hindi.keys() {
            assert!(hindi_all.insert(id.clone()), "{id} is in two Hindi files");
        }
        for (id, message) in &english {
            let translated = hindi
                .get(id)
                .unwrap_or_else(|| panic!("i18n/hi/{file} lacks {id}"));
            assert_eq!(
                message.variables, translated.variables,
                "{id}: the Hindi message uses other variables than the English one"
            );
            // English words left in the Hindi file: any English message of two words or more
            // (key names and names of formats and programs aside, which stay as printed) must
            // come out with some Devanagari.
            let words = message
                .text
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| w.len() >= 2 && !LATIN_EVERYWHERE.contains(w))
                .count();
            if words >= 2 {
                assert!(
                    translated
                        .text
                        .chars()
                        .any(|c| ('\u{0900}'..='\u{097F}').contains(&c)),
                    "{id}: the Hindi message reads {:?}, not Hindi",
                    translated.text
                );
            }
        }
        for id in hindi.keys() {
            assert!(
                english.contains_key(id),
                "i18n/hi/{file} has {id}, which English does not"
            );
        }
    }
    for (id, file) in &used {
        assert!(
            english_all.contains(id),
            "{file} asks for {id}, which i18n/en/ does not have"
        );
        assert!(
            hindi_all.contains(id),
            "{file} asks for {id}, which i18n/hi/ does not have"
        );
    }
    for id in &english_all {
        assert!(
            used.contains_key(id),
            "the message files have {id}, which no code asks for any more"
        );
    }
}

#[test]
fn every_message_file_on_disk_is_built_into_the_program() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("i18n");
    for language in ["en", "hi"] {
        let mut on_disk: Vec<String> = std::fs::read_dir(root.join(language))
            .expect("the language's folder")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        on_disk.sort();
        let mut built: Vec<String> = FILES.iter().map(|(f, _, _)| (*f).to_owned()).collect();
        built.sort();
        assert_eq!(on_disk, built, "i18n/{language}/ against i18n::FILES");
    }
}
