//! The occurrence list of the "Repeat…" section: each date and time with its conflicts in a
//! few words, and a summary.

use iced::widget::{column, container, row, scrollable, text};
use iced::{Color, Element, Length};

use super::{Message, State};
use crate::gui::screen::Context;
use crate::i18n::dates;
use crate::scheduling::*;

impl State {
    /// Every occurrence: date, time, and its conflicts (or that it is free).
    pub(super) fn occurrences<'a>(&'a self, ctx: &Context<'a>) -> Element<'a, Message> {
        let zone = ctx.clinic.time_zone;
        let blocking = self.blocking();
        let summary = if blocking == 0 {
            crate::t!("series-all-free", count = self.checks.len())
        } else {
            crate::t!(
                "series-some-conflicting",
                count = self.checks.len(),
                free = self.checks.len() - blocking,
                blocking = blocking
            )
        };
        let rows = self.checks.iter().map(|c| {
            let when = dates::medium_time(match c.occurrence.plan.interval {
                Some(iv) => iv.start.with_timezone(&zone).naive_local(),
                None => c.occurrence.wall,
            });
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
                    text(if worst.is_none() {
                        crate::t!("series-free")
                    } else {
                        String::new()
                    })
                    .size(12)
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
            text(crate::t!("series-wall-time-note", zone = zone.name())).size(11),
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
        Conflict::DoctorBooked(c) => crate::t!(
            "series-doctor-booked",
            doctor = &c.doctor,
            patient = &c.patient,
            hours = hours(c)
        ),
        Conflict::RoomBooked(c) => crate::t!(
            "series-room-booked",
            patient = &c.patient,
            doctor = &c.doctor,
            hours = hours(c)
        ),
        Conflict::PatientBooked(c) => crate::t!(
            "series-patient-booked",
            patient = &c.patient,
            doctor = &c.doctor,
            hours = hours(c)
        ),
        other => other.to_string(),
    }
}
