//! What an uploaded SVG picture (an organisation's logo, a signature) may
//! hold: one rule for the browser that shows it and the PDF that draws it
//! (`aula_documents::image`), so a picture accepted for one is accepted for
//! the other.
//!
//! Refused: a file that is not well-formed SVG (or holds a document type
//! declaration, which is where entity bombs and external entities live),
//! more than [`MAX_SVG_ELEMENTS`] elements, anything a browser would run
//! (`<script>`, SVG Tiny's `<handler>`/`<listener>`, an event attribute
//! `on…`, an animation that sets a link or a handler, CSS `expression()`),
//! foreign content (`<foreignObject>`, `<iframe>`, `<embed>`, `<object>`),
//! and any reference outside the file: an `href`/`src` or CSS `url(...)`
//! must point inside it (`#id`) or hold an embedded PNG, JPEG, GIF or WebP
//! picture (`data:image/png;...`); CSS `@import`, CSS escapes (which could
//! spell either) and processing instructions (`<?xml-stylesheet?>`) are
//! refused too. Parsing bytes is no I/O: nothing is fetched, only read.
//!
//! Refused also, because drawing them would take the server down: elements
//! nested more than [`MAX_SVG_DEPTH`] deep (drawing walks them recursively;
//! a thousand nested `<g>` overflowed the stack), and embedded pictures that
//! cannot be read or hold together more than [`MAX_EMBEDDED_SIDE`]²
//! pixels (a 300 KB PNG may declare 50,000 × 50,000, 2.5 GB once decoded),
//! and `<use>` elements that multiply what is drawn (`drawn_elements`).

/// The most elements an SVG may have: more would slow every page or
/// certificate that shows it.
pub const MAX_SVG_ELEMENTS: usize = 5000;

/// The most levels elements may nest. Drawings saved by Inkscape or
/// Illustrator nest about a dozen.
pub const MAX_SVG_DEPTH: usize = 64;

/// The pictures embedded in one SVG hold at most this side squared pixels
/// together: as much as one picture uploaded on its own may.
pub const MAX_EMBEDDED_SIDE: u32 = 2048;

/// Why an SVG picture was refused. Each caller says it in its own words
/// (a logo's `Problem`, a document image's error).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SvgRefusal {
    /// Not well-formed SVG, or one with a document type declaration.
    NotSvg,
    /// More than `limit` elements.
    TooComplex { elements: usize, limit: usize },
    /// Something a browser would run.
    Script,
    /// An event attribute, by its name (cut to 100 characters).
    EventAttribute(String),
    /// Foreign content (`foreignObject`, `iframe`, `embed`, `object`).
    ForeignObject,
    /// A reference outside the file, as written (cut to 100 characters).
    ExternalReference(String),
    /// Elements nested more than `limit` deep.
    TooDeep { limit: usize },
    /// An embedded picture that cannot be read, or embedded pictures of
    /// more than `side`² pixels together.
    EmbeddedPicture { side: u32 },
}

