//! Satisfaction surveys: templates (versioned once used), a survey per
//! session, its invitations, and the anonymous responses with their results.
//!
//! Anonymity holds in the data: an invitation knows only whether it was
//! answered; a response has a random id (UUIDv4, not time-ordered), the day
//! it came, and its survey; its answers hang from it. Nothing joins a
//! response to an invitation, a registration or a person.

use std::collections::HashMap;

use aula_domain::survey::{Answer, Question, QuestionKind, QuestionResult, Template, mean_of};
use aula_domain::{OrganisationId, Problem};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::sea_query::{Alias, Expr, Func, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    Set,
};
use uuid::Uuid;

use crate::entities::{
    attendance, course, person, registration, session, survey, survey_answer, survey_ballot, survey_invitation,
    survey_response, survey_template,
};
use crate::secrets::LinkKey;
use crate::{Actor, Result, StorageError, audit, by_id, found, new_id, now, secrets};

/// How long a survey stays open, and when the reminder goes, unless said otherwise.
pub const OPEN_DAYS: i64 = 30;
pub const REMINDER_DAYS: i64 = 7;

fn content(template: &Template) -> Result<String> {
    serde_json::to_string(template).map_err(|e| StorageError::Db(sea_orm::DbErr::Custom(e.to_string())))
}

/// The template a row holds.
pub fn parse(row: &survey_template::Model) -> Result<Template> {
    serde_json::from_str(&row.content)
        .map_err(|e| StorageError::Db(sea_orm::DbErr::Custom(format!("survey template {}: {e}", row.id))))
}

/// The organisation's default template, made from Aula's when first needed.
pub async fn ensure_default(conn: &impl ConnectionTrait, org: OrganisationId) -> Result<survey_template::Model> {
    if let Some(found) = survey_template::Entity::find()
        .filter(survey_template::Column::OrganisationId.eq(org.uuid()))
        .filter(survey_template::Column::IsDefault.eq(true))
        .order_by_desc(survey_template::Column::Version)
        .one(conn)
        .await?
    {
        return Ok(found);
    }
    let template = aula_domain::survey::default_template();
    let id = new_id();
    Ok(survey_template::ActiveModel {
        id: Set(id),
        organisation_id: Set(org.uuid()),
        family_id: Set(id),
        version: Set(1),
        name: Set(template.name.clone()),
        content: Set(content(&template)?),
        is_default: Set(true),
        in_use: Set(false),
        created_at: Set(now()),
    }
    .insert(conn)
    .await?)
}

/// A template, whichever organisation's: what a survey was opened with.
pub async fn template(conn: &impl ConnectionTrait, id: Uuid) -> Result<survey_template::Model> {
    found(conn, survey_template::Entity::find_by_id(id)).await
}

/// One of `org`'s templates; another organisation's is not found.
pub async fn template_in(conn: &impl ConnectionTrait, org: OrganisationId, id: Uuid) -> Result<survey_template::Model> {
    found(
        conn,
        survey_template::Entity::find_by_id(id).filter(survey_template::Column::OrganisationId.eq(org.uuid())),
    )
    .await
}

/// The latest version of each of `org`'s template families, default
/// first, then by name (the default is made if `org` has none yet).
pub async fn templates(conn: &impl ConnectionTrait, org: OrganisationId) -> Result<Vec<survey_template::Model>> {
    ensure_default(conn, org).await?;
    let rows = survey_template::Entity::find()
        .filter(survey_template::Column::OrganisationId.eq(org.uuid()))
        .order_by_asc(survey_template::Column::FamilyId)
        .order_by_desc(survey_template::Column::Version)
        .limit(1000)
        .all(conn)
        .await?;
    let mut latest: Vec<survey_template::Model> = Vec::new();
    for row in rows {
        if latest.last().is_none_or(|l| l.family_id != row.family_id) {
            latest.push(row);
        }
    }
    latest.sort_by(|a, b| b.is_default.cmp(&a.is_default).then(a.name.cmp(&b.name)));
    Ok(latest)
}

