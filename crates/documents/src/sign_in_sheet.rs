//! The printable sign-in sheet of a meeting, as a PDF.
//!
//! Some training sites have no network (or no device to sign on), so the
//! trainer prints the sheet beforehand: a header saying which course, session
//! and meeting it is for, then one row per registered person with a wide empty
//! box for a hand signature, and a few blank rows for people who turn up
//! unregistered. After the meeting, someone types the result into the roll
//! call; the paper stays as the proof of attendance.
//!
//! The PDF is drawn line by line with `krilla`; text is measured with
//! `rustybuzz` against the same font, so a long name or workplace is shrunk,
//! then cut with an ellipsis, and never runs into the next column. DejaVu Sans
//! (regular and bold) ships in `assets/fonts/` and is embedded as subsets, so
//! accented Latin text (é, ñ, ç, ß, œ) prints anywhere. Nothing in the file
//! depends on the clock: the same sheet gives the same bytes.

use krilla::color::luma;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::{Document, SerializeSettings};

use crate::fonts::{FONTS, Face, Fonts, Line, MM, PdfError, clean};

/// What a sign-in sheet shows; every text already translated by the caller.
#[derive(Clone, Debug)]
pub struct SignInSheet {
    /// The document's title, e.g. "Sign-in sheet" in the page language.
    pub title: String,
    /// The course's title.
    pub course: String,
    /// e.g. "Session of 12–14 March 2030 · Sede regional, Sevilla".
    pub session_line: String,
    /// e.g. "Meeting 2 of 3 · Wednesday 13 March 2030, 09:00–14:00 (Europe/Madrid)".
    pub meeting_line: String,
    /// e.g. "Trainers: Lucía Moreno, Ana Ruiz"; left out when empty.
    pub trainers_line: String,
    /// Column headers: number, name, workplace, signature.
    pub columns: [String; 4],
    /// (full name, workplace), already sorted.
    pub people: Vec<(String, String)>,
    /// The footer of every page, where `{page}` and `{pages}` are replaced by
    /// the page number and the page count, e.g. "Page {page} of {pages}".
    pub footer: String,
    /// The page language ("fr", "es", "en", "ar"), written as the PDF's
    /// `/Lang`; in Arabic the page reads right to left (columns mirrored,
    /// text against the right edge).
    pub language: String,
}

impl SignInSheet {
    fn rtl(&self) -> bool {
        self.language == "ar"
    }

    /// Where a line starts: the left, or the right in a right-to-left language.
    fn start(&self) -> Align {
        if self.rtl() { Align::End } else { Align::Start }
    }
}

/// Blank rows added after the registered people, for those who turn up unregistered.
pub const EXTRA_ROWS: usize = 3;

const PAGE_W: f32 = 210.0 * MM;
const PAGE_H: f32 = 297.0 * MM;
const MARGIN: f32 = 15.0 * MM;
/// Where the table has to end on every page; the footer sits below.
const TABLE_BOTTOM: f32 = PAGE_H - MARGIN;
const FOOTER_BASELINE: f32 = PAGE_H - 9.0 * MM;
/// Column widths in millimetres; they add up to the 180 mm between the margins.
const COLUMNS_MM: [f32; 4] = [11.0, 55.0, 46.0, 68.0];
const HEADER_ROW_H: f32 = 8.0 * MM;
/// Room for a hand signature.
const ROW_H: f32 = 11.0 * MM;
/// Space between a cell's border and its text.
const PAD: f32 = 1.8 * MM;
const LINE_WIDTH: f32 = 0.6;

const TITLE_SIZE: f32 = 16.0;
const COURSE_SIZE: f32 = 12.0;
const LINE_SIZE: f32 = 10.0;
const RECALL_SIZE: f32 = 8.5;
const FOOTER_SIZE: f32 = 8.0;
const HEADER_CELL_SIZE: f32 = 9.0;
const NAME_SIZE: f32 = 10.0;
const WORKPLACE_SIZE: f32 = 9.0;
/// Below this, text is cut with an ellipsis instead of shrinking further.
const MIN_SIZE: f32 = 7.0;

