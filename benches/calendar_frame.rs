//! The calendar frame: view + layout + draw + rasterise of the whole window on the CPU renderer
//! (tiny-skia) at 1280×800 (scale factor 1), headless, for the demo clinic's busiest view (a
//! day with a column per doctor, ~330 appointments) and for one doctor's week. As in the app,
//! one renderer and the widget-tree cache live across frames. "Warm" redraws the same data
//! (the grid's canvas cache is kept); "new" first moves to another day, which clears the cache,
//! and then draws. Targets (DESIGN.md §5): ≤ 16.7 ms warm, ≤ 100 ms for a newly shown day.
//!
//! `cargo bench --bench calendar_frame`

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use frontdesk::gui::app::Phase;
use frontdesk::gui::headless;
use frontdesk::gui::{App, Message};
use iced::keyboard::{Key, Modifiers};
use iced::{Pixels, Size, Theme, mouse};
use iced_runtime::core::renderer::{self, Headless};
use iced_runtime::user_interface::{self, UserInterface};

/// 11:00 in Kolkata on a Tuesday: a full day with the morning done and the afternoon booked.
const NOW: &str = "2026-11-24T05:30:00Z";

struct Window {
    _dir: tempfile::TempDir,
    runtime: tokio::runtime::Runtime,
    app: App,
    renderer: iced::Renderer,
    interface: Option<user_interface::Cache>,
}

const SIZE: Size = Size::new(1280.0, 800.0);

impl Window {
    fn with_demo() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let now = DateTime::parse_from_rfc3339(NOW)
            .expect("now")
            .with_timezone(&Utc);
        let runtime = headless::runtime().expect("runtime");
        let (app, task) = App::new(dir.path().join("bench.sqlite3"), "bench".into(), now);
        let renderer = iced::futures::executor::block_on(<iced::Renderer as Headless>::new(
            iced::Font::DEFAULT,
            Pixels(16.0),
            Some("tiny-skia"),
        ))
        .expect("the CPU renderer");
        let mut w = Window {
            _dir: dir,
            runtime,
            app,
            renderer,
            interface: None,
        };
        w.send_task(task);
        w.send(Message::LoadDemo);
        assert!(matches!(w.app.phase, Phase::Ready(_)), "demo clinic loaded");
        w
    }

    fn send_task(&mut self, task: iced::Task<Message>) {
        headless::settle(&mut self.app, task, &self.runtime);
    }

    fn send(&mut self, message: Message) {
        let task = self.app.update(message);
        self.send_task(task);
    }

    fn appointments_shown(&self) -> usize {
        match &self.app.phase {
            Phase::Ready(desk) => desk.blocks.len(),
            _ => 0,
        }
    }

    /// One frame: view, layout (building the widget tree from the kept cache), draw, and
    /// rasterising into 1280×800 pixels.
    fn frame(&mut self) -> usize {
        let theme = Theme::Light;
        let element = self.app.view();
        let mut ui = UserInterface::build(
            element,
            SIZE,
            self.interface.take().unwrap_or_default(),
            &mut self.renderer,
        );
        ui.draw(
            &mut self.renderer,
            &theme,
            &renderer::Style {
                text_color: theme.palette().text,
            },
            mouse::Cursor::Unavailable,
        );
        self.interface = Some(ui.into_cache());
        let pixels = self.renderer.screenshot(
            Size::new(SIZE.width as u32, SIZE.height as u32),
            1.0,
            theme.palette().background,
        );
        std::hint::black_box(pixels).len()
    }
}

/// Times only the first frame after each move to the previous or next day (or week): the
/// database load happens outside the timing, as it does on its own thread in the app.
fn new_view_frames(window: &mut Window, iterations: u64) -> Duration {
    let mut total = Duration::ZERO;
    for i in 0..iterations {
        // Back and forth between two full days (or weeks) of the past: comparable work.
        window.send(if i % 2 == 0 {
            Message::Previous
        } else {
            Message::Next
        });
        let start = Instant::now();
        window.frame();
        total += start.elapsed();
    }
    total
}

fn frames(c: &mut Criterion) {
    let mut window = Window::with_demo();
    eprintln!(
        "day view by doctor: {} appointments drawn",
        window.appointments_shown()
    );
    let mut group = c.benchmark_group("calendar_frame");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(8))
        .warm_up_time(Duration::from_secs(2));

    group.bench_function("day_by_doctor_warm", |b| b.iter(|| window.frame()));
    group.bench_function("day_by_doctor_new_day", |b| {
        b.iter_custom(|iterations| new_view_frames(&mut window, iterations))
    });

    window.send(Message::Key(Key::Character("3".into()), Modifiers::empty()));
    eprintln!(
        "a doctor's week: {} appointments drawn",
        window.appointments_shown()
    );
    group.bench_function("week_of_doctor_warm", |b| b.iter(|| window.frame()));
    group.bench_function("week_of_doctor_new_week", |b| {
        b.iter_custom(|iterations| new_view_frames(&mut window, iterations))
    });
    group.finish();
}

criterion_group!(benches, frames);
criterion_main!(benches);
