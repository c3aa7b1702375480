//! The organisers' session pages: the list, "my sessions", the form with its
//! meeting rows, and the status buttons.

use askama::Template;
use aula_domain::details::SessionDetails;
use aula_domain::meeting::parse_local_datetime;
use aula_domain::{FieldErrors, MeetingTimes, Modality, Role, SessionStatus, SessionTimeZone};
use aula_storage::courses;
use aula_storage::sessions::{self, SessionFilter, SessionRecord};
use aula_storage::users;
use axum::response::Response;
use chrono::{DateTime, Utc};
use serde::Deserialize;
use uuid::Uuid;

use super::{Parsed, STAFF, apply_status, apply_update, course_modality, parse_venue, parsed, status_of, zone_groups};
use crate::kit::context::Organiser;
use crate::kit::extract::{ApiPath, ApiQuery, CsrfForm};
use crate::kit::input::{self, parse_optional_id};
use crate::kit::pages::{Chrome, FormErrors, Pager, redirect_with, render, saved_or_form_again};
use crate::{AppError, AppResult, Ctx};

// ----- pages -------------------------------------------------------------------

/// A session as the HTML form has it: local dates and times in the session's
/// zone, one row per meeting.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct SessionForm {
    #[serde(default)]
    pub course_id: String,
    #[serde(default)]
    pub time_zone: String,
    #[serde(default)]
    pub venue_name: String,
    #[serde(default)]
    pub venue_address: String,
    #[serde(default)]
    pub venue_city: String,
    #[serde(default)]
    pub venue_region_id: String,
    #[serde(default)]
    pub online_url: String,
    #[serde(default)]
    pub capacity: String,
    #[serde(default)]
    pub registration_opens_at: String,
    #[serde(default)]
    pub registration_closes_at: String,
    #[serde(default, deserialize_with = "input::loose_list")]
    pub trainer_ids: Vec<String>,
    #[serde(default, deserialize_with = "input::loose_list")]
    pub meeting_date: Vec<String>,
    #[serde(default, deserialize_with = "input::loose_list")]
    pub meeting_start: Vec<String>,
    #[serde(default, deserialize_with = "input::loose_list")]
    pub meeting_end: Vec<String>,
    /// Each time's offset from UTC in minutes, as the form was shown: which
    /// of the two occurrences of a repeated hour it is.
    #[serde(default, deserialize_with = "input::loose_list")]
    pub meeting_start_offset: Vec<String>,
    #[serde(default, deserialize_with = "input::loose_list")]
    pub meeting_end_offset: Vec<String>,
    /// Each meeting's own place or link, when not the session's (issue 20).
    #[serde(default, deserialize_with = "input::loose_list")]
    pub meeting_place: Vec<String>,
    #[serde(default)]
    pub reminder_lead_hours: String,
    /// A checkbox: absent when unticked.
    #[serde(default, deserialize_with = "input::loose_bool")]
    pub confirm_organiser_entries: bool,
    #[serde(default, deserialize_with = "input::loose_bool")]
    pub issue_on_completion: bool,
    #[serde(default)]
    pub present_share_percent: String,
    #[serde(default, deserialize_with = "input::loose_bool")]
    pub record_past: bool,
    /// A checkbox (issue 20): an invited group's session.
    #[serde(default, deserialize_with = "input::loose_bool")]
    pub by_invitation: bool,
    /// The body that commissioned it (issue 20), or empty.
    #[serde(default)]
    pub commissioner: String,
    /// The answer to the warning about meetings in the past: `record` (a
    /// past session, no e-mails) or `live` (e-mails as usual).
    #[serde(default)]
    pub past: String,
}

/// One row of the meetings table.
pub struct MeetingRow {
    /// The row's name in form problems: `meetings.<index>`.
    pub field: String,
    pub date: String,
    pub start: String,
    pub end: String,
    /// The times' offsets from UTC (minutes), as shown; empty for a new row.
    pub start_offset: String,
    pub end_offset: String,
    /// Its own place or link, if not the session's.
    pub place: String,
}

