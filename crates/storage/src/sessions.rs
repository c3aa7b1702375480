//! Sessions: editions of a course, with their meetings, venue and trainers.

use std::collections::HashMap;

use aula_domain::details::{SessionDetails, VenueDetails};
use aula_domain::{Audience, Modality, OrganisationId, Percent, Problem, Role, SessionStatus, fold_for_search};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use serde_json::json;
use uuid::Uuid;

use crate::courses::{self, CourseRecord, not_found_as};
use crate::entities::{
    attendance, course, course_audience, meeting, organisation_member, programme, region, registration, session,
    session_trainer, user, venue,
};
use crate::{Actor, Page, Paged, Result, StorageError, audit, by_id, found, new_id, now};

/// A session with everything its page shows.
#[derive(Clone, Debug)]
pub struct SessionRecord {
    pub session: session::Model,
    pub course: CourseRecord,
    pub venue: Option<(venue::Model, region::Model)>,
    pub meetings: Vec<meeting::Model>,
    pub trainers: Vec<user::Model>,
}

impl SessionRecord {
    /// Whether its certificates ask for the satisfaction survey answered:
    /// where the course asks for it, unless the session was recorded after
    /// the fact, which e-mails nobody and so sends no survey (session 29's
    /// attack round: its participants could never qualify).
    pub fn survey_required(&self) -> bool {
        self.course.course.survey_required && !self.session.record_past
    }

    /// Whether a meeting is somewhere other than the session's venue or
    /// link (a hybrid session, issue 20): pages then show each meeting's place.
    pub fn has_meeting_places(&self) -> bool {
        self.meetings.iter().any(|m| m.place.is_some())
    }

    pub fn status(&self) -> SessionStatus {
        self.session.status
    }

    /// Completed and cancelled sessions are no longer edited.
    pub fn is_final(&self) -> bool {
        self.status().is_final()
    }

    /// The share of an online meeting that counts as present. The column
    /// only ever holds a `Percent`; a value outside 1..=100 written by hand is
    /// brought back into range, as the course's minimum attendance is.
    pub fn present_share(&self) -> Percent {
        Percent::new(i64::from(self.session.present_share_percent.clamp(1, 100)))
            .unwrap_or(Percent::DEFAULT_PRESENT_SHARE)
    }

    pub fn seats_left(&self) -> i32 {
        Ord::max(self.session.capacity - self.session.seats_taken, 0)
    }

    /// Whether the session takes registrations at `now`, and if not why: what
    /// the form, the use case and every badge go by (issue 24).
    pub fn registering(&self, now: chrono::DateTime<chrono::Utc>) -> aula_domain::Registering {
        // Held once its last meeting is over, until it is completed (issue 20).
        if matches!(self.status(), SessionStatus::Open | SessionStatus::Closed) && self.is_over(now) {
            return aula_domain::Registering::Held;
        }
        // An archived course's sessions take no one, from any door (issue 20).
        if self.course.course.archived_at.is_some() && self.status() == SessionStatus::Open {
            return aula_domain::Registering::Not(SessionStatus::Closed);
        }
        aula_domain::Registering::at(
            self.status(),
            self.session.registration_opens_at,
            self.session.registration_closes_at,
            self.meetings.first().map(|m| m.starts_at),
            self.seats_left(),
            now,
        )
    }

    /// Whether the session is behind us at `now`: completed, or its last
    /// meeting ended. Pages speak of what happened rather than of what is
    /// planned (issue 24).
    pub fn is_over(&self, now: chrono::DateTime<chrono::Utc>) -> bool {
        self.status() == SessionStatus::Completed || self.meetings.last().is_some_and(|m| m.ends_at <= now)
    }

    /// Whether the session was held and waits to be completed: closed, and
    /// its last meeting is over (an open one says so by its registering
    /// badge). It completes by itself once its attendance is closed.
    pub fn held_closed(&self) -> bool {
        self.status() == SessionStatus::Closed && self.is_over(now())
    }

    /// Whether a calendar file still helps at `now`: meetings ahead of a
    /// session that is neither over nor cancelled (issue 24: a past or
    /// cancelled session offered an `.ics`).
    pub fn offers_calendar(&self, now: chrono::DateTime<chrono::Utc>) -> bool {
        !self.meetings.is_empty() && self.status() != SessionStatus::Cancelled && !self.is_over(now)
    }

    /// [`offers_calendar`](Self::offers_calendar) now, for the pages.
    pub fn offers_calendar_now(&self) -> bool {
        self.offers_calendar(chrono::Utc::now())
    }

    /// Whether its registrations may be cancelled at `now`
    /// ([`aula_domain::registrant::cancellable`]).
    pub fn cancellable(&self, now: chrono::DateTime<chrono::Utc>) -> Result<(), aula_domain::Problem> {
        aula_domain::registrant::cancellable(self.status(), self.meetings.first().map(|m| m.starts_at), now)
    }

