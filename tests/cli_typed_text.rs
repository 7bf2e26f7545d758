//! Typed text and paths in the command line's messages (issue 12, second review): every
//! message quotes what was typed through one function (`scheduling::entry::echo`: 40
//! characters at most, escaped) and a path through `entry::echo_path`, so a 120 KB argument
//! or a file name with an escape code and a line break never reaches the terminal whole.

mod desk;
use desk::{Desk, text};

/// A fresh demo clinic with no patients or appointments.
fn new_desk() -> Desk {
    Desk::demo(&["--appointments", "0", "--patients", "0"])
}

#[test]
fn huge_typed_names_are_quoted_short_in_every_message() {
    let desk = new_desk();
    let out = desk.run(&[
        "book",
        "--patient",
        "Pat One",
        "--new-patient",
        "--phone",
        "+91 90000 00001",
        "--doctor",
        "rao",
        "--start",
        "2026-12-01 10:00",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let huge = format!("{}\u{1b}[31m\nFAKE", "x".repeat(120_000));
    let pdf = desk.dir.path().join("day.pdf");
    let pdf = pdf.to_str().expect("path");
    let book = |flag: &'static str| {
        vec![
            "book",
            "--patient",
            "Pat One",
            "--phone",
            "+91 90000 00001",
            "--doctor",
            "rao",
            "--start",
            "2026-12-01 11:00",
            flag,
        ]
    };
    let cases: Vec<(&str, Vec<&str>)> = vec![
        ("agenda --doctor", vec!["agenda", "--doctor"]),
        ("agenda --room", vec!["agenda", "--room"]),
        ("--clinic", vec!["agenda", "--clinic"]),
        ("book --room", book("--room")),
        ("book --type", book("--type")),
        (
            "daysheet --doctor",
            vec!["daysheet", "--out", pdf, "--doctor"],
        ),
        (
            "waitlist add --doctor",
            vec!["waitlist", "add", "--patient", "Pat One", "--doctor"],
        ),
    ];
    for (what, mut args) in cases {
        args.push(&huge);
        let out = desk.run(&args);
        let said = text(&out.stderr);
        assert!(!out.status.success(), "{what}: {said}");
        // The defect: the whole 120 KB came back on stderr.
        assert!(said.len() < 2_000, "{what}: {} bytes", said.len());
        assert!(
            said.contains(&format!("{}…", "x".repeat(40))),
            "{what}: {said}"
        );
        assert!(
            !said.contains('\u{1b}') && said.trim_end().lines().count() == 1,
            "{what}: {said}"
        );
    }
    // A patient's name within the limit, not registered: quoted short too.
    let long_name = "y".repeat(150);
    let out = desk.run(&[
        "book",
        "--doctor",
        "rao",
        "--start",
        "2026-12-01 12:00",
        "--patient",
        &long_name,
        "--phone",
        "+91 90000 00009",
    ]);
    let said = text(&out.stderr);
    assert!(!out.status.success(), "{said}");
    assert!(said.contains(&format!("\"{}…\"", "y".repeat(40))), "{said}");
    assert!(!said.contains(&"y".repeat(41)), "{said}");
}

#[test]
fn a_path_with_an_escape_code_and_a_line_break_is_escaped() {
    let desk = new_desk();
    let path = "/tmp/x\u{1b}[31mX\nFAKE";
    let out = desk.run(&["import", "appointments", path]);
    let said = text(&out.stderr);
    assert!(!out.status.success());
    // The defect: the ESC was escaped, the line break printed raw.
    assert!(said.contains("/tmp/x\\u{1b}[31mX\\nFAKE"), "{said}");
    assert_eq!(said.trim_end().lines().count(), 1, "{said}");
    // A long path keeps its end, the file's name.
    let long = format!("/tmp/{}/visits.csv", "d".repeat(5_000));
    let out = desk.run(&["export", "csv", "--out", &long]);
    let said = text(&out.stderr);
    assert!(!out.status.success());
    assert!(said.len() < 1_000 && said.contains("…"), "{said}");
    assert!(said.contains("/visits.csv"), "{said}");
}
