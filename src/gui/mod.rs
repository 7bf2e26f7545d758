//! The calendar window (iced). The only part of Frontdesk that imports iced: the root `App`
//! (`app.rs`, drawn by `app_view.rs`), the desk it opens on (`desk/`), the calendar canvas (`calendar/`, geometry in
//! `layout.rs`), the screens beside it (`screen/`), and the database boundary (`backend.rs`).

pub mod app;
mod app_view;
pub mod backend;
pub mod backend_reminders;
pub mod block_menu;
pub mod board;
pub mod calendar;
pub mod choice_keys;
pub mod desk;
pub mod desk_prefs;
pub mod escape_closes;
pub mod fields;
pub mod file_chooser;
pub mod headless;
pub mod icon;
pub mod kiosk;
pub mod layout;
pub mod mini_calendar;
pub mod pinboard;
pub mod screen;
pub mod theme;
pub mod top_bar;
pub mod undo;
pub mod widget;
pub mod window_keys;

use chrono::{DateTime, Utc};
use iced::Task;

use crate::store::Locator;
use crate::store::backup::BackupPolicy;

pub use app::{App, Message};

/// How the window starts.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The name the sign-in screen starts with (`--as`).
    pub name: Option<String>,
    /// The clock stands still at this instant (training, screenshots); otherwise it starts at
    /// the real time and ticks. Sign-in, lockouts and the access log keep the real time.
    pub fixed_now: Option<DateTime<Utc>>,
    /// How many daily backups to keep (the first launch of a day makes one).
    pub backups: BackupPolicy,
    /// How long without a key or a click before the window locks (`None`: five minutes).
    pub lock_after: Option<std::time::Duration>,
    /// The file this desk's preferences are kept in ([`desk_prefs::DeskPrefs::default_path`];
    /// `None`: kept for the run only).
    pub prefs: Option<std::path::PathBuf>,
    /// The language for this run, whatever the desk's preferences say (`--language`).
    pub language: Option<crate::i18n::Language>,
}

/// The program, as run by `frontdesk` and by the tests.
pub fn application(
    locator: Locator,
    options: Options,
) -> iced::Application<impl iced::Program<State = App, Message = Message, Theme = iced::Theme>> {
    iced::application(
        move || {
            let now = options.fixed_now.unwrap_or_else(Utc::now);
            let (app, task) = App::new(locator.clone(), now);
            let app = app
                .with_name(options.name.clone())
                .with_lock_after(options.lock_after.unwrap_or(app::LOCK_AFTER))
                .with_backups(options.backups);
            let (prefs, warning) = desk_prefs::DeskPrefs::load(options.prefs.clone());
            let app = app.with_prefs(prefs, warning, options.language);
            let task = Task::batch([
                task,
                App::daily_backup(locator.clone(), options.backups, now),
                fit_to_screen(),
            ]);
            match options.fixed_now {
                Some(_) => (app.with_fixed_clock(), task),
                None => (app, task),
            }
        },
        App::update,
        App::view,
    )
    .title(App::title)
    .theme(App::theme)
    .subscription(App::subscription)
    .window(window_settings())
    .settings(settings())
}

/// The window's settings: the fonts Frontdesk ships for names in every script
/// ([`crate::fonts`]) are loaded beside the system's, so the text engine's fallback finds them.
pub fn settings() -> iced::Settings {
    iced::Settings {
        fonts: crate::fonts::all()
            .map(|font| std::borrow::Cow::Borrowed(font.data))
            .collect(),
        ..iced::Settings::default()
    }
}

/// The smallest window the desk is laid out for.
pub const MIN_WINDOW: iced::Size = iced::Size::new(960.0, 640.0);

/// The size the window opens at before the screen is known: it fits a 1024×768 screen.
pub const FIRST_WINDOW: iced::Size = iced::Size::new(1024.0, 700.0);

