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

/// A label cut to the room of the chart's label column, and the whole label
/// when it had to be cut (the table beside the chart has it whole too).
fn fitted(label: &str) -> (String, Option<&str>) {
    const MAX: usize = 26;
    if label.chars().count() <= MAX {
        (label.to_owned(), None)
    } else {
        let cut: String = label.chars().take(MAX - 1).collect();
        (format!("{}…", cut.trim_end()), Some(label))
    }
}

/// Horizontal bars, one per row, labelled, with the value at the end of
/// each bar; `format` writes a value the page's way. Right to left
/// (`rtl`, for Arabic) the chart is mirrored: labels on the right, bars
/// growing leftwards, values at their left ends.
pub fn horizontal_bars(bars: &[Bar], rtl: bool, format: impl Fn(u64) -> String) -> String {
    const ROW: u32 = 28;
    // Room for the 26 characters a label is cut to (at most about 7.8 px each at 13 px).
    const LABEL: u32 = 220;
    const WIDTH: u32 = 560;
    let height = ROW * bars.len().max(1) as u32 + 8;
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let usable = WIDTH - LABEL - 60;
    // The direction is said, not inherited from the page, so that
    // `text-anchor` names the same side whatever the page's `dir`.
    let (direction, align) = if rtl { ("rtl", "xMaxYMin") } else { ("ltr", "xMinYMin") };
    let mut svg = format!(
        "<svg class=\"chart\" viewBox=\"0 0 {WIDTH} {height}\" width=\"100%\" preserveAspectRatio=\"{align} meet\" \
         direction=\"{direction}\" aria-hidden=\"true\" focusable=\"false\" xmlns=\"http://www.w3.org/2000/svg\">"
    );
    for (index, bar) in bars.iter().enumerate() {
        let y = 4 + ROW * index as u32;
        let length = (u64::from(usable) * bar.value / max) as u32;
        let length = length.max(1);
        // Left to right: label ending at the bar, bar from LABEL, value after
        // it. Right to left, mirrored: `end` is the left side of rtl text.
        let (label_x, bar_x, value_x) = if rtl {
            (WIDTH - LABEL + 8, WIDTH - LABEL - length, WIDTH - LABEL - length - 6)
        } else {
            (LABEL - 8, LABEL, LABEL + length + 6)
        };
        let (label, whole) = fitted(&bar.label);
        // A pointer resting on a cut label shows it whole.
        let whole = whole
            .map(|whole| format!("<title>{}</title>", escape(whole)))
            .unwrap_or_default();
        svg.push_str(&format!(
            "<text x=\"{label_x}\" y=\"{}\" text-anchor=\"end\" class=\"chart-label\">{whole}{}</text>\
             <rect x=\"{bar_x}\" y=\"{}\" width=\"{length}\" height=\"{}\" class=\"chart-bar\"/>\
             <text x=\"{value_x}\" y=\"{}\" class=\"chart-value\">{}</text>",
            y + ROW / 2 + 5,
            escape(&label),
            y + 4,
            ROW - 8,
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
            false,
            |v| v.to_string(),
        );
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("&lt;Très bien&gt;"));
        assert!(!svg.contains("<title>"), "{svg}");
        assert!(svg.contains("width=\"280\""), "{svg}");
        assert!(svg.contains("aria-hidden=\"true\""));
        assert!(svg.contains("direction=\"ltr\"") && svg.contains("<rect x=\"220\""));
    }

    #[test]
    fn issue_22_a_long_label_is_cut_to_its_room_and_kept_whole_in_a_title() {
        let label = "Comunidad Foral de Navarra y alrededores";
        let svg = horizontal_bars(
            &[Bar {
                label: label.into(),
                value: 3,
            }],
            false,
            |v| v.to_string(),
        );
        assert!(svg.contains(">Comunidad Foral de Navarr…</text>"), "{svg}");
        assert!(svg.contains(&format!("<title>{label}</title>")), "{svg}");
    }

    #[test]
    fn issue_23_bars_read_right_to_left_in_arabic() {
        let bars = [Bar {
            label: "تونس".into(),
            value: 10,
        }];
        let svg = horizontal_bars(&bars, true, |v| v.to_string());
        assert!(svg.contains("direction=\"rtl\""), "{svg}");
        // The label on the right (340 to 560), the bar ending at it, growing left.
        assert!(svg.contains("<text x=\"348\""), "{svg}");
        assert!(svg.contains("<rect x=\"60\" y=\"8\" width=\"280\""), "{svg}");
        assert!(svg.contains("<text x=\"54\""), "{svg}");
    }
}
