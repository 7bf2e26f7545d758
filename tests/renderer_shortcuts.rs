//! The vendored CPU renderer's shortcuts (vendor/iced_tiny_skia/PATCHES.md) draw the same
//! pixels as drawing without them (`Renderer::set_shortcuts(false)`: iced_tiny_skia 0.14.1
//! with the clip-mask patch): rectangles cut to their clip instead of filled through the clip
//! mask, on random scenes of fills, quads and text, translated by fractions of a pixel and
//! clipped on and off whole pixels.

use iced::widget::canvas::{Cache, Frame, Path, Stroke, Text};
use iced::{Color, Pixels, Point, Rectangle, Size, Transformation, Vector};
use iced_tiny_skia::core::Renderer as _;
use iced_tiny_skia::core::renderer::Quad;
use iced_tiny_skia::graphics::Viewport;
use iced_tiny_skia::graphics::geometry::Renderer as _;
use proptest::prelude::*;

const W: u32 = 96;
const H: u32 = 72;

fn renderer() -> iced::Renderer {
    iced::Renderer::new(iced::Font::DEFAULT, Pixels(16.0))
}

/// Draws what `renderer` holds into a fresh surface, with or without the shortcuts.
fn draw(renderer: &mut iced::Renderer, shortcuts: bool, scale: f32) -> Vec<u8> {
    let mut pixels = vec![0u8; (W * H * 4) as usize];
    let mut mask = tiny_skia::Mask::new(W, H).expect("mask");
    let mut surface = tiny_skia::PixmapMut::from_bytes(&mut pixels, W, H).expect("surface");
    renderer.set_shortcuts(shortcuts);
    renderer.draw(
        &mut surface,
        &mut mask,
        &Viewport::with_physical_size(Size::new(W, H), scale),
        &[Rectangle::with_size(Size::new(
            W as f32 / scale,
            H as f32 / scale,
        ))],
        Color::from_rgb(0.9, 0.95, 1.0),
    );
    renderer.set_shortcuts(true);
    pixels
}

/// A shape of a scene.
#[derive(Debug, Clone)]
enum Shape {
    /// `Frame::fill_rectangle` (not anti-aliased).
    Rectangle(Rectangle, Color),
    /// `Frame::fill` of a rectangular path (anti-aliased).
    RectanglePath(Rectangle, Color),
    /// A rounded rectangle (no shortcut; drawn through the mask as before).
    Rounded(Rectangle, Color),
    /// A stroked rectangle.
    Outline(Rectangle, Color),
    /// Canvas text.
    Text(Point, Color),
}

/// A layer of a scene: clip bounds, a translation, and a canvas (cached or not).
#[derive(Debug, Clone)]
struct Layer {
    clip: Rectangle,
    translation: Vector,
    quads: Vec<(Rectangle, Color)>,
    shapes: Vec<Shape>,
    cached: bool,
    /// An opaque rectangle over the whole canvas first (a cache that can be kept as pixels).
    background: Option<Color>,
    /// Shapes of a second canvas geometry in the same layer, drawn after the first: under
    /// its text, over its shapes.
    later: Vec<Shape>,
}

fn coordinate(range: std::ops::Range<i32>) -> impl Strategy<Value = f32> {
    // Quarter pixels, and now and then an awkward fraction.
    (range, 0u8..8).prop_map(|(q, odd)| q as f32 / 4.0 + if odd == 0 { 0.013 } else { 0.0 })
}

fn rectangle() -> impl Strategy<Value = Rectangle> {
    (
        coordinate(-80..440),
        coordinate(-80..330),
        coordinate(-8..480),
        coordinate(-8..360),
    )
        .prop_map(|(x, y, w, h)| Rectangle::new(Point::new(x, y), Size::new(w, h)))
}

fn colour() -> impl Strategy<Value = Color> {
    (
        0u8..=255,
        0u8..=255,
        0u8..=255,
        prop_oneof![Just(1.0f32), 0.0f32..1.0],
    )
        .prop_map(|(r, g, b, a)| Color::from_rgba8(r, g, b, a))
}

