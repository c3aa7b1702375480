//! Registering people to a session from a CSV file an organiser uploads.
//!
//! Three steps, all pure: [`read`] turns the bytes into a [`Sheet`] (header and
//! data rows, with the file's line numbers), [`guess`] proposes which column
//! holds which [`Field`], and [`check`] parses every row with the same domain
//! parsers as the public registration form, sorting the rows into accepted and
//! rejected ones.
//!
//! The whole file is checked before anything is written. A file half imported
//! is the worst outcome: the organiser cannot tell which people are in, and
//! uploading the corrected file again would meet the ones already registered.
//! So the web layer shows the [`Report`] first, every rejected line with every
//! problem of that line, and the organiser then chooses to import the accepted
//! rows or nothing (and to fix the file and upload it again).
//!
//! Files come from spreadsheets in French and Spanish as often as English ones:
//! the separator may be `;` (the list separator where the decimal mark is a
//! comma) or a tab, headers and choices may be written in any of the three
//! languages, with or without accents.

use std::collections::BTreeMap;
use std::collections::HashMap;
use std::collections::hash_map::Entry;

use uuid::Uuid;

use crate::details::ShortText;
use crate::{Audience, Email, Language, PersonName, Phone, Problem, RegistrantDetails, Text, fold_for_search};

/// The most data rows one file may hold: far more than a session seats, and
/// few enough for the report to stay readable and the check to stay quick.
pub const MAX_ROWS: usize = 5000;

/// The most columns a file may have: a list of people has a dozen, a
/// platform's report about as many; a page to choose what each of
/// thousands holds would be of no use to anyone.
pub const MAX_COLUMNS: usize = 200;

/// The separators a spreadsheet writes, in order of preference on a tie.
pub(crate) const DELIMITERS: [u8; 3] = [b',', b';', b'\t'];

/// A column of the file, mapped to a field of a registrant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    GivenName,
    FamilyName,
    Email,
    Phone,
    Employer,
    JobTitle,
    Audience,
    Region,
    Language,
    /// The identifier the course's accrediting body asks for (issue 20), kept
    /// only where it asks for one.
    Identifier,
}

impl Field {
    /// In the order of the registration form, which is also the order of the
    /// problems of a rejected row.
    pub const ALL: &'static [Field] = &[
        Field::GivenName,
        Field::FamilyName,
        Field::Email,
        Field::Phone,
        Field::Employer,
        Field::JobTitle,
        Field::Audience,
        Field::Region,
        Field::Language,
        Field::Identifier,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Field::GivenName => "given_name",
            Field::FamilyName => "family_name",
            Field::Email => "email",
            Field::Phone => "phone",
            Field::Employer => "employer",
            Field::JobTitle => "job_title",
            Field::Audience => "audience",
            Field::Region => "region",
            Field::Language => "language",
            Field::Identifier => "identifier",
        }
    }

    pub fn parse(input: &str) -> Option<Field> {
        Field::ALL.iter().copied().find(|field| field.as_str() == input.trim())
    }

    /// Whether a file can be imported without a column for this field: a
    /// registrant cannot be found again or written to without a name and an
    /// e-mail address.
    pub fn required(self) -> bool {
        matches!(self, Field::GivenName | Field::FamilyName | Field::Email)
    }

    /// The catalogue key of the field's label on the mapping form.
    pub fn label_key(self) -> &'static str {
        match self {
            Field::GivenName => "import-field-given-name",
            Field::FamilyName => "import-field-family-name",
            Field::Email => "import-field-email",
            Field::Phone => "import-field-phone",
            Field::Employer => "import-field-employer",
            Field::JobTitle => "import-field-job-title",
            Field::Audience => "import-field-audience",
            Field::Region => "import-field-region",
            Field::Language => "import-field-language",
            Field::Identifier => "import-field-identifier",
        }
    }

    /// Header names that mean this field, in en, fr, es and ar. Compared after
    /// [`simplify`], so case, accents, spaces, `_` and `-` do not matter. The
    /// labels of `import-field-*` are among them, so a file written with the
    /// mapping form's words is recognised.
    fn synonyms(self) -> &'static [&'static str] {
        match self {
            Field::GivenName => &[
                "given name",
                "first name",
                "firstname",
                "forename",
                "prénom",
                "nombre",
                // ar: the mapping form's label, and what forms and
                // spreadsheets in Arabic write.
                "الاسم",
                "الاسم الأول",
            ],
            Field::FamilyName => &[
                "family name",
                "last name",
                "lastname",
                "surname",
                "nom",
                "nom de famille",
                "apellidos",
                "apellido",
                "اللقب",
                "اسم العائلة",
                "الكنية",
            ],
            Field::Email => &[
                "email",
                "e-mail",
                "mail",
                "email address",
                "e-mail address",
                "courriel",
                "adresse e-mail",
                "adresse mail",
                "adresse électronique",
                "correo",
                "correo electrónico",
                "correo-e",
                "dirección de correo electrónico",
                "dirección de correo",
                "adresse de courriel",
                "البريد الإلكتروني",
                "البريد الالكتروني",
            ],
            Field::Phone => &[
                "phone",
                "phone number",
                "telephone",
                "tel",
                "mobile",
                "numéro de téléphone",
                "portable",
                "teléfono",
                "móvil",
                "الهاتف",
                "رقم الهاتف",
                "الجوال",
            ],
            Field::Employer => &[
                "employer",
                "organisation",
                "organization",
                "workplace",
                "employeur",
                "organisme",
                "lieu de travail",
                "empresa",
                "organismo",
                "entidad",
                "centro de trabajo",
                "مكان العمل",
                "جهة العمل",
                "المؤسسة",
            ],
            Field::JobTitle => &[
                "job title",
                "position",
                "poste",
                "fonction",
                "cargo",
                "puesto",
                "puesto de trabajo",
                "الخطة الوظيفية",
                "الوظيفة",
                "المسمى الوظيفي",
            ],
            Field::Audience => &[
                "audience",
                "public",
                "profile",
                "profil",
                "perfil",
                "colectivo",
                "الصفة",
                "الفئة",
                "الفئة المستهدفة",
            ],
            Field::Region => &[
                "region",
                "région",
                "región",
                "comunidad autónoma",
                "comunidad",
                "ccaa",
                "الجهة",
                "المنطقة",
            ],
            Field::Language => &["language", "lang", "langue", "idioma", "lengua", "اللغة"],
            // What registers call their people's number: Spain's national
            // and foreigners' identity numbers, a staff or registration number.
            Field::Identifier => &[
                "identifier",
                "id number",
                "staff number",
                "employee number",
                "identifiant",
                "matricule",
                "numéro d'agent",
                "identificador",
                "dni",
                "nie",
                "dni/nie",
                "nif",
                "número de empleado",
                "número de personal",
                "المعرّف لدى الجهة المعتمِدة",
                "المعرف",
                "رقم الهوية",
            ],
        }
    }
}

/// The file as read: its header and its data rows, with their line numbers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sheet {
    pub delimiter: u8,
    /// Trimmed, non-empty, distinct (ignoring case).
    pub headers: Vec<String>,
    /// The rows that are not blank, each with as many cells as `headers`.
    pub rows: Vec<Row>,
}

/// A data row. `line` is the file's line where the row starts (the header is
/// usually line 1), so the organiser finds it in a text editor or spreadsheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub cells: Vec<String>,
}

