//! API tokens: each staff user makes their own, sees it once, revokes it.

use askama::Template;
use aula_domain::{FieldErrors, Problem, Text};
use aula_storage::entities::api_token;
use aula_storage::tokens;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::kit::api::ApiError;
use crate::kit::extract::{ApiPath, CsrfForm};
use crate::kit::pages::{Chrome, FormErrors, no_store, redirect_with, render, render_invalid};
use crate::{AppResult, Ctx};

#[derive(Serialize, ToSchema)]
pub struct TokenOut {
    pub id: Uuid,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

impl From<api_token::Model> for TokenOut {
    fn from(t: api_token::Model) -> Self {
        TokenOut {
            id: t.id,
            name: t.name,
            created_at: t.created_at,
            last_used_at: t.last_used_at,
            revoked_at: t.revoked_at,
        }
    }
}

/// The reader's tokens as pages and the API show them: those of the
/// organisation the request works in, which owns them (issue 17), or all
/// of theirs for an account that works in none.
async fn own_tokens(ctx: &Ctx) -> AppResult<Vec<TokenOut>> {
    let rows = tokens::list_for_user(&ctx.state.db, ctx.user()?.user.id, ctx.staff_org()).await?;
    Ok(rows.into_iter().map(TokenOut::from).collect())
}

/// The caller's own API tokens of the organisation the call works in (never their secret).
#[utoipa::path(get, path = "/api/v1/tokens", tag = "tokens",
    responses((status = 200, body = Vec<TokenOut>), ))]
pub(crate) async fn list(ctx: Ctx) -> AppResult<axum::Json<Vec<TokenOut>>> {
    Ok(axum::Json(own_tokens(&ctx).await?))
}

/// Revoke one of the caller's tokens (it stops working at once).
#[utoipa::path(delete, path = "/api/v1/tokens/{id}", tag = "tokens", params(("id" = Uuid, Path)),
    responses((status = 204), (status = 404, body = ApiError)))]
pub(crate) async fn revoke(ctx: Ctx, ApiPath(id): ApiPath<Uuid>) -> AppResult<Response> {
    let user = ctx.user()?;
    aula_app::tokens::revoke(&ctx.state.app(), &ctx.actor()?, user.user.id, ctx.staff_org(), id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Template)]
#[template(path = "pages/tokens.html")]
struct Page {
    c: Chrome,
    /// What the API says of a token: never its hash.
    tokens: Vec<TokenOut>,
    /// The token just made, shown this once.
    created: Option<String>,
    token_name: String,
    errors: FormErrors,
}

pub(crate) async fn page(ctx: Ctx) -> AppResult<Response> {
    let tokens = own_tokens(&ctx).await?;
    render(&Page {
        c: Chrome::new(&ctx),
        tokens,
        created: None,
        token_name: String::new(),
        errors: FormErrors::none(),
    })
}

#[derive(Deserialize)]
pub(crate) struct NewToken {
    #[serde(default)]
    name: String,
}

pub(crate) async fn create_page(ctx: Ctx, CsrfForm(form): CsrfForm<NewToken>) -> AppResult<Response> {
    let user = ctx.user()?;
    let mut errors = FieldErrors::new();
    let name = errors.take("name", Text::<100>::parse(&form.name));
    // A token works in its organisation (issue 17): an administrator of
    // the instance working in none was answered "page not found"
    // (session 27's attack round).
    let org = ctx.staff_org();
    if org.is_none() {
        errors.add("name", Problem::new("error-token-no-organisation"));
    }
    let (Some(name), Some(org)) = (name, org) else {
        let tokens = own_tokens(&ctx).await?;
        let errors = FormErrors::new(ctx.tr(), &errors);
        return render_invalid(&Page {
            c: Chrome::new(&ctx),
            tokens,
            created: None,
            token_name: form.name,
            errors,
        });
    };
    let (_, plain) =
        aula_app::tokens::create(&ctx.state.app(), &ctx.actor()?, org, user.user.id, name.as_str()).await?;
    let tokens = own_tokens(&ctx).await?;
    // Shown in this response only, never stored in plain: no redirect, no cache.
    let response = render(&Page {
        c: Chrome::new(&ctx),
        tokens,
        created: Some(plain),
        token_name: String::new(),
        errors: FormErrors::none(),
    })?;
    Ok(no_store(response))
}

pub(crate) async fn revoke_page(
    ctx: Ctx,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(_): CsrfForm<crate::kit::extract::NoFields>,
) -> AppResult<Response> {
    let user = ctx.user()?;
    aula_app::tokens::revoke(&ctx.state.app(), &ctx.actor()?, user.user.id, ctx.staff_org(), id).await?;
    Ok(redirect_with(&ctx, "/account/tokens", "flash-token-revoked"))
}
