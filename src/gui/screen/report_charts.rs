//! The Reports page's charts, drawn on canvases: a heatmap (room × day utilisation, and the 7 × 24
//! busiest hours) with axis labels, a colour legend and a hover read-out, and horizontal bars
//! (utilisation, rates, timings) with a legend, a scale and the figures written beside each bar.
//! Each chart keeps its drawing in a cache, redrawn only when its data, its size or the theme
//! changes.

use std::cell::Cell;

use iced::mouse;
use iced::widget::canvas::{self, Cache, Frame, Geometry, Path, Stroke, Text};
use iced::{Color, Font, Pixels, Point, Rectangle, Renderer, Size, Theme};

use crate::gui::theme::{is_dark, mix};

/// A chart's cached drawing; the cache is cleared when the theme flips between light and dark.
#[derive(Debug, Default)]
pub struct ChartCache {
    cache: Cache,
    dark: Cell<Option<bool>>,
}

impl ChartCache {
    fn draw(
        &self,
        renderer: &Renderer,
        size: Size,
        theme: &Theme,
        draw: impl Fn(&mut Frame),
    ) -> Geometry {
        let dark = is_dark(theme);
        if self.dark.get() != Some(dark) {
            self.cache.clear();
            self.dark.set(Some(dark));
        }
        self.cache.draw(renderer, size, draw)
    }
}

fn text_colour(theme: &Theme) -> Color {
    theme.extended_palette().background.base.text
}

fn faint(theme: &Theme, alpha: f32) -> Color {
    Color {
        a: alpha,
        ..text_colour(theme)
    }
}

fn label(frame: &mut Frame, content: String, at: Point, size: f32, colour: Color, right: bool) {
    frame.fill_text(Text {
        content,
        position: at,
        color: colour,
        size: Pixels(size),
        align_x: if right {
            iced::alignment::Horizontal::Right.into()
        } else {
            iced::alignment::Horizontal::Left.into()
        },
        align_y: iced::alignment::Vertical::Center,
        ..Text::default()
    });
}

fn bold(frame: &mut Frame, content: String, at: Point, size: f32, colour: Color) {
    frame.fill_text(Text {
        content,
        position: at,
        color: colour,
        size: Pixels(size),
        font: Font {
            weight: iced::font::Weight::Bold,
            ..Font::DEFAULT
        },
        align_y: iced::alignment::Vertical::Center,
        ..Text::default()
    });
}

/// Shortens text to about `width` pixels at `size` (a DejaVu-width estimate).
fn fit(text: &str, width: f32, size: f32) -> String {
    let room = (width / (size * 0.58)).floor().max(1.0) as usize;
    if text.chars().count() <= room {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(room.saturating_sub(1)).collect();
    out.push('…');
    out
}

// ---------------------------------------------------------------------------------------------
// Heatmap

/// What a heatmap shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HeatmapData {
    /// Row labels (rooms, weekdays).
    pub rows: Vec<String>,
    /// Column labels drawn under the grid: (column, text).
    pub ticks: Vec<(usize, String)>,
    /// How many columns.
    pub columns: usize,
    /// `[row][column]` intensity 0.0–1.0; `None` where there is nothing (closed).
    pub values: Vec<Vec<Option<f32>>>,
    /// Numbers written in the cells, when they fit (`[row][column]`).
    pub cell_text: Option<Vec<Vec<String>>>,
    /// What hovering a cell says (`[row][column]`).
    pub hover: Vec<Vec<String>>,
    /// The legend's words for the low and the high end, and for "nothing".
    pub legend: (String, String, String),
    /// The colour of the high end.
    pub hue: Color,
    /// Width of the row labels.
    pub label_width: f32,
}

/// Height of one heatmap row.
pub const HEAT_ROW: f32 = 19.0;
const HEAT_BOTTOM: f32 = 46.0;

impl HeatmapData {
    /// The height the chart needs.
    pub fn height(&self) -> f32 {
        self.rows.len() as f32 * HEAT_ROW + HEAT_BOTTOM + 4.0
    }
}

/// A heatmap on a canvas.
pub struct Heatmap<'a> {
    /// Its data.
    pub data: &'a HeatmapData,
    /// Its cached drawing.
    pub cache: &'a ChartCache,
}

