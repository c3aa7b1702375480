//! How long each person attended an online meeting, from the participant
//! report the meeting's platform exports (Zoom, Teams, Google Meet, Jitsi,
//! BigBlueButton).
//!
//! Attendance of an online session is certified from these reports, and they
//! are awkward to read by hand: one line per connection rather than per
//! person (whoever lost the connection and came back has several lines, and
//! whoever followed on a laptop and a phone has two lines at once), times
//! counted from when the host opened the room rather than from the session's
//! start, and dates written the way the host's platform and language write
//! them. Nor are the files plain tables: Zoom writes the meeting's summary
//! above the participants, Teams writes three numbered sections in UTF-16,
//! and a spreadsheet's re-save turns them into Windows-1252 or semicolons.
//! A trainer uploads the file as the platform gave it, so:
//!
//! - [`decode`] reads UTF-8 (with or without a byte-order mark), UTF-16 with
//!   its mark, and Windows-1252;
//! - [`read`] finds the participants' table inside the file by its header
//!   (the line whose cells name the most fields, with people and time), with
//!   the registrant import's CSV layer ([`import::read`]): separator, quotes,
//!   line numbers;
//! - [`guess`] maps the columns from their names in en, fr and es, as the
//!   platforms write them;
//! - [`minutes`] clips each connection to the meeting, merges a person's
//!   connections by e-mail address (else by name), counts overlapping ones
//!   once, and rounds to the nearest minute;
//! - a line that cannot be read is reported and skipped, not the whole file:
//!   one odd line should not keep everyone else's attendance from being
//!   recorded.
//!
//! Pure: the caller gives the meeting's times and the session's time zone.
//!
//! [`import::read`]: crate::import::read

use std::collections::HashMap;

use chrono::{DateTime, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::import::{self, Sheet};
use crate::{Email, Problem, fold_for_search};

/// A column of a participant report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportField {
    Name,
    /// The family name, where the report writes it apart (Meet's `Last
    /// name`): it follows the name.
    Surname,
    Email,
    Join,
    Leave,
    Duration,
    /// Zoom's `In waiting room`: a line of time spent waiting to be let in,
    /// which Zoom does not count as in the meeting either.
    WaitingRoom,
}

impl ReportField {
    pub const ALL: &'static [ReportField] = &[
        ReportField::Name,
        ReportField::Surname,
        ReportField::Email,
        ReportField::Join,
        ReportField::Leave,
        ReportField::Duration,
        ReportField::WaitingRoom,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ReportField::Name => "name",
            ReportField::Surname => "surname",
            ReportField::Email => "email",
            ReportField::Join => "join",
            ReportField::Leave => "leave",
            ReportField::Duration => "duration",
            ReportField::WaitingRoom => "waiting_room",
        }
    }

    pub fn parse(input: &str) -> Option<ReportField> {
        ReportField::ALL
            .iter()
            .copied()
            .find(|field| field.as_str() == input.trim())
    }

    /// The catalogue key of the field's label on the mapping form.
    pub fn label_key(self) -> &'static str {
        match self {
            ReportField::Name => "report-field-name",
            ReportField::Surname => "report-field-surname",
            ReportField::Email => "report-field-email",
            ReportField::Join => "report-field-join",
            ReportField::Leave => "report-field-leave",
            ReportField::Duration => "report-field-duration",
            ReportField::WaitingRoom => "report-field-waiting-room",
        }
    }

    /// Header names that mean this field: the platforms' own (Zoom, Teams,
    /// Meet, BigBlueButton, in their en, fr and es versions) and the plain
    /// words someone would type, in ar too (the mapping form's labels). Compared after [`simplify`](crate::import::simplify), so case, accents,
    /// spaces, brackets and `-` do not matter.
    fn synonyms(self) -> &'static [&'static str] {
        match self {
            ReportField::Name => &[
                "name",
                "name (original name)",
                "full name",
                // Meet writes the given and the family name apart.
                "first name",
                "given name",
                "display name",
                "participant",
                "participant name",
                "attendee",
                "attendee name",
                "user",
                "user name",
                "username",
                "nom",
                "nom (nom d'origine)",
                "nom (nom original)",
                "nom complet",
                "prénom",
                "nom d'affichage",
                "nom du participant",
                "utilisateur",
                "nombre",
                "nombre (nombre original)",
                "nombre completo",
                "nombre para mostrar",
                "nombre del participante",
                "participante",
                "usuario",
                "الاسم",
                "اسم المشارك",
                "الاسم المعروض",
            ],
            ReportField::Surname => &[
                "last name",
                "surname",
                "family name",
                "nom de famille",
                "apellido",
                "apellidos",
                "اللقب",
                "اسم العائلة",
            ],
            ReportField::Email => &[
                "email",
                "e-mail",
                "mail",
                "email address",
                "user email",
                "participant email",
                "attendee email",
                // Teams: the account's address for members of the organisation.
                "participant id (upn)",
                "upn",
                "courriel",
                "adresse e-mail",
                "adresse mail",
                "adresse électronique",
                "e-mail de l'utilisateur",
                "adresse e-mail de l'utilisateur",
                "correo",
                "correo electrónico",
                "correo-e",
                "correo electrónico del usuario",
                "dirección de correo",
                "dirección de correo electrónico",
                "البريد الإلكتروني",
                "البريد الالكتروني",
                "البريد",
            ],
            ReportField::Join => &[
                "join time",
                "join",
                "joined",
                "joined at",
                "first join",
                "first join time",
                "time joined",
                "join date",
                "arrival",
                "heure d'arrivée",
                "arrivée",
                "heure d'entrée",
                "heure de connexion",
                "connexion",
                "première arrivée",
                "première participation",
                "heure de participation",
                "hora de entrada",
                "entrada",
                "hora de unión",
                "primera unión",
                "hora de conexión",
                "conexión",
                "hora de llegada",
                "llegada",
                "وقت الدخول",
                "وقت الانضمام",
                "أول انضمام",
                "الانضمام",
            ],
            ReportField::Leave => &[
                "leave time",
                "leave",
                "left",
                "left at",
                "last leave",
                "last leave time",
                "time exited",
                "time left",
                "exit time",
                "heure de départ",
                "départ",
                "dernier départ",
                "heure de sortie",
                "sortie",
                "heure de déconnexion",
                "déconnexion",
                "hora de salida",
                "salida",
                "última salida",
                "hora de desconexión",
                "desconexión",
                "وقت الخروج",
                "وقت المغادرة",
                "آخر مغادرة",
                "المغادرة",
            ],
            ReportField::Duration => &[
                "duration",
                "duration (minutes)",
                "duration (mins)",
                // Zoom's report of unique users: one total per person.
                "total duration (minutes)",
                "total duration",
                "in-meeting duration",
                "attendance duration",
                "time in meeting",
                "time in call",
                "online time",
                "minutes",
                "durée",
                "durée (minutes)",
                "durée de participation",
                "durée dans la réunion",
                "durée de présence",
                "temps de présence",
                "temps de connexion",
                "temps en ligne",
                "duración",
                "duración (minutos)",
                "duración en la reunión",
                "duración de la asistencia",
                "tiempo de conexión",
                "tiempo en la reunión",
                "tiempo en línea",
                "minutos",
                "المدة",
                "المدة في الاجتماع",
                "مدة الحضور",
            ],
            ReportField::WaitingRoom => &[
                "in waiting room",
                "waiting room",
                "en salle d'attente",
                "dans la salle d'attente",
                "salle d'attente",
                "en sala de espera",
                "en la sala de espera",
                "sala de espera",
                "في غرفة الانتظار",
                "غرفة الانتظار",
            ],
        }
    }
}

/// Which column holds each field of an online meeting's report.
pub type ReportMapping = crate::import::Mapping<ReportField>;

/// Proposes a mapping from the header's names, as [`crate::import::guess`]
/// does: a name must match a synonym whole, the first matching column gets
/// the field, and columns the guess does not know (Zoom's `Guest`, Teams'
/// `Role`) stay unmapped.
pub fn guess(headers: &[String]) -> ReportMapping {
    ReportMapping::guess(headers, ReportField::ALL, ReportField::synonyms)
}

/// The bytes of a report as text, as [`import::decode`] reads them. A file
/// of old Mac lines (CR alone) gets LF lines, which the line numbers count.
///
/// Refused (`error-report-encoding`, which names the exports to use) when
/// the text holds control characters other than tabs and line ends: the
/// file is not text (a spreadsheet's workbook, a PDF), or it is UTF-16
/// without its mark.
pub fn decode(bytes: &[u8]) -> Result<String, Problem> {
    let unreadable = || Problem::new("error-report-encoding");
    let text = import::decode(bytes).ok_or_else(unreadable)?;
    if text.chars().any(|c| c.is_control() && !matches!(c, '\t' | '\r' | '\n')) {
        return Err(unreadable());
    }
    if text.contains('\r') && !text.contains('\n') {
        return Ok(text.replace('\r', "\n"));
    }
    Ok(text)
}

/// The participants' table of a report's text (as [`decode`] gives it).
///
/// Its header is the line whose cells [`guess`] maps to the most fields,
/// among those that name people (name or e-mail) and give time (join and
/// leave, or duration), whichever the separator: so Zoom's meeting summary
/// above the table, and Teams' summary, section titles (numbered, in the
/// organiser's language) and second table (`3. In-Meeting Activities`, after
/// `2. Participants`, which names as many fields and comes first) are passed
/// over. The table ends at the end of the file, or at a blank line followed
/// by a line of another width (the next section). A file where no line is
/// such a header is read as a plain CSV (its first line the header), for the
/// trainer to choose the columns.
pub fn read(text: &str) -> Result<Sheet, Problem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut best: Option<(usize, u8, usize)> = None;
    // Excel's `sep=;` line says which; else each is tried.
    let delimiters = import::hinted_delimiter(text).map_or(import::DELIMITERS.to_vec(), |d| vec![d]);
    for &delimiter in &delimiters {
        // Split by another separator than the file's, a file may not read.
        let Ok(records) = import::records_up_to(text, delimiter, HEADER_WITHIN) else {
            continue;
        };
        for (index, record) in records.iter().enumerate() {
            if record.row.cells.len() > HEADER_WIDTH {
                continue;
            }
            let fields = fields_named(&record.row.cells);
            // Of two tables naming as many fields in one separator, the
            // later: Teams writes each person's first join and last leave
            // (section 2), then each connection (section 3), which alone
            // places the gaps between.
            let better = match best {
                None => fields > 0,
                Some((most, best_delimiter, _)) => {
                    fields > most || (fields == most && fields > 0 && best_delimiter == delimiter)
                }
            };
            if better {
                best = Some((fields, delimiter, index));
            }
        }
    }
    let Some((_, delimiter, index)) = best.or_else(|| widest_table(text, &delimiters)) else {
        return import::read(text.as_bytes());
    };
    // A table longer than a sheet may be is refused by `sheet` at its first
    // row too many: nothing past it is read.
    let mut records = import::records_up_to(text, delimiter, index + import::MAX_ROWS + 2)?
        .into_iter()
        .skip(index);
    let Some(header) = records.next() else {
        return Err(Problem::new("error-csv-empty"));
    };
    let width = header.row.cells.len();
    let table = records.take_while(|record| !(record.after_gap && record.row.cells.len() != width));
    import::sheet(delimiter, header, table)
}