    /// Whether a registration requested at `requested` and waiting for its
    /// confirmation may be confirmed at `now`
    /// ([`aula_domain::registrant::confirmable`]).
    pub fn confirmable(
        &self,
        requested: chrono::DateTime<chrono::Utc>,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<(), aula_domain::Problem> {
        let first = self.meetings.first().map(|m| m.starts_at);
        aula_domain::registrant::confirmable(self.status(), first, requested, now)
    }

    /// [`registering`](Self::registering) now, for the pages.
    pub fn registering_now(&self) -> aula_domain::Registering {
        self.registering(chrono::Utc::now())
    }

    /// Whether `row`, the session as a transaction reads it now, is still
    /// what this record was read from, but for the seat counters, which
    /// move with every confirmation and which neither the rules nor the
    /// e-mails read from the record.
    pub fn is_current(&self, row: &session::Model) -> bool {
        let mut row = row.clone();
        row.seats_taken = self.session.seats_taken;
        row.waitlist_counter = self.session.waitlist_counter;
        row == self.session
    }
}

/// What the catalogue and the staff lists filter sessions by.
#[derive(Clone, Debug, Default)]
pub struct SessionFilter {
    /// Only this organisation's sessions; staff lists always set it.
    pub organisation: Option<OrganisationId>,
    /// Only sessions the public may see (not drafts).
    pub public_only: bool,
    /// With `public_only`, this trainer's own sessions too (issue 20: a
    /// trainer's by-invitation session is not the public's, but theirs).
    pub also_trained_by: Option<Uuid>,
    pub statuses: Vec<SessionStatus>,
    pub course_id: Option<Uuid>,
    pub programme_id: Option<Uuid>,
    pub modality: Option<Modality>,
    pub region_id: Option<Uuid>,
    pub audience: Option<Audience>,
    /// Sessions still running on or after this instant.
    pub from: Option<DateTime<Utc>>,
    /// Sessions starting before this instant.
    pub until: Option<DateTime<Utc>>,
    /// Words to find in the course's title, summary or objectives.
    pub text: Option<String>,
    /// Only sessions this trainer is assigned to.
    pub trainer_id: Option<Uuid>,
    /// The staff's order at this instant: sessions not yet over first,
    /// soonest first, then those over, the latest first; sessions without
    /// meetings at the end. Without it, by start, soonest first.
    pub upcoming_first: Option<DateTime<Utc>>,
}

/// Sessions by start, soonest first; sessions without meetings last (or
/// the staff's order, [`SessionFilter::upcoming_first`]).
pub async fn list(conn: &impl ConnectionTrait, filter: &SessionFilter, page: Page) -> Result<Paged<SessionRecord>> {
    let mut condition = Condition::all();
    if let Some(org) = filter.organisation {
        condition = condition.add(session::Column::OrganisationId.eq(org.uuid()));
    }
    if filter.public_only {
        let mut public = Condition::all();
        public = public.add(session::Column::Status.ne(SessionStatus::Draft));
        // An invited group's session is not listed (issue 20).
        public = public.add(session::Column::ByInvitation.eq(false));
        // A suspended organisation's sessions are not public (issue 17).
        public = public.add(session::Column::OrganisationId.not_in_subquery(crate::organisations::suspended_ids()));
        condition = condition.add(match filter.also_trained_by {
            Some(trainer) => Condition::any().add(public).add(
                session::Column::Id.in_subquery(
                    Query::select()
                        .column(session_trainer::Column::SessionId)
                        .from(session_trainer::Entity)
                        .and_where(session_trainer::Column::UserId.eq(trainer))
                        .to_owned(),
                ),
            ),
            None => public,
        });
    }
    if !filter.statuses.is_empty() {
        condition = condition.add(session::Column::Status.is_in(filter.statuses.iter().copied()));
    }
    if let Some(id) = filter.course_id {
        condition = condition.add(session::Column::CourseId.eq(id));
    }
    // Conditions on the course become one sub-query on courses.
    let mut course_query = Query::select()
        .column(course::Column::Id)
        .from(course::Entity)
        .to_owned();
    let mut on_course = false;
    if filter.public_only {
        // An archived course's sessions are not in the catalogue (issue 20).
        course_query.and_where(course::Column::ArchivedAt.is_null());
        on_course = true;
    }
    if let Some(id) = filter.programme_id {
        course_query.and_where(course::Column::ProgrammeId.eq(id));
        on_course = true;
    }
    if let Some(modality) = filter.modality {
        course_query.and_where(course::Column::Modality.eq(modality));
        on_course = true;
    }
    if let Some(text) = filter.text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        for word in fold_for_search(text).split_whitespace().take(8) {
            let escaped = word.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
            course_query.and_where(
                Expr::col(course::Column::SearchText)
                    .like(sea_orm::sea_query::LikeExpr::new(format!("%{escaped}%")).escape('\\')),
            );
        }
        on_course = true;
    }
    if on_course {
        condition = condition.add(session::Column::CourseId.in_subquery(course_query));
    }
    if let Some(audience) = &filter.audience {
        condition = condition.add(
            session::Column::CourseId.in_subquery(
                Query::select()
                    .column(course_audience::Column::CourseId)
                    .from(course_audience::Entity)
                    .and_where(course_audience::Column::Audience.eq(audience.clone()))
                    .to_owned(),
            ),
        );
    }
    if let Some(region_id) = filter.region_id {
        condition = condition.add(
            session::Column::VenueId.in_subquery(
                Query::select()
                    .column(venue::Column::Id)
                    .from(venue::Entity)
                    .and_where(venue::Column::RegionId.eq(region_id))
                    .to_owned(),
            ),
        );
    }
    if let Some(trainer_id) = filter.trainer_id {
        condition = condition.add(
            session::Column::Id.in_subquery(
                Query::select()
                    .column(session_trainer::Column::SessionId)
                    .from(session_trainer::Entity)
                    .and_where(session_trainer::Column::UserId.eq(trainer_id))
                    .to_owned(),
            ),
        );
    }
    if let Some(from) = filter.from {
        condition = condition.add(session::Column::EndsAt.gte(from));
    }
    if let Some(until) = filter.until {
        condition = condition.add(session::Column::StartsAt.lt(until));
    }
    let mut query = session::Entity::find().filter(condition);
    if let Some(now) = filter.upcoming_first {
        let not_over = Expr::col(session::Column::EndsAt).gte(now);
        // 0: not over yet; 1: over; 2: no meetings.
        let group = Expr::case(not_over.clone(), 0)
            .case(Expr::col(session::Column::EndsAt).is_not_null(), 1)
            .finally(2);
        // The start for those not over (ascending); nothing for the others,
        // which the next key orders by start, descending.
        let soonest = Expr::case(not_over, Expr::col(session::Column::StartsAt)).finally(Expr::cust("NULL"));
        query = query
            .order_by(Into::<Expr>::into(group), sea_orm::Order::Asc)
            .order_by(Into::<Expr>::into(soonest), sea_orm::Order::Asc)
            .order_by_desc(session::Column::StartsAt);
    } else {
        query = query.order_by_asc(session::Column::StartsAt);
    }
    let query = query.order_by_asc(session::Column::Id);
    let total = query.clone().count(conn).await?;
    let rows = query.offset(page.offset()).limit(page.per_page).all(conn).await?;
    let items = complete(conn, rows).await?;
    Ok(Paged { items, page, total })
}

