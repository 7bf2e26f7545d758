//! Sign-in, permissions and the access log, on every engine: the first administrator of a new
//! database, wrong tries counted and locked out, each role allowed and refused each action
//! through the guarded store, changes recorded under the signed-in name, and the access log
//! written for what it must show, its chain whole.

use crate::common::{Clinic1, TestBackend, patient, quick_hash, utc};
use frontdesk::export::ExportQuery;
use frontdesk::scheduling::access::{AccessKind, ChainCheck};
use frontdesk::scheduling::permission::{Action, Role};
use frontdesk::scheduling::*;
use frontdesk::signin::{self, Secret, SecretKind, SignInError, SignedIn};
use frontdesk::store::{
    AccessFilter, Accounts, BookingRequest, Guarded, Maintenance, Start, Store, StoreError,
};

const NOW: &str = "2026-06-01T00:00:00Z";
const DESK: &str = "desk-1";

/// Adds a staff member of `role` named `name` with password `password` (a cheap hash).
pub fn staff_with_password(
    store: &mut dyn Store,
    n: u128,
    name: &str,
    role: StaffRole,
    password: &str,
) -> StaffMember {
    crate::common::staff_with_quick_password(
        store,
        StaffId(crate::common::id(n)),
        name,
        role,
        password,
    )
}

/// The clock the guarded stores of these tests read.
fn now() -> chrono::DateTime<chrono::Utc> {
    utc(NOW)
}

fn password(text: &str) -> Secret {
    Secret::given(SecretKind::Password, text).expect("a password")
}

fn sign_in(store: &mut dyn Store, name: &str, typed: &str) -> Result<SignedIn, SignInError> {
    signin::sign_in(store, name, &password(typed), DESK, utc(NOW))
}

pub fn a_new_database_asks_for_its_first_administrator_once<B: TestBackend>() {
    let (mut store, _home) = B::fresh();
    assert!(!store.sign_in_ready().expect("ready"));
    let first = Secret::new_one(SecretKind::Password, "correct horse battery").expect("new");
    let admin = signin::first_administrator(&mut store, " Arjun Iyer ", &first, DESK, utc(NOW))
        .expect("first administrator");
    assert_eq!(admin.name(), "Arjun Iyer");
    assert_eq!(admin.role(), Role::Staff(StaffRole::Administrator));
    assert!(store.sign_in_ready().expect("ready"));
    // A second window that opened the new database before cannot make another.
    let err = signin::first_administrator(&mut store, "Someone", &first, DESK, utc(NOW))
        .expect_err("only once");
    assert!(
        err.to_string().contains("already has an administrator"),
        "{err}"
    );
    assert_eq!(store.staff().expect("staff").len(), 1);
    // The stored record holds a hash, never the password.
    let record = store
        .sign_in_record("arjun iyer")
        .expect("read")
        .expect("found");
    let stored = record.password.expect("hash").as_stored().to_owned();
    assert!(stored.starts_with("$argon2id$"), "an Argon2id hash");
    assert!(!stored.contains("horse"));
    // Signing in with it works (the real cost, once).
    let signed = sign_in(&mut store, "Arjun Iyer", "correct horse battery").expect("signs in");
    assert_eq!(signed.staff_id(), admin.staff_id());
    assert_eq!(store.check_access_log().expect("check"), ChainCheck::Whole);
}