/// Makes the sign-in sheet of one meeting: A4 portrait, the header block on
/// the first page, the table (with its header repeated) on as many pages as
/// needed, and "page n of m" in every footer.
pub fn sign_in_sheet(sheet: &SignInSheet) -> Result<Vec<u8>, PdfError> {
    let fonts = FONTS.as_ref().ok_or(PdfError::Font)?;
    let header = header_lines(sheet);
    let first_top = MARGIN + header_height(&header) + 4.0 * MM;
    let next_top = MARGIN + 2.0 * RECALL_SIZE * 1.35 + 2.0 * MM;
    let plan = paginate(sheet.people.len() + EXTRA_ROWS, first_top, next_top);
    let settings = PageSettings::from_wh(PAGE_W, PAGE_H).ok_or(PdfError::Geometry)?;

    let mut document = Document::new_with(SerializeSettings::default());
    document.set_metadata(
        Metadata::new()
            .title(format!("{} · {}", clean(&sheet.title), clean(&sheet.course)))
            .language(sheet.language.clone())
            .creator("Aula".to_owned()),
    );
    let pages = plan.len();
    for (index, rows) in plan.iter().enumerate() {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        let top = if index == 0 {
            draw_header(&mut surface, fonts, &header, sheet.start());
            first_top
        } else {
            draw_recall(&mut surface, fonts, sheet);
            next_top
        };
        draw_table(&mut surface, fonts, sheet, top, rows.clone());
        let footer = sheet
            .footer
            .replace("{page}", &(index + 1).to_string())
            .replace("{pages}", &pages.to_string());
        draw_text(
            &mut surface,
            &fonts.regular,
            &footer,
            FOOTER_SIZE,
            0,
            Align::Centre,
            MARGIN,
            PAGE_W - 2.0 * MARGIN,
            FOOTER_BASELINE,
        );
        surface.finish();
        page.finish();
    }
    document.finish().map_err(|error| PdfError::Write(error.to_string()))
}

