//! iCalendar (RFC 5545) invitations for a session's meetings.
//!
//! One VEVENT per meeting, with a UID made from the session and the
//! meeting (`session-<id>-meeting-<meeting>@<domain>`), so a changed time
//! updates the same event in people's calendars, and a meeting taken off is
//! cancelled under its own name ([`SessionCalendar::withdrawn_since`]).
//! Sessions made before session 31 name theirs by rank
//! (`session-<id>-<n>@<domain>`, [`aula_domain::CalendarUids::Rank`]): the
//! ranks a shorter list no longer has are the ones cancelled. `SEQUENCE` is
//! the session's calendar sequence, raised on each change. Times are given in the
//! session's zone (`TZID`) with a VTIMEZONE listing that zone's offsets
//! around the meetings, so calendars show the right wall-clock time.

use chrono::{DateTime, Duration, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::{OffsetName, Tz};
use serde::{Deserialize, Serialize};

/// What a calendar object asks of its reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Method {
    /// Published for anyone to add (the session page's download).
    Publish,
    /// An invitation or its update (confirmation, changed meetings).
    Request,
    /// The events are off (cancelled registration or session).
    Cancel,
}

impl Method {
    fn as_str(self) -> &'static str {
        match self {
            Method::Publish => "PUBLISH",
            Method::Request => "REQUEST",
            Method::Cancel => "CANCEL",
        }
    }
}

/// A session's meetings as calendar events, kept as JSON in the outbox row.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionCalendar {
    pub session_id: uuid::Uuid,
    pub time_zone: String,
    pub summary: String,
    pub description: String,
    pub location: Option<String>,
    pub url: String,
    pub sequence: i32,
    pub organiser_email: String,
    pub organiser_name: String,
    pub meetings: Vec<(DateTime<Utc>, DateTime<Utc>)>,
    /// Each meeting's own place, in `meetings`' order, where a hybrid
    /// session has any (issue 20); empty otherwise (and in rows written
    /// before).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<Option<String>>,
    /// The rank of the first of `meetings` among the session's: not 0 in
    /// the cancellation of meetings withdrawn from the end of a session's
    /// list, whose events keep the UIDs they were sent with.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub first_rank: usize,
    /// Each meeting's row, in `meetings`' order, where the session names its
    /// events by meeting; empty where it names them by rank (and in rows
    /// written before session 31).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub meeting_ids: Vec<uuid::Uuid>,
}

fn is_zero(rank: &usize) -> bool {
    *rank == 0
}

impl SessionCalendar {
    pub fn uid(&self, rank: usize, domain: &str) -> String {
        match self.meeting_ids.get(rank) {
            Some(meeting) => format!("session-{}-meeting-{meeting}@{domain}", self.session_id),
            None => format!("session-{}-{}@{}", self.session_id, self.first_rank + rank + 1, domain),
        }
    }

    /// The events of `before` this calendar no longer has, under the names
    /// `before` gave them, to be cancelled (session 24: they stayed in
    /// people's calendars, and people came to meetings that had been
    /// removed). Named by meeting, they are the meetings gone, with their
    /// own dates. Named by rank, they are the last ranks, whatever meeting
    /// was taken off: the update re-times the ranks kept (session 30's attack
    /// round found the cancellation alone misleading, hence the names by
    /// meeting for sessions made since).
    pub fn withdrawn_since(&self, before: &SessionCalendar) -> Option<SessionCalendar> {
        if !before.meeting_ids.is_empty() {
            let gone: Vec<usize> = (0..before.meetings.len())
                .filter(|&i| !self.meeting_ids.contains(&before.meeting_ids[i]))
                .collect();
            let place = |i: usize| before.places.get(i).cloned().flatten();
            return (!gone.is_empty()).then(|| SessionCalendar {
                meetings: gone.iter().map(|&i| before.meetings[i]).collect(),
                places: match before.places.is_empty() {
                    true => Vec::new(),
                    false => gone.iter().map(|&i| place(i)).collect(),
                },
                meeting_ids: gone.iter().map(|&i| before.meeting_ids[i]).collect(),
                first_rank: 0,
                ..self.clone()
            });
        }
        let kept = self.meetings.len();
        (before.meetings.len() > kept).then(|| SessionCalendar {
            meetings: before.meetings[kept..].to_vec(),
            places: before.places.get(kept..).map(<[_]>::to_vec).unwrap_or_default(),
            first_rank: kept,
            meeting_ids: Vec::new(),
            ..self.clone()
        })
    }

