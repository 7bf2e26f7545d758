//! A small PDF writer for printable sheets: pages of text, rules and shaded boxes. The text font
//! is DejaVu Sans Condensed (regular and bold, `assets/fonts/`), embedded as a subset of the
//! glyphs used, so every name prints as typed (Zoë, Łukasz, Nguyễn), and with a Unicode map, so
//! the text can be searched and copied. Coordinates are in points from the top-left corner.

use std::collections::BTreeMap;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use subsetter::GlyphRemapper;

const REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSansCondensed.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSansCondensed-Bold.ttf");

/// A4 in points, landscape: width, height.
pub const A4_LANDSCAPE: (f32, f32) = (841.89, 595.28);

/// Which face of the font to write with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weight {
    /// Normal text.
    Regular,
    /// Headings and labels.
    Bold,
}

/// Why a PDF could not be made. Both point at a broken build, not at the user's data.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// The font built into Frontdesk cannot be read.
    #[error("the font built into Frontdesk ({0}) cannot be read: reinstall Frontdesk")]
    Font(&'static str),
    /// The font could not be reduced to the glyphs used.
    #[error("the font built into Frontdesk ({0}) could not be embedded ({1}): reinstall Frontdesk")]
    Subset(&'static str, String),
}

/// A font as embedded: its glyphs used so far, renumbered from 0, with their text and widths.
struct Embedded {
    name: &'static str,
    data: &'static [u8],
    face: ttf_parser::Face<'static>,
    remapper: GlyphRemapper,
    /// New glyph id → (the character it shows, width in 1/1000 em).
    used: BTreeMap<u16, (char, f32)>,
}

impl Embedded {
    fn new(name: &'static str, data: &'static [u8]) -> Result<Self, PdfError> {
        let face = ttf_parser::Face::parse(data, 0).map_err(|_| PdfError::Font(name))?;
        let mut font = Self {
            name,
            data,
            face,
            remapper: GlyphRemapper::new(),
            used: BTreeMap::new(),
        };
        let notdef = font.advance(ttf_parser::GlyphId(0));
        font.used.insert(0, ('\u{fffd}', notdef));
        Ok(font)
    }

    fn scale(&self) -> f32 {
        1000.0 / f32::from(self.face.units_per_em())
    }

    fn advance(&self, glyph: ttf_parser::GlyphId) -> f32 {
        f32::from(self.face.glyph_hor_advance(glyph).unwrap_or(0)) * self.scale()
    }

    fn glyph(&self, c: char) -> ttf_parser::GlyphId {
        self.face.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0))
    }

    /// Width of `text` at `size` points.
    fn width(&self, text: &str, size: f32) -> f32 {
        text.chars()
            .map(|c| self.advance(self.glyph(c)))
            .sum::<f32>()
            * size
            / 1000.0
    }

    /// The text as two-byte glyph ids of the subset (Identity-H), recording what is used.
    fn encode(&mut self, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() * 2);
        for c in text.chars() {
            let glyph = self.glyph(c);
            let new = self.remapper.remap(glyph.0);
            let width = self.advance(glyph);
            self.used.entry(new).or_insert((c, width));
            out.extend_from_slice(&new.to_be_bytes());
        }
        out
    }

    /// A subset tag (six capital letters) that names this subset, as PDF asks.
    fn tag(&self) -> String {
        let mut hash: u32 = 0x811c_9dc5;
        for gid in self.remapper.remapped_gids() {
            for byte in gid.to_be_bytes() {
                hash = (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
            }
        }
        (0..6)
            .map(|i| char::from(b'A' + ((hash >> (i * 5)) % 26) as u8))
            .collect()
    }
}

/// A document being written: finished pages and the page being drawn.
pub struct Document {
    size: (f32, f32),
    title: String,
    fonts: [Embedded; 2],
    pages: Vec<Content>,
}

/// A grey level: 0.0 is black, 1.0 white.
pub type Grey = f32;

impl Document {
    /// A new document with pages of `size` (width, height in points) and a title for its
    /// properties. It has no page until [`Document::new_page`].
    pub fn new(size: (f32, f32), title: &str) -> Result<Self, PdfError> {
        Ok(Self {
            size,
            title: title.to_owned(),
            fonts: [
                Embedded::new("DejaVuSansCondensed", REGULAR)?,
                Embedded::new("DejaVuSansCondensed-Bold", BOLD)?,
            ],
            pages: Vec::new(),
        })
    }

