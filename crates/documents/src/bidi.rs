//! Lines of mixed direction: Latin and Arabic in one line, shaped with
//! `rustybuzz` and laid out in visual order, for every document.
//!
//! A line is cut into runs of one direction (Arabic and Hebrew letters one
//! way, Latin letters and digits the other, blanks and punctuation following
//! their neighbours); the line's main direction (whichever letters are most
//! numerous) orders the runs. That is a small subset of the Unicode
//! bidirectional algorithm, enough for names, titles and short lines; one
//! difference: a number expression ("12–14", "1.5") always stays one
//! left-to-right unit. Bidi isolation marks (U+2066–2069, which the Arabic
//! catalogue puts around arguments) are removed by `fonts::clean` first.

use std::ops::Range;

use krilla::text::{GlyphId, KrillaGlyph};

use crate::fonts::{Face, Line};

/// Which way a stretch of text runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Direction {
    LeftToRight,
    RightToLeft,
}

/// Letters of right-to-left scripts: Hebrew, Arabic (with its supplement,
/// extended-A block and presentation forms).
fn is_rtl(c: char) -> bool {
    matches!(
        u32::from(c),
        0x0590..=0x05FF | 0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF
    )
}

/// The direction a character imposes, if any. Digits (Arabic-Indic ones
/// too) read left to right even inside Arabic text; blanks and punctuation
/// impose nothing.
fn strong_direction(c: char) -> Option<Direction> {
    if c.is_numeric() {
        Some(Direction::LeftToRight)
    } else if is_rtl(c) {
        Some(Direction::RightToLeft)
    } else if c.is_alphabetic() {
        Some(Direction::LeftToRight)
    } else {
        None
    }
}

/// Combining accents take their base letter's direction.
fn is_combining(c: char) -> bool {
    matches!(u32::from(c), 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// The line's main direction: right to left when it has more right-to-left
/// letters than left-to-right ones (digits not counted).
pub(crate) fn main_direction(text: &str) -> Direction {
    let (mut rtl, mut ltr) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_numeric()) {
        match strong_direction(c) {
            Some(Direction::RightToLeft) => rtl += 1,
            Some(Direction::LeftToRight) => ltr += 1,
            None => {}
        }
    }
    if rtl > ltr {
        Direction::RightToLeft
    } else {
        Direction::LeftToRight
    }
}

/// The line cut into runs of one direction, in logical (reading) order, as
/// byte ranges. Characters without a direction of their own take their
/// neighbours' when both agree, the line's main direction otherwise.
pub(crate) fn direction_runs(text: &str, main: Direction) -> Vec<(Range<usize>, Direction)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let own: Vec<Option<Direction>> = chars.iter().map(|&(_, c)| strong_direction(c)).collect();
    // The next character with a direction, from each position on.
    let mut next = vec![main; chars.len() + 1];
    for index in (0..chars.len()).rev() {
        next[index] = own[index].unwrap_or(next[index + 1]);
    }
    let mut runs: Vec<(Range<usize>, Direction)> = Vec::new();
    let mut previous = main;
    let mut last_resolved = main;
    for (index, &(offset, c)) in chars.iter().enumerate() {
        let resolved = match own[index] {
            Some(direction) => {
                previous = direction;
                direction
            }
            None if is_combining(c) && index > 0 => last_resolved,
            None if previous == next[index + 1] => previous,
            None => main,
        };
        last_resolved = resolved;
        let end = offset + c.len_utf8();
        match runs.last_mut() {
            Some((range, direction)) if *direction == resolved => range.end = end,
            _ => runs.push((offset..end, resolved)),
        }
    }
    runs
}

/// Shapes one line of `text` into glyphs in visual order (left to right on
/// the page): each run shaped in its own direction (so Arabic letters join
/// and read right to left), the runs in the line's main direction.
pub(crate) fn shape(face: &Face, text: String, size: f32) -> Line {
    shape_in(face, text, size, None)
}

/// [`shape`], the runs ordered in `main` when given: the document's
/// direction for a line the document composes around a user's words
/// ("2 November 2026 · In person, <a place named in Arabic>"), which must
/// not turn around because the words are longer than its own (issue 16's
/// attack round); the line's own majority otherwise.
pub(crate) fn shape_in(face: &Face, text: String, size: f32, main: Option<Direction>) -> Line {
    let main = main.unwrap_or_else(|| main_direction(&text));
    let mut runs = direction_runs(&text, main);
    if main == Direction::RightToLeft {
        runs.reverse();
    }
    let mut glyphs = Vec::with_capacity(text.len());
    for (range, direction) in runs {
        shape_run(face, &text, range, direction, &mut glyphs);
    }
    Line { text, glyphs, size }
}

/// Shapes `text[range]` and appends its glyphs (advances in ems), each
/// mapped back to the characters it stands for, as byte ranges of the whole `text`.
fn shape_run(face: &Face, text: &str, range: Range<usize>, direction: Direction, glyphs: &mut Vec<KrillaGlyph>) {
    let Some(run) = text.get(range.clone()) else {
        return;
    };
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(run);
    buffer.guess_segment_properties();
    buffer.set_direction(match direction {
        Direction::LeftToRight => rustybuzz::Direction::LeftToRight,
        Direction::RightToLeft => rustybuzz::Direction::RightToLeft,
    });
    let shaped = face.shape_buffer(buffer);
    let infos = shaped.glyph_infos();
    // A glyph stands for the characters from its cluster up to the next
    // cluster in reading order, whichever way the glyphs are laid out.
    let mut clusters: Vec<usize> = infos.iter().map(|info| info.cluster as usize).collect();
    clusters.sort_unstable();
    clusters.dedup();
    let em = face.units_per_em;
    for (info, position) in infos.iter().zip(shaped.glyph_positions()) {
        let start = info.cluster as usize;
        let end = clusters
            .get(clusters.partition_point(|&cluster| cluster <= start))
            .copied()
            .unwrap_or(run.len());
        glyphs.push(KrillaGlyph::new(
            GlyphId::new(info.glyph_id),
            position.x_advance as f32 / em,
            position.x_offset as f32 / em,
            position.y_offset as f32 / em,
            position.y_advance as f32 / em,
            range.start + start..range.start + end,
            None,
        ));
    }
}

/// Whether `text` holds any right-to-left letter.
pub(crate) fn has_rtl(text: &str) -> bool {
    text.chars().any(is_rtl)
}
