//! Sessions: editions of a course, with meetings, a place, trainers and
//! seats. The public sees the ones not in draft; organisers write them.

pub mod api;
pub mod check_in;
pub mod invitation;
pub mod pages;

use aula_domain::details::{SessionDetails, VenueDetails};
use aula_domain::{
    Audience, Capacity, FieldErrors, MeetingTimes, Modality, Percent, Problem, Role, SessionStatus, SessionTimeZone,
    Text, Url,
};
use aula_storage::courses;
use aula_storage::sessions::{self, SessionFilter, SessionRecord};
use chrono::{DateTime, NaiveDate, Timelike as _, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::kit::input::{self, parse_id};
use crate::{AppError, AppResult, AppState, Ctx};

const STAFF: &[Role] = &[Role::Organiser];

/// The time zones the session form offers first, the ones Aula's
/// organisations use most; every other IANA zone follows, by region
/// ([`zone_groups`]), and the API accepts any IANA name.
const TIME_ZONES: &[&str] = &[
    "Europe/Madrid",
    "Atlantic/Canary",
    "Africa/Ceuta",
    "Europe/Lisbon",
    "Europe/Paris",
    "Europe/Brussels",
    "Europe/Rome",
    "Europe/Berlin",
    "Europe/London",
    "Europe/Dublin",
    "America/Mexico_City",
    "America/Bogota",
    "America/Argentina/Buenos_Aires",
    "Africa/Casablanca",
    "Africa/Tunis",
    "UTC",
];

/// The IANA regions whose zones the form lists, after the frequent ones.
const ZONE_REGIONS: &[&str] = &[
    "Africa",
    "America",
    "Antarctica",
    "Asia",
    "Atlantic",
    "Australia",
    "Europe",
    "Indian",
    "Pacific",
];

/// The session form's zones, grouped for a `<select>` with `<optgroup>`s
/// (a person finds one by typing its name, without JavaScript): the
/// frequent ones, then every zone of each IANA region, without the old
/// aliases (`US/Eastern`, `Etc/GMT+1`...). `chosen` is added where it is
/// none of them, so an existing session's zone is never lost.
pub(crate) fn zone_groups(chrome: &crate::kit::pages::Chrome, chosen: &str) -> Vec<(String, Vec<String>)> {
    let mut groups = vec![(
        chrome.t("session-time-zone-frequent"),
        TIME_ZONES.iter().map(|z| (*z).to_owned()).collect::<Vec<_>>(),
    )];
    for region in ZONE_REGIONS {
        let zones: Vec<String> = chrono_tz::TZ_VARIANTS
            .iter()
            .map(|tz| tz.name())
            .filter(|name| name.split('/').next() == Some(*region) && name.contains('/'))
            .map(str::to_owned)
            .collect();
        groups.push((chrome.word("time-zone-region", region.to_lowercase()), zones));
    }
    if !chosen.is_empty() && !groups.iter().any(|(_, zones)| zones.iter().any(|z| z == chosen)) {
        groups[0].1.push(chosen.to_owned());
    }
    groups
}

// ----- input from the API -------------------------------------------------

#[derive(Clone, Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VenueInput {
    pub name: String,
    #[serde(default, deserialize_with = "input::loose_text")]
    pub address: String,
    pub city: String,
    pub region_id: String,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MeetingInput {
    /// RFC 3339 instant, e.g. `2026-03-14T09:30:00+01:00`.
    pub starts_at: String,
    pub ends_at: String,
    /// Where this meeting is when not at the session's venue or link (a
    /// hybrid session, issue 20): a room and address, or a link. Empty:
    /// the session's.
    #[serde(default, deserialize_with = "input::loose_text")]
    pub place: String,
}

/// A meeting's times and its own place, if it has one: one row of the
/// meetings a session input gives, parsed.
pub(crate) type ParsedMeeting = (MeetingTimes, Option<aula_domain::details::MeetingPlace>);

/// A session as an integration writes it. Meetings are instants (any
/// offset); they are shown in the session's `time_zone`.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SessionInput {
    pub course_id: String,
    /// IANA zone, e.g. `Africa/Tunis`; by default the organisation's, or
    /// `Europe/Madrid` where it has none (`UTC`).
    #[serde(default)]
    pub time_zone: String,
    #[serde(default)]
    pub venue: Option<VenueInput>,
    #[serde(default, deserialize_with = "input::loose_text")]
    pub online_url: String,
    #[serde(deserialize_with = "input::loose_text")]
    pub capacity: String,
    /// RFC 3339 instant, or empty for "as soon as the session is open".
    #[serde(default, deserialize_with = "input::loose_text")]
    pub registration_opens_at: String,
    /// RFC 3339 instant, or empty for "until the session starts".
    #[serde(default, deserialize_with = "input::loose_text")]
    pub registration_closes_at: String,
    #[serde(default, deserialize_with = "input::loose_list")]
    pub trainer_ids: Vec<String>,
    #[serde(default)]
    pub meetings: Vec<MeetingInput>,
    /// `draft` (default), `open`, `closed`, `completed` or `cancelled`.
    #[serde(default = "default_status")]
    pub status: String,
    /// Hours before the first meeting when the reminder goes out (1 to 720; default 48).
    #[serde(default, deserialize_with = "input::loose_text")]
    pub reminder_lead_hours: String,
    /// Whether people an organiser enters (by hand or by CSV) confirm by e-mail first (default true).
    #[serde(default = "input::yes", deserialize_with = "input::loose_bool")]
    pub confirm_organiser_entries: bool,
    /// Whether certificates are issued when the session is marked completed (default false).
    #[serde(default, deserialize_with = "input::loose_bool")]
    pub issue_on_completion: bool,
    /// The share of an online meeting, in percent, a person must be connected
    /// for to be marked present rather than partial (1 to 100; default 50).
    #[serde(default, deserialize_with = "input::loose_text")]
    pub present_share_percent: String,
    /// A session held in the past, recorded after the fact (default false):
    /// people registered or imported are placed without confirmation, and
    /// nobody is e-mailed about it.
    #[serde(default, deserialize_with = "input::loose_bool")]
    pub record_past: bool,
    /// For an invited group (issue 20; default false): not listed in the
    /// public catalogue and not open to public registration; organisers add
    /// its people or share a private link (`/api/v1/sessions/{id}/invitation-link`).
    #[serde(default, deserialize_with = "input::loose_bool")]
    pub by_invitation: bool,
    /// The body that commissioned it (issue 20), e.g. a local authority, or
    /// empty for its course's or programme's.
    #[serde(default, deserialize_with = "input::loose_text")]
    pub commissioner: String,
}