    /// The page size (width, height in points).
    pub fn size(&self) -> (f32, f32) {
        self.size
    }

    /// Starts a new page; drawing goes to it from now on.
    pub fn new_page(&mut self) {
        self.pages.push(Content::new());
    }

    /// How many pages there are so far.
    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    fn font(&self, weight: Weight) -> &Embedded {
        &self.fonts[weight as usize]
    }

    fn page(&mut self) -> &mut Content {
        if self.pages.is_empty() {
            self.pages.push(Content::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Width of `text` at `size` points in `weight`.
    pub fn width(&self, weight: Weight, size: f32, text: &str) -> f32 {
        self.font(weight).width(text, size)
    }

    /// `text` shortened with "…" so that it fits in `max` points.
    pub fn fit(&self, weight: Weight, size: f32, text: &str, max: f32) -> String {
        if self.width(weight, size, text) <= max {
            return text.to_owned();
        }
        let mut cut: String = text.to_owned();
        while !cut.is_empty() {
            cut.pop();
            let candidate = format!("{}…", cut.trim_end());
            if self.width(weight, size, &candidate) <= max {
                return candidate;
            }
        }
        String::new()
    }

    /// `text` broken into at most `lines` lines of at most `max` points, at spaces where it can;
    /// the last line ends in "…" when the text does not fit.
    pub fn wrap(
        &self,
        weight: Weight,
        size: f32,
        text: &str,
        max: f32,
        lines: usize,
    ) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut rest = text.split_whitespace().peekable();
        while rest.peek().is_some() && out.len() < lines {
            let mut line = String::new();
            while let Some(word) = rest.peek() {
                let candidate = if line.is_empty() {
                    (*word).to_owned()
                } else {
                    format!("{line} {word}")
                };
                if self.width(weight, size, &candidate) <= max || line.is_empty() {
                    line = candidate;
                    rest.next();
                } else {
                    break;
                }
            }
            out.push(self.fit(weight, size, &line, max));
        }
        if let Some(last) = out.last_mut() {
            let remaining: Vec<&str> = rest.collect();
            let full = if remaining.is_empty() {
                last.clone()
            } else {
                format!("{last} {}", remaining.join(" "))
            };
            *last = self.fit(weight, size, &full, max);
        }
        out
    }

    /// Writes `text` with its baseline at (`x`, `y`) from the top-left corner.
    pub fn text(&mut self, x: f32, y: f32, size: f32, weight: Weight, grey: Grey, text: &str) {
        if text.is_empty() {
            return;
        }
        let bytes = self.fonts[weight as usize].encode(text);
        let height = self.size.1;
        let name = font_resource(weight);
        self.page()
            .set_fill_gray(grey)
            .begin_text()
            .set_font(name, size)
            .next_line(x, height - y)
            .show(Str(&bytes))
            .end_text();
    }

    /// A straight rule from (`x1`, `y1`) to (`x2`, `y2`).
    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, width: f32, grey: Grey) {
        let height = self.size.1;
        self.page()
            .set_stroke_gray(grey)
            .set_line_width(width)
            .move_to(x1, height - y1)
            .line_to(x2, height - y2)
            .stroke();
    }

    /// A filled box with its top-left corner at (`x`, `y`).
    pub fn fill_rect(&mut self, x: f32, y: f32, w: f32, h: f32, grey: Grey) {
        let height = self.size.1;
        self.page()
            .set_fill_gray(grey)
            .rect(x, height - y - h, w, h)
            .fill_nonzero();
    }

    /// The finished file.
    pub fn finish(mut self) -> Result<Vec<u8>, PdfError> {
        if self.pages.is_empty() {
            self.new_page();
        }
        let mut next = 1;
        let mut alloc = || {
            let r = Ref::new(next);
            next += 1;
            r
        };
        let (catalog, tree, info) = (alloc(), alloc(), alloc());
        let font_refs: Vec<[Ref; 5]> = (0..2)
            .map(|_| [alloc(), alloc(), alloc(), alloc(), alloc()])
            .collect();
        let page_refs: Vec<(Ref, Ref)> =
            (0..self.pages.len()).map(|_| (alloc(), alloc())).collect();

        let mut pdf = Pdf::new();
        pdf.catalog(catalog).pages(tree);
        pdf.pages(tree)
            .kids(page_refs.iter().map(|(p, _)| *p))
            .count(page_refs.len() as i32);
        pdf.document_info(info)
            .title(TextStr(&self.title))
            .producer(TextStr("Frontdesk"));
        for ((page, content_ref), content) in page_refs.iter().zip(std::mem::take(&mut self.pages))
        {
            let mut p = pdf.page(*page);
            p.parent(tree)
                .media_box(Rect::new(0.0, 0.0, self.size.0, self.size.1));
            p.contents(*content_ref);
            let mut resources = p.resources();
            let mut fonts = resources.fonts();
            fonts.pair(font_resource(Weight::Regular), font_refs[0][0]);
            fonts.pair(font_resource(Weight::Bold), font_refs[1][0]);
            fonts.finish();
            resources.finish();
            p.finish();
            let packed = compress(&content.finish());
            pdf.stream(*content_ref, &packed)
                .filter(Filter::FlateDecode);
        }
        for (font, refs) in self.fonts.iter().zip(&font_refs) {
            write_font(&mut pdf, font, *refs)?;
        }
        Ok(pdf.finish())
    }
}

fn font_resource(weight: Weight) -> Name<'static> {
    match weight {
        Weight::Regular => Name(b"F1"),
        Weight::Bold => Name(b"F2"),
    }
}

