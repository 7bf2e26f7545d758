//! The kiosk's pages: large type and large targets (keys at least 96 pixels high on a
//! 800-line screen, more on larger ones), black on white, one question per page, the way back
//! always in the same place. Every key also works from a keyboard (`window_keys`).

use iced::widget::{Space, button, column, container, responsive, row, text};
use iced::{Alignment, Color, Element, Font, Length, font};

use super::{Kiosk, Message, Pad, ProofKind, Step};
use crate::gui::window_keys::window_keys;
use crate::scheduling::kiosk::Window;
use crate::store::KioskAppointment;

const BOLD: Font = Font {
    weight: font::Weight::Bold,
    ..Font::DEFAULT
};

const INK: Color = Color::BLACK;
const BLUE: Color = Color::from_rgb(0.0, 0.24, 0.6);
const PAPER: Color = Color::from_rgb(0.91, 0.93, 0.95);
const AMBER: Color = Color::from_rgb(1.0, 0.93, 0.75);

/// The kiosk, scaled to its screen.
pub fn view(k: &Kiosk) -> Element<'_, Message> {
    let page = responsive(move |size| {
        let scale = (size.height / 800.0).min(size.width / 1280.0).max(0.5);
        page(k, scale)
    });
    window_keys(page, Message::Key).into()
}

fn big_button<'a>(
    label: String,
    scale: f32,
    press: Option<Message>,
    primary: bool,
) -> Element<'a, Message> {
    button(
        text(label)
            .size(34.0 * scale)
            .font(BOLD)
            .center()
            .width(Length::Fill),
    )
    .padding([18.0 * scale, 28.0 * scale])
    .width(Length::Fill)
    .on_press_maybe(press)
    .style(if primary {
        button::primary
    } else {
        button::secondary
    })
    .into()
}

fn page(k: &Kiosk, scale: f32) -> Element<'_, Message> {
    let px = |n: f32| n * scale;
    let header = row![
        text(k.clinic_name.clone())
            .size(px(34.0))
            .font(BOLD)
            .width(Length::Fill),
        text(crate::t!("kiosk-heading")).size(px(34.0)).color(BLUE),
        Space::new().width(px(24.0)),
        text(k.now.with_timezone(&k.zone).format("%H:%M").to_string())
            .size(px(34.0))
            .font(BOLD),
    ]
    .align_y(Alignment::Center);
    let body: Element<'_, Message> = if let Some(until) = k.closed_until() {
        column![
            text(crate::t!("kiosk-closed")).size(px(52.0)).font(BOLD),
            text(crate::t!(
                "kiosk-closed-until",
                time = until.with_timezone(&k.zone).format("%H:%M").to_string()
            ))
            .size(px(34.0)),
        ]
        .spacing(px(24.0))
        .into()
    } else {
        match k.step {
            Step::Phone => entry(
                k,
                scale,
                crate::t!("kiosk-ask-phone"),
                phone_shown(&k.phone),
            ),
            Step::Proof => proof_page(k, scale),
            Step::Appointments => appointments(k, scale),
            Step::Done => done(k, scale),
        }
    };
    let mut page = column![header, body].spacing(px(28.0));
    if let Some(message) = &k.message {
        page = page.push(
            container(text(message.clone()).size(px(32.0)).color(INK))
                .padding(px(20.0))
                .width(Length::Fill)
                .style(move |_| container::Style {
                    background: Some(AMBER.into()),
                    border: iced::border::rounded(10),
                    ..container::Style::default()
                }),
        );
    }
    container(page)
        .padding(px(36.0))
        .width(Length::Fill)
        .height(Length::Fill)
        .into()
}

/// The phone number in groups of five digits from the end ("91 93596 24313"), as people read
/// a number back.
fn phone_shown(digits: &str) -> String {
    let first = digits.len() % 5;
    let mut groups: Vec<&str> = Vec::new();
    if first > 0 {
        groups.push(&digits[..first]);
    }
    let mut at = first;
    while at < digits.len() {
        groups.push(&digits[at..(at + 5).min(digits.len())]);
        at += 5;
    }
    groups.join(" ")
}

