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
    offences_in(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), forbidden)
}

/// Every use of a forbidden word in the code (not the comments) of the Rust files under `root`.
fn offences_in(root: &Path, forbidden: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for file in rust_files(root) {
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

/// The paths ARCHITECTURE.md names in backticks that do not exist. A span is a path when it has
/// no spaces and either holds a `/` or ends in a file extension; `path::item` names the path's
/// item. Paths are from the repository's root; a bare file name (`paint.rs`) must be some file
/// of the repository. Home, temporary and placeholder paths (`~/…`, `/tmp/…`, `<db>-lock`) and
/// globs are not files of the repository and are left alone.
fn missing_paths(map: &str, root: &Path) -> Vec<String> {
    const EXTENSIONS: [&str; 12] = [
        ".rs", ".md", ".sh", ".toml", ".sql", ".svg", ".png", ".json", ".ics", ".csv", ".py", ".js",
    ];
    let mut names: std::collections::BTreeSet<String> = std::fs::read_dir(root)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
        .collect();
    for dir in [
        "src",
        "tests",
        "benches",
        "scripts",
        "packaging",
        "assets",
        "docs",
    ] {
        let mut stack = vec![root.join(dir)];
        while let Some(d) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&d) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if let Some(name) = path.file_name().and_then(|n| n.to_str()) {
                    names.insert(name.to_owned());
                }
            }
        }
    }
    let mut missing = Vec::new();
    for (i, span) in map.split('`').enumerate() {
        if i % 2 == 0 || span.chars().any(char::is_whitespace) {
            continue;
        }
        let path = span.split("::").next().unwrap_or(span);
        let looks_like_path = path.contains('/')
            || EXTENSIONS
                .iter()
                .any(|e| path.ends_with(e) && path.len() > e.len());
        let elsewhere = ["~", "/", "<", "../", "http"]
            .iter()
            .any(|p| path.starts_with(p))
            || path.contains(['*', '<', '{', '|']);
        if !looks_like_path || elsewhere {
            continue;
        }
        let found = if path.contains('/') {
            root.join(path.trim_end_matches('/')).exists()
        } else {
            names.contains(path)
        };
        if !found {
            missing.push(span.to_owned());
        }
    }
    missing.sort();
    missing.dedup();
    missing
}

#[test]
fn every_path_the_architecture_map_names_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let map = std::fs::read_to_string(root.join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let missing = missing_paths(&map, root);
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md names paths that do not exist (moved or renamed? keep the map true):\n{}",
        missing.join("\n")
    );
    // The map names enough to be a map: the core, the store, the window and the command line.
    for must in [
        "src/scheduling/",
        "src/store/",
        "src/gui/",
        "src/cli/",
        "tests/architecture.rs",
    ] {
        assert!(
            map.contains(&format!("`{must}")),
            "the map never names {must}"
        );
    }
}

#[test]
fn the_map_check_sees_a_path_that_is_gone() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = "`src/gui/app.rs` and `src/gui/no_such_file.rs::Thing`, `gone_too.rs`, \
                `src/store/`, `<db>-lock`, `~/.local/state/frontdesk`, `frontdesk book …`";
    assert_eq!(
        missing_paths(text, root),
        vec![
            "gone_too.rs".to_owned(),
            "src/gui/no_such_file.rs::Thing".to_owned()
        ]
    );
}

#[test]
fn the_window_draws_with_the_patched_cpu_renderer() {
    // vendor/iced_tiny_skia/PATCHES.md: without the patch, every space is rasterised again on
    // every frame and the whole clip mask is cleared before each piece of canvas text. A
    // `cargo update` or a dropped `[patch]` would bring the registry's copy back silently.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).expect("Cargo.lock");
    let entry = lock
        .split("[[package]]")
        .find(|p| p.contains("name = \"iced_tiny_skia\""))
        .expect("iced_tiny_skia is in Cargo.lock");
    assert!(
        !entry.contains("source ="),
        "iced_tiny_skia comes from a registry, not from vendor/iced_tiny_skia:\n{entry}"
    );
    let text = std::fs::read_to_string(root.join("vendor/iced_tiny_skia/src/text.rs"))
        .expect("the vendored renderer");
    assert!(
        text.contains("Frontdesk's patch"),
        "the glyph-cache patch is gone"
    );
    let engine = std::fs::read_to_string(root.join("vendor/iced_tiny_skia/src/engine.rs"))
        .expect("the vendored renderer");
    assert!(
        engine.contains("clip_mask_bounds"),
        "the clip-mask patch is gone"
    );
}