/// Where no line names the fields (a Teams export in German, Portuguese or
/// Arabic) in a file of several tables: the longest table, as the trainer
/// will name its columns on the form; a table is a line and the lines as
/// wide below it, with no blank line between. Of two as long, the wider,
/// then the later (Teams' line per connection). A file of one table is
/// left to the registrant import's reading, which knows its separator.
/// Found by uploading an Arabic export (session 23): the summary's first
/// line was taken as a header of one column, and the file refused.
fn widest_table(text: &str, delimiters: &[u8]) -> Option<(usize, u8, usize)> {
    let mut best: Option<((usize, usize), u8, usize)> = None;
    for &delimiter in delimiters {
        let Ok(records) = import::records_up_to(text, delimiter, HEADER_WITHIN) else {
            continue;
        };
        if !records.iter().skip(1).any(|record| record.after_gap) {
            continue;
        }
        let mut start = 0;
        while start < records.len() {
            let width = records[start].row.cells.len();
            let mut end = start + 1;
            while end < records.len() && !records[end].after_gap && records[end].row.cells.len() == width {
                end += 1;
            }
            let score = (end - start, width);
            let table = score.0 >= 2 && (2..=HEADER_WIDTH).contains(&width);
            let better = match best {
                None => true,
                Some((most, best_delimiter, _)) => score > most || (score == most && best_delimiter == delimiter),
            };
            if table && better {
                best = Some((score, delimiter, start));
            }
            start = end;
        }
    }
    best.map(|((rows, _), delimiter, index)| (rows, delimiter, index))
}

/// The header is looked for among a report's first records: Teams puts about
/// ten summary lines above its participants, Zoom four. Looking further, in
/// every separator, made a 60,000-line file take minutes (session 21).
const HEADER_WITHIN: usize = 100;

/// A line of more cells is no platform's header (they have about a dozen
/// columns): matching each cell against the fields' names made a header of
/// 285,000 cells take a minute and a half (session 21).
const HEADER_WIDTH: usize = 200;

/// How many fields a line of cells names if it is a participants' table's
/// header (it names people and time), else 0.
fn fields_named(cells: &[String]) -> usize {
    let mapping = guess(cells);
    if usable(&mapping) { mapping.iter().count() } else { 0 }
}

/// Whether a mapping names people (by name or e-mail) and gives their time
/// (join and leave times, or durations).
fn usable(mapping: &ReportMapping) -> bool {
    let mapped = |field| mapping.get(field).is_some();
    let who = mapped(ReportField::Name) || mapped(ReportField::Email);
    let how_long = (mapped(ReportField::Join) && mapped(ReportField::Leave)) || mapped(ReportField::Duration);
    who && how_long
}

/// One person of the report, with the time they attended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Attendee {
    /// As written on the person's first line with a name; their e-mail address
    /// when no line has one.
    pub name: String,
    pub email: Option<Email>,
    /// Minutes within the meeting, rounded to the nearest minute (half a
    /// minute up), at most its length.
    pub minutes: u32,
    /// Whether `minutes` is the person's connections clipped to the meeting.
    /// Not when a line of theirs gave only a duration (Zoom's report of
    /// unique users has nothing else), or a duration shorter than the line's
    /// span from join to leave (one line a person, with gaps): a duration
    /// cannot be placed within the meeting, so it may hold time before its
    /// start or after its end, and is only capped at its length (the part
    /// of the span within the meeting, for a span). The report page says so; such a figure
    /// is never presented as exact.
    pub clipped: bool,
    /// The file's lines counted for this person, in file order, so the report
    /// page can show where a figure comes from.
    pub lines: Vec<usize>,
    /// The person's connections as counted: clipped to the meeting, merged
    /// where they overlap or touch, in order; what `minutes` measures, so
    /// the report page can show which time was kept (when not
    /// [`clipped`](Attendee::clipped), the spans within which it was spent).
    /// Empty when the lines gave only durations, which cannot be placed
    /// within the meeting.
    pub kept: Vec<(DateTime<Utc>, DateTime<Utc>)>,
}

/// Something wrong with one line of the report; the line was skipped (or, for
/// `error-report-outside`, counted as no time).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RowProblem {
    pub line: usize,
    pub problem: Problem,
}

/// What [`minutes`] found: the people in the order of their first line, and
/// the problems in file order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OnlineReport {
    pub attendees: Vec<Attendee>,
    pub problems: Vec<RowProblem>,
}

/// Minutes per person of a participant report.
///
/// `meeting` is the meeting's start and end; `zone` the session's time zone,
/// in which the report's times without an offset are read (platforms write
/// them in the host's zone, which is the session's).
///
/// Refuses only when no row could be counted: no column naming people (name
/// or e-mail), or none giving time (join and leave, or a duration), or a
/// column the sheet does not have. With join and leave times, each connection
/// is clipped to the meeting, and a person's overlapping connections count
/// once; with durations only, a person's durations are added up (and the
/// attendee is not [`clipped`](Attendee::clipped)). Either way a person's
/// time is at most the meeting's length, rounded to the nearest minute, half
/// a minute up.
pub fn minutes(
    sheet: &Sheet,
    mapping: &ReportMapping,
    meeting: (DateTime<Utc>, DateTime<Utc>),
    zone: Tz,
) -> Result<OnlineReport, Problem> {
    let (start, end) = meeting;
    if end <= start {
        return Err(Problem::new("error-meeting-order"));
    }
    let unmapped = || Problem::new("error-report-unmapped");
    if mapping.iter().any(|(_, column)| column >= sheet.headers.len()) {
        return Err(unmapped());
    }
    if !usable(mapping) {
        return Err(unmapped());
    }

    let clock = Clock::new(start, end, zone);
    let mut people: Vec<Person> = Vec::new();
    let mut index: HashMap<Key, usize> = HashMap::new();
    let mut problems = Vec::new();
    // Lines whose times fall wholly outside the meeting, and lines that count.
    let (mut outside, mut counting) = (0, 0);
    for row in &sheet.rows {
        let cell = |field| {
            let text = mapping
                .get(field)
                .and_then(|column| row.cells.get(column))
                .map_or("", |cell| cell.trim());
            // BigBlueButton writes `-` for no value (the leave time of
            // someone still connected), Zoom's webinar report `--` (a
            // registrant who never came).
            if text == "-" || text == "--" { "" } else { text }
        };
        let report = |problem: Problem| RowProblem {
            line: row.line,
            problem,
        };

        // An address that does not parse (Teams writes ids for guests) only
        // fails to group the lines: the name still does.
        let email = Email::parse(cell(ReportField::Email)).ok();
        let full_name = [cell(ReportField::Name), cell(ReportField::Surname)]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let name = full_name.as_str();
        let key = match (&email, name) {
            (Some(email), _) => Key::Email(email.as_str().to_owned()),
            (None, "") => {
                problems.push(report(Problem::new("error-report-nameless")));
                continue;
            }
            (None, name) => Key::Name(fold_for_search(name).split_whitespace().collect::<Vec<_>>().join(" ")),
        };

        // Zoom counts no meeting time in its waiting room (KB0063329), and
        // neither does attendance: the line is the person's, with no time.
        let waiting = matches!(
            fold_for_search(cell(ReportField::WaitingRoom)).as_str(),
            "yes" | "y" | "true" | "1" | "oui" | "si" | "نعم"
        );
        // Whatever its times say: none of it counts.
        let presence = match read_presence(&clock, mapping, &cell) {
            _ if waiting => Presence::Waiting,
            Ok(presence) => presence,
            Err(found) => {
                problems.extend(found.into_iter().map(report));
                continue;
            }
        };

        let at = *index.entry(key).or_insert_with(|| {
            people.push(Person::default());
            people.len() - 1
        });
        let person = &mut people[at];
        person.lines.push(row.line);
        if person.name.is_empty() {
            person.name = name.to_owned();
        }
        if person.email.is_none() {
            person.email = email;
        }
        match presence {
            Presence::Interval(join, leave) | Presence::Within { join, leave, .. }
                if leave <= clock.start || join >= clock.end =>
            {
                outside += 1;
                problems.push(report(Problem::new("error-report-outside").with("line", row.line)));
            }
            Presence::Interval(join, leave) => {
                counting += 1;
                person.intervals.push((join.max(clock.start), leave.min(clock.end)));
            }
            Presence::Within { join, leave, seconds } => {
                counting += 1;
                let span = (join.max(clock.start), leave.min(clock.end));
                person.within = person.within.saturating_add(seconds.min(span.1 - span.0));
                person.spans.push(span);
            }
            Presence::Span(seconds) => {
                counting += 1;
                person.seconds = Some(person.seconds.unwrap_or(0).saturating_add(seconds));
            }
            Presence::Waiting => {}
        }
    }

    // Every timed line before or after the meeting: the report of another
    // day or meeting, which marked everyone in it absent while it said its
    // lines were left out (session 31's attack round).
    if outside > 0 && counting == 0 {
        let day = start.with_timezone(&zone).date_naive();
        return Err(Problem::new("error-report-other-meeting").with("date", day.to_string()));
    }
    let length = clock.end - clock.start;
    let attendees = people
        .into_iter()
        .map(|person| {
            let placed = person.spans.is_empty();
            let spans = union([person.intervals.clone(), person.spans].concat());
            let placed_only = union(person.intervals);
            // Time spent within spans with gaps is at most those spans with
            // the placed connections, and at most the placed connections
            // plus the time spent (BigBlueButton: a second device's line may
            // cover a gap in the first's).
            let total = length_of(&spans)
                .min(length_of(&placed_only).saturating_add(person.within))
                .saturating_add(person.seconds.unwrap_or(0))
                .min(length);
            Attendee {
                name: if person.name.is_empty() {
                    person.email.as_ref().map(|e| e.as_str().to_owned()).unwrap_or_default()
                } else {
                    person.name
                },
                email: person.email,
                minutes: rounded_minutes(total),
                clipped: person.seconds.is_none() && placed,
                lines: person.lines,
                kept: spans
                    .into_iter()
                    .filter_map(|(from, to)| Some((instant(from)?, instant(to)?)))
                    .collect(),
            }
        })
        .collect();
    Ok(OnlineReport { attendees, problems })
}

