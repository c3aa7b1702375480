//! Surveys: an organiser opens one, a trainee answers it.

use aula_domain::survey::{Answer, Template};
use aula_domain::{FieldErrors, Problem};
use aula_storage::entities::survey_template;
use aula_storage::surveys::{self, Invitees, Opened};
use aula_storage::{Actor, StorageError, sessions};
use sea_orm::ConnectionTrait;
use uuid::Uuid;

use crate::{App, Error, Result};

/// When a survey an organiser opens sends its reminder and closes, in
/// days from its opening; the jobs' and a completion's surveys keep the
/// defaults.
#[derive(Clone, Copy, Debug)]
pub(crate) struct SurveyDates {
    pub reminder_days: i64,
    pub open_days: i64,
}

/// Opens the session's survey (if not open yet) and invites those of
/// `invitees` not invited yet, queuing their e-mails in the caller's
/// transaction; none for a session recorded after the fact. Returns how
/// many were invited.
pub(crate) async fn invite(
    conn: &impl ConnectionTrait,
    mail: &aula_mail::MailConfig,
    session_id: Uuid,
    template_id: Option<Uuid>,
    invitees: Invitees,
    dates: Option<SurveyDates>,
) -> aula_storage::Result<usize> {
    let record = sessions::get(conn, session_id).await?;
    // A session recorded after the fact e-mails nobody, so it has no
    // survey: its certificates ask for none (`SessionRecord::survey_required`).
    if record.session.record_past {
        return Ok(0);
    }
    let (mut survey, invited) = surveys::open(
        conn,
        &mail.link_key,
        session_id,
        template_id,
        invitees,
        chrono::Utc::now(),
    )
    .await?;
    // The dates before the invitations, which say when the survey closes
    // (session 25: they said the default 30 days, not the organiser's 7).
    if let Some(SurveyDates {
        reminder_days,
        open_days,
    }) = dates
    {
        survey = surveys::set_dates(conn, survey.id, reminder_days, open_days).await?;
    }
    for one in &invited {
        aula_mail::notify::survey_invitation(conn, mail, &record, one, survey.closes_at, false).await?;
    }
    Ok(invited.len())
}

/// Records an anonymous submission (the domain has checked it), once. A
/// completed session that issues its certificates at completion issues the
/// ones the answer now makes due: where the course asks for the survey,
/// nobody had answered at completion, and nothing was ever issued (session
/// 31's attack round).
pub async fn submit(app: &App, opened: &Opened, answers: &[(String, Answer)]) -> Result<()> {
    app.retrying(|| async {
        let txn = app.write().await?;
        surveys::submit(&*txn, opened, answers, chrono::Utc::now().date_naive()).await?;
        let record = aula_storage::sessions::get(&*txn, opened.survey.session_id).await?;
        if record.status() == aula_domain::SessionStatus::Completed && record.session.issue_on_completion {
            let actor = aula_storage::Actor::system("lifecycle")
                .within(aula_domain::OrganisationId::from_row(record.session.organisation_id));
            crate::certificates::issue_in(&*txn, app, &actor, &record).await?;
        }
        txn.commit().await
    })
    .await?;
    // Published in a transaction of its own, never the submission's (issue
    // 21); if this fails, the scheduled job publishes them.
    if let Err(err) = publish(app, opened.survey.id, false).await {
        tracing::warn!(%err, "survey answers not published yet; the job will");
    }
    Ok(())
}

/// Publishes a survey's waiting answers if there are enough of them, or all
/// of them when `closing` (see `aula_storage::surveys::publish`). One
/// transaction; returns how many.
pub async fn publish(app: &App, survey_id: Uuid, closing: bool) -> Result<u64> {
    // A read first: most submissions have too few companions to publish,
    // and need not take the write turn to find out.
    if !closing && surveys::waiting(&app.db, survey_id).await? < aula_domain::survey::MIN_GROUP {
        return Ok(0);
    }
    let txn = app.write().await?;
    let published = surveys::publish(&*txn, survey_id, closing).await?;
    txn.commit().await?;
    Ok(published)
}

/// Publishes what is due at `now`: groups large enough, and whatever waits
/// in surveys that have closed.
pub async fn publish_due(app: &App, now: chrono::DateTime<chrono::Utc>) -> Result<u64> {
    let mut published = 0;
    for survey_id in surveys::due_for_publication(&app.db, now).await? {
        let closing = aula_storage::surveys::closes_at(&app.db, survey_id).await? <= now;
        published += publish(app, survey_id, closing).await?;
    }
    Ok(published)
}

/// Opens the survey of one of `org`'s sessions now with `template_id` (or
/// the default), or invites more people to it, with its dates: the
/// invitations go out.
pub async fn open(
    app: &App,
    org: aula_domain::OrganisationId,
    session_id: Uuid,
    template_id: Option<Uuid>,
    invitees: Invitees,
    reminder_days: i64,
    open_days: i64,
) -> Result<()> {
    // Another organisation's session is not found (issue 17). One recorded
    // after the fact e-mails nobody: opening its survey said "invitations
    // are on their way" and sent none (session 29's attack round).
    if sessions::row_in(&app.db, org, session_id).await?.record_past {
        return Err(Error::Conflict(Problem::new("error-survey-past-session")));
    }
    let txn = app.write().await?;
    let dates = SurveyDates {
        reminder_days,
        open_days,
    };
    match invite(&*txn, &app.mail, session_id, template_id, invitees, Some(dates)).await {
        Ok(_) => {}
        Err(StorageError::NotFound) => {
            return Err(Error::Invalid(FieldErrors::single(
                "template_id",
                Problem::new("error-unknown-choice"),
            )));
        }
        Err(other) => return Err(other.into()),
    }
    txn.commit().await
}

/// Copies a questionnaire under a new name (audited).
pub async fn copy_template(
    app: &App,
    actor: &Actor,
    org: aula_domain::OrganisationId,
    from: Uuid,
    name: &str,
) -> Result<survey_template::Model> {
    let txn = app.write().await?;
    let row = surveys::copy(&*txn, actor, org, from, name).await?;
    txn.commit().await?;
    Ok(row)
}

/// Saves a questionnaire as template `id`, or as the next version of its
/// family when `id` is in use (audited).
pub async fn save_template(
    app: &App,
    actor: &Actor,
    org: aula_domain::OrganisationId,
    id: Uuid,
    template: &Template,
) -> Result<survey_template::Model> {
    let txn = app.write().await?;
    let row = surveys::save(&*txn, actor, org, id, template).await?;
    txn.commit().await?;
    Ok(row)
}