/// How many sessions of the courses `courses` selects people may still
/// register for or are still to attend: open or closed, and not over (their
/// last meeting ends after `now`, or they have none yet). Archiving a
/// course or a programme with such a session is refused (issue 20): hiding
/// it would strand the people registered.
pub async fn still_to_come(
    conn: &impl ConnectionTrait,
    courses: sea_orm::sea_query::SelectStatement,
    now: DateTime<Utc>,
) -> Result<u64> {
    Ok(session::Entity::find()
        .filter(session::Column::CourseId.in_subquery(courses))
        .filter(session::Column::Status.is_in([SessionStatus::Open, SessionStatus::Closed]))
        .filter(
            Condition::any()
                .add(session::Column::EndsAt.is_null())
                .add(session::Column::EndsAt.gt(now)),
        )
        .count(conn)
        .await?)
}

/// A session, whichever organisation's: for public pages and for what a
/// trainee's own link or a job reaches.
pub async fn get(conn: &impl ConnectionTrait, id: Uuid) -> Result<SessionRecord> {
    let row = found(conn, session::Entity::find_by_id(id)).await?;
    complete(conn, vec![row]).await?.pop().ok_or(StorageError::NotFound)
}

/// One of `org`'s sessions; another organisation's is not found. Every
/// staff door reaching a session, or what hangs from it, starts here.
pub async fn get_in(conn: &impl ConnectionTrait, org: OrganisationId, id: Uuid) -> Result<SessionRecord> {
    let row = row_in(conn, org, id).await?;
    complete(conn, vec![row]).await?.pop().ok_or(StorageError::NotFound)
}

/// Whether session `id` is one of `org`'s: one indexed read.
pub async fn belongs(conn: &impl ConnectionTrait, org: OrganisationId, id: Uuid) -> Result<()> {
    row_in(conn, org, id).await.map(|_| ())
}

/// The row of `org`'s session `id`; another organisation's is not found.
pub async fn row_in(conn: &impl ConnectionTrait, org: OrganisationId, id: Uuid) -> Result<session::Model> {
    found(
        conn,
        session::Entity::find_by_id(id).filter(session::Column::OrganisationId.eq(org.uuid())),
    )
    .await
}

/// The session's own row, without what hangs from it: one statement, to
/// see inside a transaction whether a record read before it is still true.
pub async fn row(conn: &impl ConnectionTrait, id: Uuid) -> Result<session::Model> {
    found(conn, session::Entity::find_by_id(id)).await
}

