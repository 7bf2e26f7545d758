//! Drawing the window's root: the desk (`desk/view.rs` draws it), or the screens before it
//! (opening, the first-run offer, a database that cannot be opened), and the keyboard help.

use iced::widget::{center, column, container, opaque, row, stack, text};
use iced::{Element, Length, Theme};

use super::app::{App, Message, Phase};
use super::widget;

/// The shortcuts shown by F1: the keys (named in every language's keyboard words) and what
/// they do.
pub fn shortcuts() -> Vec<(String, String)> {
    vec![
        (crate::t!("help-key-f1"), crate::t!("help-f1")),
        (crate::t!("help-key-page"), crate::t!("help-page")),
        (crate::t!("help-key-today"), crate::t!("help-today")),
        (crate::t!("help-key-views"), crate::t!("help-views")),
        (crate::t!("help-key-arrows"), crate::t!("help-arrows")),
        (crate::t!("help-key-enter"), crate::t!("help-enter")),
        (crate::t!("help-key-palette"), crate::t!("help-palette")),
        (crate::t!("help-key-walk-in"), crate::t!("help-walk-in")),
        (crate::t!("help-key-find-slot"), crate::t!("help-find-slot")),
        (
            crate::t!("help-key-view-options"),
            crate::t!("help-view-options"),
        ),
        (crate::t!("help-key-undo"), crate::t!("help-undo")),
        (crate::t!("help-key-escape"), crate::t!("help-escape")),
        (crate::t!("help-key-theme"), crate::t!("help-theme")),
        (crate::t!("help-key-lock"), crate::t!("help-lock")),
        (crate::t!("help-key-tab"), crate::t!("help-tab")),
        (crate::t!("help-key-zoom"), crate::t!("help-zoom")),
    ]
}

impl App {
    /// The theme.
    pub fn theme(&self) -> Theme {
        if self.dark {
            super::theme::dark()
        } else {
            Theme::Light
        }
    }

    /// The window. Its root hears the keys no widget took (`window_keys`), in the order they
    /// were pressed among the widgets' messages.
    pub fn view(&self) -> Element<'_, Message> {
        super::window_keys::window_keys(self.screen(), Message::Key).into()
    }

    /// What the window shows: the desk (or the first run, with the status line), and the
    /// keyboard help over it.
    fn screen(&self) -> Element<'_, Message> {
        let main: Element<'_, Message> = match &self.phase {
            // Locked: the unlock form only; nothing of the desk is drawn.
            Phase::Ready(_) if self.locked.is_some() => match &self.locked {
                Some(form) => self.before_desk(form.view().map(Message::Door)),
                None => text("").into(),
            },
            Phase::Ready(desk) => desk.view(self.dark).map(Message::Desk),
            Phase::Opening(path) => self.before_desk(
                center(text(crate::t!("app-opening-file", file = path.to_string()))).into(),
            ),
            Phase::Failed(e) => self.before_desk(
                center(
                    column![
                        widget::heading(crate::t!("app-cannot-open")),
                        widget::error_text(e)
                    ]
                    .spacing(10)
                    .max_width(640),
                )
                .into(),
            ),
            Phase::Door { form: None, .. } => {
                self.before_desk(center(text(crate::t!("app-opening"))).into())
            }
            Phase::Door {
                form: Some(form), ..
            } => self.before_desk(form.view().map(Message::Door)),
        };
        // The keyboard help is over everything, the palette too (F1 typed in it), and the
        // desk under it gets no key: what is typed while it is shown reaches no form.
        if self.help {
            let help_card =
                || super::escape_closes::escape_closes(help_card(), Message::ToggleHelp);
            return stack![
                super::window_keys::keys_held(main),
                opaque(center(help_card()).style(widget::shade))
            ]
            .into();
        }
        main
    }

    /// A screen before the desk exists, with the window's status line under it.
    fn before_desk<'a>(&'a self, body: Element<'a, Message>) -> Element<'a, Message> {
        let status = widget::status_line(
            self.error().map(String::as_str),
            self.notice(),
            Message::DismissError,
            None,
        );
        // The desk's language, for whoever is at it before signing in (Settings has it too).
        let language = row![
            iced::widget::space::horizontal(),
            text(crate::t!("common-language")).size(13),
            super::choice_keys::pick_list(
                super::desk_prefs::LanguageChoice::all(),
                Some(self.language()),
                Message::ChooseLanguage
            )
            .id("door-language")
            .text_size(13),
        ]
        .spacing(8)
        .padding([4, 10])
        .align_y(iced::Alignment::Center);
        column![body, language, status].into()
    }
}

/// The keyboard shortcuts, over the window (F1).
fn help_card<'a>() -> Element<'a, Message> {
    let rows = shortcuts().into_iter().map(|(key, what)| {
        row![
            text(key).size(14).width(Length::Fixed(190.0)),
            text(what).size(14)
        ]
        .spacing(12)
        .into()
    });
    container(
        column![
            widget::heading(crate::t!("help-title")),
            column(rows).spacing(6),
            text(crate::t!("help-close")).size(12)
        ]
        .spacing(14),
    )
    .padding(20)
    .max_width(640)
    .style(container::bordered_box)
    .into()
}