impl SessionForm {
    fn rows(&self) -> Vec<MeetingRow> {
        let get = |list: &Vec<String>, i: usize| list.get(i).cloned().unwrap_or_default();
        let count = self
            .meeting_date
            .len()
            .max(self.meeting_start.len())
            .max(self.meeting_end.len());
        (0..count)
            .map(|i| MeetingRow {
                field: String::new(),
                date: get(&self.meeting_date, i),
                start: get(&self.meeting_start, i),
                end: get(&self.meeting_end, i),
                start_offset: get(&self.meeting_start_offset, i),
                end_offset: get(&self.meeting_end_offset, i),
                place: get(&self.meeting_place, i),
            })
            .filter(|r| {
                !(r.date.trim().is_empty()
                    && r.start.trim().is_empty()
                    && r.end.trim().is_empty()
                    && r.place.trim().is_empty())
            })
            // One row past the limit is enough to be refused for it; a post
            // of 40,000 rows (an attack, session 21) is not read further.
            .take(aula_domain::details::MAX_MEETINGS + 1)
            .enumerate()
            .map(|(index, row)| MeetingRow {
                field: format!("meetings.{index}"),
                ..row
            })
            .collect()
    }

    fn details(&self, modality: Option<Modality>, mut errors: FieldErrors) -> Result<SessionDetails, FieldErrors> {
        let venue = parse_venue(
            &mut errors,
            &self.venue_name,
            &self.venue_address,
            &self.venue_city,
            &self.venue_region_id,
        );
        let time_zone = errors.take("time_zone", SessionTimeZone::parse(&self.time_zone));
        let zone = time_zone.unwrap_or_default();
        let local = |v: &str| {
            if v.trim().is_empty() {
                Ok(None)
            } else {
                parse_local_datetime(zone, v).map(Some)
            }
        };
        let opens = errors.take("registration_opens_at", local(&self.registration_opens_at));
        let closes = errors.take("registration_closes_at", local(&self.registration_closes_at));
        let mut meetings = Some(Vec::new());
        for (index, row) in self.rows().iter().enumerate() {
            let place = errors.take(
                &format!("meetings.{index}.place"),
                aula_domain::details::MeetingPlace::parse_optional(&row.place),
            );
            match (
                errors.take(
                    &format!("meetings.{index}"),
                    MeetingTimes::parse_local_at(
                        zone,
                        &row.date,
                        (&row.start, &row.start_offset),
                        (&row.end, &row.end_offset),
                    ),
                ),
                place,
            ) {
                (Some(m), Some(place)) => {
                    if let Some(list) = meetings.as_mut() {
                        list.push((m, place));
                    }
                }
                _ => meetings = None,
            }
        }
        let parsed = parsed!(
            errors,
            self,
            time_zone,
            venue,
            self.record_past || self.past == "record"
        );
        parsed.finish(errors, opens, closes, meetings, modality)
    }
}