/// The zone a new session starts in: its organisation's, unless that is
/// UTC, what an organisation created without one has; then Aula's default.
/// A session in Tunis started as Madrid's, its times an hour off for whoever
/// did not notice (session 26's attack round).
pub(crate) async fn organisation_zone(ctx: &Ctx) -> AppResult<String> {
    let org = aula_storage::organisations::get(&ctx.state.db, ctx.org()?).await?;
    Ok(SessionTimeZone::parse(&org.time_zone)
        .ok()
        .filter(|zone| !matches!(zone.name(), "UTC" | "Etc/UTC"))
        .unwrap_or_default()
        .name()
        .to_owned())
}

fn default_status() -> String {
    SessionStatus::Draft.as_str().to_owned()
}

/// An RFC 3339 instant; not a leap second (`23:59:60`), which calendars
/// cannot read.
fn parse_instant(input: &str) -> Result<DateTime<Utc>, Problem> {
    DateTime::parse_from_rfc3339(input.trim())
        .ok()
        .filter(|t| t.nanosecond() < 1_000_000_000)
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| Problem::new("error-datetime"))
}

/// When registration opens or closes: none, or an instant within the years
/// meetings may fall in.
fn parse_optional_instant(input: &str) -> Result<Option<DateTime<Utc>>, Problem> {
    if input.trim().is_empty() {
        Ok(None)
    } else {
        parse_instant(input)
            .and_then(aula_domain::meeting::within_years)
            .map(Some)
    }
}