impl Face {
    /// `text` as it fits in `width` points: at `size` if it can, shrunk down
    /// to [`MIN_SIZE`] if that is enough, else cut with an ellipsis at the
    /// smallest size (empty if not even the ellipsis fits).
    fn fit(&self, text: &str, size: f32, width: f32) -> Line {
        let mut line = self.shape(clean(text), size);
        let natural = line.width();
        if natural <= width {
            return line;
        }
        // A hair under the exact ratio, so rounding never tips it over.
        let shrunk = size * width / natural * 0.995;
        if shrunk >= MIN_SIZE {
            line.size = shrunk;
            return line;
        }
        let cut = |chars: usize| {
            let prefix: String = line.text.chars().take(chars).collect();
            self.shape(format!("{}…", prefix.trim_end()), MIN_SIZE)
        };
        // The longest prefix that fits with its ellipsis (widths grow with the
        // prefix, give or take kerning, which the final check covers).
        let (mut low, mut high) = (0, line.text.chars().count());
        while low < high {
            let middle = (low + high).div_ceil(2);
            if cut(middle).width() <= width {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        let candidate = cut(low);
        if candidate.width() <= width {
            candidate
        } else {
            self.shape(String::new(), MIN_SIZE)
        }
    }
}

/// The first page's header lines: (text, bold, size, space after in points).
fn header_lines(sheet: &SignInSheet) -> Vec<(&str, bool, f32, f32)> {
    [
        (sheet.title.as_str(), true, TITLE_SIZE, 2.0 * MM),
        (sheet.course.as_str(), true, COURSE_SIZE, 1.0 * MM),
        (sheet.session_line.as_str(), false, LINE_SIZE, 0.0),
        (sheet.meeting_line.as_str(), false, LINE_SIZE, 0.0),
        (sheet.trainers_line.as_str(), false, LINE_SIZE, 0.0),
    ]
    .into_iter()
    .filter(|(text, ..)| !clean(text).is_empty())
    .collect()
}

fn header_height(lines: &[(&str, bool, f32, f32)]) -> f32 {
    lines.iter().map(|(_, _, size, after)| size * 1.35 + after).sum()
}

/// Which rows go on which page: the first page holds fewer (the header
/// block takes its top); every page holds at least one row.
fn paginate(rows: usize, first_top: f32, next_top: f32) -> Vec<std::ops::Range<usize>> {
    let fitting = |top: f32| (((TABLE_BOTTOM - top - HEADER_ROW_H) / ROW_H).floor().max(1.0)) as usize;
    let (first, next) = (fitting(first_top), fitting(next_top));
    let mut start = rows.min(first);
    let mut pages = Vec::with_capacity(1 + rows.saturating_sub(start).div_ceil(next));
    pages.push(0..start);
    while start < rows {
        let end = rows.min(start + next);
        pages.push(start..end);
        start = end;
    }
    pages
}

fn draw_header(surface: &mut Surface<'_>, fonts: &Fonts, lines: &[(&str, bool, f32, f32)], align: Align) {
    let mut y = MARGIN;
    for &(text, bold, size, after) in lines {
        let face = if bold { &fonts.bold } else { &fonts.regular };
        let height = size * 1.35;
        draw_text(
            surface,
            face,
            text,
            size,
            0,
            align,
            MARGIN,
            PAGE_W - 2.0 * MARGIN,
            face.baseline(y, height, size),
        );
        y += height + after;
    }
}

/// Pages after the first recall what the sheet is for, in case they get separated.
fn draw_recall(surface: &mut Surface<'_>, fonts: &Fonts, sheet: &SignInSheet) {
    let height = RECALL_SIZE * 1.35;
    let width = PAGE_W - 2.0 * MARGIN;
    let first = format!("{} · {}", clean(&sheet.title), clean(&sheet.course));
    draw_text(
        surface,
        &fonts.bold,
        &first,
        RECALL_SIZE,
        0,
        sheet.start(),
        MARGIN,
        width,
        fonts.bold.baseline(MARGIN, height, RECALL_SIZE),
    );
    let baseline = fonts.regular.baseline(MARGIN + height, height, RECALL_SIZE);
    draw_text(
        surface,
        &fonts.regular,
        &sheet.meeting_line,
        RECALL_SIZE,
        0,
        sheet.start(),
        MARGIN,
        width,
        baseline,
    );
}

/// The table: a grey header row, then `rows` (numbered from 1; past the
/// people come the blank rows), every cell bordered.
fn draw_table(surface: &mut Surface<'_>, fonts: &Fonts, sheet: &SignInSheet, top: f32, rows: std::ops::Range<usize>) {
    let mut edges = [MARGIN; 5];
    for (column, width) in COLUMNS_MM.iter().enumerate() {
        edges[column + 1] = edges[column] + width * MM;
    }
    // Right to left, the columns are mirrored: the number on the right.
    let rtl = sheet.rtl();
    let mirror = |x: f32| if rtl { PAGE_W - x } else { x };
    let place = |left: f32, width: f32| {
        if rtl {
            (PAGE_W - left - width, width)
        } else {
            (left, width)
        }
    };
    let bottom = top + HEADER_ROW_H + ROW_H * rows.len() as f32;

    if let Some(rect) = Rect::from_ltrb(edges[0], top, edges[4], top + HEADER_ROW_H) {
        let mut builder = PathBuilder::new();
        builder.push_rect(rect);
        if let Some(path) = builder.finish() {
            surface.set_stroke(None);
            surface.set_fill(Some(Fill {
                paint: luma::Color::new(228).into(),
                ..Fill::default()
            }));
            surface.draw_path(&path);
        }
    }

    let mut grid = PathBuilder::new();
    for &x in &edges {
        grid.move_to(mirror(x), top);
        grid.line_to(mirror(x), bottom);
    }
    for line in 0..=rows.len() + 1 {
        let y = if line == 0 {
            top
        } else {
            top + HEADER_ROW_H + ROW_H * (line - 1) as f32
        };
        grid.move_to(edges[0], y);
        grid.line_to(edges[4], y);
    }
    if let Some(path) = grid.finish() {
        surface.set_fill(None);
        surface.set_stroke(Some(Stroke {
            width: LINE_WIDTH,
            ..Stroke::default()
        }));
        surface.draw_path(&path);
        surface.set_stroke(None);
    }

    for (column, label) in sheet.columns.iter().enumerate() {
        let (left, width) = place(edges[column] + PAD, edges[column + 1] - edges[column] - 2.0 * PAD);
        let baseline = fonts.bold.baseline(top, HEADER_ROW_H, HEADER_CELL_SIZE);
        let align = if column == 0 { Align::Centre } else { sheet.start() };
        draw_text(
            surface,
            &fonts.bold,
            label,
            HEADER_CELL_SIZE,
            0,
            align,
            left,
            width,
            baseline,
        );
    }

    for (line, row) in rows.enumerate() {
        let row_top = top + HEADER_ROW_H + ROW_H * line as f32;
        let cell = |column: usize| place(edges[column] + PAD, edges[column + 1] - edges[column] - 2.0 * PAD);
        let (left, width) = cell(0);
        let baseline = fonts.regular.baseline(row_top, ROW_H, NAME_SIZE);
        draw_text(
            surface,
            &fonts.regular,
            &(row + 1).to_string(),
            NAME_SIZE,
            90,
            Align::Centre,
            left,
            width,
            baseline,
        );
        if let Some((name, workplace)) = sheet.people.get(row) {
            let (left, width) = cell(1);
            draw_text(
                surface,
                &fonts.regular,
                name,
                NAME_SIZE,
                0,
                sheet.start(),
                left,
                width,
                baseline,
            );
            let (left, width) = cell(2);
            let baseline = fonts.regular.baseline(row_top, ROW_H, WORKPLACE_SIZE);
            draw_text(
                surface,
                &fonts.regular,
                workplace,
                WORKPLACE_SIZE,
                60,
                sheet.start(),
                left,
                width,
                baseline,
            );
        }
    }
}

/// Where a text stands in the width it is given: against its left side,
/// centred, or against its right side (the start of a right-to-left line).
#[derive(Clone, Copy)]
enum Align {
    Start,
    Centre,
    End,
}

/// Draws `text` fitted into `width` points from `left`, in grey level `ink`
/// (0 = black), at the left of that width or centred in it.
#[allow(clippy::too_many_arguments)]
fn draw_text(
    surface: &mut Surface<'_>,
    face: &Face,
    text: &str,
    size: f32,
    ink: u8,
    align: Align,
    left: f32,
    width: f32,
    baseline: f32,
) {
    let line = face.fit(text, size, width);
    let offset = match align {
        Align::Start => 0.0,
        Align::Centre => ((width - line.width()) / 2.0).max(0.0),
        Align::End => (width - line.width()).max(0.0),
    };
    draw(surface, face, &line, ink, left + offset, baseline);
}

fn draw(surface: &mut Surface<'_>, face: &Face, line: &Line, ink: u8, x: f32, baseline: f32) {
    if line.glyphs.is_empty() {
        return;
    }
    surface.set_fill(Some(Fill {
        paint: luma::Color::new(ink).into(),
        ..Fill::default()
    }));
    surface.draw_glyphs(
        Point::from_xy(x, baseline),
        &line.glyphs,
        face.pdf.clone(),
        &line.text,
        line.size,
        false,
    );
}

#[cfg(test)]
mod tests {
    use std::process::Command;
    use std::time::Instant;

    use super::*;

    fn sheet(people: usize) -> SignInSheet {
        let samples = [
            ("Begoña Ibáñez", "Centro de Salud Triana"),
            ("François Lœwenbrück", "Hôpital Saint-Éloi, service de réanimation"),
            ("Jürgen Straße", "Stadtwerke Köln"),
            ("Maria Conceição Gonçalves", "Escola Básica"),
            ("Ana", ""),
            (
                "Maximiliano Sebastián de la Santísima Trinidad Fernández-Villaverde y Ortega",
                "Servicio Andaluz de Salud — Dirección General de Asistencia Sanitaria y Resultados en Salud",
            ),
        ];
        SignInSheet {
            title: "Hoja de firmas".into(),
            course: "Primeros auxilios en el entorno laboral".into(),
            session_line: "Sesión del 12 al 14 de marzo de 2030 · Sede regional, Sevilla".into(),
            meeting_line: "Reunión 2 de 3 · miércoles 13 de marzo de 2030, 09:00–14:00 (Europe/Madrid)".into(),
            trainers_line: "Formadores: Lucía Moreno, Ana Ruiz".into(),
            columns: [
                "N.º".into(),
                "Nombre".into(),
                "Centro de trabajo".into(),
                "Firma".into(),
            ],
            people: (0..people)
                .map(|i| {
                    let (name, workplace) = samples[i % samples.len()];
                    (format!("{name} {}", i + 1), workplace.to_owned())
                })
                .collect(),
            footer: "Página {page} de {pages}".into(),
            language: "es".into(),
        }
    }

    fn page_count(pdf: &[u8]) -> usize {
        pdf.windows(11)
            .filter(|w| w == b"/Type /Page" || w == b"/Type/Page/")
            .count()
            - pdf.windows(12).filter(|w| w == b"/Type /Pages").count()
    }

    fn pdftotext(pdf: &[u8], name: &str) -> Option<String> {
        // One file per call: the tests run in parallel threads of one process.
        static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("aula-{name}-{}-{call}.pdf", std::process::id()));
        std::fs::write(&path, pdf).ok()?;
        let output = Command::new("pdftotext")
            .arg("-enc")
            .arg("UTF-8")
            .arg(&path)
            .arg("-")
            .output();
        let _ = std::fs::remove_file(&path);
        match output {
            Ok(output) if output.status.success() => Some(String::from_utf8_lossy(&output.stdout).into_owned()),
            _ => {
                eprintln!("pdftotext not available: text check skipped");
                None
            }
        }
    }

    // Measured for 30 people (2 pages, fonts subset-embedded): 30 703 bytes;
    // 3.0 ms per sheet in a release build on this 2-core machine, about 140 ms
    // in a debug build (krilla, the subsetter and deflate are unoptimised
    // there). The fonts are parsed once per process, before the first sheet.
    #[test]
    fn pdf_thirty_people_is_small_and_fast() {
        let sheet = sheet(30);
        let first = sign_in_sheet(&sheet).expect("pdf");
        let started = Instant::now();
        let runs = 10;
        for _ in 0..runs {
            sign_in_sheet(&sheet).expect("pdf");
        }
        let each = started.elapsed() / runs;
        eprintln!(
            "30 people: {} bytes, {} pages, {each:?} per sheet",
            first.len(),
            page_count(&first)
        );
        assert!(first.starts_with(b"%PDF-"));
        assert!(first.len() < 200 * 1024, "{} bytes", first.len());
        std::fs::write("/tmp/sheet.pdf", &first).expect("write /tmp/sheet.pdf");
    }

    #[test]
    fn pdf_sixty_people_take_several_pages() {
        let pdf = sign_in_sheet(&sheet(60)).expect("pdf");
        assert!(pdf.starts_with(b"%PDF-"));
        assert!(page_count(&pdf) >= 2, "{} pages", page_count(&pdf));
    }

    #[test]
    fn pdf_is_deterministic() {
        let sheet = sheet(12);
        assert_eq!(sign_in_sheet(&sheet).expect("pdf"), sign_in_sheet(&sheet).expect("pdf"));
    }

    #[test]
    fn pdf_empty_meeting_still_has_blank_rows() {
        let pdf = sign_in_sheet(&sheet(0)).expect("pdf");
        assert_eq!(page_count(&pdf), 1);
        if let Some(text) = pdftotext(&pdf, "empty") {
            assert!(text.contains(&EXTRA_ROWS.to_string()), "{text}");
        }
    }

    #[test]
    fn pdf_text_reads_back_with_accents() {
        let sheet = sheet(60);
        let pdf = sign_in_sheet(&sheet).expect("pdf");
        let Some(text) = pdftotext(&pdf, "accents") else { return };
        for wanted in [
            "Hoja de firmas",
            "Begoña Ibáñez 1",
            "Jürgen Straße",
            "Lœwenbrück",
            "Gonçalves",
            "Página 3 de 3",
        ] {
            assert!(text.contains(wanted), "{wanted:?} missing from:\n{text}");
        }
        // The header row is repeated on every page.
        assert_eq!(text.matches("Centro de trabajo").count(), 3, "{text}");
        assert!(text.contains('…'), "the longest name is cut: {text}");
    }

    #[test]
    fn pdf_rows_fill_pages() {
        assert_eq!(paginate(0, 100.0, 50.0), vec![0..0]);
        let pages = paginate(63, MARGIN + 30.0 * MM, MARGIN + 8.0 * MM);
        assert_eq!(pages.first().map(|r| r.start), Some(0));
        assert_eq!(pages.last().map(|r| r.end), Some(63));
        assert!(pages.windows(2).all(|w| w[0].end == w[1].start));
        assert!(pages.len() >= 3);
    }

    #[test]
    fn pdf_fit_shrinks_then_cuts() {
        let fonts = FONTS.as_ref().expect("fonts");
        let face = &fonts.regular;
        let width = 50.0 * MM;
        let short = face.fit("Ana  Ruiz\n", 10.0, width);
        assert_eq!((short.text.as_str(), short.size), ("Ana Ruiz", 10.0));

        let medium = "Maria Conceição Gonçalves Fernandes";
        let line = face.fit(medium, 10.0, width);
        assert_eq!(line.text, medium);
        assert!(line.size < 10.0 && line.size >= MIN_SIZE);
        assert!(line.width() <= width);

        let long = "Maximiliano Sebastián de la Santísima Trinidad Fernández-Villaverde y Ortega";
        let line = face.fit(long, 10.0, width);
        assert_eq!(line.size, MIN_SIZE);
        assert!(
            line.text.ends_with('…') && line.text.starts_with("Maximiliano"),
            "{}",
            line.text
        );
        assert!(line.width() <= width);
        // The glyphs map back onto the whole text, cluster by cluster.
        assert_eq!(line.glyphs.first().map(|g| g.text_range.start), Some(0));
        assert_eq!(line.glyphs.last().map(|g| g.text_range.end), Some(line.text.len()));

        assert_eq!(face.fit("Ibáñez", 10.0, 0.5).text, "");
    }
}
