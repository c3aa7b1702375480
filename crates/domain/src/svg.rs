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

/// The most elements an SVG may have: more would slow every page or
/// certificate that shows it.
pub const MAX_SVG_ELEMENTS: usize = 5000;

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
                check_css(node.text().unwrap_or_default())?;
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
            } else {
                // Any attribute may be a presentation attribute holding CSS.
                check_css(attribute.value())?;
            }
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

/// CSS (a `<style>`'s text or an attribute's value) that neither runs
/// anything nor reaches outside the file.
fn check_css(css: &str) -> Result<(), SvgRefusal> {
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
    while let Some(at) = rest.find("url(") {
        let start = offset + at + 4;
        let end = css[start..].find(')').map_or(css.len(), |end| start + end);
        let target = &css[start..end];
        if !reference_is_internal(target) {
            return Err(SvgRefusal::ExternalReference(cut(target.trim())));
        }
        offset = end.min(css.len());
        rest = &lower[offset..];
    }
    Ok(())
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
        check(svg(r#"<image width="1" height="1" href="data:image/png;base64,iVBORw0KGgo="/>"#).as_bytes())
            .expect("data:");
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
