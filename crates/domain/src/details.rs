//! The validated contents of the catalogue's records and staff accounts.
//!
//! Each `*Details` is what an organiser may set on a record, already parsed.
//! The web layer builds them from a form or an API body (`TryFrom`, field by
//! field with [`FieldErrors::take`]) and then calls `new`, which checks the
//! rules between fields. Creating and editing use the same details, so the
//! same rules hold for both.

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use crate::{
    Audience, BodyCode, Capacity, Credits, Email, FieldErrors, Hours, Language, MeetingTimes, Modality, PasswordHash,
    Percent, Problem, Role, SessionTimeZone, Text, Url,
};

pub type Title = Text<200>;
pub type ShortText = Text<200>;
pub type LongText = Text<5000, true>;
/// Where a meeting of a hybrid session is, when not at the session's venue
/// or link: a room and its address, or a link (issue 20).
pub type MeetingPlace = Text<500>;

/// Who funds a programme (issue 20), as its reports name them, with their
/// reference for it (a grant agreement's number).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Funder {
    pub name: ShortText,
    pub reference: Option<ShortText>,
}

/// An organisation a programme is run with (issue 20), and what it does in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Partner {
    pub name: ShortText,
    pub role: Option<ShortText>,
}

#[derive(Clone, Debug)]
pub struct ProgrammeDetails {
    pub title: Title,
    /// In the order its reports name them.
    pub funders: Vec<Funder>,
    pub partners: Vec<Partner>,
    /// The body that commissioned it (issue 20), e.g. a city, and the
    /// contract's reference.
    pub commissioner: Option<ShortText>,
    pub contract_reference: Option<ShortText>,
    pub description: Option<LongText>,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
}

impl ProgrammeDetails {
    /// The most funders and partners a programme names: a report's header,
    /// and a certificate's foot, have room for so many.
    pub const MOST_FUNDERS: usize = 12;
    pub const MOST_PARTNERS: usize = 30;

    pub fn new(details: ProgrammeDetails) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        if let (Some(start), Some(end)) = (details.starts_on, details.ends_on)
            && end < start
        {
            errors.add("ends_on", Problem::new("error-end-before-start"));
        }
        if details.funders.len() > Self::MOST_FUNDERS {
            errors.add(
                "funders",
                Problem::new("error-too-many").with("max", Self::MOST_FUNDERS),
            );
        }
        if details.partners.len() > Self::MOST_PARTNERS {
            errors.add(
                "partners",
                Problem::new("error-too-many").with("max", Self::MOST_PARTNERS),
            );
        }
        // The same funder twice is a slip (a row typed again), not two funders.
        let folded = |t: &ShortText| crate::fold_for_search(t.as_str());
        for (i, funder) in details.funders.iter().enumerate() {
            if details.funders[..i]
                .iter()
                .any(|f| folded(&f.name) == folded(&funder.name))
            {
                errors.add(
                    "funders",
                    Problem::new("error-funder-twice").with("name", funder.name.as_str()),
                );
            }
        }
        if details.contract_reference.is_some() && details.commissioner.is_none() {
            errors.add("commissioner", Problem::new("error-contract-without-commissioner"));
        }
        errors.into_result()?;
        Ok(details)
    }

    /// The funders' names as one line, as lists show them.
    pub fn funders_line(&self) -> Option<String> {
        (!self.funders.is_empty()).then(|| {
            self.funders
                .iter()
                .map(|f| f.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        })
    }
}

#[derive(Clone, Debug)]
pub struct AccreditationBodyDetails {
    pub name: Title,
    pub code: BodyCode,
    pub website: Option<Url>,
    /// What its register calls the identifier it asks of the people on its
    /// courses (issue 20), if it asks for one.
    pub identifier_label: Option<Text<100>>,
}

/// What an accrediting body recognises of a course.
#[derive(Clone, Debug)]
pub struct Accreditation {
    pub body_id: Uuid,
    pub credits: Option<Credits>,
    pub recognised_hours: Option<Hours>,
    pub survey_required: bool,
}

#[derive(Clone, Debug)]
pub struct CourseDetails {
    pub programme_id: Option<Uuid>,
    pub title: Title,
    pub summary: Text<2000, true>,
    pub objectives: Option<LongText>,
    pub hours: Hours,
    pub modality: Modality,
    pub audiences: Vec<Audience>,
    pub language: Language,
    /// The share of a session's hours that completes it, accredited or not
    /// (session 29's attack round: a course without a body kept 80 whatever
    /// it was given, and said it was saved).
    pub minimum_attendance: Percent,
    pub accreditation: Option<Accreditation>,
    /// The body that commissioned it (issue 20), over its programme's.
    pub commissioner: Option<ShortText>,
}