/// The bytes of an uploaded file as text, or `None` when they are no text
/// this knows: UTF-8, with or without a byte-order mark; UTF-16 with its
/// mark, little-endian (Teams today) or big-endian (Teams in 2022); else the
/// code page a spreadsheet writes when it saves "CSV" on Windows, which is
/// the system's: Windows-1252 in French, Spanish and English, Windows-1256
/// in Arabic. Which of the two is told from the letters themselves
/// (`chardetng`, Firefox's detector, and `has_arabic_word`): read as the
/// other, an Arabic list would put names like "ÇáÓáÇã" on its people's
/// certificates. Excel for Mac's Mac Roman is told by `looks_like_mac_roman`.
/// Any other guess (another script's code page, from a handful of bytes) is
/// taken as Windows-1252, the code page of three of the four languages;
/// bytes it leaves undefined make the file no text.
///
/// Found by trying real files (session 24): Excel's "CSV" on Windows was
/// refused as "not UTF-8", though it is what most organisers have.
pub fn decode(bytes: &[u8]) -> Option<String> {
    let utf16 = |encoding: &'static encoding_rs::Encoding, rest: &[u8]| {
        encoding
            .decode_without_bom_handling_and_without_replacement(rest)
            .map(std::borrow::Cow::into_owned)
    };
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return std::str::from_utf8(rest).ok().map(str::to_owned);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(encoding_rs::UTF_16LE, rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(encoding_rs::UTF_16BE, rest);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Some(text.to_owned());
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    let code_page = if guess == encoding_rs::WINDOWS_1256 || has_arabic_word(bytes) {
        encoding_rs::WINDOWS_1256
    } else if looks_like_mac_roman(bytes) {
        encoding_rs::MACINTOSH
    } else {
        encoding_rs::WINDOWS_1252
    };
    let text = code_page.decode_without_bom_handling(bytes).0.into_owned();
    // Bytes Windows-1252 leaves undefined (they decode to C1 controls):
    // another code page, which would be read wrong.
    if text.chars().any(|c| ('\u{80}'..='\u{9F}').contains(&c)) {
        return None;
    }
    Some(text)
}

/// Whether the bytes are what Excel for Mac saves as "CSV": Mac Roman,
/// whose accented letters (é 0x8E, ñ 0x96, É 0x83, ï 0x95...) are bytes that
/// Windows-1252 reads as punctuation ("JosŽ Mu–oz"; a review found such
/// names registered and mailed). Told by a byte of 0x80 to 0x9F touching an
/// ASCII letter, in a file without one byte of 0xC0 and above, where
/// Windows-1252 keeps its own accented letters. Not counted, for they are
/// Windows-1252's in names too: the euro, quotes and apostrophes ("O’Brien"),
/// and its letters Š Œ š œ ž Ÿ ("Cœur"); Ž only after a lowercase letter
/// ("JosŽ"), where Windows-1252 would put a capital inside a word.
fn looks_like_mac_roman(bytes: &[u8]) -> bool {
    if bytes.iter().any(|b| *b >= 0xC0) {
        return false;
    }
    let letter = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphabetic);
    bytes.iter().enumerate().any(|(i, b)| {
        let before = i.checked_sub(1).and_then(|j| bytes.get(j));
        match b {
            0x8E => before.is_some_and(u8::is_ascii_lowercase),
            0x80 | 0x8A | 0x8C | 0x91..=0x94 | 0x9A | 0x9C | 0x9E | 0x9F => false,
            0x81..=0x9D => letter(before) || letter(bytes.get(i + 1)),
            _ => false,
        }
    })
}

/// Whether the bytes, read as Windows-1256, hold a word of two or more
/// Arabic letters that no Latin letter touches. From a short list (one
/// name, or Arabic names under a French header) the detector guesses other
/// code pages, and the names came out as "Óáãì" (found by a review's 7,500
/// generated files, session 24); a Windows-1252 file never has such a word:
/// its accented letters sit inside Latin words ("IBÁÑEZ", "Conceição").
fn has_arabic_word(bytes: &[u8]) -> bool {
    let (text, _) = encoding_rs::WINDOWS_1256.decode_without_bom_handling(bytes);
    let arabic = |c: char| ('\u{0621}'..='\u{064A}').contains(&c) || ('\u{0671}'..='\u{06D3}').contains(&c);
    text.split(|c: char| !c.is_alphabetic())
        .any(|word| word.chars().nth(1).is_some() && word.chars().all(arabic))
}

/// Reads a CSV file (in an encoding [`decode`] knows), separated by `,`, `;`
/// or tabs, a header line first.
///
/// A file is refused whole when its shape is wrong (a row with too many or too
/// few cells, a header without a name): any row could then be shifted a column,
/// and checking its cells would report nonsense.
pub fn read(bytes: &[u8]) -> Result<Sheet, Problem> {
    let text = decode(bytes).ok_or_else(|| Problem::new("error-csv-encoding"))?;
    let text = text.as_str();
    let hint = hinted_delimiter(text);
    let delimiter = hint.unwrap_or_else(|| sniff(text));
    let mut records = records(text, delimiter)?.into_iter().skip(usize::from(hint.is_some()));
    let Some(header) = records.next() else {
        return Err(Problem::new("error-csv-empty"));
    };
    sheet(delimiter, header, records)
}

/// The separator Excel names on a first line of its own (`sep=;`), if any:
/// that line is no record. Found by attacking the imports (session 23: the
/// file was refused).
pub(crate) fn hinted_delimiter(text: &str) -> Option<u8> {
    text.lines()
        .next()
        .and_then(|line| line.trim_end_matches(['\r', ' ']).strip_prefix("sep="))
        .and_then(|rest| DELIMITERS.into_iter().find(|d| rest.as_bytes() == [*d]))
}

/// A record of the file that is not blank, with whether blank lines (or rows
/// of empty cells) come between it and the record before: a participant
/// report's tables are separated so.
#[derive(Clone, Debug)]
pub(crate) struct Record {
    pub(crate) row: Row,
    pub(crate) after_gap: bool,
}

/// Every record of `text` split by `delimiter`, blank ones left out; a quote
/// never closed, or a record the csv crate cannot read, is the file's
/// problem.
pub(crate) fn records(text: &str, delimiter: u8) -> Result<Vec<Record>, Problem> {
    records_up_to(text, delimiter, usize::MAX)
}

/// The first `most` records of `text`, as [`records`] reads them.
pub(crate) fn records_up_to(text: &str, delimiter: u8, most: usize) -> Result<Vec<Record>, Problem> {
    if let Some(line) = unclosed_quote(text, delimiter) {
        return Err(Problem::new("error-csv-malformed").with("line", line));
    }
    // The csv crate skips empty lines without a word: they are found here.
    let empty_lines: Vec<usize> = text
        .split('\n')
        .enumerate()
        .filter(|(_, line)| line.trim().is_empty())
        .map(|(index, _)| index + 1)
        .collect();
    let mut reader = reader(text, delimiter);
    let mut lines = Lines::new(text);
    let mut record = csv::StringRecord::new();
    let mut found: Vec<Record> = Vec::new();
    let mut blank_since_last = false;
    while found.len() < most {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(error) => {
                let byte = error
                    .position()
                    .map_or_else(|| reader.position().byte(), csv::Position::byte);
                return Err(Problem::new("error-csv-malformed").with("line", lines.at(byte)));
            }
        }
        // Spreadsheets write lines of empty cells below (or above) the data.
        if is_blank(&record) {
            blank_since_last = true;
            continue;
        }
        let line = lines.at(record.position().map_or(0, csv::Position::byte));
        let previous = found.last().map_or(0, |r| r.row.line);
        // `empty_lines` is sorted: the first one after the previous record.
        let next_empty = empty_lines.get(empty_lines.partition_point(|l| *l <= previous));
        let after_gap = blank_since_last || next_empty.is_some_and(|l| *l < line);
        blank_since_last = false;
        found.push(Record {
            row: Row {
                line,
                // A cell of several lines (Alt+Enter in Excel: `Mairie de
                // Lyon` over `Service RH`) is one line of words: every field
                // read from a file is a line (session 23: the row was refused
                // for invisible control characters, which nobody could see).
                cells: record.iter().map(one_line).collect(),
            },
            after_gap,
        });
    }
    Ok(found)
}

