//! Translation (Fluent) and formatting of dates and numbers per language.
//!
//! The catalogues under `locales/` are compiled into the binary. A [`Tr`] is
//! a language bound to the catalogue: `tr.t(KEY)`, `tr.t1(KEY, NAME, VALUE)`.
//!
//! Arguments are [`Arg`]s: a number goes into Fluent as a number, so the
//! message's plural selector picks the language's CLDR category (`one`,
//! `other`; Arabic's `zero`, `one`, `two`, `few`, `many`, `other`), and it is
//! written with the language's grouping and decimal mark by [`format_number`].
//! Arabic is written with Western digits, as CLDR's `ar-TN` does by default
//! (numbering system `latn`, decimal comma, dot grouping).

use std::borrow::Cow;
use std::collections::HashMap;

pub use aula_domain::Arg;
use aula_domain::{Language, Problem};
use chrono::{DateTime, Datelike, Timelike, Utc};
use chrono_tz::Tz;
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::fluent_bundle::types::{FluentNumber, FluentNumberOptions};
use fluent_templates::{Loader, static_loader};
use intl_memoizer::Memoizable;
use intl_memoizer::concurrent::IntlLangMemoizer;
use unic_langid::LanguageIdentifier;

static_loader! {
    static LOCALES = {
        locales: "../../locales",
        fallback_language: "en",
        // Arguments are isolated (U+2068 … U+2069 around each) in Arabic
        // only: there a number, an e-mail address, a code or a Latin course
        // title inside a right-to-left sentence must keep its own direction
        // and not reorder its neighbours. Left-to-right languages do without
        // the marks, which plain-text e-mails and CSV files would carry along.
        customise: |bundle| {
            let rtl = bundle.locales.first().is_some_and(|lang| lang.language.as_str() == "ar");
            bundle.set_use_isolating(rtl);
            bundle.set_formatter(Some(format_number));
        },
    };
}

/// The bundle's language, as Fluent's per-language memoizer hands it over.
struct NumberFormat(Language);

impl Memoizable for NumberFormat {
    type Args = ();
    type Error = ();

    fn construct(lang: LanguageIdentifier, _: ()) -> Result<Self, ()> {
        Language::parse(lang.language.as_str())
            .map(NumberFormat)
            .map_err(|_| ())
    }
}

/// How a number argument is written inside a message: [`Tr::number`] or
/// [`Tr::decimal`] of the bundle's language.
fn format_number(value: &FluentValue, intls: &IntlLangMemoizer) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    intls
        .with_try_get::<NumberFormat, _, _>((), |format| {
            let tr = Tr::new(format.0);
            match number.options.minimum_fraction_digits {
                Some(places) if places > 0 => tr.decimal(number.value, places),
                _ => tr.number(number.value.round() as i64),
            }
        })
        .ok()
}