/// A copy an organiser can edit: a new family.
pub async fn copy(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    org: OrganisationId,
    from: Uuid,
    name: &str,
) -> Result<survey_template::Model> {
    let source = template_in(conn, org, from).await?;
    let mut copied = parse(&source)?;
    copied.name = name.to_owned();
    let id = new_id();
    let row = survey_template::ActiveModel {
        id: Set(id),
        organisation_id: Set(org.uuid()),
        family_id: Set(id),
        version: Set(1),
        name: Set(copied.name.clone()),
        content: Set(content(&copied)?),
        is_default: Set(false),
        in_use: Set(false),
        created_at: Set(now()),
    }
    .insert(conn)
    .await?;
    audit::record(
        conn,
        actor,
        "copy",
        "survey_template",
        Some(id),
        serde_json::json!({"from": from}),
    )
    .await?;
    Ok(row)
}

/// Saves an edit. A template already used by a survey is not changed under
/// its answers: the edit becomes the next version of its family.
pub async fn save(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    org: OrganisationId,
    id: Uuid,
    edited: &Template,
) -> Result<survey_template::Model> {
    let current = template_in(conn, org, id).await?;
    let row = if current.in_use {
        let latest = found(
            conn,
            survey_template::Entity::find()
                .filter(survey_template::Column::FamilyId.eq(current.family_id))
                .order_by_desc(survey_template::Column::Version),
        )
        .await?;
        // An edit of an older version would start from its questions and
        // drop the newer one's changes without a word (session 29's attack
        // round): the newest is the one to edit.
        if latest.version != current.version {
            return Err(StorageError::Conflict(
                Problem::new("error-template-newer-version").with("version", latest.version),
            ));
        }
        survey_template::ActiveModel {
            id: Set(new_id()),
            organisation_id: Set(current.organisation_id),
            family_id: Set(current.family_id),
            version: Set(latest.version + 1),
            name: Set(edited.name.clone()),
            content: Set(content(edited)?),
            is_default: Set(current.is_default),
            in_use: Set(false),
            created_at: Set(now()),
        }
        .insert(conn)
        .await?
    } else {
        let mut model: survey_template::ActiveModel = current.into();
        model.name = Set(edited.name.clone());
        model.content = Set(content(edited)?);
        model.update(conn).await?
    };
    audit::record(
        conn,
        actor,
        "update",
        "survey_template",
        Some(row.id),
        serde_json::json!({"version": row.version}),
    )
    .await?;
    Ok(row)
}

pub async fn for_session(conn: &impl ConnectionTrait, session_id: Uuid) -> Result<Option<survey::Model>> {
    Ok(survey::Entity::find()
        .filter(survey::Column::SessionId.eq(session_id))
        .one(conn)
        .await?)
}

/// Who is invited when a survey opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Invitees {
    /// Confirmed registrations present, partial or late at one meeting at least.
    Participants,
    /// Every confirmed registration (an organiser's choice).
    Confirmed,
}

/// A new invitation, with its link's secret, for the e-mail.
#[derive(Clone, Debug)]
pub struct Invited {
    pub invitation: survey_invitation::Model,
    pub token: String,
    pub registration: registration::Model,
    pub person: person::Model,
}

/// The secret of an invitation's link: the key's HMAC of its id, so the
/// reminder can carry it again while the database keeps only its hash.
pub fn token(key: &LinkKey, invitation_id: Uuid) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(key.mac(&[b"survey:", invitation_id.as_bytes()]))
}