/// A cell's lines joined by a space.
fn one_line(cell: &str) -> String {
    if cell.contains(['\r', '\n']) {
        cell.split(['\r', '\n'])
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        cell.to_owned()
    }
}

/// The sheet of a header and the records below it: each with as many cells
/// as the header, at most [`MAX_ROWS`], at least one.
pub(crate) fn sheet(delimiter: u8, header: Record, records: impl Iterator<Item = Record>) -> Result<Sheet, Problem> {
    if header.row.cells.len() > MAX_COLUMNS {
        return Err(Problem::new("error-csv-too-many-columns").with("max", MAX_COLUMNS));
    }
    let mut headers: Vec<String> = header.row.cells.iter().map(|cell| cell.trim().to_owned()).collect();
    let mut rows = Vec::new();
    for Record { row, .. } in records {
        if row.cells.len() != headers.len() {
            return Err(Problem::new("error-csv-row-length")
                .with("line", row.line)
                .with("expected", headers.len())
                .with("found", row.cells.len()));
        }
        if rows.len() == MAX_ROWS {
            return Err(Problem::new("error-csv-too-many-rows").with("max", MAX_ROWS));
        }
        rows.push(row);
    }
    // A header and no one under it is an empty list of people, and most likely
    // the wrong file or sheet: say so now rather than report zero rows.
    if rows.is_empty() {
        return Err(Problem::new("error-csv-empty"));
    }

    drop_empty_trailing_columns(&mut headers, &mut rows);
    check_headers(&headers)?;
    Ok(Sheet {
        delimiter,
        headers,
        rows,
    })
}

/// Line numbers of records, counted from their byte offsets. The csv crate's
/// own `Position::line` is where the parser resumed, which is before the blank
/// lines it skips and before the `\n` of a `\r\n` it has not consumed yet, so
/// it names the line above the record in most spreadsheet exports.
struct Lines<'a> {
    text: &'a [u8],
    offset: usize,
    line: usize,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        Lines {
            text: text.as_bytes(),
            offset: 0,
            line: 1,
        }
    }

    /// The line of the first byte of a record that the parser started reading
    /// at `byte`. Offsets only grow, so each byte of the file is counted once.
    fn at(&mut self, byte: u64) -> usize {
        let mut start = usize::try_from(byte).unwrap_or(usize::MAX).min(self.text.len());
        // The parser skips empty lines (and the end of the previous one) before a record.
        while self.text.get(start).is_some_and(|b| *b == b'\r' || *b == b'\n') {
            start += 1;
        }
        if start > self.offset {
            self.line += self.text[self.offset..start].iter().filter(|b| **b == b'\n').count();
            self.offset = start;
        }
        self.line
    }
}

fn reader(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    // Headers are handled here rather than by the crate, so that blank lines
    // before the header are skipped like any other and the header gets the
    // same checks as the rows.
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
}

/// The line of a quote that opens a cell and is never closed. The csv crate
/// takes everything after it, to the end of the file, as that one cell, so the
/// rows below would silently vanish from the report. Follows the crate's rules:
/// a quote opens a quoted cell only as a cell's first character, and `""`
/// inside one is a quote.
fn unclosed_quote(text: &str, delimiter: u8) -> Option<usize> {
    let mut line = 1;
    let mut opened_on = None;
    let mut cell_start = true;
    let mut bytes = text.bytes().peekable();
    while let Some(byte) = bytes.next() {
        if byte == b'\n' {
            line += 1;
        }
        if opened_on.is_some() {
            if byte == b'"' && bytes.next_if_eq(&b'"').is_none() {
                opened_on = None;
            }
        } else {
            if byte == b'"' && cell_start {
                opened_on = Some(line);
            }
            cell_start = byte == delimiter || byte == b'\n' || byte == b'\r';
        }
    }
    opened_on
}

fn is_blank(record: &csv::StringRecord) -> bool {
    record.iter().all(|cell| cell.trim().is_empty())
}

/// The separator that splits the header into the most columns. Reading the
/// header with the CSV reader itself, rather than counting characters, keeps a
/// quoted `"Name, given"` from voting for the comma.
fn sniff(text: &str) -> u8 {
    let columns = |delimiter: u8| {
        let mut record = csv::StringRecord::new();
        let mut reader = reader(text, delimiter);
        while let Ok(true) = reader.read_record(&mut record) {
            if !is_blank(&record) {
                return record.len();
            }
        }
        0
    };
    let mut best = (DELIMITERS[0], 1);
    for delimiter in DELIMITERS {
        let count = columns(delimiter);
        if count > best.1 {
            best = (delimiter, count);
        }
    }
    best.0
}

/// Spreadsheets often export a few unnamed, empty columns at the right of the
/// data (cells that were once formatted). They carry nothing, so they are
/// dropped instead of refusing the file for a header without a name.
fn drop_empty_trailing_columns(headers: &mut Vec<String>, rows: &mut [Row]) {
    let mut keep = headers.len();
    while keep > 1
        && headers[keep - 1].is_empty()
        && rows
            .iter()
            .all(|row| row.cells.get(keep - 1).is_none_or(|cell| cell.trim().is_empty()))
    {
        keep -= 1;
    }
    headers.truncate(keep);
    for row in rows {
        row.cells.truncate(keep);
    }
}

/// Each column needs a name, and a distinct one: the mapping form shows the
/// names to choose from, and two alike could not be told apart.
fn check_headers(headers: &[String]) -> Result<(), Problem> {
    let mut seen = std::collections::HashSet::new();
    for (index, header) in headers.iter().enumerate() {
        if header.is_empty() || !seen.insert(header.to_lowercase()) {
            return Err(Problem::new("error-csv-header").with("column", index + 1));
        }
    }
    Ok(())
}

/// Which column (an index into [`Sheet::headers`]) holds each field (of a
/// people import, or of another file's vocabulary, `F`). A column holds at
/// most one field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mapping<F = Field>(BTreeMap<F, usize>);

impl<F> Default for Mapping<F> {
    fn default() -> Self {
        Mapping(BTreeMap::new())
    }
}

impl<F: Ord + Copy> Mapping<F> {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn get(&self, field: F) -> Option<usize> {
        self.0.get(&field).copied()
    }

    /// Maps `field` to `column`, unmapping whichever field held that column
    /// before: one cell cannot be both a given and a family name (or a join
    /// time and a duration), and a required field left unmapped this way is
    /// reported when the mapping is checked.
    pub fn set(&mut self, field: F, column: usize) {
        self.0.retain(|_, held| *held != column);
        self.0.insert(field, column);
    }

    pub fn unset(&mut self, field: F) {
        self.0.remove(&field);
    }

    /// Proposes a mapping from the header's names (see [`guess`]): each
    /// column gets the first of `fields`, not mapped yet, that has its name
    /// among its `synonyms`, compared after [`simplify`].
    pub(crate) fn guess(headers: &[String], fields: &[F], synonyms: impl Fn(F) -> &'static [&'static str]) -> Self {
        let mut mapping = Self::new();
        for (column, header) in headers.iter().enumerate() {
            let name = simplify(header);
            let found = fields
                .iter()
                .copied()
                .find(|field| mapping.get(*field).is_none() && synonyms(*field).iter().any(|s| simplify(s) == name));
            if let Some(field) = found {
                mapping.set(field, column);
            }
        }
        mapping
    }

    /// The field a column holds, if any.
    pub fn field_of(&self, column: usize) -> Option<F> {
        self.0
            .iter()
            .find(|(_, held)| **held == column)
            .map(|(field, _)| *field)
    }

    /// The mapped fields, in their vocabulary's order.
    pub fn iter(&self) -> impl Iterator<Item = (F, usize)> + '_ {
        self.0.iter().map(|(field, column)| (*field, *column))
    }
}

