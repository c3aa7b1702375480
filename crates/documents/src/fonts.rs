//! The fonts every document is drawn with, and text shaping.
//!
//! DejaVu Sans (regular and bold) ships in `assets/fonts/` and is embedded
//! as subsets, so accented Latin text (é, ñ, ç, ß, œ) and Arabic print
//! anywhere. Text is measured with `rustybuzz` against the same font krilla
//! draws with, so a document can shrink, wrap or cut a line before it runs
//! into the next column.

use std::sync::{Arc, LazyLock, Mutex};

use krilla::text::{Font, KrillaGlyph};

/// Why a document could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// The embedded font could not be read (a broken build, not bad input).
    #[error("the embedded font could not be read")]
    Font,
    /// A page or shape had an impossible size.
    #[error("invalid page geometry")]
    Geometry,
    /// krilla refused to write the document.
    #[error("the PDF could not be written: {0}")]
    Write(String),
}

const REGULAR_TTF: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");
const BOLD_TTF: &[u8] = include_bytes!("../assets/fonts/DejaVuSans-Bold.ttf");

/// Points per millimetre.
pub(crate) const MM: f32 = 72.0 / 25.4;

/// One font, for drawing (krilla) and for measuring (rustybuzz).
pub(crate) struct Face {
    pub(crate) pdf: Font,
    pub(crate) shaper: rustybuzz::Face<'static>,
    pub(crate) units_per_em: f32,
    pub(crate) ascender: f32,
    pub(crate) descender: f32,
    /// Shaping plans by direction and script, made once per process:
    /// making one reads the font's substitution and positioning tables, a
    /// quarter of a certificate's drawing time when each line made its own
    /// (issue 19).
    plans: Mutex<Vec<(rustybuzz::Direction, rustybuzz::Script, Arc<rustybuzz::ShapePlan>)>>,
}

pub(crate) struct Fonts {
    pub(crate) regular: Face,
    pub(crate) bold: Face,
}

/// Parsed once per process: the font files are large, parsing them is not free.
pub(crate) static FONTS: LazyLock<Option<Fonts>> = LazyLock::new(|| {
    Some(Fonts {
        regular: Face::load(REGULAR_TTF)?,
        bold: Face::load(BOLD_TTF)?,
    })
});

impl Face {
    fn load(data: &'static [u8]) -> Option<Self> {
        let shaper = rustybuzz::Face::from_slice(data, 0)?;
        let units_per_em = shaper.units_per_em() as f32;
        Some(Face {
            // Glyph ids and metrics are the file's: only `name` differs.
            pdf: Font::new(
                crate::sfnt::with_short_names(data).map_or_else(|| data.into(), Into::into),
                0,
            )?,
            units_per_em,
            ascender: f32::from(shaper.ascender()),
            descender: f32::from(shaper.descender()),
            shaper,
            plans: Mutex::new(Vec::new()),
        })
    }

    /// Shapes `buffer` (its direction set) as `rustybuzz::shape` does, with
    /// the plan for its direction and script made once. A run of no script
    /// (digits, punctuation) or with a language set is shaped the plain way.
    pub(crate) fn shape_buffer(&self, mut buffer: rustybuzz::UnicodeBuffer) -> rustybuzz::GlyphBuffer {
        buffer.guess_segment_properties();
        let (direction, script) = (buffer.direction(), buffer.script());
        if script == rustybuzz::script::UNKNOWN || buffer.language().is_some() {
            return rustybuzz::shape(&self.shaper, &[], buffer);
        }
        let plan = {
            // A poisoned lock only means another thread panicked while
            // pushing a plan: the list is still whole.
            let mut plans = self.plans.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            match plans.iter().find(|(d, s, _)| *d == direction && *s == script) {
                Some((_, _, plan)) => plan.clone(),
                None => {
                    let plan = Arc::new(rustybuzz::ShapePlan::new(
                        &self.shaper,
                        direction,
                        Some(script),
                        None,
                        &[],
                    ));
                    plans.push((direction, script, plan.clone()));
                    plan
                }
            }
        };
        rustybuzz::shape_with_plan(&self.shaper, &plan, buffer)
    }

    /// Shapes one line of `text` into glyphs krilla can draw (advances in
    /// ems), in visual order, Arabic runs right to left ([`crate::bidi`]);
    /// each line is shaped once, here, for both measuring and drawing.
    pub(crate) fn shape(&self, text: String, size: f32) -> Line {
        crate::bidi::shape(self, text, size)
    }

    /// The baseline that centres a line of `size` points vertically in a box.
    pub(crate) fn baseline(&self, top: f32, height: f32, size: f32) -> f32 {
        top + height / 2.0 + (self.ascender + self.descender) / 2.0 * size / self.units_per_em
    }
}

/// A shaped line of text at a size.
pub(crate) struct Line {
    pub(crate) text: String,
    pub(crate) glyphs: Vec<KrillaGlyph>,
    pub(crate) size: f32,
}

impl Line {
    /// The advance width in points.
    pub(crate) fn width(&self) -> f32 {
        self.glyphs.iter().map(|glyph| glyph.x_advance).sum::<f32>() * self.size
    }
}

/// The characters of `text` the certificate's fonts cannot draw, each once,
/// in order: a name in a script DejaVu Sans does not cover (Chinese,
/// Devanagari, Ethiopic...) printed as empty boxes, with nothing but a line
/// in the log to say so (session 27's attack round). Told before issuing.
pub fn undrawable(text: &str) -> Vec<char> {
    let Some(fonts) = FONTS.as_ref() else {
        return Vec::new();
    };
    let mut missing = Vec::new();
    for c in clean(text).chars() {
        let drawn = |face: &Face| face.shaper.glyph_index(c).is_some();
        let ignorable = c.is_whitespace() || c.is_control() || ('\u{200B}'..='\u{200F}').contains(&c);
        let fine = ignorable || (drawn(&fonts.regular) && drawn(&fonts.bold));
        if !fine && !missing.contains(&c) {
            missing.push(c);
        }
    }
    missing
}

/// One line of text: control characters and runs of blanks become one
/// space; bidi marks and isolates (which no font draws) go.
pub(crate) fn clean(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c.is_control())
        .map(|word| word.replace(is_bidi_mark, ""))
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Left-to-right and right-to-left marks, embeddings, overrides and isolates.
fn is_bidi_mark(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Makes the documents' fonts known to an SVG's text layout.
pub(crate) fn load_into(database: &mut usvg::fontdb::Database) {
    for data in [REGULAR_TTF, BOLD_TTF] {
        database.load_font_source(usvg::fontdb::Source::Binary(std::sync::Arc::new(data)));
    }
}

#[cfg(test)]
mod undrawable_tests {
    #[test]
    fn latin_arabic_and_cyrillic_are_drawn_chinese_and_devanagari_are_not() {
        assert!(super::undrawable("Zoë Núñez-Ibáñez ابن سينا Олена Шевченко").is_empty());
        assert_eq!(super::undrawable("李 明 李"), ['李', '明']);
        assert_eq!(super::undrawable("Anil अनिल"), ['अ', 'न', 'ि', 'ल']);
    }
}
