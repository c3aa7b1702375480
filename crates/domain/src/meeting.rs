//! Meetings are instants; people read them in the session's time zone.
//!
//! A session has one IANA time zone. Forms give a meeting as a local date and
//! local start and end times in that zone; we store UTC instants, so a session
//! in Palma and an online viewer in Las Palmas agree on when it happens.

use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike as _, Utc};
use chrono_tz::Tz;

use crate::Problem;
use crate::text::{filled, optional};

/// A session's IANA time zone, such as `Europe/Madrid`.
///
/// With the `sea-orm` feature it is a column type stored as its name; a name
/// that is not a zone is an error when the row is read ([`UnknownTimeZone`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "sea-orm", derive(sea_orm::DeriveValueType))]
#[cfg_attr(feature = "sea-orm", sea_orm(value_type = "String"))]
pub struct SessionTimeZone(Tz);

/// A stored name that is not an IANA time zone.
#[derive(Debug, thiserror::Error)]
#[error("unknown time zone {0:?}")]
pub struct UnknownTimeZone(String);

impl std::str::FromStr for SessionTimeZone {
    type Err = UnknownTimeZone;

    /// The zone of an exact stored name (no trimming: input goes through `parse`).
    fn from_str(name: &str) -> Result<Self, UnknownTimeZone> {
        name.parse::<Tz>()
            .map(SessionTimeZone)
            .map_err(|_| UnknownTimeZone(name.to_owned()))
    }
}

impl std::fmt::Display for SessionTimeZone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl From<&SessionTimeZone> for crate::Arg {
    fn from(zone: &SessionTimeZone) -> Self {
        crate::Arg::Text(zone.to_string())
    }
}

impl SessionTimeZone {
    pub fn parse(input: &str) -> Result<Self, Problem> {
        let trimmed = filled(input)?;
        trimmed
            .parse::<Tz>()
            .map(SessionTimeZone)
            .map_err(|_| Problem::new("error-time-zone"))
    }

    pub fn tz(self) -> Tz {
        self.0
    }

    pub fn name(self) -> &'static str {
        self.0.name()
    }

    /// The instant a wall-clock time in this zone names. A time that does
    /// not exist (the hour skipped in spring) is refused; an ambiguous one
    /// (the hour repeated in autumn) is taken as the first.
    pub fn instant(self, local: NaiveDateTime) -> Result<DateTime<Utc>, Problem> {
        match self.0.from_local_datetime(&local) {
            LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
            LocalResult::Ambiguous(first, _) => Ok(first.with_timezone(&Utc)),
            LocalResult::None => Err(Problem::new("error-time-skipped")),
        }
    }

    /// [`Self::instant`], except that a time the clocks show twice is the
    /// occurrence `offset` (minutes ahead of UTC) names when it names one:
    /// a form shown again keeps a meeting in the repeated hour where it was.
    pub fn instant_at(self, local: NaiveDateTime, offset: Option<i32>) -> Result<DateTime<Utc>, Problem> {
        use chrono::Offset as _;
        match self.0.from_local_datetime(&local) {
            LocalResult::Ambiguous(_, second)
                if offset.and_then(|o| o.checked_mul(60)) == Some(second.offset().fix().local_minus_utc()) =>
            {
                Ok(second.with_timezone(&Utc))
            }
            _ => self.instant(local),
        }
    }

    /// The offset from UTC, in minutes, of an instant in this zone.
    pub fn offset_minutes(self, instant: DateTime<Utc>) -> i32 {
        use chrono::Offset as _;
        instant.with_timezone(&self.0).offset().fix().local_minus_utc() / 60
    }

    /// The wall-clock time of an instant in this zone.
    pub fn local(self, instant: DateTime<Utc>) -> NaiveDateTime {
        instant.with_timezone(&self.0).naive_local()
    }
}

impl Default for SessionTimeZone {
    fn default() -> Self {
        SessionTimeZone(chrono_tz::Europe::Madrid)
    }
}

/// The years a meeting may fall in: a date outside them is a typing mistake
/// (`0026`, `20266`), and refusing it keeps every date in range of the
/// databases, calendars and PDFs that show it.
pub const MEETING_YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// When a meeting happens: a start strictly before an end, at most 24 hours,
/// within [`MEETING_YEARS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct MeetingTimes {
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

