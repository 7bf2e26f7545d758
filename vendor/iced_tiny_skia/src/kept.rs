//! Frontdesk's patch (PATCHES.md): a canvas `Cache` kept as pixels.
//!
//! A canvas cache keeps its geometry between frames, but the renderer drew
//! every shape and text of it again on every frame. When a cache is drawn
//! again exactly as before (the same geometry, transformation, clip and
//! surface) and the whole of its layer is redrawn, the pixels it leaves are
//! the same as the last time, provided its first shape paints its whole clip
//! in an opaque colour (so nothing under it shows through). Those pixels are
//! kept and copied instead.
//!
//! A layer draws all its shapes before all its text, so shapes drawn after
//! the cache's shapes (in the same layer) land under the cache's text. The
//! kept pixels hold the cache's text already; where a later shape meets a
//! text of the cache, the pixels of the cache's shapes alone are copied
//! instead, and in the text pass the cache's texts there are drawn again,
//! clipped to those places: every pixel ends up as drawing it all gives.
//!
//! Anything this cannot show to be the same (images or other text in the
//! layer, a redraw of part of the layer, text or shapes reaching outside the
//! clip, text drawn without the clip mask) is drawn as before.

use std::sync::Arc;

use crate::Primitive;
use crate::core::{Point, Rectangle, Size, Transformation};
use crate::engine::{Engine, axis_rectangle, covered, into_transform};
use crate::graphics::Text;
use crate::layer::{Item, Layer};

/// The caches kept as pixels.
#[derive(Debug, Default)]
pub struct Kept {
    entries: Vec<Entry>,
    /// How many times kept pixels were copied (for tests).
    pub copies: usize,
}

/// A cache drawn once, with what it was drawn for.
#[derive(Debug)]
struct Entry {
    primitives: Arc<[Primitive]>,
    text: Arc<[Text]>,
    primitive_transformation: Transformation,
    text_transformation: Transformation,
    group_bounds: Rectangle,
    layer_bounds: Rectangle,
    size: (u32, u32),
    /// `None`: this drawing cannot be kept (it is drawn as usual).
    pixels: Option<Pixels>,
    used: bool,
}

/// Whole pixels: columns `x0..x1` of rows `y0..y1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Area {
    x0: usize,
    y0: usize,
    x1: usize,
    y1: usize,
}

impl Area {
    fn intersection(self, other: Area) -> Option<Area> {
        let a = Area {
            x0: self.x0.max(other.x0),
            y0: self.y0.max(other.y0),
            x1: self.x1.min(other.x1),
            y1: self.y1.min(other.y1),
        };
        (a.x0 < a.x1 && a.y0 < a.y1).then_some(a)
    }

    fn union(self, other: Area) -> Area {
        Area {
            x0: self.x0.min(other.x0),
            y0: self.y0.min(other.y0),
            x1: self.x1.max(other.x1),
            y1: self.y1.max(other.y1),
        }
    }

    /// The whole pixels `bounds` touches, one more on every side, or `None`
    /// when that is nothing.
    fn around(bounds: Rectangle) -> Option<Area> {
        let (x0, y0) = (bounds.x.floor() - 1.0, bounds.y.floor() - 1.0);
        let x1 = (bounds.x + bounds.width).ceil() + 1.0;
        let y1 = (bounds.y + bounds.height).ceil() + 1.0;
        if !(x0.is_finite() && y0.is_finite() && x1.is_finite() && y1.is_finite()) {
            return Some(Area {
                x0: 0,
                y0: 0,
                x1: usize::MAX,
                y1: usize::MAX,
            });
        }
        let clamp = |v: f32| v.max(0.0) as usize;
        let a = Area {
            x0: clamp(x0),
            y0: clamp(y0),
            x1: clamp(x1),
            y1: clamp(y1),
        };
        (a.x0 < a.x1 && a.y0 < a.y1).then_some(a)
    }

    fn rectangle(self) -> Rectangle {
        Rectangle::new(
            Point::new(self.x0 as f32, self.y0 as f32),
            Size::new((self.x1 - self.x0) as f32, (self.y1 - self.y0) as f32),
        )
    }
}

/// The kept pixels of a cache.
#[derive(Debug)]
struct Pixels {
    area: Area,
    /// The area after the cache's shapes alone, row after row.
    shapes: Vec<u8>,
    /// The area after the cache's shapes and text.
    drawn: Vec<u8>,
    /// Where each text of the cache drew, inside the area.
    texts: Vec<Option<Area>>,
    /// The texts that also drew outside the area (their layer's clip can be
    /// larger than the cache's): drawn in the text pass as usual, and the
    /// part of the area they drew on is taken as met by a later shape.
    spill: Vec<bool>,
}

