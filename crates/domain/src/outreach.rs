//! Outreach beside training (issue 20): a programme's presentations,
//! information meetings, webinars, stands and distributions of materials.
//! They reach people without training them, so they are counted apart, as
//! the programme's [`Reach`]: never as registrations, hours, completions or
//! beneficiaries.

use chrono::NaiveDate;
use serde::Serialize;
use uuid::Uuid;

use crate::catalogue::vocabulary;
use crate::details::{LongText, ShortText, Title};
use crate::{Audience, Email, FieldErrors, PersonName, Problem};

vocabulary! {
    /// What an outreach activity was.
    OutreachKind {
        Presentation => "presentation",
        InformationMeeting => "information_meeting",
        Webinar => "webinar",
        Stand => "stand",
        MaterialsDistribution => "materials_distribution",
    }
}

vocabulary! {
    /// What was handed out.
    MaterialKind {
        Leaflet => "leaflet",
        Guide => "guide",
        Poster => "poster",
        Kit => "kit",
        Other => "other",
    }
}

/// The most a head count or a quantity may be: a national campaign's
/// leaflets, not a typing slip.
pub const MAX_COUNT: u32 = 10_000_000;

/// A head count or a quantity: a whole number from 0 to [`MAX_COUNT`];
/// blank is 0 (nobody counted, nothing handed out).
pub fn parse_count(input: &str) -> Result<u32, Problem> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Ok(0);
    }
    let value: i64 = trimmed.parse().map_err(|_| Problem::new("error-whole-number"))?;
    u32::try_from(value)
        .ok()
        .filter(|v| *v <= MAX_COUNT)
        .ok_or_else(|| Problem::new("error-range").with("min", 0).with("max", MAX_COUNT))
}

/// An outreach activity as an organiser records it.
#[derive(Clone, Debug)]
pub struct OutreachDetails {
    pub programme_id: Uuid,
    pub kind: OutreachKind,
    pub title: Title,
    pub held_on: NaiveDate,
    /// A room or a town, or the channel a webinar was streamed on.
    pub place: Option<ShortText>,
    pub region_id: Option<Uuid>,
    pub audience: Option<Audience>,
    /// The head count in the room or at the stand; never fewer than the
    /// walk-ins written down at the door (storage keeps it so).
    pub attendees: u32,
    /// Who watched a webinar (live or afterwards, as the platform counts).
    pub viewers: u32,
    /// What was handed out, by kind; kinds with none are left out.
    pub materials: Vec<(MaterialKind, u32)>,
    pub notes: Option<LongText>,
}

impl OutreachDetails {
    /// Whether the activity's day falls within its programme's dates, both
    /// bounds included, an absent bound open, as a session's meetings must
    /// (an activity of a 2025 programme dated 2019 counted in no report of
    /// the programme's period, and nobody was told).
    pub fn within(&self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<(), Problem> {
        if from.is_some_and(|from| self.held_on < from) || to.is_some_and(|to| self.held_on > to) {
            let bound = |d: Option<NaiveDate>| d.map_or_else(|| "…".to_owned(), |d| d.to_string());
            return Err(Problem::new("error-activity-outside-programme")
                .with("from", bound(from))
                .with("to", bound(to)));
        }
        Ok(())
    }

    /// Keeps the kinds of material handed out, in the vocabulary's order.
    /// Any activity may have viewers as well as attendees: a webinar
    /// streamed to a room has both.
    pub fn new(mut details: OutreachDetails) -> Self {
        details.materials.retain(|(_, quantity)| *quantity > 0);
        details.materials.sort_by_key(|(kind, _)| *kind);
        details
    }
}

/// Someone who came in at the door of an information meeting.
#[derive(Clone, Debug)]
pub struct WalkIn {
    pub name: PersonName,
    pub email: Option<Email>,
}

impl WalkIn {
    pub fn parse(name: &str, email: &str) -> Result<WalkIn, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = errors.take("name", PersonName::parse(name));
        let email = errors.take(
            "email",
            if email.trim().is_empty() {
                Ok(None)
            } else {
                Email::parse(email).map(Some)
            },
        );
        let (Some(name), Some(email)) = (name, email) else {
            return Err(errors);
        };
        Ok(WalkIn { name, email })
    }

