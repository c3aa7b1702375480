//! Indicators: the figures a funder asks for ("1,002 registered, 620
//! completed, rated 4.6 out of 5, 17 regions"), for a filter, in total and
//! broken down.
//!
//! The definitions are DESIGN.md's, and [`Figures`] holds exactly the
//! counts they need; the rates and means are derived here, in integer
//! arithmetic rounded half up, so that a figure is the same on every
//! database and in every export.
//!
//! Satisfaction answers are anonymous: they are linked to a session, never
//! to a person. So satisfaction can be known for a filter or breakdown by
//! session (programme, course, modality, dates) but not by person (region,
//! audience); there [`Figures::satisfaction`] is `None`, not a guess.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{Audience, FieldErrors, Modality, Problem};

/// Which registrations, sessions and answers the figures count.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Filter {
    /// The organisation whose figures these are (issue 17): set by the door
    /// from the staff member's organisation, never from input.
    #[serde(skip)]
    pub organisation_id: Option<Uuid>,
    /// A network's members (issue 17), whose figures count with the
    /// network's own: set by the door, never from input.
    #[serde(skip)]
    pub members: Vec<Uuid>,
    /// One organisation among the network and its members (the `member`
    /// of the query): the door checks it is one of them.
    pub member_id: Option<Uuid>,
    pub programme_id: Option<Uuid>,
    pub course_id: Option<Uuid>,
    pub session_id: Option<Uuid>,
    /// The body that commissioned the sessions (issue 20): a session's own,
    /// else its course's, else its programme's.
    pub commissioner: Option<String>,
    pub modality: Option<Modality>,
    /// The participant's region.
    pub region_id: Option<Uuid>,
    /// The participant's audience.
    pub audience: Option<Audience>,
    /// The period's first day (UTC). Each figure falls in a period by its
    /// own date (issue 20): registrations by their session's first
    /// meeting; participants, attended hours, workplaces and regions by the
    /// meetings attended; completions, the completion rate's confirmed
    /// registrations, satisfaction, surveys, certificates, sessions held
    /// and venues by the session's end (its last meeting's end).
    pub from: Option<NaiveDate>,
    /// The period's last day (UTC), included.
    pub to: Option<NaiveDate>,
}

impl Filter {
    /// Whether the filter selects people rather than sessions: then the
    /// anonymous satisfaction answers cannot be counted.
    pub fn selects_people(&self) -> bool {
        self.region_id.is_some() || self.audience.is_some()
    }
}

/// The filter as a form or a query string sends it: every field optional,
/// empty meaning "all".
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct FilterInput {
    pub member: String,
    pub programme: String,
    pub course: String,
    pub session: String,
    pub commissioner: String,
    pub modality: String,
    pub region: String,
    pub audience: String,
    pub from: String,
    pub to: String,
}

fn optional<T>(input: &str, parse: impl Fn(&str) -> Result<T, Problem>) -> Result<Option<T>, Problem> {
    match input.trim() {
        "" => Ok(None),
        value => parse(value).map(Some),
    }
}

fn id(input: &str) -> Result<Uuid, Problem> {
    Uuid::parse_str(input).map_err(|_| Problem::new("error-unknown-choice"))
}

impl TryFrom<&FilterInput> for Filter {
    type Error = FieldErrors;

    fn try_from(input: &FilterInput) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let day = |v: &str| crate::meeting::parse_date(v);
        let filter = Filter {
            organisation_id: None,
            members: Vec::new(),
            member_id: errors.take("member", optional(&input.member, id)).flatten(),
            programme_id: errors.take("programme", optional(&input.programme, id)).flatten(),
            course_id: errors.take("course", optional(&input.course, id)).flatten(),
            session_id: errors.take("session", optional(&input.session, id)).flatten(),
            commissioner: Some(input.commissioner.trim())
                .filter(|name| !name.is_empty())
                .map(str::to_owned),
            modality: errors
                .take("modality", optional(&input.modality, Modality::parse))
                .flatten(),
            region_id: errors.take("region", optional(&input.region, id)).flatten(),
            audience: errors
                .take("audience", optional(&input.audience, Audience::parse))
                .flatten(),
            from: errors.take("from", optional(&input.from, day)).flatten(),
            to: errors.take("to", optional(&input.to, day)).flatten(),
        };
        if let (Some(from), Some(to)) = (filter.from, filter.to)
            && to < from
        {
            errors.add("to", Problem::new("error-end-before-start"));
        }
        errors.into_result()?;
        Ok(filter)
    }
}

