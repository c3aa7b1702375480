//! The certificate of completion, as a tagged, archival PDF.
//!
//! A certificate is the paper (or file) a learner keeps and shows to an
//! employer or a registrar, so it has to look official, print well, stay
//! readable in years, be read aloud by a screen reader, and be checkable:
//! besides the holder, the course and what was achieved, it carries the
//! issuing organisation (its logo, address and website), the accrediting
//! body's logo, the signatories with their signatures, its number, a short
//! verification URL, the same URL as a QR code, and the verification code
//! that the public verification page asks for. The course's learning
//! outcomes, when given, follow on a second page (and more if they are long).
//!
//! The page is A4 landscape, drawn with `krilla` like the sign-in sheet
//! ([`crate::sign_in_sheet`]), whose fonts (DejaVu Sans, regular and bold, embedded as
//! subsets) and text measuring this module reuses. DejaVu Sans also covers
//! Arabic with its joining forms, so a holder named "فاطمة الزهراء بن علي" is
//! shaped by `rustybuzz` as Arabic, right to left, and drawn in visual order
//! ([`crate::bidi`]); a line holding right-to-left text also carries its
//! text in logical order as `/ActualText`, which is what text extraction
//! and screen readers read. The layout itself is not mirrored for
//! right-to-left languages (issuer bottom left, QR code bottom right).
//! Every text is measured and centred; too long a text wraps (the course
//! title, on two lines at most) or shrinks to fit, never overflows.
//! Logos and signatures ([`crate::image`], checked at upload) are fitted
//! into their boxes, keeping their proportions.
//!
//! The file is tagged (PDF/UA-1) and archival (PDF/A-2a): a structure tree
//! in reading order (the issuer's logo, the title as a heading, holder,
//! statement, the course as a heading, the details, the accrediting body's
//! logo, each signatory's signature, name and title, the issuer's block,
//! the number and verification texts, the QR code as a figure whose
//! alternative text is the verification URL, then the outcomes as a list),
//! frames and rules marked as artifacts, the document language and title
//! set, fonts embedded, colours device-independent, XMP metadata with the
//! PDF/A and PDF/UA identification, and a document date which is the
//! certificate's issue date (`issued_at`), never the clock; so the same
//! certificate gives the same bytes, and the file ID comes from its number.
//! Should krilla's validators refuse a document (a character no embedded
//! font has, which would print as a blank box), the certificate is written
//! again as a plain (still tagged) PDF rather than not at all.

use std::num::NonZeroU16;

use chrono::{Datelike, Timelike};
use krilla::color::rgb;
use krilla::configure::{Accessibility, Archival, Configuration, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::error::KrillaError;
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::metadata::{DateTime, Metadata};
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, ListNumbering, Node, SpanTag, Tag, TagGroup, TagKind, TagTree,
};
use krilla::{Document, SerializeSettings};
use qrcode::EcLevel;

use crate::bidi::{Direction, has_rtl, shape, shape_in};
use crate::fonts::{FONTS, Face, Fonts, Line, MM, PdfError, clean};
use crate::image::Image;

/// Everything printed on a certificate, already translated by the caller
/// into the holder's language. `Default` gives empty texts and no images,
/// so a caller sets what it has and leaves the rest with `..Default::default()`.
#[derive(Clone, Debug, Default)]
pub struct CertificateSheet {
    /// The document's language ("fr", "es", "en", ...), written as the PDF's `/Lang`.
    pub language: String,
    /// e.g. "Certificate of completion", "Certificat de réalisation".
    pub title: String,
    /// The holder's full name, in any script the fonts cover (Latin, Arabic, ...).
    pub holder: String,
    /// e.g. "has completed the training".
    pub statement: String,
    /// The course's title.
    pub course: String,
    /// Details, one per line, e.g. "15 hours attended of 15",
    /// "12–14 March 2030 · In person, Sevilla",
    /// "Accredited by Universidad de León: 1.5 ECTS credits".
    pub lines: Vec<String>,
    /// The issuing organisation's legal name.
    pub issuer: String,
    /// The issuing organisation's postal address, on one line ("" for none).
    pub issuer_address: String,
    /// The issuing organisation's website, as printed ("" for none).
    pub issuer_website: String,
    /// The issuing organisation's logo, drawn top left; its alternative text is `issuer`.
    pub issuer_logo: Option<Image>,
    /// Who signs, in order (the first three are drawn).
    pub signatories: Vec<Signatory>,
    /// The accrediting body, when the course is accredited: its logo is drawn
    /// top right (the accreditation itself is one of the `lines`).
    pub accreditor: Option<Accreditor>,
    /// e.g. "Issued on 21 March 2030".
    pub issued_line: String,
    /// For a revoked certificate, e.g. "Revoked on 3 April 2030: this
    /// certificate is no longer valid", drawn in red above the title and
    /// read first; empty for one that stands.
    pub revoked: String,
    /// Who funded the programme (issue 20), e.g. "Funded by: European
    /// Social Fund Plus · Ministry of Equality", centred at the foot; empty
    /// for none.
    pub funded_by: String,
    /// The funders' logos (issue 20), each with its funder's name for its
    /// alternative text, drawn before that line.
    pub funder_logos: Vec<(Image, String)>,
    /// The certificate's number, e.g. "ULE-2026-000123".
    pub number: String,
    /// e.g. "Verify at".
    pub verify_label: String,
    /// The short URL of the verification page, also encoded in the QR code
    /// (and the QR code's alternative text).
    pub verify_url: String,
    /// e.g. "Verification code".
    pub code_label: String,
    /// The verification code, grouped, e.g. "K7QX-3MNP-...".
    pub code: String,
    /// The heading of the outcomes page, e.g. "Learning outcomes".
    pub outcomes_label: String,
    /// The course's learning outcomes or contents, one text each, drawn as a
    /// bulleted list on the following page(s); none, no such page.
    pub outcomes: Vec<String>,
    /// When the certificate was issued: the document date of the PDF (and its
    /// PDF/A metadata), so that the same certificate always gives the same bytes.
    pub issued_at: chrono::DateTime<chrono::Utc>,
}

impl CertificateSheet {
    /// The direction of the certificate's own language: right to left in
    /// Arabic (and the other right-to-left languages), left to right else.
    fn direction(&self) -> Direction {
        let primary = self.language.split(['-', '_']).next().unwrap_or_default();
        if matches!(primary, "ar" | "he" | "fa" | "ur") {
            Direction::RightToLeft
        } else {
            Direction::LeftToRight
        }
    }
}

/// Someone who signs the certificate.
#[derive(Clone, Debug, Default)]
pub struct Signatory {
    pub name: String,
    /// e.g. "Director of Continuing Education".
    pub title: String,
    /// The handwritten signature, drawn above the name; its alternative text is the name.
    pub signature: Option<Image>,
}

/// The body that accredits the course.
#[derive(Clone, Debug, Default)]
pub struct Accreditor {
    pub name: String,
    /// Its alternative text is `name`.
    pub logo: Option<Image>,
}

/// A4 landscape.
const PAGE_W: f32 = 297.0 * MM;
const PAGE_H: f32 = 210.0 * MM;
/// The thick outer frame and the thin inner one, inset from the page edge.
const FRAME_OUTER: f32 = 8.0 * MM;
const FRAME_INNER: f32 = 10.5 * MM;
/// The text area, between the side margins.
const CONTENT_LEFT: f32 = 25.0 * MM;
const CONTENT_W: f32 = PAGE_W - 2.0 * CONTENT_LEFT;

const TITLE_SIZE: f32 = 28.0;
const HOLDER_SIZE: f32 = 36.0;
const STATEMENT_SIZE: f32 = 13.0;
const COURSE_SIZE: f32 = 20.0;
const COURSE_MAX_LINES: usize = 2;
const DETAIL_SIZE: f32 = 11.0;
const ISSUER_SIZE: f32 = 13.0;
const ISSUED_SIZE: f32 = 10.0;
const NUMBER_SIZE: f32 = 11.0;
const LABEL_SIZE: f32 = 8.5;
const VALUE_SIZE: f32 = 9.5;
const OUTCOMES_TITLE_SIZE: f32 = 18.0;
const OUTCOME_SIZE: f32 = 11.0;
/// Line height, as a multiple of the font size.
const LEADING: f32 = 1.3;

/// A revoked certificate's line: between the frame and the title, clear of the logos.
const REVOKED_SIZE: f32 = 13.0;
const REVOKED_BASELINE: f32 = 25.0 * MM;
const TITLE_BASELINE: f32 = 42.0 * MM;
const TITLE_RULE_Y: f32 = 49.0 * MM;
/// With signatories, the middle moves up a little to leave them room.
const HOLDER_BASELINE: [f32; 2] = [80.0 * MM, 75.0 * MM];
const STATEMENT_BASELINE: [f32; 2] = [93.0 * MM, 87.0 * MM];
const COURSE_BASELINE: [f32; 2] = [108.0 * MM, 100.0 * MM];
/// The details end above this line, where the signatories or the bottom block start.
const DETAILS_BOTTOM: [f32; 2] = [152.0 * MM, 133.0 * MM];

/// The logos' boxes, top left and top right, inside the frame.
const LOGO_TOP: f32 = 15.0 * MM;
const LOGO_W: f32 = 40.0 * MM;
const LOGO_H: f32 = 20.0 * MM;