impl Heatmap<'_> {
    fn cell_width(&self, width: f32) -> f32 {
        ((width - self.data.label_width - 8.0) / self.data.columns.max(1) as f32).max(1.0)
    }

    fn cell_at(&self, size: Size, p: Point) -> Option<(usize, usize)> {
        let w = self.cell_width(size.width);
        let x = p.x - self.data.label_width;
        if x < 0.0 || p.y < 0.0 {
            return None;
        }
        let (row, column) = ((p.y / HEAT_ROW) as usize, (x / w) as usize);
        (row < self.data.rows.len() && column < self.data.columns).then_some((row, column))
    }

    fn colour(&self, value: f32, theme: &Theme) -> Color {
        let low = if is_dark(theme) {
            Color::from_rgb8(0x26, 0x2b, 0x36)
        } else {
            Color::from_rgb8(0xf4, 0xf7, 0xfb)
        };
        let high = if is_dark(theme) {
            mix(self.data.hue, Color::WHITE, 0.35)
        } else {
            self.data.hue
        };
        mix(low, high, value.clamp(0.0, 1.0))
    }

    fn draw_grid(&self, frame: &mut Frame, theme: &Theme) {
        let d = self.data;
        let size = frame.size();
        let w = self.cell_width(size.width);
        let closed = faint(theme, 0.06);
        for (r, name) in d.rows.iter().enumerate() {
            let y = r as f32 * HEAT_ROW;
            label(
                frame,
                fit(name, d.label_width - 10.0, 12.0),
                Point::new(d.label_width - 8.0, y + HEAT_ROW / 2.0),
                12.0,
                text_colour(theme),
                true,
            );
            for c in 0..d.columns {
                let x = d.label_width + c as f32 * w;
                let gap = if w > 4.0 { 1.0 } else { 0.0 };
                let fill = match d
                    .values
                    .get(r)
                    .and_then(|row| row.get(c))
                    .copied()
                    .flatten()
                {
                    Some(v) => self.colour(v, theme),
                    None => closed,
                };
                frame.fill_rectangle(
                    Point::new(x, y + 1.0),
                    Size::new((w - gap).max(0.5), HEAT_ROW - 2.0),
                    fill,
                );
                if let Some(text) = d.cell_text.as_ref().and_then(|t| t.get(r)?.get(c))
                    && w >= 22.0
                    && !text.is_empty()
                {
                    let strong = d.values[r][c].unwrap_or(0.0) > 0.55;
                    frame.fill_text(Text {
                        content: text.clone(),
                        position: Point::new(x + w / 2.0, y + HEAT_ROW / 2.0),
                        color: if strong {
                            Color::WHITE
                        } else {
                            text_colour(theme)
                        },
                        size: Pixels(10.5),
                        align_x: iced::alignment::Horizontal::Center.into(),
                        align_y: iced::alignment::Vertical::Center,
                        ..Text::default()
                    });
                }
            }
        }
        // Column labels.
        let axis = d.rows.len() as f32 * HEAT_ROW;
        for (c, text) in &d.ticks {
            let x = d.label_width + *c as f32 * w;
            frame.stroke(
                &Path::line(Point::new(x, axis), Point::new(x, axis + 4.0)),
                Stroke::default().with_color(faint(theme, 0.5)),
            );
            label(
                frame,
                text.clone(),
                Point::new(x + 1.0, axis + 12.0),
                11.0,
                faint(theme, 0.8),
                false,
            );
        }
        // Legend: nothing, low → high.
        let y = axis + 32.0;
        let mut x = d.label_width;
        if !d.legend.2.is_empty() {
            frame.fill_rectangle(Point::new(x, y - 6.0), Size::new(12.0, 12.0), closed);
            let nothing = d.legend.2.clone();
            label(
                frame,
                nothing,
                Point::new(x + 16.0, y),
                11.0,
                faint(theme, 0.8),
                false,
            );
            x += 130.0;
        }
        label(
            frame,
            d.legend.0.clone(),
            Point::new(x, y),
            11.0,
            faint(theme, 0.8),
            false,
        );
        x += 34.0;
        for i in 0..40 {
            let v = i as f32 / 39.0;
            frame.fill_rectangle(
                Point::new(x + i as f32 * 4.0, y - 6.0),
                Size::new(4.0, 12.0),
                self.colour(v, theme),
            );
        }
        label(
            frame,
            d.legend.1.clone(),
            Point::new(x + 166.0, y),
            11.0,
            faint(theme, 0.8),
            false,
        );
    }
}

