//! The board's drawing: sizes follow the window's height (a 1080-line TV gets 120-pixel tokens,
//! read from five metres and more), in high contrast, light or dark, with the newest call
//! marked by the accent colour and, for those who cannot tell colours apart, by a pointer.
//! While the database is out of reach a banner says so and everything under it is dimmed.

use iced::widget::{Space, column, container, responsive, row, text};
use iced::{Color, Element, Font, Length, Theme, font};

use super::{BoardWindow, Message};
use crate::scheduling::waiting_room::{BoardCall, FRESH_CALL};

/// Black or white, and a yellow or blue accent: contrast ratios above 12:1 for the text.
struct Colours {
    background: Color,
    text: Color,
    muted: Color,
    accent: Color,
    on_accent: Color,
    /// The accent as text on a card (doctors' names).
    accent_text: Color,
    card: Color,
    warning: Color,
}

fn colours(dark: bool) -> Colours {
    if dark {
        Colours {
            background: Color::from_rgb8(0x05, 0x08, 0x10),
            text: Color::WHITE,
            muted: Color::from_rgb8(0xc8, 0xd0, 0xdc),
            accent: Color::from_rgb8(0xff, 0xd4, 0x00),
            on_accent: Color::BLACK,
            accent_text: Color::from_rgb8(0xff, 0xd4, 0x00),
            card: Color::from_rgb8(0x1a, 0x22, 0x33),
            warning: Color::from_rgb8(0xff, 0x9f, 0x1c),
        }
    } else {
        Colours {
            background: Color::WHITE,
            text: Color::BLACK,
            muted: Color::from_rgb8(0x30, 0x38, 0x48),
            accent: Color::from_rgb8(0x00, 0x3d, 0x99),
            on_accent: Color::WHITE,
            accent_text: Color::from_rgb8(0x00, 0x3d, 0x99),
            card: Color::from_rgb8(0xe8, 0xec, 0xf2),
            warning: Color::from_rgb8(0xb3, 0x4a, 0x00),
        }
    }
}

/// The board's theme: iced's dark or light, on the board's own background.
pub fn theme(dark: bool) -> Theme {
    let c = colours(dark);
    Theme::custom(
        if dark { "Board dark" } else { "Board light" }.to_owned(),
        iced::theme::Palette {
            background: c.background,
            text: c.text,
            primary: c.accent,
            success: c.accent,
            warning: c.warning,
            danger: c.warning,
        },
    )
}

const BOLD: Font = Font {
    weight: font::Weight::Bold,
    ..Font::DEFAULT
};

fn filled(colour: Color) -> impl Fn(&Theme) -> container::Style {
    move |_| container::Style {
        background: Some(colour.into()),
        border: iced::border::rounded(12),
        ..container::Style::default()
    }
}

/// The board, scaled to the window.
pub fn view(board: &BoardWindow) -> Element<'_, Message> {
    responsive(move |size| {
        let scale = (size.height / 1080.0).min(size.width / 1920.0).max(0.3);
        page(board, scale, size)
    })
    .into()
}

fn page(w: &BoardWindow, scale: f32, size: iced::Size) -> Element<'_, Message> {
    let c = colours(w.dark);
    let px = |n: f32| n * scale;
    let Some(board) = &w.board else {
        // The reason (a path, a server's address) is for staff, in the log: a waiting room
        // reads only that the queue will come back.
        let words = match &w.lost {
            Some(_) => crate::t!("board-cannot-reach"),
            None => crate::t!("board-connecting"),
        };
        return container(text(words).size(px(56.0)).color(c.text))
            .center(Length::Fill)
            .style(filled(c.background))
            .into();
    };
    let header = row![
        text(board.clinic_name.clone())
            .size(px(52.0))
            .font(BOLD)
            .color(c.text)
            .width(Length::Fill),
        text(w.now.with_timezone(&board.zone).format("%H:%M").to_string())
            .size(px(52.0))
            .font(BOLD)
            .color(c.text),
    ]
    .align_y(iced::Alignment::Center);
    let stale = w.lost.is_some();
    let dim = |colour: Color| {
        if stale {
            Color {
                a: colour.a * 0.45,
                ..colour
            }
        } else {
            colour
        }
    };
    let mut calling = column![
        text(crate::t!("board-now-calling"))
            .size(px(44.0))
            .font(BOLD)
            .color(dim(c.muted))
    ]
    .spacing(px(18.0));
    if board.calling.is_empty() {
        calling = calling.push(
            text(crate::t!("board-nobody-called"))
                .size(px(44.0))
                .color(dim(c.muted)),
        );
    }
    for (i, call) in board.calling.iter().enumerate() {
        let fresh = i == 0 && w.read_at.is_some_and(|at| at - call.at <= FRESH_CALL);
        calling = calling.push(call_card(call, fresh, &c, scale, stale));
    }
    let lines = waiting_panel(board, &c, scale, size.height, &dim);
    let body = row![
        container(calling).width(Length::FillPortion(1)),
        container(lines)
            .width(Length::FillPortion(1))
            .padding(px(24.0))
            .style(filled(c.card)),
    ]
    .spacing(px(40.0));
    let mut page = column![header].spacing(px(28.0));
    if let Some((since, _)) = &w.lost {
        let since = w
            .read_at
            .unwrap_or(*since)
            .with_timezone(&board.zone)
            .format("%H:%M")
            .to_string();
        page = page.push(
            container(
                text(crate::t!("board-reconnecting", since = since))
                    .size(px(44.0))
                    .font(BOLD)
                    .color(Color::BLACK),
            )
            .padding(px(18.0))
            .width(Length::Fill)
            .style(filled(c.warning)),
        );
    }
    page = page.push(body);
    container(page)
        .padding(px(48.0))
        .width(Length::Fill)
        .height(Length::Fill)
        .style(filled(c.background))
        .into()
}