/// How a layer is drawn with a kept cache.
#[derive(Debug)]
pub struct Plan {
    entry: usize,
    /// The layer's primitive item and text item of the cache.
    pub primitive_item: usize,
    pub text_item: usize,
    /// Where later shapes meet the cache's text: disjoint areas.
    redo: Vec<Area>,
}

impl Engine {
    /// Forgets which kept caches were used (the start of a draw).
    pub fn start_kept(&mut self) {
        for entry in &mut self.kept.entries {
            entry.used = false;
        }
    }

    /// Drops the kept caches the last draw did not use.
    pub fn trim_kept(&mut self) {
        self.kept.entries.retain(|entry| entry.used);
    }

    /// How to draw `layer` with its first canvas cache kept as pixels, when
    /// that gives the same pixels; `None` draws it as usual. `layer_bounds` is
    /// the part of the layer being redrawn and `surface` the whole surface
    /// (both physical).
    pub fn plan_kept(
        &mut self,
        layer: &Layer,
        scale_factor: f32,
        layer_bounds: Rectangle,
        surface: Rectangle,
        size: (u32, u32),
        clip_mask: &mut tiny_skia::Mask,
    ) -> Option<Plan> {
        if !self.shortcuts || !layer.images.is_empty() {
            return None;
        }
        // Only a redraw of the whole layer: the kept pixels are those of the
        // whole layer's clip, and a smaller clip can change how a shape at
        // its edge is blended (through the mask or not).
        if (layer.bounds * scale_factor).intersection(&surface) != Some(layer_bounds) {
            return None;
        }
        let primitive_item = layer
            .primitives
            .iter()
            .position(|item| matches!(item, Item::Cached(..)))?;
        // The cache's text must be the layer's first text: text drawn before
        // it would be drawn after it here.
        let Some(Item::Cached(text, _, text_transformation)) = layer.text.first() else {
            return None;
        };
        let Item::Cached(primitives, clip_bounds, primitive_transformation) =
            &layer.primitives[primitive_item]
        else {
            return None;
        };
        if primitive_transformation != text_transformation {
            return None;
        }
        let group_bounds = (*clip_bounds * scale_factor).intersection(&layer_bounds)?;
        let primitive_transformation =
            Transformation::scale(scale_factor) * *primitive_transformation;
        let text_transformation = Transformation::scale(scale_factor) * *text_transformation;

        let found = self.kept.entries.iter().position(|entry| {
            Arc::ptr_eq(&entry.primitives, primitives)
                && Arc::ptr_eq(&entry.text, text)
                && entry.primitive_transformation == primitive_transformation
                && entry.text_transformation == text_transformation
                && entry.group_bounds == group_bounds
                && entry.layer_bounds == layer_bounds
                && entry.size == size
        });
        let entry = match found {
            Some(entry) => entry,
            None => {
                let pixels = self.keep(
                    primitives,
                    primitive_transformation,
                    group_bounds,
                    text,
                    text_transformation,
                    layer_bounds,
                    size,
                    clip_mask,
                );
                self.kept.entries.push(Entry {
                    primitives: Arc::clone(primitives),
                    text: Arc::clone(text),
                    primitive_transformation,
                    text_transformation,
                    group_bounds,
                    layer_bounds,
                    size,
                    pixels,
                    used: false,
                });
                self.kept.entries.len() - 1
            }
        };
        self.kept.entries[entry].used = true;
        let pixels = self.kept.entries[entry].pixels.as_ref()?;

        // Later shapes of the layer that meet a text of the cache, and texts
        // that are drawn as usual.
        // (A spilled text's place is restored with a margin: a glyph's
        // anti-aliased edge can reach a pixel past the bounds it reports, and
        // that pixel drawn twice came out one step apart; found by
        // tests/renderer_shortcuts.rs.)
        let mut redo: Vec<Area> = pixels
            .texts
            .iter()
            .zip(&pixels.spill)
            .filter_map(|(area, spill)| area.filter(|_| *spill))
            .filter_map(|a| {
                let r = a.rectangle();
                Area::around(Rectangle::new(
                    Point::new(r.x - 2.0, r.y - 2.0),
                    Size::new(r.width + 4.0, r.height + 4.0),
                ))
                .and_then(|g| g.intersection(pixels.area))
            })
            .collect();
        for item in &layer.primitives[primitive_item + 1..] {
            let Some(item_bounds) = (item.clip_bounds() * scale_factor).intersection(&layer_bounds)
            else {
                continue;
            };
            let transformation = Transformation::scale(scale_factor) * item.transformation();
            for primitive in item.as_slice() {
                let bounds = match primitive {
                    Primitive::Fill { path, .. } => physical(path.bounds(), 0.0, transformation),
                    Primitive::Stroke { path, stroke, .. } => {
                        physical(path.bounds(), stroke.width, transformation)
                    }
                };
                let Some(area) = bounds
                    .intersection(&item_bounds)
                    .and_then(Area::around)
                    .and_then(|a| a.intersection(pixels.area))
                else {
                    continue;
                };
                if pixels
                    .texts
                    .iter()
                    .flatten()
                    .any(|text| text.intersection(area).is_some())
                {
                    redo.push(area);
                }
            }
        }
        // Disjoint, so that no text is drawn twice on the same pixel.
        let mut merged = true;
        while merged {
            merged = false;
            'outer: for i in 0..redo.len() {
                for j in i + 1..redo.len() {
                    if redo[i].intersection(redo[j]).is_some() {
                        redo[i] = redo[i].union(redo[j]);
                        let _ = redo.swap_remove(j);
                        merged = true;
                        break 'outer;
                    }
                }
            }
        }