pub fn wrong_tries_are_counted_logged_and_lock_the_account_after_five<B: TestBackend>() {
    let (mut store, _home) = B::fresh();
    staff_with_password(
        &mut store,
        1,
        "Maria D'Souza",
        StaffRole::Receptionist,
        "open sesame 1",
    );
    for left in (1..=4).rev() {
        match sign_in(&mut store, "Maria D'Souza", "open sesame 2") {
            Err(SignInError::Wrong { left: Some(n), .. }) => assert_eq!(n, left),
            other => panic!("a wrong password is refused with tries left: {other:?}"),
        }
    }
    let err = sign_in(&mut store, "maria d'souza", "open sesame 2").expect_err("fifth");
    assert!(matches!(err, SignInError::LockedOut(_)), "{err}");
    assert!(err.to_string().contains("locked"), "{err}");
    // Locked: even the right password is refused, and says so.
    let err = sign_in(&mut store, "Maria D'Souza", "open sesame 1").expect_err("locked");
    assert!(matches!(err, SignInError::LockedOut(_)), "{err}");
    // An unknown name and a wrong password read the same, and neither repeats what was typed.
    let unknown = sign_in(&mut store, "open sesame 1", "whatever1").expect_err("unknown");
    assert_eq!(unknown.to_string(), "the name or password is wrong");
    // Every try is in the log: five wrong, one while locked, one unknown name (whose typed name
    // is not written: it may be a password).
    let failed: Vec<_> = store
        .access_log(&AccessFilter {
            kind: Some(AccessKind::SignInFailed),
            limit: 100,
            ..AccessFilter::default()
        })
        .expect("log");
    assert_eq!(failed.len(), 7);
    assert!(failed.iter().all(|e| !e.access.name.contains("sesame")));
    assert_eq!(failed[0].access.detail, "no staff member has that name");
    assert_eq!(failed[1].access.detail, "account locked");
    // An administrator's new password unlocks the account.
    let record = store
        .sign_in_record("Maria D'Souza")
        .expect("read")
        .expect("found");
    let access = frontdesk::scheduling::access::Access {
        at: utc(NOW),
        desk: DESK.into(),
        staff: None,
        name: "admin".into(),
        kind: AccessKind::ChangedPermission,
        subject: String::new(),
        detail: String::new(),
    };
    store
        .set_secret(
            record.member.id,
            SecretKind::Password,
            Some(&quick_hash("a new one 3")),
            &access,
        )
        .expect("reset");
    sign_in(&mut store, "Maria D'Souza", "a new one 3").expect("signs in again");
    assert_eq!(store.check_access_log().expect("check"), ChainCheck::Whole);
}

/// Staff of every role, each signed in on a store of their own over one database.
fn signed_in_as<B: TestBackend>(c: &Clinic1<B>, role: StaffRole) -> Guarded {
    let mut store: Box<dyn Store + Send> = Box::new(c.reopen());
    let n = 100 + role as u128;
    let name = format!("Staff {}", role.label());
    if store.sign_in_record(&name).expect("read").is_none() {
        staff_with_password(&mut *store, n, &name, role, "the password 1");
    }
    let who = sign_in(&mut *store, &name, "the password 1").expect("signs in");
    Guarded::new(store, who, Box::new(now)).expect("guarded")
}

