//! Drawing the window's root: the desk (`desk/view.rs` draws it), or the screens before it
//! (opening, the first-run offer, a database that cannot be opened), and the keyboard help.

use iced::widget::{center, column, container, opaque, row, stack, text};
use iced::{Element, Length, Theme};

use super::app::{App, Message, Phase};
use super::widget;

/// The shortcuts shown by F1.
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("F1", "show or hide this help"),
    (
        "Page Up / Page Down",
        "previous / next day (week in a week view)",
    ),
    ("Home or T", "today"),
    (
        "1 / 2 / 3",
        "day by doctor / day by room / week of the doctor or room at the cursor",
    ),
    (
        "Arrow keys",
        "move the slot cursor on the calendar; Up / Down choose in a list of suggestions or a choice field",
    ),
    (
        "Enter",
        "book the slot at the cursor, or open the appointment there; in a field, take the suggestion chosen",
    ),
    (
        "Ctrl+K",
        "command palette: a patient, a date, a doctor, a room or an action",
    ),
    ("Ctrl+I", "walk-in or emergency quick-add"),
    (
        "Ctrl+F",
        "find a slot: by length, doctor, room, dates, time of day",
    ),
    (
        "Ctrl+G",
        "go to a date; show cancelled; choose doctors and rooms",
    ),
    (
        "Ctrl+Z",
        "undo the desk's last change (kept in the history); not while typing in a field",
    ),
    (
        "Escape",
        "close what is on top: the palette, a suggestion list, then the panel or page",
    ),
    ("Ctrl+D", "light / dark theme"),
    (
        "Ctrl+L",
        "lock the window: patient data leaves the screen; sign in again (or another person with their PIN) to go on",
    ),
    (
        "Tab / Shift+Tab",
        "next / previous field in a form; on a choice field, Up / Down, Home / End or a letter choose",
    ),
    (
        "Ctrl+plus / Ctrl+minus / Ctrl+0",
        "zoom the calendar in / out / back to usual",
    ),
];

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
            Phase::Opening(path) => {
                self.before_desk(center(text(format!("Opening {path} …"))).into())
            }
            Phase::Failed(e) => self.before_desk(
                center(
                    column![
                        widget::heading("Frontdesk cannot open the database"),
                        widget::error_text(e)
                    ]
                    .spacing(10)
                    .max_width(640),
                )
                .into(),
            ),
            Phase::Door { form: None, .. } => self.before_desk(center(text("Opening …")).into()),
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
        column![body, status].into()
    }
}

/// The keyboard shortcuts, over the window (F1).
fn help_card<'a>() -> Element<'a, Message> {
    let rows = SHORTCUTS.iter().map(|(key, what)| {
        row![
            text(*key).size(14).width(Length::Fixed(190.0)),
            text(*what).size(14)
        ]
        .spacing(12)
        .into()
    });
    container(
        column![
            widget::heading("Keyboard shortcuts"),
            column(rows).spacing(6),
            text("Press F1 or Escape to close.").size(12)
        ]
        .spacing(14),
    )
    .padding(20)
    .max_width(640)
    .style(container::bordered_box)
    .into()
}