/// The session as registering reads it: its row (status, dates, capacity),
/// the course's row, the venue and the meetings: what the rules, the
/// outcome pages and the e-mails read. Two to five queries (the session
/// and its course in one) instead of [`get`]'s ten, on the path every
/// sign-up takes twice: it leaves out the trainers and the course's
/// audiences and programme (empty here), which no registration page or
/// message shows. An accredited course's body is read: it may ask for an
/// identifier (issue 20).
pub async fn for_registration(conn: &impl ConnectionTrait, id: Uuid) -> Result<SessionRecord> {
    let (session, course) = session::Entity::find_by_id(id)
        .find_also_related(course::Entity)
        .one(conn)
        .await?
        .ok_or(StorageError::NotFound)?;
    let course = course.ok_or(StorageError::NotFound)?;
    let venue = match session.venue_id {
        Some(venue_id) => match venue::Entity::find_by_id(venue_id).one(conn).await? {
            Some(venue) => region::Entity::find_by_id(venue.region_id)
                .one(conn)
                .await?
                .map(|region| (venue, region)),
            None => None,
        },
        None => None,
    };
    let meetings = meeting::Entity::find()
        .filter(meeting::Column::SessionId.eq(id))
        .order_by_asc(meeting::Column::StartsAt)
        .all(conn)
        .await?;
    // Its accrediting body may ask registrants for an identifier (issue 20).
    let body = match course.accreditation_body_id {
        Some(body_id) => {
            crate::entities::accreditation_body::Entity::find_by_id(body_id)
                .one(conn)
                .await?
        }
        None => None,
    };
    Ok(SessionRecord {
        session,
        course: CourseRecord {
            course,
            audiences: Vec::new(),
            body,
            programme: None,
        },
        venue,
        meetings,
        trainers: Vec::new(),
    })
}

/// Adds courses, venues, meetings and trainers to a page of sessions, with
/// a fixed number of queries whatever the page's size.
async fn complete(conn: &impl ConnectionTrait, rows: Vec<session::Model>) -> Result<Vec<SessionRecord>> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let session_ids: Vec<Uuid> = rows.iter().map(|s| s.id).collect();
    let mut course_ids: Vec<Uuid> = rows.iter().map(|s| s.course_id).collect();
    course_ids.sort();
    course_ids.dedup();
    let course_rows = course::Entity::find()
        .filter(course::Column::Id.is_in(course_ids))
        .all(conn)
        .await?;
    let courses: HashMap<Uuid, CourseRecord> = courses::complete(conn, course_rows)
        .await?
        .into_iter()
        .map(|c| (c.course.id, c))
        .collect();

    let venue_ids: Vec<Uuid> = rows.iter().filter_map(|s| s.venue_id).collect();
    let venues: Vec<venue::Model> = venue::Entity::find()
        .filter(venue::Column::Id.is_in(venue_ids))
        .all(conn)
        .await?;
    let region_ids: Vec<Uuid> = venues.iter().map(|v| v.region_id).collect();
    let regions = by_id(conn, region::Column::Id, region_ids, |r| r.id).await?;
    let venues: HashMap<Uuid, (venue::Model, region::Model)> = venues
        .into_iter()
        .filter_map(|v| regions.get(&v.region_id).cloned().map(|r| (v.id, (v, r))))
        .collect();

    let mut meetings: HashMap<Uuid, Vec<meeting::Model>> = HashMap::new();
    for m in meeting::Entity::find()
        .filter(meeting::Column::SessionId.is_in(session_ids.clone()))
        .order_by_asc(meeting::Column::StartsAt)
        .all(conn)
        .await?
    {
        meetings.entry(m.session_id).or_default().push(m);
    }

    let links = session_trainer::Entity::find()
        .filter(session_trainer::Column::SessionId.is_in(session_ids))
        .all(conn)
        .await?;
    let trainer_ids: Vec<Uuid> = links.iter().map(|l| l.user_id).collect();
    let users = by_id(conn, user::Column::Id, trainer_ids, |u| u.id).await?;
    let mut trainers: HashMap<Uuid, Vec<user::Model>> = HashMap::new();
    for link in links {
        if let Some(u) = users.get(&link.user_id) {
            trainers.entry(link.session_id).or_default().push(u.clone());
        }
    }

    rows.into_iter()
        .map(|s| {
            let course = courses.get(&s.course_id).cloned().ok_or(StorageError::NotFound)?;
            let mut session_trainers = trainers.remove(&s.id).unwrap_or_default();
            session_trainers.sort_by(|a, b| a.name.cmp(&b.name));
            Ok(SessionRecord {
                venue: s.venue_id.and_then(|id| venues.get(&id).cloned()),
                meetings: meetings.remove(&s.id).unwrap_or_default(),
                trainers: session_trainers,
                course,
                session: s,
            })
        })
        .collect()
}

/// Finds the venue of that name in that city and region, or creates it:
/// organisers type the place, and the same place is one venue in the indicators.
async fn venue_for(conn: &impl ConnectionTrait, details: &VenueDetails) -> Result<Uuid> {
    crate::regions::get(conn, details.region_id)
        .await
        .map_err(|e| not_found_as(e, "venue_region_id"))?;
    let existing = venue::Entity::find()
        .filter(venue::Column::Name.eq(details.name.as_str()))
        .filter(venue::Column::City.eq(details.city.as_str()))
        .filter(venue::Column::RegionId.eq(details.region_id))
        .one(conn)
        .await?;
    if let Some(found) = existing {
        if found.address.as_deref() != details.address.as_ref().map(|a| a.as_str()) && details.address.is_some() {
            let mut model: venue::ActiveModel = found.clone().into();
            model.address = Set(details.address.as_ref().map(ToString::to_string));
            model.update(conn).await?;
        }
        return Ok(found.id);
    }
    let created = venue::ActiveModel {
        id: Set(new_id()),
        name: Set(details.name.to_string()),
        address: Set(details.address.as_ref().map(ToString::to_string)),
        city: Set(details.city.to_string()),
        region_id: Set(details.region_id),
    }
    .insert(conn)
    .await?;
    Ok(created.id)
}