/// An argument as Fluent takes it.
fn fluent_value(arg: &Arg) -> FluentValue<'static> {
    match arg {
        Arg::Text(text) | Arg::Word(text) => FluentValue::from(text.clone()),
        // Written in words by `Tr::problem`; here only outside a problem.
        Arg::Instant { at, .. } => FluentValue::from(at.to_rfc3339()),
        Arg::Number(n) => FluentValue::from(*n),
        Arg::Decimal { value, places } => {
            let places = usize::from(*places);
            let options = FluentNumberOptions {
                minimum_fraction_digits: Some(places),
                maximum_fraction_digits: Some(places),
                ..Default::default()
            };
            FluentValue::Number(FluentNumber::new(*value as f64 / 10f64.powi(places as i32), options))
        }
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
        Language::Ar => unic_langid::langid!("ar"),
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
    pub fn args(&self, key: &str, args: &[(&str, Arg)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(name, value)| (Cow::Owned((*name).to_owned()), fluent_value(value)))
            .collect();
        LOCALES
            .try_lookup_with_args(&identifier(self.lang), key, &map)
            .unwrap_or_else(|| key.to_owned())
    }

    /// The message `key` with one argument.
    pub fn t1(&self, key: &str, name: &str, value: impl Into<Arg>) -> String {
        self.args(key, &[(name, value.into())])
    }

    /// The message `key` with two arguments.
    pub fn t2(&self, key: &str, n1: &str, v1: impl Into<Arg>, n2: &str, v2: impl Into<Arg>) -> String {
        self.args(key, &[(n1, v1.into()), (n2, v2.into())])
    }

    /// A domain problem in words.
    pub fn problem(&self, problem: &Problem) -> String {
        let args: Vec<(&str, Arg)> = problem
            .args
            .iter()
            .map(|(n, v)| match v {
                Arg::Word(key) if self.has(key) => (*n, Arg::Text(self.t(key))),
                Arg::Instant { at, zone } => match zone.parse::<Tz>() {
                    Ok(zone) => (*n, Arg::Text(self.datetime(*at, zone))),
                    Err(_) => (*n, v.clone()),
                },
                _ => (*n, v.clone()),
            })
            .collect();
        self.args(problem.key, &args)
    }

    /// Minutes as a duration with its unit: `20 hours`, `1 heure`, `2,5 horas`.
    pub fn duration(&self, minutes: i64) -> String {
        self.t1("hours-count", "hours", Arg::hours(minutes))
    }

    /// A retention period in days with its unit, in whole years where it is
    /// some: `90 days`, `3 years`, `10 ans`.
    pub fn period(&self, days: u32) -> String {
        let years = if days.is_multiple_of(365) { days / 365 } else { 0 };
        self.t2("retention-period", "days", days, "years", years)
    }

    /// Whether the catalogue has `key` in this language.
    pub fn has(&self, key: &str) -> bool {
        LOCALES.try_lookup(&identifier(self.lang), key).is_some()
    }

    /// A whole number with the language's grouping: 1 002 (fr), 1.002 (es,
    /// ar), 1,002 (en). Arabic keeps Western digits (CLDR `ar-TN`).
    pub fn number(&self, value: i64) -> String {
        let digits = value.unsigned_abs().to_string();
        let separator = match self.lang {
            // French uses a narrow no-break space; Spanish groups only from 10 000 (RAE).
            Language::Fr => "\u{202f}",
            Language::Es if value.unsigned_abs() < 10_000 => "",
            Language::Es => ".",
            Language::En => ",",
            Language::Ar => ".",
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

    /// A decimal with `places` digits and the language's decimal mark,
    /// rounded half up as the pages say: `format!` rounds half to even, and
    /// 5.25 hours showed as 5.2, 311.65 (18,699 minutes) as 311.6 (found by
    /// recomputing the funders' figures by hand, session 23). The value is
    /// first taken to nine places, where a ratio of whole minutes is exact.
    pub fn decimal(&self, value: f64, places: usize) -> String {
        let text = half_up(value, places.min(8));
        match self.lang {
            Language::En => text,
            Language::Fr | Language::Es | Language::Ar => text.replace('.', ","),
        }
    }

    /// Minutes as hours: `20`, `2.5` (`2,5` in fr and es).
    pub fn hours(&self, minutes: i64) -> String {
        match Arg::hours(minutes) {
            Arg::Number(hours) => self.number(hours),
            _ => self.decimal(minutes as f64 / 60.0, 1),
        }
    }

    /// A date or a time composed of our own words and digits, without the
    /// isolation marks Arabic puts around each part: isolated, the parts
    /// left no strong letter outside them, so the whole date (isolated again
    /// where it is placed) was laid out left to right, and an Arabic reader
    /// read `2026 أكتوبر 17` (session 23). Bare, the month's name gives it
    /// its direction.
    fn composed(&self, key: &str, args: &[(&str, Arg)]) -> String {
        self.args(key, args).replace(['\u{2068}', '\u{2069}'], "")
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
        self.composed(
            "date-long",
            &[
                ("day", Arg::Text(local.day().to_string())),
                ("month", Arg::Text(self.month(local.month()))),
                ("year", Arg::Text(local.year().to_string())),
            ],
        )
    }

    /// A calendar date without a zone (a programme's start), same shape as [`Tr::date`].
    pub fn plain_date(&self, date: chrono::NaiveDate) -> String {
        self.composed(
            "date-long",
            &[
                ("day", Arg::Text(date.day().to_string())),
                ("month", Arg::Text(self.month(date.month()))),
                ("year", Arg::Text(date.year().to_string())),
            ],
        )
    }

    /// `Saturday 14 March 2026`, in `zone`.
    pub fn day(&self, instant: DateTime<Utc>, zone: Tz) -> String {
        let local = instant.with_timezone(&zone);
        self.composed(
            "date-with-weekday",
            &[
                ("weekday", Arg::Text(self.weekday(local.weekday()))),
                ("date", Arg::Text(self.date(instant, zone))),
            ],
        )
    }

    /// `09:30`, 24-hour in every language we speak, in `zone`.
    pub fn time(&self, instant: DateTime<Utc>, zone: Tz) -> String {
        let local = instant.with_timezone(&zone);
        format!("{:02}:{:02}", local.hour(), local.minute())
    }

    /// When a meeting that began at `start` ends: its time, or its date and
    /// time when it ends on another day than it began, in `zone` (a night
    /// meeting read "21:30–00:30", as if it ended before it began).
    pub fn until(&self, start: DateTime<Utc>, end: DateTime<Utc>, zone: Tz) -> String {
        if start.with_timezone(&zone).date_naive() == end.with_timezone(&zone).date_naive() {
            self.time(end, zone)
        } else {
            self.datetime(end, zone)
        }
    }

    /// `14 March 2026, 09:30`, in `zone`.
    pub fn datetime(&self, instant: DateTime<Utc>, zone: Tz) -> String {
        self.composed(
            "datetime",
            &[
                ("date", Arg::Text(self.date(instant, zone))),
                ("time", Arg::Text(self.time(instant, zone))),
            ],
        )
    }
}

/// `value` with `places` decimals (at most 8), half away from zero, by way
/// of its nine-place decimal text.
fn half_up(value: f64, places: usize) -> String {
    if !value.is_finite() {
        return format!("{value}");
    }
    let nine = format!("{:.9}", value.abs());
    let (whole, fraction) = nine.split_once('.').unwrap_or((nine.as_str(), "0"));
    let digits: String = [whole, fraction].concat();
    let Ok(scaled) = digits.parse::<u128>() else {
        return format!("{value:.places$}");
    };
    let unit = 10_u128.pow(u32::try_from(9 - places).unwrap_or(9));
    let rounded = (scaled + unit / 2) / unit;
    let sign = if value < 0.0 && rounded > 0 { "-" } else { "" };
    if places == 0 {
        return format!("{sign}{rounded}");
    }
    let tens = 10_u128.pow(u32::try_from(places).unwrap_or(0));
    format!("{sign}{}.{:0places$}", rounded / tens, rounded % tens)
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
        // Half up, as labelled (session 23): 315 and 18,699 minutes.
        assert_eq!(Tr::new(Language::En).hours(315), "5.3");
        assert_eq!(Tr::new(Language::En).decimal(18_699.0 / 60.0, 1), "311.7");
        assert_eq!(Tr::new(Language::En).decimal(4.55, 1), "4.6");
        assert_eq!(Tr::new(Language::En).decimal(-0.04, 1), "0.0");
        assert_eq!(Tr::new(Language::En).decimal(2.0, 2), "2.00");
        assert_eq!(Tr::new(Language::En).decimal(7.5, 0), "8");
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
        assert_eq!(en.t1("outbox-count", "count", 1002), "1,002 messages.");
    }

    // Found by walking the pages in Arabic (session 23): the date's parts
    // were each isolated, so the date ran left to right.
    #[test]
    fn an_arabic_date_has_no_isolated_parts() {
        let ar = Tr::new(Language::Ar);
        let at = DateTime::parse_from_rfc3339("2026-10-17T07:00:00Z")
            .expect("instant")
            .to_utc();
        let date = ar.datetime(at, chrono_tz::Europe::Madrid);
        assert!(!date.contains(['\u{2068}', '\u{2069}']), "{date:?}");
        assert!(date.starts_with("17 ") && date.ends_with("، 09:00"), "{date}");
        // Placed in a sentence, it is one isolated run led by its month.
        let sentence = ar.t1("certificate-issued-on", "date", date.as_str());
        assert!(sentence.contains(&format!("\u{2068}{date}\u{2069}")), "{sentence:?}");
    }

    // Found reading e-mails (session 23, mended in session 24): a night
    // meeting read "21:37–00:37", as if it ended before it began.
    #[test]
    fn a_meeting_past_midnight_says_the_day_it_ends() {
        let en = Tr::new(Language::En);
        let at = |text: &str| DateTime::parse_from_rfc3339(text).expect("instant").to_utc();
        let madrid = chrono_tz::Europe::Madrid;
        // 21:37 to 00:37 in Madrid (UTC+1 in March).
        let (start, end) = (at("2030-03-12T20:37:00Z"), at("2030-03-12T23:37:00Z"));
        assert_eq!(en.until(start, end, madrid), "13 March 2030, 00:37");
        // The same hours end the same day in UTC, and show the time alone.
        assert_eq!(en.until(start, end, chrono_tz::UTC), "23:37");
        assert_eq!(en.until(start, at("2030-03-12T22:00:00Z"), madrid), "23:00");
    }
}