/// The signatories' row: a signature box, a rule, the name and the title.
const SIGNATORIES_MAX: usize = 3;
const SIGNATORY_W: f32 = 62.0 * MM;
const SIGNATURE_TOP: f32 = 136.0 * MM;
const SIGNATURE_H: f32 = 13.0 * MM;
const SIGNATURE_RULE_Y: f32 = 150.0 * MM;
const SIGNATORY_NAME_BASELINE: f32 = 154.0 * MM;
const SIGNATORY_TITLE_BASELINE: f32 = 158.0 * MM;

/// The QR code's side, and its top; its right edge lines up with the content's.
const QR_SIZE: f32 = 30.0 * MM;
const QR_TOP: f32 = 160.0 * MM;
const QR_LEFT: f32 = CONTENT_LEFT + CONTENT_W - QR_SIZE;
/// The funders' line: below the QR code (which ends at 190 mm), above the
/// inner frame (at 199.5 mm).
const FUNDED_BY_BASELINE: f32 = 195.5 * MM;
/// Two lines at most, centred on that baseline: 193.5 and 197.5 mm at the
/// label's size, the second's descenders above the frame.
const FUNDED_BY_MAX_LINES: usize = 2;
/// The funders' logos' boxes on that line: from 191.5 to 197.5 mm.
const FUNDER_LOGO_TOP: f32 = 191.5 * MM;
const FUNDER_LOGO_H: f32 = 6.0 * MM;
const FUNDER_LOGO_W: f32 = 24.0 * MM;
const FUNDER_LOGO_GAP: f32 = 3.0 * MM;
/// The texts beside the QR code end this far left of it.
const QR_GAP: f32 = 5.0 * MM;
/// The bottom blocks' widths: the issuer on the left, the verification texts
/// on the right, which start at 142 mm (the QR code's left edge, less the gap
/// and their width): the issuer's block ends 5 mm before, so a long legal name
/// shrinks rather than running into the verification URL.
const ISSUER_W: f32 = 112.0 * MM;
const VERIFY_W: f32 = 95.0 * MM;

/// The outcomes pages: the heading's baseline, where the list starts and must end.
const OUTCOMES_TITLE_BASELINE: f32 = 30.0 * MM;
const OUTCOMES_TOP: f32 = 48.0 * MM;
const OUTCOMES_BOTTOM: f32 = PAGE_H - 22.0 * MM;
const BULLET_INDENT: f32 = 7.0 * MM;

/// Dark blue for the title and frame, a muted gold for the ornaments.
const ACCENT: (u8, u8, u8) = (24, 50, 94);
const GOLD: (u8, u8, u8) = (176, 141, 87);
const INK: (u8, u8, u8) = (20, 20, 20);
const GREY: (u8, u8, u8) = (85, 85, 85);
/// A revoked certificate's line (7.4:1 on white).
const REVOKED: (u8, u8, u8) = (160, 20, 20);

/// Makes the certificate: A4 landscape pages, PDF/A-2a and PDF/UA-1 when
/// krilla's validators accept it (they do for any text the embedded fonts
/// cover), otherwise a plain tagged PDF.
pub fn certificate(sheet: &CertificateSheet) -> Result<Vec<u8>, PdfError> {
    let fonts = FONTS.as_ref().ok_or(PdfError::Font)?;
    let qr = qr_modules(&clean(&sheet.verify_url))?;
    let archival = ConfigurationBuilder::new()
        .with_archival_validator(Archival::A2_A)
        .with_accessibility_validator(Accessibility::UA1)
        .finish()
        .map_err(|error| PdfError::Write(format!("{error:?}")))?;
    match render(sheet, fonts, qr.as_ref(), archival) {
        Ok(bytes) => Ok(bytes),
        Err(KrillaError::Validation(errors)) => {
            tracing::warn!(
                number = %sheet.number,
                ?errors,
                "certificate not valid as PDF/A-2a and PDF/UA-1, written as a plain PDF"
            );
            render(sheet, fonts, qr.as_ref(), Configuration::default())
                .map_err(|error| PdfError::Write(error.to_string()))
        }
        Err(error) => Err(PdfError::Write(error.to_string())),
    }
}

/// The structure tree's nodes, in reading order, as the pages are drawn.
type Nodes = Vec<Node>;

/// Draws the pages and writes the document under `configuration`.
fn render(
    sheet: &CertificateSheet,
    fonts: &Fonts,
    qr: Option<&QrModules>,
    configuration: Configuration,
) -> Result<Vec<u8>, KrillaError> {
    let mut document = Document::new_with(SerializeSettings {
        configuration,
        enable_tagging: true,
        ..SerializeSettings::default()
    });
    let title = format!("{} · {}", clean(&sheet.title), clean(&sheet.holder));
    let mut metadata = Metadata::new()
        .title(title.clone())
        .language(sheet.language.clone())
        .creator("Aula".to_owned())
        .creation_date(pdf_date(sheet.issued_at));
    if !clean(&sheet.issuer).is_empty() {
        metadata = metadata.authors(vec![clean(&sheet.issuer)]);
    }
    if !clean(&sheet.number).is_empty() {
        metadata = metadata.document_id(clean(&sheet.number));
    }
    document.set_metadata(metadata);

    let mut nodes = Nodes::new();
    let mut outline = Outline::new();
    outline.push_child(OutlineNode::new(
        title,
        XyzDestination::new(0, Point::from_xy(0.0, 0.0)),
    ));
    // Only impossible for a zero or negative size, which the constants are not.
    let Some(settings) = PageSettings::from_wh(PAGE_W, PAGE_H) else {
        return document.finish();
    };
    {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        draw_frame(&mut surface);
        draw_middle(&mut surface, fonts, sheet, &mut nodes);
        draw_signatories(&mut surface, fonts, sheet, &mut nodes);
        draw_issuer(&mut surface, fonts, sheet, &mut nodes);
        draw_verification(&mut surface, fonts, sheet, qr, &mut nodes);
        draw_funded_by(&mut surface, fonts, sheet, &mut nodes);
        surface.finish();
        page.finish();
    }
    let outcomes: Vec<String> = sheet
        .outcomes
        .iter()
        .map(|text| clean(text))
        .filter(|text| !text.is_empty())
        .collect();
    if !outcomes.is_empty() {
        let heading = clean(&sheet.outcomes_label);
        if !heading.is_empty() {
            outline.push_child(OutlineNode::new(
                heading,
                XyzDestination::new(1, Point::from_xy(0.0, 0.0)),
            ));
        }
        draw_outcomes(&mut document, &settings, fonts, sheet, &outcomes, &mut nodes);
    }
    document.set_outline(outline);
    let mut tree = TagTree::new().with_lang(Some(sheet.language.clone()));
    for node in nodes {
        tree.push(node);
    }
    document.set_tag_tree(tree);
    document.finish()
}

/// The issue instant as a PDF date, in UTC.
fn pdf_date(at: chrono::DateTime<chrono::Utc>) -> DateTime {
    let byte = |value: u32| u8::try_from(value).unwrap_or(u8::MAX);
    DateTime::new(u16::try_from(at.year().clamp(0, 9999)).unwrap_or(9999))
        .month(byte(at.month()))
        .day(byte(at.day()))
        .hour(byte(at.hour()))
        .minute(byte(at.minute()))
        .second(byte(at.second()))
        .utc_offset_hour(0)
        .utc_offset_minute(0)
}

/// A structure element `tag` holding `children`.
fn group(tag: impl Into<TagKind>, children: Vec<Node>) -> Node {
    TagGroup::with_children(tag, children).into()
}

/// A structure element `tag` for the drawn `text`. Right-to-left text is
/// drawn in visual order; the element carries it in logical order as
/// `/ActualText`, which is what a screen reader, reading the structure,
/// reads. (It is not put on the content itself: text extraction such as
/// poppler's reorders right-to-left glyphs on its own, and would reverse a
/// logical `/ActualText` there.)
fn text_element(tag: impl Into<TagKind>, text: &str, children: Vec<Node>) -> Node {
    let mut tag: TagKind = tag.into();
    if has_rtl(text) {
        tag.set_actual_text(Some(text.to_owned()));
    }
    group(tag, children)
}

/// A paragraph of one drawn line.
fn paragraph(line: &Line, id: Identifier) -> Node {
    text_element(Tag::P, &line.text, vec![id.into()])
}

/// A heading of `level` whose text is `text`.
fn heading(level: u16, text: &str, children: Vec<Node>) -> Node {
    let level = NonZeroU16::new(level).unwrap_or(NonZeroU16::MIN);
    text_element(Tag::Hn(level, Some(text.to_owned())), text, children)
}

/// Draws what `draw` draws as a layout artifact: decoration a screen reader skips.
fn artifact(surface: &mut Surface<'_>, draw: impl FnOnce(&mut Surface<'_>)) {
    surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(ArtifactType::Layout)));
    draw(surface);
    surface.end_tagged();
}