/// Tries `action` through `store` in a way that needs exactly it: `Err(NotAllowed)` when
/// refused; otherwise whatever the store said (a refusal for another reason is not one).
fn try_action<B: TestBackend>(
    c: &Clinic1<B>,
    store: &mut Guarded,
    action: Action,
    dir: &tempfile::TempDir,
) -> Result<(), StoreError> {
    let now = utc(NOW);
    let booking = |kind: Kind| BookingRequest {
        kind,
        start: if kind == Kind::Scheduled {
            Start::Local(c.local("2026-06-02 11:00"))
        } else {
            Start::FirstFreeToday(SlotTarget::Doctor(c.rao))
        },
        ..c.request(c.rao, None, c.asha, "2026-06-02 11:00")
    };
    match action {
        Action::SeeSchedule => store.clinics().map(drop),
        Action::Book => store.book(&booking(Kind::Scheduled), "x", now).map(drop),
        Action::WalkIn => store.book(&booking(Kind::WalkIn), "x", now).map(drop),
        Action::Move => store
            .move_appointment(
                &frontdesk::store::MoveRequest {
                    appointment: AppointmentId(crate::common::id(999)),
                    doctor: None,
                    room: None,
                    start: Start::Local(c.local("2026-06-02 12:00")),
                    overbook: None,
                },
                "x",
                now,
            )
            .map(drop),
        Action::ChangeStatus => store
            .change_status(
                AppointmentId(crate::common::id(999)),
                &StatusAction::Confirm,
                "x",
                now,
            )
            .map(drop),
        Action::StartOrComplete => store
            .change_status(
                AppointmentId(crate::common::id(999)),
                &StatusAction::Start,
                "x",
                now,
            )
            .map(drop),
        Action::Waitlist => store
            .remove_from_waitlist(
                frontdesk::scheduling::waitlist::WaitlistEntryId(crate::common::id(999)),
                "no longer needed",
                "x",
                now,
            )
            .map(drop),
        Action::PrintDaySheet => store
            .record(action, AccessKind::PrintedDaySheet, "2026-06-02", "")
            .map(drop),
        Action::SendReminders => store.plan_reminders(now).map(drop),
        Action::Settings => {
            let clinic = store.clinics()?.remove(0);
            store.save_clinic(&clinic, "x", now).map(drop)
        }
        Action::Reports => store
            .report_input(
                c.clinic,
                frontdesk::scheduling::report::ReportRange::new(
                    chrono::NaiveDate::from_ymd_opt(2026, 6, 1).expect("date"),
                    chrono::NaiveDate::from_ymd_opt(2026, 6, 7).expect("date"),
                )
                .expect("range"),
                now,
            )
            .map(drop),
        Action::ExportReports => store
            .record(action, AccessKind::Exported, "report", "")
            .map(drop),
        Action::StaffAndRoles => store
            .save_staff(
                &StaffMember {
                    id: StaffId(crate::common::id(500)),
                    name: "New Nurse".into(),
                    role: StaffRole::Nurse,
                    active: true,
                },
                "x",
                now,
            )
            .map(drop),
        Action::Backup => store
            .backup_to(&dir.as_ref().join("backup.sqlite3"), &mut |_| {})
            .map(drop),
        Action::Restore => store
            .restore_from(
                &dir.as_ref().join("no such backup.sqlite3"),
                now,
                &mut |_| {},
            )
            .map(drop),
        Action::Import => store
            .import_patients(
                &frontdesk::import::Parsed {
                    rows: vec![],
                    bad: vec![],
                    series: vec![],
                    repeats: 0,
                },
                &frontdesk::import::ImportOptions {
                    clinic: c.clinic,
                    dry_run: true,
                    overbook: None,
                    source: "patients.csv".into(),
                    default_doctor: None,
                },
                &mut |_| {},
            )
            .map(drop),
        Action::ExportAppointments => store
            .export_set(&ExportQuery {
                clinic: c.clinic,
                from: None,
                to: None,
                scope: frontdesk::export::Scope::All,
            })
            .map(drop),
        Action::ReminderChannels => {
            let settings = store.reminder_settings()?;
            store.save_reminder_settings(&settings, "x", now).map(drop)
        }
        Action::AccessLog => store
            .access_log(&AccessFilter {
                limit: 10,
                ..AccessFilter::default()
            })
            .map(drop),
        Action::QueueBoard => {
            frontdesk::store::WaitingRoom::queue_board(&*store, c.clinic, now).map(drop)
        }
        Action::SelfCheckIn => frontdesk::store::WaitingRoom::kiosk_find(
            &*store,
            c.clinic,
            "98450 12345",
            &frontdesk::scheduling::kiosk::Proof::Code("000000".into()),
            now,
        )
        .map(drop),
    }
}