fn parse_ids(values: &[String]) -> Result<Vec<Uuid>, Problem> {
    values
        .iter()
        .filter(|v| !v.trim().is_empty())
        .map(|v| parse_id(v))
        .collect()
}

/// The parts of a session both inputs share, parsed field by field.
struct Parsed {
    course_id: Option<Uuid>,
    time_zone: Option<SessionTimeZone>,
    venue: Option<Option<VenueDetails>>,
    online_url: Option<Option<Url>>,
    capacity: Option<Capacity>,
    trainer_ids: Option<Vec<Uuid>>,
    reminder_lead_minutes: Option<u32>,
    present_share: Option<Percent>,
    confirm_organiser_entries: bool,
    issue_on_completion: bool,
    record_past: bool,
    by_invitation: bool,
    commissioner: Option<Option<aula_domain::details::ShortText>>,
}

/// The fields that the API's input and the page's form (`$from`, either)
/// name alike, parsed in form order; the time zone, the venue and whether
/// the session is recorded after the fact are read each its own way.
macro_rules! parsed {
    ($errors:ident, $from:expr, $time_zone:expr, $venue:expr, $record_past:expr) => {
        Parsed {
            course_id: $errors.take("course_id", $crate::kit::input::parse_id(&$from.course_id)),
            time_zone: $time_zone,
            venue: $venue,
            online_url: $errors.take("online_url", aula_domain::Url::parse_optional(&$from.online_url)),
            capacity: $errors.take("capacity", aula_domain::Capacity::parse(&$from.capacity)),
            trainer_ids: $errors.take("trainer_ids", $crate::sessions::parse_ids(&$from.trainer_ids)),
            reminder_lead_minutes: $errors.take(
                "reminder_lead_hours",
                aula_domain::details::parse_reminder_lead_hours(&$from.reminder_lead_hours),
            ),
            present_share: $errors.take(
                "present_share_percent",
                aula_domain::details::parse_present_share(&$from.present_share_percent),
            ),
            confirm_organiser_entries: $from.confirm_organiser_entries,
            issue_on_completion: $from.issue_on_completion,
            record_past: $record_past,
            by_invitation: $from.by_invitation,
            commissioner: $errors.take(
                "commissioner",
                aula_domain::details::ShortText::parse_optional(&$from.commissioner),
            ),
        }
    };
}
use parsed;

fn parse_venue(
    errors: &mut FieldErrors,
    name: &str,
    address: &str,
    city: &str,
    region_id: &str,
) -> Option<Option<VenueDetails>> {
    if [name, address, city, region_id].iter().all(|v| v.trim().is_empty()) {
        return Some(None);
    }
    let name = errors.take("venue_name", Text::parse(name));
    let address = errors.take("venue_address", Text::parse_optional(address));
    let city = errors.take("venue_city", Text::parse(city));
    let region_id = errors.take("venue_region_id", parse_id(region_id));
    let (Some(name), Some(address), Some(city), Some(region_id)) = (name, address, city, region_id) else {
        return None;
    };
    Some(Some(VenueDetails {
        name,
        address,
        city,
        region_id,
    }))
}

impl Parsed {
    fn finish(
        self,
        errors: FieldErrors,
        opens: Option<Option<DateTime<Utc>>>,
        closes: Option<Option<DateTime<Utc>>>,
        meetings: Option<Vec<ParsedMeeting>>,
        modality: Option<Modality>,
    ) -> Result<SessionDetails, FieldErrors> {
        let (
            Some(course_id),
            Some(time_zone),
            Some(venue),
            Some(online_url),
            Some(capacity),
            Some(trainer_ids),
            Some(reminder_lead_minutes),
            Some(present_share),
            Some(opens),
            Some(closes),
            Some(meetings),
            Some(modality),
            Some(commissioner),
        ) = (
            self.course_id,
            self.time_zone,
            self.venue,
            self.online_url,
            self.capacity,
            self.trainer_ids,
            self.reminder_lead_minutes,
            self.present_share,
            opens,
            closes,
            meetings,
            modality,
            self.commissioner,
        )
        else {
            return Err(errors);
        };
        let meeting_places = meetings
            .iter()
            .filter_map(|(times, place)| place.clone().map(|p| (*times, p)))
            .collect();
        let meetings = meetings.into_iter().map(|(times, _)| times).collect();
        SessionDetails::new(
            SessionDetails {
                course_id,
                time_zone,
                venue,
                online_url,
                capacity,
                registration_opens_at: opens,
                registration_closes_at: closes,
                trainer_ids,
                meetings,
                reminder_lead_minutes,
                confirm_organiser_entries: self.confirm_organiser_entries,
                issue_on_completion: self.issue_on_completion,
                present_share,
                record_past: self.record_past,
                by_invitation: self.by_invitation,
                meeting_places,
                commissioner,
            },
            modality,
        )
    }
}