/// Draws an image fitted into the box at (`left`, `top`), `width` × `height`
/// points, keeping its proportions; `align` places it horizontally in the box
/// (0 left, 0.5 centre, 1 right), it sits at the box's bottom. Returns its
/// figure, whose alternative text is `alt`.
#[allow(clippy::too_many_arguments)]
fn draw_figure(
    surface: &mut Surface<'_>,
    image: &Image,
    alt: &str,
    left: f32,
    top: f32,
    width: f32,
    height: f32,
    align: f32,
) -> Option<Node> {
    let (w, h) = image.size();
    if w <= 0.0 || h <= 0.0 {
        return None;
    }
    let scale = (width / w).min(height / h);
    let size = Size::from_wh(w * scale, h * scale)?;
    let x = left + (width - size.width()) * align;
    let y = top + height - size.height();
    let id = surface.start_tagged(ContentTag::Other);
    surface.push_transform(&Transform::from_translate(x, y));
    image.draw(surface, size);
    surface.pop();
    surface.end_tagged();
    Some(group(Tag::Figure(Some(clean(alt))), vec![id.into()]))
}

/// A double frame: thick outer line, thin inner one.
fn draw_frame(surface: &mut Surface<'_>) {
    artifact(surface, |surface| {
        stroke_rect(surface, FRAME_OUTER, 1.8, ACCENT);
        stroke_rect(surface, FRAME_INNER, 0.5, GOLD);
    });
}

fn stroke_rect(surface: &mut Surface<'_>, inset: f32, width: f32, color: (u8, u8, u8)) {
    let Some(rect) = Rect::from_ltrb(inset, inset, PAGE_W - inset, PAGE_H - inset) else {
        return;
    };
    let mut builder = PathBuilder::new();
    builder.push_rect(rect);
    stroke(surface, builder, width, color);
}

/// A horizontal rule from `left`, `length` points long: an artifact.
fn rule(surface: &mut Surface<'_>, left: f32, y: f32, length: f32, width: f32, color: (u8, u8, u8)) {
    let mut builder = PathBuilder::new();
    builder.move_to(left, y);
    builder.line_to(left + length, y);
    artifact(surface, |surface| stroke(surface, builder, width, color));
}

/// Draws the lines of `builder`, `width` points wide, in `color`, unfilled.
fn stroke(surface: &mut Surface<'_>, builder: PathBuilder, width: f32, color: (u8, u8, u8)) {
    if let Some(path) = builder.finish() {
        surface.set_fill(None);
        surface.set_stroke(Some(Stroke {
            paint: rgb_color(color).into(),
            width,
            ..Stroke::default()
        }));
        surface.draw_path(&path);
        surface.set_stroke(None);
    }
}

/// The top and centred part: logos, title, holder, statement, course, details.
fn draw_middle(surface: &mut Surface<'_>, fonts: &Fonts, sheet: &CertificateSheet, nodes: &mut Nodes) {
    let signed = usize::from(sheet.signatories.iter().any(|s| !clean(&s.name).is_empty()));
    let accreditor_logo = sheet
        .accreditor
        .as_ref()
        .and_then(|a| a.logo.as_ref().map(|logo| (a, logo)));
    if let Some(logo) = &sheet.issuer_logo {
        nodes.extend(draw_figure(
            surface,
            logo,
            &sheet.issuer,
            CONTENT_LEFT,
            LOGO_TOP,
            LOGO_W,
            LOGO_H,
            0.0,
        ));
    }
    // The title keeps clear of the logos.
    let title_w = if sheet.issuer_logo.is_some() || accreditor_logo.is_some() {
        CONTENT_W - 2.0 * (LOGO_W + 4.0 * MM)
    } else {
        CONTENT_W
    };
    // A copy printed after the revocation says so before anything else
    // (session 30: the holder's link gave it unmarked, as if it stood).
    if let Some(line) = fit_line_in(
        &fonts.bold,
        &sheet.revoked,
        REVOKED_SIZE,
        title_w,
        Some(sheet.direction()),
    ) {
        let id = draw_centred(surface, &fonts.bold, &line, REVOKED, REVOKED_BASELINE);
        nodes.push(paragraph(&line, id));
    }
    if let Some(line) = fit_line(&fonts.bold, &sheet.title, TITLE_SIZE, title_w) {
        let id = draw_centred(surface, &fonts.bold, &line, ACCENT, TITLE_BASELINE);
        nodes.push(heading(1, &line.text, vec![id.into()]));
    }
    rule(surface, (PAGE_W - 60.0 * MM) / 2.0, TITLE_RULE_Y, 60.0 * MM, 0.8, GOLD);
    if let Some(line) = fit_line(&fonts.bold, &sheet.holder, HOLDER_SIZE, CONTENT_W) {
        let id = draw_centred(surface, &fonts.bold, &line, INK, HOLDER_BASELINE[signed]);
        nodes.push(paragraph(&line, id));
    }
    let composed = Some(sheet.direction());
    if let Some(line) = fit_line_in(&fonts.regular, &sheet.statement, STATEMENT_SIZE, CONTENT_W, composed) {
        let id = draw_centred(surface, &fonts.regular, &line, GREY, STATEMENT_BASELINE[signed]);
        nodes.push(paragraph(&line, id));
    }

    let course = fit_block(&fonts.bold, &sheet.course, COURSE_SIZE, CONTENT_W, COURSE_MAX_LINES);
    let mut baseline = COURSE_BASELINE[signed];
    let mut bottom = COURSE_BASELINE[signed] - COURSE_SIZE * LEADING;
    let mut course_ids = Vec::new();
    for line in &course {
        course_ids.push(draw_centred(surface, &fonts.bold, line, ACCENT, baseline).into());
        bottom = baseline;
        baseline += line.size * LEADING;
    }
    if !course_ids.is_empty() {
        nodes.push(heading(2, &clean(&sheet.course), course_ids));
    }

    // The details share what is left above the signatories or the bottom
    // block, smaller if they are many.
    let details: Vec<&String> = sheet.lines.iter().filter(|text| !clean(text).is_empty()).collect();
    if !details.is_empty() {
        let top = bottom + 5.0 * MM;
        let room = (DETAILS_BOTTOM[signed] - top).max(0.0);
        let size = DETAIL_SIZE.min(room / (details.len() as f32 * LEADING * 1.15));
        let step = size * LEADING * 1.15;
        let mut baseline = top + size;
        for text in details {
            if let Some(line) = fit_line_in(&fonts.regular, text, size, CONTENT_W, composed) {
                let id = draw_centred(surface, &fonts.regular, &line, GREY, baseline);
                nodes.push(paragraph(&line, id));
            }
            baseline += step;
        }
    }
    if let Some((accreditor, logo)) = accreditor_logo {
        let left = CONTENT_LEFT + CONTENT_W - LOGO_W;
        nodes.extend(draw_figure(
            surface,
            logo,
            &accreditor.name,
            left,
            LOGO_TOP,
            LOGO_W,
            LOGO_H,
            1.0,
        ));
    }
}

/// The signatories' row, centred: each one's signature above a rule, the name and the title below.
fn draw_signatories(surface: &mut Surface<'_>, fonts: &Fonts, sheet: &CertificateSheet, nodes: &mut Nodes) {
    let signatories: Vec<&Signatory> = sheet
        .signatories
        .iter()
        .filter(|s| !clean(&s.name).is_empty())
        .take(SIGNATORIES_MAX)
        .collect();
    let row_w = SIGNATORY_W * signatories.len() as f32;
    let mut left = CONTENT_LEFT + (CONTENT_W - row_w) / 2.0;
    let inner = SIGNATORY_W - 6.0 * MM;
    for signatory in signatories {
        let mut children = Vec::new();
        let box_left = left + 3.0 * MM;
        if let Some(signature) = &signatory.signature {
            children.extend(draw_figure(
                surface,
                signature,
                &signatory.name,
                box_left,
                SIGNATURE_TOP,
                inner,
                SIGNATURE_H,
                0.5,
            ));
        }
        rule(surface, box_left, SIGNATURE_RULE_Y, inner, 0.5, GREY);
        let centred = |line: &Line| box_left + ((inner - line.width()) / 2.0).max(0.0);
        let rows = [
            (&signatory.name, &fonts.bold, VALUE_SIZE, INK, SIGNATORY_NAME_BASELINE),
            (
                &signatory.title,
                &fonts.regular,
                LABEL_SIZE,
                GREY,
                SIGNATORY_TITLE_BASELINE,
            ),
        ];
        for (text, face, size, color, baseline) in rows {
            if let Some(line) = fit_line(face, text, size, inner) {
                let id = draw_line(surface, face, &line, color, centred(&line), baseline);
                children.push(paragraph(&line, id));
            }
        }
        if !children.is_empty() {
            nodes.push(group(Tag::Div, children));
        }
        left += SIGNATORY_W;
    }
}