pub fn each_role_may_do_what_its_role_allows_and_is_refused_the_rest<B: TestBackend>() {
    let c = Clinic1::<B>::fresh(chrono_tz::Asia::Kolkata);
    let dir = tempfile::tempdir().expect("dir");
    for role in StaffRole::ALL {
        let mut store = signed_in_as(&c, role);
        for action in Action::ALL {
            let before = c.reopen().change_version().expect("version");
            let result = try_action(&c, &mut store, action, &dir);
            let may = Role::Staff(role).may(action);
            match (&result, may) {
                (Err(StoreError::NotAllowed(refused)), false) => {
                    assert_eq!(refused.action, action);
                    let text = result.as_ref().unwrap_err().to_string();
                    assert!(
                        text.contains(&format!("the {}", action.least_role().as_str())),
                        "{role:?} {action:?}: the refusal names the role it needs: {text}"
                    );
                    assert_eq!(
                        c.reopen().change_version().expect("version"),
                        before,
                        "{role:?} {action:?}: a refusal changes nothing"
                    );
                }
                (Err(StoreError::NotAllowed(_)), true) => {
                    panic!("{role:?} may {action:?} but was refused")
                }
                (_, false) => panic!("{role:?} may not {action:?} but it went on: {result:?}"),
                (_, true) => {}
            }
        }
    }
}

pub fn changes_are_recorded_under_the_signed_in_name_whatever_name_is_passed<B: TestBackend>() {
    let c = Clinic1::<B>::fresh(chrono_tz::Asia::Kolkata);
    let mut store = signed_in_as(&c, StaffRole::Receptionist);
    // A receptionist sets a patient's language for reminders, under their own name.
    store
        .set_patient_language(
            c.asha,
            Some(frontdesk::i18n::Language::Hindi),
            "Somebody Else",
            utc(NOW),
        )
        .expect("a receptionist sets it");
    let log = store.reminder_log(1);
    let log = match log {
        Ok(log) => log,
        // A receptionist may not read the reminder log: read it as an administrator.
        Err(_) => signed_in_as(&c, StaffRole::Administrator)
            .reminder_log(1)
            .expect("log"),
    };
    assert_eq!(log[0].action, "language set");
    assert_ne!(log[0].actor, "Somebody Else");
    assert_eq!(log[0].actor, store.who().name());
    let request = c.request(c.rao, None, c.asha, "2026-06-02 09:00");
    let booked = store
        .book(&request, "Somebody Else", utc(NOW))
        .expect("books");
    let history = store.history(booked.appointment.id).expect("history");
    assert_eq!(history[0].actor, "Staff Receptionist");
    let saved = store
        .add_patient(&patient(77, "Zainab Khan", "+91 90000 00077"))
        .expect("patient");
    assert!(saved.is_empty());
}

pub fn the_access_log_shows_openings_searches_exports_and_its_own_reading<B: TestBackend>() {
    let mut c = Clinic1::<B>::fresh(chrono_tz::Asia::Kolkata);
    let booked = c.book_ok(c.rao, None, c.asha, "2026-06-02 09:00", utc(NOW));
    let mut desk = signed_in_as(&c, StaffRole::Receptionist);
    // Opening the details reads the history; read again while open (a change elsewhere), it
    // is one opening.
    desk.history(booked.id).expect("history");
    desk.history(booked.id).expect("history again");
    desk.search_patients("Asha", 10).expect("search");
    let refused = desk.export_set(&ExportQuery {
        clinic: c.clinic,
        from: None,
        to: None,
        scope: frontdesk::export::Scope::All,
    });
    assert!(matches!(refused, Err(StoreError::NotAllowed(_))));
    // A receptionist cannot forge what only Frontdesk logs.
    let forged = desk.log_access(&desk.who().access(utc(NOW), AccessKind::BackedUp, "", ""));
    assert!(forged.is_err(), "a backup is logged only by a backup");
    // Nor log what their role may not do: exporting a report is the manager's.
    let exported = desk.log_access(&desk.who().access(utc(NOW), AccessKind::Exported, "", ""));
    assert!(
        matches!(exported, Err(StoreError::NotAllowed(_))),
        "{exported:?}"
    );
    drop(desk);

    let mut admin = signed_in_as(&c, StaffRole::Administrator);
    admin
        .export_set(&ExportQuery {
            clinic: c.clinic,
            from: None,
            to: None,
            scope: frontdesk::export::Scope::All,
        })
        .expect("export");
    let log = admin
        .access_log(&AccessFilter {
            limit: 100,
            ..AccessFilter::default()
        })
        .expect("log");
    let kinds: Vec<(AccessKind, &str)> = log
        .iter()
        .rev()
        .filter(|e| e.access.kind != AccessKind::ChangedPermission)
        .map(|e| (e.access.kind, e.access.name.as_str()))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (AccessKind::SignedIn, "Staff Receptionist"),
            (AccessKind::OpenedAppointment, "Staff Receptionist"),
            (AccessKind::SearchedPatients, "Staff Receptionist"),
            (AccessKind::SignedIn, "Staff Administrator"),
            (AccessKind::Exported, "Staff Administrator"),
        ]
    );
    assert!(log.iter().all(|e| e.access.desk == DESK));
    let opened = log
        .iter()
        .find(|e| e.access.kind == AccessKind::OpenedAppointment)
        .expect("opened");
    assert_eq!(opened.access.subject, booked.id.to_string());
    // Reading the log was logged too, and the chain is whole.
    let again = admin
        .access_log(&AccessFilter {
            kind: Some(AccessKind::ReadAccessLog),
            limit: 10,
            ..AccessFilter::default()
        })
        .expect("log");
    assert_eq!(again.len(), 1);
    assert_eq!(admin.check_access_log().expect("check"), ChainCheck::Whole);
}