/// The window's size for a screen: nine tenths of it, at most 1600×1000 and at least
/// [`MIN_WINDOW`] (never more than the screen itself, whatever it reports).
pub fn window_size_for(screen: iced::Size) -> iced::Size {
    let axis = |screen: f32, min: f32, max: f32| {
        let screen = if screen.is_finite() && screen > 0.0 {
            screen
        } else {
            min
        };
        (screen * 0.9).clamp(min, max).min(screen)
    };
    iced::Size::new(
        axis(screen.width, MIN_WINDOW.width, 1600.0),
        axis(screen.height, MIN_WINDOW.height, 1000.0),
    )
}

/// Sizes the window to the screen it opened on ([`window_size_for`]); a small screen
/// (up to 1366 pixels wide) gets the window maximized.
fn fit_to_screen() -> Task<Message> {
    iced::window::oldest().and_then(|id| {
        iced::window::monitor_size(id).and_then(move |screen| {
            if screen.width <= 1366.0 {
                // Filling the screen works without a window manager; with one, maximizing
                // keeps clear of its panels.
                Task::batch([
                    iced::window::move_to(id, iced::Point::ORIGIN),
                    iced::window::resize(id, screen),
                    iced::window::maximize(id, true),
                ])
            } else {
                let size = window_size_for(screen);
                Task::batch([
                    iced::window::resize(id, size),
                    iced::window::move_to(
                        id,
                        iced::Point::new(
                            ((screen.width - size.width) / 2.0).max(0.0),
                            ((screen.height - size.height) / 2.0).max(0.0),
                        ),
                    ),
                ])
            }
        })
    })
}

/// The main window: it opens at [`FIRST_WINDOW`] (then fits the screen), centred, with Frontdesk's icon and its application id (which the
/// desktop matches to `org.frontdesk.Frontdesk.desktop` through `StartupWMClass` / `app_id`).
pub fn window_settings() -> iced::window::Settings {
    let icon = match icon::window_icon() {
        Ok(icon) => Some(icon),
        Err(error) => {
            tracing::warn!(%error, "the window opens without its icon");
            None
        }
    };
    iced::window::Settings {
        size: FIRST_WINDOW,
        min_size: Some(MIN_WINDOW),
        position: iced::window::Position::Centered,
        icon,
        platform_specific: iced::window::settings::PlatformSpecific {
            application_id: crate::APP_ID.to_owned(),
            ..Default::default()
        },
        ..Default::default()
    }
}

/// Opens the window on the database `locator` names.
pub fn run(locator: Locator, options: Options) -> iced::Result {
    tracing::info!(database = %locator, "opening the window");
    let result = application(locator, options).run();
    match &result {
        Ok(()) => tracing::info!("the window was closed"),
        Err(error) => tracing::error!(%error, "the window could not open"),
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use iced::Size;

    #[test]
    fn the_window_never_opens_larger_than_the_screen() {
        const { assert!(FIRST_WINDOW.width <= 1024.0 && FIRST_WINDOW.height <= 768.0 - 48.0) };
        assert_eq!(window_settings().min_size, Some(MIN_WINDOW));
        for (w, h) in [
            (1024.0, 768.0),
            (1280.0, 800.0),
            (1920.0, 1080.0),
            (2560.0, 1440.0),
        ] {
            let size = window_size_for(Size::new(w, h));
            assert!(size.width <= w && size.height <= h, "{w}×{h}: {size:?}");
            assert!(size.width >= MIN_WINDOW.width && size.height >= MIN_WINDOW.height);
        }
        for odd in [0.0, -1.0, f32::NAN, f32::INFINITY, 320.0] {
            let size = window_size_for(Size::new(odd, odd));
            assert!(
                size.width.is_finite() && size.height.is_finite(),
                "{odd}: {size:?}"
            );
        }
        assert_eq!(
            window_size_for(Size::new(320.0, 240.0)),
            Size::new(320.0, 240.0)
        );
    }
}
