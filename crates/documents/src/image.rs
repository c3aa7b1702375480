//! Images drawn on documents (an organisation's logo, a signature): checked
//! once, when they are uploaded, then drawn as often as needed.
//!
//! [`check_image`] takes the uploaded bytes and what the uploader says they
//! are (PNG or SVG) and either refuses them with an [`ImageError`] the caller
//! can translate, or returns an [`Image`]: decoded and compressed once (a
//! PNG) or parsed once (an SVG), cheap to clone and to draw on every
//! certificate.
//!
//! What is refused:
//! - an empty file, or one over [`MAX_IMAGE_BYTES`];
//! - a file that is not what it claims to be (not a PNG, not well-formed SVG,
//!   an SVG with a document type declaration, which is where entity bombs
//!   and external entities live);
//! - a picture wider or taller than [`MAX_IMAGE_SIDE`] pixels (a PNG; for an
//!   SVG, user units), or an SVG of more than [`MAX_SVG_ELEMENTS`] elements,
//!   which would slow every certificate down;
//! - an SVG with a `<script>`, an event attribute (`onload`, `onclick`, ...),
//!   a `<foreignObject>` (HTML inside SVG), or a reference to anything outside
//!   the file: an `href` or a CSS `url(...)` must point inside the file (`#id`)
//!   or hold an embedded PNG, JPEG, GIF or WebP picture (`data:image/png;...`);
//!   CSS `@import` is refused too. These are [`aula_domain::svg`]'s rules,
//!   the ones an organisation's logo is checked by for the browser.

use std::sync::Arc;

use aula_domain::svg::SvgRefusal;
use krilla::geom::Size;

/// The largest file accepted: 512 KiB.
pub const MAX_IMAGE_BYTES: usize = 512 * 1024;
/// The widest or tallest picture accepted, in pixels (a PNG) or user units (an SVG).
pub const MAX_IMAGE_SIDE: u32 = 2048;
/// The most elements an SVG may have.
pub const MAX_SVG_ELEMENTS: usize = aula_domain::svg::MAX_SVG_ELEMENTS;

/// What an uploaded image is said to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImageKind {
    Png,
    Svg,
}

impl ImageKind {
    /// From a media type (`image/png`, `image/svg+xml`), parameters ignored.
    pub fn from_media_type(media_type: &str) -> Option<Self> {
        let essence = media_type.split(';').next().unwrap_or("").trim();
        if essence.eq_ignore_ascii_case("image/png") {
            Some(Self::Png)
        } else if essence.eq_ignore_ascii_case("image/svg+xml") {
            Some(Self::Svg)
        } else {
            None
        }
    }

    /// The media type to serve the image with.
    pub fn media_type(self) -> &'static str {
        match self {
            Self::Png => "image/png",
            Self::Svg => "image/svg+xml",
        }
    }

    /// A guess from the first bytes: PNG's signature, or text starting like XML or SVG.
    pub fn sniff(bytes: &[u8]) -> Option<Self> {
        if bytes.starts_with(PNG_SIGNATURE) {
            return Some(Self::Png);
        }
        let text = std::str::from_utf8(bytes.get(..bytes.len().min(1024))?).ok()?;
        let text = text.trim_start_matches('\u{feff}').trim_start();
        (text.starts_with("<?xml") || text.starts_with("<svg") || text.starts_with("<!--")).then_some(Self::Svg)
    }
}