/// Refuses trainers who are not trainers of the session's organisation.
async fn check_trainers(conn: &impl ConnectionTrait, org: Uuid, ids: &[Uuid]) -> Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let found = organisation_member::Entity::find()
        .filter(organisation_member::Column::OrganisationId.eq(org))
        .filter(organisation_member::Column::UserId.is_in(ids.to_vec()))
        .filter(organisation_member::Column::Role.eq(Role::Trainer))
        .count(conn)
        .await?;
    if found as usize != ids.len() {
        return Err(StorageError::invalid("trainer_ids", "error-unknown-trainer"));
    }
    Ok(())
}

/// Where `details` puts the meeting at `times`: its own place, or the
/// session's (`None`).
fn place_of(details: &SessionDetails, times: (chrono::DateTime<Utc>, chrono::DateTime<Utc>)) -> Option<String> {
    details
        .meeting_places
        .iter()
        .find(|(m, _)| (m.starts_at, m.ends_at) == times)
        .map(|(_, place)| place.to_string())
}

/// Makes the session's meetings those of `wanted`: meetings whose times are
/// unchanged, or changed within their own local day, keep their id (and so
/// their attendance); a meeting with marks is not deleted.
async fn sync_meetings(conn: &impl ConnectionTrait, session_id: Uuid, details: &SessionDetails) -> Result<()> {
    let wanted = &details.meetings;
    let mut existing = meeting::Entity::find()
        .filter(meeting::Column::SessionId.eq(session_id))
        .all(conn)
        .await?;
    existing.sort_by_key(|m| m.starts_at);
    let key = |m: &meeting::Model| (m.starts_at, m.ends_at);
    let kept = |m: &meeting::Model| wanted.iter().any(|w| (w.starts_at, w.ends_at) == key(m));
    let mut fresh: Vec<_> = wanted
        .iter()
        .filter(|w| !existing.iter().any(|m| key(m) == (w.starts_at, w.ends_at)))
        .collect();
    fresh.sort_by_key(|w| w.starts_at);
    // A meeting given other times on its own day is the same meeting
    // corrected: it keeps its row, and with it its marks and check-ins.
    // Correcting a typed time after the roll call ended on "other records
    // depend on this" (session 29's attack round).
    let zone = details.time_zone.tz();
    let day = |at: DateTime<Utc>| at.with_timezone(&zone).date_naive();
    let mut moved = Vec::new();
    let mut stale = Vec::new();
    for m in existing.iter().filter(|m| !kept(m)) {
        match fresh.iter().position(|w| day(w.starts_at) == day(m.starts_at)) {
            Some(i) => moved.push((m, fresh.remove(i))),
            None => stale.push(m),
        }
    }
    if !stale.is_empty() {
        let ids: Vec<Uuid> = stale.iter().map(|m| m.id).collect();
        let marked = attendance::Entity::find()
            .filter(attendance::Column::MeetingId.is_in(ids.clone()))
            .one(conn)
            .await?;
        if let Some(mark) = marked
            && let Some(m) = stale.iter().find(|m| m.id == mark.meeting_id)
        {
            let problem = Problem::new("error-meeting-has-marks").with("date", day(m.starts_at).to_string());
            return Err(StorageError::Invalid(aula_domain::FieldErrors::single(
                "meetings", problem,
            )));
        }
        meeting::Entity::delete_many()
            .filter(meeting::Column::Id.is_in(ids))
            .exec(conn)
            .await?;
    }
    let new: Vec<meeting::ActiveModel> = fresh
        .iter()
        .map(|w| meeting::ActiveModel {
            id: Set(new_id()),
            session_id: Set(session_id),
            starts_at: Set(w.starts_at),
            ends_at: Set(w.ends_at),
            place: Set(place_of(details, (w.starts_at, w.ends_at))),
        })
        .collect();
    if !new.is_empty() {
        meeting::Entity::insert_many(new).exec(conn).await?;
    }
    let moved_ids: Vec<Uuid> = moved.iter().map(|(m, _)| m.id).collect();
    for (m, w) in moved {
        let mut row: meeting::ActiveModel = m.clone().into();
        row.starts_at = Set(w.starts_at);
        row.ends_at = Set(w.ends_at);
        row.place = Set(place_of(details, (w.starts_at, w.ends_at)));
        row.update(conn).await?;
    }
    // Their marks now count the meetings' new lengths.
    if !moved_ids.is_empty() {
        let marked: Vec<Uuid> = attendance::Entity::find()
            .filter(attendance::Column::MeetingId.is_in(moved_ids))
            .all(conn)
            .await?
            .into_iter()
            .map(|mark| mark.registration_id)
            .collect();
        if !marked.is_empty() {
            crate::attendance::keep_sums(conn, &marked).await?;
        }
    }
    // A meeting kept (its marks with it) may move to another place.
    for m in existing.iter().filter(|m| kept(m)) {
        let place = place_of(details, key(m));
        if place != m.place {
            let mut row: meeting::ActiveModel = m.clone().into();
            row.place = Set(place);
            row.update(conn).await?;
        }
    }
    Ok(())
}