/// Bottom left: a short rule, the issuer, its address and website, the issue date.
fn draw_issuer(surface: &mut Surface<'_>, fonts: &Fonts, sheet: &CertificateSheet, nodes: &mut Nodes) {
    let bottom = QR_TOP + QR_SIZE;
    let contact: Vec<String> = [&sheet.issuer_address, &sheet.issuer_website]
        .into_iter()
        .map(|text| clean(text))
        .filter(|text| !text.is_empty())
        .collect();
    let raise = if contact.is_empty() { 0.0 } else { 4.5 * MM };
    rule(surface, CONTENT_LEFT, bottom - 17.0 * MM - raise, 70.0 * MM, 0.6, GOLD);
    let mut children = Vec::new();
    if let Some(line) = fit_line(&fonts.bold, &sheet.issuer, ISSUER_SIZE, ISSUER_W) {
        let id = draw_line(
            surface,
            &fonts.bold,
            &line,
            INK,
            CONTENT_LEFT,
            bottom - 9.0 * MM - raise,
        );
        children.push(paragraph(&line, id));
    }
    if let Some(line) = fit_line(&fonts.regular, &contact.join(" · "), LABEL_SIZE, ISSUER_W) {
        let id = draw_line(surface, &fonts.regular, &line, GREY, CONTENT_LEFT, bottom - 8.0 * MM);
        children.push(paragraph(&line, id));
    }
    if let Some(line) = fit_line_in(
        &fonts.regular,
        &sheet.issued_line,
        ISSUED_SIZE,
        ISSUER_W,
        Some(sheet.direction()),
    ) {
        let id = draw_line(surface, &fonts.regular, &line, GREY, CONTENT_LEFT, bottom - 3.0 * MM);
        children.push(paragraph(&line, id));
    }
    if !children.is_empty() {
        nodes.push(group(Tag::Div, children));
    }
}

/// The programme's funders (issue 20), centred below the bottom blocks
/// and inside the frame: their logos in a row, then the line that names
/// them, which shrinks rather than run into the frame.
fn draw_funded_by(surface: &mut Surface<'_>, fonts: &Fonts, sheet: &CertificateSheet, nodes: &mut Nodes) {
    // Each logo's width once fitted into its box, keeping its proportions.
    let widths: Vec<f32> = sheet
        .funder_logos
        .iter()
        .map(|(image, _)| {
            let (w, h) = image.size();
            if w <= 0.0 || h <= 0.0 {
                0.0
            } else {
                (FUNDER_LOGO_H * w / h).min(FUNDER_LOGO_W)
            }
        })
        .collect();
    let logos_w: f32 = widths.iter().filter(|w| **w > 0.0).map(|w| w + FUNDER_LOGO_GAP).sum();
    // A long list of funders takes two lines (smaller if it must) rather
    // than one shrunk out of reading: both fit between the QR code and the
    // inner frame.
    let lines = fit_block(
        &fonts.regular,
        &sheet.funded_by,
        LABEL_SIZE,
        (CONTENT_W - logos_w).max(20.0 * MM),
        FUNDED_BY_MAX_LINES,
    );
    let text_w = lines.iter().map(Line::width).fold(0.0, f32::max);
    let total = logos_w + text_w;
    let mut left = CONTENT_LEFT + ((CONTENT_W - total) / 2.0).max(0.0);
    for ((image, name), width) in sheet.funder_logos.iter().zip(widths) {
        if width <= 0.0 {
            continue;
        }
        if let Some(figure) = draw_figure(surface, image, name, left, FUNDER_LOGO_TOP, width, FUNDER_LOGO_H, 0.0) {
            nodes.push(figure);
        }
        left += width + FUNDER_LOGO_GAP;
    }
    // The lines are centred on the one line's baseline, as a block.
    let step = lines.first().map_or(0.0, |l| l.size * LEADING);
    let mut baseline = FUNDED_BY_BASELINE - step * (lines.len().saturating_sub(1)) as f32 / 2.0;
    let mut ids = Vec::new();
    for line in &lines {
        ids.push(draw_line(surface, &fonts.regular, line, GREY, left, baseline).into());
        baseline += step;
    }
    if !ids.is_empty() {
        nodes.push(text_element(Tag::P, &clean(&sheet.funded_by), ids));
    }
}

/// Bottom right: the QR code, with the number, the URL and the code right-aligned beside it.
fn draw_verification(
    surface: &mut Surface<'_>,
    fonts: &Fonts,
    sheet: &CertificateSheet,
    qr: Option<&QrModules>,
    nodes: &mut Nodes,
) {
    let right = match qr {
        Some(_) => QR_LEFT - QR_GAP,
        None => CONTENT_LEFT + CONTENT_W,
    };
    let rows = [
        (&sheet.number, &fonts.bold, NUMBER_SIZE, INK, 4.0),
        (&sheet.verify_label, &fonts.regular, LABEL_SIZE, GREY, 12.0),
        (&sheet.verify_url, &fonts.regular, VALUE_SIZE, ACCENT, 16.5),
        (&sheet.code_label, &fonts.regular, LABEL_SIZE, GREY, 24.0),
        (&sheet.code, &fonts.bold, VALUE_SIZE, INK, 28.5),
    ];
    let mut children = Vec::new();
    for (text, face, size, color, baseline_mm) in rows {
        if let Some(line) = fit_line(face, text, size, VERIFY_W) {
            let id = draw_line(
                surface,
                face,
                &line,
                color,
                right - line.width(),
                QR_TOP + baseline_mm * MM,
            );
            children.push(paragraph(&line, id));
        }
    }
    if let Some(qr) = qr {
        let id = surface.start_tagged(ContentTag::Other);
        draw_qr(surface, qr, QR_LEFT, QR_TOP, QR_SIZE);
        surface.end_tagged();
        children.push(group(Tag::Figure(Some(clean(&sheet.verify_url))), vec![id.into()]));
    }
    if !children.is_empty() {
        nodes.push(group(Tag::Div, children));
    }
}

/// The outcomes, on as many pages as they need: a heading, then a bulleted
/// list, each item wrapped; a small footer repeats the number and holder.
fn draw_outcomes(
    document: &mut Document,
    settings: &PageSettings,
    fonts: &Fonts,
    sheet: &CertificateSheet,
    outcomes: &[String],
    nodes: &mut Nodes,
) {
    let step = OUTCOME_SIZE * LEADING;
    let text_w = CONTENT_W - BULLET_INDENT;
    let footer = [clean(&sheet.number), clean(&sheet.holder)]
        .into_iter()
        .filter(|text| !text.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let mut items = Vec::new();
    let mut remaining = outcomes.iter().peekable();
    let mut first_page = true;
    while remaining.peek().is_some() {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        draw_frame(&mut surface);
        if first_page {
            let texts = [
                (&fonts.bold, &sheet.outcomes_label, OUTCOMES_TITLE_SIZE, ACCENT, 0.0),
                (&fonts.regular, &sheet.course, STATEMENT_SIZE, GREY, 8.0 * MM),
            ];
            for (index, (face, text, size, color, below)) in texts.into_iter().enumerate() {
                if let Some(line) = fit_line(face, text, size, CONTENT_W) {
                    let baseline = OUTCOMES_TITLE_BASELINE + below;
                    let id = draw_line(&mut surface, face, &line, color, CONTENT_LEFT, baseline);
                    // The label is the page's heading, the course's title a paragraph under it.
                    nodes.push(if index == 0 {
                        heading(2, &line.text, vec![id.into()])
                    } else {
                        paragraph(&line, id)
                    });
                }
            }
            rule(
                &mut surface,
                CONTENT_LEFT,
                OUTCOMES_TOP - 6.0 * MM,
                60.0 * MM,
                0.8,
                GOLD,
            );
        }
        let mut baseline = if first_page {
            OUTCOMES_TOP
        } else {
            OUTCOMES_TITLE_BASELINE
        };
        let mut drawn = 0;
        while let Some(&outcome) = remaining.peek() {
            let lines = wrap_measured(&fonts.regular, outcome, OUTCOME_SIZE, text_w);
            let height = step * lines.len() as f32;
            // An item too long for a page of its own is drawn anyway (shrunk lines past the end would be worse).
            if drawn > 0 && baseline + height - step > OUTCOMES_BOTTOM {
                break;
            }
            remaining.next();
            drawn += 1;
            let bullet = fonts.regular.shape("•".to_owned(), OUTCOME_SIZE);
            let label = draw_line(
                &mut surface,
                &fonts.regular,
                &bullet,
                GOLD,
                CONTENT_LEFT + 2.0 * MM,
                baseline,
            );
            let mut body = Vec::new();
            for mut line in lines {
                if line.width() > text_w {
                    line.size *= text_w / line.width() * 0.995;
                }
                body.push(
                    draw_line(
                        &mut surface,
                        &fonts.regular,
                        &line,
                        INK,
                        CONTENT_LEFT + BULLET_INDENT,
                        baseline,
                    )
                    .into(),
                );
                baseline += step;
            }
            baseline += OUTCOME_SIZE * 0.4;
            items.push(group(
                Tag::LI,
                vec![
                    group(Tag::Lbl, vec![label.into()]),
                    group(Tag::LBody, vec![text_element(Tag::P, outcome, body)]),
                ],
            ));
        }
        if let Some(line) = fit_line(&fonts.regular, &footer, LABEL_SIZE, CONTENT_W) {
            surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(ArtifactType::Footer)));
            let left = CONTENT_LEFT + CONTENT_W - line.width();
            paint_line(&mut surface, &fonts.regular, &line, GREY, left, PAGE_H - 14.0 * MM);
            surface.end_tagged();
        }
        first_page = false;
        surface.finish();
        page.finish();
    }
    nodes.push(group(Tag::L(ListNumbering::Disc), items));
}

/// The QR code's dark modules, row by row.
struct QrModules {
    width: usize,
    dark: Vec<bool>,
}

