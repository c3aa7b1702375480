//! The doors of a staff form that adds a thing or changes one (a programme,
//! a course, a staff user): the empty form, the form of one that exists, and
//! the two POSTs that save it, then go on to where it is shown or draw the
//! form again with its errors (422). A form says once, by implementing
//! [`EditForm`], who may use it, how it is saved and how it is drawn; the
//! routes name `forms::adding::<F>()` and `forms::changing::<F>()`.

use std::future::Future;

use askama::Template;
use axum::extract::{FromRequestParts, RawQuery};
use axum::response::Response;
use axum::routing::{MethodRouter, get};
use serde::de::DeserializeOwned;
use uuid::Uuid;

use crate::kit::extract::{ApiPath, CsrfForm};
use crate::kit::pages::{FormErrors, redirect_with, render, saved_or_form_again};
use crate::{AppError, AppResult, AppState, Ctx};

pub(crate) trait EditForm: DeserializeOwned + Send + 'static {
    /// Who may open and save the form: a role guard, so that others are
    /// refused (401, 403) before their input is read.
    type Guard: FromRequestParts<AppState, Rejection = AppError> + Into<Ctx> + Send;
    /// What saving gives back.
    type Saved: Send;
    /// The form drawn as a page.
    type Page: Template + Send;

    /// The form of a new thing, for this reader.
    fn blank(ctx: &Ctx) -> Self;

    /// Fills in the new thing's form from the page's query string, when a
    /// link says where it belongs (`/staff/outreach/new?programme=…`).
    /// Only a default: what the reader then sends is what is saved.
    fn prefill(&mut self, _query: &str) {}

    /// The form of thing `id` as it stands (one of the reader's organisation's).
    fn current(ctx: &Ctx, id: Uuid) -> impl Future<Output = AppResult<Self>> + Send;

    /// Adds the thing (`id` is `None`) or changes thing `id`; refused input
    /// is `AppError::Invalid`, and nothing is written.
    fn save(ctx: &Ctx, id: Option<Uuid>, form: &Self) -> impl Future<Output = AppResult<Self::Saved>> + Send;

    /// Where to go once it is saved.
    fn saved_at(saved: &Self::Saved) -> String;

    /// The page, with `errors` (none on a first view).
    fn page(
        ctx: &Ctx,
        id: Option<Uuid>,
        form: Self,
        errors: FormErrors,
    ) -> impl Future<Output = AppResult<Self::Page>> + Send;
}

/// The routes of the form for a new thing (`…/new`): GET draws it, POST adds it.
pub(crate) fn adding<F: EditForm>() -> MethodRouter<AppState> {
    get(new_page::<F>).post(create_page::<F>)
}

/// The routes of thing `{id}`'s form: GET draws it, POST changes it.
pub(crate) fn changing<F: EditForm>() -> MethodRouter<AppState> {
    get(edit_page::<F>).post(update_page::<F>)
}

async fn new_page<F: EditForm>(guard: F::Guard, RawQuery(query): RawQuery) -> AppResult<Response> {
    let ctx: Ctx = guard.into();
    let mut form = F::blank(&ctx);
    form.prefill(query.as_deref().unwrap_or_default());
    render(&F::page(&ctx, None, form, FormErrors::none()).await?)
}

async fn edit_page<F: EditForm>(guard: F::Guard, ApiPath(id): ApiPath<Uuid>) -> AppResult<Response> {
    let ctx: Ctx = guard.into();
    let form = F::current(&ctx, id).await?;
    render(&F::page(&ctx, Some(id), form, FormErrors::none()).await?)
}

async fn create_page<F: EditForm>(guard: F::Guard, CsrfForm(form): CsrfForm<F>) -> AppResult<Response> {
    save(guard.into(), None, form).await
}

async fn update_page<F: EditForm>(
    guard: F::Guard,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(form): CsrfForm<F>,
) -> AppResult<Response> {
    save(guard.into(), Some(id), form).await
}

async fn save<F: EditForm>(ctx: Ctx, id: Option<Uuid>, form: F) -> AppResult<Response> {
    let outcome = F::save(&ctx, id, &form).await;
    saved_or_form_again(
        &ctx,
        outcome,
        |saved| redirect_with(&ctx, &F::saved_at(&saved), "flash-saved"),
        async |errors| F::page(&ctx, id, form, errors).await,
    )
    .await
}