async fn sync_trainers(conn: &impl ConnectionTrait, session_id: Uuid, trainer_ids: &[Uuid]) -> Result<()> {
    let rows = trainer_ids.iter().map(|id| session_trainer::ActiveModel {
        session_id: Set(session_id),
        user_id: Set(*id),
    });
    crate::replace_rows(conn, session_trainer::Column::SessionId.eq(session_id), rows).await
}

fn snapshot(s: &session::Model, details: &SessionDetails) -> serde_json::Value {
    json!({
        "status": s.status, "capacity": s.capacity, "time_zone": s.time_zone.name(), "venue_id": s.venue_id,
        "online_url": s.online_url, "registration_opens_at": s.registration_opens_at,
        "registration_closes_at": s.registration_closes_at, "trainer_ids": details.trainer_ids,
        "present_share_percent": s.present_share_percent, "record_past": s.record_past,
        "meetings": details.meetings.iter().map(|m| json!([m.starts_at, m.ends_at])).collect::<Vec<_>>(),
        "meeting_places": details.meeting_places.iter().map(|(m, place)| json!([m.starts_at, place.to_string()])).collect::<Vec<_>>(),
    })
}

async fn write(
    conn: &impl ConnectionTrait,
    org: OrganisationId,
    mut model: session::ActiveModel,
    details: &SessionDetails,
) -> Result<session::Model> {
    check_trainers(conn, org.uuid(), &details.trainer_ids).await?;
    let venue_id = match &details.venue {
        Some(v) => Some(venue_for(conn, v).await?),
        None => None,
    };
    model.time_zone = Set(details.time_zone);
    model.venue_id = Set(venue_id);
    model.online_url = Set(details.online_url.as_ref().map(|u| u.as_str().to_owned()));
    model.capacity = Set(details.capacity.get() as i32);
    model.registration_opens_at = Set(details.registration_opens_at);
    model.registration_closes_at = Set(details.registration_closes_at);
    model.starts_at = Set(details.meetings.first().map(|m| m.starts_at));
    model.ends_at = Set(details.meetings.last().map(|m| m.ends_at));
    model.minutes = Set(details.minutes() as i32);
    model.reminder_lead_minutes = Set(details.reminder_lead_minutes as i32);
    model.confirm_organiser_entries = Set(details.confirm_organiser_entries);
    model.issue_on_completion = Set(details.issue_on_completion);
    model.record_past = Set(details.record_past);
    model.by_invitation = Set(details.by_invitation);
    model.commissioner = Set(details.commissioner.as_ref().map(ToString::to_string));
    if !details.by_invitation {
        // A listed session has no private link; made by invitation again,
        // it needs a new one (the old one must not come back).
        model.invitation_token = Set(None);
    }
    model.present_share_percent = Set(i32::from(details.present_share.get()));
    model.updated_at = Set(now());
    let row = if model.id.is_unchanged() {
        model.update(conn).await?
    } else {
        model.insert(conn).await?
    };
    sync_meetings(conn, row.id, details).await?;
    sync_trainers(conn, row.id, &details.trainer_ids).await?;
    Ok(row)
}

/// Refuses new meetings outside the dates of the course's programme
/// (issue 20), on the `meetings` field; meetings saved before stay, so a
/// session saved before its programme's dates were set can still be edited.
async fn check_programme_dates(
    conn: &impl ConnectionTrait,
    details: &SessionDetails,
    saved: &[meeting::Model],
) -> Result<()> {
    let Some(programme_id) = course::Entity::find_by_id(details.course_id)
        .one(conn)
        .await?
        .and_then(|c| c.programme_id)
    else {
        return Ok(());
    };
    let Some(programme) = programme::Entity::find_by_id(programme_id).one(conn).await? else {
        return Ok(());
    };
    let new = details.meetings.iter().filter(|m| {
        !saved
            .iter()
            .any(|s| (s.starts_at, s.ends_at) == (m.starts_at, m.ends_at))
    });
    for m in new {
        m.within(details.time_zone, programme.starts_on, programme.ends_on)
            .map_err(|problem| StorageError::Invalid(aula_domain::FieldErrors::single("meetings", problem)))?;
    }
    Ok(())
}

/// Creates a session in `draft`, in the caller's transaction (a use case of
/// `aula_app::sessions`, or the demo's); the organiser opens it when it is ready.
pub async fn create(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    org: OrganisationId,
    details: &SessionDetails,
) -> Result<SessionRecord> {
    let course = courses::get_in(conn, org, details.course_id)
        .await
        .map_err(|e| not_found_as(e, "course_id"))?;
    if course.course.archived_at.is_some() {
        return Err(StorageError::invalid("course_id", "error-course-archived"));
    }
    check_programme_dates(conn, details, &[]).await?;
    let model = session::ActiveModel {
        id: Set(new_id()),
        organisation_id: Set(org.uuid()),
        course_id: Set(details.course_id),
        status: Set(SessionStatus::Draft),
        seats_taken: Set(0),
        calendar_uids: Set(aula_domain::CalendarUids::Meeting),
        created_at: Set(now()),
        ..Default::default()
    };
    let row = write(conn, org, model, details).await?;
    audit::record(conn, actor, "create", "session", Some(row.id), snapshot(&row, details)).await?;
    get(conn, row.id).await
}

