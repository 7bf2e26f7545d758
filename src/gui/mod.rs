//! The calendar window (iced). The only part of Frontdesk that imports iced: the root `App`
//! (`app.rs`, drawn by `app_view.rs`), the calendar canvas (`calendar/`, geometry in
//! `layout.rs`), the screens beside it (`screen/`), and the database boundary (`backend.rs`).

pub mod app;
mod app_data;
mod app_drag;
mod app_find_slot;
mod app_panels;
pub mod app_reminders;
mod app_reports;
mod app_settings;
mod app_view;
mod app_waitlist;
pub mod backend;
pub mod backend_reminders;
mod backend_series;
pub mod block_menu;
pub mod calendar;
pub mod desk;
pub mod escape_closes;
pub mod fields;
pub mod file_chooser;
pub mod headless;
pub mod icon;
mod keys;
pub mod layout;
pub mod mini_calendar;
pub mod pinboard;
pub mod screen;
pub mod theme;
pub mod undo;
pub mod widget;

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use iced::Task;

use crate::store::backup::BackupPolicy;

pub use app::{App, Message};

/// The program, as run by `frontdesk` and by the tests. With `fixed_now` the clock stands still
/// at that instant (training, screenshots); otherwise it starts at the real time and ticks.
pub fn application(
    path: PathBuf,
    actor: String,
    fixed_now: Option<DateTime<Utc>>,
) -> iced::Application<impl iced::Program<State = App, Message = Message, Theme = iced::Theme>> {
    application_with(path, actor, fixed_now, BackupPolicy::default())
}

/// [`application`], keeping `backups.keep` daily backups (the first launch of a day makes one).
pub fn application_with(
    path: PathBuf,
    actor: String,
    fixed_now: Option<DateTime<Utc>>,
    backups: BackupPolicy,
) -> iced::Application<impl iced::Program<State = App, Message = Message, Theme = iced::Theme>> {
    iced::application(
        move || {
            let now = fixed_now.unwrap_or_else(Utc::now);
            let (app, task) = App::new(path.clone(), actor.clone(), now);
            let task = Task::batch([task, App::daily_backup(path.clone(), backups, now)]);
            match fixed_now {
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
}

/// The main window: 1280×800, centred, with Frontdesk's icon and its application id (which the
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
        size: iced::Size::new(1280.0, 800.0),
        position: iced::window::Position::Centered,
        icon,
        platform_specific: iced::window::settings::PlatformSpecific {
            application_id: crate::APP_ID.to_owned(),
            ..Default::default()
        },
        ..Default::default()
    }
}

/// Opens the window on the database at `path`, as `actor`.
pub fn run(path: PathBuf, actor: String, fixed_now: Option<DateTime<Utc>>) -> iced::Result {
    tracing::info!(database = %crate::scheduling::entry::echo_path(&path), "opening the window");
    let result = application(path, actor, fixed_now).run();
    match &result {
        Ok(()) => tracing::info!("the window was closed"),
        Err(error) => tracing::error!(%error, "the window could not open"),
    }
    result
}

/// [`run`], keeping `backups.keep` daily backups.
pub fn run_with(
    path: PathBuf,
    actor: String,
    fixed_now: Option<DateTime<Utc>>,
    backups: BackupPolicy,
) -> iced::Result {
    application_with(path, actor, fixed_now, backups).run()
}
