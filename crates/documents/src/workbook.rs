//! Tables as an Excel workbook (`.xlsx`), one sheet each: what a funder's
//! spreadsheet opens without the import dialogue a CSV needs, with numbers
//! stored as numbers (never text that looks like one), whatever the reader's
//! decimal separator.

use rust_xlsxwriter::{Format, Workbook, XlsxError};

/// One cell's value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Words: stored as text, never read as a formula.
    Text(String),
    /// A count, shown without decimals.
    Count(u64),
    /// A measure (a rate, hours, a mean), shown with one decimal.
    Decimal(f64),
    /// Not known (a rate without a denominator): an empty cell.
    Unknown,
}

/// One sheet: its name, its column headings, its rows.
#[derive(Clone, Debug)]
pub struct Table {
    pub name: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

/// Writing the workbook failed (a bug: every input is made writable first).
#[derive(Debug, thiserror::Error)]
#[error("the workbook could not be written: {0}")]
pub struct WorkbookError(#[from] XlsxError);

/// The workbook of `tables`, in their order; `rtl` lays every sheet out
/// right to left (Arabic).
pub fn workbook(tables: &[Table], rtl: bool) -> Result<Vec<u8>, WorkbookError> {
    let mut book = Workbook::new();
    let heading = Format::new().set_bold().set_text_wrap();
    let count = Format::new().set_num_format("0");
    let decimal = Format::new().set_num_format("0.0");
    let mut names: Vec<String> = Vec::new();
    for table in tables {
        let sheet = book.add_worksheet();
        sheet.set_name(sheet_name(&table.name, &names))?;
        names.push(sheet.name());
        sheet.set_right_to_left(rtl);
        for (column, text) in table.header.iter().enumerate() {
            sheet.write_string_with_format(0, column as u16, text, &heading)?;
        }
        for (index, row) in table.rows.iter().enumerate() {
            let line = index as u32 + 1;
            for (column, value) in row.iter().enumerate() {
                let column = column as u16;
                match value {
                    Value::Text(text) => sheet.write_string(line, column, text).map(|_| ())?,
                    Value::Count(n) => sheet
                        .write_number_with_format(line, column, *n as f64, &count)
                        .map(|_| ())?,
                    Value::Decimal(x) => sheet.write_number_with_format(line, column, *x, &decimal).map(|_| ())?,
                    Value::Unknown => {}
                }
            }
        }
        // The headings stay in view while the rows scroll.
        sheet.set_freeze_panes(1, 0)?;
        sheet.autofit();
    }
    Ok(book.save_to_buffer()?)
}

/// A name Excel accepts for a sheet: at most 31 characters, none of
/// `[]:*?/\\`, not quoted, and unlike the names `taken` before it. A longer
/// name is cut after a whole word and ends with "…" (session 28's attack
/// round found "Overall satisfaction- answers p").
fn sheet_name(wanted: &str, taken: &[String]) -> String {
    let clean: String = wanted
        .chars()
        .flat_map(|c| match c {
            // "Satisfaction : réponses" reads as "Satisfaction - réponses".
            ':' => " -".chars().collect::<Vec<_>>(),
            c if "[]*?/\\".contains(c) => vec!['-'],
            c => vec![c],
        })
        .collect();
    let clean = clean.split_whitespace().collect::<Vec<_>>().join(" ");
    let clean = clean.trim_matches('\'').trim();
    let clean = if clean.is_empty() { "Sheet" } else { clean };
    let clash = |name: &str| taken.iter().any(|t| t.to_lowercase() == name.to_lowercase());
    for n in 1.. {
        let suffix = if n == 1 { String::new() } else { format!(" ({n})") };
        let name = format!("{}{suffix}", shortened(clean, 31 - suffix.chars().count()));
        if !clash(&name) {
            return name;
        }
    }
    unreachable!("some suffix is free")
}

/// `text` in at most `room` characters: whole, or cut after its last whole
/// word that fits (mid-word only for a single long word) and ended by "…",
/// unless a word ends right at `room`.
fn shortened(text: &str, room: usize) -> String {
    if text.chars().count() <= room {
        return text.to_owned();
    }
    if text.chars().nth(room).is_some_and(char::is_whitespace) {
        return text.chars().take(room).collect();
    }
    let kept: String = text.chars().take(room - 1).collect();
    let next = text.chars().nth(room - 1);
    let cut = match next {
        Some(c) if c.is_whitespace() => kept.as_str(),
        _ => kept.rsplit_once(' ').map_or(kept.as_str(), |(words, _)| words),
    };
    format!("{}…", cut.trim_end_matches([' ', '-', ',', '.', ';']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_made_acceptable_and_distinct() {
        let taken = vec!["Participants par région".to_owned()];
        assert_eq!(
            sheet_name("Participants par région", &taken),
            "Participants par région (2)"
        );
        assert_eq!(sheet_name("a/b [c]?", &[]), "a-b -c--");
        assert_eq!(sheet_name("'  '", &[]), "Sheet");
        let long = "Taux d’achèvement par formation et par mois";
        assert_eq!(sheet_name(long, &[]), "Taux d’achèvement par formation");
        // The languages' longest (session 28): whole words, a colon read as a dash.
        assert_eq!(
            sheet_name("Overall satisfaction: answers per score", &[]),
            "Overall satisfaction - answers…"
        );
        assert_eq!(
            sheet_name("Satisfaction globale : réponses par note", &[]),
            "Satisfaction globale - réponses"
        );
        assert_eq!(
            sheet_name("Satisfacción general: respuestas por puntuación", &[]),
            "Satisfacción general…"
        );
        let taken = vec!["Overall satisfaction - answers…".to_owned()];
        assert_eq!(
            sheet_name("Overall satisfaction: answers per score", &taken),
            "Overall satisfaction… (2)"
        );
        assert_eq!(sheet_name(&"x".repeat(40), &[]).chars().count(), 31);
        for name in [long, "Overall satisfaction: answers per score", &"x".repeat(40)] {
            assert!(sheet_name(name, &[]).chars().count() <= 31);
        }
    }

    #[test]
    fn a_workbook_is_a_zip_of_sheets() {
        let table = Table {
            name: "Totals".into(),
            header: vec!["Indicator".into(), "Value".into()],
            rows: vec![
                vec![Value::Text("=1+1".into()), Value::Count(3)],
                vec![Value::Text("Rate".into()), Value::Unknown],
            ],
        };
        let bytes = workbook(&[table.clone(), table], true).expect("workbook");
        assert_eq!(&bytes[..2], b"PK");
    }
}