/// The QR code of `url` (error correction M: survives a crease or a stain),
/// or nothing for an empty URL.
///
/// Masked with one fixed pattern (the checkerboard) rather than the best of
/// the eight: any mask is valid for a reader, and scoring all eight was
/// about a third of a certificate's drawing time (1.2 ms of some 4).
fn qr_modules(url: &str) -> Result<Option<QrModules>, PdfError> {
    if url.is_empty() {
        return Ok(None);
    }
    let failed = |error: qrcode::types::QrError| PdfError::Write(format!("the QR code could not be made: {error}"));
    let bits = qrcode::bits::encode_auto(url.as_bytes(), EcLevel::M).map_err(failed)?;
    let version = bits.version();
    let (data, correction) =
        qrcode::ec::construct_codewords(&bits.into_bytes(), version, EcLevel::M).map_err(failed)?;
    let mut canvas = qrcode::canvas::Canvas::new(version, EcLevel::M);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&data, &correction);
    canvas.apply_mask(qrcode::canvas::MaskPattern::Checkerboard);
    Ok(Some(QrModules {
        width: usize::try_from(version.width()).unwrap_or(0),
        dark: canvas
            .into_colors()
            .into_iter()
            .map(|color| color == qrcode::Color::Dark)
            .collect(),
    }))
}

/// Draws the modules as filled rectangles, one per horizontal run of dark
/// modules, in a single path. The page around is white, which serves as the
/// quiet zone.
fn draw_qr(surface: &mut Surface<'_>, qr: &QrModules, left: f32, top: f32, size: f32) {
    if qr.width == 0 {
        return;
    }
    let module = size / qr.width as f32;
    let mut builder = PathBuilder::new();
    for (y, row) in qr.dark.chunks(qr.width).enumerate() {
        let mut x = 0;
        while x < row.len() {
            if !row[x] {
                x += 1;
                continue;
            }
            let start = x;
            while x < row.len() && row[x] {
                x += 1;
            }
            let rect = Rect::from_xywh(
                left + start as f32 * module,
                top + y as f32 * module,
                (x - start) as f32 * module,
                module,
            );
            if let Some(rect) = rect {
                builder.push_rect(rect);
            }
        }
    }
    if let Some(path) = builder.finish() {
        surface.set_stroke(None);
        surface.set_fill(Some(Fill {
            paint: rgb_color((0, 0, 0)).into(),
            ..Fill::default()
        }));
        surface.draw_path(&path);
    }
}

fn rgb_color((red, green, blue): (u8, u8, u8)) -> rgb::Color {
    rgb::Color::new(red, green, blue)
}

/// Draws a line centred in the content's width; returns its content's identifier.
fn draw_centred(surface: &mut Surface<'_>, face: &Face, line: &Line, color: (u8, u8, u8), baseline: f32) -> Identifier {
    let left = CONTENT_LEFT + ((CONTENT_W - line.width()) / 2.0).max(0.0);
    draw_line(surface, face, line, color, left, baseline)
}

/// Draws a line as one marked-content sequence and returns its identifier.
fn draw_line(
    surface: &mut Surface<'_>,
    face: &Face,
    line: &Line,
    color: (u8, u8, u8),
    left: f32,
    baseline: f32,
) -> Identifier {
    let id = surface.start_tagged(ContentTag::Span(SpanTag::empty()));
    paint_line(surface, face, line, color, left, baseline);
    surface.end_tagged();
    id
}

/// Draws a line's glyphs, untagged (the caller tags them).
fn paint_line(surface: &mut Surface<'_>, face: &Face, line: &Line, color: (u8, u8, u8), left: f32, baseline: f32) {
    if line.glyphs.is_empty() {
        return;
    }
    surface.set_stroke(None);
    surface.set_fill(Some(Fill {
        paint: rgb_color(color).into(),
        ..Fill::default()
    }));
    surface.draw_glyphs(
        Point::from_xy(left, baseline),
        &line.glyphs,
        face.pdf.clone(),
        &line.text,
        line.size,
        false,
    );
}

/// `text` on one line no wider than `width`: at `size` if it fits, else
/// shrunk until it does. Nothing for an empty text.
fn fit_line(face: &Face, text: &str, size: f32, width: f32) -> Option<Line> {
    fit_line_in(face, text, size, width, None)
}

/// [`fit_line`] for a line the certificate composes in its language (the
/// statement, the details, the issue date): its runs in `main`, the
/// document's direction (see [`crate::bidi::shape_in`]).
fn fit_line_in(face: &Face, text: &str, size: f32, width: f32, main: Option<Direction>) -> Option<Line> {
    let text = clean(text);
    if text.is_empty() {
        return None;
    }
    let mut line = shape_in(face, text, size, main);
    let natural = line.width();
    if natural > width {
        // A hair under the exact ratio, so rounding never tips it over.
        line.size = size * width / natural * 0.995;
    }
    Some(line)
}

/// `text` wrapped at spaces into at most `max_lines` lines no wider than
/// `width`: at `size` if it fits, else at a smaller size (down to 70 %),
/// else the words shared out at that size and each line still too wide
/// shrunk on its own.
fn fit_block(face: &Face, text: &str, size: f32, width: f32, max_lines: usize) -> Vec<Line> {
    let text = clean(text);
    if text.is_empty() {
        return Vec::new();
    }
    // Each size tried is a sum over the words' widths: the words are shaped
    // once, and only the lines finally drawn are shaped again. (Shaping the
    // growing line again for every word and every size tried took a quarter
    // of a certificate's drawing with a long course title: issue 19.)
    let words = Words::measure(face, &text);
    let smallest = size * 0.7;
    let mut current = size;
    let breaks = loop {
        let breaks = words.breaks(current, width);
        if (breaks.len() <= max_lines && words.widest() * current <= width) || current <= smallest {
            break breaks;
        }
        current = (current * 0.92).max(smallest);
    };
    let mut lines: Vec<Line> = if breaks.len() > max_lines.max(1) {
        // Keep the first lines and put every remaining word on the last one.
        let kept = max_lines.max(1) - 1;
        let rest = breaks[kept].start..words.len();
        breaks[..kept]
            .iter()
            .chain(std::iter::once(&rest))
            .map(|range| shape(face, words.line(range.clone()), current))
            .collect()
    } else {
        breaks
            .into_iter()
            .map(|range| shape(face, words.line(range), current))
            .collect()
    };
    // A line the sum of its words underestimated (kerning across a blank),
    // or one word too long for any line, is shrunk on its own.
    for line in &mut lines {
        let natural = line.width();
        if natural > width {
            line.size = line.size * width / natural * 0.995;
        }
    }
    lines
}

/// Greedy wrapping for long texts: each line takes as many words as fit (at
/// least one), each line shaped once.
fn wrap_measured(face: &Face, text: &str, size: f32, width: f32) -> Vec<Line> {
    let text = clean(text);
    let words = Words::measure(face, &text);
    words
        .breaks(size, width)
        .into_iter()
        .map(|range| shape(face, words.line(range), size))
        .collect()
}

/// A text's words with their widths in ems, each word shaped once: a line's
/// width at any size is its words' and blanks' widths times the size (Arabic
/// letters join within a word, never across a blank).
struct Words<'a> {
    words: Vec<&'a str>,
    ems: Vec<f32>,
    blank: f32,
}

impl<'a> Words<'a> {
    fn measure(face: &Face, text: &'a str) -> Self {
        let words: Vec<&str> = text.split(' ').filter(|word| !word.is_empty()).collect();
        let ems = words
            .iter()
            .map(|word| shape(face, (*word).to_owned(), 1.0).width())
            .collect();
        Words {
            words,
            ems,
            blank: shape(face, " ".to_owned(), 1.0).width(),
        }
    }

    fn len(&self) -> usize {
        self.words.len()
    }

    /// The widest word's width in ems: a line of it alone is that wide.
    fn widest(&self) -> f32 {
        self.ems.iter().copied().fold(0.0, f32::max)
    }

    /// The words of each line at `size`, greedily: as many as fit in
    /// `width` points, at least one.
    fn breaks(&self, size: f32, width: f32) -> Vec<std::ops::Range<usize>> {
        let mut breaks = Vec::new();
        let mut start = 0;
        let mut line_w = 0.0;
        for (i, em) in self.ems.iter().enumerate() {
            let word_w = em * size;
            if i > start && line_w + self.blank * size + word_w > width {
                breaks.push(start..i);
                start = i;
            }
            line_w = if i == start {
                word_w
            } else {
                line_w + self.blank * size + word_w
            };
        }
        if start < self.words.len() {
            breaks.push(start..self.words.len());
        }
        breaks
    }

    fn line(&self, range: std::ops::Range<usize>) -> String {
        self.words[range].join(" ")
    }
}

#[cfg(test)]
mod tests {
    use std::ops::Range;

    use crate::bidi::{direction_runs, main_direction};
    use std::process::Command;
    use std::time::Instant;

    use chrono::TimeZone;

    use super::*;
    use crate::image::ImageKind;

    fn sheet(holder: &str) -> CertificateSheet {
        CertificateSheet {
            language: "en".into(),
            title: "Certificate of completion".into(),
            holder: holder.into(),
            statement: "has completed the training".into(),
            course: "Occupational first aid: protocols for the workplace".into(),
            lines: vec![
                "15 hours attended of 15".into(),
                "12–14 March 2030 · In person, Sevilla".into(),
                "Accredited by Universidad de León: 1.5 ECTS credits".into(),
            ],
            issuer: "Universidad de León — Servicio de Formación Continua".into(),
            issued_line: "Issued on 21 March 2030".into(),
            number: "ULE-2026-000123".into(),
            verify_label: "Verify at".into(),
            verify_url: "https://aula.unileon.example/v/K7QX3MNP".into(),
            code_label: "Verification code".into(),
            code: "K7QX-3MNP-4T8W-ZR2C".into(),
            issued_at: chrono::Utc
                .with_ymd_and_hms(2030, 3, 21, 10, 30, 0)
                .single()
                .expect("date"),
            ..CertificateSheet::default()
        }
    }