impl From<&SessionRecord> for SessionForm {
    fn from(r: &SessionRecord) -> Self {
        let s = &r.session;
        let zone = s.time_zone.tz();
        let local = |t: DateTime<Utc>| t.with_timezone(&zone);
        let (mut dates, mut starts, mut ends, mut places) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let (mut start_offsets, mut end_offsets) = (Vec::new(), Vec::new());
        for m in &r.meetings {
            dates.push(local(m.starts_at).format("%Y-%m-%d").to_string());
            starts.push(local(m.starts_at).format("%H:%M").to_string());
            ends.push(local(m.ends_at).format("%H:%M").to_string());
            start_offsets.push(s.time_zone.offset_minutes(m.starts_at).to_string());
            end_offsets.push(s.time_zone.offset_minutes(m.ends_at).to_string());
            places.push(m.place.clone().unwrap_or_default());
        }
        SessionForm {
            course_id: s.course_id.to_string(),
            time_zone: s.time_zone.name().to_owned(),
            venue_name: r.venue.as_ref().map(|(v, _)| v.name.clone()).unwrap_or_default(),
            venue_address: r
                .venue
                .as_ref()
                .and_then(|(v, _)| v.address.clone())
                .unwrap_or_default(),
            venue_city: r.venue.as_ref().map(|(v, _)| v.city.clone()).unwrap_or_default(),
            venue_region_id: r
                .venue
                .as_ref()
                .map(|(_, region)| region.id.to_string())
                .unwrap_or_default(),
            online_url: s.online_url.clone().unwrap_or_default(),
            capacity: s.capacity.to_string(),
            registration_opens_at: s
                .registration_opens_at
                .map(|t| local(t).format("%Y-%m-%dT%H:%M").to_string())
                .unwrap_or_default(),
            registration_closes_at: s
                .registration_closes_at
                .map(|t| local(t).format("%Y-%m-%dT%H:%M").to_string())
                .unwrap_or_default(),
            trainer_ids: r.trainers.iter().map(|t| t.id.to_string()).collect(),
            meeting_date: dates,
            meeting_start: starts,
            meeting_end: ends,
            meeting_start_offset: start_offsets,
            meeting_end_offset: end_offsets,
            meeting_place: places,
            reminder_lead_hours: (s.reminder_lead_minutes / 60).to_string(),
            confirm_organiser_entries: s.confirm_organiser_entries,
            issue_on_completion: s.issue_on_completion,
            present_share_percent: s.present_share_percent.to_string(),
            record_past: s.record_past,
            by_invitation: s.by_invitation,
            commissioner: s.commissioner.clone().unwrap_or_default(),
            past: String::new(),
        }
    }
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct StaffListQuery {
    #[serde(default)]
    status: String,
    #[serde(default)]
    course_id: String,
    /// Sessions still running on or after this day (YYYY-MM-DD).
    #[serde(default)]
    from: String,
    /// Sessions starting on or before this day.
    #[serde(default)]
    to: String,
    page: Option<u64>,
}

impl StaffListQuery {
    /// The filter the query asks for, in the staff's order at `now`; a
    /// value that does not parse is named beside its field and left out.
    fn filter(&self, zone: SessionTimeZone, now: DateTime<Utc>) -> (SessionFilter, FieldErrors) {
        let mut errors = FieldErrors::new();
        let day = |v: &str| {
            let v = v.trim();
            if v.is_empty() {
                return Ok(None);
            }
            chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d")
                .map(Some)
                .map_err(|_| aula_domain::Problem::new("error-date"))
        };
        let status = self.status.trim();
        let statuses = if status.is_empty() {
            Vec::new()
        } else {
            errors
                .take("status", SessionStatus::parse(status))
                .into_iter()
                .collect()
        };
        let course_id = errors.take("course_id", parse_optional_id(&self.course_id)).flatten();
        let from = errors.take("from", day(&self.from)).flatten();
        let mut to = errors.take("to", day(&self.to)).flatten();
        if let (Some(from), Some(until)) = (from, to)
            && until < from
        {
            errors.add("to", aula_domain::Problem::new("error-date-range"));
            to = None;
        }
        let midnight = |d: chrono::NaiveDate| parse_local_datetime(zone, &format!("{d}T00:00")).ok();
        let filter = SessionFilter {
            statuses,
            course_id,
            from: from.and_then(midnight),
            until: to.and_then(|d| d.succ_opt()).and_then(midnight),
            upcoming_first: Some(now),
            ..SessionFilter::default()
        };
        (filter, errors)
    }
}

#[derive(Template)]
#[template(path = "pages/sessions.html")]
struct ListPage {
    c: Chrome,
    title_key: &'static str,
    sessions: Vec<SessionRecord>,
    pager: Pager,
    statuses: Vec<(String, String)>,
    query: StaffListQuery,
    errors: FormErrors,
    show_filters: bool,
    now: DateTime<Utc>,
}

impl ListPage {
    /// Whether `record` is over at the page's instant.
    fn is_past(&self, record: &SessionRecord) -> bool {
        record.session.ends_at.is_some_and(|end| end < self.now)
    }

