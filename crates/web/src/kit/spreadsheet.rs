//! The CSV files Aula writes for people to open in a spreadsheet (the
//! registrations, the attendance matrix, survey results, the indicators, the
//! certificate register inside the ZIP export): UTF-8 with a byte-order mark,
//! and safe to open.
//!
//! Safe means no formula injection. A spreadsheet evaluates a cell that
//! starts with `=`, `+`, `-` or `@` (and, after its own trimming, one that
//! starts with a tab or a carriage return), so a registrant who calls
//! themselves `=HYPERLINK("http://evil","x")` would plant a live formula in
//! an accreditor's register. OWASP's rule is applied: such a text cell is
//! written with a leading `'`, which spreadsheets show as text and never
//! evaluate.
//!
//! Where the rule applies is decided by the type of the cell, not by looking
//! at its content: every cell is [`Cell::Text`] (neutralised) unless the code
//! that writes it says it is a [`number`] it formatted itself from a numeric
//! value (a count, hours, a mean, a rate). So text from people can never slip
//! through by being forgotten; forgetting to mark a number only puts a quote
//! before a negative one. Numbers stay numbers: `-3` or `4,6` written as a
//! number is left alone. The only way to write a CSV for download is [`Sheet`];
//! a new export uses it too.

use std::borrow::Cow;

use crate::{AppError, AppResult};

/// One cell of a row.
#[derive(Clone, Debug)]
pub enum Cell {
    /// Words: neutralised if a spreadsheet would read them as a formula.
    Text(String),
    /// A number our code formatted (possibly with a decimal comma): written as is.
    Number(String),
}

/// A cell holding a number that the code formatted from a numeric value.
pub fn number(value: impl std::fmt::Display) -> Cell {
    Cell::Number(value.to_string())
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Cell::Text(text)
    }
}

impl From<&String> for Cell {
    fn from(text: &String) -> Self {
        Cell::Text(text.clone())
    }
}

/// An optional text (someone's e-mail, issue 20): empty when there is none.
impl From<&Option<String>> for Cell {
    fn from(text: &Option<String>) -> Self {
        Cell::Text(text.clone().unwrap_or_default())
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Cell::Text(text.to_owned())
    }
}

/// The text a spreadsheet shows as it is: a leading `'` before a cell that
/// starts with `=`, `+`, `-`, `@`, a tab or a carriage return (OWASP's CSV
/// injection rule).
pub fn neutralise(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// A CSV file being written, in memory.
pub struct Sheet {
    writer: csv::Writer<Vec<u8>>,
}

impl Default for Sheet {
    fn default() -> Self {
        Sheet::new(b',')
    }
}

impl Sheet {
    /// A sheet with this delimiter (`;` for spreadsheets with a decimal
    /// comma), starting with the UTF-8 byte-order mark so spreadsheet
    /// programs read accents right.
    pub fn new(delimiter: u8) -> Self {
        Sheet {
            writer: csv::WriterBuilder::new()
                .delimiter(delimiter)
                .from_writer(vec![0xEF, 0xBB, 0xBF]),
        }
    }

    /// Writes one row; text cells are neutralised.
    pub fn row<C: Into<Cell>>(&mut self, cells: impl IntoIterator<Item = C>) -> AppResult<()> {
        let record: Vec<String> = cells
            .into_iter()
            .map(|cell| match cell.into() {
                Cell::Text(text) => neutralise(&text).into_owned(),
                Cell::Number(n) => n,
            })
            .collect();
        self.writer.write_record(&record).map_err(internal)
    }

    /// The file's bytes.
    pub fn into_bytes(self) -> AppResult<Vec<u8>> {
        self.writer.into_inner().map_err(|e| AppError::Internal(e.to_string()))
    }
}

fn internal(e: csv::Error) -> AppError {
    AppError::Internal(e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_become_text_and_numbers_stay_numbers() {
        for formula in ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)", "\t=1", "\r=1"] {
            assert_eq!(neutralise(formula), format!("'{formula}"));
        }
        for plain in ["Inés", "1+1", " =x", "'quoted", ""] {
            assert_eq!(neutralise(plain), plain);
        }
        let mut sheet = Sheet::default();
        sheet.row([Cell::from("-3"), number(-3), number("4,6")]).expect("row");
        let bytes = sheet.into_bytes().expect("bytes");
        assert_eq!(&bytes[3..], "'-3,-3,\"4,6\"\n".as_bytes());
    }
}