    fn arabic_sheet() -> CertificateSheet {
        CertificateSheet {
            language: "ar".into(),
            holder: "فاطمة الزهراء بن علي".into(),
            ..sheet("")
        }
    }

    /// Runs `program` with `before`, the PDF (written to a temporary file),
    /// then `after`: whether it succeeded, and what it wrote. The tests that
    /// call it are ignored when the program is missing (`build.rs`), so here
    /// a missing program is a failure.
    fn run_tool(program: &str, before: &[&str], after: &[&str], pdf: &[u8], name: &str) -> (bool, String) {
        // One file per call: tests run in parallel threads of one process,
        // and two of them checking a "latin" sample must not share a path
        // (one removed the file the other was reading: CI, session 12).
        static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("aula-certificate-{name}-{}-{call}.pdf", std::process::id()));
        std::fs::write(&path, pdf).expect("write temporary pdf");
        let output = Command::new(program).args(before).arg(&path).args(after).output();
        let _ = std::fs::remove_file(&path);
        let output = output.unwrap_or_else(|error| panic!("{program} could not run: {error}"));
        (
            output.status.success(),
            format!(
                "{}{}",
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            ),
        )
    }

    fn pdftotext(pdf: &[u8], name: &str) -> String {
        let (ok, text) = run_tool("pdftotext", &["-enc", "UTF-8"], &["-"], pdf, name);
        assert!(ok, "pdftotext failed: {text}");
        text
    }

    fn is_pdf_a(pdf: &[u8]) -> bool {
        let text = String::from_utf8_lossy(pdf);
        text.contains("<pdfaid:part>2</pdfaid:part>")
            && text.contains("<pdfaid:conformance>A</pdfaid:conformance>")
            && text.contains("<pdfuaid:part>1</pdfuaid:part>")
    }

    // Measured on this 2-core machine (fonts parsed once per process
    // beforehand): 2.0 ms per certificate in a release build, about 36 ms in a
    // debug one; 37.7 KB for the Latin sample, 38.8 KB for the Arabic one
    // (two DejaVu Sans subsets, fonts and content compressed).
    /// Times `certificate(sheet)`: the size and the mean time of one.
    fn timed(sheet: &CertificateSheet) -> (Vec<u8>, std::time::Duration) {
        let pdf = certificate(sheet).expect("pdf");
        let runs = if cfg!(debug_assertions) { 5 } else { 200 };
        let started = Instant::now();
        for _ in 0..runs {
            certificate(sheet).expect("pdf");
        }
        (pdf, started.elapsed() / runs)
    }

    // Prints the time per certificate (`--nocapture`); the goal (300 PDFs/s
    // on one core) is measured in release by `aula bench certificates`, see
    // docs/BENCHMARKS.md. In a release build of this crate's tests on the
    // 2-core machine: see BENCHMARKS.md (plain, with the issuer's identity,
    // with a second and third page of outcomes).
    #[test]
    fn certificate_pdf_is_small_fast_and_pdf_a() {
        let (first, time) = timed(&sheet("Begoña Ibáñez"));
        eprintln!("plain: {} bytes, {time:?} per certificate", first.len());
        assert!(first.starts_with(b"%PDF-"));
        assert!(first.len() < 200 * 1024, "{} bytes", first.len());
        assert!(is_pdf_a(&first), "not marked PDF/A-2a and PDF/UA-1");
        std::fs::write("/tmp/certificate-en.pdf", &first).expect("write /tmp/certificate-en.pdf");
        // With the issuer's identity drawn: PNG and SVG logos, two SVG signatures.
        let identity = CertificateSheet {
            outcomes: Vec::new(),
            ..full_sheet("Begoña Ibáñez")
        };
        let (pdf, time) = timed(&identity);
        eprintln!("identity: {} bytes, {time:?} per certificate", pdf.len());
        assert!(is_pdf_a(&pdf), "not marked PDF/A-2a and PDF/UA-1");
        // And 24 outcomes: two more pages.
        let (pdf, time) = timed(&full_sheet("Begoña Ibáñez"));
        eprintln!("full: {} bytes, {time:?} per certificate", pdf.len());
        assert!(pdf.len() < 200 * 1024, "{} bytes", pdf.len());
        assert!(is_pdf_a(&pdf), "not marked PDF/A-2a and PDF/UA-1");
    }

    #[test]
    fn certificate_pdf_is_deterministic() {
        let sheet = sheet("Begoña Ibáñez");
        assert_eq!(certificate(&sheet).expect("pdf"), certificate(&sheet).expect("pdf"));
        let arabic = arabic_sheet();
        assert_eq!(certificate(&arabic).expect("pdf"), certificate(&arabic).expect("pdf"));
    }

    #[test]
    #[cfg_attr(
        not(aula_poppler),
        ignore = "needs poppler's pdftotext (poppler-utils), then `touch crates/documents/build.rs`"
    )]
    fn certificate_pdf_text_reads_back() {
        let pdf = certificate(&sheet("Begoña Ibáñez")).expect("pdf");
        let text = pdftotext(&pdf, "latin");
        for wanted in [
            "Certificate of completion",
            "Begoña Ibáñez",
            "ULE-2026-000123",
            "K7QX-3MNP-4T8W-ZR2C",
            "Universidad de León",
            "https://aula.unileon.example/v/K7QX3MNP",
        ] {
            assert!(text.contains(wanted), "{wanted:?} missing from:\n{text}");
        }
    }

    #[test]
    #[cfg_attr(
        not(aula_poppler),
        ignore = "needs poppler's pdftotext (poppler-utils), then `touch crates/documents/build.rs`"
    )]
    fn certificate_pdf_arabic_holder() {
        let pdf = certificate(&arabic_sheet()).expect("pdf");
        assert!(pdf.starts_with(b"%PDF-"));
        assert!(is_pdf_a(&pdf), "not marked PDF/A-2a and PDF/UA-1");
        std::fs::write("/tmp/certificate-ar.pdf", &pdf).expect("write /tmp/certificate-ar.pdf");
        let text = pdftotext(&pdf, "arabic");
        for letter in ['ف', 'ا', 'ط', 'م', 'ة', 'ل', 'ز', 'ه', 'ر', 'ء', 'ب', 'ن', 'ع', 'ي'] {
            assert!(text.contains(letter), "{letter:?} missing from:\n{text}");
        }
        assert!(text.contains("ULE-2026-000123"), "{text}");
    }

    #[test]
    #[cfg_attr(
        not(aula_poppler),
        ignore = "needs poppler's pdftotext (poppler-utils), then `touch crates/documents/build.rs`"
    )]
    fn certificate_pdf_all_arabic() {
        let sheet = CertificateSheet {
            title: "شهادة إتمام".into(),
            statement: "أتمّت الدورة التدريبية".into(),
            course: "الإسعافات الأولية في بيئة العمل".into(),
            lines: vec!["حضرت 15 ساعة من 15".into(), "12–14 مارس 2030 · حضوريًا، إشبيلية".into()],
            issuer: "جامعة ليون".into(),
            issued_line: "صدرت في 21 مارس 2030".into(),
            ..arabic_sheet()
        };
        let pdf = certificate(&sheet).expect("pdf");
        assert!(is_pdf_a(&pdf), "not marked PDF/A-2a and PDF/UA-1");
        std::fs::write("/tmp/certificate-ar-full.pdf", &pdf).expect("write /tmp/certificate-ar-full.pdf");
        let text = pdftotext(&pdf, "arabic-full");
        for wanted in ["15", "2030", "ULE-2026-000123"] {
            assert!(text.contains(wanted), "{wanted:?} missing from:\n{text}");
        }
    }

    /// What pikepdf (qpdf) reads in a PDF: its own structure check, the
    /// catalogue's marks, the fonts, the XMP identification, and the
    /// structure tree's elements in order (type, alternative or actual text).
    const PIKEPDF_REPORT: &str = r#"
import json, sys, pikepdf
pdf = pikepdf.open(sys.argv[1])
root = pdf.Root
def walk(node, out):
    if isinstance(node, pikepdf.Array):
        for kid in node:
            walk(kid, out)
    elif isinstance(node, pikepdf.Dictionary) and '/S' in node:
        out.append([str(node.S), str(node.get('/Alt', '')), str(node.get('/ActualText', ''))])
        if '/K' in node:
            walk(node.K, out)
elements = []
if '/StructTreeRoot' in root and '/K' in root.StructTreeRoot:
    walk(root.StructTreeRoot.K, elements)