/// Parses a session input field by field; the rules that need the course's
/// modality are `SessionDetails::new`'s, once the fields are read.
fn parse_input(input: &SessionInput, errors: &mut FieldErrors) -> Parsed {
    let venue = match &input.venue {
        Some(v) => parse_venue(errors, &v.name, &v.address, &v.city, &v.region_id),
        None => Some(None),
    };
    let time_zone = errors.take("time_zone", SessionTimeZone::parse(&input.time_zone));
    parsed!(errors, input, time_zone, venue, input.record_past)
}

fn details_from_input(
    input: &SessionInput,
    modality: Option<Modality>,
    mut errors: FieldErrors,
) -> Result<SessionDetails, FieldErrors> {
    let parsed = parse_input(input, &mut errors);
    let opens = errors.take(
        "registration_opens_at",
        parse_optional_instant(&input.registration_opens_at),
    );
    let closes = errors.take(
        "registration_closes_at",
        parse_optional_instant(&input.registration_closes_at),
    );
    let mut meetings = Some(Vec::new());
    for (index, m) in input.meetings.iter().enumerate() {
        let field = format!("meetings.{index}");
        let times = parse_instant(&m.starts_at)
            .and_then(|s| parse_instant(&m.ends_at).map(|e| (s, e)))
            .and_then(|(s, e)| MeetingTimes::new(s, e));
        let place = errors.take(
            &format!("{field}.place"),
            aula_domain::details::MeetingPlace::parse_optional(&m.place),
        );
        match (errors.take(&field, times), place) {
            (Some(t), Some(place)) => {
                if let Some(list) = meetings.as_mut() {
                    list.push((t, place));
                }
            }
            _ => meetings = None,
        }
    }
    // The venue's rules name a form's fields (`venue_name`); the JSON body
    // has a `venue` object (session 28's attack round).
    let venue_given = input.venue.is_some();
    parsed
        .finish(errors, opens, closes, meetings, modality)
        .map_err(|errors| {
            errors.renamed(|field| {
                let part = field.strip_prefix("venue_")?;
                Some(match venue_given {
                    true => format!("venue.{part}"),
                    false => "venue".to_owned(),
                })
            })
        })
}

/// The course's modality, or the `course_id` field's problem.
async fn course_modality(ctx: &Ctx, course_id: &str, errors: &mut FieldErrors) -> AppResult<Option<Modality>> {
    let Ok(id) = parse_id(course_id) else {
        return Ok(None);
    };
    match courses::get_in(&ctx.state.db, ctx.org()?, id).await {
        Ok(record) => Ok(Some(record.course.modality)),
        Err(aula_storage::StorageError::NotFound) => {
            errors.add("course_id", Problem::new("error-unknown-choice"));
            Ok(None)
        }
        Err(other) => Err(other.into()),
    }
}

fn status_of(input: &str) -> Result<SessionStatus, AppError> {
    SessionStatus::parse(input).map_err(|p| AppError::Invalid(FieldErrors::single("status", p)))
}

