//! Staff users and their roles. Admins manage them.

use askama::Template;
use aula_domain::details::UserDetails;
use aula_domain::{Email, FieldErrors, Language, Password, PasswordHash, Problem, Role, Text};
use aula_storage::bodies;
use aula_storage::users::{self, UserRecord};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::kit::api::{ApiError, Paginated, Paging};
use crate::kit::context::Admin;
use crate::kit::extract::{ApiJson, ApiPath, ApiQuery, CsrfForm};
use crate::kit::input::{self, parse_optional_id};
use crate::kit::pages::{Chrome, FormErrors, Pager, redirect_with, render, saved_or_form_again};
use crate::{AppError, AppResult, Ctx};

const ADMIN: &[Role] = &[Role::Admin];

#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UserInput {
    pub email: String,
    pub name: String,
    /// `admin`, `organiser`, `trainer`, `accreditor` (one or more).
    #[serde(default, deserialize_with = "input::loose_list")]
    pub roles: Vec<String>,
    /// Required for accreditors: the body whose certificates they see.
    #[serde(default, deserialize_with = "input::loose_text")]
    pub accreditation_body_id: String,
    #[serde(default = "default_language")]
    pub language: String,
    /// A new password (at least 10 characters); empty keeps the current one.
    #[serde(default, deserialize_with = "input::loose_text", skip_serializing)]
    pub password: String,
    #[serde(default = "yes", deserialize_with = "input::loose_bool")]
    pub active: bool,
}

fn default_language() -> String {
    Language::default().as_str().to_owned()
}

fn yes() -> bool {
    true
}

impl Default for UserInput {
    fn default() -> Self {
        UserInput {
            email: String::new(),
            name: String::new(),
            roles: Vec::new(),
            accreditation_body_id: String::new(),
            language: default_language(),
            password: String::new(),
            active: true,
        }
    }
}

impl TryFrom<&UserInput> for UserDetails {
    type Error = FieldErrors;

    fn try_from(input: &UserInput) -> Result<Self, Self::Error> {
        let mut errors = FieldErrors::new();
        let email = errors.take("email", Email::parse(&input.email));
        let name = errors.take("name", Text::parse(&input.name));
        let roles = errors.take(
            "roles",
            input
                .roles
                .iter()
                .map(|r| Role::parse(r))
                .collect::<Result<Vec<_>, Problem>>(),
        );
        let body = errors.take("accreditation_body_id", parse_optional_id(&input.accreditation_body_id));
        let language = errors.take("language", Language::parse(&input.language));
        let password = if input.password.is_empty() {
            Some(None)
        } else {
            errors
                .take("password", Password::parse(&input.password))
                .map(|p| Some(PasswordHash::new(&p)))
        };
        let (Some(email), Some(name), Some(roles), Some(accreditation_body_id), Some(language), Some(password)) =
            (email, name, roles, body, language, password)
        else {
            return Err(errors);
        };
        UserDetails::new(UserDetails {
            email,
            name,
            roles,
            accreditation_body_id,
            language,
            password,
        })
    }
}

impl From<&UserRecord> for UserInput {
    fn from(r: &UserRecord) -> Self {
        UserInput {
            email: r.user.email.clone(),
            name: r.user.name.clone(),
            roles: r.roles.iter().map(|x| x.as_str().to_owned()).collect(),
            accreditation_body_id: r
                .user
                .accreditation_body_id
                .map(|id| id.to_string())
                .unwrap_or_default(),
            language: r.user.language.as_str().to_owned(),
            password: String::new(),
            active: r.user.active,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct UserOut {
    pub id: Uuid,
    pub email: String,
    pub name: String,
    pub roles: Vec<String>,
    pub accreditation_body_id: Option<Uuid>,
    pub language: String,
    pub active: bool,
    pub has_password: bool,
    pub created_at: DateTime<Utc>,
}

impl From<UserRecord> for UserOut {
    fn from(r: UserRecord) -> Self {
        UserOut {
            id: r.user.id,
            email: r.user.email,
            name: r.user.name,
            roles: r.roles.iter().map(|x| x.as_str().to_owned()).collect(),
            accreditation_body_id: r.user.accreditation_body_id,
            language: r.user.language.as_str().to_owned(),
            active: r.user.active,
            has_password: r.user.password_hash.is_some(),
            created_at: r.user.created_at,
        }
    }
}

/// Staff users, by name (admins).
#[utoipa::path(get, path = "/api/v1/users", tag = "users", params(Paging),
    responses((status = 200, body = Paginated<UserOut>), (status = 403, body = ApiError)))]
pub(crate) async fn list(ctx: Ctx, ApiQuery(paging): ApiQuery<Paging>) -> AppResult<axum::Json<Paginated<UserOut>>> {
    ctx.require(ADMIN)?;
    let paged = users::list(&ctx.state.db, None, paging.page()?).await?;
    Ok(axum::Json(Paginated::from(paged, UserOut::from)))
}

/// Add a staff user (admins).
#[utoipa::path(post, path = "/api/v1/users", tag = "users", request_body = UserInput,
    responses((status = 201, body = UserOut), (status = 403, body = ApiError), (status = 422, body = ApiError)))]