descriptors = [o for o in pdf.objects if isinstance(o, pikepdf.Dictionary) and o.get('/Type') == '/FontDescriptor']
meta = pdf.open_metadata()
print(json.dumps({
    'problems': [str(p) for p in getattr(pdf, 'check_pdf_syntax', getattr(pdf, 'check', None))()],
    'marked': bool(root.get('/MarkInfo', {}).get('/Marked', False)),
    'struct_tree': '/StructTreeRoot' in root,
    'lang': str(root.get('/Lang', '')),
    'display_title': bool(root.get('/ViewerPreferences', {}).get('/DisplayDocTitle', False)),
    'pages': len(pdf.pages),
    'fonts': len(descriptors),
    'fonts_embedded': sum(1 for d in descriptors if any(k in d for k in ('/FontFile', '/FontFile2', '/FontFile3'))),
    'pdfa_part': meta.get('pdfaid:part'),
    'pdfa_conformance': meta.get('pdfaid:conformance'),
    'pdfua_part': meta.get('pdfuaid:part'),
    'title': meta.get('dc:title'),
    'elements': elements,
}))
"#;

    fn pikepdf_report(pdf: &[u8], name: &str) -> serde_json::Value {
        let python = option_env!("AULA_TEST_PYTHON").unwrap_or("python3");
        let (ok, output) = run_tool(python, &["-c", PIKEPDF_REPORT], &[], pdf, name);
        assert!(ok, "pikepdf failed on {name}: {output}");
        serde_json::from_str(&output).unwrap_or_else(|error| panic!("pikepdf's report for {name}: {error}: {output}"))
    }

    /// A sheet with everything an institution adds: logos (PNG and SVG),
    /// two signatories with signatures, address, website, outcomes enough
    /// for a second page.
    fn full_sheet(holder: &str) -> CertificateSheet {
        let png = crate::image::check_image(&crate::image::samples::png(120, 60), ImageKind::Png).expect("png");
        let svg = crate::image::check_image(crate::image::samples::SVG_LOGO.as_bytes(), ImageKind::Svg).expect("svg");
        let signature =
            crate::image::check_image(crate::image::samples::SVG_SIGNATURE.as_bytes(), ImageKind::Svg).expect("sig");
        CertificateSheet {
            issuer_address: "Avenida de la Facultad 25, 24004 León, España".into(),
            issuer_website: "www.unileon.example".into(),
            issuer_logo: Some(png),
            signatories: vec![
                Signatory {
                    name: "María Pérez Gómez".into(),
                    title: "Directora de Formación Continua".into(),
                    signature: Some(signature.clone()),
                },
                Signatory {
                    name: "Jorge Alonso".into(),
                    title: "Secretario académico".into(),
                    signature: Some(signature),
                },
            ],
            accreditor: Some(Accreditor {
                name: "Universidad de León".into(),
                logo: Some(svg),
            }),
            funded_by: "Funded by: European Social Fund Plus (ESF+) · Ministry of Equality".into(),
            funder_logos: vec![
                (
                    crate::image::check_image(&crate::image::samples::png(200, 40), ImageKind::Png).expect("png"),
                    "European Social Fund Plus (ESF+)".into(),
                ),
                (
                    crate::image::check_image(crate::image::samples::SVG_LOGO.as_bytes(), ImageKind::Svg).expect("svg"),
                    "Ministry of Equality".into(),
                ),
            ],
            outcomes_label: "Learning outcomes".into(),
            outcomes: (1..=24)
                .map(|n| {
                    format!(
                        "Outcome {n}: apply the workplace first-aid protocol to a realistic emergency, \
                         from raising the alarm to handing over to the emergency services"
                    )
                })
                .collect(),
            ..sheet(holder)
        }
    }

    fn assert_structure(pdf: &[u8], name: &str, language: &str, url: &str) {
        let report = pikepdf_report(pdf, name);
        assert_eq!(report["problems"], serde_json::json!([]), "{report:#}");
        assert_eq!(report["marked"], true, "/MarkInfo /Marked: {report:#}");
        assert_eq!(report["struct_tree"], true, "/StructTreeRoot: {report:#}");
        assert_eq!(report["lang"], language, "/Lang: {report:#}");
        assert_eq!(report["display_title"], true, "{report:#}");
        assert!(report["fonts"].as_u64() >= Some(1), "{report:#}");
        assert_eq!(
            report["fonts"], report["fonts_embedded"],
            "every font embedded: {report:#}"
        );
        assert_eq!(report["pdfa_part"], "2", "{report:#}");
        assert_eq!(report["pdfa_conformance"], "A", "{report:#}");
        assert_eq!(report["pdfua_part"], "1", "{report:#}");
        let elements = report["elements"].as_array().expect("elements");
        let types: Vec<&str> = elements.iter().filter_map(|e| e[0].as_str()).collect();
        let position = |wanted: &str| types.iter().position(|t| *t == wanted);
        assert!(
            position("/H1") < position("/P") && position("/P") < position("/H2"),
            "{types:?}"
        );
        // The QR code is a figure whose alternative text is the verification URL.
        assert!(
            elements.iter().any(|e| e[0] == "/Figure" && e[1] == url),
            "no QR figure: {elements:?}"
        );
        // No figure without alternative text.
        assert!(elements.iter().all(|e| e[0] != "/Figure" || e[1] != ""), "{elements:?}");
    }

    #[test]
    #[cfg_attr(
        not(aula_pikepdf),
        ignore = "needs Python with pikepdf (AULA_PYTHON=path/to/python), then `touch crates/documents/build.rs`"
    )]
    fn certificate_pdf_structure_checked_by_pikepdf() {
        let url = "https://aula.unileon.example/v/K7QX3MNP";
        for (name, sheet) in [
            ("latin", sheet("Begoña Ibáñez")),
            ("arabic", arabic_sheet()),
            ("full", full_sheet("Begoña Ibáñez")),
        ] {
            let pdf = certificate(&sheet).expect("pdf");
            assert_structure(&pdf, name, &sheet.language, url);
        }
        // The full one: logos and signatures as figures named by their alternative texts, the outcomes a list.
        let pdf = certificate(&full_sheet("Begoña Ibáñez")).expect("pdf");
        std::fs::write("/tmp/certificate-full.pdf", &pdf).expect("write /tmp/certificate-full.pdf");
        let report = pikepdf_report(&pdf, "full-again");
        assert!(report["pages"].as_u64() >= Some(2), "{report:#}");
        let elements = report["elements"].as_array().expect("elements");
        for alt in [
            "Universidad de León — Servicio de Formación Continua",
            "Universidad de León",
            "María Pérez Gómez",
            "Jorge Alonso",
        ] {
            assert!(
                elements.iter().any(|e| e[0] == "/Figure" && e[1] == alt),
                "{alt}: {elements:?}"
            );
        }
        assert_eq!(elements.iter().filter(|e| e[0] == "/LI").count(), 24, "{elements:?}");
        // Arabic text drawn in visual order is read from the structure in logical order.
        let pdf = certificate(&arabic_sheet()).expect("pdf");
        let report = pikepdf_report(&pdf, "arabic-actual");
        assert!(
            report["elements"]
                .as_array()
                .expect("elements")
                .iter()
                .any(|e| e[0] == "/P" && e[2] == "فاطمة الزهراء بن علي"),
            "{report:#}"
        );
    }

    /// Where each of `wanted` first appears in `text`, in that order.
    fn assert_in_order(text: &str, wanted: &[&str]) {
        let positions: Vec<Option<usize>> = wanted.iter().map(|w| text.find(w)).collect();
        assert!(positions.iter().all(Option::is_some), "{wanted:?} not all in:\n{text}");
        assert!(
            positions.windows(2).all(|pair| pair[0] < pair[1]),
            "{wanted:?} out of order ({positions:?}) in:\n{text}"
        );
    }

    #[test]
    #[cfg_attr(
        not(aula_poppler),
        ignore = "needs poppler's pdftotext (poppler-utils), then `touch crates/documents/build.rs`"
    )]
    fn certificate_pdf_reads_in_order_with_pdftotext() {
        let order = |holder: &'static str| {
            vec![
                "Certificate of completion",
                holder,
                "has completed the training",
                "Occupational first aid",
                "15 hours attended of 15",
                "ULE-2026-000123",
            ]
        };
        let text = pdftotext(&certificate(&full_sheet("Begoña Ibáñez")).expect("pdf"), "order-latin");
        assert_in_order(&text, &order("Begoña Ibáñez"));
        assert_in_order(
            &text,
            &["ULE-2026-000123", "Learning outcomes", "Outcome 1:", "Outcome 2:"],
        );
        assert_in_order(&text, &["María Pérez Gómez", "Directora de Formación Continua"]);
        // The funders (issue 20), on the first page, after its verification block.
        assert_in_order(
            &text,
            &[
                "ULE-2026-000123",
                "Funded by: European Social Fund Plus (ESF+) · Ministry of Equality",
                "Learning outcomes",
            ],
        );
        // The Arabic name reads in logical order, in its place.
        let text = pdftotext(&certificate(&arabic_sheet()).expect("pdf"), "order-arabic");
        assert_in_order(&text, &order("فاطمة الزهراء بن علي"));
        let mut arabic = full_sheet("فاطمة الزهراء بن علي");
        arabic.language = "ar".into();
        let text = pdftotext(&certificate(&arabic).expect("pdf"), "order-arabic-full");
        assert_in_order(&text, &order("فاطمة الزهراء بن علي"));
    }

    #[test]
    fn certificate_pdf_qr_code_decodes() {
        // An independent reader (rqrr) reads the fixed-mask code back, at every size a URL may need.
        for url in [
            "https://aula.unileon.example/v/K7QX3MNP",
            "https://formacion.example.org/verify/K7QX-3MNP-4T8W-ZR2C",
            &format!(
                "https://a-much-longer-host-name.formacion.example.org/verify/{}",
                "K7QX-3MNP-".repeat(12)
            ),
        ] {
            let qr = qr_modules(url).expect("qr").expect("some");
            let (scale, quiet) = (4, 4);
            let side = (qr.width + 2 * quiet) * scale;
            let mut image = rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| {
                let (x, y) = ((x / scale).wrapping_sub(quiet), (y / scale).wrapping_sub(quiet));
                let dark = x < qr.width && y < qr.width && qr.dark[y * qr.width + x];
                if dark { 0 } else { 255 }
            });
            let grids = image.detect_grids();
            assert_eq!(grids.len(), 1, "{url}");
            let (_, content) = grids[0].decode().expect("decodes");
            assert_eq!(content, url);
        }
    }

    #[test]
    fn certificate_pdf_arabic_is_shaped_right_to_left() {
        let fonts = FONTS.as_ref().expect("fonts");
        let face = &fonts.bold;
        let text = "فاطمة";
        let line = shape(face, text.to_owned(), 10.0);
        // Joined forms: no glyph is the isolated form of its letter.
        let isolated = |c: char| {
            face.shaper
                .glyph_index(c)
                .map(|glyph| glyph.0)
                .expect("letter in the font")
        };
        assert_eq!(line.glyphs.len(), 5);
        // Visual order: the first letter (ف, initial form) is drawn last, on the right.
        let first = line.glyphs.last().expect("glyph");
        assert_eq!(first.text_range, 0..'ف'.len_utf8());
        assert_ne!(first.glyph_id.to_u32(), u32::from(isolated('ف')));
        assert_ne!(line.glyphs[1].glyph_id.to_u32(), u32::from(isolated('م')));
        // Every byte of the text is covered by some glyph.
        let mut covered: Vec<Range<usize>> = line.glyphs.iter().map(|g| g.text_range.clone()).collect();
        covered.sort_by_key(|range| range.start);
        assert_eq!(covered.first().map(|r| r.start), Some(0));
        assert_eq!(covered.last().map(|r| r.end), Some(text.len()));
    }

    /// Issue 16's attack round: a details line of an English certificate
    /// naming a place in Arabic turned around, the English words to the right.
    #[test]
    fn issue_16_a_composed_line_keeps_the_certificate_s_direction() {
        let fonts = FONTS.as_ref().expect("fonts");
        let text = "2 November 2026 · In person, مركز الثقافة العربية في إشبيلية";
        assert_eq!(main_direction(text), Direction::RightToLeft, "more Arabic letters");
        let first_glyph = |line: &Line| line.glyphs.first().map(|g| g.text_range.start);
        let own = shape(&fonts.regular, text.to_owned(), 10.0);
        assert_ne!(first_glyph(&own), Some(0));
        let english = CertificateSheet {
            language: "en".into(),
            ..Default::default()
        };
        let composed = fit_line_in(&fonts.regular, text, 10.0, CONTENT_W, Some(english.direction())).expect("line");
        assert_eq!(first_glyph(&composed), Some(0), "the English words first, on the left");
        let arabic = CertificateSheet {
            language: "ar".into(),
            ..Default::default()
        };
        assert_eq!(arabic.direction(), Direction::RightToLeft);
    }

    #[test]
    fn certificate_pdf_direction_runs() {
        let ltr = Direction::LeftToRight;
        let rtl = Direction::RightToLeft;
        assert_eq!(main_direction("Begoña Ibáñez"), ltr);
        assert_eq!(main_direction("فاطمة الزهراء بن علي"), rtl);
        assert_eq!(
            direction_runs("Begoña Ibáñez", ltr),
            vec![(0.."Begoña Ibáñez".len(), ltr)]
        );
        // Digits stay left to right inside Arabic, the blank between takes the line's direction.
        let text = "15 ساعة";
        assert_eq!(main_direction(text), rtl);
        assert_eq!(direction_runs(text, rtl), vec![(0..2, ltr), (2..text.len(), rtl)]);
        // An Arabic name inside a Latin line keeps the blank between its words.
        let text = "Dr. فاطمة علي (Sevilla)";
        let runs = direction_runs(text, main_direction(text));
        let arabic_start = text.find('ف').expect("start");
        let arabic_end = text.find(" (").expect("end");
        assert!(runs.contains(&(arabic_start..arabic_end, rtl)), "{runs:?}");
    }

    #[test]
    fn issue_20_a_long_funders_line_wraps_rather_than_shrinking_out_of_reading() {
        let fonts = FONTS.as_ref().expect("fonts");
        let funders = "Financé par : Fonds social européen plus (FSE+) · Ministère de l'Égalité · \
                       Région Auvergne-Rhône-Alpes · Métropole de Lyon · Ville de Villeurbanne · \
                       Fondation de France";
        let width = CONTENT_W - 2.0 * (FUNDER_LOGO_W + FUNDER_LOGO_GAP);
        // On one line it would be shrunk by a quarter (to 6.5 pt); on two,
        // it keeps the label's size.
        let one = fit_line(&fonts.regular, funders, LABEL_SIZE, width).expect("line");
        assert!(one.size < LABEL_SIZE * 0.8, "{}", one.size);
        let lines = fit_block(&fonts.regular, funders, LABEL_SIZE, width, FUNDED_BY_MAX_LINES);
        assert_eq!(lines.len(), 2);
        assert!(lines.iter().all(|l| l.width() <= width && l.size == LABEL_SIZE));
        let words: Vec<&str> = lines.iter().flat_map(|l| l.text.split(' ')).collect();
        assert_eq!(words.join(" "), clean(funders));
        // Both lines lie between the QR code (190 mm) and the inner frame
        // (199.5 mm), the second's descenders too.
        let step = lines[0].size * LEADING;
        let (first, second) = (FUNDED_BY_BASELINE - step / 2.0, FUNDED_BY_BASELINE + step / 2.0);
        assert!(first - lines[0].size * 0.8 > 190.0 * MM, "{}", first / MM);
        assert!(second + lines[1].size * 0.25 < 199.5 * MM, "{}", second / MM);

        let mut sheet = full_sheet("Begoña Ibáñez");
        sheet.funded_by = funders.into();
        let text = pdftotext(&certificate(&sheet).expect("pdf"), "funders-wrapped");
        assert!(text.contains("Fonds social européen plus"), "{text}");
        assert!(text.contains("Fondation de France"), "{text}");
    }

    #[test]
    fn certificate_pdf_long_texts_fit() {
        let fonts = FONTS.as_ref().expect("fonts");
        let long = "Maximiliano Sebastián de la Santísima Trinidad Fernández-Villaverde y Ortega de los Monteros";
        let line = fit_line(&fonts.bold, long, HOLDER_SIZE, CONTENT_W).expect("line");
        assert!(line.width() <= CONTENT_W && line.size < HOLDER_SIZE);
        assert_eq!(line.text, long);

        let course = "Prevención de riesgos laborales en centros sanitarios: actualización de protocolos, \
                      gestión de emergencias y primeros auxilios avanzados para personal no sanitario";
        let lines = fit_block(&fonts.bold, course, COURSE_SIZE, CONTENT_W, COURSE_MAX_LINES);
        assert!(lines.len() <= COURSE_MAX_LINES && !lines.is_empty());
        assert!(lines.iter().all(|line| line.width() <= CONTENT_W));
        let words: Vec<&str> = lines.iter().flat_map(|line| line.text.split(' ')).collect();
        assert_eq!(words.join(" "), clean(course));

        // The wrapping measures words alone: a line shaped whole is as wide
        // as its words and blanks, in Latin and in Arabic (letters join
        // within a word only), to a hundredth of a point.
        for text in [course, "تدريب المندوبين النقابيين على الوساطة في أماكن العمل العامة"]
        {
            let text = clean(text);
            let words = Words::measure(&fonts.bold, &text);
            let measured = words.ems.iter().sum::<f32>() + words.blank * (words.len() - 1) as f32;
            let whole = shape(&fonts.bold, text.clone(), 1.0).width();
            assert!(
                (measured - whole).abs() * COURSE_SIZE < 0.01,
                "{text}: {measured} ≠ {whole}"
            );
        }

        let short = fit_block(&fonts.bold, "First aid", COURSE_SIZE, CONTENT_W, 2);
        assert_eq!(short.len(), 1);
        assert_eq!(short[0].size, COURSE_SIZE);
        assert!(fit_block(&fonts.bold, "  ", COURSE_SIZE, CONTENT_W, 2).is_empty());
        assert!(fit_line(&fonts.bold, "", COURSE_SIZE, CONTENT_W).is_none());

        // A very long everything still makes a PDF.
        let mut sheet = sheet(long);
        sheet.course = course.repeat(3);
        sheet.lines = (0..12).map(|i| format!("{i} · {}", course)).collect();
        let pdf = certificate(&sheet).expect("pdf");
        assert!(pdf.starts_with(b"%PDF-"));
    }

    #[test]
    fn certificate_pdf_uncovered_characters_fall_back_to_plain_pdf() {
        // CJK is not in DejaVu Sans: PDF/A refuses the blank glyph, the
        // certificate is still written.
        let pdf = certificate(&sheet("山田 太郎")).expect("pdf");
        assert!(pdf.starts_with(b"%PDF-"));
        assert!(!is_pdf_a(&pdf));
    }
}
