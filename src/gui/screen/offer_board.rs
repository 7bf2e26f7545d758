//! The board of freed slots the desk could offer (read from the audit log, so cancellations
//! and moves from any desk or the command line show up), and the banner above the calendar
//! that shows them with "See who" and "Dismiss".

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use iced::widget::{button, column, container, row, text};
use iced::{Color, Element, Length};

use crate::scheduling::ClinicId;
use crate::scheduling::waitlist::FreedSlot;
use crate::store::{FreedFeed, WaitlistOffer};

/// Offers shown in the banner at most; the rest are counted.
const BANNER_ROWS: usize = 3;

/// The freed slots waiting patients could take, and where the desk has read the log up to.
#[derive(Debug, Clone, Default)]
pub struct Board {
    /// The last audit event read; `None` until the first look.
    pub watermark: Option<crate::store::FeedCursor>,
    /// Freed slots with matches, oldest first.
    pub offers: Vec<WaitlistOffer>,
}

impl Board {
    /// Takes in what the log said since `from`; an answer to an older look is dropped.
    pub fn take(&mut self, from: Option<crate::store::FeedCursor>, feed: FreedFeed) {
        if from != self.watermark {
            return;
        }
        self.watermark = Some(feed.cursor);
        for offer in feed.offers {
            self.offers.retain(|o| o.slot != offer.slot);
            self.offers.push(offer);
        }
    }

    /// Drops the offers of `slot`.
    pub fn drop_slot(&mut self, slot: &FreedSlot) {
        self.offers.retain(|o| o.slot != *slot);
    }

    /// Drops offers whose time has begun.
    pub fn expire(&mut self, now: DateTime<Utc>) {
        self.offers.retain(|o| o.slot.interval.start > now);
    }
}

/// "Dr. Anjali Rao · Tue 24 Nov 10:30–10:50".
pub fn slot_label(doctor: &str, slot: &FreedSlot, zone: Tz) -> String {
    format!(
        "{doctor} · {}",
        span_label(slot.interval.start, slot.interval.end, zone)
    )
}

/// "Tue 24 Nov 10:30–10:50" in the clinic's zone.
pub fn span_label(start: DateTime<Utc>, end: DateTime<Utc>, zone: Tz) -> String {
    format!(
        "{}–{}",
        crate::i18n::dates::weekday_day_month_time(start.with_timezone(&zone).naive_local()),
        end.with_timezone(&zone).format("%H:%M")
    )
}

/// The banner above the calendar: one line per freed slot of `clinic`, with "See who" and
/// "Dismiss"; nothing when there is no offer.
pub fn banner<'a, M: Clone + 'a>(
    board: &'a Board,
    clinic: ClinicId,
    zone: Tz,
    open: impl Fn(usize) -> M,
    dismiss: impl Fn(usize) -> M,
) -> Element<'a, M> {
    let shown: Vec<(usize, &WaitlistOffer)> = board
        .offers
        .iter()
        .enumerate()
        .filter(|(_, o)| o.slot.clinic == clinic)
        .collect();
    if shown.is_empty() {
        return column![].into();
    }
    let mut lines = column![].spacing(4);
    for (index, o) in shown.iter().take(BANNER_ROWS) {
        let n = o.matches.len();
        let line = crate::t!(
            "offer-banner-line",
            slot = slot_label(&o.doctor_name, &o.slot, zone),
            count = n
        );
        lines = lines.push(
            row![
                text("◆").size(14).color(Color::from_rgb8(0xb4, 0x53, 0x09)),
                text(line)
                    .size(14)
                    .color(Color::from_rgb8(0x1f, 0x29, 0x37)),
                iced::widget::space::horizontal(),
                button(text(crate::t!("offer-see-who")).size(13))
                    .on_press(open(*index))
                    .style(button::primary),
                button(text(crate::t!("offer-dismiss")).size(13))
                    .on_press(dismiss(*index))
                    .style(button::secondary),
            ]
            .spacing(8)
            .align_y(iced::Alignment::Center),
        );
    }
    if shown.len() > BANNER_ROWS {
        lines = lines.push(
            text(crate::t!(
                "offer-banner-more",
                count = shown.len() - BANNER_ROWS
            ))
            .size(12)
            .color(Color::from_rgb8(0x1f, 0x29, 0x37)),
        );
    }
    container(lines)
        .padding([6, 12])
        .width(Length::Fill)
        .style(|_| container::Style {
            background: Some(Color::from_rgb8(0xfe, 0xf3, 0xc7).into()),
            border: iced::Border {
                color: Color::from_rgb8(0xf5, 0x9e, 0x0b),
                width: 1.0,
                radius: 0.0.into(),
            },
            ..container::Style::default()
        })
        .into()
}