    /// Whether every event of this calendar is in `before` as it is (the
    /// same meeting, times and place): then a change of the session only
    /// took meetings off, and the cancellation of those is all there is to
    /// send. Only events named by meeting can tell; by rank, the ranks kept
    /// may stand for other meetings now.
    pub fn holds_nothing_new(&self, before: &SessionCalendar) -> bool {
        let place = |c: &SessionCalendar, i: usize| c.places.get(i).cloned().flatten();
        !self.meeting_ids.is_empty()
            && self.location == before.location
            && self.meeting_ids.iter().enumerate().all(|(i, id)| {
                before.meeting_ids.iter().position(|b| b == id).is_some_and(|j| {
                    before.meetings.get(j) == self.meetings.get(i) && place(before, j) == place(self, i)
                })
            })
    }

    /// The `.ics` text; `stamp` is the DTSTAMP (when the object was made).
    pub fn render(&self, method: Method, domain: &str, stamp: DateTime<Utc>) -> String {
        let zone: Tz = self.time_zone.parse().unwrap_or(chrono_tz::UTC);
        let mut lines = vec![
            "BEGIN:VCALENDAR".to_owned(),
            "VERSION:2.0".to_owned(),
            "PRODID:-//Aula//Training sessions//EN".to_owned(),
            "CALSCALE:GREGORIAN".to_owned(),
            format!("METHOD:{}", method.as_str()),
        ];
        if let (Some(first), Some(last)) = (
            self.meetings.iter().map(|m| m.0).min(),
            self.meetings.iter().map(|m| m.1).max(),
        ) {
            lines.extend(vtimezone(zone, first - Duration::days(366), last + Duration::days(366)));
        }
        let status = if method == Method::Cancel {
            "CANCELLED"
        } else {
            "CONFIRMED"
        };
        for (rank, (start, end)) in self.meetings.iter().enumerate() {
            lines.push("BEGIN:VEVENT".to_owned());
            lines.push(format!("UID:{}", self.uid(rank, domain)));
            lines.push(format!("DTSTAMP:{}", stamp.format("%Y%m%dT%H%M%SZ")));
            lines.push(date_time("DTSTART", zone, *start));
            lines.push(date_time("DTEND", zone, *end));
            lines.push(format!("SEQUENCE:{}", self.sequence));
            lines.push(format!("STATUS:{status}"));
            lines.push(format!("SUMMARY:{}", escape(&self.summary)));
            lines.push(format!("DESCRIPTION:{}", escape(&self.description)));
            let own = self.places.get(rank).and_then(Option::as_ref);
            if let Some(location) = own.or(self.location.as_ref()) {
                lines.push(format!("LOCATION:{}", escape(location)));
            }
            lines.push(format!("URL:{}", self.url));
            lines.push(format!(
                "ORGANIZER;CN={}:mailto:{}",
                quote_param(&self.organiser_name),
                self.organiser_email
            ));
            lines.push("TRANSP:OPAQUE".to_owned());
            lines.push("END:VEVENT".to_owned());
        }
        lines.push("END:VCALENDAR".to_owned());
        lines.iter().map(|l| fold(l)).collect::<Vec<_>>().join("")
    }
}

/// `DTSTART;TZID=Europe/Madrid:20270312T090000`, in the session's zone, so
/// that calendars show the zone the session is in. A local time the clocks
/// show twice (the hour repeated when they go back) reads as its first
/// occurrence (RFC 5545, 3.3.5), so the second one is written in UTC:
/// written locally, a meeting from 02:30 (summer) to 02:30 (winter) came out
/// as lasting nothing (issue 16's attack round).
fn date_time(property: &str, zone: Tz, instant: DateTime<Utc>) -> String {
    let local = instant.with_timezone(&zone);
    match zone.from_local_datetime(&local.naive_local()).earliest() {
        Some(first) if first == local => {
            format!("{property};TZID={}:{}", zone.name(), local.format("%Y%m%dT%H%M%S"))
        }
        _ => format!("{property}:{}", instant.format("%Y%m%dT%H%M%SZ")),
    }
}

fn offset_seconds(zone: Tz, instant: DateTime<Utc>) -> i32 {
    zone.offset_from_utc_datetime(&instant.naive_utc())
        .fix()
        .local_minus_utc()
}