/// How figures are broken down.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Breakdown {
    /// The participant's region.
    Region,
    /// The participant's audience.
    Audience,
    /// The course's modality.
    Modality,
    Course,
    /// The month (UTC), `YYYY-MM`, of each figure's date (see [`Filter::from`]).
    Month,
    /// The session's organisation: a network's members and itself (issue 17).
    Organisation,
    /// The quarter (UTC), `YYYY-Qn`, of each figure's date, as [`Breakdown::Month`] (issue 20).
    Quarter,
}

impl Breakdown {
    /// The breakdowns of one organisation's figures.
    pub const ALL: &'static [Breakdown] = &[
        Breakdown::Region,
        Breakdown::Audience,
        Breakdown::Modality,
        Breakdown::Course,
        Breakdown::Month,
    ];

    /// A network's (issue 17): the same, and by organisation.
    pub const NETWORK: &'static [Breakdown] = &[
        Breakdown::Region,
        Breakdown::Audience,
        Breakdown::Modality,
        Breakdown::Course,
        Breakdown::Month,
        Breakdown::Organisation,
    ];

    /// Every breakdown there is: a network's, and by quarter (issue 20).
    pub fn every() -> impl Iterator<Item = Breakdown> {
        Breakdown::NETWORK.iter().copied().chain([Breakdown::Quarter])
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Breakdown::Region => "region",
            Breakdown::Audience => "audience",
            Breakdown::Modality => "modality",
            Breakdown::Course => "course",
            Breakdown::Month => "month",
            Breakdown::Organisation => "organisation",
            Breakdown::Quarter => "quarter",
        }
    }

    pub fn parse(input: &str) -> Result<Self, Problem> {
        Breakdown::every()
            .find(|b| b.as_str() == input.trim())
            .ok_or_else(|| Problem::new("error-choice"))
    }

    /// Whether it groups by period, each figure by its own date.
    pub fn is_period(self) -> bool {
        matches!(self, Breakdown::Month | Breakdown::Quarter)
    }

    /// Whether it groups people (then satisfaction cannot be split by it).
    pub fn groups_people(self) -> bool {
        matches!(self, Breakdown::Region | Breakdown::Audience)
    }
}

/// Overall-satisfaction answers (1 to 5): how many, and their sum.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub count: u64,
    pub sum: u64,
}

impl Tally {
    /// The mean, to one decimal (rounded half up, in integers); `None`
    /// without answers. One decimal everywhere it is shown (the page, the
    /// CSV, the API), so that the figures never disagree: the JSON said
    /// 4.45 where the CSV said 4,5 (issue 20).
    pub fn mean(self) -> Option<f64> {
        ratio(self.sum, self.count, 10)
    }
}

/// The counts every indicator is made of, for one filter or group.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Figures {
    /// Registrations that reached confirmed or the waiting list.
    pub registrations: u64,
    /// Distinct people among them.
    pub registered_people: u64,
    /// Registrations present or late at one meeting at least.
    pub participants: u64,
    /// Registrations meeting the completion rule (fixed when the session is completed).
    pub completions: u64,
    /// Distinct people with a completion.
    pub beneficiaries: u64,
    /// Confirmed registrations of held sessions: the completion rate's denominator.
    pub confirmed_in_held: u64,
    /// Attended minutes, summed.
    pub attended_minutes: u64,
    /// `None` where the filter or group selects people (answers are anonymous).
    pub satisfaction: Option<Tally>,
    pub survey_invitations: u64,
    pub survey_answers: u64,
    /// Certificates issued, the revoked ones included.
    pub certificates_issued: u64,
    pub certificates_revoked: u64,
    /// Sessions that took place (ended, not cancelled) with a participant.
    pub sessions_held: u64,
    /// Distinct venues of those sessions.
    pub venues: u64,
    /// Distinct employers of participants (compared without case or outer
    /// spaces), counted by their keyed hash so that erasure keeps them (issue 21).
    pub workplaces: u64,
    /// Distinct regions of participants.
    pub regions: u64,
}