fn shape() -> impl Strategy<Value = Shape> {
    prop_oneof![
        3 => (rectangle(), colour()).prop_map(|(r, c)| Shape::Rectangle(r, c)),
        2 => (rectangle(), colour()).prop_map(|(r, c)| Shape::RectanglePath(r, c)),
        1 => (rectangle(), colour()).prop_map(|(r, c)| Shape::Rounded(r, c)),
        1 => (rectangle(), colour()).prop_map(|(r, c)| Shape::Outline(r, c)),
        1 => (coordinate(-40..400), coordinate(-40..300), colour())
            .prop_map(|(x, y, c)| Shape::Text(Point::new(x, y), c)),
    ]
}

fn layer() -> impl Strategy<Value = Layer> {
    (
        rectangle(),
        (coordinate(-120..120), coordinate(-120..120)),
        proptest::collection::vec((rectangle(), colour()), 0..3),
        proptest::collection::vec(shape(), 1..10),
        any::<bool>(),
        proptest::option::of(colour().prop_map(|c| Color { a: 1.0, ..c })),
        proptest::collection::vec(shape(), 0..4),
    )
        .prop_map(
            |(clip, (x, y), quads, shapes, cached, background, later)| Layer {
                clip,
                translation: Vector::new(x, y),
                quads,
                shapes,
                cached,
                background,
                later,
            },
        )
}

fn paint(frame: &mut Frame, background: Option<Color>, shapes: &[Shape]) {
    if let Some(colour) = background {
        frame.fill_rectangle(Point::ORIGIN, frame.size(), colour);
    }
    for shape in shapes {
        match shape {
            Shape::Rectangle(r, c) => frame.fill_rectangle(r.position(), r.size(), *c),
            Shape::RectanglePath(r, c) => {
                frame.fill(&Path::rectangle(r.position(), r.size()), *c);
            }
            Shape::Rounded(r, c) => {
                frame.fill(
                    &Path::rounded_rectangle(r.position(), r.size(), 4.0.into()),
                    *c,
                );
            }
            Shape::Outline(r, c) => frame.stroke(
                &Path::rectangle(r.position(), r.size()),
                Stroke::default().with_color(*c).with_width(1.5),
            ),
            Shape::Text(p, c) => frame.fill_text(Text {
                content: "Dr Rani O'Brien · 10:05".into(),
                position: *p,
                color: *c,
                size: Pixels(12.0),
                ..Text::default()
            }),
        }
    }
}