/// How many waiting tokens of one doctor the board lists (the rest are counted).
const WAITING_SHOWN: usize = 6;

/// Tokens side by side in a doctor's line.
const TOKENS_PER_ROW: usize = 3;

/// Each doctor's waiting tokens with their estimated waits, as many doctors as the window's
/// `height` holds (the others counted at the end), so nothing is cut off on any screen.
fn waiting_panel<'a>(
    board: &crate::scheduling::waiting_room::Board,
    c: &Colours,
    scale: f32,
    height: f32,
    dim: &dyn Fn(Color) -> Color,
) -> Element<'a, Message> {
    let px = |n: f32| n * scale;
    let mut lines = column![
        text(crate::t!("board-waiting"))
            .size(px(44.0))
            .font(BOLD)
            .color(dim(c.muted))
    ]
    .spacing(px(14.0));
    if board.lines.is_empty() {
        lines = lines.push(
            text(crate::t!("board-nobody-waiting"))
                .size(px(40.0))
                .color(dim(c.muted)),
        );
    }
    // What the page leaves for the panel: its padding, the header, the title and a banner.
    let mut room = height - px(96.0 + 80.0 + 28.0 + 48.0 + 70.0 + 90.0);
    let mut shown_doctors = 0;
    for line in &board.lines {
        let shown = line.waiting.len().min(WAITING_SHOWN);
        let rows = shown.div_ceil(TOKENS_PER_ROW);
        let more = line.waiting.len() > WAITING_SHOWN;
        let needs = px(56.0 + 60.0 * rows as f32 + if more { 44.0 } else { 0.0 } + 14.0);
        if needs > room {
            break;
        }
        room -= needs;
        shown_doctors += 1;
        let mut tokens = row![].spacing(px(28.0));
        for (ticket, minutes) in line.waiting.iter().take(WAITING_SHOWN) {
            tokens = tokens.push(
                row![
                    text(ticket.text())
                        .size(px(44.0))
                        .font(BOLD)
                        .color(dim(c.text)),
                    text(crate::t!("board-about-minutes", minutes = *minutes))
                        .size(px(28.0))
                        .color(dim(c.muted)),
                ]
                .spacing(px(10.0))
                .align_y(iced::Alignment::Center),
            );
        }
        let mut block = column![
            text(line.doctor.clone())
                .size(px(38.0))
                .font(BOLD)
                .color(dim(c.accent_text)),
            tokens.wrap().vertical_spacing(px(6.0)),
        ]
        .spacing(px(4.0));
        if more {
            block = block.push(
                text(crate::t!(
                    "board-more-waiting",
                    count = line.waiting.len() - WAITING_SHOWN
                ))
                .size(px(30.0))
                .color(dim(c.muted)),
            );
        }
        lines = lines.push(block);
    }
    let hidden = board.lines.len() - shown_doctors;
    if hidden > 0 {
        let patients: usize = board.lines[shown_doctors..]
            .iter()
            .map(|l| l.waiting.len())
            .sum();
        lines = lines.push(
            text(crate::t!(
                "board-more-doctors",
                doctors = hidden,
                patients = patients
            ))
            .size(px(32.0))
            .color(dim(c.muted)),
        );
    }
    lines.into()
}

fn call_card<'a>(
    call: &BoardCall,
    fresh: bool,
    c: &Colours,
    scale: f32,
    stale: bool,
) -> Element<'a, Message> {
    let px = |n: f32| n * scale;
    let (background, foreground) = if fresh && !stale {
        (c.accent, c.on_accent)
    } else {
        (c.card, c.text)
    };
    let foreground = if stale {
        Color {
            a: 0.5,
            ..foreground
        }
    } else {
        foreground
    };
    let pointer = if fresh { "▶ " } else { "" };
    let again = if call.calls > 1 {
        crate::t!("board-call-again", calls = call.calls)
    } else {
        String::new()
    };
    // A long room or doctor name is written smaller rather than broken over lines.
    let long = call.to.chars().count() > 16;
    let to_size = match (fresh, long) {
        (true, false) => 80.0,
        (true, true) => 60.0,
        (false, false) => 54.0,
        (false, true) => 42.0,
    };
    let token = text(format!("{pointer}{}", call.ticket.text()))
        .size(px(if fresh { 112.0 } else { 80.0 }))
        .font(BOLD)
        .color(foreground);
    let to = text(format!("→ {}", call.to))
        .size(px(to_size))
        .font(BOLD)
        .color(foreground);
    // The newest call has a line each for who and where, so neither is ever squeezed.
    let card: Element<'a, Message> = if fresh {
        column![
            token,
            row![
                to,
                Space::new().width(Length::Fill),
                text(again).size(px(30.0)).color(foreground)
            ]
            .align_y(iced::Alignment::Center)
        ]
        .spacing(px(4.0))
        .into()
    } else {
        row![
            token,
            Space::new().width(Length::Fill),
            column![to, text(again).size(px(30.0)).color(foreground)].align_x(iced::Alignment::End),
        ]
        .align_y(iced::Alignment::Center)
        .spacing(px(24.0))
        .into()
    };
    container(card)
        .padding([px(14.0), px(28.0)])
        .width(Length::Fill)
        .style(filled(background))
        .into()
}