fn format_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let abs = seconds.abs();
    format!("{sign}{:02}{:02}", abs / 3600, (abs % 3600) / 60)
}

fn abbreviation(zone: Tz, instant: DateTime<Utc>) -> String {
    let offset = zone.offset_from_utc_datetime(&instant.naive_utc());
    offset
        .abbreviation()
        .map(str::to_owned)
        .unwrap_or_else(|| format_offset(offset.fix().local_minus_utc()))
}

/// The zone's offsets between `from` and `until`: the offset in force at
/// `from`, then each change, found day by day and pinned to the second.
fn vtimezone(zone: Tz, from: DateTime<Utc>, until: DateTime<Utc>) -> Vec<String> {
    let mut lines = vec!["BEGIN:VTIMEZONE".to_owned(), format!("TZID:{}", zone.name())];
    let observance = |lines: &mut Vec<String>, at: DateTime<Utc>, before: i32, after: i32| {
        let is_dst = {
            use chrono_tz::OffsetComponents;
            !zone.offset_from_utc_datetime(&at.naive_utc()).dst_offset().is_zero()
        };
        let kind = if is_dst { "DAYLIGHT" } else { "STANDARD" };
        // DTSTART of an observance is the wall-clock time before the change.
        let wall: NaiveDateTime = at.naive_utc() + Duration::seconds(i64::from(before));
        lines.push(format!("BEGIN:{kind}"));
        lines.push(format!("DTSTART:{}", wall.format("%Y%m%dT%H%M%S")));
        lines.push(format!("TZOFFSETFROM:{}", format_offset(before)));
        lines.push(format!("TZOFFSETTO:{}", format_offset(after)));
        lines.push(format!("TZNAME:{}", abbreviation(zone, at)));
        lines.push(format!("END:{kind}"));
    };
    let initial = offset_seconds(zone, from);
    observance(&mut lines, from, initial, initial);
    let mut day = from;
    let mut current = initial;
    while day < until {
        let next = day + Duration::days(1);
        let next_offset = offset_seconds(zone, next);
        if next_offset != current {
            // The change happened in (day, next]: bisect to the second.
            let (mut low, mut high) = (day, next);
            while high - low > Duration::seconds(1) {
                let middle = low + (high - low) / 2;
                if offset_seconds(zone, middle) == current {
                    low = middle
                } else {
                    high = middle
                }
            }
            observance(&mut lines, high, current, next_offset);
            current = next_offset;
        }
        day = next;
    }
    lines.push("END:VTIMEZONE".to_owned());
    lines
}

