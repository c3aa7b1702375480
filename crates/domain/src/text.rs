//! Small values parsed from user input: names, e-mails, texts, numbers.

use std::fmt;

use serde::Serialize;
use validator::{ValidateEmail, ValidateUrl};

use crate::Problem;

/// `input` trimmed; a blank one is [`Problem::required`].
pub(crate) fn filled(input: &str) -> Result<&str, Problem> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(Problem::required());
    }
    Ok(trimmed)
}

/// A blank `input` is `None`; anything else must `parse`.
pub(crate) fn optional<T>(input: &str, parse: impl FnOnce(&str) -> Result<T, Problem>) -> Result<Option<T>, Problem> {
    if input.trim().is_empty() {
        Ok(None)
    } else {
        parse(input).map(Some)
    }
}

/// Trims, refuses control characters (new lines only where `multiline`)
/// and direction overrides left open, and bounds the length in characters.
fn clean(input: &str, max: usize, multiline: bool) -> Result<String, Problem> {
    let trimmed = filled(input)?;
    let line_break = |c: char| matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}');
    let bad = |c: char| (c.is_control() || line_break(c)) && !(multiline && (line_break(c) || c == '\t'));
    if trimmed.chars().any(bad) || direction_left_open(trimmed) {
        return Err(Problem::new("error-control-characters"));
    }
    if trimmed.chars().count() > max {
        return Err(Problem::new("error-too-long").with("max", max));
    }
    // Every line end becomes a plain one: Windows' CR LF from a textarea, and
    // the lone CR and Unicode separators that calendar files and mail readers
    // would otherwise read as a line of their own (a lone CR in a course's
    // summary started a new property in the .ics, issue 16's attack round).
    Ok(trimmed
        .replace("\r\n", "\n")
        .replace(['\r', '\u{2028}', '\u{2029}'], "\n"))
}

/// Whether explicit direction formatting is left open, or closes what the
/// text did not open. An embedding or override (U+202A to U+202E) or an
/// isolate (U+2066 to U+2069) left open runs on past the text into what Aula
/// writes after it on the same line: a name ending in U+202E turned the
/// rest of an e-mail's sentence around. Pairs closed inside the text stay
/// inside it, and are kept. Followed as Unicode's bidirectional algorithm
/// does (UAX #9, X6a, X7): a stack, where U+202C closes only an embedding
/// opened inside the current isolate, and U+2069 closes the last isolate
/// with whatever was opened inside it.
fn direction_left_open(text: &str) -> bool {
    #[derive(PartialEq)]
    enum Open {
        Embedding,
        Isolate,
    }
    let mut stack = Vec::new();
    for c in text.chars() {
        match c {
            '\u{202A}' | '\u{202B}' | '\u{202D}' | '\u{202E}' => stack.push(Open::Embedding),
            '\u{2066}'..='\u{2068}' => stack.push(Open::Isolate),
            // The guard pops the embedding a U+202C closes; none to close is an error.
            '\u{202C}' if stack.pop_if(|open| *open == Open::Embedding).is_none() => return true,
            '\u{2069}' => {
                let Some(isolate) = stack.iter().rposition(|open| *open == Open::Isolate) else {
                    return true;
                };
                stack.truncate(isolate);
            }
            _ => {}
        }
    }
    !stack.is_empty()
}

/// A URL as a message may show it: the password of its user information
/// (`scheme://user:password@host`) replaced by `***`, even when the URL does
/// not parse (which is when it is shown). The last `@` ends the user
/// information, since a password may hold `@` or `/`: it hides too much
/// rather than too little.
pub fn without_password(url: &str) -> String {
    let Some(start) = url.find("://").map(|at| at + 3) else {
        return url.to_owned();
    };
    let rest = &url[start..];
    match rest
        .rfind('@')
        .and_then(|at| rest[..at].split_once(':').map(|(user, _)| (user, at)))
    {
        Some((user, at)) => format!("{}{user}:***{}", &url[..start], &rest[at..]),
        None => url.to_owned(),
    }
}

