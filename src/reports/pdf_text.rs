//! Text for the PDF writer in any script: each character gets a font (DejaVu Sans Condensed for
//! Latin, Greek and Cyrillic; the Noto font Frontdesk ships for every other script, see
//! [`crate::fonts`]), a line is put in visual order by the Unicode bidirectional algorithm
//! (`unicode-bidi`), and each run of one font and one direction is shaped by harfrust
//! (HarfBuzz's shaping in Rust: conjuncts, vowel signs, joined Arabic letters), so what is
//! printed is what the window shows. Each glyph remembers the text of its cluster, for the
//! PDF's Unicode map.

use std::collections::BTreeMap;

use super::pdf::{PdfError, Weight};

const REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSansCondensed.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSansCondensed-Bold.ttf");

/// A font as embedded: its glyphs used so far, renumbered from 0, with their text and widths.
pub(super) struct Embedded {
    /// The PostScript-like name the PDF gives it.
    pub name: String,
    /// The font file.
    pub data: &'static [u8],
    /// Its tables.
    pub face: ttf_parser::Face<'static>,
    /// Its glyphs are PostScript outlines (CFF): embedded as OpenType, not TrueType.
    pub cff: bool,
    /// Glyphs used, renumbered for the subset.
    pub remapper: subsetter::GlyphRemapper,
    /// New glyph id → (the text it shows, width in 1/1000 em).
    pub used: BTreeMap<u16, (String, f32)>,
    /// Bold.
    pub bold: bool,
    shaper: harfrust::ShaperData,
    font: harfrust::FontRef<'static>,
}

impl Embedded {
    fn new(name: &str, data: &'static [u8], bold: bool) -> Result<Self, PdfError> {
        let face = ttf_parser::Face::parse(data, 0).map_err(|_| PdfError::Font(name.into()))?;
        let font = harfrust::FontRef::new(data).map_err(|_| PdfError::Font(name.into()))?;
        let shaper = harfrust::ShaperData::new(&font);
        let cff = face.tables().cff.is_some();
        let mut embedded = Self {
            name: name.to_owned(),
            data,
            face,
            cff,
            remapper: subsetter::GlyphRemapper::new(),
            used: BTreeMap::new(),
            bold,
            shaper,
            font,
        };
        let notdef = embedded.advance(0);
        embedded.used.insert(0, ("\u{fffd}".into(), notdef));
        Ok(embedded)
    }

    /// 1000 / units per em.
    pub fn scale(&self) -> f32 {
        1000.0 / f32::from(self.face.units_per_em().max(1))
    }

    fn advance(&self, glyph: u16) -> f32 {
        f32::from(
            self.face
                .glyph_hor_advance(ttf_parser::GlyphId(glyph))
                .unwrap_or(0),
        ) * self.scale()
    }

    fn has(&self, c: char) -> bool {
        self.face.glyph_index(c).is_some()
    }

    /// `text` (one direction) shaped: glyphs in visual order, each with its cluster's start
    /// in `text` (bytes), advance and offsets in 1/1000 em.
    fn shape(&self, text: &str, rtl: bool) -> Vec<Shaped> {
        let shaper = self.shaper.shaper(&self.font).build();
        let mut buffer = harfrust::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.set_direction(if rtl {
            harfrust::Direction::RightToLeft
        } else {
            harfrust::Direction::LeftToRight
        });
        buffer.guess_segment_properties();
        let shaped = shaper.shape(buffer, &[]);
        let scale = self.scale();
        shaped
            .glyph_infos()
            .iter()
            .zip(shaped.glyph_positions())
            .map(|(info, pos)| Shaped {
                glyph: u16::try_from(info.glyph_id).unwrap_or(0),
                cluster: info.cluster as usize,
                advance: pos.x_advance as f32 * scale,
                x_offset: pos.x_offset as f32 * scale,
                y_offset: pos.y_offset as f32 * scale,
            })
            .collect()
    }