impl<M> canvas::Program<M> for Heatmap<'_> {
    type State = Option<(usize, usize)>;

    fn update(
        &self,
        hovered: &mut Self::State,
        event: &canvas::Event,
        bounds: Rectangle,
        cursor: mouse::Cursor,
    ) -> Option<canvas::Action<M>> {
        match event {
            canvas::Event::Mouse(mouse::Event::CursorMoved { .. } | mouse::Event::CursorLeft) => {
                let cell = cursor
                    .position_in(bounds)
                    .and_then(|p| self.cell_at(bounds.size(), p));
                if cell != *hovered {
                    *hovered = cell;
                    return Some(canvas::Action::request_redraw());
                }
                None
            }
            _ => None,
        }
    }

    fn draw(
        &self,
        hovered: &Self::State,
        renderer: &Renderer,
        theme: &Theme,
        bounds: Rectangle,
        _cursor: mouse::Cursor,
    ) -> Vec<Geometry> {
        let grid = self.cache.draw(renderer, bounds.size(), theme, |frame| {
            self.draw_grid(frame, theme)
        });
        let Some((r, c)) = *hovered else {
            return vec![grid];
        };
        let mut live = Frame::new(renderer, bounds.size());
        let w = self.cell_width(bounds.width);
        let x = self.data.label_width + c as f32 * w;
        let y = r as f32 * HEAT_ROW;
        live.stroke(
            &Path::rectangle(
                Point::new(x, y + 1.0),
                Size::new(w.max(2.0), HEAT_ROW - 2.0),
            ),
            Stroke::default()
                .with_color(text_colour(theme))
                .with_width(1.5),
        );
        if let Some(text) = self.data.hover.get(r).and_then(|row| row.get(c)) {
            let width = text.chars().count() as f32 * 6.6 + 16.0;
            let left = (x + w + 8.0).min(bounds.width - width - 2.0).max(0.0);
            let top = if y > 30.0 {
                y - 26.0
            } else {
                y + HEAT_ROW + 2.0
            };
            let palette = theme.extended_palette();
            live.fill_rectangle(
                Point::new(left, top),
                Size::new(width, 22.0),
                palette.background.strong.color,
            );
            label(
                &mut live,
                text.clone(),
                Point::new(left + 8.0, top + 11.0),
                12.0,
                palette.background.strong.text,
                false,
            );
        }
        vec![grid, live.into_geometry()]
    }
}

// ---------------------------------------------------------------------------------------------
// Bars

/// One named series of a bar chart, with its colour.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// Its name in the legend.
    pub name: String,
    /// Its colour.
    pub colour: Color,
}

/// One row of a bar chart.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BarRow {
    /// What the row is about.
    pub label: String,
    /// One value per series, in the chart's unit; `None` when there is nothing.
    pub values: Vec<Option<f64>>,
    /// The figures written at the right.
    pub figures: String,
    /// A total row, written in bold below a rule.
    pub total: bool,
}

/// What a bar chart shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BarsData {
    /// The series, for the legend.
    pub series: Vec<Series>,
    /// The rows.
    pub rows: Vec<BarRow>,
    /// Draw the series over each other (the first at the back) instead of side by side.
    pub overlay: bool,
    /// The value at the right edge of the scale.
    pub max: f64,
    /// Scale labels: (value, text).
    pub ticks: Vec<(f64, String)>,
    /// Width of the row labels.
    pub label_width: f32,
    /// Width of the figures at the right.
    pub figures_width: f32,
}

const LEGEND: f32 = 24.0;
const AXIS: f32 = 20.0;

impl BarsData {
    fn row_height(&self) -> f32 {
        if self.overlay || self.series.len() <= 1 {
            22.0
        } else {
            (self.series.len() as f32 * 9.0 + 8.0).max(22.0)
        }
    }

