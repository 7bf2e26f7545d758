//! The queue board's window (issue 17), headless: it shows the call and the waiting tokens and
//! no patient's name; a new call is announced once, with its words, through the speech command
//! (a recorder stands in for espeak-ng); a lost database puts "reconnecting" over what it
//! showed; a Hindi clinic's board is in Hindi.

mod common;

use std::sync::Mutex;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use common::{Clinic1, Sqlite, utc};
use frontdesk::gui::board::feed::FeedEvent;
use frontdesk::gui::board::speech::{Programs, Speaker};
use frontdesk::gui::board::{BoardWindow, Message, Options};
use frontdesk::scheduling::waiting_room::Board;
use frontdesk::scheduling::{AppointmentId, Kind};
use frontdesk::store::{Start, Store, WaitingRoom};

/// The window's language is the process's: one test at a time.
static LANGUAGE: Mutex<()> = Mutex::new(());

const NOW: &str = "2026-06-02T04:30:00Z";

/// A clinic with two walk-ins for Dr. Rao (W-001 Asha in Room 2, W-002 Ravi).
fn clinic() -> (Clinic1<Sqlite>, [AppointmentId; 2]) {
    let mut c = Clinic1::<Sqlite>::fresh(chrono_tz::Asia::Kolkata);
    let now = utc(NOW);
    let mut ids = Vec::new();
    for (patient, room) in [(c.asha, Some(c.room2)), (c.ravi, None)] {
        let mut req = c.request(c.rao, room, patient, "2026-06-02 10:00");
        req.start = Start::At(now);
        req.kind = Kind::WalkIn;
        req.overbook = Some("walk-in".into());
        ids.push(
            c.store
                .book(&req, "maria", now)
                .expect("walk-in")
                .appointment
                .id,
        );
    }
    (c, [ids[0], ids[1]])
}

fn board(c: &Clinic1<Sqlite>, at: DateTime<Utc>) -> Message {
    let board: Board = c.store.queue_board(c.clinic, at).expect("board");
    Message::Feed(FeedEvent::Board(Box::new(board), at))
}

fn texts(window: &BoardWindow) -> Vec<String> {
    let mut all = Vec::new();
    let mut ui =
        iced_test::Simulator::with_size(iced::Settings::default(), (1920.0, 1080.0), window.view());
    let _ = ui.find(|c: iced_test::selector::Candidate<'_>| {
        if let iced_test::selector::Candidate::Text { content, .. } = c {
            all.push(content.to_owned());
        }
        None::<()>
    });
    all
}

fn options() -> Options {
    Options {
        dark: true,
        fullscreen: false,
        fixed_now: Some(utc(NOW)),
    }
}

#[test]
fn the_board_shows_the_call_and_the_waiting_tokens_and_no_name() {
    let _one = LANGUAGE.lock().unwrap_or_else(|e| e.into_inner());
    frontdesk::i18n::set_current(frontdesk::i18n::Language::English);
    let (mut c, [asha, _]) = clinic();
    let now = utc(NOW);
    c.store.call_patient(asha, "maria", now).expect("call");
    let mut window = BoardWindow::new(&options(), None);
    let _ = window.update(board(&c, now));
    let shown = texts(&window);
    for expected in [
        "Now calling",
        "▶ W-001",
        "→ Room 2",
        "Waiting",
        "Dr. Anjali Rao",
        "W-002",
    ] {
        assert!(
            shown.iter().any(|t| t == expected),
            "{expected} in {shown:?}"
        );
    }
    assert!(
        shown.iter().any(|t| t.contains("about 15 min")),
        "{shown:?}"
    );
    for secret in ["Asha", "Iyer", "Ravi", "Kumar", "98450"] {
        assert!(
            !shown.iter().any(|t| t.contains(secret)),
            "{secret} on the board: {shown:?}"
        );
    }
    assert!(
        !format!("{window:?}").contains("Asha"),
        "nor in the window's state"
    );
}

#[test]
fn a_lost_database_shows_reconnecting_over_the_queue_as_it_was() {
    let _one = LANGUAGE.lock().unwrap_or_else(|e| e.into_inner());
    frontdesk::i18n::set_current(frontdesk::i18n::Language::English);
    let (c, _) = clinic();
    let mut window = BoardWindow::new(&options(), None);
    let _ = window.update(board(&c, utc(NOW)));
    let _ = window.update(Message::Feed(FeedEvent::Lost(
        "cannot reach the database server".into(),
    )));
    let shown = texts(&window);
    assert!(
        shown
            .iter()
            .any(|t| t == "Reconnecting… this is the queue as it was at 10:00"),
        "{shown:?}"
    );
    // Back: the banner goes.
    let _ = window.update(board(&c, utc(NOW)));
    assert!(!texts(&window).iter().any(|t| t.starts_with("Reconnecting")));
}

/// A recorder standing in for espeak-ng: each run appends its arguments, one per line, and an
/// empty line.
fn recorder(dir: &std::path::Path) -> (String, std::path::PathBuf) {
    let script = dir.join("speak");
    let out = dir.join("said.txt");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\" >> '{}'; done\necho >> '{}'\n",
            out.display(),
            out.display()
        ),
    )
    .expect("script");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    (script.display().to_string(), out)
}

fn said(out: &std::path::Path, runs: usize) -> Vec<String> {
    said_within(out, runs, Duration::from_secs(10))
}