/// Lower case, no accents, letters and digits only: `E-mail`, `e_mail` and
/// `EMAIL` are alike, and so are `Prénom` and `prenom`.
pub(crate) fn simplify(input: &str) -> String {
    fold_for_search(input).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Proposes a mapping from the header's names. Names must match a synonym
/// whole, not contain it: French `nom` is the family name but Spanish `nombre`
/// the given name. The first column that matches a field gets it; a column
/// the guess does not know stays unmapped, for the organiser to choose.
pub fn guess(headers: &[String]) -> Mapping {
    Mapping::guess(headers, Field::ALL, Field::synonyms)
}

/// [`guess`] for a course whose accrediting body asks for an identifier
/// (issue 20): a column named as the body names it (`Número de afiliación`),
/// as the mapping form shows it, is that identifier too.
pub fn guess_for(headers: &[String], identifier_label: Option<&str>) -> Mapping {
    let mut mapping = guess(headers);
    if let Some(label) = identifier_label.map(simplify)
        && mapping.get(Field::Identifier).is_none()
        && let Some(column) = headers.iter().position(|h| simplify(h) == label)
        && mapping.field_of(column).is_none()
    {
        mapping.set(Field::Identifier, column);
    }
    mapping
}

/// What [`check`] found: every row of the file is in exactly one list, each in
/// file order.
#[derive(Clone, Debug)]
pub struct Report {
    pub accepted: Vec<Accepted>,
    pub rejected: Vec<Rejected>,
}

/// A row ready to register.
#[derive(Clone, Debug)]
pub struct Accepted {
    pub line: usize,
    pub registrant: RegistrantDetails,
}

/// A row that cannot be registered, with every problem found in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    pub line: usize,
    /// The e-mail cell as written (trimmed), so the report names the person
    /// even when the address is what is wrong.
    pub email: String,
    /// In the order of [`Field::ALL`]. A duplicate address is a problem of the
    /// e-mail field.
    pub problems: Vec<(Field, Problem)>,
}

/// Parses every row with the mapping; `region` finds a region's id from the
/// cell's text (the web layer knows the regions), `audience` one of the
/// instance's own audiences (the built-in ones are known here), and `default_language` is
/// the language of the people whose row does not say.
///
/// With `without_email` (the organiser says the file lists people who have
/// no address, issue 20) a row with an empty e-mail cell, or a file with no
/// e-mail column, is a person without e-mail; an address that is there must
/// still be one.
///
/// Refuses only when a required field has no column, or a column that the
/// sheet does not have: then no row could be right. Anything wrong with a row
/// rejects that row only.
pub fn check(
    sheet: &Sheet,
    mapping: &Mapping,
    region: impl Fn(&str) -> Option<Uuid>,
    audience: impl Fn(&str) -> Option<Audience>,
    default_language: Language,
    without_email: bool,
) -> Result<Report, Problem> {
    for field in Field::ALL.iter().copied() {
        let column = mapping.get(field);
        let required = field.required() && !(without_email && field == Field::Email);
        let missing = required && column.is_none();
        if missing || column.is_some_and(|column| column >= sheet.headers.len()) {
            return Err(Problem::new("error-import-unmapped").with("field", field.as_str()));
        }
    }

    let mut report = Report {
        accepted: Vec::new(),
        rejected: Vec::new(),
    };
    // Every address met so far, accepted or not, with its first line: the
    // second row of a person is reported against the first even when the
    // first is rejected, since fixing the first would make them clash.
    let mut first_lines: HashMap<Email, usize> = HashMap::new();
    // People without e-mail by their names and telephone, as registering
    // finds them again (issue 20): two such rows are one person twice, or
    // two people the organiser must tell apart (a telephone, an address).
    let mut first_without: HashMap<(String, String, String), usize> = HashMap::new();
    for row in &sheet.rows {
        let cell = |field: Field| {
            mapping
                .get(field)
                .and_then(|column| row.cells.get(column))
                .map_or("", |cell| cell.trim())
        };
        let mut problems = Vec::new();
        let given_name = take(&mut problems, &cell, Field::GivenName, PersonName::parse);
        let family_name = take(&mut problems, &cell, Field::FamilyName, PersonName::parse);
        let email = take(&mut problems, &cell, Field::Email, |c| match c {
            "" if without_email => Ok(None),
            address => Email::parse(address).map(Some),
        });
        if let Some(Some(email)) = &email {
            match first_lines.entry(email.clone()) {
                Entry::Occupied(first) => problems.push((
                    Field::Email,
                    Problem::new("error-import-duplicate").with("line", *first.get()),
                )),
                Entry::Vacant(first) => {
                    first.insert(row.line);
                }
            }
        }
        if let (Some(None), Some(given), Some(family)) = (&email, &given_name, &family_name) {
            let key = (
                fold_for_search(given.as_str()),
                fold_for_search(family.as_str()),
                cell(Field::Phone).to_owned(),
            );
            match first_without.entry(key) {
                Entry::Occupied(first) => problems.push((
                    Field::GivenName,
                    Problem::new("error-import-duplicate-person").with("line", *first.get()),
                )),
                Entry::Vacant(first) => {
                    first.insert(row.line);
                }
            }
        }
        let read = (
            given_name,
            family_name,
            email,
            take(&mut problems, &cell, Field::Phone, Phone::parse_optional),
            take(&mut problems, &cell, Field::Employer, ShortText::parse_optional),
            take(&mut problems, &cell, Field::JobTitle, ShortText::parse_optional),
            take(&mut problems, &cell, Field::Audience, |c| parse_audience(c, &audience)),
            take(&mut problems, &cell, Field::Region, |c| parse_region(c, &region)),
            take(&mut problems, &cell, Field::Language, |c| {
                parse_language(c, default_language)
            }),
        );
        let identifier = take(&mut problems, &cell, Field::Identifier, Text::<60>::parse_optional);
        if let (Some(registrant), Some(identifier)) = (RegistrantDetails::gathered(read), identifier)
            && problems.is_empty()
        {
            report.accepted.push(Accepted {
                line: row.line,
                registrant: RegistrantDetails {
                    identifier,
                    ..registrant
                },
            });
        } else {
            report.rejected.push(Rejected {
                line: row.line,
                email: cell(Field::Email).to_owned(),
                problems,
            });
        }
    }
    Ok(report)
}

/// The row's `field` read by `parse` from its `cell`; a problem is noted
/// against the field.
fn take<'a, T>(
    problems: &mut Vec<(Field, Problem)>,
    cell: &impl Fn(Field) -> &'a str,
    field: Field,
    parse: impl FnOnce(&'a str) -> Result<T, Problem>,
) -> Option<T> {
    parse(cell(field))
        .map_err(|problem| problems.push((field, problem)))
        .ok()
}

