//! The vendored CPU renderer's clip mask (vendor/iced_tiny_skia/PATCHES.md): set through
//! `ClipMaskBounds`, which clears only what the previous bounds filled and skips bounds it
//! already holds, the mask is byte for byte what clearing it whole and filling the new bounds
//! gives, for any sequence of bounds, in or out of the mask, on or off whole pixels.

use iced::Rectangle;
use iced_tiny_skia::ClipMaskBounds;
use proptest::prelude::*;

/// The renderer's own way (iced_tiny_skia 0.14.1): clear everything, fill the rectangle.
fn reference(width: u32, height: u32, bounds: Rectangle) -> Vec<u8> {
    let mut mask = tiny_skia::Mask::new(width, height).expect("mask");
    let rect = tiny_skia::Rect::from_xywh(bounds.x, bounds.y, bounds.width, bounds.height)
        .expect("a rectangle");
    mask.fill_path(
        &tiny_skia::PathBuilder::from_rect(rect),
        tiny_skia::FillRule::EvenOdd,
        false,
        tiny_skia::Transform::default(),
    );
    mask.data().to_vec()
}

fn bounds() -> impl Strategy<Value = Rectangle> {
    // Quarter pixels, partly or wholly outside a mask of up to 160×120.
    (-160i32..480, -120i32..360, 1i32..800, 1i32..600).prop_map(|(x, y, w, h)| {
        Rectangle::new(
            iced::Point::new(x as f32 / 4.0, y as f32 / 4.0),
            iced::Size::new(w as f32 / 4.0, h as f32 / 4.0),
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn the_mask_is_always_what_clearing_and_filling_gives(
        width in 1u32..160,
        height in 1u32..120,
        steps in proptest::collection::vec((bounds(), any::<bool>()), 1..24),
    ) {
        let mut mask = tiny_skia::Mask::new(width, height).expect("mask");
        let mut state = ClipMaskBounds::default();
        for (i, (b, again)) in steps.into_iter().enumerate() {
            state.set(&mut mask, b);
            if again {
                state.set(&mut mask, b);
            }
            prop_assert!(mask.data() == reference(width, height, b).as_slice(), "step {i}: {b:?}");
        }
        // A forgotten state clears the whole mask next time, whatever it held.
        state.forget();
        mask.data_mut().fill(0x55);
        let b = Rectangle::new(iced::Point::new(1.5, 2.25), iced::Size::new(7.0, 3.5));
        state.set(&mut mask, b);
        prop_assert!(mask.data() == reference(width, height, b).as_slice());
    }
}

#[test]
fn a_mask_left_dirty_by_someone_else_is_not_trusted_after_forget() {
    // Without `forget`, a state that believes the mask holds `a` would leave what another
    // writer put elsewhere; the renderer calls `forget` at the start of every draw.
    let (w, h) = (40, 30);
    let a = Rectangle::new(iced::Point::new(0.0, 0.0), iced::Size::new(10.0, 10.0));
    let b = Rectangle::new(iced::Point::new(20.0, 10.0), iced::Size::new(10.0, 10.0));
    let mut mask = tiny_skia::Mask::new(w, h).expect("mask");
    let mut state = ClipMaskBounds::default();
    state.set(&mut mask, a);
    state.forget();
    mask.data_mut()[w as usize * 25 + 35] = 255;
    state.set(&mut mask, b);
    assert_eq!(mask.data(), reference(w, h, b).as_slice());
}