/// The body of `fn NAME` in `source` (from its line to the brace that closes it), comments
/// left out.
fn function_body(source: &str, name: &str) -> Option<String> {
    let code: Vec<&str> = source
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect();
    let start = code
        .iter()
        .position(|l| l.contains(&format!("fn {name}(")))?;
    let mut depth = 0i32;
    let mut opened = false;
    let mut body = String::new();
    for line in &code[start..] {
        body.push_str(line);
        body.push('\n');
        for c in line.chars() {
            match c {
                '{' => {
                    depth += 1;
                    opened = true;
                }
                '}' => depth -= 1,
                _ => {}
            }
        }
        if opened && depth == 0 {
            return Some(body);
        }
    }
    None
}

/// Match arms that take whatever is left: `_ =>` or a bare binding such as `other =>`.
fn catch_all_arms(body: &str) -> Vec<String> {
    body.lines()
        .map(str::trim)
        .filter(|l| {
            let Some(pattern) = l.split("=>").next().filter(|_| l.contains("=>")) else {
                return false;
            };
            let pattern = pattern.trim();
            pattern == "_"
                || (!pattern.is_empty()
                    && pattern.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        })
        .map(str::to_owned)
        .collect()
}

/// The window's root and the desk each handle their messages in one `update` with an arm per
/// message and no catch-all, so a message nobody handles is a compile error; the desk is
/// reached in one place (`App::pass_to_desk`), not by `let Phase::Ready(desk) = … else` in
/// every handler.
#[test]
fn every_message_has_its_own_arm_and_the_desk_is_reached_in_one_place() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for file in ["src/gui/app.rs", "src/gui/desk/update.rs"] {
        let source = std::fs::read_to_string(root.join(file)).expect("read");
        let body = function_body(&source, "update").unwrap_or_else(|| panic!("{file}: no update"));
        assert!(
            body.contains("match message"),
            "{file}: update matches the message"
        );
        let arms = catch_all_arms(&body);
        assert!(
            arms.is_empty(),
            "{file}: catch-all arms in update: {arms:?}"
        );
    }
    let mut reached = Vec::new();
    for file in rust_files(&root.join("src/gui")) {
        for (n, line) in code_lines(&file) {
            if line.contains("let Phase::Ready(") && !line.contains("if let") {
                reached.push(format!("{}:{n}", file.display()));
            }
        }
    }
    assert_eq!(
        reached.len(),
        1,
        "the desk is reached by `let Phase::Ready(desk) = …` in: {reached:?}"
    );
    assert!(reached[0].contains("src/gui/app.rs:"), "{reached:?}");
}

/// The check above sees a catch-all arm.
#[test]
fn the_arm_check_sees_a_catch_all() {
    let source = "fn update(&mut self, message: Message) {\n    match message {\n        Message::A => a(),\n        other => self.rest(other),\n    }\n}\n";
    let body = function_body(source, "update").expect("body");
    assert_eq!(catch_all_arms(&body), vec!["other => self.rest(other),"]);
    let source = source.replace("other => self.rest(other)", "_ => {}");
    let body = function_body(&source, "update").expect("body");
    assert_eq!(catch_all_arms(&body), vec!["_ => {},"]);
    let source = source.replace("_ => {}", "Message::B(b) => b.go()");
    let body = function_body(&source, "update").expect("body");
    assert!(catch_all_arms(&body).is_empty());
}

/// Every function of `source`: its name and its text from `fn` to the brace that closes it,
/// comments left out. (Functions without a body, as in a trait, are skipped.)
fn functions(source: &str) -> Vec<(String, String)> {
    let code: Vec<&str> = source
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect();
    let mut found = Vec::new();
    for (start, line) in code.iter().enumerate() {
        // `fn name(` at the start of the line or after `pub`, `async`, `const`…
        let padded = format!(" {line}");
        let Some(at) = padded.find(" fn ") else {
            continue;
        };
        let name: String = padded[at + 4..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if name.is_empty() {
            continue;
        }
        let mut depth = 0i32;
        let mut opened = false;
        let mut text = String::new();
        'lines: for line in &code[start..] {
            text.push_str(line);
            text.push('\n');
            for c in line.chars() {
                match c {
                    '{' => {
                        depth += 1;
                        opened = true;
                    }
                    '}' => depth -= 1,
                    ';' if !opened => break 'lines,
                    _ => {}
                }
                if opened && depth == 0 {
                    found.push((name.clone(), text.clone()));
                    break 'lines;
                }
            }
        }
    }
    found
}