        Some(Plan {
            entry,
            primitive_item,
            text_item: 0,
            redo,
        })
    }

    /// Copies the kept pixels of a plan's cache into `pixels`, in place of
    /// drawing its shapes and text.
    pub fn draw_kept(&mut self, plan: &Plan, pixels: &mut tiny_skia::PixmapMut<'_>) {
        self.kept.copies += 1;
        let Some(kept) = &self.kept.entries[plan.entry].pixels else {
            return;
        };
        copy(&kept.drawn, kept.area, kept.area, pixels);
        for &area in &plan.redo {
            copy(&kept.shapes, kept.area, area, pixels);
        }
    }

    /// Draws the cache's texts again where later shapes met them, clipped
    /// there (the text pass, in place of drawing all of them).
    pub fn redraw_kept_text(
        &mut self,
        plan: &Plan,
        pixels: &mut tiny_skia::PixmapMut<'_>,
        clip_mask: &mut tiny_skia::Mask,
    ) {
        let entry = &self.kept.entries[plan.entry];
        let (Some(kept), text, transformation, layer_bounds) = (
            &entry.pixels,
            Arc::clone(&entry.text),
            entry.text_transformation,
            entry.layer_bounds,
        ) else {
            return;
        };
        let (texts, spill) = (kept.texts.clone(), kept.spill.clone());
        // Text after text, as the layer draws them: on any pixel they are
        // drawn in the same order.
        for ((text, drew), spill) in text.iter().zip(&texts).zip(spill) {
            if spill {
                let _ = self.draw_text(text, transformation, pixels, clip_mask, layer_bounds);
                continue;
            }
            let Some(drew) = drew else {
                continue;
            };
            for area in &plan.redo {
                if drew.intersection(*area).is_some() {
                    let _ = self.draw_text(
                        text,
                        transformation,
                        pixels,
                        clip_mask,
                        area.rectangle(),
                    );
                }
            }
        }
    }

    /// Draws a cache into a blank surface of `size` as the layer would, and
    /// keeps its pixels, or `None` when they would not be the same as drawing
    /// it in the layer.
    #[allow(clippy::too_many_arguments)]
    fn keep(
        &mut self,
        primitives: &[Primitive],
        primitive_transformation: Transformation,
        group_bounds: Rectangle,
        text: &[Text],
        text_transformation: Transformation,
        layer_bounds: Rectangle,
        size: (u32, u32),
        clip_mask: &mut tiny_skia::Mask,
    ) -> Option<Pixels> {
        // Only a clip on whole pixels (see `engine::on_whole_pixels`).
        if !crate::engine::on_whole_pixels(group_bounds) || !crate::engine::on_whole_pixels(layer_bounds) {
            return None;
        }
        let spans = covered(size.0, size.1, group_bounds);
        let area = Area {
            x0: spans.x.0,
            y0: spans.y.0,
            x1: spans.x.1,
            y1: spans.y.1,
        };
        if area.x0 >= area.x1 || area.y0 >= area.y1 {
            return None;
        }
        // The first shape paints the whole area in an opaque colour: what
        // was under it never shows.
        let Some(Primitive::Fill { path, paint, .. }) = primitives.first() else {
            return None;
        };
        let tiny_skia::Shader::SolidColor(colour) = paint.shader else {
            return None;
        };
        let rect = axis_rectangle(path, into_transform(primitive_transformation))?;
        // Not anti-aliased, it fills the pixels whose centres it covers (as
        // the mask does); anti-aliased, only those it covers whole.
        let covers = if paint.anti_alias {
            rect.left() <= area.x0 as f32
                && rect.top() <= area.y0 as f32
                && rect.right() >= area.x1 as f32
                && rect.bottom() >= area.y1 as f32
        } else {
            let fills = covered(
                size.0,
                size.1,
                Rectangle::new(
                    Point::new(rect.left(), rect.top()),
                    Size::new(rect.width(), rect.height()),
                ),
            );
            fills.x.0 <= area.x0
                && fills.y.0 <= area.y0
                && fills.x.1 >= area.x1
                && fills.y.1 >= area.y1
        };
        if !colour.is_opaque() || paint.blend_mode != tiny_skia::BlendMode::SourceOver || !covers {
            return None;
        }
        // Text drawn without the mask would be drawn again with it.
        let masked = text.iter().all(|t| match t {
            Text::Cached { clip_bounds, .. } => {
                !(*clip_bounds * text_transformation).is_within(&layer_bounds)
            }
            _ => false,
        });
        if !masked {
            return None;
        }

        let mut data = vec![0u8; size.0 as usize * size.1 as usize * 4];
        let mut surface = tiny_skia::PixmapMut::from_bytes(&mut data, size.0, size.1)?;
        for primitive in primitives {
            self.draw_primitive(
                primitive,
                primitive_transformation,
                &mut surface,
                clip_mask,
                group_bounds,
            );
        }
        // Shapes may not draw outside the area: they would be missing.
        if drew_outside(&data, size.0 as usize, area) {
            return None;
        }
        let shapes = take(&data, size.0 as usize, area);
        let mut surface = tiny_skia::PixmapMut::from_bytes(&mut data, size.0, size.1)?;
        let mut texts = Vec::with_capacity(text.len());
        let mut spill = Vec::with_capacity(text.len());
        for t in text {
            let touched =
                self.draw_text(t, text_transformation, &mut surface, clip_mask, layer_bounds);
            let drew = touched.0.map(|[l, t, r, b]| {
                let clamp = |v: i32| usize::try_from(v.max(0)).unwrap_or(0);
                Area {
                    x0: clamp(l),
                    y0: clamp(t),
                    x1: clamp(r),
                    y1: clamp(b),
                }
            });
            let inside = drew.and_then(|d| d.intersection(area));
            spill.push(drew.is_some_and(|d| Some(d) != inside));
            texts.push(inside);
        }
        let drawn = take(&data, size.0 as usize, area);
        Some(Pixels {
            area,
            shapes,
            drawn,
            texts,
            spill,
        })
    }
}

