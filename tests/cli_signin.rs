//! Signing in on the command line, with the real binary: `demo` prints how each demo staff
//! member signs in; every command needs a staff name and password (or the service credential);
//! each role is allowed and refused each kind of command as its permissions say, the refusal
//! naming the role it needs and changing nothing; wrong passwords lock the account; the access
//! log shows it all, to an administrator.

use std::process::Output;

mod desk;
use desk::{Desk, text};

/// The demo's staff: (name, password, role).
const STAFF: [(&str, &str, &str); 4] = [
    ("Maria D'Souza", "demo-receptionist", "receptionist"),
    ("Suresh Pillai", "demo-nurse", "nurse"),
    ("Farah Khan", "demo-manager", "manager"),
    ("Arjun Iyer", "demo-administrator", "administrator"),
];

fn as_staff(desk: &Desk, name: &str, password: &str, args: &[&str]) -> Output {
    desk.bare()
        .args(["--as", name])
        .env("FRONTDESK_PASSWORD", password)
        .args(args)
        .output()
        .expect("run frontdesk")
}

#[test]
fn the_demo_prints_how_each_staff_member_signs_in() {
    let desk = Desk::without_database();
    let out = desk
        .bare()
        .args([
            "demo",
            "--today",
            "2026-11-24",
            "--appointments",
            "20",
            "--patients",
            "10",
        ])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    for line in [
        "administrator: Arjun Iyer, password: demo-administrator",
        "manager: Farah Khan, password: demo-manager",
        "nurse: Suresh Pillai, password: demo-nurse",
        "receptionist: Maria D'Souza, password: demo-receptionist",
        "receptionist: Kavya Menon, password: demo-receptionist",
    ] {
        assert!(said.contains(line), "{line}: {said}");
    }
    // Only the hashes are stored.
    let stored: Vec<String> = rusqlite::Connection::open(&desk.db)
        .expect("raw")
        .prepare("SELECT password_hash FROM staff")
        .expect("select")
        .query_map([], |r| r.get(0))
        .expect("rows")
        .collect::<rusqlite::Result<_>>()
        .expect("hashes");
    assert_eq!(stored.len(), 5);
    assert!(
        stored
            .iter()
            .all(|h| h.starts_with("$argon2id$") && !h.contains("demo"))
    );
}

#[test]
fn a_command_needs_a_name_and_the_right_password() {
    let desk = Desk::demo(&["--appointments", "0", "--patients", "0"]);
    // No name.
    let out = desk.bare().arg("agenda").output().expect("run");
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("give your staff name with --as"),
        "{}",
        text(&out.stderr)
    );
    // A name, no password, and no terminal to type it at.
    let out = desk
        .bare()
        .args(["--as", "Arjun Iyer", "agenda"])
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("FRONTDESK_PASSWORD"),
        "{}",
        text(&out.stderr)
    );
    // Empty, only spaces, a control character, far too long: each said, none repeated.
    let long = "x".repeat(300);
    for (typed, says) in [
        ("", "it is empty"),
        ("\u{7}bell", "control character"),
        (long.as_str(), "at most 256 characters"),
    ] {
        let out = as_staff(&desk, "Arjun Iyer", typed, &["agenda"]);
        assert!(!out.status.success());
        let message = text(&out.stderr);
        assert!(message.contains(says), "{typed:?}: {message}");
        if !typed.is_empty() {
            assert!(!message.contains(typed), "the password is never repeated");
        }
    }
    // Wrong: counted; the fifth locks the account, even against the right password.
    for left in (1..=4).rev() {
        let out = as_staff(&desk, "Farah Khan", "not her password", &["agenda"]);
        let message = text(&out.stderr);
        assert!(!out.status.success());
        assert!(
            message.contains("the name or password is wrong"),
            "{message}"
        );
        if left > 1 {
            assert!(message.contains(&format!("{left} tries left")), "{message}");
        }
    }
    let out = as_staff(&desk, "Farah Khan", "not her password", &["agenda"]);
    assert!(
        text(&out.stderr).contains("locked"),
        "{}",
        text(&out.stderr)
    );
    let out = as_staff(&desk, "Farah Khan", "demo-manager", &["agenda"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("locked"),
        "{}",
        text(&out.stderr)
    );
    // Others are not locked; the administrator sees every failure in the access log.
    let log = desk.ok(&["access-log", "--kind", "sign_in_failed", "--format", "csv"]);
    // Four wrong, the fifth that locked, the right one refused while locked; what could be no
    // password at all (empty, a control character, too long) was refused before any try.
    assert_eq!(log.lines().count(), 1 + 4 + 1 + 1, "{log}");
    assert!(!log.contains("not her password"));
}