pub fn a_service_credential_sends_reminders_and_backs_up_and_nothing_else<B: TestBackend>() {
    let c = Clinic1::<B>::fresh(chrono_tz::Asia::Kolkata);
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.as_ref().join("reminders.credential");
    // Only an administrator issues one.
    let mut desk = signed_in_as(&c, StaffRole::Manager);
    let err = signin::service::issue(&mut desk, "reminders", &file, utc(NOW)).expect_err("no");
    assert!(err.to_string().contains("administrator"), "{err}");
    assert!(!file.exists(), "nothing is left behind");
    let mut admin = signed_in_as(&c, StaffRole::Administrator);
    signin::service::issue(&mut admin, "reminders", &file, utc(NOW)).expect("issued");

    let mut store: Box<dyn Store + Send> = Box::new(c.reopen());
    let job = signin::service::sign_in(&mut *store, &file, DESK, utc(NOW)).expect("signs in");
    assert_eq!(
        job.role(),
        Role::Service(frontdesk::scheduling::permission::ServiceScope::Jobs)
    );
    let mut job = Guarded::new(store, job, Box::new(now)).expect("guarded");
    job.plan_reminders(utc(NOW)).expect("plans reminders");
    job.backup_to(&dir.as_ref().join("backup.sqlite3"), &mut |_| {})
        .expect("backs up");
    let refused = job.clinics().expect_err("sees no schedule");
    assert!(
        refused.to_string().contains("service credential"),
        "{refused}"
    );
    let refused = job
        .book(
            &c.request(c.rao, None, c.asha, "2026-06-02 09:00"),
            "x",
            utc(NOW),
        )
        .expect_err("books nothing");
    assert!(matches!(refused, StoreError::NotAllowed(_)), "{refused}");
    // The clinic's language is a manager's (with the rules), not a receptionist's.
    signed_in_as(&c, StaffRole::Manager)
        .set_clinic_language(frontdesk::i18n::Language::Hindi, "x", utc(NOW))
        .expect("a manager sets it");
    let refused = signed_in_as(&c, StaffRole::Receptionist)
        .set_clinic_language(frontdesk::i18n::Language::English, "x", utc(NOW))
        .expect_err("a receptionist may not");
    assert!(matches!(refused, StoreError::NotAllowed(_)), "{refused}");
    assert_eq!(
        c.reopen().clinic_language().expect("read"),
        frontdesk::i18n::Language::Hindi
    );
    // Nor does the service credential change what language a patient reads, nor read it.
    let refused = job
        .set_patient_language(
            c.asha,
            Some(frontdesk::i18n::Language::Hindi),
            "x",
            utc(NOW),
        )
        .expect_err("changes no patient's language");
    assert!(matches!(refused, StoreError::NotAllowed(_)), "{refused}");
    assert!(job.patient_language(c.asha).is_err());
    assert_eq!(c.reopen().patient_language(c.asha).expect("read"), None);

    // Revoked: the file no longer signs in, and the try is logged.
    let access = admin
        .who()
        .access(utc(NOW), AccessKind::ChangedPermission, "", "");
    admin
        .save_service_credential("reminders", None, utc(NOW), &access)
        .expect("revoked");
    let err = signin::service::sign_in(&mut c.reopen(), &file, DESK, utc(NOW)).expect_err("no");
    assert!(err.to_string().contains("service credential"), "{err}");
    let failed = admin
        .access_log(&AccessFilter {
            kind: Some(AccessKind::SignInFailed),
            limit: 10,
            ..AccessFilter::default()
        })
        .expect("log");
    assert_eq!(failed[0].access.name, "reminders");
    assert_eq!(admin.check_access_log().expect("check"), ChainCheck::Whole);
}