/// What the recorder was given, once it ran `runs` times or `wait` passed.
fn said_within(out: &std::path::Path, runs: usize, wait: Duration) -> Vec<String> {
    let until = Instant::now() + wait;
    loop {
        let text = std::fs::read_to_string(out).unwrap_or_default();
        let done: Vec<String> = text
            .split("\n\n")
            .filter(|r| !r.trim().is_empty())
            .map(|r| r.trim().to_owned())
            .collect();
        if done.len() >= runs || Instant::now() > until {
            return done;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_new_call_is_announced_once_with_its_words_through_the_speech_command() {
    let _one = LANGUAGE.lock().unwrap_or_else(|e| e.into_inner());
    frontdesk::i18n::set_current(frontdesk::i18n::Language::English);
    let dir = tempfile::tempdir().expect("dir");
    let (speech, out) = recorder(dir.path());
    let speaker = Speaker::start(
        dir.path().to_owned(),
        Programs {
            speech,
            chime: Some("true".into()),
        },
    );
    let (mut c, [asha, ravi]) = clinic();
    let now = utc(NOW);
    // A call made before the board started is shown, not announced.
    c.store.call_patient(ravi, "maria", now).expect("call");
    let mut window = BoardWindow::new(&options(), Some(speaker));
    let _ = window.update(board(&c, now));
    c.store
        .call_patient(asha, "maria", now + chrono::Duration::seconds(30))
        .expect("call");
    let later = now + chrono::Duration::seconds(31);
    let _ = window.update(board(&c, later));
    let _ = window.update(board(&c, later));
    let runs = said(&out, 1);
    assert_eq!(
        runs,
        ["-v\nen\n-s\n140\n--\nToken W 1, please go to Room 2"],
        "one announcement, of the new call only"
    );
    // Called again: announced again.
    c.store
        .call_patient(asha, "maria", later)
        .expect("call again");
    let _ = window.update(board(&c, later));
    assert_eq!(said(&out, 2).len(), 2);
    assert_eq!(
        said_within(&out, 3, Duration::from_millis(700)).len(),
        2,
        "nothing more"
    );
}

#[test]
fn a_hindi_clinics_board_is_written_and_spoken_in_hindi() {
    let _one = LANGUAGE.lock().unwrap_or_else(|e| e.into_inner());
    let (mut c, [asha, _]) = clinic();
    let now = utc(NOW);
    c.store
        .set_clinic_language(frontdesk::i18n::Language::Hindi, "manager", now)
        .expect("hindi");
    c.store.call_patient(asha, "maria", now).expect("call");
    let mut window = BoardWindow::new(&options(), None);
    let _ = window.update(board(&c, now));
    let shown = texts(&window);
    frontdesk::i18n::set_current(frontdesk::i18n::Language::English);
    for expected in ["अभी बुलाया जा रहा है", "प्रतीक्षा में"]
    {
        assert!(
            shown.iter().any(|t| t == expected),
            "{expected} in {shown:?}"
        );
    }
    let board = c.store.queue_board(c.clinic, now).expect("board");
    frontdesk::i18n::set_current(frontdesk::i18n::Language::Hindi);
    let words = board.calling[0].announcement();
    frontdesk::i18n::set_current(frontdesk::i18n::Language::English);
    assert_eq!(words, "टोकन W 1, कृपया Room 2 में जाएँ");
}

/// The chime is a playable WAV: RIFF header, PCM mono 16-bit at 22 050 Hz, the data as long as
/// the header says (0.7 s), and not silent.
#[test]
fn the_chime_is_a_well_formed_wav() {
    let wav = frontdesk::gui::board::speech::chime_wav();
    let u32_at = |i: usize| u32::from_le_bytes([wav[i], wav[i + 1], wav[i + 2], wav[i + 3]]);
    let u16_at = |i: usize| u16::from_le_bytes([wav[i], wav[i + 1]]);
    assert_eq!(&wav[0..4], b"RIFF");
    assert_eq!(u32_at(4) as usize, wav.len() - 8);
    assert_eq!(&wav[8..16], b"WAVEfmt ");
    assert_eq!(
        (u16_at(20), u16_at(22), u32_at(24), u16_at(34)),
        (1, 1, 22_050, 16)
    );
    assert_eq!(&wav[36..40], b"data");
    let data = u32_at(40) as usize;
    assert_eq!(data, wav.len() - 44);
    let seconds = data as f64 / 2.0 / 22_050.0;
    assert!((0.69..0.71).contains(&seconds), "{seconds}");
    let loudest = wav[44..]
        .chunks(2)
        .map(|s| i16::from_le_bytes([s[0], s[1]]).unsigned_abs())
        .max()
        .unwrap_or(0);
    assert!(loudest > 8_000, "{loudest}");
}

/// A board whose feed fell silent (no read for more than twice the refresh) shows the
/// reconnecting banner by itself: old data never passes for current.
#[test]
fn a_board_whose_feed_falls_silent_says_so() {
    let _one = LANGUAGE.lock().unwrap_or_else(|e| e.into_inner());
    frontdesk::i18n::set_current(frontdesk::i18n::Language::English);
    let (c, _) = clinic();
    let live = Options {
        fixed_now: None,
        ..options()
    };
    let mut window = BoardWindow::new(&live, None);
    let read = utc(NOW);
    let _ = window.update(board(&c, read));
    let _ = window.update(Message::Tick(read + chrono::Duration::seconds(30)));
    assert!(window.lost.is_none(), "30 s: the feed may just be quiet");
    let _ = window.update(Message::Tick(read + chrono::Duration::seconds(41)));
    assert!(window.lost.is_some(), "41 s without a read");
    assert!(
        texts(&window)
            .iter()
            .any(|t| t == "Reconnecting… this is the queue as it was at 10:00"),
        "{:?}",
        texts(&window)
    );
}