/// The words people write for each audience, in en, fr, es and ar (singular and
/// plural, feminine and masculine), besides the code itself. The plural labels
/// are the catalogue's own (`audience-*`), so a list exported from Aula comes
/// back in.
const AUDIENCE_WORDS: &[(Audience, &[&str])] = &[
    (
        Audience::PUBLIC_SERVANT,
        &[
            "public servant",
            "public servants",
            "fonctionnaire",
            "fonctionnaires",
            "agent public",
            "agente publique",
            "agents publics",
            "agentes et agents publics",
            "empleado público",
            "empleada pública",
            "empleados públicos",
            "personal empleado público",
            "funcionario",
            "funcionaria",
            "funcionarios",
            "الموظفون العموميون",
            "موظف عمومي",
            "موظفة عمومية",
        ],
    ),
    (
        Audience::UNION_DELEGATE,
        &[
            "union delegate",
            "union delegates",
            "délégué syndical",
            "déléguée syndicale",
            "délégués syndicaux",
            "déléguées et délégués syndicaux",
            "delegado sindical",
            "delegada sindical",
            "delegados sindicales",
            "delegadas y delegados sindicales",
            "الممثلون النقابيون",
            "ممثل نقابي",
            "ممثلة نقابية",
        ],
    ),
    (
        Audience::ELECTED_OFFICIAL,
        &[
            "elected official",
            "elected officials",
            "élu",
            "élue",
            "élus",
            "élues et élus",
            "cargo electo",
            "cargos electos",
            "المنتخبون",
            "منتخب",
            "منتخبة",
        ],
    ),
    (
        Audience::MEDIATOR,
        &[
            "mediator",
            "mediators",
            "médiateur",
            "médiatrice",
            "médiateurs",
            "médiatrices et médiateurs",
            "mediador",
            "mediadora",
            "personas mediadoras",
            "الوسطاء",
            "وسيط",
            "وسيطة",
        ],
    ),
    (
        Audience::CIVIL_SOCIETY,
        &["civil society", "société civile", "sociedad civil", "المجتمع المدني"],
    ),
    (
        Audience::OTHER,
        &[
            "other",
            "others",
            "autre",
            "autres",
            "autres publics",
            "otro",
            "otra",
            "otros",
            "otros públicos",
            "فئات أخرى",
            "أخرى",
            "آخر",
        ],
    ),
];

/// An audience by its code or its name in en, fr, es or ar. An empty cell is
/// [`Audience::OTHER`]: the public form asks everyone, but an organiser's list
/// often does not say, and refusing those rows would leave them to be typed by
/// hand with the same "other" chosen.
///
/// The instance's own audiences (issue 20) are found by `own`, from their
/// code or one of their names.
fn parse_audience(cell: &str, own: &impl Fn(&str) -> Option<Audience>) -> Result<Audience, Problem> {
    if cell.is_empty() {
        return Ok(Audience::OTHER);
    }
    let word = simplify(cell);
    Audience::BUILT_IN
        .iter()
        .find(|audience| simplify(audience.as_str()) == word)
        .cloned()
        .or_else(|| {
            AUDIENCE_WORDS
                .iter()
                .find(|(_, words)| words.iter().any(|w| simplify(w) == word))
                .map(|(audience, _)| audience.clone())
        })
        .or_else(|| own(cell))
        .ok_or_else(|| Problem::new("error-choice"))
}

fn parse_region(cell: &str, region: &impl Fn(&str) -> Option<Uuid>) -> Result<Option<Uuid>, Problem> {
    if cell.is_empty() {
        return Ok(None);
    }
    region(cell)
        .map(Some)
        .ok_or_else(|| Problem::new("error-import-region").with("value", cell))
}

const LANGUAGE_WORDS: &[(Language, &[&str])] = &[
    (
        Language::Fr,
        &[
            "français",
            "french",
            "francés",
            "francais",
            "الفرنسية",
            "فرنسية",
            "فرنسي",
        ],
    ),
    (
        Language::Es,
        &[
            "español",
            "spanish",
            "espagnol",
            "castellano",
            "الإسبانية",
            "الاسبانية",
            "إسبانية",
            "اسبانية",
        ],
    ),
    (
        Language::En,
        &[
            "english",
            "anglais",
            "inglés",
            "الإنجليزية",
            "الانجليزية",
            "إنجليزية",
            "انجليزية",
            "الإنكليزية",
        ],
    ),
    // Arabic was refused by its name in every language, its own too
    // (session 31's attack round), while a list exported from Aula in Arabic
    // writes it so.
    (Language::Ar, &["arabic", "arabe", "árabe", "العربية", "عربية", "عربي"]),
];

