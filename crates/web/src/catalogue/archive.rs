//! Archiving, restoring and deleting programmes and courses (issue 20):
//! the buttons of their staff pages and the API's operations. The rules
//! (what archiving hides, what it refuses, when a delete is allowed) are
//! the use cases' in `aula_app::catalogue`; here are the doors.

use askama::Template;
use aula_app::catalogue as rooms;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use uuid::Uuid;

use super::courses::CourseOut;
use super::programmes::ProgrammeOut;
use crate::kit::api::ApiError;
use crate::kit::context::Organiser;
use crate::kit::extract::{ApiPath, CsrfForm, NoFields};
use crate::kit::pages::{Chrome, redirect_with, render};
use crate::{AppResult, Ctx};

/// Which record a button acts on.
#[derive(Clone, Copy)]
enum Record {
    Programme,
    Course,
}

/// What a button does.
#[derive(Clone, Copy)]
enum Act {
    Archive,
    Restore,
    Delete,
}

impl Record {
    fn word(self) -> &'static str {
        match self {
            Record::Programme => "programme",
            Record::Course => "course",
        }
    }

    /// The record's staff page, or the list after a delete.
    fn page(self, id: Uuid) -> String {
        format!("/staff/{}s/{id}", self.word())
    }

    fn list(self) -> String {
        format!("/staff/{}s", self.word())
    }

    /// Runs the use case of `act` on record `id` of the organiser's organisation.
    async fn apply(self, act: Act, ctx: &Ctx, id: Uuid) -> AppResult<()> {
        let (app, actor, org) = (&ctx.state.app(), &ctx.actor()?, ctx.org()?);
        match (self, act) {
            (Record::Programme, Act::Archive) => rooms::archive_programme(app, actor, org, id).await.map(drop),
            (Record::Programme, Act::Restore) => rooms::restore_programme(app, actor, org, id).await.map(drop),
            (Record::Programme, Act::Delete) => rooms::delete_programme(app, actor, org, id).await,
            (Record::Course, Act::Archive) => rooms::archive_course(app, actor, org, id).await.map(drop),
            (Record::Course, Act::Restore) => rooms::restore_course(app, actor, org, id).await.map(drop),
            (Record::Course, Act::Delete) => rooms::delete_course(app, actor, org, id).await,
        }?;
        Ok(())
    }

    /// A button's POST: the change, then back to the page with a message.
    async fn button(self, act: Act, ctx: &Ctx, id: Uuid) -> AppResult<Response> {
        self.apply(act, ctx, id).await?;
        let (to, flash) = match act {
            Act::Archive => (self.page(id), "archived-flash"),
            Act::Restore => (self.page(id), "restored-flash"),
            Act::Delete => (self.list(), "deleted-flash"),
        };
        Ok(redirect_with(ctx, &to, &format!("{}-{flash}", self.word())))
    }

    /// Delete's first press shows what would go, with a second button
    /// that deletes (no script); the second press deletes.
    async fn delete(self, ctx: &Ctx, id: Uuid, form: DeleteForm) -> AppResult<Response> {
        if form.confirmed.is_some() {
            return self.button(Act::Delete, ctx, id).await;
        }
        let org = ctx.org()?;
        let title = match self {
            Record::Programme => aula_storage::programmes::get(&ctx.state.db, org, id).await?.title,
            Record::Course => {
                aula_storage::courses::get_in(&ctx.state.db, org, id)
                    .await?
                    .course
                    .title
            }
        };
        render(&DeletePage {
            c: Chrome::new(ctx),
            heading: format!("{}-delete-title", self.word()),
            explain: format!("{}-delete-explain", self.word()),
            title,
            action: format!("{}/delete", self.page(id)),
            back: self.page(id),
        })
    }
}

#[derive(Debug, Deserialize)]
pub(crate) struct DeleteForm {
    /// Present once the organiser has seen what the delete removes.
    #[serde(default)]
    pub(crate) confirmed: Option<String>,
}

/// A delete's second step: what goes, one button that deletes, a way back.
#[derive(Template)]
#[template(path = "pages/catalogue_delete.html")]
pub(crate) struct DeletePage {
    pub(crate) c: Chrome,
    /// The page's heading and explanation, by message key.
    pub(crate) heading: String,
    pub(crate) explain: String,
    /// The record's title.
    pub(crate) title: String,
    pub(crate) action: String,
    pub(crate) back: String,
}

// ----- pages ------------------------------------------------------------------------

pub(crate) async fn archive_programme_page(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(NoFields {}): CsrfForm<NoFields>,
) -> AppResult<Response> {
    Record::Programme.button(Act::Archive, &ctx, id).await
}