/// Checks the SVG picture in `bytes`; see the module's documentation.
pub fn check(bytes: &[u8]) -> Result<(), SvgRefusal> {
    let text = std::str::from_utf8(bytes).map_err(|_| SvgRefusal::NotSvg)?;
    // roxmltree refuses a DTD (entities) by default.
    let document = roxmltree::Document::parse(text).map_err(|_| SvgRefusal::NotSvg)?;
    if !document.root_element().tag_name().name().eq_ignore_ascii_case("svg") {
        return Err(SvgRefusal::NotSvg);
    }
    let mut elements = 0usize;
    let mut pixels = 0u64;
    for node in document.descendants() {
        if let Some(instruction) = node.pi() {
            return Err(SvgRefusal::ExternalReference(cut(instruction.target)));
        }
        if node.is_text() {
            // The text of a <style> element (or CDATA in it).
            let in_style = node
                .parent_element()
                .is_some_and(|parent| parent.tag_name().name().eq_ignore_ascii_case("style"));
            if in_style {
                add_pixels(&mut pixels, check_css(node.text().unwrap_or_default())?)?;
            }
            continue;
        }
        if !node.is_element() {
            continue;
        }
        elements += 1;
        if elements > MAX_SVG_ELEMENTS {
            return Err(SvgRefusal::TooComplex {
                elements: document.descendants().filter(roxmltree::Node::is_element).count(),
                limit: MAX_SVG_ELEMENTS,
            });
        }
        let depth = node
            .ancestors()
            .take(MAX_SVG_DEPTH + 2)
            .filter(roxmltree::Node::is_element)
            .count();
        if depth > MAX_SVG_DEPTH {
            return Err(SvgRefusal::TooDeep { limit: MAX_SVG_DEPTH });
        }
        let name = node.tag_name().name().to_ascii_lowercase();
        match name.as_str() {
            "script" | "handler" | "listener" => return Err(SvgRefusal::Script),
            "foreignobject" | "iframe" | "embed" | "object" => return Err(SvgRefusal::ForeignObject),
            // An animation may set a link or a handler after the fact.
            "set" | "animate" | "animatemotion" | "animatetransform" => {
                let target = node
                    .attributes()
                    .find(|attribute| attribute.name() == "attributeName")
                    .map(|attribute| attribute.value().to_ascii_lowercase());
                if target.is_some_and(|target| target.ends_with("href") || target.starts_with("on")) {
                    return Err(SvgRefusal::Script);
                }
            }
            _ => {}
        }
        for attribute in node.attributes() {
            let attribute_name = attribute.name().to_ascii_lowercase();
            if attribute_name.starts_with("on") {
                return Err(SvgRefusal::EventAttribute(cut(attribute.name())));
            }
            if attribute_name == "href" || attribute_name == "src" {
                if !reference_is_internal(attribute.value()) {
                    return Err(SvgRefusal::ExternalReference(cut(attribute.value().trim())));
                }
                add_pixels(&mut pixels, embedded_pixels(attribute.value())?)?;
            } else {
                // Any attribute may be a presentation attribute holding CSS.
                add_pixels(&mut pixels, check_css(attribute.value())?)?;
            }
        }
    }
    drawn_elements(&document, elements)?;
    Ok(())
}

/// Refuses a file whose `<use>` elements would multiply what is drawn: a
/// `<use>` draws its target's elements again, so ten levels of a group of
/// two `<use>` of the level below draw a thousand copies, twenty a million
/// (a bomb found in session 21; usvg took seconds over it). A `<use>` may
/// point at an element holding no `<use>`, and the elements drawn, each
/// `<use>` counted as its target's, are at most [`MAX_SVG_ELEMENTS`].
fn drawn_elements(document: &roxmltree::Document<'_>, elements: usize) -> Result<(), SvgRefusal> {
    let is_use =
        |node: &roxmltree::Node<'_, '_>| node.is_element() && node.tag_name().name().eq_ignore_ascii_case("use");
    let uses: Vec<_> = document.descendants().filter(is_use).collect();
    if uses.is_empty() {
        return Ok(());
    }
    let by_id: std::collections::HashMap<&str, roxmltree::Node<'_, '_>> = document
        .descendants()
        .filter_map(|node| Some((node.attribute("id")?, node)))
        .collect();
    let too_complex = |drawn| SvgRefusal::TooComplex {
        elements: drawn,
        limit: MAX_SVG_ELEMENTS,
    };
    let mut drawn = elements;
    for node in uses {
        let target = node
            .attributes()
            .find(|attribute| attribute.name() == "href")
            .and_then(|href| href.value().trim().strip_prefix('#'))
            .and_then(|id| by_id.get(id));
        let Some(target) = target else { continue };
        let mut copies = 0;
        for element in target.descendants().filter(roxmltree::Node::is_element) {
            if is_use(&element) {
                return Err(too_complex(MAX_SVG_ELEMENTS + 1));
            }
            copies += 1;
        }
        drawn = drawn.saturating_add(copies);
        if drawn > MAX_SVG_ELEMENTS {
            return Err(too_complex(drawn));
        }
    }
    Ok(())
}

/// Raster pictures an SVG may embed as `data:` URLs.
const EMBEDDABLE: [&str; 5] = [
    "data:image/png",
    "data:image/jpeg",
    "data:image/jpg",
    "data:image/gif",
    "data:image/webp",
];

fn cut(text: &str) -> String {
    text.chars().take(100).collect()
}