/// A language by its code (`fr`, also as a tag such as `fr-FR`) or its name in
/// en, fr, es or ar; an empty cell is `default`.
fn parse_language(cell: &str, default: Language) -> Result<Language, Problem> {
    if cell.is_empty() {
        return Ok(default);
    }
    let primary = cell.split(['-', '_']).next().unwrap_or(cell).to_ascii_lowercase();
    if let Ok(language) = Language::parse(&primary) {
        return Ok(language);
    }
    let word = simplify(cell);
    LANGUAGE_WORDS
        .iter()
        .find(|(_, words)| words.iter().any(|w| simplify(w) == word))
        .map(|(language, _)| *language)
        .ok_or_else(|| Problem::new("error-choice"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|name| (*name).to_owned()).collect()
    }

    fn key(result: Result<Sheet, Problem>) -> Result<Sheet, &'static str> {
        result.map_err(|problem| problem.key)
    }

    #[test]
    fn byte_order_mark_is_stripped() {
        let sheet = read(b"\xEF\xBB\xBFemail,nom\na@x.org,Ruiz\n");
        assert_eq!(sheet.map(|s| s.headers), Ok(headers(&["email", "nom"])));
    }

    #[test]
    fn delimiters_are_sniffed() {
        let semicolon = read("Prénom;Nom;Courriel\nAna;Ruiz, Gil;ana@x.org\n".as_bytes());
        let Ok(semicolon) = semicolon else {
            panic!("{semicolon:?}")
        };
        assert_eq!(semicolon.delimiter, b';');
        assert_eq!(semicolon.rows[0].cells, headers(&["Ana", "Ruiz, Gil", "ana@x.org"]));

        let tab = read(b"given name\tfamily name\temail\nAna\tRuiz\tana@x.org\n");
        let Ok(tab) = tab else { panic!("{tab:?}") };
        assert_eq!(tab.delimiter, b'\t');
        assert_eq!(tab.headers, headers(&["given name", "family name", "email"]));

        // A quoted comma in the header does not outvote the real separator.
        let quoted = read(b"\"Name, given\";Surname\nAna;Ruiz\n").map(|s| s.delimiter);
        assert_eq!(quoted, Ok(b';'));
        // One column: no separator to find, and none needed.
        assert_eq!(read(b"email\na@x.org\n").map(|s| s.delimiter), Ok(b','));
    }

    #[test]
    fn what_spreadsheets_save_on_windows_is_read() {
        // Excel's "CSV" on a French, Spanish or English system: Windows-1252.
        let western = read(b"nom;pr\xe9nom\r\nRuiz;Ana Mar\xeda\r\nM\xfcller;Jos\xe9 \x80\r\n");
        let Ok(western) = western else { panic!("{western:?}") };
        assert_eq!(western.headers, headers(&["nom", "prénom"]));
        assert_eq!(western.rows[1].cells, headers(&["Müller", "José €"]));
        // On an Arabic system: Windows-1256 (bytes from Python's cp1256 codec).
        let arabic = read(
            b"\xc7\xe1\xc7\xd3\xe3,\xc7\xe1\xc8\xd1\xed\xcf\r\n\
              \xd3\xe1\xe3\xec \xc7\xe1\xe3\xd5\xd1\xed,salma@example.org\r\n",
        );
        let Ok(arabic) = arabic else { panic!("{arabic:?}") };
        assert_eq!(arabic.headers, headers(&["الاسم", "البريد"]));
        assert_eq!(arabic.rows[0].cells, headers(&["سلمى المصري", "salma@example.org"]));
        // "Unicode Text": UTF-16 with its mark, tabs.
        let unicode = read(b"\xff\xfee\x00m\x00a\x00i\x00l\x00\n\x00a\x00@\x00x\x00.\x00o\x00r\x00g\x00");
        assert_eq!(unicode.map(|s| s.rows[0].cells.clone()), Ok(headers(&["a@x.org"])));
        // One Arabic name, or Arabic names under a French header: the
        // detector alone took them for other code pages (bytes from
        // Python's cp1256 codec).
        for (bytes, name) in [
            (&b"\xd3\xe1\xe3\xec\n"[..], "سلمى"),
            (b"name,email\n\xda\xe1\xed,ali@example.org\n", "علي"),
            (
                b"Pr\xe9nom,Nom,Adresse e-mail\n\xda\xe3\xd1,\xc8\xe4 \xda\xe1\xed,ali.87@example.org\n",
                "عمر",
            ),
        ] {
            let text = decode(bytes).unwrap_or_default();
            assert!(text.contains(name), "{text}");
        }
        assert_eq!(
            decode(b"Pr\xe9nom,Nom\n\xda\xe3\xd1,\xc8\xe4 \xda\xe1\xed\n").as_deref(),
            Some("Prénom,Nom\nعمر,بن علي\n"),
            "é is é in both code pages"
        );
        // Capitals stay Latin: "IBÁÑEZ" is not an Arabic word.
        assert_eq!(
            decode(b"IB\xc1\xd1EZ;CONCEI\xc7\xc3O\n").as_deref(),
            Some("IBÁÑEZ;CONCEIÇÃO\n")
        );
        // Excel for Mac's "CSV": Mac Roman (bytes from Python's mac_roman codec).
        assert_eq!(
            decode(b"given_name,family_name\r\n\x83lo\x95se,N\x9c\x96ez\r\nJos\x8e,Mu\x96oz\r\nFran\x8doise,Lef\x8fvre\r\n").as_deref(),
            Some("given_name,family_name\r\nÉloïse,Núñez\r\nJosé,Muñoz\r\nFrançoise,Lefèvre\r\n")
        );
        // Windows-1252's own punctuation and letters stay what they are.
        assert_eq!(
            decode(b"O\x92Brien;C\x9cur;\x80 5\n").as_deref(),
            Some("O’Brien;Cœur;€ 5\n")
        );
        assert_eq!(decode(b"Dupr\xe9 \x96 Mu\x96oz\n").as_deref(), Some("Dupré – Mu–oz\n"));
        // A broken UTF-8 file after its mark is no text.
        assert_eq!(key(read(b"\xEF\xBB\xBFnom;pr\xe9nom\n")), Err("error-csv-encoding"));
    }

    #[test]
    fn empty_files_are_refused() {
        assert_eq!(key(read(b"")), Err("error-csv-empty"));
        assert_eq!(key(read(b"\n\r\n  \n;;\n")), Err("error-csv-empty"));
        assert_eq!(key(read(b"nom;email\n;\n")), Err("error-csv-empty"));
    }

    #[test]
    fn ragged_row_is_refused_with_its_line() {
        let problem = read(b"nom;prenom;email\nRuiz;Ana;a@x.org\n\nGil;b@x.org\n").err();
        assert_eq!(
            problem,
            Some(
                Problem::new("error-csv-row-length")
                    .with("line", 4)
                    .with("expected", 3)
                    .with("found", 2)
            )
        );
    }

    #[test]
    fn headers_need_distinct_names() {
        let problem = read(b"nom;;email\nRuiz;x;a@x.org\n").err();
        assert_eq!(problem, Some(Problem::new("error-csv-header").with("column", 2)));
        let problem = read(b"Email;nom;EMAIL \na@x.org;Ruiz;b@x.org\n").err();
        assert_eq!(problem, Some(Problem::new("error-csv-header").with("column", 3)));
        // Empty columns a spreadsheet adds at the right are dropped.
        let sheet = read(b"nom;email;;\nRuiz;a@x.org;;\nGil;b@x.org; ;\n");
        let Ok(sheet) = sheet else { panic!("{sheet:?}") };
        assert_eq!(sheet.headers, headers(&["nom", "email"]));
        assert_eq!(sheet.rows[1].cells, headers(&["Gil", "b@x.org"]));
    }

    #[test]
    fn too_many_rows_are_refused() {
        let mut file = String::from("email\n");
        for n in 0..=MAX_ROWS {
            file.push_str(&format!("p{n}@x.org\n"));
        }
        let problem = read(file.as_bytes()).err();
        assert_eq!(
            problem,
            Some(Problem::new("error-csv-too-many-rows").with("max", MAX_ROWS))
        );
    }

    #[test]
    fn quoted_cells_keep_separators_and_new_lines() {
        let file =
            "nom,prenom,employeur\r\n\"Ruiz, Gil\",Ana,\"Mairie\nde Lyon\"\r\nGil,Luis,\"Le \"\"Centre\"\"\"\r\n";
        let sheet = read(file.as_bytes());
        let Ok(sheet) = sheet else { panic!("{sheet:?}") };
        assert_eq!(sheet.delimiter, b',');
        assert_eq!(sheet.rows.len(), 2);
        // A cell's lines are joined: every field is one line (session 23).
        assert_eq!(sheet.rows[0].cells, headers(&["Ruiz, Gil", "Ana", "Mairie de Lyon"]));
        assert_eq!(sheet.rows[0].line, 2);
        // The quoted new line makes the next row start a line later.
        assert_eq!(sheet.rows[1].line, 4);
        assert_eq!(sheet.rows[1].cells[2], "Le \"Centre\"");
    }

    #[test]
    fn unclosed_quote_is_refused_with_its_line() {
        let problem = read(b"nom;prenom;email\nRuiz;Ana;\"a@x.org\nGil;Luis;b@x.org\n").err();
        assert_eq!(problem, Some(Problem::new("error-csv-malformed").with("line", 2)));
        // A quote inside a cell is a character, not the start of a quoted cell.
        let sheet = read(b"nom;poste\nRuiz;Responsable \"RH\nGil;\"Chef \"\"adjoint\"\"\"\n");
        assert_eq!(sheet.map(|s| s.rows.len()), Ok(2));
    }

    #[test]
    fn blank_rows_are_skipped_and_lines_kept() {
        let sheet = read(b"\nemail;nom\n;\n\na@x.org;Ruiz\n  ;  \n");
        let Ok(sheet) = sheet else { panic!("{sheet:?}") };
        assert_eq!(sheet.rows.len(), 1);
        assert_eq!(sheet.rows[0].line, 5);
        let crlf = read(b"email;nom\r\n\r\n;\r\na@x.org;Ruiz\r\nb@x.org;Gil\r\n");
        assert_eq!(
            crlf.map(|s| s.rows.iter().map(|r| r.line).collect::<Vec<_>>()),
            Ok(vec![4, 5])
        );
    }

    #[test]
    fn fields_round_trip() {
        for field in Field::ALL {
            assert_eq!(Field::parse(field.as_str()), Some(*field));
            assert!(field.label_key().ends_with(&field.as_str().replace('_', "-")));
        }
        assert_eq!(Field::parse("name"), None);
    }

    #[test]
    fn no_header_name_means_two_fields() {
        let mut seen = HashMap::new();
        for field in Field::ALL {
            for synonym in field.synonyms() {
                if let Some(other) = seen.insert(simplify(synonym), *field) {
                    assert_eq!(other, *field, "{synonym}");
                }
            }
        }
    }

    /// Issue 20: the identifier's column, by the usual words or by the
    /// words of the body that asks for it, as the mapping form shows them.
    #[test]
    fn guesses_the_identifier_a_body_asks_for() {
        let spanish = guess(&headers(&["Nombre", "Apellidos", "Correo", "DNI/NIE"]));
        assert_eq!(spanish.get(Field::Identifier), Some(3));
        let file = headers(&["Nombre", "Apellidos", "Correo", "Número de afiliación"]);
        assert_eq!(guess(&file).get(Field::Identifier), None);
        let asked = guess_for(&file, Some("Nº de afiliación"));
        assert_eq!(asked.get(Field::Identifier), None, "other words");
        let asked = guess_for(&file, Some("número de  afiliación"));
        assert_eq!(asked.get(Field::Identifier), Some(3));
        assert_eq!(asked.get(Field::Email), Some(2));
        // A column that is already another field stays that field.
        let asked = guess_for(&file, Some("correo"));
        assert_eq!(asked.get(Field::Identifier), None);
        assert_eq!(asked.get(Field::Email), Some(2));
    }

    #[test]
    fn guesses_headers_in_french_and_spanish() {
        let french = guess(&headers(&["Prénom", "Nom", "Courriel", "Téléphone", "Remarques"]));
        assert_eq!(french.get(Field::GivenName), Some(0));
        assert_eq!(french.get(Field::FamilyName), Some(1));
        assert_eq!(french.get(Field::Email), Some(2));
        assert_eq!(french.get(Field::Phone), Some(3));
        assert_eq!(french.field_of(4), None);

        let spanish = guess(&headers(&[
            "Nombre",
            "Apellidos",
            "Correo electrónico",
            "Comunidad Autónoma",
            "IDIOMA",
        ]));
        assert_eq!(spanish.get(Field::GivenName), Some(0));
        assert_eq!(spanish.get(Field::FamilyName), Some(1));
        assert_eq!(spanish.get(Field::Email), Some(2));
        assert_eq!(spanish.get(Field::Region), Some(3));
        assert_eq!(spanish.get(Field::Language), Some(4));

        let english = guess(&headers(&["first_name", "Last-Name", "E-Mail", "e-mail", "Job title"]));
        assert_eq!(english.get(Field::GivenName), Some(0));
        assert_eq!(english.get(Field::FamilyName), Some(1));
        // The first matching column wins; the second stays unmapped.
        assert_eq!(english.get(Field::Email), Some(2));
        assert_eq!(english.field_of(3), None);
        assert_eq!(english.get(Field::JobTitle), Some(4));
    }

    // Found by attacking the imports (session 23): Excel's separator line,
    // a Google Forms export in Spanish and a list with Arabic headers were
    // refused, and a cell of two lines refused its row.
    #[test]
    fn issue_16_lists_as_spreadsheets_and_forms_write_them() {
        let excel =
            "sep=;\r\nPrénom;Nom;Courriel;Employeur\r\nAna;Ruiz;ana@example.org;\"Mairie de Lyon\r\nService RH\"\r\n";
        let Ok(sheet) = read(excel.as_bytes()) else { panic!() };
        assert_eq!(sheet.delimiter, b';');
        assert_eq!(sheet.headers, headers(&["Prénom", "Nom", "Courriel", "Employeur"]));
        assert_eq!(sheet.rows[0].line, 3);
        assert_eq!(sheet.rows[0].cells[3], "Mairie de Lyon Service RH");

        let forms = guess(&headers(&[
            "Marca temporal",
            "Dirección de correo electrónico",
            "Nombre",
            "Apellidos",
        ]));
        assert_eq!(forms.get(Field::Email), Some(1));
        assert_eq!(forms.get(Field::GivenName), Some(2));
        assert_eq!(forms.field_of(0), None);

        let arabic = guess(&headers(&["الاسم الأول", "اسم العائلة", "البريد الإلكتروني", "الهاتف"]));
        assert_eq!(arabic.get(Field::GivenName), Some(0));
        assert_eq!(arabic.get(Field::FamilyName), Some(1));
        assert_eq!(arabic.get(Field::Email), Some(2));
        assert_eq!(arabic.get(Field::Phone), Some(3));
    }

    #[test]
    fn a_column_holds_one_field() {
        let mut mapping = Mapping::new();
        mapping.set(Field::GivenName, 0);
        mapping.set(Field::FamilyName, 0);
        assert_eq!(mapping.get(Field::GivenName), None);
        assert_eq!(mapping.field_of(0), Some(Field::FamilyName));
    }

    const MADRID: Uuid = Uuid::from_u128(1);

    fn region(cell: &str) -> Option<Uuid> {
        (cell.eq_ignore_ascii_case("madrid") || cell == "ES-MD").then_some(MADRID)
    }

    /// An instance that added newly arrived people (issue 20).
    fn own_audience(cell: &str) -> Option<Audience> {
        ["newly_arrived", "Personnes nouvellement arrivées"]
            .contains(&cell)
            .then(|| Audience::parse("newly_arrived").expect("a code"))
    }

    fn check_file(file: &str) -> Result<Report, Problem> {
        let sheet = read(file.as_bytes())?;
        let mapping = guess(&sheet.headers);
        check(&sheet, &mapping, region, own_audience, Language::Fr, false)
    }

    fn keys(rejected: &Rejected) -> Vec<(Field, &'static str)> {
        rejected
            .problems
            .iter()
            .map(|(field, problem)| (*field, problem.key))
            .collect()
    }

    #[test]
    fn rows_are_accepted_or_rejected_with_every_problem() {
        let file = "\
Nombre;Apellidos;Correo electrónico;Región;Perfil;Idioma
Ana;Ruiz;Ana.Ruiz@Example.org;Madrid;Funcionaria;español
Luis;Gil;luis@example;;;
Eva;Sanz;ana.ruiz@example.org;;;
   ;Pérez;pedro@example.org;;;
Marta;López;marta@example.org;Atlantis;;
Juan;Díaz;juan@example.org;ES-MD;alien;klingon
Rosa;Vega;rosa@example.org;;;
";
        let report = check_file(file);
        let Ok(report) = report else { panic!("{report:?}") };

        let accepted: Vec<usize> = report.accepted.iter().map(|a| a.line).collect();
        assert_eq!(accepted, [2, 8]);
        let ana = &report.accepted[0].registrant;
        assert_eq!(ana.email.as_ref().map(Email::as_str), Some("ana.ruiz@example.org"));
        assert_eq!(ana.audience, Audience::PUBLIC_SERVANT);
        assert_eq!(ana.region_id, Some(MADRID));
        assert_eq!(ana.language, Language::Es);
        let rosa = &report.accepted[1].registrant;
        assert_eq!(rosa.audience, Audience::OTHER);
        assert_eq!(rosa.region_id, None);
        assert_eq!(rosa.language, Language::Fr);

        let rejected: Vec<usize> = report.rejected.iter().map(|r| r.line).collect();
        assert_eq!(rejected, [3, 4, 5, 6, 7]);
        assert_eq!(keys(&report.rejected[0]), [(Field::Email, "error-email")]);
        assert_eq!(report.rejected[0].email, "luis@example");
        assert_eq!(
            report.rejected[1].problems,
            [(Field::Email, Problem::new("error-import-duplicate").with("line", 2))]
        );
        assert_eq!(keys(&report.rejected[2]), [(Field::GivenName, "error-required")]);
        assert_eq!(
            report.rejected[3].problems,
            [(
                Field::Region,
                Problem::new("error-import-region").with("value", "Atlantis")
            )]
        );
        assert_eq!(
            keys(&report.rejected[4]),
            [(Field::Audience, "error-choice"), (Field::Language, "error-choice")]
        );
    }

    #[test]
    fn a_duplicate_of_a_rejected_row_is_rejected_too() {
        let file = "first name,last name,email,phone\nAna,Ruiz,a@x.org,12\nAna,Ruiz,A@X.org,600 11 22 33\n";
        let report = check_file(file);
        let Ok(report) = report else { panic!("{report:?}") };
        assert!(report.accepted.is_empty());
        assert_eq!(keys(&report.rejected[0]), [(Field::Phone, "error-phone")]);
        assert_eq!(keys(&report.rejected[1]), [(Field::Email, "error-import-duplicate")]);
    }

    /// Issue 20: an organiser says the file lists people who have no address.
    #[test]
    fn issue_20_rows_without_email_when_the_organiser_says_so() {
        let file = "Prénom;Nom;Courriel;Téléphone\nAmina;Diallo;;+216 20 123 456\nKarim;Haddad;karim@example;\nSara;Ben Ali;sara@example.org;\n";
        let Ok(sheet) = read(file.as_bytes()) else { panic!() };
        let mapping = guess(&sheet.headers);
        let Ok(strict) = check(&sheet, &mapping, region, own_audience, Language::Fr, false) else {
            panic!()
        };
        assert_eq!(strict.accepted.iter().map(|a| a.line).collect::<Vec<_>>(), [4]);
        assert_eq!(keys(&strict.rejected[0]), [(Field::Email, "error-required")]);

        let Ok(report) = check(&sheet, &mapping, region, own_audience, Language::Fr, true) else {
            panic!()
        };
        assert_eq!(report.accepted.iter().map(|a| a.line).collect::<Vec<_>>(), [2, 4]);
        assert_eq!(report.accepted[0].registrant.email, None);
        assert_eq!(
            report.accepted[0].registrant.phone.as_ref().map(Phone::as_str),
            Some("+216 20 123 456")
        );
        // An address that is there must still be one.
        assert_eq!(keys(&report.rejected[0]), [(Field::Email, "error-email")]);

        // The same names and telephone twice: one person twice, or two to tell apart.
        let Ok(twice) =
            read("Prénom;Nom;Téléphone\nAmina;Diallo;\nAMINA;diallo;\nAmina;Diallo;+216 20 123 456\n".as_bytes())
        else {
            panic!()
        };
        let Ok(report) = check(&twice, &guess(&twice.headers), region, own_audience, Language::Fr, true) else {
            panic!()
        };
        assert_eq!(report.accepted.iter().map(|a| a.line).collect::<Vec<_>>(), [2, 4]);
        assert_eq!(
            report.rejected[0].problems,
            [(
                Field::GivenName,
                Problem::new("error-import-duplicate-person").with("line", 2)
            )]
        );

        // Nor is an e-mail column needed then.
        let Ok(names) = read(b"Pr\xc3\xa9nom;Nom\nAmina;Diallo\n") else {
            panic!()
        };
        let mapping = guess(&names.headers);
        assert!(check(&names, &mapping, region, own_audience, Language::Fr, false).is_err());
        let Ok(report) = check(&names, &mapping, region, own_audience, Language::Fr, true) else {
            panic!()
        };
        assert_eq!(report.accepted.len(), 1);
    }

    #[test]
    fn unmapped_required_field_is_refused() {
        let problem = check_file("Prénom;Nom;Adresse\nAna;Ruiz;a@x.org\n").err();
        assert_eq!(
            problem,
            Some(Problem::new("error-import-unmapped").with("field", "email"))
        );

        let Ok(sheet) = read(b"a;b;c\nAna;Ruiz;a@x.org\n") else {
            panic!()
        };
        let mut mapping = Mapping::new();
        mapping.set(Field::GivenName, 0);
        mapping.set(Field::FamilyName, 1);
        mapping.set(Field::Email, 2);
        mapping.set(Field::Phone, 3);
        let problem = check(&sheet, &mapping, region, own_audience, Language::En, false).err();
        assert_eq!(
            problem,
            Some(Problem::new("error-import-unmapped").with("field", "phone"))
        );
        mapping.unset(Field::Phone);
        assert!(
            check(&sheet, &mapping, region, own_audience, Language::En, false).is_ok_and(|r| r.accepted.len() == 1)
        );
    }

    #[test]
    fn choices_in_any_language() {
        assert_eq!(
            parse_audience("public_servant", &own_audience),
            Ok(Audience::PUBLIC_SERVANT)
        );
        assert_eq!(
            parse_audience("Empleado público", &own_audience),
            Ok(Audience::PUBLIC_SERVANT)
        );
        assert_eq!(
            parse_audience("DÉLÉGUÉE SYNDICALE", &own_audience),
            Ok(Audience::UNION_DELEGATE)
        );
        assert_eq!(parse_audience("élu", &own_audience), Ok(Audience::ELECTED_OFFICIAL));
        assert_eq!(
            parse_audience("Cargo electo", &own_audience),
            Ok(Audience::ELECTED_OFFICIAL)
        );
        assert_eq!(parse_audience("médiateur", &own_audience), Ok(Audience::MEDIATOR));
        assert_eq!(
            parse_audience("Société civile", &own_audience),
            Ok(Audience::CIVIL_SOCIETY)
        );
        assert_eq!(parse_audience("otro", &own_audience), Ok(Audience::OTHER));
        assert_eq!(parse_audience("", &own_audience), Ok(Audience::OTHER));
        assert_eq!(
            parse_audience("student", &own_audience).map_err(|p| p.key),
            Err("error-choice")
        );
        assert_eq!(
            parse_audience("Personnes nouvellement arrivées", &own_audience).map(String::from),
            Ok("newly_arrived".to_owned())
        );

        assert_eq!(parse_language("", Language::Es), Ok(Language::Es));
        assert_eq!(parse_language("FR", Language::Es), Ok(Language::Fr));
        assert_eq!(parse_language("en-GB", Language::Es), Ok(Language::En));
        assert_eq!(parse_language("Français", Language::Es), Ok(Language::Fr));
        assert_eq!(parse_language("inglés", Language::Fr), Ok(Language::En));
        assert_eq!(parse_language("Espagnol", Language::Fr), Ok(Language::Es));
        assert_eq!(
            parse_language("de", Language::Fr).map_err(|p| p.key),
            Err("error-choice")
        );
    }

    /// Session 31's attack round: Arabic was refused by its name in every
    /// language, its own too, and so were the audiences as a list exported
    /// from Aula in Arabic writes them; a column headed "الفئة" was left out.
    #[test]
    fn session_31_arabic_names_of_languages_and_audiences() {
        for (word, language) in [
            ("العربية", Language::Ar),
            ("Árabe", Language::Ar),
            ("arabe", Language::Ar),
            ("Arabic", Language::Ar),
            ("الإسبانية", Language::Es),
            ("الفرنسية", Language::Fr),
            ("الإنجليزية", Language::En),
        ] {
            assert_eq!(parse_language(word, Language::Fr), Ok(language), "{word}");
        }
        let none = |_: &str| None;
        for (word, audience) in [
            ("الموظفون العموميون", Audience::PUBLIC_SERVANT),
            ("الممثلون النقابيون", Audience::UNION_DELEGATE),
            ("المنتخبون", Audience::ELECTED_OFFICIAL),
            ("الوسطاء", Audience::MEDIATOR),
            ("المجتمع المدني", Audience::CIVIL_SOCIETY),
            ("فئات أخرى", Audience::OTHER),
        ] {
            assert_eq!(parse_audience(word, &none), Ok(audience), "{word}");
        }
        assert_eq!(guess(&headers(&["الفئة"])).get(Field::Audience), Some(0));
    }
}