/// Whether a function only passes its arguments into one store call: its whole body is
/// `self.run(…)` (or the old `self.with(…)`, or on another receiver such as a `backend`
/// argument), awaited or not, of a closure whose body is one call on the store,
/// `|s| s.call(…)`.
fn is_pass_through(function: &str) -> bool {
    let Some(open) = function.find('{') else {
        return false;
    };
    let Some(close) = function.rfind('}') else {
        return false;
    };
    let body: String = function[open + 1..close]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let body = body.strip_suffix(".await").unwrap_or(&body);
    // The receiver: `self`, `self.clone()`, a `backend` argument…
    let Some(call) = [".run(", ".with("]
        .iter()
        .filter_map(|c| body.find(c))
        .min()
    else {
        return false;
    };
    let receiver = &body[..call];
    if receiver.is_empty()
        || !receiver
            .chars()
            .all(|c| c.is_alphanumeric() || "_.:&()".contains(c))
    {
        return false;
    }
    let Some(rest) = body[call + 1..]
        .strip_prefix("run(")
        .or_else(|| body[call + 1..].strip_prefix("with("))
    else {
        return false;
    };
    let rest = rest.strip_prefix("move").unwrap_or(rest);
    // `|s|` and the store's name.
    let Some(rest) = rest.strip_prefix('|') else {
        return false;
    };
    let Some((store, rest)) = rest.split_once('|') else {
        return false;
    };
    if store.is_empty() || !store.chars().all(|c| c.is_alphanumeric() || c == '_') {
        return false;
    }
    // One call on the store, maybe in braces, then the `)` that closes `run(`.
    let (call, closing) = match rest.strip_prefix('{') {
        Some(inner) => (inner, "})"),
        None => (rest, ")"),
    };
    let Some(call) = call.strip_prefix(&format!("{store}.")) else {
        return false;
    };
    let Some(args) = call.find('(') else {
        return false;
    };
    if !call[..args]
        .chars()
        .all(|c| c.is_alphanumeric() || c == '_')
    {
        return false;
    }
    let mut depth = 0i32;
    for (i, c) in call[args..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        if depth == 0 {
            return &call[args + i + 1..] == closing;
        }
    }
    false
}

/// The window's files that reach the store: `src/gui/backend*.rs` and `src/gui/backend/`.
fn backend_files(root: &Path) -> Vec<PathBuf> {
    let gui = root.join("src/gui");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&gui)
        .expect("src/gui")
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "rs")
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("backend"))
        })
        .collect();
    if gui.join("backend").is_dir() {
        files.extend(rust_files(&gui.join("backend")));
    }
    files.sort();
    files
}