/// How a person's lines are told to be the same person. Addresses first: a
/// name changes between devices (`Ana`, `Ana's iPhone`) where a login does not.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Key {
    Email(String),
    Name(String),
}

/// A person being gathered, times in seconds since the Unix epoch.
#[derive(Default)]
struct Person {
    name: String,
    email: Option<Email>,
    lines: Vec<usize>,
    /// Connections, already clipped to the meeting.
    intervals: Vec<(i64, i64)>,
    /// Durations of lines without times, if any line had no times.
    seconds: Option<i64>,
    /// The spans of lines whose duration says they had gaps, clipped to
    /// the meeting, and the time spent within them.
    spans: Vec<(i64, i64)>,
    within: i64,
}

/// Why a report's time was not read.
enum Unread {
    /// Not written in any of the ways the platforms write times.
    Unreadable,
    /// A local time the clocks skipped (spring forward) in the session's zone.
    Skipped,
}

/// What one line says of a connection, in seconds.
enum Presence {
    /// From join to leave, since the Unix epoch, not clipped yet.
    Interval(i64, i64),
    /// `seconds` spent somewhere between join and leave, with gaps that
    /// cannot be placed: counted as a duration, at most the part of the span
    /// within the meeting.
    Within { join: i64, leave: i64, seconds: i64 },
    /// Time in the waiting room: none in the meeting.
    Waiting,
    /// A duration without times, which cannot be placed within the meeting.
    Span(i64),
}

/// Reads a line's times. Whichever two of join, leave and duration the line
/// has place the connection (Meet gives the join time and a duration); a
/// duration alone only measures it. Every cell that cannot be read is
/// reported; cells not needed are not read, so Zoom's rounded duration next to
/// exact times cannot refuse a line.
fn read_presence<'a>(
    clock: &Clock,
    mapping: &ReportMapping,
    cell: &impl Fn(ReportField) -> &'a str,
) -> Result<Presence, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut instant = |field| {
        let text: &str = cell(field);
        if mapping.get(field).is_none() || text.is_empty() {
            return None;
        }
        match clock.read(text) {
            Ok(found) => Some(found),
            Err(why) => {
                problems.push(match why {
                    Unread::Unreadable => Problem::new("error-report-time").with("value", text),
                    Unread::Skipped => Problem::new("error-report-time-skipped")
                        .with("value", text)
                        .with("zone", clock.zone.name()),
                });
                None
            }
        }
    };
    let join = instant(ReportField::Join);
    let leave = instant(ReportField::Leave);
    if !problems.is_empty() {
        return Err(problems);
    }
    if let (Some(join), Some(leave)) = (join, leave) {
        // Told as what it is: it was "not a time Aula can read", for a time
        // written as the message asked (session 29's attack round).
        if leave < join {
            return Err(vec![
                Problem::new("error-report-leave-before-join")
                    .with("join", cell(ReportField::Join))
                    .with("leave", cell(ReportField::Leave)),
            ]);
        }
        // Teams' participants, Meet and BigBlueButton write one line a
        // person: first join, last leave, and the time really spent, which
        // leaves out the gaps between. A duration clearly shorter than the
        // span says there were gaps (a minute of slack: Meet writes whole
        // minutes). Found by uploading real exports (session 23): someone
        // present 35 minutes of two hours was counted the whole two hours.
        // Only a duration that says its unit (`36 min`, `1h 2m`, `00:36:00`):
        // a bare number could be hours, or a column mapped by mistake, and
        // must not take anyone's time away (the reviewer's `1,5`).
        let text = cell(ReportField::Duration);
        let spent = mapping
            .get(ReportField::Duration)
            .filter(|_| decimal(western_digits(text).trim()).is_none())
            .and_then(|_| duration(text));
        return Ok(match spent {
            Some(seconds) if seconds.saturating_add(DURATION_SLACK) < leave - join => {
                Presence::Within { join, leave, seconds }
            }
            _ => Presence::Interval(join, leave),
        });
    }

    let text = cell(ReportField::Duration);
    if mapping.get(ReportField::Duration).is_none() || text.is_empty() {
        return Err(vec![Problem::new("error-report-missing")]);
    }
    let Some(seconds) = duration(text) else {
        return Err(vec![Problem::new("error-report-duration").with("value", text)]);
    };
    Ok(match (join, leave) {
        (Some(join), _) => Presence::Interval(join, join.saturating_add(seconds)),
        (None, Some(leave)) => Presence::Interval(leave.saturating_sub(seconds), leave),
        (None, None) => Presence::Span(seconds),
    })
}

/// How much shorter than a line's span its duration must be to say the
/// person left and came back: Meet and Teams round to the minute.
const DURATION_SLACK: i64 = 60;

/// Seconds as minutes, rounded to the nearest, half a minute up: 120 min 30 s
/// is 121 (issue 18: rounding down took up to a minute from everyone).
fn rounded_minutes(seconds: i64) -> u32 {
    u32::try_from(seconds.max(0).saturating_add(30) / 60).unwrap_or(u32::MAX)
}

/// Intervals merged where they overlap or touch, in order: someone
/// connected on a laptop and a phone at once attended once.
fn union(mut intervals: Vec<(i64, i64)>) -> Vec<(i64, i64)> {
    intervals.sort_unstable();
    let mut merged: Vec<(i64, i64)> = Vec::with_capacity(intervals.len());
    for (from, to) in intervals {
        match merged.last_mut() {
            Some((_, end)) if from <= *end => *end = (*end).max(to),
            _ => merged.push((from, to)),
        }
    }
    merged
}

/// Seconds covered by merged intervals.
fn length_of(intervals: &[(i64, i64)]) -> i64 {
    intervals
        .iter()
        .fold(0, |total, (from, to)| total.saturating_add(to - from))
}

/// Seconds since the Unix epoch as an instant; the meeting's own bounds
/// clip every interval, so this is never out of range in practice.
fn instant(seconds: i64) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp(seconds, 0)
}

/// Reads the report's times, knowing the meeting they are about.
struct Clock {
    /// The meeting, in seconds since the Unix epoch.
    start: i64,
    end: i64,
    zone: Tz,
    /// The meeting's local dates (two when it runs past midnight).
    days: [NaiveDate; 2],
}

impl Clock {
    fn new(start: DateTime<Utc>, end: DateTime<Utc>, zone: Tz) -> Self {
        let day = |instant: DateTime<Utc>| instant.with_timezone(&zone).date_naive();
        Clock {
            start: start.timestamp(),
            end: end.timestamp(),
            zone,
            days: [day(start), day(end)],
        }
    }

    /// An instant written in any of the platforms' ways: RFC 3339,
    /// `2024-03-14 09:30[:15]`, `2024/03/14 09:30:15`, `14/03/2024 09:30`,
    /// `03/14/2024 09:30:15 AM`, `3/14/24, 9:30 AM`, or a bare `09:30` (Meet
    /// writes no date), with `Z` or `UTC` for universal time. Anything else is
    /// local in the session's zone.
    #[cfg(test)]
    fn instant(&self, text: &str) -> Option<i64> {
        self.read(text).ok()
    }

    /// [`Self::instant`], or why not: a local time the clocks skipped is
    /// told as such (it was "not a time Aula can read", though written
    /// exactly as asked: session 27's attack round).
    fn read(&self, text: &str) -> Result<i64, Unread> {
        let text = western_digits(text);
        let text = text.trim();
        if let Ok(instant) = DateTime::parse_from_rfc3339(text) {
            return Ok(instant.timestamp());
        }
        // Teams writes `3/14/24, 9:30:15 AM`.
        let spaced = text.replace(',', " ");
        let mut tokens = spaced.split_whitespace();
        let first = tokens.next().ok_or(Unread::Unreadable)?;
        let (date, time) = match first.split_once(['T', 't']) {
            // ISO 8601 without an offset: `2024-03-14T09:30:15`.
            Some((date, time)) if !date.is_empty() && !date.contains(':') => (Some(date), time),
            _ if first.contains(':') => (None, first),
            _ => (Some(first), tokens.next().ok_or(Unread::Unreadable)?),
        };
        // What follows the time, attached (`9:30AM`) or not (`9:30 a. m.`).
        let cut = time.find(|c: char| c.is_alphabetic()).unwrap_or(time.len());
        let (time, attached) = time.split_at(cut);
        let suffix: String = std::iter::once(attached)
            .chain(tokens)
            .flat_map(str::chars)
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        let (meridiem, universal) = match suffix.as_str() {
            "" => (None, false),
            "am" => (Some(false), false),
            "pm" => (Some(true), false),
            // Arabic: ص (ṣabāḥan, morning) and م (masāʾan, evening).
            "ص" => (Some(false), false),
            "م" => (Some(true), false),
            "z" | "utc" | "gmt" => (None, true),
            _ => return Err(Unread::Unreadable),
        };
        let time = clock_time(time, meridiem).ok_or(Unread::Unreadable)?;
        let at = |date: NaiveDate| {
            let local = NaiveDateTime::new(date, time);
            if universal {
                return Ok(local.and_utc().timestamp());
            }
            // An hour repeated in autumn is taken as its first pass; an hour
            // skipped in spring is no time at all.
            match self.zone.from_local_datetime(&local) {
                LocalResult::Single(instant) | LocalResult::Ambiguous(instant, _) => Ok(instant.timestamp()),
                LocalResult::None => Err(Unread::Skipped),
            }
        };
        match date {
            Some(date) => at(self.date(date, meridiem.is_some()).ok_or(Unread::Unreadable)?),
            // A bare time is on the meeting's day; for a meeting past
            // midnight, on whichever of its two days puts it nearest.
            None => self
                .days
                .iter()
                .filter_map(|day| at(*day).ok())
                .min_by_key(|instant| (self.start - instant).max(instant - self.end).max(0))
                .ok_or(Unread::Skipped),
        }
    }

