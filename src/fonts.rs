//! The fonts Frontdesk ships for patients' names in every script, built into the program so
//! that a name never shows as empty boxes on a desktop that lacks them: Noto Sans for
//! Devanagari (Hindi, Marathi), Bengali, Gurmukhi, Gujarati, Odia, Tamil, Telugu, Kannada,
//! Malayalam, Sinhala, Arabic (and Urdu), Hebrew and Thai, regular and bold, and a subset of
//! Noto Sans CJK SC with the characters Chinese, Japanese and Korean names are written in.
//! Latin, Greek and Cyrillic are DejaVu's (the window's system font and the day sheet's own).
//! All under the SIL Open Font License 1.1 (`assets/fonts/noto/LICENSE-Noto.txt`).

/// One shipped font: its family name (as the font itself says), weight, and bytes.
#[derive(Clone, Copy, Debug)]
pub struct ScriptFont {
    /// The family name fallback finds it by ("Noto Sans Devanagari").
    pub family: &'static str,
    /// Bold (else regular).
    pub bold: bool,
    /// The font file.
    pub data: &'static [u8],
}

macro_rules! noto {
    ($family:literal, $file:literal) => {
        [
            ScriptFont {
                family: $family,
                bold: false,
                data: include_bytes!(concat!("../assets/fonts/noto/", $file, "-Regular.ttf")),
            },
            ScriptFont {
                family: $family,
                bold: true,
                data: include_bytes!(concat!("../assets/fonts/noto/", $file, "-Bold.ttf")),
            },
        ]
    };
}

/// Every shipped font.
pub fn all() -> impl Iterator<Item = ScriptFont> {
    SCRIPTS
        .iter()
        .flatten()
        .copied()
        .chain(std::iter::once(CJK))
}

const SCRIPTS: [[ScriptFont; 2]; 13] = [
    noto!("Noto Sans Devanagari", "NotoSansDevanagari"),
    noto!("Noto Sans Bengali", "NotoSansBengali"),
    noto!("Noto Sans Gurmukhi", "NotoSansGurmukhi"),
    noto!("Noto Sans Gujarati", "NotoSansGujarati"),
    noto!("Noto Sans Oriya", "NotoSansOriya"),
    noto!("Noto Sans Tamil", "NotoSansTamil"),
    noto!("Noto Sans Telugu", "NotoSansTelugu"),
    noto!("Noto Sans Kannada", "NotoSansKannada"),
    noto!("Noto Sans Malayalam", "NotoSansMalayalam"),
    noto!("Noto Sans Sinhala", "NotoSansSinhala"),
    noto!("Noto Sans Arabic", "NotoSansArabic"),
    noto!("Noto Sans Hebrew", "NotoSansHebrew"),
    noto!("Noto Sans Thai", "NotoSansThai"),
];

/// Chinese, Japanese and Korean: regular only (a bold name shows in the regular weight).
const CJK: ScriptFont = ScriptFont {
    family: "Noto Sans CJK SC",
    bold: false,
    data: include_bytes!("../assets/fonts/noto/NotoSansCJKsc-Names-Regular.otf"),
};

/// Every shipped font with its tables, parsed once for the whole program (the window's width
/// estimates and every PDF look characters up in them).
pub fn parsed() -> &'static [(ScriptFont, ttf_parser::Face<'static>)] {
    static PARSED: std::sync::OnceLock<Vec<(ScriptFont, ttf_parser::Face<'static>)>> =
        std::sync::OnceLock::new();
    PARSED.get_or_init(|| {
        all()
            .filter_map(|f| Some((f, ttf_parser::Face::parse(f.data, 0).ok()?)))
            .collect()
    })
}

/// Whether `c` is written with DejaVu (the window's system font and the day sheet's own):
/// Latin, Greek, Cyrillic, and the punctuation and symbols around them. Every other script
/// takes its shipped font first.
pub fn in_dejavu(c: char) -> bool {
    let u = c as u32;
    u < 0x0590 || (0x1d00..=0x1fff).contains(&u) || (0x2000..=0x2bff).contains(&u)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each font is what its name says, and covers a letter of its script.
    #[test]
    fn every_font_is_its_family_and_covers_its_script() {
        let samples = [
            ("Noto Sans Devanagari", 'अ'),
            ("Noto Sans Bengali", 'অ'),
            ("Noto Sans Gurmukhi", 'ਅ'),
            ("Noto Sans Gujarati", 'અ'),
            ("Noto Sans Oriya", 'ଅ'),
            ("Noto Sans Tamil", 'அ'),
            ("Noto Sans Telugu", 'అ'),
            ("Noto Sans Kannada", 'ಅ'),
            ("Noto Sans Malayalam", 'അ'),
            ("Noto Sans Sinhala", 'අ'),
            ("Noto Sans Arabic", 'ے'),
            ("Noto Sans Hebrew", 'א'),
            ("Noto Sans Thai", 'ก'),
            ("Noto Sans CJK SC", '王'),
        ];
        let fonts: Vec<ScriptFont> = all().collect();
        assert_eq!(fonts.len(), 27);
        for font in &fonts {
            let face = ttf_parser::Face::parse(font.data, 0).expect("a font");
            let family = face
                .names()
                .into_iter()
                .filter(|n| n.name_id == ttf_parser::name_id::FAMILY)
                .find_map(|n| n.to_string())
                .expect("a family name");
            assert!(
                family.starts_with(font.family),
                "{family} ≠ {}",
                font.family
            );
            let (_, letter) = samples
                .iter()
                .find(|(f, _)| *f == font.family)
                .expect("a sample");
            assert!(
                face.glyph_index(*letter).is_some(),
                "{family} lacks {letter}"
            );
        }
        // The CJK subset has the names' characters: Chinese, Japanese kana, Korean hangul.
        let cjk = ttf_parser::Face::parse(CJK.data, 0).expect("a font");
        for c in "王秀英佐藤さくら김민준".chars() {
            assert!(cjk.glyph_index(c).is_some(), "{c}");
        }
    }
}
