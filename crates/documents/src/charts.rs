//! Bar charts as inline SVG: drawn on the server, so they need no script,
//! print as they show, and scale with the page. Each chart is decorative
//! for screen readers (`aria-hidden`): the same numbers are in the table the
//! page puts beside it.

/// One bar: its label and its value.
pub struct Bar {
    pub label: String,
    pub value: u64,
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Horizontal bars, one per row, labelled, with the value at the end of
/// each bar; `format` writes a value the page's way.
pub fn horizontal_bars(bars: &[Bar], format: impl Fn(u64) -> String) -> String {
    const ROW: u32 = 28;
    const LABEL: u32 = 180;
    const WIDTH: u32 = 560;
    let height = ROW * bars.len().max(1) as u32 + 8;
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let usable = WIDTH - LABEL - 60;
    let mut svg = format!(
        "<svg class=\"chart\" viewBox=\"0 0 {WIDTH} {height}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" \
         aria-hidden=\"true\" focusable=\"false\" xmlns=\"http://www.w3.org/2000/svg\">"
    );
    for (index, bar) in bars.iter().enumerate() {
        let y = 4 + ROW * index as u32;
        let length = (u64::from(usable) * bar.value / max) as u32;
        svg.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"chart-label\">{}</text>\
             <rect x=\"{LABEL}\" y=\"{}\" width=\"{}\" height=\"{}\" class=\"chart-bar\"/>\
             <text x=\"{}\" y=\"{}\" class=\"chart-value\">{}</text>",
            LABEL - 8,
            y + ROW / 2 + 5,
            escape(&bar.label),
            y + 4,
            length.max(1),
            ROW - 8,
            LABEL + length + 6,
            y + ROW / 2 + 5,
            escape(&format(bar.value)),
        ));
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_and_escape_labels() {
        let svg = horizontal_bars(
            &[
                Bar {
                    label: "5 <Très bien>".into(),
                    value: 10,
                },
                Bar {
                    label: "1".into(),
                    value: 0,
                },
            ],
            |v| v.to_string(),
        );
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("&lt;Très bien&gt;"));
        assert!(svg.contains("width=\"320\""), "{svg}");
        assert!(svg.contains("aria-hidden=\"true\""));
    }
}
