//! The font file as embedded in documents: DejaVu Sans with its `name`
//! table cut to the names a subset needs.
//!
//! krilla embeds a subset of the font in every PDF and copies the `name`
//! table whole; DejaVu's holds the 4,765-character licence text twice (Mac
//! and Windows records), 10 KB of each of a certificate's two 23 KB font
//! subsets, compressed again for every certificate (issue 19: a fifth of a
//! certificate's drawing time). The subsetters of HarfBuzz (`hb-subset`)
//! and fontTools (`pyftsubset`) keep name IDs 0 to 6 by default; so does
//! this, plus 14 (the licence's URL). The font files themselves, with their
//! full names, ship unchanged beside `LICENSE-DejaVu.txt`.

/// Name IDs kept: copyright, family, subfamily, unique id, full name,
/// version, PostScript name, and the licence's URL.
const KEPT_NAMES: [u16; 8] = [0, 1, 2, 3, 4, 5, 6, 14];

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(data.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(data.get(at..at + 4)?.try_into().ok()?))
}

/// The OpenType table checksum: the sum of its big-endian 32-bit words,
/// zero-padded to a multiple of four.
fn checksum(table: &[u8]) -> u32 {
    table.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

/// A `name` table (format 0) with only the records of [`KEPT_NAMES`].
fn trimmed_name(name: &[u8]) -> Option<Vec<u8>> {
    if u16_at(name, 0)? != 0 {
        return None;
    }
    let count = usize::from(u16_at(name, 2)?);
    let storage = usize::from(u16_at(name, 4)?);
    let mut records = Vec::new();
    let mut strings = Vec::new();
    for i in 0..count {
        let record = name.get(6 + 12 * i..18 + 12 * i)?;
        let name_id = u16_at(record, 6)?;
        if !KEPT_NAMES.contains(&name_id) {
            continue;
        }
        let (length, offset) = (usize::from(u16_at(record, 8)?), usize::from(u16_at(record, 10)?));
        let text = name.get(storage + offset..storage + offset + length)?;
        let mut kept = record[..8].to_vec();
        kept.extend_from_slice(&u16::try_from(length).ok()?.to_be_bytes());
        kept.extend_from_slice(&u16::try_from(strings.len()).ok()?.to_be_bytes());
        records.push(kept);
        strings.extend_from_slice(text);
    }
    let mut out = Vec::with_capacity(6 + 12 * records.len() + strings.len());
    out.extend_from_slice(&0u16.to_be_bytes());
    out.extend_from_slice(&u16::try_from(records.len()).ok()?.to_be_bytes());
    out.extend_from_slice(&u16::try_from(6 + 12 * records.len()).ok()?.to_be_bytes());
    for record in records {
        out.extend_from_slice(&record);
    }
    out.extend_from_slice(&strings);
    Some(out)
}

/// `font` (a TrueType file) with its `name` table trimmed and every table's
/// checksum, and the file's in `head`, made again; `None` if it is not a
/// single TrueType font with a format-0 `name` table (the caller then
/// embeds it as it is).
pub(crate) fn with_short_names(font: &[u8]) -> Option<Vec<u8>> {
    let version = u32_at(font, 0)?;
    if version != 0x0001_0000 && &font[..4] != b"true" {
        return None;
    }
    let count = usize::from(u16_at(font, 4)?);
    let mut tables: Vec<([u8; 4], Vec<u8>)> = Vec::with_capacity(count);
    for i in 0..count {
        let record = font.get(12 + 16 * i..28 + 16 * i)?;
        let tag: [u8; 4] = record[..4].try_into().ok()?;
        let (offset, length) = (
            usize::try_from(u32_at(record, 8)?).ok()?,
            usize::try_from(u32_at(record, 12)?).ok()?,
        );
        let data = font.get(offset..offset + length)?;
        let data = if &tag == b"name" {
            trimmed_name(data)?
        } else {
            data.to_vec()
        };
        tables.push((tag, data));
    }
    // The directory as it was (tags in order; the search fields depend on
    // the count only), then each table at a four-byte boundary.
    let mut out = font.get(..12 + 16 * count)?.to_vec();
    let mut head_at = None;
    for (i, (tag, data)) in tables.iter().enumerate() {
        while out.len() % 4 != 0 {
            out.push(0);
        }
        let offset = out.len();
        if tag == b"head" {
            head_at = Some(offset);
        }
        let mut data = data.clone();
        if tag == b"head" {
            // checkSumAdjustment is zero while the checksums are summed.
            data.get_mut(8..12)?.copy_from_slice(&[0; 4]);
        }
        let entry = 12 + 16 * i;
        out[entry + 4..entry + 8].copy_from_slice(&checksum(&data).to_be_bytes());
        out[entry + 8..entry + 12].copy_from_slice(&u32::try_from(offset).ok()?.to_be_bytes());
        out[entry + 12..entry + 16].copy_from_slice(&u32::try_from(data.len()).ok()?.to_be_bytes());
        out.extend_from_slice(&data);
    }
    while out.len() % 4 != 0 {
        out.push(0);
    }
    let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
    let head = head_at?;
    out.get_mut(head + 8..head + 12)?
        .copy_from_slice(&adjustment.to_be_bytes());
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const REGULAR: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");

    /// The names left, as (name ID, text) of the Windows records.
    fn names(font: &[u8]) -> Vec<(u16, String)> {
        let face = rustybuzz::ttf_parser::Face::parse(font, 0).expect("a font");
        face.names()
            .into_iter()
            .filter(|name| name.platform_id == rustybuzz::ttf_parser::PlatformId::Windows)
            .filter_map(|name| Some((name.name_id, name.to_string()?)))
            .collect()
    }

    #[test]
    fn the_licence_text_goes_and_the_font_stays_the_same() {
        let short = with_short_names(REGULAR).expect("DejaVu Sans is a TrueType font");
        assert!(
            short.len() < REGULAR.len() - 9_000,
            "{} of {} bytes",
            short.len(),
            REGULAR.len()
        );
        let kept = names(&short);
        assert!(kept.iter().all(|(id, _)| KEPT_NAMES.contains(id)), "{kept:?}");
        assert!(kept.contains(&(1, "DejaVu Sans".to_owned())));
        assert!(kept.iter().any(|(id, text)| *id == 0 && text.contains("Bitstream")));
        assert!(kept.iter().any(|(id, text)| *id == 14 && text.contains("License")));
        // Every other table is the same, byte for byte (but `head`'s
        // checksum adjustment): the same glyphs, metrics and shaping.
        let (before, after) = (
            rustybuzz::ttf_parser::RawFace::parse(REGULAR, 0).expect("font"),
            rustybuzz::ttf_parser::RawFace::parse(&short, 0).expect("font"),
        );
        let without_adjustment = |table: &[u8]| [&table[..8], &table[12..]].concat();
        for record in before.table_records {
            let (was, is) = (
                before.table(record.tag).expect("table"),
                after.table(record.tag).expect("table"),
            );
            match &record.tag.to_bytes() {
                b"name" => {}
                b"head" => assert_eq!(without_adjustment(was), without_adjustment(is)),
                _ => assert_eq!(was, is, "{}", record.tag),
            }
        }
        // And its checksums hold: the whole file sums to the magic number.
        assert_eq!(checksum(&short), 0xB1B0_AFBA);
    }

    #[test]
    fn anything_else_is_left_to_be_embedded_as_it_is() {
        assert!(with_short_names(b"").is_none());
        assert!(with_short_names(b"OTTO\0\0\0\0\0\0\0\0").is_none());
        assert!(with_short_names(&REGULAR[..200]).is_none());
    }
}