/// Opens the session's survey if it is not open yet (with `template_id`, or
/// the default), and invites `invitees` not invited yet. Returns the new
/// invitations, for their e-mails.
pub async fn open(
    conn: &impl ConnectionTrait,
    key: &LinkKey,
    session_id: Uuid,
    template_id: Option<Uuid>,
    invitees: Invitees,
    at: DateTime<Utc>,
) -> Result<(survey::Model, Vec<Invited>)> {
    let survey = match for_session(conn, session_id).await? {
        Some(existing) => existing,
        None => {
            // The session's organisation's template (issue 17).
            let org = OrganisationId::from_row(crate::sessions::row(conn, session_id).await?.organisation_id);
            let template_id = match template_id {
                Some(id) => template_in(conn, org, id).await?.id,
                None => ensure_default(conn, org).await?.id,
            };
            let row = survey::ActiveModel {
                id: Set(new_id()),
                session_id: Set(session_id),
                template_id: Set(template_id),
                opens_at: Set(at),
                closes_at: Set(at + Duration::days(OPEN_DAYS)),
                reminder_at: Set(at + Duration::days(REMINDER_DAYS)),
                reminded: Set(false),
            }
            .insert(conn)
            .await?;
            // Answers will hang from this version: it is no longer edited in place.
            survey_template::Entity::update_many()
                .col_expr(survey_template::Column::InUse, Expr::value(true))
                .filter(survey_template::Column::Id.eq(template_id))
                .exec(conn)
                .await?;
            row
        }
    };
    let mut registrations = registration::Entity::find()
        .filter(registration::Column::SessionId.eq(session_id))
        .filter(registration::Column::Status.eq(aula_domain::RegistrationStatus::Confirmed))
        .all(conn)
        .await?;
    if invitees == Invitees::Participants {
        let present: std::collections::HashSet<Uuid> = attendance::Entity::find()
            .filter(attendance::Column::RegistrationId.is_in(registrations.iter().map(|r| r.id).collect::<Vec<_>>()))
            // Whoever took part: present, partial or late.
            .filter(
                attendance::Column::Status.is_in(
                    aula_domain::AttendanceStatus::ALL
                        .iter()
                        .copied()
                        .filter(|s| s.counts()),
                ),
            )
            .all(conn)
            .await?
            .into_iter()
            .map(|a| a.registration_id)
            .collect();
        registrations.retain(|r| present.contains(&r.id));
    }
    let already: std::collections::HashSet<Uuid> = survey_invitation::Entity::find()
        .filter(survey_invitation::Column::SurveyId.eq(survey.id))
        .all(conn)
        .await?
        .into_iter()
        .map(|i| i.registration_id)
        .collect();
    let people = by_id(
        conn,
        person::Column::Id,
        registrations.iter().map(|r| r.person_id).collect::<Vec<_>>(),
        |p| p.id,
    )
    .await?;
    // Only those the invitation reaches are invited: the survey's figures
    // count invitations (its response rate), and a session recorded after
    // the fact writes to nobody, nor does anyone write to a person without
    // an address or one erased (session 28's attack round: such a session's
    // eleven participants lowered the organisation's response rate).
    let recorded_past = session::Entity::find_by_id(session_id)
        .one(conn)
        .await?
        .is_some_and(|s| s.record_past);
    let reached = |person: &person::Model| !recorded_past && person.email.is_some() && person.erased_at.is_none();
    let mut invited = Vec::new();
    for registration in registrations.into_iter().filter(|r| !already.contains(&r.id)) {
        let Some(person) = people.get(&registration.person_id).filter(|p| reached(p)).cloned() else {
            continue;
        };
        let id = new_id();
        let token = token(key, id);
        let invitation = survey_invitation::ActiveModel {
            id: Set(id),
            survey_id: Set(survey.id),
            registration_id: Set(registration.id),
            token_hash: Set(secrets::hash(&token)),
            answered: Set(false),
            invited_at: Set(at),
            reminded_at: Set(None),
        }
        .insert(conn)
        .await?;
        invited.push(Invited {
            invitation,
            token,
            registration,
            person,
        });
    }
    Ok((survey, invited))
}

/// Sets when the survey's reminder goes (days after it opened) and when it
/// closes (days after it opened); a reminder already sent is not sent again.
pub async fn set_dates(
    conn: &impl ConnectionTrait,
    survey_id: Uuid,
    reminder_days: i64,
    open_days: i64,
) -> Result<survey::Model> {
    let current = found(conn, survey::Entity::find_by_id(survey_id)).await?;
    let opens_at = current.opens_at;
    let mut model: survey::ActiveModel = current.into();
    model.reminder_at = Set(opens_at + Duration::days(reminder_days));
    model.closes_at = Set(opens_at + Duration::days(open_days));
    Ok(model.update(conn).await?)
}