/// Why an image was refused. Each variant is meant to be translated for the
/// person who uploaded it; the English texts here are for logs.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImageError {
    /// The file is empty.
    #[error("the file is empty")]
    Empty,
    /// The file is larger than `limit` bytes.
    #[error("the file is {size} bytes, more than the {limit} allowed")]
    TooLarge { size: usize, limit: usize },
    /// Not a PNG image (said to be one).
    #[error("the file is not a PNG image")]
    NotPng,
    /// Not a well-formed SVG image (said to be one), or one with a document type declaration.
    #[error("the file is not an SVG image")]
    NotSvg,
    /// Wider or taller than `limit` pixels (or, for an SVG, user units), or of no size at all.
    #[error("the image is {width}×{height}, more than {limit} on a side or empty")]
    BadDimensions { width: u32, height: u32, limit: u32 },
    /// An SVG with more than `limit` elements.
    #[error("the SVG image has {elements} elements, more than the {limit} allowed")]
    TooComplex { elements: usize, limit: usize },
    /// An SVG with a `<script>` element (or an animation that sets a link or an event handler).
    #[error("the SVG image contains a script")]
    Script,
    /// An SVG with an event attribute, e.g. `onload`.
    #[error("the SVG image has an event attribute ({0})")]
    EventAttribute(String),
    /// An SVG with a `<foreignObject>` element.
    #[error("the SVG image embeds foreign content (foreignObject)")]
    ForeignObject,
    /// An SVG that refers to something outside the file (the reference,
    /// cut to 100 characters): an `href` or CSS `url()` that is neither a
    /// `#fragment` nor an embedded raster picture, or a CSS `@import`.
    #[error("the SVG image refers to something outside the file ({0})")]
    ExternalReference(String),
    /// An SVG whose elements nest more than `limit` deep.
    #[error("the SVG image nests its elements more than {limit} deep")]
    TooDeep { limit: usize },
    /// An SVG embedding a picture that cannot be read, or pictures of more
    /// than `side`² pixels together.
    #[error("the SVG image embeds an unreadable picture, or pictures of more than {side}×{side} pixels together")]
    EmbeddedPicture { side: u32 },
}

impl From<SvgRefusal> for ImageError {
    fn from(refusal: SvgRefusal) -> Self {
        match refusal {
            SvgRefusal::NotSvg => ImageError::NotSvg,
            SvgRefusal::TooComplex { elements, limit } => ImageError::TooComplex { elements, limit },
            SvgRefusal::Script => ImageError::Script,
            SvgRefusal::EventAttribute(name) => ImageError::EventAttribute(name),
            SvgRefusal::ForeignObject => ImageError::ForeignObject,
            SvgRefusal::ExternalReference(reference) => ImageError::ExternalReference(reference),
            SvgRefusal::TooDeep { limit } => ImageError::TooDeep { limit },
            SvgRefusal::EmbeddedPicture { side } => ImageError::EmbeddedPicture { side },
        }
    }
}

/// A checked image, ready to draw. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Image {
    kind: ImageKind,
    width: f32,
    height: f32,
    repr: Repr,
}

#[derive(Clone, Debug)]
enum Repr {
    Raster(krilla::image::Image),
    Svg(Arc<usvg::Tree>),
}

impl Image {
    pub fn kind(&self) -> ImageKind {
        self.kind
    }

    /// Width and height, in pixels (PNG) or user units (SVG).
    pub fn size(&self) -> (f32, f32) {
        (self.width, self.height)
    }

    /// Draws the image at the surface's origin, `size` points large.
    pub(crate) fn draw(&self, surface: &mut krilla::surface::Surface<'_>, size: Size) {
        match &self.repr {
            Repr::Raster(image) => surface.draw_image(image.clone(), size),
            Repr::Svg(tree) => {
                use krilla_svg::SurfaceExt;
                let settings = krilla_svg::SvgSettings {
                    // Text as outlines: no further font to embed.
                    embed_text: false,
                    ..krilla_svg::SvgSettings::default()
                };
                let _ = surface.draw_svg(tree, size, settings);
            }
        }
    }
}

/// Images checked once and kept by a key that names their bytes for ever
/// (their SHA-256: certificates keep pictures by hash, issue 19), so a
/// picture drawn on many certificates is parsed and decoded once per
/// process, not once per PDF. A picture that fails the check is kept as
/// such (`None`), so it is not checked again either. At most
/// [`CACHE_ENTRIES`] pictures are kept; past that, the cache starts afresh.
static CACHE: std::sync::LazyLock<std::sync::Mutex<std::collections::HashMap<String, Option<Image>>>> =
    std::sync::LazyLock::new(Default::default);

/// How many checked pictures [`cached`] keeps.
pub const CACHE_ENTRIES: usize = 512;

/// The picture kept under `key`: `None` if it was never checked, `Some(None)`
/// if it failed the check.
pub fn cached(key: &str) -> Option<Option<Image>> {
    CACHE.lock().ok()?.get(key).cloned()
}