pub(crate) async fn restore_programme_page(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(NoFields {}): CsrfForm<NoFields>,
) -> AppResult<Response> {
    Record::Programme.button(Act::Restore, &ctx, id).await
}

pub(crate) async fn delete_programme_page(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(form): CsrfForm<DeleteForm>,
) -> AppResult<Response> {
    Record::Programme.delete(&ctx, id, form).await
}

pub(crate) async fn archive_course_page(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(NoFields {}): CsrfForm<NoFields>,
) -> AppResult<Response> {
    Record::Course.button(Act::Archive, &ctx, id).await
}

pub(crate) async fn restore_course_page(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(NoFields {}): CsrfForm<NoFields>,
) -> AppResult<Response> {
    Record::Course.button(Act::Restore, &ctx, id).await
}

pub(crate) async fn delete_course_page(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(form): CsrfForm<DeleteForm>,
) -> AppResult<Response> {
    Record::Course.delete(&ctx, id, form).await
}

// ----- the API ------------------------------------------------------------------------

/// Archive a programme and its courses: out of lists and pickers, figures
/// kept. 409 while one of its courses has a session people may still
/// register for or attend.
#[utoipa::path(post, path = "/api/v1/programmes/{id}/archive", tag = "programmes", params(("id" = Uuid, Path)),
    responses((status = 200, body = ProgrammeOut), (status = 403, body = ApiError),
        (status = 404, body = ApiError), (status = 409, body = ApiError)))]
pub(crate) async fn archive_programme(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
) -> AppResult<axum::Json<ProgrammeOut>> {
    let programme = rooms::archive_programme(&ctx.state.app(), &ctx.actor()?, ctx.org()?, id).await?;
    Ok(axum::Json(ProgrammeOut::of(&ctx.state, programme).await?))
}

/// Restore an archived programme, with the courses archived with it.
#[utoipa::path(post, path = "/api/v1/programmes/{id}/restore", tag = "programmes", params(("id" = Uuid, Path)),
    responses((status = 200, body = ProgrammeOut), (status = 403, body = ApiError), (status = 404, body = ApiError)))]
pub(crate) async fn restore_programme(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
) -> AppResult<axum::Json<ProgrammeOut>> {
    let programme = rooms::restore_programme(&ctx.state.app(), &ctx.actor()?, ctx.org()?, id).await?;
    Ok(axum::Json(ProgrammeOut::of(&ctx.state, programme).await?))
}

/// Delete a programme that has no course (409 otherwise, saying how many).
#[utoipa::path(delete, path = "/api/v1/programmes/{id}", tag = "programmes", params(("id" = Uuid, Path)),
    responses((status = 204), (status = 403, body = ApiError),
        (status = 404, body = ApiError), (status = 409, body = ApiError)))]
pub(crate) async fn delete_programme(Organiser(ctx): Organiser, ApiPath(id): ApiPath<Uuid>) -> AppResult<Response> {
    Record::Programme.apply(Act::Delete, &ctx, id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Archive a course: out of the catalogue, lists and pickers, figures kept.
/// 409 while it has a session people may still register for or attend.
#[utoipa::path(post, path = "/api/v1/courses/{id}/archive", tag = "courses", params(("id" = Uuid, Path)),
    responses((status = 200, body = CourseOut), (status = 403, body = ApiError),
        (status = 404, body = ApiError), (status = 409, body = ApiError)))]
pub(crate) async fn archive_course(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
) -> AppResult<axum::Json<CourseOut>> {
    let course = rooms::archive_course(&ctx.state.app(), &ctx.actor()?, ctx.org()?, id).await?;
    Ok(axum::Json(course.into()))
}

/// Restore an archived course (409 while its programme is archived).
#[utoipa::path(post, path = "/api/v1/courses/{id}/restore", tag = "courses", params(("id" = Uuid, Path)),
    responses((status = 200, body = CourseOut), (status = 403, body = ApiError),
        (status = 404, body = ApiError), (status = 409, body = ApiError)))]
pub(crate) async fn restore_course(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
) -> AppResult<axum::Json<CourseOut>> {
    let course = rooms::restore_course(&ctx.state.app(), &ctx.actor()?, ctx.org()?, id).await?;
    Ok(axum::Json(course.into()))
}

/// Delete a course that has no session (409 otherwise, saying how many).
#[utoipa::path(delete, path = "/api/v1/courses/{id}", tag = "courses", params(("id" = Uuid, Path)),
    responses((status = 204), (status = 403, body = ApiError),
        (status = 404, body = ApiError), (status = 409, body = ApiError)))]
pub(crate) async fn delete_course(Organiser(ctx): Organiser, ApiPath(id): ApiPath<Uuid>) -> AppResult<Response> {
    Record::Course.apply(Act::Delete, &ctx, id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