pub fn a_locked_store_reads_and_writes_nothing_until_someone_signs_in<B: TestBackend>() {
    let c = Clinic1::<B>::fresh(chrono_tz::Asia::Kolkata);
    let mut desk = signed_in_as(&c, StaffRole::Receptionist);
    assert!(!desk.clinics().expect("clinics").is_empty());
    desk.lock(utc(NOW)).expect("locked");
    assert!(desk.is_locked());
    for refused in [
        desk.clinics().map(drop),
        desk.search_patients("Asha", 10).map(drop),
        desk.agenda(
            c.clinic,
            Interval::new(c.at("2026-06-02 00:00"), c.at("2026-06-03 00:00")),
            frontdesk::store::AgendaFilter::All,
        )
        .map(drop),
        desk.book(
            &c.request(c.rao, None, c.asha, "2026-06-02 09:00"),
            "x",
            utc(NOW),
        )
        .map(drop),
    ] {
        let err = refused.expect_err("locked");
        assert!(matches!(err, StoreError::SignInNeeded), "{err}");
        assert_eq!(
            err.to_string(),
            "the window is locked: sign in again to go on"
        );
    }
    assert!(!desk.may(Action::SeeSchedule));
    // Someone else signs in at the locked desk: they go on, as themselves.
    let mut raw = c.reopen();
    let nurse_name = format!("Staff {}", StaffRole::Nurse.label());
    staff_with_password(
        &mut raw,
        203,
        &nurse_name,
        StaffRole::Nurse,
        "the password 1",
    );
    drop(raw);
    // A wrong password leaves it locked.
    let wrong = desk.sign_in_again(&nurse_name, &password("not it at all"), DESK, utc(NOW));
    assert!(wrong.is_err());
    assert!(desk.is_locked());
    desk.sign_in_again(&nurse_name, &password("the password 1"), DESK, utc(NOW))
        .expect("unlocked");
    assert!(!desk.is_locked());
    let booked = desk
        .book(
            &c.request(c.rao, None, c.asha, "2026-06-02 09:00"),
            "x",
            utc(NOW),
        )
        .expect("books");
    assert_eq!(
        desk.history(booked.appointment.id).expect("history")[0].actor,
        nurse_name
    );
    let mut admin = signed_in_as(&c, StaffRole::Administrator);
    let out = admin
        .access_log(&AccessFilter {
            kind: Some(AccessKind::SignedOut),
            limit: 10,
            ..AccessFilter::default()
        })
        .expect("log");
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].access.detail, "locked");
    assert_eq!(out[0].access.name, "Staff Receptionist");
}

pub fn a_name_in_any_script_signs_in_typed_in_any_unicode_form_and_spacing<B: TestBackend>() {
    let (mut store, _home) = B::fresh();
    // Composed é and Ü; the Tamil name with its virama.
    let name = "Zoë Ünal ரமேஷ் O'Brien";
    staff_with_password(&mut store, 9, name, StaffRole::Nurse, "a password 9");
    let decomposed = "Zoe\u{308}  U\u{308}nal ரமேஷ்   o'brien";
    let signed = sign_in(&mut store, decomposed, "a password 9").expect("signs in");
    assert_eq!(signed.name(), name);
    // Only A–Z fold: a name that differs in another letter is another name.
    let err = sign_in(&mut store, "Zoë ünal ரமேஷ் O'Brien", "a password 9").expect_err("ü");
    assert!(
        matches!(err, SignInError::Wrong { left: None, .. }),
        "{err}"
    );
}