pub(crate) async fn create(Admin(ctx): Admin, ApiJson(input): ApiJson<UserInput>) -> AppResult<Response> {
    let details = UserDetails::try_from(&input)?;
    let org = admin_org(&ctx).await?;
    let created = aula_app::users::add(&ctx.state.app(), &ctx.actor()?, org, &details).await?;
    Ok((StatusCode::CREATED, axum::Json(UserOut::from(created))).into_response())
}

/// One staff user (admins): the platform's roles, and their roles in the
/// administrator's organisation.
#[utoipa::path(get, path = "/api/v1/users/{id}", tag = "users", params(("id" = Uuid, Path)),
    responses((status = 200, body = UserOut), (status = 403, body = ApiError), (status = 404, body = ApiError)))]
pub(crate) async fn show(ctx: Ctx, ApiPath(id): ApiPath<Uuid>) -> AppResult<axum::Json<UserOut>> {
    ctx.require(ADMIN)?;
    let org = admin_org(&ctx).await?;
    Ok(axum::Json(users::get_in(&ctx.state.db, id, org).await?.into()))
}

/// Change a staff user's details, roles, password or whether they are active (admins).
/// Roles are the platform's and those in the administrator's organisation. A new
/// password signs the user out everywhere; deactivating also revokes their API
/// tokens, which reactivating does not bring back. Administrators cannot set
/// their own password here (422; it is changed at `/account/password` with the
/// current one), nor take away their own administrator role or deactivate
/// themselves (409).
#[utoipa::path(patch, path = "/api/v1/users/{id}", tag = "users", params(("id" = Uuid, Path)),
    request_body(content = serde_json::Value, description = "Any fields of UserInput"),
    responses((status = 200, body = UserOut), (status = 403, body = ApiError),
        (status = 404, body = ApiError), (status = 409, body = ApiError), (status = 422, body = ApiError)))]
pub(crate) async fn update(
    Admin(ctx): Admin,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(patch): ApiJson<serde_json::Value>,
) -> AppResult<axum::Json<UserOut>> {
    let current = users::get_in(&ctx.state.db, id, admin_org(&ctx).await?).await?;
    let mut base = serde_json::to_value(UserInput::from(&current)).map_err(|e| AppError::Internal(e.to_string()))?;
    if let Some(map) = base.as_object_mut() {
        map.insert("password".into(), serde_json::Value::String(String::new()));
    }
    let input: UserInput = input::merge(&base, patch)
        .and_then(|v| serde_path_to_error::deserialize(v).map_err(crate::kit::extract::refusal))?;
    Ok(axum::Json(save_user(&ctx, Some(id), &input).await?.into()))
}

/// The organisation whose memberships an administrator's changes of roles
/// write: the one they work in, or the first when they work in none.
async fn admin_org(ctx: &Ctx) -> AppResult<aula_domain::OrganisationId> {
    Ok(match ctx.staff_org() {
        Some(org) => org,
        None => aula_storage::organisations::id(&aula_storage::organisations::first(&ctx.state.db).await?),
    })
}

/// Creates or updates; refuses to leave the organisation without an active admin.
async fn save_user(ctx: &Ctx, id: Option<Uuid>, input: &UserInput) -> AppResult<UserRecord> {
    let details = UserDetails::try_from(input)?;
    let actor = ctx.actor()?;
    let org = admin_org(ctx).await?;
    match id {
        None => Ok(aula_app::users::add(&ctx.state.app(), &actor, org, &details).await?),
        Some(id) => Ok(aula_app::users::change(&ctx.state.app(), &actor, org, id, &details, input.active).await?),
    }
}

