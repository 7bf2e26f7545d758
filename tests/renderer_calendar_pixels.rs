//! The calendar window drawn with the vendored renderer's shortcuts (rectangles cut to their
//! clip, the grid's cache kept as pixels: vendor/iced_tiny_skia/PATCHES.md) is pixel for pixel
//! the window drawn without them, frame after frame, as a receptionist moves through it: the
//! demo clinic's full day at 1920×1080 and 1280×800, zoomed to fit, scrolled (on and off whole
//! pixels), another day, the keyboard cursor, the mouse over a block and over an empty slot, a
//! resize, a doctor's week, an empty day, in the light and the dark theme. Each frame is drawn
//! both ways from the same widget tree; a kept picture that went stale (a new day, zoom,
//! scroll, size) would differ from the fresh drawing.

use chrono::{DateTime, Utc};
use frontdesk::gui::app::Phase;
use frontdesk::gui::calendar::ZoomStep;
use frontdesk::gui::desk::Message as DeskMessage;
use frontdesk::gui::headless;
use frontdesk::gui::{App, Message};
use iced::keyboard::{Key, Modifiers, key::Named};
use iced::{Pixels, Point, Rectangle, Size, Theme, mouse};
use iced_runtime::core::renderer::{self, Headless};
use iced_runtime::core::widget::operation::scrollable::{AbsoluteOffset, scroll_to};
use iced_runtime::user_interface::{self, UserInterface};
use iced_tiny_skia::graphics::Viewport;

/// 11:00 in Kolkata on a Tuesday: the current-time line crosses the day's blocks.
const NOW: &str = "2026-11-24T05:30:00Z";

struct Window {
    _dir: tempfile::TempDir,
    runtime: tokio::runtime::Runtime,
    app: App,
    renderer: iced::Renderer,
    interface: Option<user_interface::Cache>,
    size: Size<u32>,
    theme: Theme,
    /// The surfaces (and clip masks) of the two ways, each kept across frames as a window
    /// keeps its own.
    fast: (Vec<u8>, tiny_skia::Mask),
    reference: (Vec<u8>, tiny_skia::Mask),
    frames: usize,
}

impl Window {
    fn with_demo(size: Size<u32>, theme: Theme) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let now = DateTime::parse_from_rfc3339(NOW)
            .expect("now")
            .with_timezone(&Utc);
        let runtime = headless::runtime().expect("runtime");
        let (app, task) = App::new(dir.path().join("pixels.sqlite3"), now);
        let renderer = iced::futures::executor::block_on(<iced::Renderer as Headless>::new(
            iced::Font::DEFAULT,
            Pixels(16.0),
            Some("tiny-skia"),
        ))
        .expect("the CPU renderer");
        let surface = |size: Size<u32>| {
            (
                vec![0; size.width as usize * size.height as usize * 4],
                tiny_skia::Mask::new(size.width, size.height).expect("a clip mask"),
            )
        };
        let mut w = Window {
            _dir: dir,
            runtime,
            app,
            renderer,
            interface: None,
            size,
            theme,
            fast: surface(size),
            reference: surface(size),
            frames: 0,
        };
        headless::settle(&mut w.app, task, &w.runtime);
        // The demo clinic through the first run, then its administrator signs in.
        use frontdesk::gui::screen::sign_in::{Message as Door, Typed};
        w.send(Message::Door(Door::LoadDemo));
        w.send(Message::Door(Door::Name("Arjun Iyer".into())));
        w.send(Message::Door(Door::Secret(Typed(
            "demo-administrator".into(),
        ))));
        w.send(Message::Door(Door::Submit));
        assert!(matches!(w.app.phase, Phase::Ready(_)), "demo clinic loaded");
        w
    }

    fn send(&mut self, message: impl Into<Message>) {
        let task = self.app.update(message.into());
        headless::settle(&mut self.app, task, &self.runtime);
    }

    fn resize(&mut self, size: Size<u32>) {
        self.size = size;
        let n = size.width as usize * size.height as usize * 4;
        self.fast = (
            vec![0; n],
            tiny_skia::Mask::new(size.width, size.height).unwrap(),
        );
        self.reference = (
            vec![0; n],
            tiny_skia::Mask::new(size.width, size.height).unwrap(),
        );
    }

    /// Scrolls the grid as the mouse wheel does: the scrollable's offset and the app's copy.
    fn scroll(&mut self, x: f32, y: f32) {
        let logical = Size::new(self.size.width as f32, self.size.height as f32);
        let mut ui = UserInterface::build(
            self.app.view(),
            logical,
            self.interface.take().unwrap_or_default(),
            &mut self.renderer,
        );
        let mut operation = scroll_to::<()>(
            frontdesk::gui::calendar::SCROLL_ID.into(),
            AbsoluteOffset {
                x: Some(x),
                y: Some(y),
            },
        );
        ui.operate(&self.renderer, &mut operation);
        self.interface = Some(ui.into_cache());
        self.send(DeskMessage::Scrolled(x, y));
    }

    /// One frame, drawn both ways from the same widget tree; returns how many bytes differ.
    fn frame(&mut self, cursor: mouse::Cursor) -> usize {
        let logical = Size::new(self.size.width as f32, self.size.height as f32);
        let mut ui = UserInterface::build(
            self.app.view(),
            logical,
            self.interface.take().unwrap_or_default(),
            &mut self.renderer,
        );
        ui.draw(
            &mut self.renderer,
            &self.theme,
            &renderer::Style {
                text_color: self.theme.palette().text,
            },
            cursor,
        );
        self.interface = Some(ui.into_cache());
        for (shortcuts, (pixels, mask)) in [(false, &mut self.reference), (true, &mut self.fast)] {
            let mut surface =
                tiny_skia::PixmapMut::from_bytes(pixels, self.size.width, self.size.height)
                    .expect("the surface");
            self.renderer.set_shortcuts(shortcuts);
            self.renderer.draw(
                &mut surface,
                mask,
                &Viewport::with_physical_size(self.size, 1.0),
                &[Rectangle::with_size(logical)],
                self.theme.palette().background,
            );
        }
        self.renderer.set_shortcuts(true);
        self.frames += 1;
        self.fast
            .0
            .iter()
            .zip(&self.reference.0)
            .filter(|(a, b)| a != b)
            .count()
    }

    /// Draws `n` frames and asserts each is the same both ways, and that the frames after the
    /// first copied the grid's kept pixels (so the comparison tests the kept pixels).
    fn same(&mut self, what: &str, n: usize, cursor: mouse::Cursor) {
        self.same_as(what, n, cursor, true);
    }

    /// As [`Window::same`]; `kept` false where the grid is drawn as usual (a week that fits
    /// shares its layer with other text, which the renderer does not reorder).
    fn same_as(&mut self, what: &str, n: usize, cursor: mouse::Cursor, kept: bool) {
        for i in 0..n {
            let copies = self.renderer.kept_copies();
            let differ = self.frame(cursor);
            assert_eq!(
                differ, 0,
                "{what} (frame {i}, {:?}): {differ} bytes differ",
                self.size
            );
            if kept && i > 0 {
                assert!(
                    self.renderer.kept_copies() > copies,
                    "{what} (frame {i}): the grid was drawn, not copied"
                );
            }
        }
    }

    fn zoom_to_fit(&mut self) {
        for _ in 0..8 {
            self.same("zooming out", 1, mouse::Cursor::Unavailable);
            let Phase::Ready(desk) = &self.app.phase else {
                return;
            };
            if desk.grid_size().width <= desk.grid_viewport().width {
                return;
            }
            self.send(DeskMessage::Zoom(ZoomStep::Out));
        }
    }

    /// A point of the window over the grid, some way into it.
    fn over_grid(&self, dx: f32, dy: f32) -> mouse::Cursor {
        let Phase::Ready(desk) = &self.app.phase else {
            return mouse::Cursor::Unavailable;
        };
        let view = desk.grid_viewport();
        // The grid's viewport sits below the top bar, at the window's left.
        let top = self.size.height as f32 - view.height;
        mouse::Cursor::Available(Point::new(dx.min(view.width - 1.0), top + dy))
    }
}

