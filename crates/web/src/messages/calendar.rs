//! Calendar files of a session.

use aula_mail::ics::Method;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use uuid::Uuid;

use crate::kit::extract::ApiPath;
use crate::sessions::visible;
use crate::{AppResult, Ctx};

// ----- calendar ---------------------------------------------------------------------

/// The session's meetings as an `.ics` file to add to a calendar.
pub(crate) async fn calendar(ctx: Ctx, ApiPath(file): ApiPath<Uuid>) -> AppResult<Response> {
    let session = visible(&ctx, file).await?;
    let mut calendar = aula_mail::notify::calendar(&ctx.state.mail, &session);
    // Anyone may download it: a meeting's link goes only to the people
    // holding a seat, by e-mail (issue 20; the session's own link too,
    // session 23).
    if calendar.location.is_some() && calendar.location == session.session.online_url {
        calendar.location = None;
    }
    for place in &mut calendar.places {
        if place.as_deref().is_some_and(|p| p.starts_with("http")) {
            *place = None;
        }
    }
    // The reader's language where the course has a text in it (issue 23),
    // as in the invitations sent by e-mail.
    let text = session.course.course.text(ctx.lang.as_str());
    calendar.summary = text.title;
    calendar.description = text.summary;
    calendar.organiser_name = aula_mail::render::Signer::load(&ctx.state.db, session.session.organisation_id)
        .await?
        .name;
    // A cancelled session's file takes its events off a calendar, as its
    // cancellation e-mail does: it offered them again, confirmed, to be
    // imported (session 29's attack round).
    let method = match session.status() {
        aula_domain::SessionStatus::Cancelled => Method::Cancel,
        _ => Method::Publish,
    };
    let ics = calendar.render(method, &ctx.state.mail.domain, Utc::now());
    Ok((
        [
            (CONTENT_TYPE, "text/calendar; charset=utf-8".to_owned()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"session-{}.ics\"", session.session.id),
            ),
        ],
        ics,
    )
        .into_response())
}
