//! The dark theme belongs to its palette (issue 13, point 7): the page tabs, the status bar
//! and secondary buttons use dark surfaces, not the mid-grey iced's own dark theme mixes.

use frontdesk::gui::Message;
use frontdesk::gui::theme::luminance;
use iced::Theme;

mod gui_harness;
use gui_harness::Harness;

#[test]
fn secondary_surfaces_are_dark_in_the_dark_theme_and_unchanged_in_the_light_one() {
    let mut h = Harness::with_demo();
    let light = h.app.theme();
    assert_eq!(
        light.extended_palette().secondary,
        Theme::Light.extended_palette().secondary
    );
    h.send(Message::ToggleTheme);
    let dark = h.app.theme();
    let palette = dark.extended_palette();
    assert!(palette.is_dark);
    let background = luminance(palette.background.base.color);
    for (what, pair) in [
        ("base", palette.secondary.base),
        ("weak", palette.secondary.weak),
        ("strong", palette.secondary.strong),
    ] {
        let l = luminance(pair.color);
        // Within a step of the background, not mid-grey (iced's is about 0.1 above it).
        assert!(
            (l - background).abs() < 0.03,
            "secondary {what} {:?}: luminance {l} against the background's {background}",
            pair.color
        );
        // And its text stays readable (WCAG AA, 4.5:1).
        let t = luminance(pair.text);
        let ratio = (t.max(l) + 0.05) / (t.min(l) + 0.05);
        assert!(ratio >= 4.5, "secondary {what} text contrast {ratio}");
    }
    // iced's own dark theme is what the issue saw: mid-grey.
    let iced_dark = luminance(Theme::Dark.extended_palette().secondary.base.color);
    assert!(iced_dark - background > 0.03, "{iced_dark} vs {background}");
}
