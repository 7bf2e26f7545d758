//! Colours and labels that make a calendar readable at a glance: one colour per status marker,
//! visit-type fills, and the light and dark variants.

use iced::{Color, Theme};

use crate::scheduling::{Kind, Status};

/// Parses `#rrggbb`; grey when the text is not a colour.
pub fn hex(text: &str) -> Color {
    let digits = text.trim().trim_start_matches('#');
    match u32::from_str_radix(digits, 16) {
        Ok(v) if digits.len() == 6 => {
            Color::from_rgb8((v >> 16) as u8, ((v >> 8) & 0xff) as u8, (v & 0xff) as u8)
        }
        _ => Color::from_rgb8(0x88, 0x88, 0x88),
    }
}

/// The colour of a status marker.
pub fn status_colour(status: Status) -> Color {
    match status {
        Status::Scheduled => Color::from_rgb8(0x64, 0x74, 0x8b),
        Status::Confirmed => Color::from_rgb8(0x16, 0xa3, 0x4a),
        Status::CheckedIn => Color::from_rgb8(0xea, 0x8a, 0x00),
        Status::Called => Color::from_rgb8(0x08, 0x91, 0xb2),
        Status::InConsultation => Color::from_rgb8(0x93, 0x33, 0xea),
        Status::Completed => Color::from_rgb8(0x47, 0x55, 0x69),
        Status::NoShow => Color::from_rgb8(0xdc, 0x26, 0x26),
        Status::Cancelled => Color::from_rgb8(0x9c, 0xa3, 0xaf),
        Status::EnteredInError => Color::from_rgb8(0x9c, 0xa3, 0xaf),
    }
}

/// The status colour, lightened on the dark theme so it stays readable.
pub fn status_colour_on(status: Status, dark: bool) -> Color {
    let c = status_colour(status);
    if dark { mix(c, Color::WHITE, 0.45) } else { c }
}

/// A short marker shown on the block, e.g. "✓ confirmed".
pub fn status_marker(status: Status) -> String {
    let symbol = match status {
        Status::Scheduled => "○",
        Status::Confirmed => "✓",
        Status::CheckedIn => "●",
        Status::Called => "»",
        Status::InConsultation => "▶",
        Status::Completed => "✔",
        Status::NoShow => "✗",
        Status::Cancelled => "⊘",
        Status::EnteredInError => "⊘",
    };
    format!("{symbol} {}", status.label())
}

/// The colour that marks walk-ins and emergencies.
pub fn kind_colour(kind: Kind) -> Option<Color> {
    match kind {
        Kind::Scheduled => None,
        Kind::WalkIn => Some(Color::from_rgb8(0xf5, 0x9e, 0x0b)),
        Kind::Emergency => Some(Color::from_rgb8(0xdc, 0x26, 0x26)),
    }
}

/// True for the dark theme.
pub fn is_dark(theme: &Theme) -> bool {
    theme.extended_palette().is_dark
}

/// A block's fill: the visit type's colour, pale on light and deep on dark; faded when the
/// appointment no longer holds its time or is over.
pub fn block_fill(visit: Color, status: Status, dark: bool) -> Color {
    let base = if dark {
        mix(visit, Color::from_rgb8(0x1f, 0x24, 0x2e), 0.55)
    } else {
        mix(visit, Color::WHITE, 0.78)
    };
    match status {
        Status::Completed | Status::NoShow | Status::Cancelled | Status::EnteredInError => {
            Color { a: 0.55, ..base }
        }
        _ => base,
    }
}

/// `a` moved towards `b` by `t`.
pub fn mix(a: Color, b: Color, t: f32) -> Color {
    Color::from_rgb(
        a.r + (b.r - a.r) * t,
        a.g + (b.g - a.g) * t,
        a.b + (b.b - a.b) * t,
    )
}

/// Text on blocks.
pub fn block_text(dark: bool) -> Color {
    if dark {
        Color::from_rgb8(0xf1, 0xf5, 0xf9)
    } else {
        Color::from_rgb8(0x0f, 0x17, 0x2a)
    }
}

/// The dark theme: iced's dark palette, with the secondary colours (the page tabs, the status
/// bar, secondary buttons) taken from its own dark surfaces instead of the mid-grey iced mixes
/// from the text colour, so nothing on the desk stays light grey in dark mode.
pub fn dark() -> Theme {
    static DARK: std::sync::LazyLock<Theme> = std::sync::LazyLock::new(|| {
        Theme::custom_with_fn("Frontdesk dark", Theme::Dark.palette(), |palette| {
            let mut extended = iced::theme::palette::Extended::generate(palette);
            let pair = |hex: u32| {
                iced::theme::palette::Pair::new(
                    Color::from_rgb8((hex >> 16) as u8, (hex >> 8) as u8, hex as u8),
                    palette.text,
                )
            };
            extended.secondary = iced::theme::palette::Secondary {
                base: pair(0x35383e),
                weak: pair(0x303237),
                strong: pair(0x3d4046),
            };
            extended
        })
    });
    DARK.clone()
}

/// The relative luminance of a colour (WCAG), for checking contrast.
pub fn luminance(c: Color) -> f32 {
    let channel = |v: f32| {
        if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)
}

/// A doctor's calendar colour from Settings (`#rrggbb`, the `#` optional); `None` for an
/// empty or malformed value, which then draws no colour bar.
pub fn doctor_colour(text: &str) -> Option<Color> {
    let digits = text.trim();
    let digits = digits.strip_prefix('#').unwrap_or(digits);
    if digits.len() != 6 || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let v = u32::from_str_radix(digits, 16).ok()?;
    Some(Color::from_rgb8(
        (v >> 16) as u8,
        ((v >> 8) & 0xff) as u8,
        (v & 0xff) as u8,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doctor_colours_are_read_strictly_and_never_panic() {
        assert_eq!(
            doctor_colour("#2563eb"),
            Some(Color::from_rgb8(0x25, 0x63, 0xeb))
        );
        assert_eq!(
            doctor_colour(" 2563EB "),
            Some(Color::from_rgb8(0x25, 0x63, 0xeb))
        );
        for bad in [
            "",
            "#",
            "#12345",
            "#1234567",
            "+12345",
            "#-12345",
            "#gggggg",
            "#ééé",
            "#१२३४५६",
            "blue",
            "#12 345",
            "\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}",
            "🟥🟥",
        ] {
            assert_eq!(doctor_colour(bad), None, "{bad:?}");
        }
        let huge = "#".to_owned() + &"f".repeat(10_000_000);
        assert_eq!(doctor_colour(&huge), None);
    }
}