/// `bounds` under `transformation`, grown by half a stroke `width` (and a
/// pixel for hairlines and anti-aliasing, by [`Area::around`]).
fn physical(bounds: tiny_skia::Rect, width: f32, transformation: Transformation) -> Rectangle {
    Rectangle {
        x: bounds.x() - width / 2.0,
        y: bounds.y() - width / 2.0,
        width: bounds.width() + width,
        height: bounds.height() + width,
    } * transformation
}

/// The rows of `area` of a surface `width` pixels wide.
fn take(data: &[u8], width: usize, area: Area) -> Vec<u8> {
    let mut out = Vec::with_capacity((area.x1 - area.x0) * (area.y1 - area.y0) * 4);
    for row in area.y0..area.y1 {
        out.extend_from_slice(&data[(row * width + area.x0) * 4..(row * width + area.x1) * 4]);
    }
    out
}

/// Copies the part `part` of `kept` (the rows of `area`) into `pixels`.
fn copy(kept: &[u8], area: Area, part: Area, pixels: &mut tiny_skia::PixmapMut<'_>) {
    let Some(part) = part.intersection(area) else {
        return;
    };
    let width = pixels.width() as usize;
    let height = pixels.height() as usize;
    let stride = (area.x1 - area.x0) * 4;
    let data = pixels.data_mut();
    for row in part.y0..part.y1.min(height) {
        let from = (row - area.y0) * stride + (part.x0 - area.x0) * 4;
        let len = (part.x1.min(width) - part.x0) * 4;
        data[(row * width + part.x0) * 4..][..len].copy_from_slice(&kept[from..from + len]);
    }
}

/// True when a byte outside `area` of a surface that started blank is set.
fn drew_outside(data: &[u8], width: usize, area: Area) -> bool {
    let set = |bytes: &[u8]| bytes.iter().any(|&b| b != 0);
    let rows = data.len() / (width * 4);
    set(&data[..area.y0 * width * 4])
        || set(&data[(area.y1 * width * 4).min(data.len())..])
        || (area.y0..area.y1.min(rows)).any(|row| {
            let line = &data[row * width * 4..(row + 1) * width * 4];
            set(&line[..area.x0 * 4]) || set(&line[area.x1 * 4..])
        })
}
