//! An organisation's branding (issue 17): one accent colour, checked for
//! contrast, and a logo, checked for what a browser could run or fetch.

use std::fmt;

use serde::Serialize;

use crate::Problem;
use crate::svg::SvgRefusal;

/// WCAG 2.1 AA's least contrast for normal text, in hundredths (4.5:1).
pub const MIN_CONTRAST_HUNDREDTHS: i64 = 450;

/// The one colour of an organisation's pages: `#rrggbb` (lower-cased), dark
/// enough that white text on it, and it as text on white, reach WCAG AA
/// (4.5:1). Anything else — names, `#rgb`, `rgb()`, alpha — is refused.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct AccentColour(String);

impl AccentColour {
    pub fn parse(input: &str) -> Result<Self, Problem> {
        let text = crate::text::filled(input)?;
        let hex = text
            .strip_prefix('#')
            .filter(|h| h.len() == 6 && h.bytes().all(|b| b.is_ascii_hexdigit()))
            .ok_or_else(|| Problem::new("error-colour-format"))?;
        let colour = AccentColour(format!("#{}", hex.to_ascii_lowercase()));
        let ratio = colour.contrast_with_white_hundredths();
        if ratio < MIN_CONTRAST_HUNDREDTHS {
            return Err(Problem::new("error-colour-contrast")
                .with(
                    "ratio",
                    crate::Arg::Decimal {
                        value: ratio,
                        places: 2,
                    },
                )
                .with(
                    "min",
                    crate::Arg::Decimal {
                        value: MIN_CONTRAST_HUNDREDTHS,
                        places: 2,
                    },
                ));
        }
        Ok(colour)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn channels(&self) -> [u8; 3] {
        let byte = |i: usize| u8::from_str_radix(&self.0[i..i + 2], 16).unwrap_or(0);
        [byte(1), byte(3), byte(5)]
    }

    /// WCAG 2.1's relative luminance: each sRGB channel made linear, then
    /// weighted 0.2126, 0.7152, 0.0722.
    pub fn relative_luminance(&self) -> f64 {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let [r, g, b] = self.channels();
        0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    }

    /// The contrast ratio against white, `(1 + 0.05) / (L + 0.05)`, in
    /// hundredths rounded down (so 4.499 is 4.49 and refused, never shown as 4.50).
    pub fn contrast_with_white_hundredths(&self) -> i64 {
        let ratio = 1.05 / (self.relative_luminance() + 0.05);
        (ratio * 100.0).floor() as i64
    }
}

impl fmt::Display for AccentColour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a logo is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogoKind {
    Png,
    Svg,
}

impl LogoKind {
    pub fn content_type(self) -> &'static str {
        match self {
            LogoKind::Png => "image/png",
            LogoKind::Svg => "image/svg+xml",
        }
    }

    pub fn from_content_type(content_type: &str) -> Option<Self> {
        match content_type {
            "image/png" => Some(LogoKind::Png),
            "image/svg+xml" => Some(LogoKind::Svg),
            _ => None,
        }
    }
}

/// An organisation's logo: a PNG (by its signature) or an SVG document with
/// nothing a browser would run or fetch — no `script`, no `foreignObject`,
/// no event attributes (`on…`), no reference outside the document (`href`
/// or `url()` other than `#…` or an embedded picture, `@import`), no
/// DOCTYPE (entities): the rules of [`crate::svg`], which the certificates
/// draw by too. At most [`Logo::MAX_BYTES`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Logo {
    pub kind: LogoKind,
    pub bytes: Vec<u8>,
}

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

impl Logo {
    pub const MAX_BYTES: usize = 256 * 1024;