pub fn the_guard_hands_out_no_hash_records_no_sign_in_and_takes_no_other_databases<
    B: TestBackend,
>() {
    let c = Clinic1::<B>::fresh(chrono_tz::Asia::Kolkata);
    let mut desk = signed_in_as(&c, StaffRole::Receptionist);
    let record = desk
        .sign_in_record("Staff Receptionist")
        .expect("read")
        .expect("found");
    assert_eq!((record.password, record.pin), (None, None));
    let forged = desk.who().access(utc(NOW), AccessKind::SignedIn, "", "");
    assert!(desk.record_sign_in(None, true, &forged).is_err());
    // A sign-in to another database opens nothing here.
    let (mut other, _home) = B::fresh();
    staff_with_password(
        &mut other,
        1,
        "Staff Receptionist",
        StaffRole::Administrator,
        "the password 1",
    );
    let elsewhere = sign_in(&mut other, "Staff Receptionist", "the password 1").expect("signs in");
    let err = Guarded::new(Box::new(c.reopen()), elsewhere, Box::new(now)).expect_err("another");
    assert!(err.to_string().contains("another database"), "{err}");
}

pub fn tries_are_counted_before_the_check_so_desks_at_once_cannot_outguess_the_lock<
    B: TestBackend,
>() {
    let (mut store, _home) = B::fresh();
    let member = staff_with_password(
        &mut store,
        4,
        "Farah Khan",
        StaffRole::Manager,
        "right one 4",
    );
    let refusal = frontdesk::scheduling::access::Access {
        at: utc(NOW),
        desk: DESK.into(),
        staff: Some(member.id),
        name: member.name.clone(),
        kind: AccessKind::SignInFailed,
        subject: String::new(),
        detail: "account locked".into(),
    };
    // Five desks begin a try at once: each is counted before any is checked.
    for n in 1..=5 {
        let tries = store
            .begin_sign_in(member.id, utc(NOW), &refusal)
            .expect("counted")
            .expect("not locked yet");
        assert_eq!(tries.failed, n);
    }
    // The sixth, with the right password, is refused unchecked.
    let err = sign_in(&mut store, "Farah Khan", "right one 4").expect_err("locked");
    assert!(matches!(err, SignInError::LockedOut(_)), "{err}");
}

pub fn the_last_administrator_who_can_sign_in_stays_one<B: TestBackend>() {
    let c = Clinic1::<B>::fresh(chrono_tz::Asia::Kolkata);
    let mut admin = signed_in_as(&c, StaffRole::Administrator);
    let me = admin.who().staff_id().expect("staff");
    let record = admin.sign_in_record_of(me).expect("read").expect("found");
    for change in [
        StaffMember {
            active: false,
            ..record.member.clone()
        },
        StaffMember {
            role: StaffRole::Manager,
            ..record.member.clone()
        },
    ] {
        let err = admin
            .save_staff(&change, "x", utc(NOW))
            .expect_err("last one");
        assert!(
            err.to_string().contains("last active administrator"),
            "{err}"
        );
    }
    let access = admin
        .who()
        .access(utc(NOW), AccessKind::ChangedPermission, "", "");
    let err = admin
        .set_secret(me, SecretKind::Password, None, &access)
        .expect_err("last one");
    assert!(
        err.to_string().contains("last active administrator"),
        "{err}"
    );
    // Nothing changed: the administrator still signs in, as one.
    let again = sign_in(&mut c.reopen(), "Staff Administrator", "the password 1").expect("in");
    assert_eq!(again.role(), Role::Staff(StaffRole::Administrator));
    // With a second administrator, the first may step down.
    let mut raw = c.reopen();
    staff_with_password(
        &mut raw,
        600,
        "Second Admin",
        StaffRole::Administrator,
        "another one 6",
    );
    admin
        .save_staff(
            &StaffMember {
                role: StaffRole::Manager,
                ..record.member
            },
            "x",
            utc(NOW),
        )
        .expect("steps down");
}