impl From<&SessionRecord> for SessionInput {
    fn from(r: &SessionRecord) -> Self {
        let s = &r.session;
        SessionInput {
            course_id: s.course_id.to_string(),
            time_zone: s.time_zone.name().to_owned(),
            venue: r.venue.as_ref().map(|(v, region)| VenueInput {
                name: v.name.clone(),
                address: v.address.clone().unwrap_or_default(),
                city: v.city.clone(),
                region_id: region.id.to_string(),
            }),
            online_url: s.online_url.clone().unwrap_or_default(),
            capacity: s.capacity.to_string(),
            registration_opens_at: s.registration_opens_at.map(|t| t.to_rfc3339()).unwrap_or_default(),
            registration_closes_at: s.registration_closes_at.map(|t| t.to_rfc3339()).unwrap_or_default(),
            trainer_ids: r.trainers.iter().map(|t| t.id.to_string()).collect(),
            meetings: r
                .meetings
                .iter()
                .map(|m| MeetingInput {
                    starts_at: m.starts_at.to_rfc3339(),
                    ends_at: m.ends_at.to_rfc3339(),
                    place: m.place.clone().unwrap_or_default(),
                })
                .collect(),
            status: s.status.as_str().to_owned(),
            reminder_lead_hours: (s.reminder_lead_minutes / 60).to_string(),
            confirm_organiser_entries: s.confirm_organiser_entries,
            issue_on_completion: s.issue_on_completion,
            present_share_percent: s.present_share_percent.to_string(),
            record_past: s.record_past,
            by_invitation: s.by_invitation,
            commissioner: s.commissioner.clone().unwrap_or_default(),
        }
    }
}

// ----- output --------------------------------------------------------------

#[derive(Serialize, ToSchema)]
pub struct RegionRef {
    pub id: Uuid,
    pub code: String,
    pub name: String,
}

#[derive(Serialize, ToSchema)]
pub struct VenueOut {
    pub id: Uuid,
    pub name: String,
    pub address: Option<String>,
    pub city: String,
    pub region: RegionRef,
}

