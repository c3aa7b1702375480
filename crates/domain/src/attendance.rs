//! Who was at a meeting, and whether a registration completed its session.
//!
//! Accredited courses are certified on attendance: a registration completes
//! when the hours it attended reach the course's minimum percent (80 by
//! default) of the session's hours. Present and late count the meeting's
//! whole length; an online meeting counts the minutes its report gives,
//! never more than the meeting lasted.
//!
//! A person connected to an online meeting for less than its session's
//! share of it ([`DEFAULT_PRESENT_SHARE_PERCENT`] unless set) is marked
//! `partial`, not `present`: their minutes still count toward the hours
//! (completion stays hours-based), but the mark does not claim they attended
//! the meeting (issue 18).

use crate::{Percent, Problem};

crate::catalogue::vocabulary! {
    /// A registration's mark at one meeting. `partial`: connected for part
    /// of an online meeting, below its session's share; only the
    /// reported minutes count.
    AttendanceStatus {
        Present => "present",
        Partial => "partial",
        Late => "late",
        Excused => "excused",
        Absent => "absent",
    }
}

crate::catalogue::vocabulary! {
    /// Where a mark came from: a trainer's roll call, a trainee's check-in,
    /// or an online meeting's imported report.
    MarkSource {
        RollCall => "roll_call",
        CheckIn => "check_in",
        Import => "import",
    }
}

impl AttendanceStatus {
    /// Whether the person took part in the meeting: its time (or, for a
    /// partial mark, the minutes reported) counts towards completion.
    pub fn counts(self) -> bool {
        matches!(
            self,
            AttendanceStatus::Present | AttendanceStatus::Partial | AttendanceStatus::Late
        )
    }
}

/// The share of an online meeting, in percent, a person must be connected
/// for to be marked present unless their session says otherwise; below it
/// the mark is `partial`. Half the meeting: whoever missed more than half of
/// it did not attend it, though the minutes they did attend count toward the
/// session's hours. Each session sets its own share (1 to 100,
/// `sessions.present_share_percent`); the report page's help says it.
pub const DEFAULT_PRESENT_SHARE_PERCENT: u8 = 50;

/// The mark for `minutes` connected to an online meeting of
/// `meeting_minutes`: present from `share` of it, partial below, absent for
/// no time at all. Integer arithmetic: at 50 %, 45 of 90 is present.
pub fn mark_for_minutes(minutes: u32, meeting_minutes: u32, share: Percent) -> AttendanceStatus {
    if minutes == 0 {
        AttendanceStatus::Absent
    } else if u64::from(minutes) * 100 >= u64::from(meeting_minutes) * u64::from(share.get()) {
        AttendanceStatus::Present
    } else {
        AttendanceStatus::Partial
    }
}

/// How long before a meeting starts its marks may be entered: a trainer
/// takes the roll call as people come in, not days ahead (issue 24).
pub const MARKS_OPEN_BEFORE_MINUTES: i64 = 60;

/// Whether marks may be entered for a meeting starting at `starts_at`, at
/// `now`: from [`MARKS_OPEN_BEFORE_MINUTES`] before its start. Refused with
/// the time they open (RFC 3339, for the caller to show in its zone).
pub fn marks_open(
    starts_at: chrono::DateTime<chrono::Utc>,
    zone: crate::SessionTimeZone,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), Problem> {
    let opens = starts_at - chrono::Duration::minutes(MARKS_OPEN_BEFORE_MINUTES);
    if now < opens {
        let opens = crate::Arg::Instant {
            at: opens,
            zone: zone.name().to_owned(),
        };
        return Err(Problem::new("error-meeting-not-started").with("opens", opens));
    }
    Ok(())
}

/// The minutes a mark counts for, out of a meeting of `meeting_minutes`: a
/// partial mark only its reported minutes (none reported: none).
pub fn attended_minutes(meeting_minutes: u32, status: AttendanceStatus, reported: Option<u32>) -> u32 {
    match status {
        AttendanceStatus::Partial => reported.unwrap_or(0).min(meeting_minutes),
        status if status.counts() => reported.map_or(meeting_minutes, |m| m.min(meeting_minutes)),
        _ => 0,
    }
}

/// Minutes reported for an online meeting: a whole number from 0 to the
/// meeting's length; empty is none.
pub fn parse_minutes(input: &str, meeting_minutes: u32) -> Result<Option<u32>, Problem> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    let minutes: i64 = trimmed.parse().map_err(|_| Problem::new("error-whole-number"))?;
    if (0..=i64::from(meeting_minutes)).contains(&minutes) {
        Ok(Some(minutes as u32))
    } else {
        Err(Problem::new("error-range").with("min", 0).with("max", meeting_minutes))
    }
}

