//! Keeps the architecture honest: the scheduling core stays pure (no GUI, no database, no files,
//! no network, no processes, no clock), and only the command line uses `anyhow`.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

/// Lines of code without comments, so documentation may name what the code must not use.
fn code_lines(path: &Path) -> Vec<(usize, String)> {
    std::fs::read_to_string(path)
        .expect("read")
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.split("//").next().unwrap_or("").to_owned()))
        .collect()
}

fn offences(dir: &str, forbidden: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut found = Vec::new();
    for file in rust_files(&root) {
        for (n, line) in code_lines(&file) {
            for word in forbidden {
                if line.contains(word) {
                    found.push(format!("{}:{n}: uses `{word}`", file.display()));
                }
            }
        }
    }
    found
}

#[test]
fn the_scheduling_core_is_pure() {
    let forbidden = [
        "iced",
        "rusqlite",
        "std::fs",
        "std::net",
        "std::process",
        "std::env",
        "std::io",
        "std::thread",
        "tokio",
        "Utc::now",
        "Local::now",
        "SystemTime",
        "Instant::now",
        "now_v7",
        "new_v4",
        "crate::store",
        "crate::demo",
        "println!",
        "eprintln!",
    ];
    let found = offences("src/scheduling", &forbidden);
    assert!(
        found.is_empty(),
        "the scheduling core must stay pure:\n{}",
        found.join("\n")
    );
    assert!(rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/scheduling")).len() >= 7);
}

#[test]
fn the_library_uses_typed_errors_and_does_not_print() {
    let mut found = Vec::new();
    for dir in ["src/scheduling", "src/store", "src/demo"] {
        found.extend(offences(
            dir,
            &["anyhow", "println!", "eprintln!", "Utc::now"],
        ));
    }
    assert!(
        found.is_empty(),
        "anyhow, printing and the clock belong to the binary edge:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_command_line_prints_only_through_its_console() {
    // std's print macros panic, and a raw stdout fails, when stdout is a pipe whose reader has
    // gone (`frontdesk book … | head -1`): after a commit, that would deny a done change.
    // `cli/console.rs` defines the command line's print macros and its stdout writer.
    let found: Vec<String> = offences(
        "src/cli",
        &[
            "io::stdout()",
            "std::println!",
            "std::print!",
            "std::eprintln!",
        ],
    )
    .into_iter()
    .filter(|o| !o.contains("src/cli/console.rs"))
    .collect();
    assert!(
        found.is_empty(),
        "print through cli/console.rs:\n{}",
        found.join("\n")
    );
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/cli/mod.rs");
    let first_module = code_lines(&root)
        .into_iter()
        .map(|(_, l)| l.trim().to_owned())
        .find(|l| l.starts_with("mod ") || l.starts_with("pub mod "));
    assert_eq!(
        first_module.as_deref(),
        Some("mod console;"),
        "the console's macros must be defined before every other module of the command line"
    );
}

#[test]
fn the_check_can_see_a_forbidden_use() {
    // The scan itself must work: the command line does read the clock.
    assert!(!offences("src/cli", &["Utc::now"]).is_empty());
}