    /// Whether `index` is the first session over on this page, where the
    /// past begins.
    fn past_starts_at(&self, index: &usize) -> bool {
        let index = *index;
        self.sessions.get(index).is_some_and(|r| self.is_past(r))
            && (index == 0 || self.sessions.get(index - 1).is_some_and(|r| !self.is_past(r)))
    }
}

/// The organisers' sessions: those to come first (soonest first), then
/// those over (latest first); filters by status and dates, in the query
/// string; a value that does not parse is named beside its field.
pub(crate) async fn list_page(ctx: Ctx, ApiQuery(query): ApiQuery<StaffListQuery>) -> AppResult<Response> {
    ctx.require(STAFF)?;
    let c = Chrome::new(&ctx);
    let now = Utc::now();
    let (mut filter, errors) = query.filter(c.staff_zone, now);
    filter.organisation = Some(ctx.org()?);
    let page = aula_storage::Page::new(query.page, None, 25);
    let paged = sessions::list(&ctx.state.db, &filter, page).await?;
    let params = [
        ("status", query.status.clone()),
        ("course_id", query.course_id.clone()),
        ("from", query.from.clone()),
        ("to", query.to.clone()),
    ];
    let pager = Pager::new("/staff/sessions", &params, paged.page.page, paged.pages(), paged.total);
    let statuses = c.words("status", SessionStatus::ALL);
    let errors = FormErrors::new(ctx.tr(), &errors);
    render(&ListPage {
        c,
        title_key: "sessions-title",
        sessions: paged.items,
        pager,
        statuses,
        query,
        errors,
        show_filters: true,
        now,
    })
}

pub(crate) async fn my_sessions_page(ctx: Ctx, ApiQuery(query): ApiQuery<StaffListQuery>) -> AppResult<Response> {
    let user = ctx.require(&[Role::Trainer])?;
    let now = Utc::now();
    let filter = SessionFilter {
        organisation: Some(ctx.org()?),
        trainer_id: Some(user.user.id),
        upcoming_first: Some(now),
        ..SessionFilter::default()
    };
    let paged = sessions::list(&ctx.state.db, &filter, aula_storage::Page::new(query.page, None, 25)).await?;
    let pager = Pager::new("/staff/my-sessions", &[], paged.page.page, paged.pages(), paged.total);
    render(&ListPage {
        c: Chrome::new(&ctx),
        title_key: "my-sessions-title",
        sessions: paged.items,
        pager,
        statuses: Vec::new(),
        query: StaffListQuery::default(),
        errors: FormErrors::none(),
        show_filters: false,
        now,
    })
}

#[derive(Template)]
#[template(path = "pages/session_form.html")]
struct FormPage {
    c: Chrome,
    record: Option<SessionRecord>,
    form: SessionForm,
    rows: Vec<MeetingRow>,
    errors: FormErrors,
    courses: Vec<(String, String)>,
    regions: Vec<(String, String)>,
    /// Every IANA zone, grouped: (the group's label, its zones).
    zones: Vec<(String, Vec<String>)>,
    trainers: Vec<(String, String, bool)>,
    /// The commissioning bodies named already (issue 20), offered as typed.
    commissioners: Vec<String>,
    next_statuses: Vec<(String, String)>,
    /// A new session whose first meeting is already over, not yet answered:
    /// the step that asks whether it is recorded after the fact (issue 24).
    past_warning: bool,
}

impl FormPage {
    async fn new(ctx: &Ctx, record: Option<SessionRecord>, form: SessionForm, errors: FormErrors) -> AppResult<Self> {
        let c = Chrome::new(ctx);
        // Archived courses take no new session (issue 20); a session keeps its own.
        let keeping = aula_storage::Archived::Keeping(record.as_ref().map(|r| r.session.course_id));
        let courses = courses::choices(&ctx.state.db, ctx.org()?, keeping)
            .await?
            .into_iter()
            .map(|c| (c.id.to_string(), c.title))
            .collect();
        let regions = aula_storage::regions::list(&ctx.state.db)
            .await?
            .into_iter()
            .map(|r| (r.id.to_string(), r.name))
            .collect();
        // Only the organisation's own trainers: another's may not be chosen,
        // and their names are not this organisation's to see.
        let trainers = users::members_with(&ctx.state.db, ctx.org()?, Role::Trainer)
            .await?
            .into_iter()
            .map(|u| {
                let id = u.id.to_string();
                let chosen = form.trainer_ids.contains(&id);
                (id, u.name, chosen)
            })
            .collect();
        let zones = zone_groups(&c, &form.time_zone);
        let mut rows = form.rows();
        // Blank rows to add meetings without JavaScript; more appear after saving.
        let filled = rows.len();
        rows.extend((filled..filled + 3).map(|index| MeetingRow {
            field: format!("meetings.{index}"),
            date: String::new(),
            start: String::new(),
            end: String::new(),
            start_offset: String::new(),
            end_offset: String::new(),
            place: String::new(),
        }));
        let next_statuses = record
            .as_ref()
            .map(|r| {
                r.status()
                    .next()
                    .iter()
                    // A session is completed once it is over (issue 20).
                    .filter(|s| **s != SessionStatus::Completed || r.is_over(Utc::now()))
                    .map(|s| (s.as_str().to_owned(), c.word("status-action", s.as_str())))
                    .collect()
            })
            .unwrap_or_default();
        let commissioners = aula_storage::programmes::commissioners(&ctx.state.db, &[ctx.org()?]).await?;
        Ok(FormPage {
            c,
            record,
            form,
            rows,
            errors,
            courses,
            regions,
            zones,
            trainers,
            commissioners,
            next_statuses,
            past_warning: false,
        })
    }
}

impl FormPage {
    /// The session's planned hours and the course's nominal hours, when its
    /// meetings are planned and they differ (issue 24: a 9-hour course with
    /// a 3-hour session, whose certificates then read as partial).
    fn hours_differ(&self) -> Option<(i32, i32)> {
        let record = self.record.as_ref()?;
        let planned = record.session.minutes;
        let nominal = record.course.course.minutes;
        (!record.meetings.is_empty() && planned != nominal).then_some((planned, nominal))
    }
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct NewQuery {
    #[serde(default)]
    course_id: String,
}

pub(crate) async fn new_page(ctx: Ctx, ApiQuery(query): ApiQuery<NewQuery>) -> AppResult<Response> {
    ctx.require(STAFF)?;
    let form = SessionForm {
        course_id: query.course_id,
        time_zone: super::organisation_zone(&ctx).await?,
        capacity: "25".into(),
        reminder_lead_hours: aula_domain::details::DEFAULT_REMINDER_LEAD_HOURS.to_string(),
        present_share_percent: aula_domain::attendance::DEFAULT_PRESENT_SHARE_PERCENT.to_string(),
        confirm_organiser_entries: true,
        ..SessionForm::default()
    };
    render(&FormPage::new(&ctx, None, form, FormErrors::none()).await?)
}

pub(crate) async fn edit_page(ctx: Ctx, ApiPath(id): ApiPath<Uuid>) -> AppResult<Response> {
    ctx.require(STAFF)?;
    let record = crate::sessions::staff_session(&ctx, id).await?;
    let form = SessionForm::from(&record);
    render(&FormPage::new(&ctx, Some(record), form, FormErrors::none()).await?)
}

async fn save(ctx: &Ctx, id: Option<Uuid>, form: SessionForm) -> AppResult<Response> {
    ctx.require(STAFF)?;
    let actor = ctx.actor()?;
    let mut errors = FieldErrors::new();
    let modality = course_modality(ctx, &form.course_id, &mut errors).await?;
    let outcome = match form.details(modality, errors) {
        // A new session held in the past: its people would be told their
        // place is confirmed for a training long over. Ask first.
        Ok(details) if id.is_none() && needs_past_answer(&details, &form) => {
            let mut page = FormPage::new(ctx, None, form, FormErrors::none()).await?;
            page.past_warning = true;
            return render(&page);
        }
        Ok(details) => match id {
            Some(id) => apply_update(&ctx.state, &actor, id, &details).await,
            None => aula_app::sessions::create(&ctx.state.app(), &actor, ctx.org()?, &details, SessionStatus::Draft)
                .await
                .map_err(AppError::from),
        },
        Err(errors) => Err(AppError::Invalid(errors)),
    };
    saved_or_form_again(
        ctx,
        outcome,
        |record| redirect_with(ctx, &format!("/staff/sessions/{}", record.session.id), "flash-saved"),
        async move |errors| {
            let record = match id {
                Some(id) => Some(sessions::get_in(&ctx.state.db, ctx.org()?, id).await?),
                None => None,
            };
            FormPage::new(ctx, record, form, errors).await
        },
    )
    .await
}

/// Whether a new session starts before now while the form has not said
/// whether it is recorded after the fact (`record_past`) or live (`past=live`).
fn needs_past_answer(details: &SessionDetails, form: &SessionForm) -> bool {
    let starts_in_the_past = details.meetings.first().is_some_and(|m| m.starts_at < Utc::now());
    starts_in_the_past && !details.record_past && form.past != "live"
}

pub(crate) async fn create_page(
    Organiser(ctx): Organiser,
    CsrfForm(form): CsrfForm<SessionForm>,
) -> AppResult<Response> {
    save(&ctx, None, form).await
}

pub(crate) async fn update_page(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(form): CsrfForm<SessionForm>,
) -> AppResult<Response> {
    save(&ctx, Some(id), form).await
}

#[derive(Debug, Deserialize)]
pub(crate) struct StatusForm {
    status: String,
    /// Present once the organiser has seen who a cancellation e-mails.
    #[serde(default)]
    confirmed: Option<String>,
}

#[derive(Template)]
#[template(path = "pages/session_cancel.html")]
struct CancelPage {
    c: Chrome,
    record: SessionRecord,
    /// The people the cancellation e-mails.
    recipients: usize,
}

pub(crate) async fn status_page(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(form): CsrfForm<StatusForm>,
) -> AppResult<Response> {
    let status = status_of(&form.status)?;
    // Cancelling e-mails everyone registered and cannot be undone: one
    // press of a button shows who would be told, a second one cancels
    // (issue 24). The page is a step, so it works without script.
    if status == SessionStatus::Cancelled && form.confirmed.is_none() {
        let (record, recipients) =
            aula_app::sessions::cancellation_recipients(&ctx.state.app(), ctx.org()?, id).await?;
        if record.status().transition(status).is_ok() {
            return render(&CancelPage {
                c: Chrome::new(&ctx),
                record,
                recipients,
            });
        }
    }
    apply_status(&ctx.state, &ctx.actor()?, id, status).await?;
    Ok(redirect_with(
        &ctx,
        &format!("/staff/sessions/{id}"),
        "flash-status-changed",
    ))
}
