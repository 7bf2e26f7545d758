//! A small PDF writer for printable sheets: pages of text, rules and shaded boxes. Text in any
//! script (`pdf_text`: a font per script, visual order, shaping), each font embedded as a
//! subset of the glyphs used, with a Unicode map and an `/ActualText` for every piece of text,
//! so that a name can be searched and copied as typed (Zoë, अनिल, முருகன், محمد, 王秀英).
//! Coordinates are in points from the top-left corner.

use std::cell::RefCell;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use super::pdf_text::{Embedded, Fonts};

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
    /// A font built into Frontdesk cannot be read.
    #[error("the font built into Frontdesk ({0}) cannot be read: reinstall Frontdesk")]
    Font(String),
    /// A font could not be reduced to the glyphs used.
    #[error("the font built into Frontdesk ({0}) could not be embedded ({1}): reinstall Frontdesk")]
    Subset(String, String),
}

/// A document being written: finished pages and the page being drawn.
pub struct Document {
    size: (f32, f32),
    title: String,
    fonts: RefCell<Fonts>,
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
            fonts: RefCell::new(Fonts::new()?),
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

    fn page(&mut self) -> &mut Content {
        if self.pages.is_empty() {
            self.pages.push(Content::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Width of `text` at `size` points in `weight`.
    pub fn width(&self, weight: Weight, size: f32, text: &str) -> f32 {
        self.fonts.borrow_mut().layout(text, weight, false).1 * size / 1000.0
    }

    /// `text` shortened with "…" so that it fits in `max` points, cut only between grapheme
    /// clusters (a consonant keeps its vowel sign).
    pub fn fit(&self, weight: Weight, size: f32, text: &str, max: f32) -> String {
        use unicode_segmentation::UnicodeSegmentation;
        if self.width(weight, size, text) <= max {
            return text.to_owned();
        }
        let clusters: Vec<&str> = text.graphemes(true).collect();
        let mut keep = clusters.len();
        while keep > 0 {
            keep -= 1;
            let candidate = format!("{}…", clusters[..keep].concat().trim_end());
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

    /// Writes `text` with its baseline at (`x`, `y`) from the top-left corner: shaped, in
    /// visual order, marked with its logical text for search and copy.
    pub fn text(&mut self, x: f32, y: f32, size: f32, weight: Weight, grey: Grey, text: &str) {
        if text.is_empty() {
            return;
        }
        let (placed, _) = self.fonts.borrow_mut().layout(text, weight, true);
        let height = self.size.1;
        let page = self.page();
        // The logical text for readers that search and copy: it names a cluster's text once
        // even when its glyphs are reordered or shared with other clusters (a Devanagari vowel
        // sign drawn before its consonant). Not for text with right-to-left letters: readers
        // (poppler) put such text in order themselves from the glyphs, which map one to one.
        let marked = !crate::text::has_right_to_left(text);
        if marked {
            page.begin_marked_content_with_properties(Name(b"Span"))
                .properties()
                .actual_text(TextStr(text));
        }
        page.set_fill_gray(grey).begin_text();
        let mut current = None;
        for glyph in &placed {
            if current != Some(glyph.font) {
                let name = font_resource(glyph.font);
                page.set_font(Name(name.as_bytes()), size);
                current = Some(glyph.font);
            }
            page.set_text_matrix([
                1.0,
                0.0,
                0.0,
                1.0,
                x + glyph.x * size / 1000.0,
                height - y + glyph.y * size / 1000.0,
            ]);
            page.show(Str(&glyph.glyph.to_be_bytes()));
        }
        page.end_text();
        if marked {
            page.end_marked_content();
        }
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
        let fonts = std::mem::replace(&mut self.fonts, RefCell::new(Fonts::new()?)).into_inner();
        let font_refs: Vec<[Ref; 5]> = (0..fonts.list.len())
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
            let mut names = resources.fonts();
            for (i, refs) in font_refs.iter().enumerate() {
                let name = font_resource(i);
                names.pair(Name(name.as_bytes()), refs[0]);
            }
            names.finish();
            resources.finish();
            p.finish();
            let packed = compress(&content.finish());
            pdf.stream(*content_ref, &packed)
                .filter(Filter::FlateDecode);
        }
        for (font, refs) in fonts.list.iter().zip(&font_refs) {
            write_font(&mut pdf, font, *refs)?;
        }
        Ok(pdf.finish())
    }
}

/// The resource name of the document's font number `i` (F1 is DejaVu regular, F2 bold).
fn font_resource(i: usize) -> String {
    format!("F{}", i + 1)
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
        .subtype(if font.cff {
            CidFontType::Type0
        } else {
            CidFontType::Type2
        })
        .base_font(base)
        .system_info(system)
        .font_descriptor(descriptor)
        .default_width(font.used.get(&0).map_or(0.0, |u| u.1));
    if !font.cff {
        cid_font.cid_to_gid_map_predefined(Name(b"Identity"));
    }
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
    let mut described = pdf.font_descriptor(descriptor);
    described
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
        .stem_v(if font.bold { 140.0 } else { 80.0 });
    if font.cff {
        described.font_file3(file);
    } else {
        described.font_file2(file);
    }
    described.finish();

    let subset = subsetter::subset(font.data, 0, &font.remapper)
        .map_err(|e| PdfError::Subset(font.name.clone(), e.to_string()))?;
    let packed = compress(&subset);
    if font.cff {
        pdf.stream(file, &packed)
            .filter(Filter::FlateDecode)
            .pair(Name(b"Subtype"), Name(b"OpenType"));
    } else {
        pdf.stream(file, &packed)
            .filter(Filter::FlateDecode)
            .pair(Name(b"Length1"), subset.len() as i32);
    }

    let mut cmap = UnicodeCmap::new(Name(b"Custom"), system);
    for (gid, (said, _)) in font.used.iter().filter(|(gid, _)| **gid != 0) {
        if !said.is_empty() {
            cmap.pair_with_multiple(*gid, said.chars());
        }
    }
    pdf.stream(unicode, &cmap.finish());
    Ok(())
}
