//! The pinboard (as in Open Dental): an appointment pinned from its right-click menu stays on a
//! strip above the grid while the receptionist goes to another day; a click on a free time
//! there moves it (as a drop does, room chosen and said), and *Unpin* puts it down.

use chrono_tz::Tz;
use iced::widget::{button, container, row, text};
use iced::{Alignment, Element, Length};

use super::desk::Message;
use crate::scheduling::time::format_local;
use crate::store::AgendaEntry;

/// The appointment pinned, if any.
#[derive(Debug, Default, Clone)]
pub struct Pinboard {
    /// The pinned appointment, as it was when pinned.
    pub pinned: Option<Box<AgendaEntry>>,
}

/// The strip above the grid while something is pinned; nothing otherwise.
pub fn strip<'a>(board: &'a Pinboard, zone: Tz) -> Element<'a, Message> {
    let Some(e) = &board.pinned else {
        return row![].into();
    };
    let a = &e.appointment;
    let said = crate::t!(
        "details-pinned",
        patient = crate::text::isolate(&e.patient_name).into_owned(),
        minutes = a.interval.minutes(),
        doctor = &e.doctor_name,
        was = format_local(zone, a.interval.start)
    );
    container(
        row![
            text(said).size(13).width(Length::Fill),
            button(text(crate::t!("details-unpin")).size(12))
                .on_press(Message::Unpin)
                .style(button::secondary),
        ]
        .spacing(8)
        .align_y(Alignment::Center),
    )
    .padding([4, 12])
    .width(Length::Fill)
    .style(container::bordered_box)
    .into()
}