/// `numerator / denominator` rounded half up to `1 / scale`.
fn ratio(numerator: u64, denominator: u64, scale: u64) -> Option<f64> {
    if denominator == 0 {
        return None;
    }
    let scaled =
        (u128::from(numerator) * u128::from(scale) * 2 + u128::from(denominator)) / (u128::from(denominator) * 2);
    Some(scaled as f64 / scale as f64)
}

impl Figures {
    /// Completions per confirmed registration of held sessions, in percent with one decimal.
    pub fn completion_rate(&self) -> Option<f64> {
        ratio(self.completions * 100, self.confirmed_in_held, 10)
    }

    /// Attended hours, with two decimals.
    pub fn training_hours(&self) -> f64 {
        ratio(self.attended_minutes, 60, 100).unwrap_or(0.0)
    }

    /// Answered invitations per invitation, in percent with one decimal.
    pub fn survey_response_rate(&self) -> Option<f64> {
        ratio(self.survey_answers * 100, self.survey_invitations, 10)
    }

    pub fn satisfaction_mean(&self) -> Option<f64> {
        self.satisfaction.and_then(Tally::mean)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_and_means_round_half_up() {
        let figures = Figures {
            completions: 620,
            confirmed_in_held: 930,
            attended_minutes: 90,
            survey_invitations: 3,
            survey_answers: 2,
            satisfaction: Some(Tally { count: 500, sum: 2300 }),
            ..Figures::default()
        };
        assert_eq!(figures.completion_rate(), Some(66.7));
        assert_eq!(figures.training_hours(), 1.5);
        assert_eq!(figures.survey_response_rate(), Some(66.7));
        assert_eq!(figures.satisfaction_mean(), Some(4.6));
    }

    #[test]
    fn issue_20_satisfaction_has_one_decimal_rounded_half_up() {
        // 89 / 20 = 4.45 → 4.5; 88 / 20 = 4.4; 2 / 3 = 0.666… → 0.7.
        let mean = |sum, count| Tally { count, sum }.mean();
        assert_eq!(mean(89, 20), Some(4.5));
        assert_eq!(mean(88, 20), Some(4.4));
        assert_eq!(mean(2, 3), Some(0.7));
        assert_eq!(mean(0, 0), None);
        // 37 / 8 = 4.625 → 4.6.
        assert_eq!(Tally { count: 8, sum: 37 }.mean(), Some(4.6));
        assert_eq!(Tally { count: 0, sum: 0 }.mean(), None);
        assert_eq!(Figures::default().completion_rate(), None);
    }

    #[test]
    fn a_filter_is_parsed_whole_or_refused_with_every_field() {
        let input = FilterInput {
            programme: "nope".into(),
            modality: "hybrid".into(),
            from: "2026-05-01".into(),
            to: "2026-04-01".into(),
            ..FilterInput::default()
        };
        let errors = Filter::try_from(&input).expect_err("invalid");
        let fields: Vec<&str> = errors.iter().map(|(f, _)| f).collect();
        assert_eq!(fields, ["modality", "programme", "to"]);

        let filter = Filter::try_from(&FilterInput {
            audience: " union_delegate ".into(),
            from: "2026-01-01".into(),
            ..FilterInput::default()
        })
        .expect("valid");
        assert_eq!(filter.audience, Some(Audience::UNION_DELEGATE));
        assert!(filter.selects_people());
        assert!(!Filter::default().selects_people());
    }

    #[test]
    fn breakdowns_round_trip() {
        for b in Breakdown::every() {
            assert_eq!(Breakdown::parse(b.as_str()), Ok(b));
        }
        assert!(Breakdown::parse("city").is_err());
    }
}
