//! The desk's language, as a receptionist changes it: Settings → This desk → हिन्दी turns the
//! window and its dates into Hindi at once, the choice is kept in the desk's own preferences
//! file for the next start (the sign-in screen already in Hindi), a store's refusal reads in
//! Hindi, and `--language` changes a run without touching the file.
//!
//! The language is the process's (one window per process), so these tests take turns.

mod gui_harness;

use std::sync::Mutex;

use frontdesk::gui::App;
use frontdesk::gui::app::Phase;
use frontdesk::gui::desk_prefs::{DeskPrefs, LanguageChoice};
use frontdesk::i18n::{self, Language};
use gui_harness::keys::{Window, tap};
use gui_harness::{Harness, now};
use iced::keyboard::key::Named;

static TURNS: Mutex<()> = Mutex::new(());

fn turn() -> std::sync::MutexGuard<'static, ()> {
    TURNS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A window on a new database with the desk's preferences in `prefs` (no sign-in yet).
fn window_with_prefs(h: &Harness, prefs: &std::path::Path) -> Harness {
    let dir = tempfile::tempdir().expect("dir");
    let runtime = frontdesk::gui::headless::runtime().expect("runtime");
    let (mut app, task) = App::new(h.dir.path().join("desk.sqlite3"), now());
    let (loaded, warning) = DeskPrefs::load(Some(prefs.to_path_buf()));
    app.use_prefs(loaded, warning, None);
    let mut second = Harness { dir, runtime, app };
    second.settle(task);
    second
}

#[test]
fn hindi_chosen_in_settings_changes_the_window_at_once_and_is_kept_for_this_desk() {
    let _turn = turn();
    let mut h = Harness::with_demo();
    let prefs = h
        .dir
        .path()
        .join("config")
        .join("frontdesk")
        .join("desk.conf");
    h.app
        .use_prefs(DeskPrefs::load(Some(prefs.clone())).0, None, None);
    // Until a language is chosen the desk follows the system's (English here unless the
    // machine running the tests is set to Hindi).
    assert_eq!(h.app.language(), LanguageChoice::System);
    if Language::of_system() == Language::English {
        let texts = h.texts();
        assert!(texts.iter().any(|t| t.starts_with("Tue")), "{texts:?}");
    }

    h.click("Settings");
    h.click("This desk");
    // The keyboard chooses (iced's own list under the picker is drawn, not made of texts a
    // test could click): Tab reaches the picker, Down goes English, Down again हिन्दी.
    let mut window = Window::new();
    window.frame(&mut h, tap(Named::Tab));
    window.frame(&mut h, tap(Named::ArrowDown));
    assert_eq!(h.app.language(), LanguageChoice::Chosen(Language::English));
    window.frame(&mut h, tap(Named::ArrowDown));
    assert_eq!(h.app.language(), LanguageChoice::Chosen(Language::Hindi));
    assert_eq!(i18n::current(), Language::Hindi);
    let texts = h.texts();
    for hindi in ["कैलेंडर", "सेटिंग्स", "यह डेस्क", "वेटलिस्ट"]
    {
        assert!(texts.iter().any(|t| t == hindi), "{hindi} not in {texts:?}");
    }
    assert!(!texts.iter().any(|t| t == "Calendar" || t == "Settings"));
    let kept = std::fs::read_to_string(&prefs).expect("the desk's preferences were saved");
    assert!(kept.lines().any(|l| l == "language = hi"), "{kept}");

    // The calendar: its title, weekday and month in Hindi, its buttons too.
    h.click("कैलेंडर");
    let texts = h.texts();
    for hindi in ["आज", "डॉक्टर के अनुसार"] {
        assert!(texts.iter().any(|t| t == hindi), "{hindi} not in {texts:?}");
    }
    // The date in full, or short where the bar is narrow.
    assert!(
        texts
            .iter()
            .any(|t| t == "मंगलवार, 24 नवंबर 2026" || t == "मंगल, 24 नव॰ 2026"),
        "{texts:?}"
    );

    // The next start of this desk opens in Hindi before anyone signs in.
    let mut next = window_with_prefs(&h, &prefs);
    assert_eq!(next.app.language(), LanguageChoice::Chosen(Language::Hindi));
    let texts = next.texts();
    assert!(texts.iter().any(|t| t == "भाषा"), "{texts:?}");

    // And back to English from the sign-in screen's picker.
    // Up goes back to English (Tab first reaches the sign-in form's fields, so the picker is
    // given the focus as a click would).
    let mut window = Window::new();
    window.focus("door-language");
    window.frame(&mut next, tap(Named::ArrowUp));
    assert_eq!(i18n::current(), Language::English);
    let kept = std::fs::read_to_string(&prefs).expect("saved again");
    assert!(kept.lines().any(|l| l == "language = en"), "{kept}");
    assert!(next.texts().iter().any(|t| t == "Language"));
}