/// Whether `attended` minutes complete a session of `session_minutes` that
/// requires `percent`. Integer arithmetic, so the boundary is exact: 80 %
/// of 10 hours is 480 minutes, and 480 completes.
pub fn completes(attended: u64, session_minutes: u64, percent: u8) -> bool {
    session_minutes > 0 && attended * 100 >= session_minutes * u64::from(percent)
}

/// The minutes a session of `session_minutes` requires at `percent`, rounded up.
pub fn required_minutes(session_minutes: u64, percent: u8) -> u64 {
    (session_minutes * u64::from(percent)).div_ceil(100)
}

#[cfg(test)]
mod tests {
    use super::AttendanceStatus::*;
    use super::*;

    #[test]
    fn what_counts() {
        assert_eq!(attended_minutes(300, Present, None), 300);
        assert_eq!(attended_minutes(300, Late, None), 300);
        assert_eq!(attended_minutes(300, Excused, None), 0);
        assert_eq!(attended_minutes(300, Absent, Some(200)), 0);
        assert_eq!(attended_minutes(90, Present, Some(75)), 75);
        assert_eq!(attended_minutes(90, Present, Some(120)), 90);
        assert_eq!(attended_minutes(90, Partial, Some(30)), 30);
        assert_eq!(attended_minutes(90, Partial, None), 0);
    }

    #[test]
    fn issue_18_partial_below_half_the_meeting() {
        let half = Percent::DEFAULT_PRESENT_SHARE;
        assert_eq!(half.get(), 50);
        assert_eq!(mark_for_minutes(45, 90, half), Present);
        assert_eq!(mark_for_minutes(44, 90, half), Partial);
        assert_eq!(mark_for_minutes(1, 90, half), Partial);
        assert_eq!(mark_for_minutes(0, 90, half), Absent);
        assert_eq!(mark_for_minutes(90, 90, half), Present);
        assert_eq!(mark_for_minutes(150, 300, half), Present);
        assert_eq!(mark_for_minutes(149, 300, half), Partial);
    }

    #[test]
    fn issue_18_the_session_sets_the_share_that_counts_as_present() {
        let share = |p| Percent::new(p).expect("a share");
        // 45 of 210 minutes is 21.4 %: present from a share of 21 %, partial above.
        assert_eq!(mark_for_minutes(45, 210, share(20)), Present);
        assert_eq!(mark_for_minutes(45, 210, share(21)), Present);
        assert_eq!(mark_for_minutes(45, 210, share(22)), Partial);
        assert_eq!(mark_for_minutes(45, 210, share(50)), Partial);
        // The boundary is exact: 25 % of 200 is 50.
        assert_eq!(mark_for_minutes(50, 200, share(25)), Present);
        assert_eq!(mark_for_minutes(49, 200, share(25)), Partial);
        // At 100 % only the whole meeting is present; at 1 % any minute of a long one.
        assert_eq!(mark_for_minutes(209, 210, share(100)), Partial);
        assert_eq!(mark_for_minutes(210, 210, share(100)), Present);
        assert_eq!(mark_for_minutes(3, 300, share(1)), Present);
        assert_eq!(mark_for_minutes(2, 300, share(1)), Partial);
        assert_eq!(mark_for_minutes(0, 210, share(1)), Absent);
    }

    #[test]
    fn completion_cases() {
        // (attended, session, percent, completes)
        let cases = [
            (480, 600, 80, true),
            (479, 600, 80, false),
            (600, 600, 100, true),
            (0, 600, 0, true),
            (0, 0, 80, false),
            (541, 676, 80, true), // 540.8 needed
            (540, 676, 80, false),
        ];
        for (attended, session, percent, expected) in cases {
            assert_eq!(
                completes(attended, session, percent),
                expected,
                "{attended}/{session} at {percent} %"
            );
            assert_eq!(attended >= required_minutes(session, percent) && session > 0, expected);
        }
    }

    #[test]
    fn minutes_are_bounded_by_the_meeting() {
        assert_eq!(parse_minutes("", 90), Ok(None));
        assert_eq!(parse_minutes("75", 90), Ok(Some(75)));
        assert_eq!(parse_minutes("91", 90).map_err(|p| p.key), Err("error-range"));
        assert_eq!(parse_minutes("-1", 90).map_err(|p| p.key), Err("error-range"));
        assert_eq!(parse_minutes("1.5", 90).map_err(|p| p.key), Err("error-whole-number"));
    }
}