/// Sessions whose last meeting has ended and that have no survey yet (open,
/// closed or completed ones), oldest first: the job opens theirs.
pub async fn sessions_due(conn: &impl ConnectionTrait, at: DateTime<Utc>) -> Result<Vec<Uuid>> {
    let with_survey = Query::select()
        .column(survey::Column::SessionId)
        .from(survey::Entity)
        .to_owned();
    // Their ids alone: a session whose row cannot be read fails its own
    // opening, not the finding of every other.
    Ok(session::Entity::find()
        .select_only()
        .column(session::Column::Id)
        .filter(session::Column::EndsAt.lte(at))
        // Not sessions long past (the demo's, a database restored): a week at most.
        .filter(session::Column::EndsAt.gt(at - Duration::days(7)))
        .filter(session::Column::Status.is_in(["open", "closed", "completed"]))
        .filter(session::Column::Id.not_in_subquery(with_survey))
        .order_by_asc(session::Column::EndsAt)
        .limit(100)
        .into_tuple()
        .all(conn)
        .await?)
}

/// Invitations whose survey's reminder is due and that are not answered,
/// each reminded once; the survey is marked reminded in the same transaction.
pub async fn due_reminders(
    conn: &impl ConnectionTrait,
    key: &LinkKey,
    at: DateTime<Utc>,
) -> Result<Vec<(survey::Model, Invited)>> {
    let surveys = survey::Entity::find()
        .filter(survey::Column::Reminded.eq(false))
        .filter(survey::Column::ReminderAt.lte(at))
        .filter(survey::Column::ClosesAt.gt(at))
        .limit(100)
        .all(conn)
        .await?;
    let mut due = Vec::new();
    for s in surveys {
        let marked = survey::Entity::update_many()
            .col_expr(survey::Column::Reminded, Expr::value(true))
            .filter(survey::Column::Id.eq(s.id))
            .filter(survey::Column::Reminded.eq(false))
            .exec(conn)
            .await?;
        if marked.rows_affected != 1 {
            continue;
        }
        let invitations = survey_invitation::Entity::find()
            .filter(survey_invitation::Column::SurveyId.eq(s.id))
            .filter(survey_invitation::Column::Answered.eq(false))
            .filter(survey_invitation::Column::RemindedAt.is_null())
            .all(conn)
            .await?;
        for invitation in invitations {
            let registration = crate::registrations::get(conn, invitation.registration_id).await?;
            let person = crate::people::get(conn, registration.person_id).await?;
            let mut model: survey_invitation::ActiveModel = invitation.clone().into();
            model.reminded_at = Set(Some(at));
            let invitation = model.update(conn).await?;
            due.push((
                s.clone(),
                Invited {
                    token: token(key, invitation.id),
                    invitation,
                    registration,
                    person,
                },
            ));
        }
    }
    Ok(due)
}

/// An invitation found by its link, with its survey and the template to answer.
#[derive(Clone, Debug)]
pub struct Opened {
    pub invitation: survey_invitation::Model,
    pub survey: survey::Model,
    pub template: Template,
}

pub async fn by_token(conn: &impl ConnectionTrait, token: &str) -> Result<Opened> {
    let invitation = found(
        conn,
        survey_invitation::Entity::find().filter(survey_invitation::Column::TokenHash.eq(secrets::hash(token))),
    )
    .await?;
    let survey = found(conn, survey::Entity::find_by_id(invitation.survey_id)).await?;
    let template = parse(&template(conn, survey.template_id).await?)?;
    Ok(Opened {
        invitation,
        survey,
        template,
    })
}