    /// A subset tag (six capital letters) that names this subset, as PDF asks.
    pub fn tag(&self) -> String {
        let mut hash: u32 = 0x811c_9dc5;
        for byte in self.name.bytes() {
            hash = (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
        }
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

/// One glyph as shaped, in 1/1000 em.
struct Shaped {
    glyph: u16,
    cluster: usize,
    advance: f32,
    x_offset: f32,
    y_offset: f32,
}

/// A glyph placed on a line: which font, its new (subset) id, and where, in points from the
/// line's start and baseline.
pub(super) struct Placed {
    /// Index of the font in [`Fonts`].
    pub font: usize,
    /// The glyph id in the subset.
    pub glyph: u16,
    /// Left edge, points from the start of the line.
    pub x: f32,
    /// Raised by, in points.
    pub y: f32,
}

/// The fonts of one document: DejaVu regular and bold, then each shipped font once a
/// character needs it.
pub(super) struct Fonts {
    pub list: Vec<Embedded>,
}

impl Fonts {
    pub fn new() -> Result<Self, PdfError> {
        Ok(Self {
            list: vec![
                Embedded::new("DejaVuSansCondensed", REGULAR, false)?,
                Embedded::new("DejaVuSansCondensed-Bold", BOLD, true)?,
            ],
        })
    }

    /// The font for `c` in `weight`: DejaVu for the scripts it is made for; the shipped font
    /// of the character's script otherwise (bold when there is one); DejaVu's empty box when
    /// no font has it.
    fn font_for(&mut self, c: char, weight: Weight) -> usize {
        let bold = weight == Weight::Bold;
        let dejavu = usize::from(bold);
        if crate::fonts::in_dejavu(c) && self.list[dejavu].has(c) {
            return dejavu;
        }
        if let Some(i) = self
            .list
            .iter()
            .position(|f| f.bold == bold && f.has(c))
            .filter(|&i| i > 1)
        {
            return i;
        }
        let shipped = crate::fonts::parsed()
            .iter()
            .filter(|(_, face)| face.glyph_index(c).is_some())
            .map(|(f, _)| *f)
            .min_by_key(|f| f.bold != bold);
        if let Some(font) = shipped {
            let name = format!(
                "{}{}",
                font.family.replace(' ', ""),
                if font.bold { "-Bold" } else { "-Regular" }
            );
            if let Some(i) = self.list.iter().position(|f| f.name == name) {
                return i;
            }
            if let Ok(embedded) = Embedded::new(&name, font.data, font.bold) {
                self.list.push(embedded);
                return self.list.len() - 1;
            }
        }
        dejavu
    }

    /// `text` laid out as one line in `weight`: its glyphs, and its width in 1/1000 em.
    /// Visual order by the bidirectional algorithm (the line's base direction left to
    /// right), each run of one font shaped. With `record`, the glyphs are marked used (for the
    /// subset) with the text of their clusters.
    pub fn layout(&mut self, text: &str, weight: Weight, record: bool) -> (Vec<Placed>, f32) {
        let mut placed = Vec::new();
        let mut x = 0.0;
        if text.is_empty() {
            return (placed, x);
        }
        let bidi = unicode_bidi::BidiInfo::new(text, Some(unicode_bidi::Level::ltr()));
        for paragraph in &bidi.paragraphs {
            let (levels, runs) = bidi.visual_runs(paragraph, paragraph.range.clone());
            for run in runs {
                let rtl = levels[run.start].is_rtl();
                let items = self.items(&text[run.clone()], run.start, weight);
                let ordered: Vec<_> = if rtl {
                    items.into_iter().rev().collect()
                } else {
                    items
                };
                for (font, range) in ordered {
                    let piece = &text[range.clone()];
                    let shaped = self.list[font].shape(piece, rtl);
                    let starts: Vec<usize> = {
                        let mut s: Vec<usize> = shaped.iter().map(|g| g.cluster).collect();
                        s.sort_unstable();
                        s.dedup();
                        s
                    };
                    let mut seen = std::collections::HashSet::new();
                    for glyph in &shaped {
                        let embedded = &mut self.list[font];
                        let new = if record {
                            embedded.remapper.remap(glyph.glyph)
                        } else {
                            glyph.glyph
                        };
                        if record {
                            // The first glyph of a cluster carries its text; the others none.
                            let end = starts
                                .iter()
                                .find(|&&s| s > glyph.cluster)
                                .copied()
                                .unwrap_or(piece.len());
                            let said = if seen.insert(glyph.cluster) {
                                piece.get(glyph.cluster..end).unwrap_or("").to_owned()
                            } else {
                                String::new()
                            };
                            let width = embedded.advance(glyph.glyph);
                            embedded.used.entry(new).or_insert((said, width));
                        }
                        placed.push(Placed {
                            font,
                            glyph: new,
                            x: x + glyph.x_offset,
                            y: glyph.y_offset,
                        });
                        x += glyph.advance;
                    }
                }
            }
        }
        (placed, x)
    }

    /// `text` (one direction run, at byte `offset` of its line) split where its font changes:
    /// (font, byte range in the line). Marks, joiners and spaces stay with the font before.
    fn items(
        &mut self,
        text: &str,
        offset: usize,
        weight: Weight,
    ) -> Vec<(usize, std::ops::Range<usize>)> {
        let mut items: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
        for (i, c) in text.char_indices() {
            let at = offset + i;
            let end = at + c.len_utf8();
            let follows = unicode_normalization::char::is_combining_mark(c)
                || c.is_whitespace()
                || matches!(c, '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2069}' | '\u{fe00}'..='\u{fe0f}');
            if let Some(last) = items.last_mut()
                && follows
                && (self.list[last.0].has(c) || c.is_whitespace())
            {
                last.1.end = end;
                continue;
            }
            let font = self.font_for(c, weight);
            match items.last_mut() {
                Some(last) if last.0 == font => last.1.end = end,
                _ => items.push((font, at..end)),
            }
        }
        items
    }
}