    /// A date as `2024-03-14`, `2024/03/14`, or day, month and year in either
    /// order (`14/03/2024`, `03/14/2024`, also with `-` or `.`, years of two
    /// digits too). `04/03/2024` is 4 March in Paris and 3 April in a US
    /// export; the report is of this meeting, so the reading that falls on its
    /// day wins, and when neither does (a wrong file), the 12-hour clock says
    /// a US export.
    fn date(&self, text: &str, meridiem: bool) -> Option<NaiveDate> {
        let parts: Vec<&str> = text.split(['-', '/', '.']).collect();
        let &[a, b, c] = parts.as_slice() else {
            return None;
        };
        let number = |part: &str, digits: &[usize]| {
            if digits.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()) {
                part.parse::<u32>().ok()
            } else {
                None
            }
        };
        if let Some(year) = number(a, &[4]) {
            let year = i32::try_from(year).ok()?;
            return NaiveDate::from_ymd_opt(year, number(b, &[1, 2])?, number(c, &[1, 2])?);
        }
        let (first, second) = (number(a, &[1, 2])?, number(b, &[1, 2])?);
        // Teams writes two-digit years: `3/14/24`.
        let year = match c.len() {
            2 => 2000 + number(c, &[2])?,
            _ => number(c, &[4])?,
        };
        let year = i32::try_from(year).ok()?;
        let day_first = NaiveDate::from_ymd_opt(year, second, first);
        let month_first = NaiveDate::from_ymd_opt(year, first, second);
        match (day_first, month_first) {
            (Some(day_first), Some(month_first)) if day_first != month_first => {
                let near = |date: NaiveDate| self.days.iter().any(|day| (date - *day).num_days().abs() <= 1);
                Some(match (near(day_first), near(month_first)) {
                    (true, false) => day_first,
                    (false, true) => month_first,
                    _ if meridiem => month_first,
                    _ => day_first,
                })
            }
            (day_first, month_first) => day_first.or(month_first),
        }
    }
}

/// `09:30`, `9:30:15` or `9:30:15.250` (the fraction dropped); with a
/// `meridiem` (`Some(true)` for PM), a 12-hour clock.
fn clock_time(text: &str, meridiem: Option<bool>) -> Option<NaiveTime> {
    let digits = |part: &str, lengths: &[usize]| {
        if lengths.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()) {
            part.parse::<u32>().ok()
        } else {
            None
        }
    };
    let parts: Vec<&str> = text.split(':').collect();
    let (hour, minute, second) = match parts.as_slice() {
        [hour, minute] => (*hour, *minute, "0"),
        [hour, minute, second] => (*hour, *minute, *second),
        _ => return None,
    };
    let second = second.split_once(['.', ',']).map_or(second, |(whole, _)| whole);
    let mut hour = digits(hour, &[1, 2])?;
    if let Some(pm) = meridiem {
        if !(1..=12).contains(&hour) {
            return None;
        }
        // 12 AM is midnight and 12 PM noon.
        hour = hour % 12 + if pm { 12 } else { 0 };
    }
    NaiveTime::from_hms_opt(hour, digits(minute, &[2])?, digits(second, &[1, 2])?)
}

/// A duration in seconds, as platforms write it: minutes as a plain number
/// (`45`, `12,5` with the decimal comma of fr and es, `12.5`), `01:23:10` or
/// `1:23` (hours first), or numbers with units in en, fr or es (`1h 23m 10s`,
/// `83 min`, `1 hora 5 minutos`).
fn duration(text: &str) -> Option<i64> {
    let text = western_digits(text);
    let text = text.trim();
    if let Some(minutes) = decimal(text) {
        return seconds(minutes * 60.0);
    }
    if text.contains(':') {
        let parts: Vec<&str> = text.split(':').collect();
        let (hours, minutes, secs) = match parts.as_slice() {
            [hours, minutes] => (*hours, *minutes, "0"),
            [hours, minutes, secs] => (*hours, *minutes, *secs),
            _ => return None,
        };
        let whole = |part: &str, below: Option<f64>| {
            decimal(part).filter(|value| below.is_none_or(|limit| *value < limit) && !part.contains(['.', ',']))
        };
        let total = whole(hours, None)? * 3600.0 + whole(minutes, Some(60.0))? * 60.0 + decimal(secs)?;
        return seconds(total);
    }

    let folded = fold_for_search(text);
    let mut rest = folded.as_str();
    let mut total = 0.0;
    while !rest.trim_start().is_empty() {
        rest = rest.trim_start();
        let number_end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .unwrap_or(rest.len());
        let number = decimal(&rest[..number_end])?;
        rest = rest[number_end..].trim_start();
        let unit_end = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
        let unit = match &rest[..unit_end] {
            "h" | "hr" | "hrs" | "hour" | "hours" | "heure" | "heures" | "hora" | "horas" | "س" | "ساعة" | "ساعات" => {
                3600.0
            }
            "m" | "mn" | "min" | "mins" | "minute" | "minutes" | "minuto" | "minutos" | "د" | "دقيقة" | "دقائق" => {
                60.0
            }
            "s" | "sec" | "secs" | "second" | "seconds" | "seconde" | "secondes" | "seg" | "segundo" | "segundos"
            | "ث" | "ثانية" | "ثوان" | "ثوانٍ" => 1.0,
            _ => return None,
        };
        total += number * unit;
        rest = &rest[unit_end..];
    }
    // An empty text has no number and no unit: it is no duration.
    if folded.trim().is_empty() {
        return None;
    }
    seconds(total)
}

/// A time or a duration as an Arabic locale writes it, in the digits the
/// rest reads: Arabic-Indic and Persian digits as 0 to 9, the Arabic comma
/// and decimal separator as `,` and `.`, and the direction marks between
/// the parts (`٢٩‏/٦‏/٢٠٢٦‏، ٩:٢٩:٠٠ ص`) left out. Found by uploading an
/// Arabic export (session 23): every line was refused.
fn western_digits(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}'))
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from_digit(u32::from(c) - 0x0660, 10).unwrap_or(c),
            '\u{06F0}'..='\u{06F9}' => char::from_digit(u32::from(c) - 0x06F0, 10).unwrap_or(c),
            '\u{060C}' => ',',
            '\u{066B}' => '.',
            _ => c,
        })
        .collect()
}

/// A non-negative decimal number with a point or a comma.
fn decimal(text: &str) -> Option<f64> {
    let valid = !text.is_empty()
        && text.bytes().any(|b| b.is_ascii_digit())
        && text.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
        && text.bytes().filter(|b| *b == b'.' || *b == b',').count() <= 1;
    if !valid {
        return None;
    }
    text.replace(',', ".").parse().ok()
}