fn a_receptionists_session(theme: Theme) {
    let none = mouse::Cursor::Unavailable;
    let mut w = Window::with_demo(Size::new(1920, 1080), theme);
    w.same("the first day, usual zoom", 3, none);
    w.zoom_to_fit();
    w.same("every doctor in view", 3, none);
    w.scroll(0.0, 300.0);
    w.same("scrolled down", 2, none);
    w.scroll(0.0, 123.5);
    w.same("scrolled by half a pixel", 2, none);
    w.send(Message::Key(
        Key::Named(Named::ArrowDown),
        Modifiers::empty(),
    ));
    w.send(Message::Key(
        Key::Named(Named::ArrowRight),
        Modifiers::empty(),
    ));
    w.same("the keyboard cursor moved", 2, none);
    for (dx, dy) in [(300.0, 200.0), (301.0, 200.0), (700.0, 420.0), (90.0, 60.0)] {
        let at = w.over_grid(dx, dy);
        w.same("the mouse over the grid", 2, at);
    }
    w.send(DeskMessage::Previous);
    w.same("the day before", 2, none);
    w.send(DeskMessage::Next);
    w.same("back to today", 2, none);
    w.resize(Size::new(1280, 800));
    w.same("a smaller window", 2, none);
    w.zoom_to_fit();
    w.scroll(0.0, 77.25);
    w.same("a smaller window, scrolled", 2, none);
    w.send(Message::Key(Key::Character("3".into()), Modifiers::empty()));
    w.same_as("a doctor's week", 2, none, false);
    w.send(Message::Key(Key::Character("1".into()), Modifiers::empty()));
    w.send(DeskMessage::DateText("2030-01-08".into()));
    w.send(DeskMessage::GoToDate);
    w.same("an empty day", 2, none);
    assert!(w.frames > 30, "{} frames drawn", w.frames);
}

#[test]
fn the_calendar_draws_the_same_pixels_with_the_shortcuts_light() {
    a_receptionists_session(Theme::Light);
}

#[test]
fn the_calendar_draws_the_same_pixels_with_the_shortcuts_dark() {
    a_receptionists_session(Theme::Dark);
}