/// Writes a session's new details, in the caller's transaction.
pub async fn update(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    org: OrganisationId,
    id: Uuid,
    details: &SessionDetails,
) -> Result<SessionRecord> {
    let before = get_in(conn, org, id).await?;
    if details.course_id != before.session.course_id {
        return Err(StorageError::invalid("course_id", "error-session-course-fixed"));
    }
    if matches!(before.status(), SessionStatus::Cancelled | SessionStatus::Completed) {
        return Err(StorageError::Conflict(Problem::new("error-session-final")));
    }
    // A session that takes or took registrations keeps a meeting: without
    // one it went on taking people for no date, and could be "completed"
    // though never held (session 25's attack round). Cancelling is the way.
    if matches!(before.status(), SessionStatus::Open | SessionStatus::Closed) && details.meetings.is_empty() {
        return Err(StorageError::invalid("meetings", "error-keep-a-meeting"));
    }
    check_programme_dates(conn, details, &before.meetings).await?;
    // Checked and written in one statement, so a seat taken meanwhile cannot
    // end up above a lowered capacity; the caller promotes after a raise.
    crate::registrations::lock_capacity(conn, id, details.capacity).await?;
    let mut model: session::ActiveModel = before.session.clone().into();
    // `write` tells an update from an insert by the id being unchanged.
    model.id = sea_orm::ActiveValue::Unchanged(id);
    // Calendars that hold the old times take the new ones by a higher SEQUENCE.
    // A meeting moved to another place (issue 20) is a change of the calendar too.
    let old_times: Vec<_> = before
        .meetings
        .iter()
        .map(|m| (m.starts_at, m.ends_at, m.place.clone()))
        .collect();
    let new_times: Vec<_> = details
        .meetings
        .iter()
        .map(|m| (m.starts_at, m.ends_at, place_of(details, (m.starts_at, m.ends_at))))
        .collect();
    // So is a new venue or meeting link: calendars and reminders hold the
    // place (session 23: a moved session told nobody).
    let old_place = (
        before
            .venue
            .as_ref()
            .map(|(v, _)| (v.name.clone(), v.address.clone(), v.city.clone(), v.region_id)),
        before.session.online_url.clone(),
    );
    let new_place = (
        details.venue.as_ref().map(|v| {
            (
                v.name.to_string(),
                // An address left out keeps the venue's (see `venue_for`).
                v.address.as_ref().map(ToString::to_string).or_else(|| {
                    before
                        .venue
                        .as_ref()
                        .filter(|(old, _)| old.name == v.name.as_str() && old.city == v.city.as_str())
                        .and_then(|(old, _)| old.address.clone())
                }),
                v.city.to_string(),
                v.region_id,
            )
        }),
        details.online_url.as_ref().map(|u| u.as_str().to_owned()),
    );
    if old_times != new_times || old_place != new_place {
        model.calendar_sequence = Set(before.session.calendar_sequence + 1);
    }
    let row = write(conn, org, model, details).await?;
    audit::record(
        conn,
        actor,
        "update",
        "session",
        Some(id),
        json!({"after": snapshot(&row, details)}),
    )
    .await?;
    get(conn, id).await
}

/// Gives one of `org`'s sessions by invitation a new private registration
/// link (`Some`, which revokes the one before) or none (issue 20), in the
/// caller's transaction. Audited without the secret.
pub async fn set_invitation_token(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    org: OrganisationId,
    id: Uuid,
    token: Option<String>,
) -> Result<SessionRecord> {
    let before = get_in(conn, org, id).await?;
    if token.is_some() && !before.session.by_invitation {
        return Err(StorageError::Conflict(Problem::new("error-session-not-by-invitation")));
    }
    let action = if token.is_some() {
        "invitation_link"
    } else {
        "invitation_link_revoked"
    };
    let mut model: session::ActiveModel = before.session.into();
    model.invitation_token = Set(token);
    model.updated_at = Set(now());
    model.update(conn).await?;
    audit::record(conn, actor, action, "session", Some(id), json!({})).await?;
    get(conn, id).await
}