#[test]
fn each_role_may_run_what_its_role_allows_and_is_refused_the_rest() {
    let desk = Desk::demo(&["--appointments", "40", "--patients", "20"]);
    let patients = desk.write("patients.csv", "name,phone\nNew Person,+91 90000 11111\n");
    let out_dir = desk.dir.path().to_owned();
    let file = |name: &str| out_dir.join(name).to_string_lossy().into_owned();
    // (what, its arguments, the least role that may).
    let commands: Vec<(&str, Vec<String>, &str)> = vec![
        ("agenda", vec!["agenda".into()], "receptionist"),
        (
            "book",
            [
                "book",
                "--patient",
                "Walk In Person",
                "--new-patient",
                "--phone",
                "+91 90000 22222",
                "--doctor",
                "rao",
                "--walk-in",
            ]
            .map(String::from)
            .to_vec(),
            "receptionist",
        ),
        (
            "daysheet",
            vec![
                "daysheet".into(),
                "--doctor".into(),
                "rao".into(),
                "--out".into(),
                file("sheet.pdf"),
            ],
            "receptionist",
        ),
        (
            "report",
            [
                "report",
                "rooms",
                "--from",
                "2026-11-01",
                "--to",
                "2026-11-30",
            ]
            .map(String::from)
            .to_vec(),
            "manager",
        ),
        (
            "export",
            vec![
                "export".into(),
                "csv".into(),
                "--out".into(),
                file("export.csv"),
                "--from".into(),
                "2026-11-01".into(),
            ],
            "administrator",
        ),
        (
            "backup",
            vec!["backup".into(), file("copy.sqlite3")],
            "administrator",
        ),
        (
            "import",
            vec!["import".into(), "patients".into(), patients.clone()],
            "administrator",
        ),
        ("access-log", vec!["access-log".into()], "administrator"),
    ];
    let rank = |role: &str| {
        ["receptionist", "nurse", "manager", "administrator"]
            .iter()
            .position(|r| *r == role)
            .expect("role")
    };
    for (name, password, role) in STAFF {
        for (what, args, least) in &commands {
            let _ = std::fs::remove_file(file("export.csv"));
            let _ = std::fs::remove_file(file("copy.sqlite3"));
            let _ = std::fs::remove_file(file("sheet.pdf"));
            let before = desk.count("SELECT count(*) FROM appointment")
                + desk.count("SELECT count(*) FROM patient");
            let refs: Vec<&str> = args.iter().map(String::as_str).collect();
            let out = as_staff(&desk, name, password, &refs);
            let message = text(&out.stderr);
            if rank(role) >= rank(least) {
                assert!(
                    !message.contains("needs the"),
                    "{role} may {what}: {message}"
                );
                if *what != "book" && *what != "import" {
                    assert!(out.status.success(), "{role} {what}: {message}");
                }
            } else {
                assert!(!out.status.success(), "{role} may not {what}");
                let role_needed = if *least == "administrator" {
                    "needs the administrator role".to_owned()
                } else {
                    format!("needs the {least} role or above")
                };
                assert!(message.contains(&role_needed), "{role} {what}: {message}");
                assert!(
                    message.contains(&format!(
                        "signed in as a{} {role}",
                        if role == "administrator" { "n" } else { "" }
                    )),
                    "{message}"
                );
                let after = desk.count("SELECT count(*) FROM appointment")
                    + desk.count("SELECT count(*) FROM patient");
                assert_eq!(before, after, "{role} {what}: a refusal changes nothing");
                for made in ["export.csv", "copy.sqlite3", "sheet.pdf"] {
                    assert!(!out_dir.join(made).exists(), "{role} {what}: no {made}");
                }
            }
        }
    }
    // Starting a consultation is the nurse's: the receptionist is refused before anything.
    let booked = desk.count("SELECT count(*) FROM appointment WHERE status = 'checked_in'");
    assert!(booked > 0, "the walk-ins are checked in");
    let id: String = rusqlite::Connection::open(&desk.db)
        .expect("raw")
        .query_row(
            "SELECT lower(hex(id)) FROM appointment WHERE status = 'checked_in' LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("id");
    let id = format!(
        "{}-{}-{}-{}-{}",
        &id[0..8],
        &id[8..12],
        &id[12..16],
        &id[16..20],
        &id[20..32]
    );
    let out = as_staff(
        &desk,
        "Maria D'Souza",
        "demo-receptionist",
        &["status", &id, "start"],
    );
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("starting or completing a consultation needs the nurse role"),
        "{}",
        text(&out.stderr)
    );
    let out = as_staff(
        &desk,
        "Suresh Pillai",
        "demo-nurse",
        &["status", &id, "start"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    // The day sheets printed are in the log, with who printed them.
    let log = desk.ok(&[
        "access-log",
        "--kind",
        "printed_day_sheet",
        "--format",
        "csv",
    ]);
    assert_eq!(log.lines().count(), 1 + 4, "{log}");
    assert!(log.contains("Maria D'Souza"), "{log}");
}

#[test]
fn an_unattended_job_signs_in_with_its_service_credential_only() {
    let desk = Desk::demo(&["--appointments", "20", "--patients", "10"]);
    let credential = desk.dir.path().join("reminders.credential");
    let path = credential.to_str().expect("utf-8");
    // A manager cannot issue one; an administrator can.
    let out = as_staff(
        &desk,
        "Farah Khan",
        "demo-manager",
        &["service-credential", "issue", "reminders", "--file", path],
    );
    assert!(!out.status.success());
    assert!(!credential.exists());
    desk.ok(&["service-credential", "issue", "reminders", "--file", path]);
    let job = |args: &[&str]| {
        desk.bare()
            .args(["--service-credential", path])
            .args(args)
            .output()
            .expect("run")
    };
    let out = job(&["reminders", "send"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let backup = desk.dir.path().join("nightly.sqlite3");
    let out = job(&["backup", backup.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = job(&["agenda"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("with the service credential"),
        "{}",
        text(&out.stderr)
    );
    // Revoked, it signs nothing in.
    desk.ok(&["service-credential", "revoke", "reminders"]);
    let out = job(&["reminders", "send"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("service credential is wrong"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_new_database_makes_its_first_administrator_once() {
    let desk = Desk::without_database();
    let out = desk.bare().arg("agenda").output().expect("run");
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("first-administrator"),
        "{}",
        text(&out.stderr)
    );
    let make = |password: &str| {
        desk.bare()
            .args(["first-administrator", "--name", "Leela Rao"])
            .env("FRONTDESK_PASSWORD", password)
            .output()
            .expect("run")
    };
    let short = make("short");
    assert!(!short.status.success());
    assert!(
        text(&short.stderr).contains("at least 8 characters"),
        "{}",
        text(&short.stderr)
    );
    let spaces = make("          ");
    assert!(
        text(&spaces.stderr).contains("only spaces"),
        "{}",
        text(&spaces.stderr)
    );
    let made = make("a long enough one");
    assert!(made.status.success(), "{}", text(&made.stderr));
    assert!(text(&made.stdout).contains("administrator: Leela Rao"));
    let again = make("another long one");
    assert!(!again.status.success());
    assert!(text(&again.stderr).contains("already has an administrator"));
    let out = as_staff(
        &desk,
        "Leela Rao",
        "a long enough one",
        &["access-log", "--format", "csv"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let log = text(&out.stdout);
    assert!(log.contains("first administrator set up"), "{log}");
    assert!(log.contains("signed_in"), "{log}");
}

#[test]
fn the_demo_if_empty_before_each_window_needs_no_sign_in_once_the_clinic_exists() {
    // `scripts/run.sh` runs `frontdesk demo --if-empty` before opening the window, every time.
    let desk = Desk::without_database();
    for run in 0..2 {
        let out = desk
            .bare()
            .args([
                "demo",
                "--if-empty",
                "--appointments",
                "10",
                "--patients",
                "5",
            ])
            .output()
            .expect("run");
        assert!(out.status.success(), "run {run}: {}", text(&out.stderr));
        let said = text(&out.stdout);
        if run == 0 {
            assert!(said.contains("administrator: Arjun Iyer"), "{said}");
        } else {
            assert!(said.is_empty(), "the second run does nothing: {said}");
        }
    }
    // Without --if-empty, a second demo is a change: it needs a sign-in (and is refused).
    let out = desk.bare().args(["demo"]).output().expect("run");
    assert!(!out.status.success());
}

/// The recovery key a command printed.
fn recovery_key(said: &str) -> String {
    said.lines()
        .find_map(|l| l.strip_prefix("recovery key: "))
        .and_then(|l| l.split(' ').next())
        .expect("the recovery key")
        .to_owned()
}

/// `frontdesk recover --name NAME` with the recovery key `key` and the new password.
fn recover(desk: &Desk, key: &str, name: &str, password: &str) -> Output {
    desk.bare()
        .env("FRONTDESK_RECOVERY_KEY", key)
        .env("FRONTDESK_PASSWORD", password)
        .args(["recover", "--name", name])
        .output()
        .expect("run")
}

/// A new clinic made on the command line (encrypted), its first administrator Priya Nair with
/// the password `lakeside-admin-1`; and what the command printed.
fn new_encrypted_clinic() -> (Desk, String) {
    let desk = Desk::without_database();
    let out = desk
        .bare()
        .env("FRONTDESK_PASSWORD", "lakeside-admin-1")
        .args(["first-administrator", "--name", "Priya Nair"])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    (desk, said)
}

/// Whether `needle` appears anywhere in the file at `path`.
fn holds(path: &std::path::Path, needle: &str) -> bool {
    let bytes = std::fs::read(path).expect("read");
    bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn a_new_clinic_made_on_the_command_line_is_encrypted_and_opens_only_with_a_password() {
    let (desk, said) = new_encrypted_clinic();
    assert!(said.contains("administrator: Priya Nair"), "{said}");
    assert!(said.contains("recovery key: "), "{said}");
    assert!(!said.contains("lakeside-admin-1"));
    // The file is no SQLite database to anyone without the key.
    let raw = rusqlite::Connection::open(&desk.db).expect("raw");
    assert!(
        raw.query_row("SELECT count(*) FROM staff", [], |r| r.get::<_, i64>(0))
            .is_err()
    );
    assert!(!holds(&desk.db, "Priya"));
    // Her password opens it; a wrong one, or none, does not.
    let out = as_staff(&desk, "priya nair", "lakeside-admin-1", &["check"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("access log: whole"));
    let out = as_staff(&desk, "Priya Nair", "not-her-password", &["check"]);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("the name or password is wrong") && !err.contains("not-her-password"),
        "{err}"
    );
    // `scripts/run.sh`'s `demo --if-empty` leaves a clinic's encrypted file alone.
    let out = desk
        .bare()
        .args(["demo", "--if-empty"])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", text(&out.stderr));
    // Every password lost: the recovery key gives the administrator a new one.
    let recovery = recovery_key(&said);
    let out = recover(
        &desk,
        "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF-GGGGG-HHHHH",
        "Priya Nair",
        "a-new-password-1",
    );
    assert!(!out.status.success(), "a wrong recovery key opens nothing");
    let out = recover(&desk, &recovery, "Priya Nair", "a-new-password-1");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        !as_staff(&desk, "Priya Nair", "lakeside-admin-1", &["check"])
            .status
            .success()
    );
    let out = as_staff(&desk, "Priya Nair", "a-new-password-1", &["check"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = as_staff(
        &desk,
        "Priya Nair",
        "a-new-password-1",
        &["access-log", "--kind", "changed_permission"],
    );
    assert!(
        text(&out.stdout).contains("password reset with the recovery key"),
        "{}",
        text(&out.stdout)
    );
    // Back to the first password for what follows.
    let out = recover(&desk, &recovery, "Priya Nair", "lakeside-admin-1");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = desk.bare().args(["agenda"]).output().expect("run");
    assert!(
        text(&out.stderr).contains("is encrypted: sign in with --as NAME"),
        "{}",
        text(&out.stderr)
    );
    // An unattended job opens it with its service credential: a backup, itself encrypted.
    let credential = desk.dir.path().join("backup-job.credential");
    let out = as_staff(
        &desk,
        "Priya Nair",
        "lakeside-admin-1",
        &[
            "service-credential",
            "issue",
            "nightly",
            "--file",
            credential.to_str().expect("path"),
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let copy = desk.dir.path().join("copy.sqlite3");
    let out = desk
        .bare()
        .args(["--service-credential", credential.to_str().expect("path")])
        .args(["backup", copy.to_str().expect("path")])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(copy.exists() && !holds(&copy, "Priya"));
    // The day's automatic backup (a process of its own, given the key on a pipe) is made,
    // encrypted, after a command someone signed in to, once the database holds a clinic.
    {
        use frontdesk::store::Store;
        let slots = frontdesk::store::cipher::KeySlots::load(&desk.db).expect("keys");
        let label = slots.label_of("Priya Nair").expect("her slot").to_owned();
        let password = frontdesk::signin::Secret::given(
            frontdesk::signin::SecretKind::Password,
            "lakeside-admin-1",
        )
        .expect("password");
        let key = slots.unwrap_with_password(&label, &password).expect("key");
        let mut store =
            frontdesk::store::SqliteStore::open_encrypted(&desk.db, &key, Default::default())
                .expect("open");
        store
            .add_clinic(&frontdesk::scheduling::Clinic {
                id: frontdesk::scheduling::ClinicId(uuid::Uuid::new_v4()),
                name: "Lakeside Family Clinic".into(),
                address: String::new(),
                time_zone: chrono_tz::Asia::Kolkata,
                opening_hours: Default::default(),
                slot_minutes: 15,
            })
            .expect("clinic");
    }
    let out = desk
        .bare()
        .args(["--as", "Priya Nair"])
        .env("FRONTDESK_PASSWORD", "lakeside-admin-1")
        .env("FRONTDESK_KEEP_BACKUPS", "3")
        .args(["agenda"])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let folder = desk.db.parent().expect("folder").join("backups");
    let mut made = Vec::new();
    for _ in 0..600 {
        made = std::fs::read_dir(&folder)
            .map(|d| {
                d.filter_map(|e| e.ok())
                    .map(|e| e.path())
                    .filter(|p| {
                        p.file_name()
                            .is_some_and(|n| n.to_string_lossy().contains("-daily-2"))
                    })
                    .collect()
            })
            .unwrap_or_default();
        if !made.is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(!made.is_empty(), "today's backup is made");
    // Compressed or not, what it holds is the encrypted file: unpacked, still no name.
    let unpacked = desk.dir.path().join("unpacked.sqlite3");
    let out = std::fs::File::create(&unpacked).expect("create");
    let daily = &made[0];
    if frontdesk::store::backup::compress::is_compressed(daily).expect("read") {
        frontdesk::store::backup::compress::decompress_file(daily, &unpacked, out).expect("unpack");
    } else {
        std::fs::copy(daily, &unpacked).expect("copy");
    }
    assert!(!frontdesk::store::cipher::is_plain_sqlite(&unpacked).expect("read"));
    assert!(!holds(&unpacked, "Priya") && !holds(&unpacked, "Lakeside"));
}

/// An encrypted file's first try cannot count in the database (it does not open): the keys
/// file counts wrong passwords by name, for every command, five lock the name for a while, and
/// the access log gets each wrong try once a right password opens the file.
#[test]
fn wrong_passwords_at_an_encrypted_file_are_counted_locked_and_logged_once_it_opens() {
    let (desk, said) = new_encrypted_clinic();
    let recovery = recovery_key(&said);
    let wrong = |left: &str| {
        let out = as_staff(&desk, "Priya Nair", "not-her-password", &["check"]);
        assert!(!out.status.success());
        let err = text(&out.stderr);
        assert!(err.contains(left), "{err}");
        assert!(!err.contains("not-her-password"), "{err}");
    };
    wrong("4 tries left");
    wrong("3 tries left");
    // A name nobody has is counted too (no hint which names exist), on its own.
    let out = as_staff(&desk, "Nobody Here", "lakeside-admin-1", &["check"]);
    assert!(
        text(&out.stderr).contains("4 tries left"),
        "{}",
        text(&out.stderr)
    );
    let keys =
        std::fs::read_to_string(frontdesk::store::cipher::keys_path(&desk.db)).expect("keys file");
    assert!(
        !keys.contains("Priya") && !keys.contains("Nobody"),
        "{keys}"
    );
    // The right password opens it; the log has the three tries from before, and the count
    // starts again.
    let log = as_staff(
        &desk,
        "Priya Nair",
        "lakeside-admin-1",
        &["access-log", "--kind", "sign_in_failed", "--format", "csv"],
    );
    assert!(log.status.success(), "{}", text(&log.stderr));
    let log = text(&log.stdout);
    assert_eq!(
        log.matches("wrong password, before the database was open")
            .count(),
        2,
        "{log}"
    );
    assert_eq!(
        log.matches("a name without a key slot, before the database was open")
            .count(),
        1,
        "{log}"
    );
    assert!(!log.contains("not-her-password") && !log.contains("Nobody"));
    wrong("4 tries left");
    wrong("3 tries left");
    wrong("2 tries left");
    wrong("one more wrong try locks");
    wrong("locked");
    // Locked: the right password is not even tried.
    let out = as_staff(&desk, "Priya Nair", "lakeside-admin-1", &["check"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("locked"),
        "{}",
        text(&out.stderr)
    );
    // A new password (here with the recovery key) unlocks the name, as a reset does.
    let out = recover(&desk, &recovery, "Priya Nair", "lakeside-admin-2");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = as_staff(&desk, "Priya Nair", "lakeside-admin-2", &["check"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    // A service credential's name is not a person's: refused in words, and not counted (so
    // nobody can lock the nightly backup out by typing it).
    for _ in 0..6 {
        let out = as_staff(&desk, "service credential: nightly", "guess", &["check"]);
        assert!(
            text(&out.stderr).contains("signs in with its file"),
            "{}",
            text(&out.stderr)
        );
    }
    // A file found damaged takes no writes: the wrong tries before it stay in the keys file,
    // and the right password still opens it (to check it, or restore a backup over it).
    wrong("4 tries left");
    let mut marker = desk.db.as_os_str().to_owned();
    marker.push("-damaged");
    std::fs::write(std::path::PathBuf::from(marker), "test: found damaged\n").expect("mark");
    let out = as_staff(&desk, "Priya Nair", "lakeside-admin-2", &["access-log"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn an_administrator_encrypts_a_plain_database_and_removes_the_plaintext_when_asked() {
    let desk = Desk::demo(&["--appointments", "40", "--patients", "20"]);
    let patient: String = rusqlite::Connection::open(&desk.db)
        .expect("raw")
        .query_row("SELECT name FROM patient LIMIT 1", [], |r| r.get(0))
        .expect("a patient");
    // A receptionist may not.
    let out = as_staff(&desk, "Maria D'Souza", "demo-receptionist", &["encrypt"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("administrator role"),
        "{}",
        text(&out.stderr)
    );
    assert!(frontdesk::store::cipher::is_plain_sqlite(&desk.db).expect("read"));
    let out = as_staff(
        &desk,
        "Arjun Iyer",
        "demo-administrator",
        &["encrypt", "--remove-plaintext"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(
        said.contains("recovery key: ") && said.contains("removed "),
        "{said}"
    );
    assert!(!frontdesk::store::cipher::is_plain_sqlite(&desk.db).expect("read"));
    assert!(!holds(&desk.db, &patient), "{patient} readable");
    for entry in std::fs::read_dir(desk.db.parent().expect("folder")).expect("list") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        assert!(!name.contains("plaintext"), "{name} left");
    }
    let out = as_staff(
        &desk,
        "Arjun Iyer",
        "demo-administrator",
        &["agenda", "--date", "2026-11-24"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(!text(&out.stdout).is_empty());
    // Its backup is encrypted, has its keys beside it, and restores with the same sign-in.
    let copy = desk.dir.path().join("copy.sqlite3");
    let out = as_staff(
        &desk,
        "Arjun Iyer",
        "demo-administrator",
        &["backup", copy.to_str().expect("path")],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(!holds(&copy, &patient) && desk.dir.path().join("copy.sqlite3.keys").exists());
    // His password changes after the backup (with the recovery key); the backup restored
    // brings back the password it knew, keys and records alike.
    let recovery = recovery_key(&said);
    let out = recover(&desk, &recovery, "Arjun Iyer", "arjun-new-pass-1");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = as_staff(
        &desk,
        "Arjun Iyer",
        "arjun-new-pass-1",
        &["restore", copy.to_str().expect("path")],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("Restored"),
        "{}",
        text(&out.stdout)
    );
    let out = as_staff(&desk, "Arjun Iyer", "demo-administrator", &["check"]);
    assert!(
        out.status.success(),
        "the backup's password opens the restored file: {}",
        text(&out.stderr)
    );
    assert!(
        !as_staff(&desk, "Arjun Iyer", "arjun-new-pass-1", &["check"])
            .status
            .success()
    );
    // Again: refused, nothing changed.
    let out = as_staff(&desk, "Arjun Iyer", "demo-administrator", &["encrypt"]);
    assert!(
        text(&out.stderr).contains("already encrypted"),
        "{}",
        text(&out.stderr)
    );
}