/// `text` (a library's message about `url`) with `url`'s password hidden
/// wherever it appears, the URL itself or the password alone.
pub fn password_hidden(text: &str, url: &str) -> String {
    let shown = text.replace(url, &without_password(url));
    let password = url
        .find("://")
        .map(|at| &url[at + 3..])
        .and_then(|rest| rest.rfind('@').map(|at| &rest[..at]))
        .and_then(|info| info.split_once(':'))
        .map(|(_, password)| password)
        .filter(|password| !password.is_empty());
    match password {
        Some(password) => shown.replace(password, "***"),
        None => shown,
    }
}

/// A non-empty text of at most `MAX` characters; single line unless `MULTILINE`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Text<const MAX: usize, const MULTILINE: bool = false>(String);

impl<const MAX: usize, const MULTILINE: bool> Text<MAX, MULTILINE> {
    pub fn parse(input: &str) -> Result<Self, Problem> {
        clean(input, MAX, MULTILINE).map(Self)
    }

    /// An empty input is `None`; anything else must parse.
    pub fn parse_optional(input: &str) -> Result<Option<Self>, Problem> {
        optional(input, Self::parse)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

impl<const MAX: usize, const MULTILINE: bool> fmt::Display for Text<MAX, MULTILINE> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A person's given or family name: a single-line text of at most 100
/// characters with none that shows nothing (see [`invisible_in_name`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct PersonName(Text<100>);

impl PersonName {
    pub fn parse(input: &str) -> Result<Self, Problem> {
        let name = Text::parse(input)?;
        if invisible_in_name(name.as_str()) {
            return Err(Problem::new("error-invisible-characters"));
        }
        // Marks of direction or isolation, or an accent alone, show no
        // name at all (session 31's attack round: a name of U+200F alone was
        // taken, and printed as nothing).
        if !name.as_str().chars().any(char::is_alphanumeric) {
            return Err(Problem::new("error-invisible-characters"));
        }
        Ok(Self(name))
    }

    /// An empty input is `None`; anything else must parse.
    pub fn parse_optional(input: &str) -> Result<Option<Self>, Problem> {
        optional(input, Self::parse)
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    pub fn into_inner(self) -> String {
        self.0.into_inner()
    }
}

impl fmt::Display for PersonName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether `name` holds a character that shows nothing, so that it would
/// look like another name on a page, a certificate or a register (session
/// 29's attack round: "Z\u{200B}ero\u{200D} Ruiz" read as "Zero Ruiz").
/// The zero-width joiner and non-joiner shape the letters of Arabic,
/// Persian and Indic scripts, and are kept between two characters of a
/// script that is not Latin; anywhere else, and every other such
/// character, is refused.
fn invisible_in_name(name: &str) -> bool {
    let chars: Vec<char> = name.chars().collect();
    // A letter or mark of another script (a virama before a joiner, too).
    let shaping = |c: Option<&char>| {
        c.is_some_and(|c| !is_latin(*c) && !c.is_whitespace() && !('\u{2000}'..='\u{206F}').contains(c))
    };
    chars.iter().enumerate().any(|(at, c)| match c {
        '\u{200C}' | '\u{200D}' => !(at > 0 && shaping(chars.get(at - 1)) && shaping(chars.get(at + 1))),
        '\u{00AD}'
        | '\u{034F}'
        | '\u{115F}'
        | '\u{1160}'
        | '\u{17B4}'
        | '\u{17B5}'
        | '\u{180E}'
        | '\u{200B}'
        | '\u{2060}'..='\u{2064}'
        | '\u{3164}'
        | '\u{FEFF}'
        | '\u{FFA0}' => true,
        _ => false,
    })
}

/// Latin letters, where a joiner shapes nothing.
fn is_latin(c: char) -> bool {
    c < '\u{0250}' || ('\u{1E00}'..='\u{1EFF}').contains(&c)
}

/// An e-mail address, stored and compared in lower case.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Email(String);

impl Email {
    pub fn parse(input: &str) -> Result<Self, Problem> {
        let trimmed = filled(input)?;
        // Not the addresses the mailer then refuses for good (session 25's
        // attack round: `john..doe@` was told to confirm by a message that
        // could never leave): dots at either end of the user or two in a
        // row, and a server's address in brackets.
        let sendable = trimmed.rsplit_once('@').is_some_and(|(user, domain)| {
            !user.starts_with('.') && !user.ends_with('.') && !user.contains("..") && !domain.starts_with('[')
        });
        if !sendable {
            return Err(Problem::new("error-email"));
        }
        Self::parse_stored(trimmed)
    }

    /// An address to look an account up by, as it may have been stored
    /// before the rule on dots and brackets above: a staff member whose
    /// address the mailer refuses still signs in with their password (and
    /// is then asked to correct it on any form). Never for a new address.
    pub fn parse_stored(input: &str) -> Result<Self, Problem> {
        // Composed (NFC): `á` typed as one character or as `a` and an
        // accent is one address to every mail server, and was two people
        // here, one seat each (session 31's attack round).
        use unicode_normalization::UnicodeNormalization;
        let composed: String = filled(input)?.nfc().collect();
        let trimmed = composed.as_str();
        // validator accepts some addresses no mail server would; a dot in the
        // domain rules out `user@localhost`-style typos from public forms.
        let domain_has_dot = trimmed.rsplit_once('@').is_some_and(|(_, d)| d.contains('.'));
        if trimmed.chars().count() > 254 || !trimmed.validate_email() || !domain_has_dot {
            return Err(Problem::new("error-email"));
        }
        Ok(Email(trimmed.to_lowercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An absolute `http(s)` URL, such as an online meeting's link.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Url(String);

impl Url {
    pub fn parse(input: &str) -> Result<Self, Problem> {
        let trimmed = filled(input)?;
        let scheme_ok = trimmed.starts_with("https://") || trimmed.starts_with("http://");
        if trimmed.len() > 500 || !scheme_ok || !trimmed.validate_url() {
            return Err(Problem::new("error-url"));
        }
        Ok(Url(trimmed.to_owned()))
    }

    pub fn parse_optional(input: &str) -> Result<Option<Self>, Problem> {
        optional(input, Self::parse)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// `20`, `20.5` or `20,5` (the decimal comma of fr and es).
fn decimal(input: &str) -> Result<f64, Problem> {
    filled(input)?
        .replace(',', ".")
        .parse()
        .map_err(|_| Problem::new("error-number"))
}

/// `amount` in whole `1/per`ths (minutes of an hour, hundredths of a
/// credit), rounded, so sums are exact. Infinity and NaN are no number.
fn in_units(amount: f64, per: u32) -> Result<i64, Problem> {
    if !amount.is_finite() {
        return Err(Problem::new("error-number"));
    }
    Ok((amount * f64::from(per)).round() as i64)
}

/// `units` of `1/per` if they are more than none and at most `max` wholes;
/// the range problem speaks in wholes, as people type them ("from 0" was
/// said of a range that refused 0, session 25).
fn within(units: i64, per: u32, max: u32) -> Result<u32, Problem> {
    match u32::try_from(units) {
        Ok(units) if (1..=max * per).contains(&units) => Ok(units),
        _ => Err(Problem::new("error-range-above-zero").with("max", max)),
    }
}

/// How many people a session seats: 1 to 10,000.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Capacity(u32);

impl Capacity {
    pub const MAX: u32 = 10_000;

    pub fn new(value: i64) -> Result<Self, Problem> {
        if (1..=i64::from(Self::MAX)).contains(&value) {
            Ok(Capacity(value as u32))
        } else {
            Err(Problem::new("error-range").with("min", 1).with("max", Self::MAX))
        }
    }

    pub fn parse(input: &str) -> Result<Self, Problem> {
        let trimmed = filled(input)?;
        let value: i64 = trimmed.parse().map_err(|_| Problem::new("error-whole-number"))?;
        Self::new(value)
    }

    pub fn get(self) -> u32 {
        self.0
    }
}

/// A duration in hours, kept as whole minutes so sums are exact.
/// Accepts `20`, `20.5` or `20,5` (the decimal comma of fr and es).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Hours(u32);

impl Hours {
    /// Up to 2,000 hours.
    const MAX: u32 = 2000;

    pub fn from_minutes(minutes: i64) -> Result<Self, Problem> {
        within(minutes, 60, Self::MAX).map(Hours)
    }

    pub fn from_hours(hours: f64) -> Result<Self, Problem> {
        Self::from_minutes(in_units(hours, 60)?)
    }

    pub fn parse(input: &str) -> Result<Self, Problem> {
        Self::from_hours(decimal(input)?)
    }

    pub fn parse_optional(input: &str) -> Result<Option<Self>, Problem> {
        optional(input, Self::parse)
    }

    pub fn minutes(self) -> u32 {
        self.0
    }

    pub fn as_hours(self) -> f64 {
        f64::from(self.0) / 60.0
    }
}

/// A whole percentage, 1 to 100: a course's minimum attendance, the share of
/// an online meeting that counts as present.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Percent(u8);

impl Percent {
    /// Accredited courses require 80 % attendance unless they say otherwise.
    pub const DEFAULT_MINIMUM_ATTENDANCE: Percent = Percent(80);

    /// [`crate::attendance::DEFAULT_PRESENT_SHARE_PERCENT`], as a percentage.
    pub const DEFAULT_PRESENT_SHARE: Percent = Percent(crate::attendance::DEFAULT_PRESENT_SHARE_PERCENT);

    pub fn new(value: i64) -> Result<Self, Problem> {
        if (1..=100).contains(&value) {
            Ok(Percent(value as u8))
        } else {
            Err(Problem::new("error-range").with("min", 1).with("max", 100))
        }
    }

    pub fn parse(input: &str) -> Result<Self, Problem> {
        let trimmed = filled(input.trim().trim_end_matches('%'))?;
        Self::new(trimmed.parse().map_err(|_| Problem::new("error-whole-number"))?)
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_greets_once() {
        assert_eq!(
            without_greeting("Hola:\n\nNos vemos en la sala 2."),
            "Nos vemos en la sala 2."
        );
        assert_eq!(
            without_greeting("Bonjour à tous,\nLa salle change."),
            "La salle change."
        );
        assert_eq!(without_greeting("Dear all,\r\n\r\nRoom 2."), "Room 2.");
        assert_eq!(
            without_greeting("Hola, la sala cambia.\nGracias."),
            "Hola, la sala cambia.\nGracias."
        );
        assert_eq!(without_greeting("La sala cambia:\nla 2."), "La sala cambia:\nla 2.");
        assert_eq!(without_greeting("Hola:"), "Hola:", "nothing but a greeting is kept");
    }

    #[test]
    fn email_is_lower_cased_and_checked() {
        assert_eq!(
            Email::parse("  Ana.Ruiz@Example.ORG ").map(|e| e.0),
            Ok("ana.ruiz@example.org".into())
        );
        for bad in [
            "",
            "  ",
            "ana",
            "ana@",
            "@x.org",
            "ana@localhost",
            "a b@x.org",
            "ana@@x.org",
            "john..doe@example.org",
            ".ana@example.org",
            "ana.@example.org",
            "ana@[127.0.0.1]",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad:?} should be refused");
        }
        // Session 31's attack round: the same address, its accent composed
        // or not, is one address.
        assert_eq!(
            Email::parse("ana@exa\u{0301}mple.net").map(|e| e.0),
            Ok("ana@ex\u{00E1}mple.net".to_owned())
        );
    }

    #[test]
    fn names_refuse_blank_control_and_long() {
        assert_eq!(
            PersonName::parse("  Ana  ").map(PersonName::into_inner),
            Ok("Ana".into())
        );
        assert_eq!(PersonName::parse("   "), Err(Problem::required()));
        assert_eq!(
            PersonName::parse("An\u{0}a").map_err(|p| p.key),
            Err("error-control-characters")
        );
        assert_eq!(
            PersonName::parse(&"a".repeat(101)).map_err(|p| p.key),
            Err("error-too-long")
        );
        assert!(PersonName::parse("Fátima Zahra العلوي").is_ok());
        // Session 29's attack round: characters that show nothing made a
        // name look like another. A joiner shaping Persian or Devanagari
        // letters is kept.
        for hidden in [
            "Z\u{200B}ero Ruiz",
            "Zero\u{200D} Ruiz",
            "\u{200C}Ana",
            "Ana\u{FEFF}",
            "An\u{00AD}a",
            "A\u{2060}na",
            // Session 31's: marks of direction or isolation, or an accent,
            // alone.
            "\u{200F}",
            "\u{200E}\u{200F}",
            "\u{2068}\u{2069}",
            "\u{0301}",
        ] {
            assert_eq!(
                PersonName::parse(hidden).map_err(|p| p.key),
                Err("error-invisible-characters"),
                "{hidden:?}"
            );
        }
        assert!(PersonName::parse("می\u{200C}خواهم").is_ok());
        assert!(PersonName::parse("क्\u{200D}ष").is_ok());
        assert!(Text::<10, true>::parse("a\r\nb").is_ok());
        assert!(Text::<10, false>::parse("a\nb").is_err());
    }

    /// Issue 16's attack round: a database or SMTP password in the
    /// command line's messages.
    #[test]
    fn issue_16_passwords_are_hidden_from_messages() {
        assert_eq!(without_password("postgres://u:s3cr3t@[::1"), "postgres://u:***@[::1");
        assert_eq!(
            without_password("postgres://u:p@ss/w@rd@host/db"),
            "postgres://u:***@host/db"
        );
        assert_eq!(
            without_password("sqlite://aula.db?mode=rwc"),
            "sqlite://aula.db?mode=rwc"
        );
        assert_eq!(
            without_password("smtp://user@mail.example.org"),
            "smtp://user@mail.example.org"
        );
        let url = "smtp://user:S3CRETPW@mail.example.org:99999";
        assert_eq!(
            password_hidden(&format!("{url}: invalid port number"), url),
            "smtp://user:***@mail.example.org:99999: invalid port number"
        );
        assert_eq!(
            password_hidden("bad password S3CRETPW here", url),
            "bad password *** here"
        );
    }

    /// Issue 16's attack round: a lone CR in a course's summary became a
    /// property of its own in the calendar file.
    #[test]
    fn issue_16_every_line_end_becomes_a_plain_one() {
        let summary = |text: &str| Text::<100, true>::parse(text).map(Text::into_inner);
        assert_eq!(
            summary("a\rATTENDEE:mailto:x@y.org\r\nb"),
            Ok("a\nATTENDEE:mailto:x@y.org\nb".into())
        );
        assert_eq!(summary("a\u{2028}b\u{2029}c"), Ok("a\nb\nc".into()));
        for line_end in ["\r", "\n", "\u{2028}", "\u{2029}"] {
            assert_eq!(
                PersonName::parse(&format!("Ana{line_end}Ruiz")).map_err(|p| p.key),
                Err("error-control-characters"),
                "{line_end:?}"
            );
        }
    }

    /// Issue 16's attack round: a name ending in U+202E turned the rest of
    /// the e-mail's sentence around.
    #[test]
    fn issue_16_direction_overrides_are_closed_inside_the_text() {
        for open in [
            "Ana \u{202E}RLO",
            "\u{202B}Ana",
            "Ana \u{2067}x",
            "\u{202E}\u{202E}a\u{202C}",
            "a\u{202C}",
            "a\u{2069}b",
            // A U+202C inside an isolate cannot close an override outside it.
            "Ana\u{202E}\u{2066}\u{202C}\u{2069}",
        ] {
            assert_eq!(
                PersonName::parse(open).map_err(|p| p.key),
                Err("error-control-characters"),
                "{open:?}"
            );
        }
        for closed in [
            "\u{202B}Ana\u{202C} Ruiz",
            "\u{2068}فاطمة\u{2069} Ruiz",
            "Ana\u{200F}",
            "\u{2067}\u{202E}a\u{202C}\u{2069}",
            // U+2069 closes the isolate with the override left open inside it.
            "\u{2067}\u{202E}a\u{2069}",
        ] {
            assert!(PersonName::parse(closed).is_ok(), "{closed:?}");
        }
    }

    #[test]
    fn numbers() {
        assert_eq!(Capacity::parse("25").map(Capacity::get), Ok(25));
        assert!(Capacity::parse("0").is_err());
        assert!(Capacity::parse("-3").is_err());
        assert!(Capacity::parse("2.5").is_err());
        assert!(Capacity::parse("99999999999999999999").is_err());
        assert_eq!(Hours::parse("20,5").map(Hours::minutes), Ok(1230));
        assert_eq!(Hours::parse("8").map(Hours::minutes), Ok(480));
        assert!(Hours::parse("NaN").is_err());
        assert!(Hours::parse("inf").is_err());
        assert!(Hours::parse("-1").is_err());
        // Session 25: the message said "from 0 to 2,000" of a range that refuses 0.
        assert_eq!(Hours::parse("0").map_err(|p| p.key), Err("error-range-above-zero"));
        assert_eq!(Percent::parse("80 %").map(Percent::get), Ok(80));
        assert!(Percent::parse("101").is_err());
    }

    #[test]
    fn urls() {
        assert!(Url::parse("https://meet.example.org/abc").is_ok());
        assert!(Url::parse("javascript:alert(1)").is_err());
        assert!(Url::parse("ftp://x.org").is_err());
    }
}

/// Academic credits (ECTS and the like), kept in hundredths: `1.5` is 150.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Credits(u32);

impl Credits {
    /// Up to 1,000 credits.
    const MAX: u32 = 1000;

    pub fn from_hundredths(value: i64) -> Result<Self, Problem> {
        within(value, 100, Self::MAX).map(Credits)
    }

    pub fn from_f64(value: f64) -> Result<Self, Problem> {
        Self::from_hundredths(in_units(value, 100)?)
    }

    pub fn parse_optional(input: &str) -> Result<Option<Self>, Problem> {
        optional(input, |input| Self::from_f64(decimal(input)?))
    }

    pub fn hundredths(self) -> u32 {
        self.0
    }

    pub fn as_f64(self) -> f64 {
        f64::from(self.0) / 100.0
    }
}

/// An accrediting body's short code, used in certificate numbers (`ULE`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct BodyCode(String);

impl BodyCode {
    pub fn parse(input: &str) -> Result<Self, Problem> {
        let code = input.trim().to_ascii_uppercase();
        if code.is_empty() {
            return Err(Problem::required());
        }
        let shape_ok = (2..=10).contains(&code.len()) && code.chars().all(|c| c.is_ascii_alphanumeric());
        if !shape_ok {
            return Err(Problem::new("error-body-code"));
        }
        Ok(BodyCode(code))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Folds a text for searching: lower case, Latin accents removed, so that
/// `formacion` finds `Formación` on any database.
/// An organiser's message without the greeting line it opens with ("Hola:",
/// "Bonjour à tous,", "Dear all,"): every message already greets its reader
/// by name in their own language, so a second greeting, in the writer's
/// language, is dropped (issue 24). A first line is a greeting when it is
/// short, ends with `,`, `:` or `!`, and starts with a greeting word of
/// French, Spanish or English; anything else is kept as written.
pub fn without_greeting(body: &str) -> &str {
    const WORDS: &[&str] = &[
        "hola",
        "hello",
        "hi",
        "dear",
        "good",
        "greetings",
        "bonjour",
        "bonsoir",
        "salut",
        "cher",
        "chere",
        "chers",
        "cheres",
        "madame",
        "monsieur",
        "estimado",
        "estimada",
        "estimados",
        "estimadas",
        "estimades",
        "querido",
        "querida",
        "queridos",
        "queridas",
        "buenos",
        "buenas",
        "saludos",
    ];
    let trimmed = body.trim_start();
    let (first, rest) = trimmed.split_once('\n').unwrap_or((trimmed, ""));
    let line = first.trim();
    let word = fold_for_search(line.split(|c: char| !c.is_alphanumeric()).next().unwrap_or(""));
    let is_greeting = line.chars().count() <= 60
        && line.ends_with([',', ':', '!'])
        && WORDS.contains(&word.as_str())
        && !rest.trim().is_empty();
    if is_greeting {
        rest.trim_start_matches(['\r', '\n'])
    } else {
        body
    }
}

pub fn fold_for_search(input: &str) -> String {
    input
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod fold_tests {
    #[test]
    fn folds_accents_and_case() {
        assert_eq!(
            super::fold_for_search("Formación ÉQUIPE Ñandú"),
            "formacion equipe nandu"
        );
    }
}