/// TEXT values escape backslashes, semicolons, commas and line ends, and
/// drop the other control characters RFC 5545 does not allow in them. Any
/// line end counts, a lone CR or a Unicode separator too: a reader that
/// breaks lines there would read what follows as a property of its own.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' | '\u{2028}' | '\u{2029}' => out.push_str("\\n"),
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A parameter value in quotes; it can hold no quote and no control
/// character, so those go (a line end, as a space).
fn quote_param(text: &str) -> String {
    let value: String = text
        .chars()
        .filter_map(|c| match c {
            '"' => Some('\''),
            '\r' | '\n' | '\u{2028}' | '\u{2029}' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect();
    format!("\"{value}\"")
}

/// Lines longer than 75 octets continue on the next line after a space,
/// never splitting a UTF-8 character.
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for ch in line.chars() {
        let len = ch.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(ch);
        width += len;
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 16's attack round: a lone CR in a course's summary started a
    /// property, and then an event, of its own.
    #[test]
    fn issue_16_no_line_end_or_control_character_reaches_the_file() {
        assert_eq!(
            escape("Intro\rATTENDEE:mailto:evil@x.org\r\nEND:VEVENT\u{2028}a\u{2029}b\nc"),
            "Intro\\nATTENDEE:mailto:evil@x.org\\nEND:VEVENT\\na\\nb\\nc"
        );
        assert_eq!(escape("a\u{0}b\u{85}c\td;e,f\\"), "abc\td\\;e\\,f\\\\");
        assert_eq!(quote_param("Ana \"A\"\r\nX-INJ:1\u{7}"), "\"Ana 'A'  X-INJ:1\"");
    }

    /// Issue 16's attack round: the hour repeated when the clocks go back.
    #[test]
    fn issue_16_a_repeated_local_time_is_written_in_utc() {
        let zone = chrono_tz::Europe::Madrid;
        // 2027-10-31 02:30 happens at 00:30 UTC (summer time), then at 01:30 UTC.
        let first = Utc.with_ymd_and_hms(2027, 10, 31, 0, 30, 0).single().expect("date");
        let second = Utc.with_ymd_and_hms(2027, 10, 31, 1, 30, 0).single().expect("date");
        assert_eq!(
            date_time("DTSTART", zone, first),
            "DTSTART;TZID=Europe/Madrid:20271031T023000"
        );
        assert_eq!(date_time("DTEND", zone, second), "DTEND:20271031T013000Z");
        let plain = Utc.with_ymd_and_hms(2027, 3, 12, 8, 0, 0).single().expect("date");
        assert_eq!(
            date_time("DTSTART", zone, plain),
            "DTSTART;TZID=Europe/Madrid:20270312T090000"
        );
    }

    /// Session 30's attack round: the middle meeting of three taken off.
    #[test]
    fn session_30_events_named_by_meeting_are_cancelled_by_meeting() {
        let at = |day: u32| Utc.with_ymd_and_hms(2030, 3, day, 8, 0, 0).single().expect("date");
        let ids: Vec<uuid::Uuid> = (1..=3).map(uuid::Uuid::from_u128).collect();
        let before = SessionCalendar {
            session_id: uuid::Uuid::nil(),
            time_zone: "Europe/Madrid".into(),
            summary: "Curso".into(),
            description: String::new(),
            location: None,
            url: "https://aula.example.org/sessions/0".into(),
            sequence: 1,
            organiser_email: "formacion@aula.example.org".into(),
            organiser_name: "Formación".into(),
            meetings: [12, 13, 14].map(|d| (at(d), at(d) + Duration::hours(4))).to_vec(),
            places: Vec::new(),
            first_rank: 0,
            meeting_ids: ids.clone(),
        };
        let after = SessionCalendar {
            meetings: vec![before.meetings[0], before.meetings[2]],
            meeting_ids: vec![ids[0], ids[2]],
            sequence: 2,
            ..before.clone()
        };
        let gone = after.withdrawn_since(&before).expect("one taken off");
        assert_eq!(gone.meetings, [before.meetings[1]]);
        assert_eq!(
            gone.uid(0, "x.org"),
            format!("session-{}-meeting-{}@x.org", uuid::Uuid::nil(), ids[1])
        );
        assert!(after.holds_nothing_new(&before), "the two left are as they were");
        // By rank (a session made before), the last rank goes, and the
        // update re-times the second.
        let by_rank = |c: &SessionCalendar| SessionCalendar {
            meeting_ids: Vec::new(),
            ..c.clone()
        };
        let gone = by_rank(&after)
            .withdrawn_since(&by_rank(&before))
            .expect("one taken off");
        assert_eq!(gone.meetings, [before.meetings[2]]);
        assert_eq!(gone.uid(0, "x.org"), format!("session-{}-3@x.org", uuid::Uuid::nil()));
        assert!(!by_rank(&after).holds_nothing_new(&by_rank(&before)));
        // A meeting re-timed, or a new place, is something new.
        let moved = SessionCalendar {
            meetings: vec![before.meetings[0], (at(14), at(14) + Duration::hours(3))],
            ..after.clone()
        };
        assert!(!moved.holds_nothing_new(&before));
        let elsewhere = SessionCalendar {
            location: Some("Sala 2".into()),
            ..after.clone()
        };
        assert!(!elsewhere.holds_nothing_new(&before));
    }

    #[test]
    fn folds_on_character_boundaries() {
        let long = format!("SUMMARY:{}", "á".repeat(60));
        let folded = fold(&long);
        assert!(folded.split("\r\n").all(|l| l.len() <= 75));
        assert_eq!(folded.replace("\r\n ", "").trim_end(), long);
    }

    #[test]
    fn madrid_offsets_change_in_march_and_october() {
        let from = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).single().expect("date");
        let until = Utc.with_ymd_and_hms(2026, 12, 31, 0, 0, 0).single().expect("date");
        let lines = vtimezone(chrono_tz::Europe::Madrid, from, until);
        let text = lines.join("\n");
        assert!(
            text.contains("DTSTART:20260329T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200\nTZNAME:CEST"),
            "{text}"
        );
        assert!(
            text.contains("DTSTART:20261025T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nTZNAME:CET"),
            "{text}"
        );
    }
}