fn compress(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 6)
}

/// Writes one font as a Type 0 font with a CID-keyed TrueType subset (glyph id = CID).
fn write_font(pdf: &mut Pdf, font: &Embedded, refs: [Ref; 5]) -> Result<(), PdfError> {
    let [type0, cid, descriptor, file, unicode] = refs;
    let base = format!("{}+{}", font.tag(), font.name);
    let base = Name(base.as_bytes());
    let system = SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"Identity"),
        supplement: 0,
    };
    pdf.type0_font(type0)
        .base_font(base)
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid)
        .to_unicode(unicode);
    let mut cid_font = pdf.cid_font(cid);
    cid_font
        .subtype(CidFontType::Type2)
        .base_font(base)
        .system_info(system)
        .font_descriptor(descriptor)
        .default_width(font.used.get(&0).map_or(0.0, |u| u.1))
        .cid_to_gid_map_predefined(Name(b"Identity"));
    let mut widths = cid_font.widths();
    for (gid, (_, width)) in &font.used {
        widths.consecutive(*gid, [*width]);
    }
    widths.finish();
    cid_font.finish();

    let s = font.scale();
    let face = &font.face;
    let bbox = face.global_bounding_box();
    let ascent = f32::from(face.ascender()) * s;
    let descent = f32::from(face.descender()) * s;
    pdf.font_descriptor(descriptor)
        .name(base)
        .flags(FontFlags::NON_SYMBOLIC)
        .bbox(Rect::new(
            f32::from(bbox.x_min) * s,
            f32::from(bbox.y_min) * s,
            f32::from(bbox.x_max) * s,
            f32::from(bbox.y_max) * s,
        ))
        .italic_angle(0.0)
        .ascent(ascent)
        .descent(descent)
        .cap_height(face.capital_height().map_or(ascent, |h| f32::from(h) * s))
        .stem_v(if font.name.ends_with("Bold") {
            140.0
        } else {
            80.0
        })
        .font_file2(file);

    let subset = subsetter::subset(font.data, 0, &font.remapper)
        .map_err(|e| PdfError::Subset(font.name, e.to_string()))?;
    let packed = compress(&subset);
    pdf.stream(file, &packed)
        .filter(Filter::FlateDecode)
        .pair(Name(b"Length1"), subset.len() as i32);

    let mut cmap = UnicodeCmap::new(Name(b"Custom"), system);
    for (gid, (c, _)) in font.used.iter().filter(|(gid, _)| **gid != 0) {
        cmap.pair(*gid, *c);
    }
    pdf.stream(unicode, &cmap.finish());
    Ok(())
}