/// A store call runs off the UI thread in one way, `Backend::run`, written where it is needed;
/// the backend keeps only work with logic of its own, not a method per store call that only
/// passes its arguments through (there were 41 of them).
#[test]
fn the_backend_has_no_pass_through_store_calls() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = backend_files(root);
    assert!(
        files.iter().any(|f| f.ends_with("src/gui/backend.rs")),
        "{files:?}"
    );
    let mut found = Vec::new();
    for file in &files {
        let source = std::fs::read_to_string(file).expect("read");
        for (name, text) in functions(&source) {
            if is_pass_through(&text) {
                found.push(format!("{}: fn {name}", file.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "these only pass their arguments into one store call; write \
         `backend.run(move |s| s.call(…))` where it is needed instead:\n{}",
        found.join("\n")
    );
    // The one way is there.
    let backend = std::fs::read_to_string(root.join("src/gui/backend.rs")).expect("read");
    assert!(
        functions(&backend).iter().any(|(name, _)| name == "run"),
        "Backend::run is gone"
    );
}

/// The check above sees a pass-through, in the shapes it was written in, and leaves alone a
/// method with logic of its own.
#[test]
fn the_pass_through_check_sees_one() {
    let source = r#"
impl Backend {
    /// Books.
    pub async fn book(
        self,
        request: BookingRequest,
        actor: String,
        now: DateTime<Utc>,
    ) -> Result<BookingOutcome, UiError> {
        self.with(move |s| s.book(&request, &actor, now)).await
    }

    pub async fn rules(self) -> Result<Vec<ReminderRule>, UiError> {
        self.with(|s| s.reminder_rules()).await
    }

    pub fn agenda(&self, clinic: ClinicId, window: Interval) -> impl Future<Output = Result<Vec<AgendaEntry>, UiError>> {
        self.run(move |store| {
            store.agenda(clinic, window, AgendaFilter::All)
        })
    }

    pub async fn move_occurrences(self, id: AppointmentId, change: OccurrenceMove, overbook: Option<String>) -> Result<SeriesChange, UiError> {
        self.clone().run(move |s| s.move_occurrences(id, &change, overbook.as_deref(), f(g(1))))
            .await
    }

    pub fn build_demo_too(self) -> Result<(), UiError> {
        self.demo_builder().run(|s| s.build())
    }

    /// Plans, then one state of the outbox.
    pub async fn outbox(self, clinic: ClinicId, now: DateTime<Utc>) -> Result<OutboxPage, UiError> {
        self.run(move |s| {
            s.plan_reminders(now)?;
            Ok(OutboxPage { entries: s.outbox(clinic)?, failed: s.failed_reminders(clinic, now)? })
        })
        .await
    }

    pub async fn details(self, id: AppointmentId) -> Result<(AgendaEntry, Vec<AuditEvent>), UiError> {
        self.run(move |s| Ok((s.appointment(id)?, s.history(id)?))).await
    }

    pub async fn build_demo(self, now: DateTime<Utc>) -> Result<Setup, UiError> {
        self.run(move |s| s.build(now)).await?;
        self.setup().await
    }

    pub fn run<T>(&self, work: impl FnOnce(&mut SqliteStore) -> Result<T, StoreError>) -> impl Future<Output = Result<T, UiError>> {
        let store = self.store.clone();
        async move { spawn_blocking(move || work(&mut store.lock())).await }
    }
}

pub async fn rules_of(backend: Backend) -> Result<Vec<ReminderRule>, UiError> {
    backend.run(|s| s.reminder_rules()).await
}

pub async fn opt_out(backend: &Backend, patient: PatientId) -> Result<bool, UiError> {
    let asked = backend.run(move |s| s.reminder_opt_out(patient)).await?;
    Ok(asked)
}
"#;
    let passing: Vec<String> = functions(source)
        .into_iter()
        .filter(|(_, text)| is_pass_through(text))
        .map(|(name, _)| name)
        .collect();
    assert_eq!(
        passing,
        [
            "book",
            "rules",
            "agenda",
            "move_occurrences",
            "build_demo_too",
            "rules_of"
        ]
    );
    let all: Vec<String> = functions(source).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        all,
        [
            "book",
            "rules",
            "agenda",
            "move_occurrences",
            "build_demo_too",
            "outbox",
            "details",
            "build_demo",
            "run",
            "rules_of",
            "opt_out"
        ]
    );
}

/// Only the store speaks to SQLite: the window, the command line, the core, the demo and the
/// rest see `Store` and `StoreError`, whose public face names no database crate (an engine's
/// error arrives as the opaque `DatabaseError`).
#[test]
fn only_the_store_uses_rusqlite() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    for file in rust_files(&root.join("src")) {
        if file.starts_with(root.join("src/store")) {
            continue;
        }
        for (n, line) in code_lines(&file) {
            if line.contains("rusqlite") {
                found.push(format!("{}:{n}", file.display()));
            }
        }
    }
    assert!(found.is_empty(), "rusqlite outside src/store: {found:?}");
    let error = std::fs::read_to_string(root.join("src/store/error.rs")).expect("read");
    let start = error.find("pub enum StoreError").expect("StoreError");
    let end = start + error[start..].find("\n}\n").expect("its end");
    assert!(
        !error[start..end].contains("rusqlite"),
        "a StoreError variant holds a rusqlite type"
    );
}

/// What the store contract (`tests/contract/`) may not reach for: it runs on every engine, so
/// its bodies speak only the `Store` trait and the fixture's `TestBackend`. SQLite's crate,
/// store, fixture (`Clinic1::new`, `common::Sqlite`, `.path()`), raw connection, options,
/// schema, integrity check, backups and bulk loader are all one engine's.
const PAST_THE_CONTRACT: [&str; 11] = [
    "rusqlite",
    "Sqlite",
    ".connection()",
    "Clinic1::new(",
    ".path()",
    "BulkWriter",
    "StoreOptions",
    "store::schema",
    "store::integrity",
    "store::backup",
    "demo::build",
];

#[test]
fn the_store_contract_reaches_no_engine() {
    let found = offences("tests/contract", &PAST_THE_CONTRACT);
    assert!(
        found.is_empty(),
        "the store contract must run on any engine:\n{}",
        found.join("\n")
    );
    assert!(
        rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/contract")).len() >= 2,
        "the contract's macro and at least one area"
    );
}

#[test]
fn the_contract_check_sees_a_planted_use() {
    let dir = tempfile::tempdir().expect("dir");
    let mut planted = String::from("pub fn body<B: TestBackend>() {\n");
    planted += "    // rusqlite and SqliteStore named in a comment are fine\n";
    for word in PAST_THE_CONTRACT {
        planted += &format!("    let _ = {word};\n");
    }
    planted += "}\n";
    std::fs::write(dir.path().join("planted.rs"), planted).expect("plant");
    let found = offences_in(dir.path(), &PAST_THE_CONTRACT);
    for word in PAST_THE_CONTRACT {
        assert!(
            found.iter().any(|f| f.ends_with(&format!("uses `{word}`"))),
            "{word} not seen: {found:?}"
        );
    }
    assert!(
        !found.iter().any(|f| f.contains("planted.rs:2:")),
        "a comment is not a use"
    );
}

/// What names the SQLite engine (its store, its bulk writer, its integrity checks, the
/// locator's SQLite variant) in `root`'s `src/` outside `src/store/`, as `file:line`.
fn engine_names_outside_the_store(root: &Path) -> Vec<String> {
    const ENGINE: [&str; 4] = [
        "SqliteStore",
        "BulkWriter",
        "store::integrity",
        "Locator::Sqlite",
    ];
    let mut found = Vec::new();
    for file in rust_files(&root.join("src")) {
        if file.starts_with(root.join("src/store")) {
            continue;
        }
        for (n, line) in code_lines(&file) {
            if let Some(word) = ENGINE.iter().find(|w| line.contains(**w)) {
                found.push(format!("{}:{n}: names `{word}`", file.display()));
            }
        }
    }
    found
}

/// The window and the command line hold the store as `dyn Store`, opened from a `Locator` by
/// `store::open`: only `src/store/` names the engine, so another engine is one more locator
/// variant and one more `impl Store`.
#[test]
fn only_the_store_names_the_sqlite_engine() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let found = engine_names_outside_the_store(root);
    assert!(
        found.is_empty(),
        "the SQLite engine named outside src/store: {found:?}"
    );
}

#[test]
fn the_engine_check_sees_a_planted_use() {
    let root = tempfile::tempdir().expect("dir");
    for dir in ["src/store", "src/gui", "src/cli"] {
        std::fs::create_dir_all(root.path().join(dir)).expect("dir");
    }
    let write =
        |path: &str, text: &str| std::fs::write(root.path().join(path), text).expect("write");
    write("src/store/sqlite.rs", "pub struct SqliteStore;\n");
    write(
        "src/gui/backend.rs",
        "// SqliteStore is named in a comment only.\nfn open() {\n    let s = frontdesk::store::SqliteStore::open(p);\n}\n",
    );
    write("src/cli/check.rs", "let l = Locator::Sqlite(path);\n");
    let mut found = engine_names_outside_the_store(root.path());
    found.sort();
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found[0].ends_with("src/cli/check.rs:1: names `Locator::Sqlite`"),
        "{found:?}"
    );
    assert!(
        found[1].ends_with("src/gui/backend.rs:3: names `SqliteStore`"),
        "{found:?}"
    );
}