/// A birth date typed so far, shown as DD / MM / YYYY with the places still to fill.
fn date_shown(digits: &str) -> String {
    let mut places: Vec<char> = "DD/MM/YYYY".chars().collect();
    let slots = [0, 1, 3, 4, 6, 7, 8, 9];
    for (slot, d) in slots.iter().zip(digits.chars()) {
        places[*slot] = d;
    }
    places.into_iter().collect::<String>().replace('/', " / ")
}

/// A question, what was typed, the keypad, and Back / Next.
fn entry<'a>(k: &'a Kiosk, scale: f32, question: String, shown: String) -> Element<'a, Message> {
    let px = |n: f32| n * scale;
    let typed = container(
        text(if shown.is_empty() {
            " ".to_owned()
        } else {
            shown
        })
        .size(px(60.0))
        .font(BOLD),
    )
    .padding([px(12.0), px(24.0)])
    .width(Length::Fill)
    .style(|_| container::Style {
        background: Some(PAPER.into()),
        border: iced::border::rounded(10).color(BLUE).width(3),
        ..container::Style::default()
    });
    let ready = !k.busy;
    let left = column![
        text(question).size(px(40.0)).font(BOLD),
        typed,
        Space::new().height(Length::Fill),
        row![
            big_button(
                crate::t!("kiosk-back"),
                scale,
                ready.then_some(Message::Back),
                false
            ),
            big_button(
                if k.busy {
                    crate::t!("kiosk-looking")
                } else {
                    crate::t!("kiosk-next")
                },
                scale,
                ready.then_some(Message::Next),
                true
            ),
        ]
        .spacing(px(20.0)),
    ]
    .spacing(px(20.0))
    .width(Length::FillPortion(1));
    row![left, keypad(scale, ready)]
        .spacing(px(40.0))
        .height(Length::Fill)
        .into()
}

fn keypad<'a>(scale: f32, ready: bool) -> Element<'a, Message> {
    let px = |n: f32| n * scale;
    let key = |label: String, pad: Pad| -> Element<'a, Message> {
        button(
            text(label)
                .size(px(48.0))
                .font(BOLD)
                .center()
                .width(Length::Fill),
        )
        .height(px(96.0))
        .width(Length::Fill)
        .on_press_maybe(ready.then_some(Message::Pad(pad)))
        .style(button::secondary)
        .into()
    };
    let digit = |d: u8| key(d.to_string(), Pad::Digit(d));
    let rows = [[1, 2, 3], [4, 5, 6], [7, 8, 9]];
    let mut pad = column![].spacing(px(12.0));
    for r in rows {
        pad = pad.push(row(r.map(digit)).spacing(px(12.0)));
    }
    pad = pad.push(
        row![
            key(crate::t!("kiosk-clear"), Pad::Clear),
            digit(0),
            key("⌫".to_owned(), Pad::Erase),
        ]
        .spacing(px(12.0)),
    );
    container(pad).width(Length::FillPortion(1)).into()
}

fn proof_page(k: &Kiosk, scale: f32) -> Element<'_, Message> {
    let px = |n: f32| n * scale;
    let choice = |kind: ProofKind, label: String| -> Element<'_, Message> {
        button(text(label).size(px(30.0)).center().width(Length::Fill))
            .padding(px(14.0))
            .width(Length::Fill)
            .on_press(Message::Prove(kind))
            .style(if k.proof_kind == kind {
                button::primary
            } else {
                button::secondary
            })
            .into()
    };
    let (question, shown) = match k.proof_kind {
        ProofKind::BirthDate => (crate::t!("kiosk-ask-birth-date"), date_shown(&k.proof)),
        ProofKind::Code => (crate::t!("kiosk-ask-code"), k.proof.clone()),
    };
    column![
        row![
            choice(ProofKind::BirthDate, crate::t!("kiosk-by-birth-date")),
            choice(ProofKind::Code, crate::t!("kiosk-by-code")),
        ]
        .spacing(px(16.0)),
        entry(k, scale, question, shown),
    ]
    .spacing(px(20.0))
    .into()
}