#[test]
fn a_refusal_from_the_store_reads_in_the_desks_language() {
    let _turn = turn();
    let dir = tempfile::tempdir().expect("dir");
    let not_a_database = dir.path().join("notes.sqlite3");
    std::fs::write(&not_a_database, "shopping list: milk, eggs\n".repeat(200)).expect("file");
    let runtime = frontdesk::gui::headless::runtime().expect("runtime");
    let (mut app, task) = App::new(not_a_database.clone(), now());
    app.use_prefs(DeskPrefs::default(), None, Some(Language::Hindi));
    let mut h = Harness { dir, runtime, app };
    h.settle(task);
    let Phase::Failed(said) = &h.app.phase else {
        panic!("a file that is not a database must not open")
    };
    assert!(said.contains("Frontdesk का डेटाबेस नहीं है"), "{said}");
    let texts = h.texts();
    assert!(
        texts.iter().any(|t| t == "Frontdesk डेटाबेस नहीं खोल पा रहा"),
        "{texts:?}"
    );
    i18n::set_current(Language::English);
}

#[test]
fn a_language_for_one_run_leaves_the_desks_choice_alone() {
    let _turn = turn();
    let dir = tempfile::tempdir().expect("dir");
    let prefs = dir.path().join("desk.conf");
    std::fs::write(&prefs, "language = en\n").expect("written");
    let runtime = frontdesk::gui::headless::runtime().expect("runtime");
    let (mut app, task) = App::new(dir.path().join("desk.sqlite3"), now());
    let (loaded, warning) = DeskPrefs::load(Some(prefs.clone()));
    assert!(warning.is_none());
    app.use_prefs(loaded, warning, Some(Language::Hindi));
    let mut h = Harness { dir, runtime, app };
    h.settle(task);
    assert_eq!(i18n::current(), Language::Hindi);
    assert!(h.texts().iter().any(|t| t == "भाषा"));
    assert_eq!(
        std::fs::read_to_string(&prefs).expect("still there"),
        "language = en\n"
    );
    i18n::set_current(Language::English);
}

#[test]
fn a_damaged_preferences_file_opens_the_window_in_the_systems_language_and_says_so() {
    let _turn = turn();
    let dir = tempfile::tempdir().expect("dir");
    let prefs = dir.path().join("desk.conf");
    std::fs::write(&prefs, b"language = \xff\xfe\x00\nlanguage = xx\n").expect("written");
    let runtime = frontdesk::gui::headless::runtime().expect("runtime");
    let (mut app, task) = App::new(dir.path().join("desk.sqlite3"), now());
    let (loaded, warning) = DeskPrefs::load(Some(prefs.clone()));
    assert_eq!(loaded.language, LanguageChoice::System);
    app.use_prefs(loaded, warning, None);
    let mut h = Harness { dir, runtime, app };
    h.settle(task);
    assert_eq!(i18n::current(), Language::of_system());
    let notice = h.app.notice().map(str::to_owned).unwrap_or_default();
    assert!(notice.contains("desk.conf"), "{notice:?}");
}

#[test]
fn a_preferences_file_that_cannot_be_written_is_said_and_the_language_still_changes() {
    let _turn = turn();
    let dir = tempfile::tempdir().expect("dir");
    // The folder the file would go in is a file: neither the folder nor the file can be made.
    let blocked = dir.path().join("config");
    std::fs::write(&blocked, "not a folder").expect("written");
    let prefs = blocked.join("desk.conf");
    let runtime = frontdesk::gui::headless::runtime().expect("runtime");
    let (mut app, task) = App::new(dir.path().join("desk.sqlite3"), now());
    app.use_prefs(DeskPrefs::load(Some(prefs.clone())).0, None, None);
    let mut h = Harness { dir, runtime, app };
    h.settle(task);
    h.send(frontdesk::gui::app::Message::ChooseLanguage(
        LanguageChoice::Chosen(Language::Hindi),
    ));
    assert_eq!(i18n::current(), Language::Hindi);
    assert!(h.texts().iter().any(|t| t == "भाषा"));
    let said = h.app.error().map(|e| e.to_string()).unwrap_or_default();
    assert!(said.contains("desk.conf"), "{said:?}");
    assert!(!prefs.exists());
    i18n::set_current(Language::English);
}

#[test]
fn languages_picked_in_quick_succession_leave_the_last_one_in_the_file() {
    let _turn = turn();
    let dir = tempfile::tempdir().expect("dir");
    let prefs = dir.path().join("desk.conf");
    let runtime = frontdesk::gui::headless::runtime().expect("runtime");
    let (mut app, task) = App::new(dir.path().join("desk.sqlite3"), now());
    app.use_prefs(DeskPrefs::load(Some(prefs.clone())).0, None, None);
    let mut h = Harness { dir, runtime, app };
    h.settle(task);
    // All the saves asked for before any has run, as arrow keys held down would.
    let choices = [
        Language::Hindi,
        Language::English,
        Language::Hindi,
        Language::English,
    ];
    let tasks: Vec<_> = choices
        .iter()
        .map(|&l| {
            h.app.update(frontdesk::gui::app::Message::ChooseLanguage(
                LanguageChoice::Chosen(l),
            ))
        })
        .collect();
    for task in tasks.into_iter().rev() {
        h.settle(task);
    }
    let kept = std::fs::read_to_string(&prefs).expect("saved");
    assert!(kept.lines().any(|l| l == "language = en"), "{kept}");
    assert_eq!(
        DeskPrefs::load(Some(prefs)).0.language,
        LanguageChoice::Chosen(Language::English)
    );
}
