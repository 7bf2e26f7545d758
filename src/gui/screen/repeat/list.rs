//! The occurrence list of the "Repeat…" section: each date and time with its conflicts in a
//! few words, and a summary.

use iced::widget::{column, container, row, scrollable, text};
use iced::{Color, Element, Length};

use super::{Message, State};
use crate::gui::screen::Context;
use crate::scheduling::*;

impl State {
    /// Every occurrence: date, time, and its conflicts (or that it is free).
    pub(super) fn occurrences<'a>(&'a self, ctx: &Context<'a>) -> Element<'a, Message> {
        let zone = ctx.clinic.time_zone;
        let blocking = self.blocking();
        let summary = if blocking == 0 {
            format!("{} occurrences, all free", self.checks.len())
        } else {
            format!(
                "{} occurrences: {} free, {blocking} conflicting",
                self.checks.len(),
                self.checks.len() - blocking
            )
        };
        let rows = self.checks.iter().map(|c| {
            let when = match c.occurrence.plan.interval {
                Some(iv) => {
                    let local = iv.start.with_timezone(&zone);
                    format!("{}", local.format("%a %-d %b %Y %H:%M"))
                }
                None => c.occurrence.wall.format("%a %-d %b %Y %H:%M").to_string(),
            };
            let worst = c.conflicts.iter().map(Conflict::severity).max();
            let (sign, colour) = match worst {
                None => ("✓", Color::from_rgb8(0x16, 0xa3, 0x4a)),
                Some(Severity::Notice) => ("ℹ", Color::from_rgb8(0x25, 0x63, 0xeb)),
                Some(Severity::Hard) => ("⚠", Color::from_rgb8(0xd9, 0x77, 0x06)),
                Some(Severity::Invalid) => ("✗", Color::from_rgb8(0xdc, 0x26, 0x26)),
            };
            let mut line = column![
                row![
                    text(sign).color(colour).size(13),
                    text(when).size(12.5),
                    text(if worst.is_none() { "free" } else { "" }).size(12)
                ]
                .spacing(6)
            ];
            for conflict in &c.conflicts {
                line = line.push(
                    container(text(short(conflict)).size(11.5).color(colour)).padding(
                        iced::Padding {
                            left: 19.0,
                            ..iced::Padding::ZERO
                        },
                    ),
                );
            }
            line.spacing(1).into()
        });
        let list = scrollable(column(rows).spacing(3).padding([0, 8]))
            .height(Length::Shrink)
            .width(Length::Fill);
        column![
            text(summary).size(13),
            container(list).max_height(170.0),
            text(format!(
                "Times are wall time in {}; each date keeps it, across clock changes.",
                zone.name()
            ))
            .size(11),
        ]
        .spacing(4)
        .into()
    }
}

/// A conflict in a few words for the occurrence list, whose row already gives the date: the
/// other appointment by patient (or doctor) and time, without its id.
fn short(conflict: &Conflict) -> String {
    let hours = |c: &Clash| format!("{}–{}", c.start.format("%H:%M"), c.end.format("%H:%M"));
    match conflict {
        Conflict::DoctorBooked(c) => format!(
            "{} is already booked then: {}, {}",
            c.doctor,
            c.patient,
            hours(c)
        ),
        Conflict::RoomBooked(c) => format!(
            "the room is already booked then: {} with {}, {}",
            c.patient,
            c.doctor,
            hours(c)
        ),
        Conflict::PatientBooked(c) => format!(
            "{} already has an appointment then: with {}, {}",
            c.patient,
            c.doctor,
            hours(c)
        ),
        other => other.to_string(),
    }
}