#[derive(Template)]
#[template(path = "pages/users.html")]
struct ListPage {
    c: Chrome,
    /// What the API says of a user: never the password hash, only whether there is one.
    users: Vec<UserOut>,
    pager: Pager,
}

pub(crate) async fn list_page(ctx: Ctx, ApiQuery(paging): ApiQuery<Paging>) -> AppResult<Response> {
    ctx.require(ADMIN)?;
    let paged = users::list(&ctx.state.db, None, paging.page()?).await?;
    let pager = Pager::new("/admin/users", &[], paged.page.page, paged.pages(), paged.total);
    render(&ListPage {
        c: Chrome::new(&ctx),
        users: paged.items.into_iter().map(UserOut::from).collect(),
        pager,
    })
}

#[derive(Template)]
#[template(path = "pages/user_form.html")]
struct FormPage {
    c: Chrome,
    id: Option<Uuid>,
    /// The administrator's own account: its password is changed on
    /// `/account/password`, with the current one.
    own: bool,
    form: UserInput,
    errors: FormErrors,
    roles: Vec<(String, String, bool)>,
    bodies: Vec<(String, String)>,
    languages: Vec<(String, String)>,
}

impl FormPage {
    async fn new(ctx: &Ctx, id: Option<Uuid>, form: UserInput, errors: FormErrors) -> AppResult<Self> {
        let c = Chrome::new(ctx);
        let bodies = bodies::list(&ctx.state.db)
            .await?
            .into_iter()
            .map(|b| (b.id.to_string(), b.name))
            .collect();
        Ok(FormPage {
            roles: c.ticks("role", Role::ALL, &form.roles),
            languages: c.words("language", Language::ALL),
            bodies,
            c,
            own: id.is_some() && ctx.user().ok().map(|u| u.user.id) == id,
            id,
            form,
            errors,
        })
    }
}

pub(crate) async fn new_page(ctx: Ctx) -> AppResult<Response> {
    ctx.require(ADMIN)?;
    let form = UserInput {
        language: ctx.lang.as_str().to_owned(),
        ..UserInput::default()
    };
    render(&FormPage::new(&ctx, None, form, FormErrors::none()).await?)
}

pub(crate) async fn edit_page(ctx: Ctx, ApiPath(id): ApiPath<Uuid>) -> AppResult<Response> {
    ctx.require(ADMIN)?;
    let current = users::get_in(&ctx.state.db, id, admin_org(&ctx).await?).await?;
    render(&FormPage::new(&ctx, Some(id), (&current).into(), FormErrors::none()).await?)
}

async fn save_page(ctx: &Ctx, id: Option<Uuid>, mut form: UserInput) -> AppResult<Response> {
    ctx.require(ADMIN)?;
    let outcome = save_user(ctx, id, &form).await;
    saved_or_form_again(
        ctx,
        outcome,
        |_| redirect_with(ctx, "/admin/users", "flash-saved"),
        async move |errors| {
            form.password.clear();
            FormPage::new(ctx, id, form, errors).await
        },
    )
    .await
}

/// The HTML form: the `active` checkbox is absent when unticked, so it
/// defaults to false here (the API's input defaults it to true).
#[derive(Deserialize)]
pub(crate) struct UserForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    name: String,
    #[serde(default, deserialize_with = "input::loose_list")]
    roles: Vec<String>,
    #[serde(default)]
    accreditation_body_id: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    password: String,
    #[serde(default, deserialize_with = "input::loose_bool")]
    active: bool,
}

impl From<UserForm> for UserInput {
    fn from(f: UserForm) -> Self {
        UserInput {
            email: f.email,
            name: f.name,
            roles: f.roles,
            accreditation_body_id: f.accreditation_body_id,
            language: f.language,
            password: f.password,
            active: f.active,
        }
    }
}

pub(crate) async fn create_page(Admin(ctx): Admin, CsrfForm(form): CsrfForm<UserForm>) -> AppResult<Response> {
    let mut input = UserInput::from(form);
    input.active = true;
    save_page(&ctx, None, input).await
}

pub(crate) async fn update_page(
    Admin(ctx): Admin,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(form): CsrfForm<UserForm>,
) -> AppResult<Response> {
    save_page(&ctx, Some(id), form.into()).await
}