/// Checks `bytes` (of media type `media_type`) and keeps the outcome under
/// `key`, which must name these bytes for ever (a content hash).
pub fn check_and_keep(key: &str, bytes: &[u8], media_type: &str) -> Option<Image> {
    let image = ImageKind::from_media_type(media_type).and_then(|kind| match check_image(bytes, kind) {
        Ok(image) => Some(image),
        Err(error) => {
            tracing::warn!(%key, %error, "a kept picture no longer passes the check; not drawn");
            None
        }
    });
    if let Ok(mut cache) = CACHE.lock() {
        if cache.len() >= CACHE_ENTRIES {
            cache.clear();
        }
        cache.insert(key.to_owned(), image.clone());
    }
    image
}

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// Checks an uploaded image said to be of `kind`; see the module's documentation for what is refused.
pub fn check_image(bytes: &[u8], kind: ImageKind) -> Result<Image, ImageError> {
    if bytes.is_empty() {
        return Err(ImageError::Empty);
    }
    if bytes.len() > MAX_IMAGE_BYTES {
        return Err(ImageError::TooLarge {
            size: bytes.len(),
            limit: MAX_IMAGE_BYTES,
        });
    }
    match kind {
        ImageKind::Png => check_png(bytes),
        ImageKind::Svg => check_svg(bytes),
    }
}

fn dimensions(width: u32, height: u32) -> Result<(), ImageError> {
    if width == 0 || height == 0 || width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE {
        return Err(ImageError::BadDimensions {
            width,
            height,
            limit: MAX_IMAGE_SIDE,
        });
    }
    Ok(())
}

fn check_png(bytes: &[u8]) -> Result<Image, ImageError> {
    // The signature, then the IHDR chunk: length, "IHDR", width, height. The
    // size is checked before anything is decompressed.
    if !bytes.starts_with(PNG_SIGNATURE) || bytes.get(12..16) != Some(b"IHDR") {
        return Err(ImageError::NotPng);
    }
    let be = |range: std::ops::Range<usize>| -> Result<u32, ImageError> {
        let word: [u8; 4] = bytes
            .get(range)
            .and_then(|slice| slice.try_into().ok())
            .ok_or(ImageError::NotPng)?;
        Ok(u32::from_be_bytes(word))
    };
    let (width, height) = (be(16..20)?, be(20..24)?);
    dimensions(width, height)?;
    // Decoded (and compressed again for PDF) here, once: krilla does it
    // when the image is made (no `rayon` feature).
    let image = krilla::image::Image::from_png(bytes.to_vec().into(), false).map_err(|_| ImageError::NotPng)?;
    // krilla keeps a decoding error for the PDF it would be drawn in; decode
    // here too, so that a broken PNG is refused now rather than there.
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND);
    let decoded = decoder.read_info().ok().is_some_and(|mut reader| {
        let mut buffer = vec![0; reader.output_buffer_size().unwrap_or(0)];
        reader.next_frame(&mut buffer).is_ok()
    });
    if !decoded {
        return Err(ImageError::NotPng);
    }
    Ok(Image {
        kind: ImageKind::Png,
        width: width as f32,
        height: height as f32,
        repr: Repr::Raster(image),
    })
}

fn check_svg(bytes: &[u8]) -> Result<Image, ImageError> {
    aula_domain::svg::check(bytes)?;
    // Nothing outside the file is read (the check refused references), and
    // text in a logo is laid out with the documents' own font.
    let mut options = usvg::Options {
        resources_dir: None,
        font_family: "DejaVu Sans".to_owned(),
        ..usvg::Options::default()
    };
    crate::fonts::load_into(options.fontdb_mut());
    // A drawing of no size (`width="0"`, a negative one) is said to be
    // that, not "not an SVG" (session 27's attack round), as a PNG's is.
    let tree = usvg::Tree::from_data(bytes, &options).map_err(|error| match error {
        usvg::Error::InvalidSize => ImageError::BadDimensions {
            width: 0,
            height: 0,
            limit: MAX_IMAGE_SIDE,
        },
        _ => ImageError::NotSvg,
    })?;
    let size = tree.size();
    let side = |value: f32| {
        if value.is_finite() {
            value.ceil() as u32
        } else {
            u32::MAX
        }
    };
    dimensions(side(size.width()), side(size.height()))?;
    Ok(Image {
        kind: ImageKind::Svg,
        width: size.width(),
        height: size.height(),
        repr: Repr::Svg(Arc::new(tree)),
    })
}

/// Sample images for the tests of this crate.
#[cfg(test)]
pub(crate) mod samples {
    /// A `width` × `height` RGBA PNG: a blue to gold gradient.
    pub(crate) fn png(width: u32, height: u32) -> Vec<u8> {
        let mut bytes = Vec::new();
        {
            let mut encoder = png::Encoder::new(&mut bytes, width, height);
            encoder.set_color(png::ColorType::Rgba);
            encoder.set_depth(png::BitDepth::Eight);
            let mut writer = encoder.write_header().expect("png header");
            let pixels: Vec<u8> = (0..width * height)
                .flat_map(|i| {
                    let x = (i % width) as f32 / width.max(1) as f32;
                    [
                        (24.0 + 152.0 * x) as u8,
                        (50.0 + 91.0 * x) as u8,
                        (94.0 - 7.0 * x) as u8,
                        255,
                    ]
                })
                .collect();
            writer.write_image_data(&pixels).expect("png data");
        }
        bytes
    }