impl MeetingTimes {
    pub fn new(starts_at: DateTime<Utc>, ends_at: DateTime<Utc>) -> Result<Self, Problem> {
        use chrono::Datelike as _;
        if !MEETING_YEARS.contains(&starts_at.year()) || !MEETING_YEARS.contains(&ends_at.year()) {
            return Err(Problem::new("error-meeting-year")
                .with("min", MEETING_YEARS.start().to_string())
                .with("max", MEETING_YEARS.end().to_string()));
        }
        if ends_at <= starts_at {
            return Err(Problem::new("error-meeting-order"));
        }
        if ends_at - starts_at > Duration::hours(24) {
            return Err(Problem::new("error-meeting-too-long"));
        }
        Ok(MeetingTimes { starts_at, ends_at })
    }

    /// Whether the meeting falls within a programme's dates (issue 20):
    /// its start's and end's days in `zone`, both bounds included, an
    /// absent bound open. Refused: "the programme runs from … to …".
    pub fn within(self, zone: SessionTimeZone, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<(), Problem> {
        let day = |at: DateTime<Utc>| at.with_timezone(&zone.tz()).date_naive();
        let (first, last) = (day(self.starts_at), day(self.ends_at));
        if from.is_some_and(|from| first < from) || to.is_some_and(|to| last > to) {
            let bound = |d: Option<NaiveDate>| d.map_or_else(|| "…".to_owned(), |d| d.to_string());
            return Err(Problem::new("error-meeting-outside-programme")
                .with("from", bound(from))
                .with("to", bound(to)));
        }
        Ok(())
    }

    /// Parses a form's local date (`2026-03-14`) and times (`09:30`) in `zone`.
    pub fn parse_local(zone: SessionTimeZone, date: &str, start: &str, end: &str) -> Result<Self, Problem> {
        Self::parse_local_at(zone, date, (start, ""), (end, ""))
    }

    /// [`Self::parse_local`], each time with the offset from UTC (minutes)
    /// the form was shown with, if any: it says which of a repeated hour's
    /// two occurrences the time is (issue 16's attack round: a meeting from
    /// 02:30 summer time to 02:30 winter time, shown and saved unchanged,
    /// was refused, and one in Chatham's repeated hour lost an hour).
    pub fn parse_local_at(
        zone: SessionTimeZone,
        date: &str,
        (start, start_offset): (&str, &str),
        (end, end_offset): (&str, &str),
    ) -> Result<Self, Problem> {
        let date = parse_date(date)?;
        let offset = |text: &str| text.trim().parse::<i32>().ok();
        let (start, end) = (parse_time(start)?, parse_time(end)?);
        // A meeting from 18:00 or later that ends before its start, within
        // twelve hours, ends the next day: the form has one date per
        // meeting, and a session made through the API with a meeting from
        // 22:00 to 04:00 could not be saved from its page again (session
        // 29's attack round). Any other end before its start stays a
        // mistake (14:00 to 09:00 is times typed the wrong way round, not
        // a meeting of 19 hours).
        let evening = NaiveTime::from_hms_opt(18, 0, 0).unwrap_or_default();
        let overnight = end < start && start >= evening && (end - start) + Duration::hours(24) <= Duration::hours(12);
        let end_day = match overnight {
            true => date.succ_opt().ok_or_else(|| Problem::new("error-date"))?,
            false => date,
        };
        let starts_at = zone.instant_at(date.and_time(start), offset(start_offset))?;
        let ends_at = zone.instant_at(end_day.and_time(end), offset(end_offset))?;
        Self::new(starts_at, ends_at)
    }

    /// The meeting's length in whole minutes.
    pub fn minutes(self) -> i64 {
        (self.ends_at - self.starts_at).num_minutes()
    }
}

/// `YYYY-MM-DD`, as an `<input type="date">` sends it.
/// A date of another year than those meetings fall in is told so (it was
/// told to write `YYYY-MM-DD`, as it was: session 27's attack round).
pub fn parse_date(input: &str) -> Result<NaiveDate, Problem> {
    let trimmed = filled(input)?;
    // Ten characters, digits but for the two hyphens: chrono also reads
    // `+2026-01-01` and `2026-1-1` (session 29's attack round).
    let shaped = trimmed.len() == 10
        && trimmed.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shaped {
        return Err(Problem::new("error-date"));
    }
    let date = NaiveDate::parse_from_str(trimmed, "%Y-%m-%d").map_err(|_| Problem::new("error-date"))?;
    if MEETING_YEARS.contains(&chrono::Datelike::year(&date)) {
        Ok(date)
    } else {
        Err(Problem::new("error-year")
            .with("min", MEETING_YEARS.start().to_string())
            .with("max", MEETING_YEARS.end().to_string()))
    }
}

pub fn parse_optional_date(input: &str) -> Result<Option<NaiveDate>, Problem> {
    optional(input, parse_date)
}

/// `HH:MM`, as an `<input type="time">` sends it (seconds tolerated, but
/// not a leap second's `:60`, which calendars cannot read).
pub fn parse_time(input: &str) -> Result<NaiveTime, Problem> {
    let trimmed = filled(input)?;
    NaiveTime::parse_from_str(trimmed, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(trimmed, "%H:%M:%S"))
        .ok()
        .filter(|t| t.nanosecond() < 1_000_000_000)
        .ok_or_else(|| Problem::new("error-time"))
}

/// `YYYY-MM-DDTHH:MM`, as an `<input type="datetime-local">` sends it, in
/// `zone`, within [`MEETING_YEARS`] (see [`within_years`]).
pub fn parse_local_datetime(zone: SessionTimeZone, input: &str) -> Result<DateTime<Utc>, Problem> {
    let trimmed = filled(input)?;
    let local = NaiveDateTime::parse_from_str(trimmed, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(trimmed, "%Y-%m-%dT%H:%M:%S"))
        .ok()
        .filter(|t| t.nanosecond() < 1_000_000_000)
        .ok_or_else(|| Problem::new("error-datetime"))?;
    within_years(zone.instant(local)?)
}

/// An instant of a session's calendar other than a meeting's (when
/// registration opens or closes), within the years meetings may fall in: a
/// registration that "closes on 2 January 10000" was a typing mistake, and
/// was shown as such on the public page (issue 16's attack round).
pub fn within_years(at: DateTime<Utc>) -> Result<DateTime<Utc>, Problem> {
    use chrono::Datelike as _;
    if MEETING_YEARS.contains(&at.year()) {
        Ok(at)
    } else {
        Err(Problem::new("error-year")
            .with("min", MEETING_YEARS.start().to_string())
            .with("max", MEETING_YEARS.end().to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn madrid() -> SessionTimeZone {
        SessionTimeZone::parse("Europe/Madrid").expect("known zone")
    }

    /// Issue 16's attack round: the hour repeated when the clocks go back,
    /// and a leap second.
    #[test]
    fn issue_16_a_repeated_hour_keeps_the_occurrence_it_was_shown_with() {
        let local = NaiveDate::from_ymd_opt(2027, 10, 31)
            .and_then(|d| d.and_hms_opt(2, 30, 0))
            .expect("time");
        let at = |s: &str| s.parse::<DateTime<Utc>>().expect("instant");
        let zone = madrid();
        assert_eq!(zone.instant_at(local, None), Ok(at("2027-10-31T00:30:00Z")));
        assert_eq!(zone.instant_at(local, Some(120)), Ok(at("2027-10-31T00:30:00Z")));
        assert_eq!(zone.instant_at(local, Some(60)), Ok(at("2027-10-31T01:30:00Z")));
        assert_eq!(zone.instant_at(local, Some(i32::MAX)), Ok(at("2027-10-31T00:30:00Z")));
        assert_eq!(zone.offset_minutes(at("2027-10-31T01:30:00Z")), 60);
        let meeting = MeetingTimes::parse_local_at(zone, "2027-10-31", ("02:30", "120"), ("02:30", "60"));
        assert_eq!(meeting.map(MeetingTimes::minutes), Ok(60));
        // Session 29's attack round: an evening meeting ending after
        // midnight ends the next day (here across the spring change, 5 h);
        // other ends before their starts stay mistakes.
        let night = MeetingTimes::parse_local(zone, "2027-03-27", "22:00", "04:00").expect("a night meeting");
        assert_eq!((night.ends_at, night.minutes()), (at("2027-03-28T02:00:00Z"), 300));
        for (from, to) in [
            ("09:00", "08:00"),
            ("14:00", "13:00"),
            ("17:00", "02:00"),
            ("23:00", "12:00"),
        ] {
            assert_eq!(
                MeetingTimes::parse_local(zone, "2027-03-27", from, to).map_err(|p| p.key),
                Err("error-meeting-order"),
                "{from}–{to}"
            );
        }
        assert_eq!(parse_time("23:59:60").map_err(|p| p.key), Err("error-time"));
        assert_eq!(
            parse_local_datetime(zone, "2027-06-30T23:59:60").map_err(|p| p.key),
            Err("error-datetime")
        );
        assert_eq!(
            parse_local_datetime(zone, "2201-06-01T00:00").map_err(|p| p.key),
            Err("error-year")
        );
    }

    /// Session 29's attack round: a programme's date `+2026-01-01` was
    /// read as 1 January 2026.
    #[test]
    fn session_29_a_date_is_written_as_a_date_field_sends_it() {
        assert_eq!(
            parse_date(" 2026-01-01 "),
            Ok(NaiveDate::from_ymd_opt(2026, 1, 1).expect("day"))
        );
        for odd in [
            "+2026-01-01",
            "2026-1-1",
            "2026-01-1",
            "02026-01-01",
            "2026/01/01",
            "２０２６-01-01",
        ] {
            assert_eq!(parse_date(odd).map_err(|p| p.key), Err("error-date"), "{odd}");
        }
        assert_eq!(parse_date("2026-02-30").map_err(|p| p.key), Err("error-date"));
    }

    #[test]
    fn issue_20_meetings_fall_within_their_programme_by_local_days() {
        let day = |s: &str| Some(NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date"));
        let meeting =
            |date: &str, from: &str, to: &str| MeetingTimes::parse_local(madrid(), date, from, to).expect("meeting");
        let (from, to) = (day("2026-03-01"), day("2026-11-30"));
        // 1 March 00:30 in Madrid is still 28 February in UTC: local days count.
        assert_eq!(
            meeting("2026-03-01", "00:30", "02:00").within(madrid(), from, to),
            Ok(())
        );
        assert_eq!(
            meeting("2026-11-30", "18:00", "23:30").within(madrid(), from, to),
            Ok(())
        );
        let refused = meeting("2026-12-01", "09:00", "12:00")
            .within(madrid(), from, to)
            .expect_err("after the programme");
        assert_eq!(refused.key, "error-meeting-outside-programme");
        assert!(
            meeting("2026-02-28", "09:00", "12:00")
                .within(madrid(), from, to)
                .is_err()
        );
        // An open bound: only the other one is checked.
        assert_eq!(
            meeting("2020-01-01", "09:00", "12:00").within(madrid(), None, to),
            Ok(())
        );
        assert_eq!(
            meeting("2030-01-01", "09:00", "12:00").within(madrid(), None, None),
            Ok(())
        );
    }

    #[test]
    fn issue_15_meetings_outside_1900_to_2200_are_refused() {
        let at = |y: i32| Utc.with_ymd_and_hms(y, 6, 1, 9, 0, 0).single().expect("instant");
        for year in [1899, 2201, 1, 9999] {
            let problem = MeetingTimes::new(at(year), at(year) + Duration::hours(2)).expect_err("refused");
            assert_eq!(problem.key, "error-meeting-year", "{year}");
        }
        for year in [1900, 2026, 2200] {
            assert!(
                MeetingTimes::new(at(year), at(year) + Duration::hours(2)).is_ok(),
                "{year}"
            );
        }
    }

    #[test]
    fn local_times_become_instants() {
        let m = MeetingTimes::parse_local(madrid(), "2026-03-14", "09:30", "14:00").expect("valid");
        assert_eq!(m.starts_at.to_rfc3339(), "2026-03-14T08:30:00+00:00");
        assert_eq!(m.minutes(), 270);
        // Summer time: two hours ahead of UTC.
        let s = MeetingTimes::parse_local(madrid(), "2026-07-01", "09:30", "10:00").expect("valid");
        assert_eq!(s.starts_at.to_rfc3339(), "2026-07-01T07:30:00+00:00");
        let canary = SessionTimeZone::parse("Atlantic/Canary").expect("known zone");
        let c = MeetingTimes::parse_local(canary, "2026-07-01", "09:30", "10:00").expect("valid");
        assert_eq!(c.starts_at.to_rfc3339(), "2026-07-01T08:30:00+00:00");
    }

    #[test]
    fn refuses_impossible_meetings() {
        let key = |r: Result<MeetingTimes, Problem>| r.map_err(|p| p.key);
        assert_eq!(
            key(MeetingTimes::parse_local(madrid(), "2026-03-14", "14:00", "09:00")),
            Err("error-meeting-order")
        );
        assert_eq!(
            key(MeetingTimes::parse_local(madrid(), "2026-02-30", "09:00", "10:00")),
            Err("error-date")
        );
        assert_eq!(
            key(MeetingTimes::parse_local(madrid(), "2026-03-29", "02:30", "04:00")),
            Err("error-time-skipped")
        );
        assert_eq!(
            key(MeetingTimes::parse_local(madrid(), "2026-03-14", "25:00", "26:00")),
            Err("error-time")
        );
        assert!(SessionTimeZone::parse("Mars/Olympus").is_err());
    }
}