#[derive(Serialize, ToSchema)]
pub struct MeetingOut {
    pub id: Uuid,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// The meeting's date and times in the session's time zone.
    pub local_date: NaiveDate,
    pub local_start: String,
    pub local_end: String,
    /// Where it is when not at the session's venue or link (issue 20).
    pub place: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct CourseRef {
    pub id: Uuid,
    pub title: String,
    pub modality: String,
    pub hours: f64,
    pub audiences: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct PersonRef {
    pub id: Uuid,
    pub name: String,
}

#[derive(Serialize, ToSchema)]
pub struct SessionOut {
    pub id: Uuid,
    pub course: CourseRef,
    pub status: String,
    pub time_zone: String,
    pub venue: Option<VenueOut>,
    pub online_url: Option<String>,
    pub capacity: i32,
    pub seats_taken: i32,
    pub seats_left: i32,
    pub registration_opens_at: Option<DateTime<Utc>>,
    pub registration_closes_at: Option<DateTime<Utc>>,
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
    /// The sum of the meetings' lengths, to two decimals.
    pub hours: f64,
    /// The share of an online meeting, in percent, that counts as present.
    pub present_share_percent: i32,
    /// Recorded after the fact: nobody is e-mailed about it.
    pub record_past: bool,
    /// For an invited group (issue 20): not listed, no public registration.
    pub by_invitation: bool,
    /// The body that commissioned it (issue 20), if not its course's or programme's.
    pub commissioner: Option<String>,
    pub trainers: Vec<PersonRef>,
    pub meetings: Vec<MeetingOut>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<SessionRecord> for SessionOut {
    fn from(r: SessionRecord) -> Self {
        let seats_left = r.seats_left();
        let zone = r.session.time_zone.tz();
        let s = r.session;
        let c = r.course.course;
        SessionOut {
            id: s.id,
            course: CourseRef {
                id: c.id,
                title: c.title,
                modality: c.modality.as_str().to_owned(),
                hours: crate::kit::api::hours(c.minutes),
                audiences: r.course.audiences.iter().map(|a| a.as_str().to_owned()).collect(),
            },
            status: s.status.as_str().to_owned(),
            time_zone: s.time_zone.name().to_owned(),
            venue: r.venue.map(|(v, region)| VenueOut {
                id: v.id,
                name: v.name,
                address: v.address,
                city: v.city,
                region: RegionRef {
                    id: region.id,
                    code: region.code,
                    name: region.name,
                },
            }),
            online_url: s.online_url,
            capacity: s.capacity,
            seats_taken: s.seats_taken,
            seats_left,
            registration_opens_at: s.registration_opens_at,
            registration_closes_at: s.registration_closes_at,
            starts_at: s.starts_at,
            ends_at: s.ends_at,
            hours: crate::kit::api::hours(s.minutes),
            present_share_percent: s.present_share_percent,
            record_past: s.record_past,
            by_invitation: s.by_invitation,
            commissioner: s.commissioner.clone(),
            trainers: r
                .trainers
                .into_iter()
                .map(|t| PersonRef { id: t.id, name: t.name })
                .collect(),
            meetings: r
                .meetings
                .into_iter()
                .map(|m| {
                    let start = m.starts_at.with_timezone(&zone);
                    let end = m.ends_at.with_timezone(&zone);
                    MeetingOut {
                        id: m.id,
                        starts_at: m.starts_at,
                        ends_at: m.ends_at,
                        local_date: start.date_naive(),
                        local_start: start.format("%H:%M").to_string(),
                        local_end: end.format("%H:%M").to_string(),
                        place: m.place,
                    }
                })
                .collect(),
            created_at: s.created_at,
            updated_at: s.updated_at,
        }
    }
}

// ----- who may see what ------------------------------------------------------

/// Organisers see every session; a trainer sees their own drafts too;
/// everyone else sees sessions that are not drafts.
/// The session as `ctx` reads it through the API: the online meeting's
/// link, and a hybrid meeting's, only for the organisers of its
/// organisation and its trainers. Everyone else learns it by e-mail once
/// seated, as the session's page says; session 23 found the public API
/// and its list handing every link to anyone, past the registration.
pub fn session_out(ctx: &Ctx, record: SessionRecord) -> SessionOut {
    let own = ctx
        .staff_org()
        .is_some_and(|org| org.uuid() == record.session.organisation_id);
    let holds_links = own && runs(ctx, &record);
    let mut out = SessionOut::from(record);
    if !holds_links {
        out.online_url = None;
        for meeting in &mut out.meetings {
            if meeting.place.as_deref().is_some_and(|p| p.starts_with("http")) {
                meeting.place = None;
            }
        }
    }
    out
}

fn may_see(ctx: &Ctx, record: &SessionRecord) -> bool {
    record.status().is_public() || runs(ctx, record)
}

/// Whether the staff member organises sessions, or trains this one.
fn runs(ctx: &Ctx, record: &SessionRecord) -> bool {
    match &ctx.user {
        Some(u) if u.has(Role::Organiser) => true,
        Some(u) => record.trainers.iter().any(|t| t.id == u.user.id),
        None => false,
    }
}

/// A session as a public page or the public API shows it: a session that
/// is not a draft, to anyone; a draft only to its organisation's organisers
/// and its trainers.
pub async fn visible(ctx: &Ctx, id: Uuid) -> AppResult<SessionRecord> {
    let record = sessions::get(&ctx.state.db, id).await?;
    // A suspended organisation's sessions say so (410), to anyone (issue 17).
    crate::catalogue::branding::serving_id(&ctx.state, record.session.organisation_id).await?;
    let own = ctx
        .staff_org()
        .is_some_and(|org| org.uuid() == record.session.organisation_id);
    // A draft that already seats people an organiser entered (issue 20: an
    // invited group gathered before it opens) shows its page to them by its
    // address, as their e-mails link it; still unlisted, and no form.
    let seats_people = record.status() == SessionStatus::Draft && record.session.seats_taken > 0;
    if record.status().is_public() || seats_people || (own && may_see(ctx, &record)) {
        Ok(record)
    } else {
        Err(AppError::NotFound)
    }
}

/// A session of the staff member's organisation that they may see (drafts:
/// organisers and its trainers); another organisation's is not found.
pub async fn staff_session(ctx: &Ctx, id: Uuid) -> AppResult<SessionRecord> {
    let record = sessions::get_in(&ctx.state.db, ctx.org()?, id).await?;
    if may_see(ctx, &record) {
        Ok(record)
    } else {
        Err(AppError::NotFound)
    }
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SessionQuery {
    /// Only sessions in this status (organisers; others always see only non-draft ones).
    pub status: Option<String>,
    pub course_id: Option<Uuid>,
    pub programme_id: Option<Uuid>,
    /// `in_person`, `online` or `blended`.
    pub modality: Option<String>,
    pub region_id: Option<Uuid>,
    pub audience: Option<String>,
    /// Sessions running on or after this day (`YYYY-MM-DD`).
    pub from: Option<NaiveDate>,
    /// Sessions starting on or before this day.
    pub to: Option<NaiveDate>,
    /// Words in the course's title, summary or objectives (at most 200 characters).
    pub q: Option<String>,
    pub page: Option<u64>,
    /// Items per page, 1 to 100; more is refused (422).
    pub per_page: Option<u64>,
}

impl SessionQuery {
    pub fn filter(&self, ctx: &Ctx) -> AppResult<SessionFilter> {
        let organiser = ctx.user.as_ref().is_some_and(|u| u.has(Role::Organiser));
        let bad = |field: &str, p: Problem| AppError::Invalid(FieldErrors::single(field, p));
        let parse_opt = |v: &Option<String>| v.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned);
        Ok(SessionFilter {
            // Staff read their organisation's sessions only (issue 17).
            organisation: ctx.staff_org(),
            public_only: !organiser,
            // A trainer sees their own sessions too, by invitation or draft.
            also_trained_by: match &ctx.user {
                Some(user) if !organiser && user.has(Role::Trainer) => Some(user.user.id),
                _ => None,
            },
            statuses: match parse_opt(&self.status) {
                Some(s) => vec![SessionStatus::parse(&s).map_err(|p| bad("status", p))?],
                None => Vec::new(),
            },
            course_id: self.course_id,
            programme_id: self.programme_id,
            modality: parse_opt(&self.modality)
                .map(|m| Modality::parse(&m))
                .transpose()
                .map_err(|p| bad("modality", p))?,
            region_id: self.region_id,
            audience: parse_opt(&self.audience)
                .map(|a| Audience::parse(&a))
                .transpose()
                .map_err(|p| bad("audience", p))?,
            from: self.from.and_then(|d| d.and_hms_opt(0, 0, 0)).map(|d| d.and_utc()),
            until: self
                .to
                .and_then(|d| d.succ_opt())
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .map(|d| d.and_utc()),
            text: self
                .q
                .as_deref()
                .map(crate::kit::input::search_words)
                .transpose()
                .map_err(|p| bad("q", p))?
                .flatten(),
            trainer_id: None,
            upcoming_first: None,
        })
    }

    fn page(&self) -> AppResult<aula_storage::Page> {
        crate::kit::api::page(self.page, self.per_page, 20)
    }
}

// ----- changes and the messages they cause -----------------------------------------

/// Saves a session's new details, with the e-mails that follows (`aula_app`).
async fn apply_update(
    state: &AppState,
    actor: &aula_storage::Actor,
    id: Uuid,
    details: &SessionDetails,
) -> AppResult<SessionRecord> {
    let org = actor.organisation.ok_or(AppError::NotFound)?;
    Ok(aula_app::sessions::update(&state.app(), actor, org, id, details).await?)
}

/// Saves a session's new details and moves it to `to`, in one transaction,
/// with the e-mails that follow (`aula_app`).
async fn apply_change(
    state: &AppState,
    actor: &aula_storage::Actor,
    id: Uuid,
    details: Option<&SessionDetails>,
    to: Option<SessionStatus>,
) -> AppResult<SessionRecord> {
    let org = actor.organisation.ok_or(AppError::NotFound)?;
    Ok(aula_app::sessions::change(&state.app(), actor, org, id, details, to).await?)
}

/// Moves a session to `to`, with the e-mails that follow (`aula_app`).
async fn apply_status(
    state: &AppState,
    actor: &aula_storage::Actor,
    id: Uuid,
    to: SessionStatus,
) -> AppResult<SessionRecord> {
    let org = actor.organisation.ok_or(AppError::NotFound)?;
    Ok(aula_app::sessions::set_status(&state.app(), actor, org, id, to).await?)
}