    /// The height the chart needs.
    pub fn height(&self) -> f32 {
        LEGEND + self.rows.len() as f32 * self.row_height() + AXIS + 6.0
    }
}

/// A horizontal bar chart on a canvas.
pub struct Bars<'a> {
    /// Its data.
    pub data: &'a BarsData,
    /// Its cached drawing.
    pub cache: &'a ChartCache,
}

impl Bars<'_> {
    fn draw_bars(&self, frame: &mut Frame, theme: &Theme) {
        let d = self.data;
        let size = frame.size();
        let left = d.label_width;
        let right = (size.width - d.figures_width - 8.0).max(left + 20.0);
        let span = right - left;
        let scale =
            |v: f64| left + (v / d.max.max(f64::MIN_POSITIVE)).clamp(0.0, 1.0) as f32 * span;
        // Legend.
        let mut x = left;
        for s in &d.series {
            frame.fill_rectangle(Point::new(x, 6.0), Size::new(12.0, 12.0), s.colour);
            label(
                frame,
                s.name.clone(),
                Point::new(x + 17.0, 12.0),
                12.0,
                text_colour(theme),
                false,
            );
            x += 30.0 + s.name.chars().count() as f32 * 7.0;
        }
        // Grid lines and scale.
        let rows_bottom = LEGEND + d.rows.len() as f32 * d.row_height();
        for (v, text) in &d.ticks {
            let x = scale(*v);
            frame.stroke(
                &Path::line(Point::new(x, LEGEND), Point::new(x, rows_bottom)),
                Stroke::default().with_color(faint(theme, 0.12)),
            );
            frame.fill_text(Text {
                content: text.clone(),
                position: Point::new(x, rows_bottom + 10.0),
                color: faint(theme, 0.7),
                size: Pixels(11.0),
                align_x: iced::alignment::Horizontal::Center.into(),
                align_y: iced::alignment::Vertical::Center,
                ..Text::default()
            });
        }
        let h = d.row_height();
        for (i, row) in d.rows.iter().enumerate() {
            let top = LEGEND + i as f32 * h;
            let middle = top + h / 2.0;
            if row.total {
                frame.stroke(
                    &Path::line(Point::new(0.0, top), Point::new(size.width, top)),
                    Stroke::default().with_color(faint(theme, 0.35)),
                );
                bold(
                    frame,
                    fit(&row.label, left - 10.0, 12.0),
                    Point::new(0.0, middle),
                    12.0,
                    text_colour(theme),
                );
            } else {
                label(
                    frame,
                    fit(&row.label, left - 10.0, 12.0),
                    Point::new(0.0, middle),
                    12.0,
                    text_colour(theme),
                    false,
                );
            }
            let n = d.series.len().max(1);
            for (s, value) in row.values.iter().enumerate() {
                let Some(value) = value else { continue };
                let colour = d.series.get(s).map_or(text_colour(theme), |s| s.colour);
                let (y, thickness) = if d.overlay || n == 1 {
                    let shrink = if d.overlay { s as f32 * 4.0 } else { 0.0 };
                    (top + 4.0 + shrink, h - 8.0 - 2.0 * shrink)
                } else {
                    (top + 4.0 + s as f32 * 9.0, 7.0)
                };
                let end = scale(*value);
                frame.fill_rectangle(
                    Point::new(left, y),
                    Size::new((end - left).max(1.0), thickness.max(2.0)),
                    colour,
                );
            }
            let figures = fit(&row.figures, d.figures_width, 12.0);
            if row.total {
                bold(
                    frame,
                    figures,
                    Point::new(right + 8.0, middle),
                    12.0,
                    text_colour(theme),
                );
            } else {
                label(
                    frame,
                    figures,
                    Point::new(right + 8.0, middle),
                    12.0,
                    text_colour(theme),
                    false,
                );
            }
        }
    }
}

impl<M> canvas::Program<M> for Bars<'_> {
    type State = ();

    fn draw(
        &self,
        _state: &(),
        renderer: &Renderer,
        theme: &Theme,
        bounds: Rectangle,
        _cursor: mouse::Cursor,
    ) -> Vec<Geometry> {
        vec![self.cache.draw(renderer, bounds.size(), theme, |frame| {
            self.draw_bars(frame, theme)
        })]
    }
}
