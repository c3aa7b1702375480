//! What is wrong with an input, as a translation key and its arguments.
//!
//! The domain does not speak any language: a [`Problem`] names a message of the
//! Fluent catalogue (`locales/*/main.ftl`) and the web layer renders it in the
//! reader's language.

use std::collections::BTreeMap;

use serde::Serialize;

/// An argument of a catalogue message: words, or a number that the message's
/// plural selector (`{ $count -> [one] .. *[other] .. }`) can choose by and
/// that is written in the reader's language (grouping, decimal mark).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Arg {
    Text(String),
    /// A word of the catalogue, by its message key, said in the reader's
    /// language: a status in a message about statuses (session 25: "from
    /// « draft » to « completed »" on French pages).
    Word(String),
    Number(i64),
    /// `value / 10^places`, written with exactly `places` decimals: 2.5 hours
    /// is `Decimal { value: 25, places: 1 }`.
    Decimal {
        value: i64,
        places: u8,
    },
    /// An instant, written in the reader's language as a date and time in
    /// `zone` (an IANA name): a message said `2027-01-20T07:00:00+00:00`,
    /// even in Arabic (session 27's attack round).
    Instant {
        at: chrono::DateTime<chrono::Utc>,
        zone: String,
    },
}

impl Arg {
    /// Minutes as hours: a whole number (`20`) or one decimal (`2.5`).
    pub fn hours(minutes: i64) -> Arg {
        if minutes % 60 == 0 {
            Arg::Number(minutes / 60)
        } else {
            // Tenths of an hour, rounded half away from zero.
            let tenths = (minutes * 10 + minutes.signum() * 30) / 60;
            Arg::Decimal {
                value: tenths,
                places: 1,
            }
        }
    }
}

impl std::fmt::Display for Arg {
    /// The argument without any language's conventions (logs, `Problem`'s display).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Arg::Text(text) | Arg::Word(text) => f.write_str(text),
            Arg::Number(n) => write!(f, "{n}"),
            Arg::Instant { at, .. } => f.write_str(&at.to_rfc3339()),
            Arg::Decimal { value, places } => {
                let scale = 10_i64.pow(u32::from(*places));
                let sign = if *value < 0 { "-" } else { "" };
                let abs = value.unsigned_abs();
                let scale = scale.unsigned_abs();
                write!(
                    f,
                    "{sign}{}.{:0width$}",
                    abs / scale,
                    abs % scale,
                    width = usize::from(*places)
                )
            }
        }
    }
}

impl From<String> for Arg {
    fn from(value: String) -> Self {
        Arg::Text(value)
    }
}

impl From<&String> for Arg {
    fn from(value: &String) -> Self {
        Arg::Text(value.clone())
    }
}

impl From<&str> for Arg {
    fn from(value: &str) -> Self {
        Arg::Text(value.to_owned())
    }
}

impl From<&&String> for Arg {
    fn from(value: &&String) -> Self {
        Arg::Text((*value).clone())
    }
}

impl From<&&str> for Arg {
    fn from(value: &&str) -> Self {
        Arg::Text((*value).to_owned())
    }
}

impl From<&Arg> for Arg {
    fn from(value: &Arg) -> Self {
        value.clone()
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(value: $t) -> Self {
                Arg::Number(i64::try_from(value).unwrap_or(i64::MAX))
            }
        }
        impl From<&$t> for Arg {
            fn from(value: &$t) -> Self {
                Arg::from(*value)
            }
        }
        // Templates pass their values by reference, sometimes twice.
        impl From<&&$t> for Arg {
            fn from(value: &&$t) -> Self {
                Arg::from(**value)
            }
        }
    )*};
}

number_arg!(i8, i16, i32, i64, u8, u16, u32, u64, usize);

/// One thing wrong with one value: a catalogue key and its arguments.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub key: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Problem {
    pub fn new(key: &'static str) -> Self {
        Problem { key, args: Vec::new() }
    }

    /// Adds an argument: numbers stay numbers (see [`Arg`]).
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    pub fn required() -> Self {
        Problem::new("error-required")
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key)?;
        for (name, value) in &self.args {
            write!(f, " {name}={value}")?;
        }
        Ok(())
    }
}

/// The problems of a whole form, by field name, in the order found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldErrors(BTreeMap<String, Vec<Problem>>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    /// Keeps the value if it parsed, records the problem under `field` if not.
    ///
    /// Forms are parsed with one `take` per field and a final `let (Some(..), ..)
    /// = (..) else { return Err(errors) }`: every `None` has recorded a problem,
    /// so the else branch never returns an empty set.
    pub fn take<T>(&mut self, field: &str, result: Result<T, Problem>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(problem) => {
                self.add(field, problem);
                None
            }
        }
    }

    pub fn add(&mut self, field: &str, problem: Problem) {
        self.0.entry(field.to_owned()).or_default().push(problem);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, field: &str) -> &[Problem] {
        self.0.get(field).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &[Problem])> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_slice()))
    }

    pub fn single(field: &str, problem: Problem) -> Self {
        let mut errors = Self::new();
        errors.add(field, problem);
        errors
    }

    /// The same problems under the names `rename` gives their fields: a
    /// rule written with a form's field names, told to a JSON body's reader.
    pub fn renamed(self, rename: impl Fn(&str) -> Option<String>) -> Self {
        let mut renamed = Self::new();
        for (field, problems) in self.0 {
            let name = rename(&field).unwrap_or(field);
            renamed.0.entry(name).or_default().extend(problems);
        }
        renamed
    }

    /// `Ok(())` when nothing was recorded.
    pub fn into_result(self) -> Result<(), FieldErrors> {
        if self.is_empty() { Ok(()) } else { Err(self) }
    }
}

impl std::fmt::Display for FieldErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (field, problems) in self.iter() {
            for problem in problems {
                writeln!(f, "{field}: {problem}")?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for FieldErrors {}