fn appointment_card(k: &Kiosk, a: &KioskAppointment, scale: f32) -> Element<'static, Message> {
    let px = |n: f32| n * scale;
    let time = a.start.with_timezone(&k.zone).format("%H:%M").to_string();
    let place = match &a.room {
        Some(room) => format!("{} · {room}", a.doctor),
        None => a.doctor.clone(),
    };
    let action: Element<'static, Message> = if a.arrived {
        text(crate::t!("kiosk-already-here", ticket = a.ticket.as_str()))
            .size(px(30.0))
            .into()
    } else {
        match &a.window {
            Window::Open => button(
                text(crate::t!("kiosk-im-here"))
                    .size(px(40.0))
                    .font(BOLD)
                    .center(),
            )
            .padding([px(18.0), px(40.0)])
            .on_press_maybe((!k.busy).then_some(Message::CheckIn(a.id)))
            .style(button::success)
            .into(),
            Window::TooEarly(opens) => text(crate::t!(
                "kiosk-too-early",
                from = opens.with_timezone(&k.zone).format("%H:%M").to_string()
            ))
            .size(px(28.0))
            .into(),
            Window::TooLate => text(crate::t!("kiosk-too-late")).size(px(28.0)).into(),
        }
    };
    container(
        row![
            column![
                text(time).size(px(56.0)).font(BOLD),
                text(place).size(px(32.0)),
            ]
            .width(Length::Fill),
            action,
        ]
        .align_y(Alignment::Center)
        .spacing(px(24.0)),
    )
    .padding(px(24.0))
    .width(Length::Fill)
    .style(|_| container::Style {
        background: Some(PAPER.into()),
        border: iced::border::rounded(12),
        ..container::Style::default()
    })
    .into()
}

fn appointments(k: &Kiosk, scale: f32) -> Element<'_, Message> {
    let px = |n: f32| n * scale;
    let mut list = column![
        text(crate::t!("kiosk-your-appointments"))
            .size(px(40.0))
            .font(BOLD)
    ]
    .spacing(px(18.0));
    for a in &k.found {
        list = list.push(appointment_card(k, a, scale));
    }
    list.push(Space::new().height(Length::Fill))
        .push(row![
            big_button(
                crate::t!("kiosk-not-me"),
                scale,
                Some(Message::StartAgain),
                false
            ),
            Space::new().width(Length::FillPortion(1)),
        ])
        .height(Length::Fill)
        .into()
}

fn done(k: &Kiosk, scale: f32) -> Element<'_, Message> {
    let px = |n: f32| n * scale;
    let Some(a) = &k.done else {
        return Space::new().into();
    };
    let by = a.room.clone().unwrap_or_else(|| a.doctor.clone());
    column![
        text(crate::t!("kiosk-checked-in"))
            .size(px(56.0))
            .font(BOLD),
        text(crate::t!("kiosk-your-number")).size(px(36.0)),
        container(
            text(a.ticket.clone())
                .size(px(140.0))
                .font(BOLD)
                .color(Color::WHITE)
        )
        .padding([px(8.0), px(48.0)])
        .style(|_| container::Style {
            background: Some(BLUE.into()),
            border: iced::border::rounded(16),
            ..container::Style::default()
        }),
        text(crate::t!("kiosk-please-sit", place = by)).size(px(36.0)),
        Space::new().height(Length::Fill),
        row![
            big_button(
                crate::t!("kiosk-done"),
                scale,
                Some(Message::StartAgain),
                true
            ),
            Space::new().width(Length::FillPortion(1)),
        ],
    ]
    .spacing(px(20.0))
    .align_x(Alignment::Start)
    .height(Length::Fill)
    .into()
}