/// Moves a session along draft → open → closed → completed, or to
/// cancelled, in the caller's transaction.
pub async fn set_status(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    org: OrganisationId,
    id: Uuid,
    to: SessionStatus,
) -> Result<SessionRecord> {
    let before = get_in(conn, org, id).await?;
    let from = before.status();
    from.transition(to).map_err(StorageError::Conflict)?;
    // An archived course takes no one (issue 20): restore it first.
    if to == SessionStatus::Open && from != to && before.course.course.archived_at.is_some() {
        return Err(StorageError::Conflict(Problem::new("error-course-archived")));
    }
    if to == SessionStatus::Open && before.meetings.is_empty() {
        return Err(StorageError::Conflict(Problem::new("error-open-needs-meetings")));
    }
    if to == SessionStatus::Completed && from != to && before.meetings.is_empty() {
        return Err(StorageError::Conflict(Problem::new("error-keep-a-meeting")));
    }
    // Completed only once every meeting is over (issue 20), whether from
    // open or closed: a closed session completed before its meetings were
    // held took a survey and an accredited certificate for a training that
    // had not taken place (session 29's attack round).
    if from != to && to == SessionStatus::Completed && !before.is_over(now()) {
        return Err(StorageError::Conflict(Problem::new("error-complete-before-end")));
    }
    if from != to {
        // Only from the status read: of two processes moving it at once
        // (an organiser and the lifecycle's job), the second finds it moved
        // and is refused, so what follows a move (surveys, certificates)
        // happens once.
        let mut moved = session::Entity::update_many()
            .col_expr(session::Column::Status, Expr::val(to.as_str()))
            .col_expr(session::Column::UpdatedAt, Expr::val(now()));
        if to == SessionStatus::Cancelled {
            // The cancellation's calendar outranks every invitation sent
            // before it: with the same SEQUENCE, a calendar given both in
            // the other order kept the events (session 31's attack round).
            moved = moved.col_expr(
                session::Column::CalendarSequence,
                Expr::col(session::Column::CalendarSequence).add(1),
            );
        }
        let moved = moved
            .filter(session::Column::Id.eq(id))
            .filter(session::Column::Status.eq(from))
            .exec(conn)
            .await?;
        if moved.rows_affected != 1 {
            return Err(StorageError::Conflict(
                Problem::new("error-status-transition")
                    .with("from", from.word())
                    .with("to", to.word()),
            ));
        }
        audit::record(
            conn,
            actor,
            "status",
            "session",
            Some(id),
            json!({"from": from, "to": to}),
        )
        .await?;
    }
    if to == SessionStatus::Completed && from != to {
        // The list of completions is fixed now; later corrections of
        // attendance are audited and fix it again.
        crate::attendance::fix_completions(conn, &get(conn, id).await?).await?;
    }
    get(conn, id).await
}

/// The open or closed sessions whose attendance is closed (issue 20: a
/// session's life runs itself), with their organisation, for the use case
/// that completes them, at most `limit`:
/// - their last meeting ended at `quiet_since` or before, but after
///   `ended_after` (a session left open for long is the organiser's to
///   complete: its people are not asked about it months later);
/// - nothing changed since `quiet_since` in their registrations or marks
///   (an organiser typing a paper sign-in sheet, or adding people, is not
///   cut short);
/// - they seat someone, someone attended (a session where everyone was
///   absent is the organiser's to judge), and every person seated has a
///   mark at every meeting;
/// - they were not recorded after the fact (issue 24: the organiser who
///   records a past session completes it).
pub async fn attendance_closed(
    conn: &impl ConnectionTrait,
    quiet_since: DateTime<Utc>,
    ended_after: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<(Uuid, OrganisationId)>> {
    use aula_domain::RegistrationStatus;
    use aula_domain::attendance::AttendanceStatus;
    let seated = RegistrationStatus::Confirmed.as_str();
    let attended = [
        AttendanceStatus::Present,
        AttendanceStatus::Late,
        AttendanceStatus::Partial,
    ]
    .map(|s| format!("'{}'", s.as_str()))
    .join(", ");
    let of_the_session = || {
        Expr::col((registration::Entity, registration::Column::SessionId))
            .equals((session::Entity, session::Column::Id))
    };
    let changed_registrations = Query::select()
        .expr(Expr::val(1))
        .from(registration::Entity)
        .and_where(of_the_session())
        .and_where(Expr::col((registration::Entity, registration::Column::UpdatedAt)).gt(quiet_since))
        .to_owned();
    let changed_marks = Query::select()
        .expr(Expr::val(1))
        .from(registration::Entity)
        .inner_join(
            attendance::Entity,
            Expr::col((attendance::Entity, attendance::Column::RegistrationId))
                .equals((registration::Entity, registration::Column::Id)),
        )
        .and_where(of_the_session())
        .and_where(Expr::col((attendance::Entity, attendance::Column::UpdatedAt)).gt(quiet_since))
        .to_owned();
    let rows = session::Entity::find()
        .filter(session::Column::Status.is_in([SessionStatus::Open, SessionStatus::Closed]))
        .filter(session::Column::RecordPast.eq(false))
        .filter(session::Column::EndsAt.lte(quiet_since))
        .filter(session::Column::EndsAt.gt(ended_after))
        .filter(Expr::cust(format!(
            "EXISTS (SELECT 1 FROM registrations r JOIN attendance a ON a.registration_id = r.id \
             WHERE r.session_id = sessions.id AND r.status = '{seated}' AND a.status IN ({attended}))"
        )))
        .filter(Expr::cust(format!(
            "NOT EXISTS (SELECT 1 FROM registrations r JOIN meetings m ON m.session_id = r.session_id \
             WHERE r.session_id = sessions.id AND r.status = '{seated}' AND NOT EXISTS \
             (SELECT 1 FROM attendance a WHERE a.registration_id = r.id AND a.meeting_id = m.id))"
        )))
        .filter(Expr::exists(changed_registrations).not())
        .filter(Expr::exists(changed_marks).not())
        .order_by_asc(session::Column::EndsAt)
        .limit(limit)
        .all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|s| (s.id, OrganisationId::from_row(s.organisation_id)))
        .collect())
}