    pub fn parse(bytes: Vec<u8>) -> Result<Self, Problem> {
        if bytes.is_empty() {
            return Err(Problem::new("error-required"));
        }
        if bytes.len() > Self::MAX_BYTES {
            return Err(Problem::new("error-logo-size").with("max", (Self::MAX_BYTES / 1024) as i64));
        }
        if bytes.starts_with(PNG_SIGNATURE) {
            return Ok(Logo {
                kind: LogoKind::Png,
                bytes,
            });
        }
        crate::svg::check(&bytes).map_err(|refusal| match refusal {
            SvgRefusal::NotSvg => Problem::new("error-logo-format"),
            SvgRefusal::TooComplex { limit, .. } => Problem::new("error-logo-complex").with("max", limit as i64),
            SvgRefusal::TooDeep { limit } => Problem::new("error-logo-nested").with("max", limit as i64),
            SvgRefusal::EmbeddedPicture { side } => Problem::new("error-logo-embedded").with("max", i64::from(side)),
            SvgRefusal::Script
            | SvgRefusal::EventAttribute(_)
            | SvgRefusal::ForeignObject
            | SvgRefusal::ExternalReference(_) => Problem::new("error-logo-unsafe"),
        })?;
        Ok(Logo {
            kind: LogoKind::Svg,
            bytes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn colour_key(input: &str) -> &'static str {
        AccentColour::parse(input).expect_err("refused").key
    }

    #[test]
    fn colours_are_six_hex_digits_lower_cased() {
        assert_eq!(AccentColour::parse(" #1D4ED8 ").expect("a colour").as_str(), "#1d4ed8");
        for bad in [
            "1d4ed8",
            "#1d4ed",
            "#1d4ed8ff",
            "#abc",
            "blue",
            "rgb(0,0,0)",
            "#gg0000",
            "#1d4ed8;",
        ] {
            assert_eq!(colour_key(bad), "error-colour-format", "{bad}");
        }
        assert_eq!(colour_key(""), "error-required");
    }

    #[test]
    fn contrast_is_wcag_relative_luminance_against_white() {
        // Black on white is 21:1, white on white 1:1.
        assert_eq!(AccentColour("#000000".into()).contrast_with_white_hundredths(), 2100);
        assert_eq!(AccentColour("#ffffff".into()).contrast_with_white_hundredths(), 100);
        // #767676 is the lightest grey that passes (4.54:1); #777777 fails (4.47:1).
        assert_eq!(AccentColour::parse("#767676").expect("passes").as_str(), "#767676");
        let refused = AccentColour::parse("#777777").expect_err("too light");
        assert_eq!(refused.key, "error-colour-contrast");
        assert!(refused.to_string().contains("4.47"), "{refused}");
        assert_eq!(colour_key("#ffcc00"), "error-colour-contrast");
    }

    fn logo_key(svg: &str) -> &'static str {
        Logo::parse(svg.as_bytes().to_vec()).expect_err("refused").key
    }

    #[test]
    fn a_plain_svg_and_a_png_pass() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><linearGradient id="g"/></defs><rect width="10" height="10" fill="url(#g)" style="fill:#123456"/><use href="#g"/></svg>"##;
        assert_eq!(Logo::parse(svg.as_bytes().to_vec()).expect("safe").kind, LogoKind::Svg);
        let mut png = PNG_SIGNATURE.to_vec();
        png.extend_from_slice(&[0; 32]);
        assert_eq!(Logo::parse(png).expect("png").kind, LogoKind::Png);
    }

    #[test]
    fn what_a_browser_would_run_or_fetch_is_refused() {
        for bad in [
            r#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><SCRIPT>alert(1)</SCRIPT></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><rect onClick="x()"/></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="https://evil.example/x.png"/></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><use href="other.svg#a"/></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><rect/></a></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(https://evil.example/p)"/></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://evil.example/x.css);</style></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><s:script xmlns:s="http://www.w3.org/2000/svg">x</s:script></svg>"#,
        ] {
            assert_eq!(logo_key(bad), "error-logo-unsafe", "{bad}");
        }
    }

    #[test]
    fn not_an_image_or_too_large_is_refused() {
        assert_eq!(logo_key("hello"), "error-logo-format");
        assert_eq!(logo_key("<html><body/></html>"), "error-logo-format");
        assert_eq!(
            logo_key(r#"<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>"#),
            "error-logo-format"
        );
        let big = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\">{}</svg>",
            " ".repeat(Logo::MAX_BYTES)
        );
        assert_eq!(logo_key(&big), "error-logo-size");
        assert_eq!(Logo::parse(Vec::new()).expect_err("empty").key, "error-required");
    }

    #[test]
    fn a_logo_of_too_many_elements_is_refused() {
        let many = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\">{}</svg>",
            "<g/>".repeat(crate::svg::MAX_SVG_ELEMENTS)
        );
        assert_eq!(logo_key(&many), "error-logo-complex");
    }
}
