//! The queue board (issue 17): a full-screen window for a TV in the waiting room. It shows who
//! is called now (their token, or the booked time, with initials only when the clinic chose
//! them, and where to go) and each doctor's waiting tokens with an estimated wait, in the
//! clinic's language, in type large enough to read from five metres, light or dark. Each new
//! call is announced by a chime and espeak-ng when the clinic wants it. It follows the database
//! live ([`feed`]) and needs no keyboard or mouse once started; when the database is out of
//! reach it says "reconnecting" over what it showed, and never passes old data off as current.

pub mod feed;
pub mod speech;
mod view;

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use iced::futures::channel::mpsc;
use iced::futures::{Stream, StreamExt};
use iced::{Subscription, Task};

use crate::scheduling::waiting_room::{Announced, Board};
use feed::{FeedEvent, Source};
use speech::{Saying, Speaker};

/// How the board is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// White type on black (the default: a TV in a lit room), else black on white.
    pub dark: bool,
    /// Fill the screen (the default), else a window (for trying it out).
    pub fullscreen: bool,
    /// A fixed "now" (screenshots), else the system clock.
    pub fixed_now: Option<DateTime<Utc>>,
}

/// The board's state.
#[derive(Debug)]
pub struct BoardWindow {
    /// The board as last read.
    pub board: Option<Board>,
    /// When it was read.
    pub read_at: Option<DateTime<Utc>>,
    /// The database is out of reach: since when, and why.
    pub lost: Option<(DateTime<Utc>, String)>,
    /// The clock.
    pub now: DateTime<Utc>,
    /// Light or dark.
    pub dark: bool,
    fixed_clock: bool,
    announced: Announced,
    speaker: Option<Speaker>,
}

/// What happens to the board.
#[derive(Debug, Clone)]
pub enum Message {
    /// The feed read the board, or lost the database.
    Feed(FeedEvent),
    /// The clock moved on.
    Tick(DateTime<Utc>),
}

impl BoardWindow {
    /// A board with nothing read yet, speaking through `speaker` (none: silent).
    pub fn new(options: &Options, speaker: Option<Speaker>) -> BoardWindow {
        BoardWindow {
            board: None,
            read_at: None,
            lost: None,
            now: options.fixed_now.unwrap_or_else(Utc::now),
            dark: options.dark,
            fixed_clock: options.fixed_now.is_some(),
            announced: Announced::default(),
            speaker,
        }
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Feed(FeedEvent::Board(board, at)) => {
                crate::i18n::set_current(board.language);
                let calls = self.announced.new_calls(&board, at);
                if board.announce
                    && let Some(speaker) = &self.speaker
                {
                    for call in calls {
                        speaker.say(Saying {
                            text: call.announcement(),
                            language: board.language,
                        });
                    }
                }
                self.board = Some(*board);
                self.read_at = Some(at);
                self.lost = None;
                if self.fixed_clock {
                    self.now = at;
                }
            }
            Message::Feed(FeedEvent::Lost(reason)) => {
                let since = self.lost.as_ref().map_or(self.now, |(since, _)| *since);
                self.lost = Some((since, reason));
            }
            Message::Tick(now) => {
                if !self.fixed_clock {
                    self.now = now;
                }
                // The feed reads at least every REFRESH: a board older than twice that has
                // lost its feed, whatever the reason, and must not pass for current.
                let silent = self.read_at.is_some_and(|at| {
                    self.now - at
                        > chrono::Duration::from_std(feed::REFRESH * 2).unwrap_or_default()
                });
                if silent && self.lost.is_none() {
                    self.lost = Some((self.now, crate::t!("board-silent")));
                }
            }
        }
        Task::none()
    }

    /// The board on screen.
    pub fn view(&self) -> iced::Element<'_, Message> {
        view::view(self)
    }

    /// Light or dark, in high contrast.
    pub fn theme(&self) -> iced::Theme {
        view::theme(self.dark)
    }

    /// The window's title.
    pub fn title(&self) -> String {
        match &self.board {
            Some(b) => crate::t!("board-title", clinic = b.clinic_name.as_str()),
            None => crate::t!("board-title-connecting"),
        }
    }
}

/// The board's light theme, high contrast (the kiosk's too).
pub fn light_theme() -> iced::Theme {
    view::theme(false)
}

/// The source handed once to the feed's thread when the subscription starts.
#[derive(Clone)]
struct FeedKey(Arc<Mutex<Option<Source>>>);

impl std::hash::Hash for FeedKey {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        "frontdesk-board-feed".hash(state);
    }
}

/// The feed of `key`'s source as a stream of messages, from a thread of its own.
fn feed_stream(key: FeedKey) -> impl Stream<Item = Message> + Send + 'static {
    let (sender, receiver) = mpsc::unbounded();
    let source = key.0.lock().ok().and_then(|mut s| s.take());
    if let Some(source) = source {
        let spawned = std::thread::Builder::new()
            .name("frontdesk-board-feed".into())
            .spawn(move || feed::run(source, |event| sender.unbounded_send(event).is_ok()));
        if let Err(error) = spawned {
            tracing::error!(%error, "the board's feed could not start");
        }
    }
    receiver.map(Message::Feed)
}

/// Opens the board on `source` (signed in), full screen unless asked otherwise.
pub fn run(source: Source, options: Options) -> iced::Result {
    // The user's own runtime folder (0700) where there is one, for the chime's file.
    let folder = std::env::var_os("XDG_RUNTIME_DIR")
        .map(std::path::PathBuf::from)
        .filter(|p| p.is_dir())
        .unwrap_or_else(std::env::temp_dir);
    let speaker = Speaker::start(folder, speech::Programs::from_env());
    let key = FeedKey(Arc::new(Mutex::new(Some(source))));
    let speaker = Mutex::new(Some(speaker));
    let window = iced::window::Settings {
        size: iced::Size::new(1920.0, 1080.0),
        min_size: Some(iced::Size::new(640.0, 360.0)),
        fullscreen: options.fullscreen,
        icon: crate::gui::icon::window_icon().ok(),
        platform_specific: iced::window::settings::PlatformSpecific {
            application_id: format!("{}.Board", crate::APP_ID),
            ..Default::default()
        },
        ..iced::window::Settings::default()
    };
    iced::application(
        move || {
            let speaker = speaker.lock().ok().and_then(|mut s| s.take());
            (BoardWindow::new(&options, speaker), Task::none())
        },
        BoardWindow::update,
        BoardWindow::view,
    )
    .title(BoardWindow::title)
    .theme(BoardWindow::theme)
    .subscription(move |board: &BoardWindow| {
        let feed = Subscription::run_with(key.clone(), |key| feed_stream(key.clone()));
        if board.fixed_clock {
            feed
        } else {
            Subscription::batch([
                feed,
                iced::time::every(std::time::Duration::from_secs(1))
                    .map(|_| Message::Tick(Utc::now())),
            ])
        }
    })
    .window(window)
    .settings(crate::gui::settings())
    .run()
}