/// Whole seconds of a finite, non-negative amount; huge ones saturate, since
/// every time is capped at the meeting's length anyway.
fn seconds(amount: f64) -> Option<i64> {
    (amount.is_finite() && amount >= 0.0).then(|| amount.round() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{read, simplify};

    // Found by attacking the uploads (session 21): each took minutes, every
    // line or cell matched against the fields' names in every separator,
    // before the limits said no.
    #[test]
    fn a_report_too_long_or_too_wide_is_refused_at_its_limit() {
        let key = |text: &str| super::read(text).map(|_| ()).map_err(|problem| problem.key);
        let long = format!(
            "Name,Email,Duration (minutes)\n{}",
            (0..60_000).map(|n| format!("P{n},p{n}@x.test,5\n")).collect::<String>()
        );
        assert_eq!(key(&long), Err("error-csv-too-many-rows"));
        let most = format!(
            "Name,Email,Duration (minutes)\n{}",
            (0..import::MAX_ROWS)
                .map(|n| format!("P{n},p{n}@x.test,5\n"))
                .collect::<String>()
        );
        assert_eq!(super::read(&most).map(|sheet| sheet.rows.len()), Ok(import::MAX_ROWS));
        let wide = format!(
            "{}\n{}\n",
            vec!["Name"; 285_000].join(","),
            vec!["x"; 285_000].join(",")
        );
        assert_eq!(key(&wide), Err("error-csv-too-many-columns"));
        // A header below the search is not found: the file is read as a
        // plain CSV, whose first line is its header.
        let late = format!(
            "{}Name,Email,Duration (minutes)\nAna,ana@x.test,5\n",
            "Note\n".repeat(HEADER_WITHIN)
        );
        assert_eq!(key(&late), Err("error-csv-row-length"));
        let within = format!(
            "{}Name,Email,Duration (minutes)\nAna,ana@x.test,5\n",
            "Note\n".repeat(HEADER_WITHIN - 1)
        );
        assert_eq!(super::read(&within).map(|sheet| sheet.rows.len()), Ok(1));
    }

    fn utc(text: &str) -> DateTime<Utc> {
        match DateTime::parse_from_rfc3339(text) {
            Ok(instant) => instant.to_utc(),
            Err(error) => panic!("{text}: {error}"),
        }
    }

    fn report(file: &str, meeting: (&str, &str), zone: Tz) -> OnlineReport {
        let sheet = match read(file.as_bytes()) {
            Ok(sheet) => sheet,
            Err(problem) => panic!("{problem}"),
        };
        let mapping = guess(&sheet.headers);
        match minutes(&sheet, &mapping, (utc(meeting.0), utc(meeting.1)), zone) {
            Ok(report) => report,
            Err(problem) => panic!("{problem}"),
        }
    }

    fn summary(report: &OnlineReport) -> Vec<(&str, Option<&str>, u32, Vec<usize>)> {
        report
            .attendees
            .iter()
            .map(|a| {
                (
                    a.name.as_str(),
                    a.email.as_ref().map(Email::as_str),
                    a.minutes,
                    a.lines.clone(),
                )
            })
            .collect()
    }

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|name| (*name).to_owned()).collect()
    }

    /// 10:00 to 12:00 in Madrid, 14 March 2024 (UTC+1).
    const MORNING: (&str, &str) = ("2024-03-14T09:00:00Z", "2024-03-14T11:00:00Z");
    const MADRID: Tz = chrono_tz::Europe::Madrid;

    #[test]
    fn zoom_export() {
        let file = "\
Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
Ana Ruiz,ana.ruiz@example.org,03/14/2024 09:50:12 AM,03/14/2024 11:00:40 AM,71,No
Luis Gil,luis@example.org,03/14/2024 10:02:00 AM,03/14/2024 11:58:30 AM,117,No
Luis's iPhone (Luis Gil),LUIS@example.org,03/14/2024 10:30:00 AM,03/14/2024 11:30:00 AM,60,No
Marta (guest),,03/14/2024 10:05:00 AM,03/14/2024 10:45:59 AM,41,Yes
Ana Ruiz,Ana.Ruiz@Example.org,03/14/2024 11:10:00 AM,03/14/2024 12:05:00 PM,55,No
marta  (GUEST),,03/14/2024 11:00:00 AM,03/14/2024 12:00:00 PM,60,Yes
Eva Sanz,eva@example.org,03/14/2024 09:00:00 AM,03/14/2024 09:58:00 AM,58,No
";
        let report = report(file, MORNING, MADRID);
        assert_eq!(
            summary(&report),
            [
                // Joined 10 minutes early (clipped), left for 10 minutes, came
                // back and stayed 5 minutes past the end (clipped): 60:40 +
                // 50:00, rounded to the nearest minute.
                ("Ana Ruiz", Some("ana.ruiz@example.org"), 111, vec![2, 6]),
                // Laptop and phone at once count once: 10:02:00 to 11:58:30,
                // half a minute rounded up.
                ("Luis Gil", Some("luis@example.org"), 117, vec![3, 4]),
                // A guest, found again by name: 40:59 + 60:00.
                ("Marta (guest)", None, 101, vec![5, 7]),
                ("Eva Sanz", Some("eva@example.org"), 0, vec![8]),
            ]
        );
        assert_eq!(
            report.problems,
            [RowProblem {
                line: 8,
                problem: Problem::new("error-report-outside").with("line", 8)
            }]
        );
    }

    #[test]
    fn teams_export_with_times_or_durations() {
        let file = "\
Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tParticipant ID (UPN)\tRole
Ana Ruiz\t3/14/24, 9:58:03 AM\t3/14/24, 11:00:06 AM\t1h 2m 3s\tana@example.org\tana@example.org\tOrganizer
Luis Gil\t3/14/24, 10:15:00 AM\t3/14/24, 12:40:00 PM\t2h 25m\tluis@example.org\tluis@example.org\tPresenter
Eva Sanz\t3/14/24, 10:00:00 AM\t3/14/24, 10:00:59 AM\t59s\t\tEva Sanz (Guest)\tAttendee
";
        let Ok(sheet) = read(file.as_bytes()) else { panic!() };
        let mut mapping = guess(&sheet.headers);
        assert_eq!(mapping.get(ReportField::Name), Some(0));
        assert_eq!(mapping.get(ReportField::Join), Some(1));
        assert_eq!(mapping.get(ReportField::Leave), Some(2));
        assert_eq!(mapping.get(ReportField::Duration), Some(3));
        assert_eq!(mapping.get(ReportField::Email), Some(4));
        assert_eq!(mapping.field_of(5), None);

        let meeting = (utc(MORNING.0), utc(MORNING.1));
        let Ok(by_times) = minutes(&sheet, &mapping, meeting, MADRID) else {
            panic!()
        };
        assert_eq!(
            summary(&by_times),
            [
                ("Ana Ruiz", Some("ana@example.org"), 60, vec![2]),
                ("Luis Gil", Some("luis@example.org"), 105, vec![3]),
                // 59 seconds: a minute, to the nearest.
                ("Eva Sanz", None, 1, vec![4]),
            ]
        );
        assert!(by_times.attendees.iter().all(|a| a.clipped));

        // Without times, durations are all there is: added up, capped at the
        // meeting's two hours, rounded (59 s is a minute), and not clipped.
        mapping.unset(ReportField::Join);
        mapping.unset(ReportField::Leave);
        let Ok(by_durations) = minutes(&sheet, &mapping, meeting, MADRID) else {
            panic!()
        };
        let minutes: Vec<(u32, bool)> = by_durations.attendees.iter().map(|a| (a.minutes, a.clipped)).collect();
        assert_eq!(minutes, [(62, false), (120, false), (1, false)]);
        assert!(by_durations.problems.is_empty());
    }

    #[test]
    fn french_export() {
        let file = "\
Nom;Adresse e-mail;Heure d'arrivée;Heure de départ;Durée (minutes)
Ana Ruiz;ana@example.org;04/03/2024 09:55:00;04/03/2024 11:30:00;95
Élodie Martin;;04/03/2024 10:15;04/03/2024 12:00;105
ELODIE   MARTIN;;04/03/2024 10:45;04/03/2024 11:15;30
";
        // 4 March 2024, 10:00 to 12:00 in Paris: 04/03 is day first.
        let meeting = ("2024-03-04T09:00:00Z", "2024-03-04T11:00:00Z");
        let report = report(file, meeting, chrono_tz::Europe::Paris);
        assert_eq!(
            summary(&report),
            [
                ("Ana Ruiz", Some("ana@example.org"), 90, vec![2]),
                ("Élodie Martin", None, 105, vec![3, 4]),
            ]
        );
        assert!(report.problems.is_empty());
    }

    #[test]
    fn spanish_headers_and_meet_bare_times() {
        let mapping = guess(&headers(&[
            "Nombre",
            "Apellidos",
            "Correo electrónico",
            "Hora de entrada",
            "Hora de salida",
            "Duración (minutos)",
            "En sala de espera",
        ]));
        let fields: Vec<_> = mapping.iter().map(|(field, _)| field).collect();
        assert_eq!(fields, ReportField::ALL);

        // Meet: a join time without a date, and a duration; the given and
        // the family name apart, joined.
        let file = "First name,Last name,Email,Duration,Time joined\nAna,Ruiz,ana@example.org,45 min,10:20\n";
        let report = report(file, MORNING, MADRID);
        assert_eq!(summary(&report), [("Ana Ruiz", Some("ana@example.org"), 45, vec![2])]);
    }

    #[test]
    fn unreadable_times_skip_their_row_only() {
        let file = "\
Name,Email,Join Time,Leave Time
Ana Ruiz,ana@example.org,yesterday at ten,2024-03-14 11:00
Luis Gil,luis@example.org,2024-03-14 10:00,2024-03-14 11:00:00
Eva Sanz,eva@example.org,2024-03-14 10:00,
Rosa Vega,rosa@example.org,2024-03-14 11:00,2024-03-14 10:00
,,2024-03-14 10:00,2024-03-14 11:00
";
        let report = report(file, MORNING, MADRID);
        assert_eq!(summary(&report), [("Luis Gil", Some("luis@example.org"), 60, vec![3])]);
        let problems: Vec<(usize, &Problem)> = report.problems.iter().map(|p| (p.line, &p.problem)).collect();
        assert_eq!(
            problems,
            [
                (2, &Problem::new("error-report-time").with("value", "yesterday at ten")),
                (4, &Problem::new("error-report-missing")),
                // Readable, but leaving before joining (session 29's attack round).
                (
                    5,
                    &Problem::new("error-report-leave-before-join")
                        .with("join", "2024-03-14 11:00")
                        .with("leave", "2024-03-14 10:00")
                ),
                (6, &Problem::new("error-report-nameless")),
            ]
        );
    }

    #[test]
    fn a_time_the_clocks_skipped_is_told_as_such() {
        // 31 March 2024, Madrid: 02:00 became 03:00; 02:30 never was. It
        // was "not a time Aula can read", though written as asked
        // (session 27's attack round).
        let night = ("2024-03-31T00:00:00Z", "2024-03-31T02:00:00Z");
        let file =
            "Name,Email,Join Time,Leave Time\nAna Ruiz,ana@example.org,2024-03-31 02:30:00,2024-03-31 03:30:00\n";
        let report = report(file, night, MADRID);
        let problems: Vec<&Problem> = report.problems.iter().map(|p| &p.problem).collect();
        assert_eq!(
            problems,
            [&Problem::new("error-report-time-skipped")
                .with("value", "2024-03-31 02:30:00")
                .with("zone", "Europe/Madrid")]
        );
    }

    #[test]
    fn unusable_columns_are_refused() {
        let refused = |file: &str| {
            let Ok(sheet) = read(file.as_bytes()) else { panic!() };
            let mapping = guess(&sheet.headers);
            minutes(&sheet, &mapping, (utc(MORNING.0), utc(MORNING.1)), MADRID).err()
        };
        let unmapped = Some(Problem::new("error-report-unmapped"));
        assert_eq!(refused("Foo;Bar\n1;2\n"), unmapped);
        // People but no time.
        assert_eq!(refused("Name;Email;Guest\nAna;a@x.org;No\n"), unmapped);
        // Times but no one.
        assert_eq!(refused("Join Time;Leave Time\n10:00;11:00\n"), unmapped);
        // A join time alone places no one.
        assert_eq!(refused("Name;Join Time\nAna;10:00\n"), unmapped);

        let Ok(sheet) = read(b"Name;Duration\nAna;10\n") else {
            panic!()
        };
        let mut mapping = guess(&sheet.headers);
        mapping.set(ReportField::Email, 7);
        let meeting = (utc(MORNING.0), utc(MORNING.1));
        assert_eq!(minutes(&sheet, &mapping, meeting, MADRID).err(), unmapped);
        mapping.unset(ReportField::Email);
        assert!(minutes(&sheet, &mapping, meeting, MADRID).is_ok());
        assert_eq!(
            minutes(&sheet, &mapping, (meeting.1, meeting.0), MADRID).err(),
            Some(Problem::new("error-meeting-order"))
        );
    }

    #[test]
    fn time_formats() {
        let clock = Clock::new(utc(MORNING.0), utc(MORNING.1), MADRID);
        let at = |text: &str| clock.instant(text).and_then(|s| DateTime::from_timestamp(s, 0));
        let ten = Some(utc("2024-03-14T09:00:00Z"));
        for text in [
            "2024-03-14T10:00:00+01:00",
            "2024-03-14T09:00:00Z",
            "2024-03-14 10:00",
            "2024-03-14 10:00:00",
            "2024-03-14T10:00:00",
            "2024/03/14 10:00:00",
            "14/03/2024 10:00",
            "14-03-2024 10:00:00",
            "14.03.2024 10:00",
            "03/14/2024 10:00:00 AM",
            "3/14/24, 10:00 AM",
            "3/14/2024 10:00:00AM",
            "14/03/2024 10:00:00 a. m.",
            "10:00",
            "10:00:00.250",
            "09:00 UTC",
            "2024-03-14 09:00:00Z",
        ] {
            assert_eq!(at(text), ten, "{text}");
        }
        assert_eq!(at("03/14/2024 12:05:00 PM"), Some(utc("2024-03-14T11:05:00Z")));
        assert_eq!(at("03/14/2024 12:05:00 AM"), Some(utc("2024-03-13T23:05:00Z")));
        for bad in [
            "",
            "10",
            "25:00",
            "13:00 PM",
            "0:30 AM",
            "14/03/2024",
            "14/03/2024 10h00",
            "10:00 CET",
        ] {
            assert_eq!(at(bad), None, "{bad:?}");
        }

        // 04/03 read as the day closest to the meeting, whichever the order.
        let march_4 = Clock::new(utc("2024-03-04T09:00:00Z"), utc("2024-03-04T11:00:00Z"), MADRID);
        let april_3 = Clock::new(utc("2024-04-03T08:00:00Z"), utc("2024-04-03T10:00:00Z"), MADRID);
        assert_eq!(march_4.date("04/03/2024", false), NaiveDate::from_ymd_opt(2024, 3, 4));
        assert_eq!(march_4.date("03/04/2024", true), NaiveDate::from_ymd_opt(2024, 3, 4));
        assert_eq!(april_3.date("04/03/2024", false), NaiveDate::from_ymd_opt(2024, 4, 3));
        // Neither near: the 12-hour clock says month first.
        assert_eq!(april_3.date("05/06/2024", true), NaiveDate::from_ymd_opt(2024, 5, 6));
        assert_eq!(april_3.date("05/06/2024", false), NaiveDate::from_ymd_opt(2024, 6, 5));

        // A bare time of a meeting past midnight falls on the right day.
        let night = Clock::new(utc("2024-03-14T22:00:00Z"), utc("2024-03-15T01:00:00Z"), MADRID);
        let at_night = |text: &str| night.instant(text).and_then(|s| DateTime::from_timestamp(s, 0));
        assert_eq!(at_night("23:30"), Some(utc("2024-03-14T22:30:00Z")));
        assert_eq!(at_night("01:30"), Some(utc("2024-03-15T00:30:00Z")));
    }

    #[test]
    fn durations() {
        for (text, seconds) in [
            ("1h 2m 3s", 3723),
            ("2h 25m", 8700),
            ("59s", 59),
            ("83 min", 4980),
            ("45 minutes", 2700),
            ("1 hora 5 minutos", 3900),
            ("2 heures 5 min", 7500),
            ("01:23:10", 4990),
            ("1:23", 4980),
            ("45", 2700),
            ("12,5", 750),
            ("1.5", 90),
            ("0", 0),
        ] {
            assert_eq!(duration(text), Some(seconds), "{text}");
        }
        for bad in [
            "", "abc", "-3", "1h 2x", "h", "1,2,3", "1:75", "1:2:3:4", "NaN", "inf", "10 days",
        ] {
            assert_eq!(duration(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn union_counts_overlaps_once() {
        assert_eq!(
            union(vec![(10, 20), (15, 30), (40, 50), (0, 5), (50, 55)]),
            vec![(0, 5), (10, 30), (40, 55)]
        );
        assert_eq!(union(vec![(0, 100), (10, 20)]), vec![(0, 100)]);
        assert_eq!(union(Vec::new()), Vec::new());
    }

    #[test]
    fn fields_and_synonyms() {
        for field in ReportField::ALL {
            assert_eq!(ReportField::parse(field.as_str()), Some(*field));
            assert!(field.label_key().ends_with(&field.as_str().replace('_', "-")));
            // No header name may mean two fields.
            for other in ReportField::ALL.iter().filter(|other| *other != field) {
                for word in field.synonyms() {
                    assert!(
                        !other.synonyms().iter().any(|w| simplify(w) == simplify(word)),
                        "{word} is both {field:?} and {other:?}"
                    );
                }
            }
        }
        let zoom = guess(&headers(&[
            "Name (Original Name)",
            "User Email",
            "Join Time",
            "Leave Time",
            "Duration (Minutes)",
            "Guest",
        ]));
        assert_eq!(zoom.iter().count(), 5);
        assert_eq!(zoom.field_of(5), None);
        let french = guess(&headers(&[
            "NOM",
            "E-mail",
            "Heure d’arrivée",
            "Heure de depart",
            "Duree",
        ]));
        assert_eq!(french.iter().count(), 5);
    }

    // ----- issue 18: the files as the platforms export them -------------------------

    /// A fixture of `tests/fixtures/online_reports` (see its SOURCES.md and
    /// EXPECTED.md), byte for byte.
    macro_rules! fixture {
        ($name:literal) => {
            include_bytes!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../tests/fixtures/online_reports/",
                $name
            ))
            .as_slice()
        };
    }

    /// 12 March 2026, 09:00 to 12:30 in Madrid (UTC+1): the fixtures' meeting.
    const FIXTURE_MEETING: (&str, &str) = ("2026-03-12T08:00:00Z", "2026-03-12T11:30:00Z");

    fn fixture_report(bytes: &[u8]) -> OnlineReport {
        let sheet = match decode(bytes).and_then(|text| super::read(&text)) {
            Ok(sheet) => sheet,
            Err(problem) => panic!("{problem}"),
        };
        let mapping = guess(&sheet.headers);
        let meeting = (utc(FIXTURE_MEETING.0), utc(FIXTURE_MEETING.1));
        match minutes(&sheet, &mapping, meeting, MADRID) {
            Ok(report) => report,
            Err(problem) => panic!("{problem}"),
        }
    }

    /// Session 31's attack round: the report of another day was taken, its
    /// lines "left out", and everyone in it marked absent over good marks.
    #[test]
    fn session_31_a_report_of_another_day_is_refused() {
        let sheet = match decode(fixture!("zoom_participants.csv")).and_then(|text| super::read(&text)) {
            Ok(sheet) => sheet,
            Err(problem) => panic!("{problem}"),
        };
        let mapping = guess(&sheet.headers);
        let next_day = (utc("2026-03-13T08:00:00Z"), utc("2026-03-13T11:30:00Z"));
        let refused = minutes(&sheet, &mapping, next_day, MADRID).map(|_| ());
        assert_eq!(
            refused.map_err(|p| (p.key, p.to_string().contains("2026-03-13"))),
            Err(("error-report-other-meeting", true))
        );
    }

    /// Each person (their address, else their name) with their minutes and
    /// whether they are clipped, sorted.
    fn minutes_by_person(report: &OnlineReport) -> Vec<(String, u32, bool)> {
        let mut found: Vec<(String, u32, bool)> = report
            .attendees
            .iter()
            .map(|a| {
                let key = a
                    .email
                    .as_ref()
                    .map_or_else(|| a.name.clone(), |e| e.as_str().to_owned());
                (key, a.minutes, a.clipped)
            })
            .collect();
        found.sort();
        found
    }

    /// EXPECTED.md's minutes: José, Ana, Marie, Karim, Lucía, the guest (by
    /// name, with `guest` as the file writes it), the trainer.
    fn expected(minutes: [u32; 7], guest: &str, clipped: bool) -> Vec<(String, u32, bool)> {
        let keys = [
            "jose.perez@example.org",
            "ana.garcia@example.org",
            "marie.dubois@example.org",
            "karim.bensalah@example.org",
            "lucia.fernandez@example.org",
            guest,
            "trainer@example.org",
        ];
        let mut all: Vec<(String, u32, bool)> = keys
            .iter()
            .zip(minutes)
            .map(|(key, minutes)| ((*key).to_owned(), minutes, clipped))
            .collect();
        all.sort();
        all
    }

    /// From connections to the second, clipped to 09:00-12:30: José 12 588 s,
    /// Ana's three overlapping connections one span of 12 463 s, Marie 11 980 s,
    /// Karim 7 230 s (120.5, up), Lucía 2 729 s, the guest 1 830 s (30.5, up).
    const EXACT: [u32; 7] = [210, 208, 200, 121, 45, 31, 210];

    #[test]
    fn issue_18_minutes_of_every_export() {
        for (name, bytes, minutes, guest, clipped) in [
            (
                "zoom_participants",
                fixture!("zoom_participants.csv"),
                EXACT,
                "Invitado Externo",
                true,
            ),
            // The same report re-saved by a spreadsheet: Windows-1252, semicolons.
            (
                "zoom_cp1252",
                fixture!("zoom_participants_cp1252.csv"),
                EXACT,
                "Invitado Externo",
                true,
            ),
            (
                "zoom_semicolon",
                fixture!("zoom_participants_semicolon.csv"),
                EXACT,
                "Invitado Externo",
                true,
            ),
            (
                "zoom_legacy",
                fixture!("zoom_legacy.csv"),
                EXACT,
                "Invitado Externo",
                true,
            ),
            // Totals as Zoom adds them (Ana's two devices twice: 235), capped
            // at the meeting's 210 minutes; Karim's and Lucía's minutes before
            // 09:00 cannot be taken out: not clipped.
            (
                "zoom_unique_users",
                fixture!("zoom_unique_users.csv"),
                [210, 210, 200, 141, 47, 31, 210],
                "Invitado Externo",
                false,
            ),
            (
                "teams",
                fixture!("teams_attendance.csv"),
                EXACT,
                "Invitado Externo (Unverified)",
                true,
            ),
            (
                "teams_2022",
                fixture!("teams_attendance_2022_utf16be_lf.csv"),
                EXACT,
                "Invitado Externo (Unverified)",
                true,
            ),
            // Meet drops the seconds: Karim and the guest lose the half minute.
            (
                "meet",
                fixture!("meet_attendance.csv"),
                [210, 208, 200, 120, 45, 30, 210],
                "Invitado Externo",
                true,
            ),
            ("jitsi", fixture!("jitsi.csv"), EXACT, "Invitado Externo", true),
        ] {
            let report = fixture_report(bytes);
            assert_eq!(minutes_by_person(&report), expected(minutes, guest, clipped), "{name}");
            assert!(report.problems.is_empty(), "{name}: {:?}", report.problems);
            // The guest is listed, with no address to be anyone's.
            let guest = report.attendees.iter().find(|a| a.name == guest);
            assert!(guest.is_some_and(|a| a.email.is_none()), "{name}");
        }
    }

    #[test]
    fn issue_18_intervals_kept() {
        let kept = |report: &OnlineReport, email: &str| {
            let person = report
                .attendees
                .iter()
                .find(|a| a.email.as_ref().is_some_and(|e| e.as_str() == email));
            person.map(|a| a.kept.clone())
        };
        for (name, bytes) in [
            ("zoom_participants", fixture!("zoom_participants.csv")),
            ("zoom_legacy", fixture!("zoom_legacy.csv")),
            ("teams", fixture!("teams_attendance.csv")),
            ("jitsi", fixture!("jitsi.csv")),
        ] {
            let report = fixture_report(bytes);
            // Ana's three connections (two devices overlapping, bridging her
            // drop-out) are one, ending with the meeting at 12:30 (UTC+1).
            assert_eq!(
                kept(&report, "ana.garcia@example.org"),
                Some(vec![(utc("2026-03-12T08:02:17Z"), utc("2026-03-12T11:30:00Z"))]),
                "{name}"
            );
            // Karim joined at 08:40, before the meeting: kept from 09:00.
            assert_eq!(
                kept(&report, "karim.bensalah@example.org"),
                Some(vec![(utc("2026-03-12T08:00:00Z"), utc("2026-03-12T10:00:30Z"))]),
                "{name}"
            );
        }
        // Durations only: nothing can be placed within the meeting.
        let totals = fixture_report(fixture!("zoom_unique_users.csv"));
        assert!(totals.attendees.iter().all(|a| a.kept.is_empty()));
    }

    #[test]
    fn issue_18_zoom_participants_report_and_its_resaves() {
        for (name, bytes) in [
            ("zoom_participants", fixture!("zoom_participants.csv")),
            ("zoom_cp1252", fixture!("zoom_participants_cp1252.csv")),
            ("zoom_semicolon", fixture!("zoom_participants_semicolon.csv")),
            ("zoom_legacy", fixture!("zoom_legacy.csv")),
        ] {
            let report = fixture_report(bytes);
            // The meeting's summary above is not a person; the table's lines
            // keep their numbers in the file (its header is line 4).
            let ana = report.attendees.iter().find(|a| a.name == "Ana García");
            assert_eq!(ana.map(|a| a.lines.clone()), Some(vec![9, 12, 13]), "{name}");
            // Renamed in the meeting, the address written in capitals.
            let marie = report.attendees.iter().find(|a| a.name == "Marie D. (Marie Dubois)");
            assert_eq!(
                marie.and_then(|a| a.email.as_ref()).map(Email::as_str),
                Some("marie.dubois@example.org"),
                "{name}"
            );
            // Accents survive every encoding.
            assert!(report.attendees.iter().any(|a| a.name == "Lucía Fernández"), "{name}");
        }
    }

    #[test]
    fn issue_18_teams_participants_section_utf16_le_and_be() {
        for (name, bytes) in [
            ("teams", fixture!("teams_attendance.csv")),
            ("teams_2022", fixture!("teams_attendance_2022_utf16be_lf.csv")),
        ] {
            let Ok(sheet) = decode(bytes).and_then(|text| super::read(&text)) else {
                panic!("{name}")
            };
            // `3. In-Meeting Activities`, a line a connection, not the
            // summary nor `2. Participants` (a line a person, gaps unplaced:
            // session 23).
            assert_eq!(sheet.delimiter, b'\t', "{name}");
            assert_eq!(sheet.headers.len(), 6, "{name}");
            assert_eq!(sheet.rows.len(), 9, "{name}");
            assert_eq!(sheet.rows[0].line, 21, "{name}");
            // `Family, Given`, quoted or not, stays one name.
            let report = fixture_report(bytes);
            assert!(report.attendees.iter().any(|a| a.name == "Ben Salah, Karim"), "{name}");
            assert!(report.attendees.iter().any(|a| a.name == "Fernández, Lucía"), "{name}");
        }
    }

    #[test]
    fn issue_18_bigbluebutton_learning_dashboard() {
        let report = fixture_report(fixture!("bbb_learning_dashboard.csv"));
        let mut by_name: Vec<(&str, u32, bool)> = report
            .attendees
            .iter()
            .map(|a| (a.name.as_str(), a.minutes, a.clipped))
            .collect();
        by_name.sort();
        let mut want = [
            ("José Pérez", 210, true),
            // Two rows (a second device) whose second covers the gap the
            // first's duration tells of: their spans count once, and the
            // figure is marked, since the gap could not be placed.
            ("Ana García", 208, false),
            ("Marie Dubois", 200, true),
            ("Karim Ben Salah", 121, true),
            ("Lucía Fernández", 45, true),
            ("Invitado Externo", 31, true),
            ("Trainer Name", 210, true),
        ];
        want.sort();
        assert_eq!(by_name, want);
        assert!(report.attendees.iter().all(|a| a.email.is_none()));
        assert!(report.problems.is_empty(), "{:?}", report.problems);
    }

    #[test]
    fn issue_18_names_as_the_exports_write_them() {
        // Meet's first and last name, joined.
        let meet = fixture_report(fixture!("meet_attendance.csv"));
        assert!(meet.attendees.iter().any(|a| a.name == "Karim Ben Salah"));
        // A short name with the address in capitals.
        let jitsi = fixture_report(fixture!("jitsi.csv"));
        let marie = jitsi.attendees.iter().find(|a| a.name == "Marie D.");
        assert_eq!(
            marie.and_then(|a| a.email.as_ref()).map(Email::as_str),
            Some("marie.dubois@example.org")
        );
    }

    #[test]
    fn issue_18_values_as_the_tools_write_them() {
        let clock = Clock::new(utc(FIXTURE_MEETING.0), utc(FIXTURE_MEETING.1), MADRID);
        let at = |text: &str| clock.instant(text).and_then(|s| DateTime::from_timestamp(s, 0));
        let joined = Some(utc("2026-03-12T08:10:03Z"));
        for text in [
            // Zoom (12-hour US), Teams in en-US and in en-GB or es (day
            // first: the reading on the meeting's day wins), BigBlueButton,
            // Meet (a time alone, on the meeting's day; to the minute), ISO.
            "03/12/2026 09:10:03 AM",
            "3/12/26, 9:10:03 AM",
            "12/03/26, 09:10:03",
            "3/12/2026, 09:10:03 AM",
            "2026-03-12T09:10:03+01:00",
        ] {
            assert_eq!(at(text), joined, "{text}");
        }
        assert_eq!(at("9:10 AM"), Some(utc("2026-03-12T08:10:00Z")));
        for (text, seconds) in [
            ("3h 24m 49s", 12289),
            ("1h", 3600),
            ("55m", 3300),
            ("3 hr 24 min", 12240),
            ("03:24:49", 12289),
            ("204", 12240),
        ] {
            assert_eq!(duration(text), Some(seconds), "{text}");
        }
    }

    // Found by uploading real exports (session 23): Teams' participants,
    // Meet and BigBlueButton write a person's first join and last leave with
    // the time really spent, and the gaps between were counted as attended:
    // Ana, there 35 minutes of two hours, completed the session.
    #[test]
    fn issue_18_gaps_a_duration_tells_of_are_not_attended() {
        let meeting = ("2026-06-29T07:30:00Z", "2026-06-29T09:30:00Z");
        let minutes_of = |file: &str| -> Vec<(String, u32, bool)> {
            let Ok(sheet) = super::read(file) else { panic!("{file}") };
            let Ok(report) = minutes(&sheet, &guess(&sheet.headers), (utc(meeting.0), utc(meeting.1)), MADRID) else {
                panic!("{file}")
            };
            report
                .attendees
                .iter()
                .map(|a| (a.name.clone(), a.minutes, a.clipped))
                .collect()
        };
        let ana = |minutes, clipped| vec![("Ana Cárdenas".to_owned(), minutes, clipped)];
        // Teams' section 2 alone: 09:29 to 11:30 with 36 minutes in the
        // meeting, one of them before its start. At most what she spent,
        // at most the span within the meeting: 36.
        let participants = "Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tRole\n\
            Ana Cárdenas\t6/29/26, 9:29:00 AM\t6/29/26, 11:30:00 AM\t36m\tana@example.org\tAttendee\n";
        assert_eq!(minutes_of(participants), ana(36, false));
        // With section 3, each connection is placed: 30 + 5 = 35, exact.
        let activities = "Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole\n\
            Ana Cárdenas\t6/29/26, 9:29:00 AM\t6/29/26, 10:00:00 AM\t31m\tana@example.org\tAttendee\n\
            Ana Cárdenas\t6/29/26, 11:25:00 AM\t6/29/26, 11:30:00 AM\t5m\tana@example.org\tAttendee\n";
        let teams = format!(
            "1. Summary\nMeeting title\tCurso\n\n2. Participants\n{participants}\n3. In-Meeting Activities\n{activities}"
        );
        assert_eq!(minutes_of(&teams), ana(35, true));
        // Meet: the time joined, the time exited and the duration in minutes.
        let meet = "First name,Last name,Email,Duration,Time joined,Time exited\n\
            Ana,Cárdenas,ana@example.org,36 min,9:29 AM,11:30 AM\n";
        assert_eq!(minutes_of(meet), ana(36, false));
        // BigBlueButton: the duration is the sum of the person's sessions.
        let bbb = "Name,Moderator,Join,Left,Duration\n\
            \"Ana Cárdenas\",\"FALSE\",\"6/29/2026, 09:29:00 AM\",\"6/29/2026, 11:30:00 AM\",\"00:36:00\"\n";
        assert_eq!(minutes_of(bbb), ana(36, false));
        // Within a minute of the span (Meet rounds), a line is a connection.
        let rounded = "First name,Last name,Email,Duration,Time joined,Time exited\n\
            Ana,Cárdenas,ana@example.org,120 min,9:30:40 AM,11:31:30 AM\n";
        assert_eq!(minutes_of(rounded), ana(119, true));
    }

    // Found by uploading real exports (session 23): Zoom's time in the
    // waiting room counted as attended, and its webinar report's `--` for a
    // registrant who never came read as a time twice over.
    #[test]
    fn issue_18_the_waiting_room_and_no_show_registrants() {
        let zoom = "\u{feff}Topic,ID,Host,Duration (minutes),Start time,End time,Participants\r\n\
            Curso,81796405615,Trainer (trainer@example.org),\"121\",\"06/29/2026 09:29:00 AM\",\"06/29/2026 11:30:00 AM\",3\r\n\
            \r\n\
            Name (original name),Email,Join time,Leave time,Duration (minutes),Guest,In waiting room\r\n\
            Carmen Dubois,carmen@example.org,\"06/29/2026 09:30:00 AM\",\"06/29/2026 10:30:00 AM\",60,No,Yes\r\n\
            Carmen Dubois,carmen@example.org,\"06/29/2026 10:30:00 AM\",\"06/29/2026 11:30:00 AM\",60,No,No\r\n\
            Nadia Sow,nadia@example.org,\"06/29/2026 09:30:00 AM\",\"06/29/2026 09:45:00 AM\",15,No,Yes\r\n\
            Omar,,--,--,--,Yes,No";
        let Ok(sheet) = super::read(zoom) else { panic!() };
        let mapping = guess(&sheet.headers);
        assert_eq!(mapping.get(ReportField::WaitingRoom), Some(6));
        let meeting = (utc("2026-06-29T07:30:00Z"), utc("2026-06-29T09:30:00Z"));
        let Ok(report) = minutes(&sheet, &mapping, meeting, MADRID) else {
            panic!()
        };
        let found: Vec<(&str, u32, Vec<usize>)> = report
            .attendees
            .iter()
            .map(|a| (a.name.as_str(), a.minutes, a.lines.clone()))
            .collect();
        // Nadia never left the waiting room: listed, with no time.
        assert_eq!(
            found,
            vec![("Carmen Dubois", 60, vec![5, 6]), ("Nadia Sow", 0, vec![7])]
        );
        let problems: Vec<(usize, &str)> = report.problems.iter().map(|p| (p.line, p.problem.key)).collect();
        assert_eq!(problems, vec![(8, "error-report-missing")]);
    }

    // Found by uploading an Arabic export (session 23): its headers named no
    // field Aula knows, so the summary's first line was taken as a header of
    // one column and the file refused; and its times, in Arabic-Indic digits
    // with direction marks, could not be read.
    #[test]
    fn issue_18_an_export_in_arabic() {
        let rlm = '\u{200F}';
        let teams = format!(
            "1. الملخص\nعنوان الاجتماع\tCurso\nالمشاركون\t1\n\n2. المشاركون\n\
             الاسم\tأول انضمام\tآخر مغادرة\tالمدة في الاجتماع\tالبريد\n\
             نادية سو\t٢٩{rlm}/٦{rlm}/٢٠٢٦{rlm}، ٩:٢٩:٠٠ ص\t٢٩{rlm}/٦{rlm}/٢٠٢٦{rlm}، ١١:٣٠:٠٠ ص\t١ س ٣١ د\tnadia@example.org\n"
        );
        let Ok(sheet) = super::read(&teams) else { panic!() };
        assert_eq!(sheet.rows[0].line, 7);
        let mapping = guess(&sheet.headers);
        let fields: Vec<_> = mapping.iter().collect();
        assert_eq!(
            fields,
            vec![
                (ReportField::Name, 0),
                (ReportField::Email, 4),
                (ReportField::Join, 1),
                (ReportField::Leave, 2),
                (ReportField::Duration, 3),
            ]
        );
        // In a language whose headers name no field Aula knows, the
        // participants' table is still found, for the trainer to name its
        // columns on the form.
        let german = teams.replace(
            "الاسم\tأول انضمام\tآخر مغادرة\tالمدة في الاجتماع\tالبريد",
            "Vollständiger Name\tErster Beitritt\tLetztes Verlassen\tBesprechungsdauer\tE-Mail-Adresse",
        );
        let Ok(sheet) = super::read(&german) else { panic!() };
        assert_eq!(guess(&sheet.headers).iter().count(), 0);
        assert_eq!((sheet.headers.len(), sheet.rows.len(), sheet.rows[0].line), (5, 1, 7));
        let meeting = (utc("2026-06-29T07:30:00Z"), utc("2026-06-29T09:30:00Z"));
        let Ok(report) = minutes(&sheet, &mapping, meeting, MADRID) else {
            panic!()
        };
        assert_eq!(report.problems, vec![]);
        // 09:29 to 11:30 with an hour and 31 minutes spent: 91, a minute of
        // it perhaps before the start.
        assert_eq!(report.attendees[0].minutes, 91);
        let clock = Clock::new(meeting.0, meeting.1, MADRID);
        assert_eq!(
            clock.instant("٢٩/٦/٢٠٢٦، ٢:٠٥ م"),
            Some(utc("2026-06-29T12:05:00Z").timestamp())
        );
        assert_eq!(duration("٣٦ دقيقة"), Some(2160));
        assert_eq!(duration("١٫٥"), Some(90));
    }

    // The reviewer's cases (session 23): what the fallback and the gaps
    // must not do to ordinary files.
    #[test]
    fn issue_18_ordinary_files_read_as_before() {
        // One table: read as the registrant import reads it, `;` sniffed
        // past the decimal commas; a data line wider than its header is
        // the file's problem, not a header.
        let Ok(sheet) = super::read("Teilnehmer;Minuten\nHans Müller;1,5\nEva Roth;2,25\nIda Berg;3,5\n") else {
            panic!()
        };
        assert_eq!((sheet.delimiter, sheet.headers.len(), sheet.rows.len()), (b';', 2, 3));
        assert!(super::read("Teilnehmer,Minuten\nHans,90,\nEva,80,\n").is_err());
        // Excel's separator line is no header.
        let Ok(sheet) = super::read("sep=;\nTeilnehmer;Minuten\nHans;90\n") else {
            panic!()
        };
        assert_eq!(sheet.headers, vec!["Teilnehmer".to_owned(), "Minuten".to_owned()]);
        let Ok(sheet) = super::read("sep=\t\nName\tDuration\nHans\t90\n") else {
            panic!()
        };
        assert_eq!(sheet.delimiter, b'\t');

        let meeting = (utc("2026-06-29T07:30:00Z"), utc("2026-06-29T09:30:00Z"));
        let counted = |file: &str| {
            let Ok(sheet) = super::read(file) else { panic!("{file}") };
            let Ok(report) = minutes(&sheet, &guess(&sheet.headers), meeting, MADRID) else {
                panic!("{file}")
            };
            report
                .attendees
                .iter()
                .map(|a| (a.minutes, a.clipped))
                .collect::<Vec<_>>()
        };
        // A bare number next to times says no gap: it could be hours.
        assert_eq!(
            counted("Name,Join time,Leave time,Duration\nHans,9:30 AM,11:00 AM,\"1,5\"\n"),
            [(90, true)]
        );
        // Waiting, in Arabic, or with no times at all: no time, no problem.
        let zoom = "Name,Join time,Leave time,Duration (minutes),In waiting room\n\
            Hans,9:30 AM,10:30 AM,60,نعم\nHans,--,--,--,Yes\n";
        assert_eq!(counted(zoom), [(0, true)]);
    }

    #[test]
    fn issue_18_minutes_are_rounded_half_up() {
        assert_eq!(rounded_minutes(7229), 120);
        assert_eq!(rounded_minutes(7230), 121);
        assert_eq!(rounded_minutes(29), 0);
        assert_eq!(rounded_minutes(30), 1);
        assert_eq!(rounded_minutes(0), 0);
    }

    #[test]
    fn issue_18_encodings_and_line_ends() {
        // UTF-8 with and without its mark, UTF-16 both ways, Windows-1252.
        assert_eq!(decode(b"\xEF\xBB\xBFJos\xC3\xA9").as_deref(), Ok("José"));
        assert_eq!(decode(b"Jos\xC3\xA9").as_deref(), Ok("José"));
        assert_eq!(decode(b"\xFF\xFEJ\x00\xE9\x00").as_deref(), Ok("Jé"));
        assert_eq!(decode(b"\xFE\xFF\x00J\x00\xE9").as_deref(), Ok("Jé"));
        assert_eq!(decode(b"Jos\xE9 \x80").as_deref(), Ok("José €"));
        // A report re-saved by Excel on an Arabic system: Windows-1256 (bytes
        // from Python's cp1256 codec), its names read as written (session 24).
        assert_eq!(
            decode(b"Name,Join,Leave\r\n\xd3\xe1\xe3\xec \xc7\xe1\xe3\xd5\xd1\xed,10:00,11:00\r\n").as_deref(),
            Ok("Name,Join,Leave\r\nسلمى المصري,10:00,11:00\r\n")
        );
        // Old Mac lines.
        assert_eq!(decode(b"a\rb\r").as_deref(), Ok("a\nb\n"));
        // Not text: a workbook, UTF-16 without its mark, a broken UTF-8 after a mark.
        let unreadable = Err(Problem::new("error-report-encoding"));
        assert_eq!(decode(b"PK\x03\x04\x14\x00\x06\x00"), unreadable);
        assert_eq!(decode(b"N\x00a\x00m\x00e\x00"), unreadable);
        assert_eq!(decode(b"\xEF\xBB\xBFJos\xE9"), unreadable);
        assert_eq!(decode(b"\xFF\xFEJ"), unreadable);

        // CR-only lines, no final line end, a table of its own.
        let Ok(text) = decode(b"Name,Join,Leave\rAna,10:00,11:00\rLuis,10:30,11:00") else {
            panic!()
        };
        let Ok(sheet) = super::read(&text) else { panic!() };
        let lines: Vec<usize> = sheet.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [2, 3]);
    }

    #[test]
    fn issue_18_the_table_is_found_by_its_header() {
        // Translated section titles, a table after the participants', and a
        // summary line that names a duration but nobody.
        let file = "1. Resumen\nDuración de la reunión\t3h 55m\n\n2. Participantes\nNombre\tHora de entrada\tHora de salida\tCorreo electrónico\nAna\t10:00\t11:00\tana@example.org\n\n3. Actividades\nNombre\tHora de entrada\nAna\t10:00\n";
        let Ok(sheet) = super::read(file) else { panic!() };
        assert_eq!(
            sheet.headers,
            ["Nombre", "Hora de entrada", "Hora de salida", "Correo electrónico"]
        );
        assert_eq!(sheet.rows.len(), 1);
        assert_eq!(sheet.rows[0].line, 6);
        // A row of the wrong width inside the table is still the file's problem.
        let file = "Name,Join,Leave\nAna,10:00,11:00\nLuis,10:30\n";
        assert_eq!(
            super::read(file).err(),
            Some(
                Problem::new("error-csv-row-length")
                    .with("line", 3)
                    .with("expected", 3)
                    .with("found", 2)
            )
        );
        // No header names people and time: read as a plain CSV, for the
        // trainer to choose the columns.
        let Ok(sheet) = super::read("Alias;Desde;Hasta\nAna;10:00;11:00\n") else {
            panic!()
        };
        assert_eq!(sheet.headers, ["Alias", "Desde", "Hasta"]);
    }
}