impl CourseDetails {
    pub fn new(mut details: CourseDetails) -> Result<Self, FieldErrors> {
        details.audiences.sort();
        details.audiences.dedup();
        if details.audiences.is_empty() {
            return Err(FieldErrors::single("audiences", Problem::new("error-choose-one")));
        }
        Ok(details)
    }
}

/// Where an in-person or blended session meets.
#[derive(Clone, Debug)]
pub struct VenueDetails {
    pub name: ShortText,
    pub address: Option<ShortText>,
    pub city: Text<100>,
    pub region_id: Uuid,
}

/// The most meetings a session may have.
pub const MAX_MEETINGS: usize = 200;

#[derive(Clone, Debug)]
pub struct SessionDetails {
    pub course_id: Uuid,
    pub time_zone: SessionTimeZone,
    pub venue: Option<VenueDetails>,
    pub online_url: Option<Url>,
    pub capacity: Capacity,
    pub registration_opens_at: Option<DateTime<Utc>>,
    pub registration_closes_at: Option<DateTime<Utc>>,
    pub trainer_ids: Vec<Uuid>,
    pub meetings: Vec<MeetingTimes>,
    /// How long before the first meeting the reminder goes out, in minutes.
    pub reminder_lead_minutes: u32,
    /// Whether people an organiser enters confirm by e-mail first.
    pub confirm_organiser_entries: bool,
    /// Whether certificates are issued when the session is marked completed.
    pub issue_on_completion: bool,
    /// The share of an online meeting that counts as present (issue 18).
    pub present_share: Percent,
    /// A session held in the past, recorded after the fact: the people an
    /// organiser registers or imports are placed without confirmation, and
    /// no e-mail about it goes to them (issue 24).
    pub record_past: bool,
    /// For an invited group (issue 20): not listed in the public catalogue,
    /// no public registration but by the private link; organisers add people.
    pub by_invitation: bool,
    /// The meetings that are somewhere other than the session's venue or
    /// link (issue 20: hybrid sessions), by their times.
    pub meeting_places: Vec<(MeetingTimes, MeetingPlace)>,
    /// The body that commissioned it (issue 20), over its course's and its
    /// programme's.
    pub commissioner: Option<ShortText>,
}

/// The reminder's lead time, in whole hours from 1 to 720 (30 days).
pub fn parse_reminder_lead_hours(input: &str) -> Result<u32, Problem> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Ok(DEFAULT_REMINDER_LEAD_HOURS * 60);
    }
    let hours: i64 = trimmed.parse().map_err(|_| Problem::new("error-whole-number"))?;
    if (1..=720).contains(&hours) {
        Ok(hours as u32 * 60)
    } else {
        Err(Problem::new("error-range").with("min", 1).with("max", 720))
    }
}

/// The share of an online meeting that counts as present; empty is the
/// default, [`crate::attendance::DEFAULT_PRESENT_SHARE_PERCENT`].
pub fn parse_present_share(input: &str) -> Result<Percent, Problem> {
    if input.trim().is_empty() {
        Ok(Percent::DEFAULT_PRESENT_SHARE)
    } else {
        Percent::parse(input)
    }
}

/// Reminders go out two days before the first meeting unless a session says otherwise.
pub const DEFAULT_REMINDER_LEAD_HOURS: u32 = 48;

impl SessionDetails {
    /// A session recorded after the fact has begun by `now`: one still to
    /// come would e-mail nobody about itself, its reminders and its changes
    /// included (session 29's attack round turned an open session with
    /// twelve people registered into one).
    pub fn check_recorded_past(&self, now: DateTime<Utc>) -> Result<(), FieldErrors> {
        let begins = self.meetings.iter().map(|m| m.starts_at).min();
        if self.record_past && begins.is_some_and(|begins| begins > now) {
            return Err(FieldErrors::single(
                "record_past",
                Problem::new("error-record-past-to-come"),
            ));
        }
        Ok(())
    }