/// Records a submission: the invitation becomes "answered" (once: a
/// conditional update) and the answers wait as a ballot, under a random id
/// and the day only, until [`publish`] moves them with others (issue 21).
/// `Conflict` if already answered or closed.
pub async fn submit(
    conn: &impl ConnectionTrait,
    opened: &Opened,
    answers: &[(String, Answer)],
    today: NaiveDate,
) -> Result<()> {
    if opened.survey.closes_at <= now() {
        return Err(StorageError::Conflict(aula_domain::Problem::new("error-survey-closed")));
    }
    let marked = survey_invitation::Entity::update_many()
        .col_expr(survey_invitation::Column::Answered, Expr::value(true))
        .filter(survey_invitation::Column::Id.eq(opened.invitation.id))
        .filter(survey_invitation::Column::Answered.eq(false))
        .exec(conn)
        .await?;
    if marked.rows_affected != 1 {
        return Err(StorageError::Conflict(aula_domain::Problem::new(
            "error-survey-answered",
        )));
    }
    let overall = opened
        .template
        .questions
        .iter()
        .find(|q| q.overall)
        .and_then(|q| answers.iter().find(|(key, _)| *key == q.key))
        .and_then(|(_, answer)| match answer {
            Answer::Scale(v) => Some(i32::from(*v)),
            _ => None,
        });
    let rows: Vec<BallotRow> = answers
        .iter()
        .map(|(key, answer)| match answer {
            Answer::Scale(v) => (key.clone(), Some(i32::from(*v)), None, None),
            Answer::Choice(v) => (key.clone(), None, Some(i32::from(*v)), None),
            Answer::Text(t) => (key.clone(), None, None, Some(t.clone())),
        })
        .collect();
    survey_ballot::ActiveModel {
        id: Set(Uuid::new_v4()),
        survey_id: Set(opened.survey.id),
        submitted_on: Set(today),
        overall: Set(overall),
        answers: Set(serde_json::to_string(&rows).map_err(|e| StorageError::Db(sea_orm::DbErr::Custom(e.to_string())))?),
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// One answer of a ballot: question key, scale, choice, text.
type BallotRow = (String, Option<i32>, Option<i32>, Option<String>);

/// A response about to be published: its day, overall answer and answers.
struct Unpublished {
    submitted_on: NaiveDate,
    overall: Option<i32>,
    answers: Vec<BallotRow>,
}

/// The surveys whose ballots are due for publication at `now`: at least
/// [`MIN_GROUP`](aula_domain::survey::MIN_GROUP) waiting, or any waiting
/// once the survey has closed.
pub async fn due_for_publication(conn: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<Vec<Uuid>> {
    let waiting: Vec<(Uuid, i64)> = survey_ballot::Entity::find()
        .select_only()
        .column(survey_ballot::Column::SurveyId)
        .column_as(survey_ballot::Column::Id.count(), "n")
        .group_by(survey_ballot::Column::SurveyId)
        .into_tuple()
        .all(conn)
        .await?;
    let mut due = Vec::new();
    for (survey_id, count) in waiting {
        let enough = u64::try_from(count).unwrap_or(0) >= aula_domain::survey::MIN_GROUP;
        if enough || closes_at(conn, survey_id).await? <= now {
            due.push(survey_id);
        }
    }
    Ok(due)
}

/// When the survey closes.
pub async fn closes_at(conn: &impl ConnectionTrait, survey_id: Uuid) -> Result<DateTime<Utc>> {
    Ok(found(conn, survey::Entity::find_by_id(survey_id)).await?.closes_at)
}

/// How many ballots of the survey wait to be published.
pub async fn waiting(conn: &impl ConnectionTrait, survey_id: Uuid) -> Result<u64> {
    Ok(survey_ballot::Entity::find()
        .filter(survey_ballot::Column::SurveyId.eq(survey_id))
        .count(conn)
        .await?)
}

/// Publishes the survey's waiting ballots as responses, in the caller's
/// transaction, when there are at least `MIN_GROUP` of them or `closing`:
/// shuffled, with new random ids, so that neither the transaction nor the
/// rows' order pairs one with its invitation. A last group smaller than
/// `MIN_GROUP` at the close takes published responses with it (deleted and
/// written again), so that no transaction ever writes fewer. The answered
/// invitations are written again too, so that theirs is the batch's
/// transaction, not the submission's. Returns how many ballots it published.
pub async fn publish(conn: &impl ConnectionTrait, survey_id: Uuid, closing: bool) -> Result<u64> {
    use rand::seq::SliceRandom as _;
    let min = aula_domain::survey::MIN_GROUP;
    // One publication of a survey at a time: two at once on PostgreSQL each
    // read the same waiting ballots and each published them, so 10 answers
    // became 54 responses (issue 16's race round). The survey's row is held
    // until the transaction ends; the second then finds the ballots gone.
    // (SQLite's write transactions already run one at a time.)
    crate::hold_row(conn, "surveys", survey_id, crate::Hold::Update).await?;
    let ballots = survey_ballot::Entity::find()
        .filter(survey_ballot::Column::SurveyId.eq(survey_id))
        .all(conn)
        .await?;
    let count = ballots.len() as u64;
    if count == 0 || (count < min && !closing) {
        return Ok(0);
    }
    let mut batch = Vec::with_capacity(ballots.len());
    for ballot in &ballots {
        batch.push(Unpublished {
            submitted_on: ballot.submitted_on,
            overall: ballot.overall,
            answers: serde_json::from_str(&ballot.answers)
                .map_err(|e| StorageError::Db(sea_orm::DbErr::Custom(format!("ballot {}: {e}", ballot.id))))?,
        });
    }
    if count < min {
        // Taken again with the last few: published ones, chosen at random.
        let mut published = survey_response::Entity::find()
            .filter(survey_response::Column::SurveyId.eq(survey_id))
            .all(conn)
            .await?;
        published.shuffle(&mut rand::rng());
        published.truncate(usize::try_from(min - count).unwrap_or(0));
        let ids: Vec<Uuid> = published.iter().map(|r| r.id).collect();
        let answers = survey_answer::Entity::find()
            .filter(survey_answer::Column::ResponseId.is_in(ids.clone()))
            .all(conn)
            .await?;
        for response in published {
            batch.push(Unpublished {
                submitted_on: response.submitted_on,
                overall: response.overall,
                answers: answers
                    .iter()
                    .filter(|a| a.response_id == response.id)
                    .map(|a| (a.question_key.clone(), a.scale, a.choice, a.text.clone()))
                    .collect(),
            });
        }
        survey_answer::Entity::delete_many()
            .filter(survey_answer::Column::ResponseId.is_in(ids.clone()))
            .exec(conn)
            .await?;
        survey_response::Entity::delete_many()
            .filter(survey_response::Column::Id.is_in(ids))
            .exec(conn)
            .await?;
    }
    batch.shuffle(&mut rand::rng());
    for response in batch {
        let id = Uuid::new_v4();
        survey_response::ActiveModel {
            id: Set(id),
            survey_id: Set(survey_id),
            submitted_on: Set(response.submitted_on),
            overall: Set(response.overall),
        }
        .insert(conn)
        .await?;
        for (key, scale, choice, text) in response.answers {
            survey_answer::ActiveModel {
                id: Set(Uuid::new_v4()),
                response_id: Set(id),
                question_key: Set(key),
                scale: Set(scale),
                choice: Set(choice),
                text: Set(text),
            }
            .insert(conn)
            .await?;
        }
    }
    survey_ballot::Entity::delete_many()
        .filter(survey_ballot::Column::Id.is_in(ballots.iter().map(|b| b.id).collect::<Vec<_>>()))
        .exec(conn)
        .await?;
    survey_invitation::Entity::update_many()
        .col_expr(survey_invitation::Column::Answered, Expr::value(true))
        .filter(survey_invitation::Column::SurveyId.eq(survey_id))
        .filter(survey_invitation::Column::Answered.eq(true))
        .exec(conn)
        .await?;
    Ok(count)
}

/// What results cover.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Session(Uuid),
    Course(Uuid),
    Programme(Uuid),
}

/// A question's results, with its text from the template that asked it.
#[derive(Clone, Debug)]
pub struct QuestionResults {
    pub question: Question,
    pub result: QuestionResult,
}

#[derive(Clone, Debug, Default)]
pub struct Results {
    pub sessions: u64,
    pub invited: u64,
    pub answered: u64,
    /// Answers submitted and not yet published: they appear in groups of
    /// at least `MIN_GROUP`, or when the survey closes (issue 21).
    pub waiting: u64,
    pub questions: Vec<QuestionResults>,
}

impl Results {
    /// The overall-satisfaction question's results, if it was asked.
    pub fn overall(&self) -> Option<&QuestionResults> {
        self.questions.iter().find(|q| q.question.overall)
    }
}

async fn surveys_in(conn: &impl ConnectionTrait, scope: Scope) -> Result<Vec<survey::Model>> {
    let session_ids: Vec<Uuid> = match scope {
        Scope::Session(id) => vec![id],
        Scope::Course(id) => session::Entity::find()
            .filter(session::Column::CourseId.eq(id))
            .all(conn)
            .await?
            .into_iter()
            .map(|s| s.id)
            .collect(),
        Scope::Programme(id) => {
            let courses: Vec<Uuid> = course::Entity::find()
                .filter(course::Column::ProgrammeId.eq(id))
                .all(conn)
                .await?
                .into_iter()
                .map(|c| c.id)
                .collect();
            session::Entity::find()
                .filter(session::Column::CourseId.is_in(courses))
                .all(conn)
                .await?
                .into_iter()
                .map(|s| s.id)
                .collect()
        }
    };
    Ok(survey::Entity::find()
        .filter(survey::Column::SessionId.is_in(session_ids))
        .all(conn)
        .await?)
}

/// Counts of (question key, value) over the scope's answers, for the scale or the choice column.
async fn counts(
    conn: &impl ConnectionTrait,
    survey_ids: &[Uuid],
    column: survey_answer::Column,
) -> Result<Vec<(String, i32, i64)>> {
    use sea_orm::sea_query::ExprTrait as _;
    let value = Alias::new("value");
    let count = Alias::new("count");
    let key = Alias::new("question_key");
    let statement = Query::select()
        .expr_as(
            Expr::col((survey_answer::Entity, survey_answer::Column::QuestionKey)),
            key.clone(),
        )
        .expr_as(Expr::col((survey_answer::Entity, column)), value.clone())
        .expr_as(
            Func::count(Expr::col((survey_answer::Entity, survey_answer::Column::Id))),
            count.clone(),
        )
        .from(survey_answer::Entity)
        .inner_join(
            survey_response::Entity,
            Expr::col((survey_response::Entity, survey_response::Column::Id))
                .equals((survey_answer::Entity, survey_answer::Column::ResponseId)),
        )
        .and_where(Expr::col((survey_response::Entity, survey_response::Column::SurveyId)).is_in(survey_ids.to_vec()))
        .and_where(Expr::col((survey_answer::Entity, column)).is_not_null())
        .group_by_col((survey_answer::Entity, survey_answer::Column::QuestionKey))
        .group_by_col((survey_answer::Entity, column))
        .to_owned();
    let rows = conn.query_all(&statement).await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        out.push((
            row.try_get::<String>("", "question_key")?,
            row.try_get::<i32>("", "value")?,
            row.try_get::<i64>("", "count")?,
        ));
    }
    Ok(out)
}

/// The scope's results, computed in the database (grouped counts; free
/// texts listed as written, at most 1,000).
pub async fn results(conn: &impl ConnectionTrait, scope: Scope) -> Result<Results> {
    use sea_orm::sea_query::ExprTrait as _;
    let surveys = surveys_in(conn, scope).await?;
    let survey_ids: Vec<Uuid> = surveys.iter().map(|s| s.id).collect();
    if survey_ids.is_empty() {
        return Ok(Results::default());
    }
    let invited = survey_invitation::Entity::find()
        .filter(survey_invitation::Column::SurveyId.is_in(survey_ids.clone()))
        .count(conn)
        .await?;
    let answered = survey_invitation::Entity::find()
        .filter(survey_invitation::Column::SurveyId.is_in(survey_ids.clone()))
        .filter(survey_invitation::Column::Answered.eq(true))
        .count(conn)
        .await?;
    // Questions in the order of the first template; others' extra keys after.
    let mut questions: Vec<Question> = Vec::new();
    let mut template_ids: Vec<Uuid> = surveys.iter().map(|s| s.template_id).collect();
    template_ids.sort();
    template_ids.dedup();
    for id in template_ids {
        for question in parse(&template(conn, id).await?)?.questions {
            if !questions.iter().any(|q| q.key == question.key) {
                questions.push(question);
            }
        }
    }
    let mut scale: HashMap<String, Vec<u64>> = HashMap::new();
    for (key, value, count) in counts(conn, &survey_ids, survey_answer::Column::Scale).await? {
        let slot = scale.entry(key).or_insert_with(|| vec![0; 5]);
        if let Some(cell) = usize::try_from(value - 1).ok().and_then(|i| slot.get_mut(i)) {
            *cell += Ord::max(count, 0) as u64;
        }
    }
    let mut choice: HashMap<String, Vec<(usize, u64)>> = HashMap::new();
    for (key, value, count) in counts(conn, &survey_ids, survey_answer::Column::Choice).await? {
        choice
            .entry(key)
            .or_default()
            .push((usize::try_from(value).unwrap_or(0), Ord::max(count, 0) as u64));
    }
    let texts_statement = Query::select()
        .column((survey_answer::Entity, survey_answer::Column::QuestionKey))
        .column((survey_answer::Entity, survey_answer::Column::Text))
        .from(survey_answer::Entity)
        .inner_join(
            survey_response::Entity,
            Expr::col((survey_response::Entity, survey_response::Column::Id))
                .equals((survey_answer::Entity, survey_answer::Column::ResponseId)),
        )
        .and_where(Expr::col((survey_response::Entity, survey_response::Column::SurveyId)).is_in(survey_ids.clone()))
        .and_where(Expr::col((survey_answer::Entity, survey_answer::Column::Text)).is_not_null())
        // The random ids shuffle the texts: no order hints at who wrote what.
        .order_by((survey_answer::Entity, survey_answer::Column::Id), sea_orm::Order::Asc)
        .limit(1000)
        .to_owned();
    let mut texts: HashMap<String, Vec<String>> = HashMap::new();
    for row in conn.query_all(&texts_statement).await? {
        let key: String = row.try_get("", "question_key")?;
        let text: String = row.try_get("", "text")?;
        texts.entry(key).or_default().push(text);
    }
    let mut out = Vec::with_capacity(questions.len());
    for question in questions {
        let result = match question.kind {
            QuestionKind::Scale => {
                let distribution = scale.remove(&question.key).unwrap_or_else(|| vec![0; 5]);
                QuestionResult {
                    key: question.key.clone(),
                    count: distribution.iter().sum(),
                    mean: mean_of(&distribution),
                    distribution,
                    texts: Vec::new(),
                }
            }
            QuestionKind::Choice => {
                let mut distribution = vec![0; question.choices.len()];
                for (index, count) in choice.remove(&question.key).unwrap_or_default() {
                    if let Some(cell) = distribution.get_mut(index) {
                        *cell += count;
                    }
                }
                QuestionResult {
                    key: question.key.clone(),
                    count: distribution.iter().sum(),
                    mean: None,
                    distribution,
                    texts: Vec::new(),
                }
            }
            QuestionKind::Text => {
                let written = texts.remove(&question.key).unwrap_or_default();
                QuestionResult {
                    key: question.key.clone(),
                    count: written.len() as u64,
                    mean: None,
                    distribution: Vec::new(),
                    texts: written,
                }
            }
        };
        out.push(QuestionResults { question, result });
    }
    Ok(Results {
        sessions: surveys.len() as u64,
        invited,
        answered,
        waiting: survey_ballot::Entity::find()
            .filter(survey_ballot::Column::SurveyId.is_in(survey_ids))
            .count(conn)
            .await?,
        questions: out,
    })
}

/// The registration's invitation to a survey open at `now` and not yet
/// answered: what "my trainings" offers to answer (issue 24).
pub async fn to_answer(
    conn: &impl ConnectionTrait,
    registration_id: Uuid,
    at: DateTime<Utc>,
) -> Result<Option<survey_invitation::Model>> {
    let Some(invitation) = survey_invitation::Entity::find()
        .filter(survey_invitation::Column::RegistrationId.eq(registration_id))
        .filter(survey_invitation::Column::Answered.eq(false))
        .one(conn)
        .await?
    else {
        return Ok(None);
    };
    let open = survey::Entity::find_by_id(invitation.survey_id)
        .filter(survey::Column::OpensAt.lte(at))
        .filter(survey::Column::ClosesAt.gt(at))
        .count(conn)
        .await?
        > 0;
    Ok(open.then_some(invitation))
}

/// Whether the registration answered its session's survey (certificates
/// that require it wait for this).
/// Which of these registrations have answered their survey (one query).
pub async fn answered_among(
    conn: &impl ConnectionTrait,
    registration_ids: &[Uuid],
) -> Result<std::collections::HashSet<Uuid>> {
    Ok(survey_invitation::Entity::find()
        .filter(survey_invitation::Column::RegistrationId.is_in(registration_ids.iter().copied()))
        .filter(survey_invitation::Column::Answered.eq(true))
        .all(conn)
        .await?
        .into_iter()
        .map(|i| i.registration_id)
        .collect())
}

pub async fn answered(conn: &impl ConnectionTrait, registration_id: Uuid) -> Result<bool> {
    Ok(survey_invitation::Entity::find()
        .filter(survey_invitation::Column::RegistrationId.eq(registration_id))
        .filter(survey_invitation::Column::Answered.eq(true))
        .count(conn)
        .await?
        > 0)
}
