//! Translation (Fluent) and formatting of dates and numbers per language.
//!
//! The catalogues under `locales/` are compiled into the binary. A [`Tr`] is
//! a language bound to the catalogue: `tr.t(KEY)`, `tr.t1(KEY, NAME, VALUE)`.

use std::borrow::Cow;
use std::collections::HashMap;

use aula_domain::{Language, Problem};
use chrono::{DateTime, Datelike, Timelike, Utc};
use chrono_tz::Tz;
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{Loader, static_loader};
use unic_langid::LanguageIdentifier;

static_loader! {
    static LOCALES = {
        locales: "../../locales",
        fallback_language: "en",
        // Isolation marks (U+2068/2069) around arguments would show in
        // plain-text e-mails and CSV exports; our arguments are never bidi-mixed
        // inside a sentence in a way that needs them.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// An argument as Fluent takes it: a whole number written plainly (`1`,
/// `25`) is a number, so that `[one]` and `[other]` choose by its plural
/// category (issue 24: "1 seats left"); anything else (a formatted
/// `1,002`, a code such as `012345`) stays text, shown as it is.
fn fluent_value(value: &str) -> FluentValue<'static> {
    match value.parse::<i64>() {
        Ok(number) if number.to_string() == value => FluentValue::from(number),
        _ => FluentValue::from(value.to_owned()),
    }
}

/// A language bound to the catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tr {
    pub lang: Language,
}

fn identifier(lang: Language) -> LanguageIdentifier {
    match lang {
        Language::Fr => unic_langid::langid!("fr"),
        Language::Es => unic_langid::langid!("es"),
        Language::En => unic_langid::langid!("en"),
    }
}

impl Tr {
    pub fn new(lang: Language) -> Self {
        Tr { lang }
    }

    /// The message `key`, or the key itself when missing (a test catches those).
    pub fn t(&self, key: &str) -> String {
        LOCALES
            .try_lookup(&identifier(self.lang), key)
            .unwrap_or_else(|| key.to_owned())
    }

    /// The message `key` with named arguments.
    pub fn args(&self, key: &str, args: &[(&str, String)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(name, value)| (Cow::Owned((*name).to_owned()), fluent_value(value)))
            .collect();
        LOCALES
            .try_lookup_with_args(&identifier(self.lang), key, &map)
            .unwrap_or_else(|| key.to_owned())
    }

    /// The message `key` with one argument.
    pub fn t1(&self, key: &str, name: &str, value: impl ToString) -> String {
        self.args(key, &[(name, value.to_string())])
    }

    /// A domain problem in words.
    pub fn problem(&self, problem: &Problem) -> String {
        let args: Vec<(&str, String)> = problem.args.iter().map(|(n, v)| (*n, v.clone())).collect();
        self.args(problem.key, &args)
    }

    /// Whether the catalogue has `key` in this language.
    pub fn has(&self, key: &str) -> bool {
        LOCALES.try_lookup(&identifier(self.lang), key).is_some()
    }

    /// A whole number with the language's grouping: 1 002 (fr), 1.002 (es), 1,002 (en).
    pub fn number(&self, value: i64) -> String {
        let digits = value.unsigned_abs().to_string();
        let separator = match self.lang {
            // French uses a narrow no-break space; Spanish groups only from 10 000 (RAE).
            Language::Fr => "\u{202f}",
            Language::Es if value.unsigned_abs() < 10_000 => "",
            Language::Es => ".",
            Language::En => ",",
        };
        let mut out = String::new();
        for (index, ch) in digits.chars().enumerate() {
            if index > 0 && (digits.len() - index).is_multiple_of(3) {
                out.push_str(separator);
            }
            out.push(ch);
        }
        if value < 0 { format!("-{out}") } else { out }
    }

    /// A decimal with `places` digits and the language's decimal mark.
    pub fn decimal(&self, value: f64, places: usize) -> String {
        let text = format!("{value:.places$}");
        match self.lang {
            Language::En => text,
            Language::Fr | Language::Es => text.replace('.', ","),
        }
    }

    /// Minutes as hours: `20`, `2.5` (`2,5` in fr and es).
    pub fn hours(&self, minutes: i64) -> String {
        if minutes % 60 == 0 {
            self.number(minutes / 60)
        } else {
            self.decimal(minutes as f64 / 60.0, 1)
        }
    }

    fn month(&self, month: u32) -> String {
        self.t(&format!("month-{month}"))
    }

    fn weekday(&self, day: chrono::Weekday) -> String {
        self.t(&format!("weekday-{}", day.num_days_from_monday() + 1))
    }

    /// `14 March 2026` / `14 mars 2026` / `14 de marzo de 2026`, in `zone`.
    pub fn date(&self, instant: DateTime<Utc>, zone: Tz) -> String {
        let local = instant.with_timezone(&zone);
        self.args(
            "date-long",
            &[
                ("day", local.day().to_string()),
                ("month", self.month(local.month())),
                ("year", local.year().to_string()),
            ],
        )
    }

    /// A calendar date without a zone (a programme's start), same shape as [`Tr::date`].
    pub fn plain_date(&self, date: chrono::NaiveDate) -> String {
        self.args(
            "date-long",
            &[
                ("day", date.day().to_string()),
                ("month", self.month(date.month())),
                ("year", date.year().to_string()),
            ],
        )
    }

    /// `Saturday 14 March 2026`, in `zone`.
    pub fn day(&self, instant: DateTime<Utc>, zone: Tz) -> String {
        let local = instant.with_timezone(&zone);
        self.args(
            "date-with-weekday",
            &[
                ("weekday", self.weekday(local.weekday())),
                ("date", self.date(instant, zone)),
            ],
        )
    }

    /// `09:30`, 24-hour in every language we speak, in `zone`.
    pub fn time(&self, instant: DateTime<Utc>, zone: Tz) -> String {
        let local = instant.with_timezone(&zone);
        format!("{:02}:{:02}", local.hour(), local.minute())
    }

    /// `14 March 2026, 09:30`, in `zone`.
    pub fn datetime(&self, instant: DateTime<Utc>, zone: Tz) -> String {
        self.args(
            "datetime",
            &[("date", self.date(instant, zone)), ("time", self.time(instant, zone))],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_per_language() {
        assert_eq!(Tr::new(Language::En).number(1002), "1,002");
        assert_eq!(Tr::new(Language::Fr).number(1002), "1\u{202f}002");
        assert_eq!(Tr::new(Language::Es).number(1002), "1002");
        assert_eq!(Tr::new(Language::Es).number(1_234_567), "1.234.567");
        assert_eq!(Tr::new(Language::Fr).decimal(4.6, 1), "4,6");
        assert_eq!(Tr::new(Language::En).hours(150), "2.5");
        assert_eq!(Tr::new(Language::En).hours(1200), "20");
    }

    // Issue 24: "Issue 1 certificates", "1 seats left": a count passed as
    // text never chose the `[one]` variant.
    #[test]
    fn issue_24_a_count_chooses_its_plural_form() {
        let en = Tr::new(Language::En);
        assert_eq!(en.t1("seats-left", "count", 1), "One seat left");
        assert_eq!(en.t1("seats-left", "count", 8), "8 seats left");
        assert_eq!(en.t1("outbox-count", "count", 0), "No message.");
        assert_eq!(en.t1("outbox-count", "count", 1), "One message.");
        assert_eq!(en.t1("outbox-count", "count", 1002), "1002 messages.");
        assert_eq!(en.t1("outbox-count", "count", "1,002"), "1,002 messages.");
        assert_eq!(fluent_value("012345"), FluentValue::from("012345"));
    }
}