/// A reference (an `href`, a CSS `url(...)` target) that stays inside the file.
fn reference_is_internal(reference: &str) -> bool {
    let reference = reference.trim().trim_matches(|c| c == '"' || c == '\'').trim();
    let lower = reference.to_ascii_lowercase();
    reference.starts_with('#')
        || EMBEDDABLE
            .iter()
            .any(|prefix| lower.starts_with(prefix) && matches!(lower.as_bytes().get(prefix.len()), Some(b';' | b',')))
}

/// Counts an embedded picture's pixels into the file's, refused past the limit.
fn add_pixels(pixels: &mut u64, more: u64) -> Result<(), SvgRefusal> {
    *pixels = pixels.saturating_add(more);
    if *pixels > u64::from(MAX_EMBEDDED_SIDE).pow(2) {
        return Err(SvgRefusal::EmbeddedPicture {
            side: MAX_EMBEDDED_SIDE,
        });
    }
    Ok(())
}

/// The pixels of the picture a reference embeds (none for a `#fragment`),
/// read from its header without decoding it; refused if it cannot be read.
fn embedded_pixels(reference: &str) -> Result<u64, SvgRefusal> {
    let reference = reference.trim().trim_matches(|c| c == '"' || c == '\'').trim();
    if reference.starts_with('#') {
        return Ok(0);
    }
    let unreadable = SvgRefusal::EmbeddedPicture {
        side: MAX_EMBEDDED_SIDE,
    };
    let bytes = data_url::DataUrl::process(reference)
        .ok()
        .and_then(|url| url.decode_to_vec().ok())
        .ok_or(unreadable.clone())?
        .0;
    let size = imagesize::blob_size(&bytes).map_err(|_| unreadable)?;
    Ok((size.width as u64).saturating_mul(size.height as u64))
}