pub fn the_first_administrator_never_takes_over_a_listed_staff_member<B: TestBackend>() {
    let (mut store, _home) = B::fresh();
    let maria = StaffMember {
        id: StaffId(crate::common::id(70)),
        name: "Maria D'Souza".into(),
        role: StaffRole::Receptionist,
        active: true,
    };
    store.save_staff(&maria, "setup", utc(NOW)).expect("staff");
    let password = Secret::new_one(SecretKind::Password, "taking over now").expect("new");
    let err = signin::first_administrator(&mut store, "maria d'souza", &password, DESK, utc(NOW))
        .expect_err("listed");
    assert!(err.to_string().contains("already named"), "{err}");
    assert!(!store.sign_in_ready().expect("ready"));
    assert_eq!(store.staff().expect("staff"), vec![maria]);
}

/// The waiting room's credentials (issue 17) are narrowed by name: `board` shows the queue
/// board and nothing else, `kiosk` checks patients in and nothing else; neither backs up,
/// sends reminders or reads the schedule, and cron's credential reads neither screen.
pub fn the_boards_and_the_kiosks_credentials_do_only_their_screens_job<B: TestBackend>() {
    use frontdesk::scheduling::kiosk::Proof;
    use frontdesk::store::WaitingRoom;
    let c = Clinic1::<B>::fresh(chrono_tz::Asia::Kolkata);
    let dir = tempfile::tempdir().expect("dir");
    let mut admin = signed_in_as(&c, StaffRole::Administrator);
    let mut screen = |name: &str| {
        let file = dir.as_ref().join(format!("{name}.credential"));
        signin::service::issue(&mut admin, name, &file, utc(NOW)).expect("issued");
        let mut store: Box<dyn Store + Send> = Box::new(c.reopen());
        let who = signin::service::sign_in(&mut *store, &file, DESK, utc(NOW)).expect("signs in");
        Guarded::new(store, who, Box::new(now)).expect("guarded")
    };
    let proof = Proof::Code("000000".into());
    let backup = dir.as_ref().join("copy.sqlite3");
    let mut board = screen("board");
    board
        .queue_board(c.clinic, utc(NOW))
        .expect("shows the board");
    assert!(!board.board_clinics().expect("its clinic").is_empty());
    assert!(matches!(
        board.kiosk_find(c.clinic, "9845012345", &proof, utc(NOW)),
        Err(StoreError::NotAllowed(_))
    ));
    assert!(matches!(
        board.backup_to(&backup, &mut |_| {}),
        Err(StoreError::NotAllowed(_))
    ));
    assert!(matches!(
        board.plan_reminders(utc(NOW)),
        Err(StoreError::NotAllowed(_))
    ));
    assert!(matches!(board.clinics(), Err(StoreError::NotAllowed(_))));
    assert!(!backup.exists(), "no copy of the database was made");
    let mut kiosk = screen("kiosk");
    kiosk
        .kiosk_find(c.clinic, "9845012345", &proof, utc(NOW))
        .expect("looks up");
    assert!(matches!(
        kiosk.queue_board(c.clinic, utc(NOW)),
        Err(StoreError::NotAllowed(_))
    ));
    assert!(matches!(
        kiosk.backup_to(&backup, &mut |_| {}),
        Err(StoreError::NotAllowed(_))
    ));
    let mut jobs = screen("reminders");
    jobs.plan_reminders(utc(NOW)).expect("cron's job");
    assert!(matches!(
        jobs.queue_board(c.clinic, utc(NOW)),
        Err(StoreError::NotAllowed(_))
    ));
    assert!(matches!(
        jobs.kiosk_find(c.clinic, "9845012345", &proof, utc(NOW)),
        Err(StoreError::NotAllowed(_))
    ));
}