/// Records a scene into the renderer's layers, as widgets do during a frame.
fn record(renderer: &mut iced::Renderer, layers: &[Layer], caches: &[Cache]) {
    renderer.reset(Rectangle::with_size(Size::new(W as f32, H as f32)));
    for (layer, cache) in layers.iter().zip(caches) {
        renderer.start_layer(layer.clip);
        for (bounds, colour) in &layer.quads {
            renderer.fill_quad(
                Quad {
                    bounds: *bounds,
                    ..Quad::default()
                },
                *colour,
            );
        }
        renderer.start_transformation(Transformation::translate(
            layer.translation.x,
            layer.translation.y,
        ));
        let size = Size::new(400.0, 300.0);
        let geometry = if layer.cached {
            cache.draw(renderer, size, |frame| {
                paint(frame, layer.background, &layer.shapes)
            })
        } else {
            let mut frame = Frame::new(renderer, size);
            paint(&mut frame, layer.background, &layer.shapes);
            frame.into_geometry()
        };
        renderer.draw_geometry(geometry);
        if !layer.later.is_empty() {
            let mut frame = Frame::new(renderer, size);
            paint(&mut frame, None, &layer.later);
            renderer.draw_geometry(frame.into_geometry());
        }
        renderer.end_transformation();
        renderer.end_layer();
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn the_shortcuts_draw_the_same_pixels(
        layers in proptest::collection::vec(layer(), 1..4),
        scale in prop_oneof![Just(1.0f32), Just(1.25f32), Just(2.0f32)],
    ) {
        let mut renderer = renderer();
        let caches: Vec<Cache> = layers.iter().map(|_| Cache::new()).collect();
        // A cached canvas is drawn anew, then from its cache (kept as pixels), then from its
        // cache with other shapes after it.
        for round in 0..3 {
            let mut layers = layers.clone();
            if round == 2 {
                for layer in &mut layers {
                    layer.later.reverse();
                    layer.later.truncate(2);
                }
            }
            record(&mut renderer, &layers, &caches);
            let reference = draw(&mut renderer, false, scale);
            let fast = draw(&mut renderer, true, scale);
            let differ = reference.iter().zip(&fast).filter(|(a, b)| a != b).count();
            prop_assert!(differ == 0, "round {round}: {differ} bytes differ");
        }
    }
}

#[test]
fn the_reference_is_not_the_shortcut() {
    // The comparison above means something only if the two ways are different code: a fill
    // through the mask blends every pixel, the shortcut's cut fill does not. A translucent
    // rectangle over the clip's edge still gives the same pixels both ways, and one fully
    // outside the clip draws nothing.
    let layers = [Layer {
        clip: Rectangle::new(Point::new(10.5, 8.25), Size::new(50.0, 40.0)),
        translation: Vector::new(0.5, -3.25),
        quads: vec![],
        shapes: vec![
            Shape::Rectangle(
                Rectangle::new(Point::new(-20.0, -20.0), Size::new(200.0, 200.0)),
                Color::from_rgba(0.2, 0.4, 0.6, 0.7),
            ),
            Shape::Rectangle(
                Rectangle::new(Point::new(70.0, 0.0), Size::new(10.0, 10.0)),
                Color::BLACK,
            ),
        ],
        cached: false,
        background: None,
        later: vec![],
    }];
    let mut renderer = renderer();
    record(&mut renderer, &layers, &[Cache::new()]);
    let reference = draw(&mut renderer, false, 1.0);
    let fast = draw(&mut renderer, true, 1.0);
    assert_eq!(reference, fast);
    // The clip is honoured: a pixel left of it keeps the background.
    let at = |x: usize, y: usize| &fast[(y * W as usize + x) * 4..][..4];
    assert_eq!(at(5, 20), at(90, 70));
    assert_ne!(at(30, 20), at(5, 20));
}

/// Found by the property test above in CI (2026-12-05): a kept canvas with an opaque
/// background and one text, in a clip with fractional edges, translated by a quarter pixel.
#[test]
fn a_kept_text_in_a_fractional_clip_draws_the_same_pixels() {
    let layers = [Layer {
        clip: Rectangle::new(Point::new(0.013, 0.013), Size::new(10.513, 3.513)),
        translation: Vector::new(0.013, -9.75),
        quads: vec![],
        shapes: vec![Shape::Text(Point::new(0.013, 0.013), Color::BLACK)],
        cached: true,
        background: Some(Color::from_rgb(0.0, 0.0, 0.007_843_138)),
        later: vec![],
    }];
    let mut renderer = renderer();
    let caches: Vec<Cache> = layers.iter().map(|_| Cache::new()).collect();
    for round in 0..2 {
        record(&mut renderer, &layers, &caches);
        let reference = draw(&mut renderer, false, 1.0);
        let fast = draw(&mut renderer, true, 1.0);
        let differ: Vec<usize> = reference
            .iter()
            .zip(&fast)
            .enumerate()
            .filter(|(_, (a, b))| a != b)
            .map(|(i, _)| i)
            .collect();
        assert!(
            differ.is_empty(),
            "round {round}: bytes {differ:?} differ: {:?} vs {:?}",
            differ.iter().map(|&i| reference[i]).collect::<Vec<_>>(),
            differ.iter().map(|&i| fast[i]).collect::<Vec<_>>()
        );
    }
}