/// CSS (a `<style>`'s text or an attribute's value) that neither runs
/// anything nor reaches outside the file; the pixels of the pictures it
/// embeds.
fn check_css(css: &str) -> Result<u64, SvgRefusal> {
    let lower = css.to_ascii_lowercase();
    if lower.contains("expression(") {
        return Err(SvgRefusal::Script);
    }
    if lower.contains("@import") {
        return Err(SvgRefusal::ExternalReference("@import".to_owned()));
    }
    // An escape could spell `url(` or `@import` past the checks here.
    if css.contains('\\') {
        return Err(SvgRefusal::ExternalReference(cut(css.trim())));
    }
    let mut rest = lower.as_str();
    let mut offset = 0;
    let mut pixels = 0u64;
    while let Some(at) = rest.find("url(") {
        let start = offset + at + 4;
        let end = css[start..].find(')').map_or(css.len(), |end| start + end);
        let target = &css[start..end];
        if !reference_is_internal(target) {
            return Err(SvgRefusal::ExternalReference(cut(target.trim())));
        }
        pixels = pixels.saturating_add(embedded_pixels(target)?);
        offset = end.min(css.len());
        rest = &lower[offset..];
    }
    Ok(pixels)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn svg(body: &str) -> String {
        format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">{body}</svg>"#
        )
    }

    fn refused(body: &str) -> SvgRefusal {
        check(svg(body).as_bytes()).expect_err(body)
    }

    #[test]
    fn svg_drawings_pass_with_inside_references_and_embedded_pictures() {
        let logo = r##"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><linearGradient id="g"/></defs><rect width="10" height="10" fill="url(#g)" style="fill:#123456"/><use href="#g"/></svg>"##;
        check(logo.as_bytes()).expect("safe");
        check(
            svg(&format!(
                r#"<image width="1" height="1" href="data:image/png;base64,{PIXEL}"/>"#
            ))
            .as_bytes(),
        )
        .expect("data:");
        check(
            svg(&format!(
                r#"<rect style="fill: url('data:image/png;base64,{PIXEL}')"/>"#
            ))
            .as_bytes(),
        )
        .expect("in CSS");
    }

    /// A 1 × 1 PNG.
    const PIXEL: &str =
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    /// The first bytes of a PNG that declares `width` × `height`: all a
    /// reader of its header sees.
    fn png_header(width: u32, height: u32) -> String {
        let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        bytes.extend_from_slice(&width.to_be_bytes());
        bytes.extend_from_slice(&height.to_be_bytes());
        bytes.extend_from_slice(&[1, 0, 0, 0, 0, 0, 0, 0, 0]);
        // Base64 by hand: the domain has no encoder, and the test needs none.
        const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = String::new();
        for chunk in bytes.chunks(3) {
            let n = chunk
                .iter()
                .enumerate()
                .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
            for i in 0..=chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            }
        }
        while !out.len().is_multiple_of(4) {
            out.push('=');
        }
        out
    }

    // Found by attacking the uploads (session 21): a 7 KB SVG of a thousand
    // nested `<g>` overflowed the stack of the server drawing it, and a
    // 300 KB one embedding a PNG that declares 50,000 × 50,000 took 2.5 GB
    // on every certificate that drew it.
    #[test]
    fn svg_deep_nesting_and_huge_embedded_pictures_are_refused() {
        let nested = |depth: usize| svg(&format!("{}<rect/>{}", "<g>".repeat(depth), "</g>".repeat(depth)));
        // The <svg> is a level, the <rect> another.
        check(nested(MAX_SVG_DEPTH - 2).as_bytes()).expect("deep enough");
        assert_eq!(
            check(nested(MAX_SVG_DEPTH - 1).as_bytes()),
            Err(SvgRefusal::TooDeep { limit: MAX_SVG_DEPTH })
        );
        assert_eq!(
            check(nested(1000).as_bytes()),
            Err(SvgRefusal::TooDeep { limit: MAX_SVG_DEPTH })
        );
        let picture = |width, height| format!(r#"<image href="data:image/png;base64,{}"/>"#, png_header(width, height));
        check(svg(&picture(2048, 2048)).as_bytes()).expect("as large as an upload");
        let refused_picture = Err(SvgRefusal::EmbeddedPicture {
            side: MAX_EMBEDDED_SIDE,
        });
        assert_eq!(check(svg(&picture(50_000, 50_000)).as_bytes()), refused_picture);
        // Together, as in CSS: two of 2048 × 1024 fill the limit, a third passes it.
        let half = format!(
            "<rect style=\"fill: url(data:image/png;base64,{})\"/>",
            png_header(2048, 1024)
        );
        check(svg(&half.repeat(2)).as_bytes()).expect("two halves");
        assert_eq!(check(svg(&half.repeat(3)).as_bytes()), refused_picture);
        // A `<use>` of a `<use>`, and copies past the limit.
        let bomb = (1..=10).fold(r#"<defs><g id="l0"><rect/></g>"#.to_owned(), |body, i| {
            body + &format!(
                r##"<g id="l{i}"><use href="#l{p}"/><use href="#l{p}"/></g>"##,
                p = i - 1
            )
        }) + r##"</defs><use href="#l10"/>"##;
        assert!(matches!(
            check(svg(&bomb).as_bytes()),
            Err(SvgRefusal::TooComplex { .. })
        ));
        let glyph = format!(r#"<defs><g id="a">{}</g></defs>"#, "<path/>".repeat(99));
        check(svg(&format!("{glyph}{}", r##"<use href="#a"/>"##.repeat(40))).as_bytes()).expect("4,000 drawn");
        assert!(matches!(
            check(svg(&format!("{glyph}{}", r##"<use href="#a"/>"##.repeat(60))).as_bytes()),
            Err(SvgRefusal::TooComplex { .. })
        ));
        // A picture whose size cannot be read is not drawn blind.
        assert_eq!(
            check(svg(r#"<image href="data:image/png;base64,iVBORw0KGgo="/>"#).as_bytes()),
            refused_picture
        );
    }

    #[test]
    fn svg_what_a_browser_would_run_fetch_or_embed_is_refused() {
        assert_eq!(refused("<handler>alert(1)</handler>"), SvgRefusal::Script);
        assert_eq!(
            refused(r#"<rect style="width: expression(alert(1))"/>"#),
            SvgRefusal::Script
        );
        for embedded in ["<iframe/>", "<embed/>", "<object/>"] {
            assert_eq!(refused(embedded), SvgRefusal::ForeignObject, "{embedded}");
        }
        assert_eq!(
            check(br#"<?xml-stylesheet href="https://x.example/a.css"?><svg xmlns="http://www.w3.org/2000/svg"/>"#)
                .expect_err("stylesheet"),
            SvgRefusal::ExternalReference("xml-stylesheet".into())
        );
        assert_eq!(
            refused(r#"<rect style="fill: u\72l(https://x.example/p)"/>"#),
            SvgRefusal::ExternalReference(r"fill: u\72l(https://x.example/p)".into())
        );
    }
}