    /// Checks the rules between fields; `modality` is the course's.
    pub fn new(mut details: SessionDetails, modality: Modality) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        match modality {
            Modality::InPerson if details.venue.is_none() => {
                errors.add("venue_name", Problem::new("error-venue-needed"))
            }
            Modality::Online if details.online_url.is_none() => {
                errors.add("online_url", Problem::new("error-online-url-needed"))
            }
            Modality::Blended if details.venue.is_none() && details.online_url.is_none() => {
                errors.add("venue_name", Problem::new("error-venue-or-url-needed"))
            }
            _ => {}
        }
        if let (Some(opens), Some(closes)) = (details.registration_opens_at, details.registration_closes_at)
            && closes <= opens
        {
            errors.add("registration_closes_at", Problem::new("error-end-before-start"));
        }
        details.meetings.sort();
        if details
            .meetings
            .windows(2)
            .any(|pair| pair[1].starts_at < pair[0].ends_at)
        {
            errors.add("meetings", Problem::new("error-meetings-overlap"));
        }
        if details.meetings.len() > MAX_MEETINGS {
            errors.add("meetings", Problem::new("error-too-many").with("max", MAX_MEETINGS));
        }
        details.trainer_ids.sort();
        details.trainer_ids.dedup();
        errors.into_result().map(|()| details)
    }

    /// The session's hours: the sum of its meetings' lengths.
    pub fn minutes(&self) -> i64 {
        self.meetings.iter().map(|m| m.minutes()).sum()
    }
}

#[derive(Clone, Debug)]
pub struct UserDetails {
    pub email: Email,
    pub name: Title,
    pub roles: Vec<Role>,
    pub accreditation_body_id: Option<Uuid>,
    pub language: Language,
    /// A new hash when the password is being set; `None` keeps the old one.
    pub password: Option<PasswordHash>,
}

impl UserDetails {
    pub fn new(mut details: UserDetails) -> Result<Self, FieldErrors> {
        details.roles.sort();
        details.roles.dedup();
        // No role here may be right: someone who works in another
        // organisation only; storage refuses an account left with none
        // anywhere (session 26's attack round: an administrator could not
        // even deactivate another organisation's trainer).
        let mut errors = FieldErrors::new();
        let accreditor = details.roles.contains(&Role::Accreditor);
        if accreditor && details.accreditation_body_id.is_none() {
            errors.add("accreditation_body_id", Problem::new("error-accreditor-body"));
        }
        if !accreditor {
            details.accreditation_body_id = None;
        }
        errors.into_result().map(|()| details)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(meetings: Vec<MeetingTimes>, venue: bool) -> SessionDetails {
        SessionDetails {
            course_id: Uuid::nil(),
            time_zone: SessionTimeZone::default(),
            venue: venue.then(|| VenueDetails {
                name: Text::parse("Sede").expect("valid"),
                address: None,
                city: Text::parse("León").expect("valid"),
                region_id: Uuid::nil(),
            }),
            online_url: None,
            capacity: Capacity::new(20).expect("valid"),
            registration_opens_at: None,
            registration_closes_at: None,
            trainer_ids: vec![],
            meetings,
            reminder_lead_minutes: 2880,
            confirm_organiser_entries: true,
            issue_on_completion: false,
            present_share: Percent::DEFAULT_PRESENT_SHARE,
            record_past: false,
            by_invitation: false,
            meeting_places: Vec::new(),
            commissioner: None,
        }
    }

    #[test]
    fn the_present_share_is_a_percentage_fifty_unless_given() {
        assert_eq!(parse_present_share(" "), Ok(Percent::DEFAULT_PRESENT_SHARE));
        assert_eq!(parse_present_share("25").map(Percent::get), Ok(25));
        assert_eq!(parse_present_share("100 %").map(Percent::get), Ok(100));
        for bad in ["0", "101", "-5"] {
            assert_eq!(parse_present_share(bad).map_err(|p| p.key), Err("error-range"), "{bad}");
        }
        assert_eq!(parse_present_share("x").map_err(|p| p.key), Err("error-whole-number"));
    }

    #[test]
    fn sessions_need_a_place_and_disjoint_meetings() {
        let zone = SessionTimeZone::default();
        let a = MeetingTimes::parse_local(zone, "2026-03-14", "09:00", "14:00").expect("valid");
        let b = MeetingTimes::parse_local(zone, "2026-03-14", "13:00", "15:00").expect("valid");
        let c = MeetingTimes::parse_local(zone, "2026-03-15", "09:00", "14:00").expect("valid");
        assert!(SessionDetails::new(session(vec![c, a], true), Modality::InPerson).is_ok());
        let overlap = SessionDetails::new(session(vec![a, b], true), Modality::InPerson);
        assert_eq!(
            overlap.map(|_| ()).map_err(|e| e.get("meetings")[0].key),
            Err("error-meetings-overlap")
        );
        assert!(SessionDetails::new(session(vec![a], false), Modality::InPerson).is_err());
        assert!(SessionDetails::new(session(vec![a], false), Modality::Online).is_err());
        let sorted = SessionDetails::new(session(vec![c, a], true), Modality::Blended).expect("valid");
        assert_eq!(sorted.meetings, vec![a, c]);
        assert_eq!(sorted.minutes(), 600);
    }
}