    /// A small SVG logo: a shield, a ring and a word.
    pub(crate) const SVG_LOGO: &str = r##"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="100" viewBox="0 0 200 100">
  <defs><linearGradient id="g"><stop offset="0" stop-color="#18325e"/><stop offset="1" stop-color="#b08d57"/></linearGradient></defs>
  <path d="M10 10 h60 v40 q0 30 -30 45 q-30 -15 -30 -45 z" fill="url(#g)"/>
  <circle cx="40" cy="40" r="14" fill="none" stroke="#fff" stroke-width="4"/>
  <use xlink:href="#r" x="0" y="0"/>
  <rect id="r" x="85" y="70" width="100" height="4" fill="#b08d57"/>
  <text x="85" y="55" font-size="28" fill="#18325e">ULE</text>
</svg>"##;

    /// A signature: one stroke.
    pub(crate) const SVG_SIGNATURE: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="300" height="80" viewBox="0 0 300 80">
  <path d="M10 60 C 40 0, 70 90, 100 40 S 160 10, 190 50 S 250 70, 290 20" fill="none" stroke="#1b2a4a" stroke-width="3" stroke-linecap="round"/>
</svg>"##;
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::samples::{SVG_LOGO, SVG_SIGNATURE, png};
    use super::*;

    fn svg(body: &str) -> String {
        format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">{body}</svg>"#
        )
    }

    fn refused(body: &str) -> ImageError {
        check_image(svg(body).as_bytes(), ImageKind::Svg).expect_err(body)
    }

    #[test]
    fn images_good_ones_pass() {
        let logo = check_image(&png(64, 32), ImageKind::Png).expect("png");
        assert_eq!((logo.kind(), logo.size()), (ImageKind::Png, (64.0, 32.0)));
        let logo = check_image(SVG_LOGO.as_bytes(), ImageKind::Svg).expect("svg");
        assert_eq!((logo.kind(), logo.size()), (ImageKind::Svg, (200.0, 100.0)));
        check_image(SVG_SIGNATURE.as_bytes(), ImageKind::Svg).expect("signature");
        // Inside references and embedded raster pictures are fine.
        check_image(
            svg(r##"<rect id="a" width="1" height="1"/><use href="#a"/>"##).as_bytes(),
            ImageKind::Svg,
        )
        .expect("#");
        // A 1 × 1 PNG: an embedded picture's size is read from its header.
        let embedded = svg(
            r#"<image width="1" height="1" href="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="/>"#,
        );
        check_image(embedded.as_bytes(), ImageKind::Svg).expect("data:");
        assert_eq!(ImageKind::sniff(&png(2, 2)), Some(ImageKind::Png));
        assert_eq!(ImageKind::sniff(SVG_LOGO.as_bytes()), Some(ImageKind::Svg));
        assert_eq!(
            ImageKind::from_media_type("image/svg+xml; charset=utf-8"),
            Some(ImageKind::Svg)
        );
        assert_eq!(ImageKind::from_media_type("image/gif"), None);
    }

    #[test]
    fn images_that_are_not_images_are_refused() {
        assert_eq!(check_image(b"", ImageKind::Png).unwrap_err(), ImageError::Empty);
        assert_eq!(
            check_image(b"hello, world", ImageKind::Png).unwrap_err(),
            ImageError::NotPng
        );
        assert_eq!(
            check_image(b"hello, world", ImageKind::Svg).unwrap_err(),
            ImageError::NotSvg
        );
        assert_eq!(
            check_image(SVG_LOGO.as_bytes(), ImageKind::Png).unwrap_err(),
            ImageError::NotPng
        );
        assert_eq!(check_image(&png(4, 4), ImageKind::Svg).unwrap_err(), ImageError::NotSvg);
        assert_eq!(
            check_image(b"<html><body/></html>", ImageKind::Svg).unwrap_err(),
            ImageError::NotSvg
        );
        // A PNG cut short: the header is fine, the pixels are missing.
        let cut_short = png(64, 64);
        assert_eq!(
            check_image(&cut_short[..60], ImageKind::Png).unwrap_err(),
            ImageError::NotPng
        );
        // A drawing of no size is told so, not "not an SVG".
        for size in [r#"width="0" height="10""#, r#"width="-5" height="10""#] {
            let svg = format!(r#"<svg xmlns="http://www.w3.org/2000/svg" {size}><rect width="1" height="1"/></svg>"#);
            assert_eq!(
                check_image(svg.as_bytes(), ImageKind::Svg).unwrap_err(),
                ImageError::BadDimensions {
                    width: 0,
                    height: 0,
                    limit: MAX_IMAGE_SIDE
                },
                "{size}"
            );
        }
        // Entities (and so entity bombs and external entities) are refused.
        let entity = r#"<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>"#;
        assert_eq!(
            check_image(entity.as_bytes(), ImageKind::Svg).unwrap_err(),
            ImageError::NotSvg
        );
    }

    #[test]
    fn images_too_large_are_refused() {
        let mut big = png(8, 8);
        big.resize(MAX_IMAGE_BYTES + 1, 0);
        assert_eq!(
            check_image(&big, ImageKind::Png).unwrap_err(),
            ImageError::TooLarge {
                size: MAX_IMAGE_BYTES + 1,
                limit: MAX_IMAGE_BYTES
            }
        );
        // Checked from the header, before anything is decompressed.
        let wide = png(MAX_IMAGE_SIDE + 1, 1);
        assert!(matches!(
            check_image(&wide, ImageKind::Png),
            Err(ImageError::BadDimensions { .. })
        ));
        let huge = r#"<svg xmlns="http://www.w3.org/2000/svg" width="100000" height="10"/>"#;
        assert!(matches!(
            check_image(huge.as_bytes(), ImageKind::Svg),
            Err(ImageError::BadDimensions { .. })
        ));
        let many = svg(&"<rect width=\"1\" height=\"1\"/>".repeat(MAX_SVG_ELEMENTS + 1));
        assert!(matches!(
            check_image(many.as_bytes(), ImageKind::Svg),
            Err(ImageError::TooComplex { .. })
        ));
    }

    #[test]
    fn images_svg_scripts_and_references_are_refused() {
        assert_eq!(refused("<script>alert(1)</script>"), ImageError::Script);
        assert_eq!(
            refused(r#"<script xlink:href="data:text/javascript,alert(1)"/>"#),
            ImageError::Script
        );
        assert_eq!(
            refused(r#"<a><set attributeName="href" to="javascript:alert(1)"/></a>"#),
            ImageError::Script
        );
        assert_eq!(
            check_image(
                br#"<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>"#,
                ImageKind::Svg
            )
            .unwrap_err(),
            ImageError::EventAttribute("onload".into())
        );
        assert_eq!(
            refused(r#"<rect width="1" height="1" onClick="alert(1)"/>"#),
            ImageError::EventAttribute("onClick".into())
        );
        assert_eq!(
            refused(r#"<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>"#),
            ImageError::ForeignObject
        );
        assert_eq!(
            refused(r#"<image width="1" height="1" xlink:href="https://tracker.example/p.png"/>"#),
            ImageError::ExternalReference("https://tracker.example/p.png".into())
        );
        assert_eq!(
            refused(r#"<image width="1" height="1" href="file:///etc/passwd"/>"#),
            ImageError::ExternalReference("file:///etc/passwd".into())
        );
        assert_eq!(
            refused(r#"<a href="javascript:alert(1)"><rect width="1" height="1"/></a>"#),
            ImageError::ExternalReference("javascript:alert(1)".into())
        );
        assert_eq!(
            refused(r#"<image width="1" height="1" href="data:image/svg+xml;base64,PHN2Zz4="/>"#),
            ImageError::ExternalReference("data:image/svg+xml;base64,PHN2Zz4=".into())
        );
        assert_eq!(
            refused(r#"<rect width="1" height="1" style="fill: url('https://x.example/f.svg#p')"/>"#),
            ImageError::ExternalReference("'https://x.example/f.svg#p'".into())
        );
        assert_eq!(
            refused(r#"<style>@import url(https://x.example/a.css);</style>"#),
            ImageError::ExternalReference("@import".into())
        );
        assert_eq!(
            refused(r#"<style><![CDATA[rect { fill: url(http://x.example/p) }]]></style>"#),
            ImageError::ExternalReference("http://x.example/p".into())
        );
    }
}