    /// Whether this is someone already written down as `name` (with
    /// `email`, if they gave one), and if so, which field says it: the
    /// same address, or the same name where either of the two has none (a
    /// form sent twice, two people at the door writing down one person).
    /// Two people of one name are told apart by their addresses. Each
    /// name written down counts at least one person in the head count, so
    /// one person twice was one too many (session 29's attack round).
    pub fn written_as(&self, name: &str, email: Option<&str>) -> Option<&'static str> {
        let same = |a: &str, b: &str| a.trim().to_lowercase() == b.trim().to_lowercase();
        match (self.email.as_ref().map(ToString::to_string), email) {
            (Some(mine), Some(theirs)) if same(&mine, theirs) => Some("email"),
            (Some(_), Some(_)) => None,
            _ => same(&self.name.to_string(), name).then_some("name"),
        }
    }
}

/// What a programme's outreach reached, for a filter or one kind of
/// activity.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Reach {
    pub activities: u64,
    /// People in the room or at the stand: the head counts, each at least
    /// its activity's walk-ins.
    pub attendees: u64,
    pub viewers: u64,
    /// Materials handed out, all kinds together.
    pub materials: u64,
}

impl Reach {
    /// Attendees and viewers together: the people the outreach reached
    /// (a person may be counted at several activities).
    pub fn people(&self) -> u64 {
        self.attendees + self.viewers
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn webinar(attendees: u32, viewers: u32) -> OutreachDetails {
        OutreachDetails {
            programme_id: Uuid::nil(),
            kind: OutreachKind::Webinar,
            title: Title::parse("Derechos sindicales").expect("title"),
            held_on: NaiveDate::from_ymd_opt(2026, 3, 10).expect("day"),
            place: None,
            region_id: None,
            audience: None,
            attendees,
            viewers,
            materials: vec![
                (MaterialKind::Poster, 0),
                (MaterialKind::Guide, 40),
                (MaterialKind::Leaflet, 5),
            ],
            notes: None,
        }
    }

    #[test]
    fn counts_are_whole_numbers_and_blank_is_none() {
        assert_eq!(parse_count(" "), Ok(0));
        assert_eq!(parse_count("1200"), Ok(1200));
        assert_eq!(parse_count("-1").map_err(|p| p.key), Err("error-range"));
        assert_eq!(parse_count("12.5").map_err(|p| p.key), Err("error-whole-number"));
        assert_eq!(parse_count("10000001").map_err(|p| p.key), Err("error-range"));
    }

    #[test]
    fn materials_handed_out_are_kept_in_order() {
        let kept = OutreachDetails::new(webinar(30, 300));
        assert_eq!(
            kept.materials,
            vec![(MaterialKind::Leaflet, 5), (MaterialKind::Guide, 40)]
        );
    }

    #[test]
    fn walk_ins_need_a_name_and_maybe_an_e_mail() {
        assert!(WalkIn::parse("Amina B.", "").expect("no e-mail").email.is_none());
        let amina = WalkIn::parse("Amina B.", "amina@example.org").expect("parses");
        assert_eq!(amina.written_as("Someone", Some("AMINA@example.org")), Some("email"));
        assert_eq!(amina.written_as("amina b.", None), Some("name"));
        assert_eq!(amina.written_as("Amina B.", Some("other@example.org")), None);
        let nameless = WalkIn::parse("Amina B.", "").expect("parses");
        assert_eq!(nameless.written_as("Amina B.", Some("amina@example.org")), Some("name"));
        assert_eq!(nameless.written_as("Amina C.", None), None);
        assert!(WalkIn::parse("", "a@example.org").is_err());
        assert!(WalkIn::parse("Amina", "not an address").is_err());
    }
}
