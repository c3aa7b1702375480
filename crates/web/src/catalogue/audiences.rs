//! Audiences (issue 20): who courses are for and who participants are. Six
//! are built in; an admin adds the instance's own (newly arrived people,
//! social workers) with their names in the four languages, renames them,
//! retires one no longer offered, or deletes one added by mistake while
//! nothing uses it. Anyone may list them (forms and filters offer them).

use askama::Template;
use aula_domain::{Audience, AudienceNames, FieldErrors, Language, Role};
use aula_storage::audiences;
use aula_storage::entities::audience;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::ToSchema;

use crate::kit::api::ApiError;
use crate::kit::audiences::AudienceWords;
use crate::kit::context::Admin;
use crate::kit::extract::{ApiJson, ApiPath, CsrfForm, NoFields};
use crate::kit::pages::{Chrome, FormErrors, redirect_with, render, saved_or_form_again};
use crate::{AppError, AppResult, AppState, Ctx};

/// A new audience: its code, and its name in one or more languages (readers
/// of another see the first there is, in the order en, fr, es, ar).
#[derive(Clone, Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AudienceInput {
    /// 2 to 40 lower-case letters, digits and `_`, beginning with a letter;
    /// stable once given (it is stored, and used in URLs and exports).
    pub code: String,
    #[serde(default)]
    pub name_fr: String,
    #[serde(default)]
    pub name_es: String,
    #[serde(default)]
    pub name_en: String,
    #[serde(default)]
    pub name_ar: String,
}

/// A change to an audience: new names (an admin's audience only; any name
/// given replaces them all), whether it is retired (no longer offered).
#[derive(Clone, Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AudienceChange {
    #[serde(default)]
    pub name_fr: Option<String>,
    #[serde(default)]
    pub name_es: Option<String>,
    #[serde(default)]
    pub name_en: Option<String>,
    #[serde(default)]
    pub name_ar: Option<String>,
    #[serde(default)]
    pub retired: Option<bool>,
}

fn names(given: [(Language, &str); 4]) -> Result<AudienceNames, FieldErrors> {
    AudienceNames::parse(&given)
}

impl AudienceInput {
    fn parsed(&self) -> Result<(Audience, AudienceNames), FieldErrors> {
        let mut errors = FieldErrors::new();
        // A code is typed here, not chosen: its problem says how to write one.
        let code = errors.take(
            "code",
            Audience::parse(&self.code).map_err(|p| match p.key {
                "error-choice" => aula_domain::Problem::new("error-audience-code"),
                _ => p,
            }),
        );
        let names = match names([
            (Language::Fr, &self.name_fr),
            (Language::Es, &self.name_es),
            (Language::En, &self.name_en),
            (Language::Ar, &self.name_ar),
        ]) {
            Ok(names) => Some(names),
            Err(more) => {
                for (field, problems) in more.iter() {
                    for problem in problems {
                        errors.add(field, problem.clone());
                    }
                }
                None
            }
        };
        match (code, names) {
            (Some(code), Some(names)) if errors.is_empty() => Ok((code, names)),
            _ => Err(errors),
        }
    }
}

impl AudienceChange {
    fn names(&self) -> Result<Option<AudienceNames>, FieldErrors> {
        let given = [&self.name_fr, &self.name_es, &self.name_en, &self.name_ar];
        if given.iter().all(|n| n.is_none()) {
            return Ok(None);
        }
        let text = |n: &Option<String>| n.clone().unwrap_or_default();
        let [fr, es, en, ar] = given.map(text);
        names([
            (Language::Fr, &fr),
            (Language::Es, &es),
            (Language::En, &en),
            (Language::Ar, &ar),
        ])
        .map(Some)
    }
}

#[derive(Serialize, ToSchema)]
pub struct AudienceOut {
    pub code: String,
    /// In the request's language.
    pub name: String,
    /// An admin's names by language; empty for a built-in audience, named
    /// by Aula's own words in every language.
    pub names: BTreeMap<String, String>,
    pub built_in: bool,
    /// No longer offered; what was recorded with it keeps it.
    pub retired: bool,
}

fn out(words: &AudienceWords, row: &audience::Model) -> AudienceOut {
    AudienceOut {
        code: row.code.to_string(),
        name: words.word(row.code.as_str()),
        names: row
            .names
            .iter()
            .flat_map(|n| n.0.iter())
            .map(|(l, n)| (l.as_str().to_owned(), n.clone()))
            .collect(),
        built_in: row.code.is_built_in(),
        retired: row.retired,
    }
}

async fn answer(ctx: &Ctx, row: &audience::Model) -> AppResult<AudienceOut> {
    Ok(out(&AudienceWords::load(&ctx.state.db, ctx.tr()).await?, row))
}

/// Every audience, retired ones too, in the order forms offer them.
#[utoipa::path(get, path = "/api/v1/audiences", tag = "audiences", security(()), responses((status = 200, body = Vec<AudienceOut>)))]
pub(crate) async fn list(ctx: Ctx) -> AppResult<axum::Json<Vec<AudienceOut>>> {
    let words = AudienceWords::load(&ctx.state.db, ctx.tr()).await?;
    Ok(axum::Json(words.all().map(|(row, _)| out(&words, row)).collect()))
}

async fn add(ctx: &Ctx, input: &AudienceInput) -> AppResult<audience::Model> {
    let (code, names) = input.parsed()?;
    Ok(aula_app::catalogue::add_audience(&ctx.state.app(), &ctx.actor()?, &code, &names).await?)
}

/// Add an audience (admins); 422 when the code is taken.
#[utoipa::path(post, path = "/api/v1/audiences", tag = "audiences", request_body = AudienceInput,
    responses((status = 201, body = AudienceOut), (status = 403, body = ApiError), (status = 422, body = ApiError)))]
pub(crate) async fn create(Admin(ctx): Admin, ApiJson(input): ApiJson<AudienceInput>) -> AppResult<Response> {
    let created = add(&ctx, &input).await?;
    Ok((StatusCode::CREATED, axum::Json(answer(&ctx, &created).await?)).into_response())
}

/// Rename an admin's audience, or retire one (or offer it again). 409 for
/// renaming a built-in audience or retiring `other`.
#[utoipa::path(patch, path = "/api/v1/audiences/{code}", tag = "audiences", params(("code" = String, Path)),
    request_body = AudienceChange,
    responses((status = 200, body = AudienceOut), (status = 403, body = ApiError),
        (status = 404, body = ApiError), (status = 409, body = ApiError), (status = 422, body = ApiError)))]
pub(crate) async fn update(
    Admin(ctx): Admin,
    ApiPath(code): ApiPath<Audience>,
    ApiJson(change): ApiJson<AudienceChange>,
) -> AppResult<axum::Json<AudienceOut>> {
    let names = change.names()?;
    let row =
        aula_app::catalogue::change_audience(&ctx.state.app(), &ctx.actor()?, &code, names.as_ref(), change.retired)
            .await?;
    Ok(axum::Json(answer(&ctx, &row).await?))
}

/// Delete an admin's audience nothing uses (409 once used: retire it).
#[utoipa::path(delete, path = "/api/v1/audiences/{code}", tag = "audiences", params(("code" = String, Path)),
    responses((status = 204), (status = 403, body = ApiError),
        (status = 404, body = ApiError), (status = 409, body = ApiError)))]
pub(crate) async fn delete(Admin(ctx): Admin, ApiPath(code): ApiPath<Audience>) -> AppResult<Response> {
    aula_app::catalogue::delete_audience(&ctx.state.app(), &ctx.actor()?, &code).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

// ----- pages -----------------------------------------------------------------------

/// One line of the admin's list.
struct Row {
    code: String,
    word: String,
    built_in: bool,
    retired: bool,
    /// Whether it may be retired (`other` may not).
    retirable: bool,
}

#[derive(Template)]
#[template(path = "pages/audiences.html")]
struct ListPage {
    c: Chrome,
    rows: Vec<Row>,
    form: AudienceInput,
    errors: FormErrors,
}

impl ListPage {
    async fn new(ctx: &Ctx, form: AudienceInput, errors: FormErrors) -> AppResult<Self> {
        let words = AudienceWords::load(&ctx.state.db, ctx.tr()).await?;
        let rows = words
            .all()
            .map(|(a, word)| Row {
                code: a.code.to_string(),
                word,
                built_in: a.code.is_built_in(),
                retired: a.retired,
                retirable: a.code != Audience::OTHER,
            })
            .collect();
        Ok(ListPage {
            c: Chrome::new(ctx),
            rows,
            form,
            errors,
        })
    }
}

pub(crate) async fn list_page(ctx: Ctx) -> AppResult<Response> {
    ctx.require(&[Role::Admin])?;
    render(&ListPage::new(&ctx, AudienceInput::default(), FormErrors::none()).await?)
}

pub(crate) async fn create_page(Admin(ctx): Admin, CsrfForm(form): CsrfForm<AudienceInput>) -> AppResult<Response> {
    let outcome = add(&ctx, &form).await;
    saved_or_form_again(
        &ctx,
        outcome,
        |_| redirect_with(&ctx, "/admin/audiences", "flash-saved"),
        async |errors| ListPage::new(&ctx, form, errors).await,
    )
    .await
}

/// The names of an admin's audience, to correct them.
#[derive(Template)]
#[template(path = "pages/audience_form.html")]
struct EditPage {
    c: Chrome,
    code: String,
    form: AudienceInput,
    errors: FormErrors,
}

/// An admin's own audience (a built-in one has no names to edit).
async fn own(state: &AppState, code: &Audience) -> AppResult<audience::Model> {
    let row = audiences::get(&state.db, code).await?;
    if code.is_built_in() {
        return Err(AppError::NotFound);
    }
    Ok(row)
}

pub(crate) async fn edit_page(Admin(ctx): Admin, ApiPath(code): ApiPath<Audience>) -> AppResult<Response> {
    let row = own(&ctx.state, &code).await?;
    let name = |l: Language| {
        row.names
            .as_ref()
            .and_then(|n| n.0.get(&l))
            .cloned()
            .unwrap_or_default()
    };
    render(&EditPage {
        c: Chrome::new(&ctx),
        code: code.to_string(),
        form: AudienceInput {
            code: code.to_string(),
            name_fr: name(Language::Fr),
            name_es: name(Language::Es),
            name_en: name(Language::En),
            name_ar: name(Language::Ar),
        },
        errors: FormErrors::none(),
    })
}

/// The edit form's fields: the names (the code does not change).
#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct NamesForm {
    #[serde(default)]
    name_fr: String,
    #[serde(default)]
    name_es: String,
    #[serde(default)]
    name_en: String,
    #[serde(default)]
    name_ar: String,
}

pub(crate) async fn edit(
    Admin(ctx): Admin,
    ApiPath(code): ApiPath<Audience>,
    CsrfForm(form): CsrfForm<NamesForm>,
) -> AppResult<Response> {
    own(&ctx.state, &code).await?;
    let outcome: AppResult<_> = async {
        let names = names([
            (Language::Fr, &form.name_fr),
            (Language::Es, &form.name_es),
            (Language::En, &form.name_en),
            (Language::Ar, &form.name_ar),
        ])?;
        Ok(aula_app::catalogue::change_audience(&ctx.state.app(), &ctx.actor()?, &code, Some(&names), None).await?)
    }
    .await;
    saved_or_form_again(
        &ctx,
        outcome,
        |_| redirect_with(&ctx, "/admin/audiences", "flash-saved"),
        async |errors| {
            Ok(EditPage {
                c: Chrome::new(&ctx),
                code: code.to_string(),
                form: AudienceInput {
                    code: code.to_string(),
                    name_fr: form.name_fr,
                    name_es: form.name_es,
                    name_en: form.name_en,
                    name_ar: form.name_ar,
                },
                errors,
            })
        },
    )
    .await
}

/// "Retire" (no longer offered) or "Offer again", as the route says.
pub(crate) async fn retire_page(ctx: Admin, code: ApiPath<Audience>, _: CsrfForm<NoFields>) -> AppResult<Response> {
    set_retired(ctx, code, true).await
}

pub(crate) async fn offer_page(ctx: Admin, code: ApiPath<Audience>, _: CsrfForm<NoFields>) -> AppResult<Response> {
    set_retired(ctx, code, false).await
}

async fn set_retired(Admin(ctx): Admin, ApiPath(code): ApiPath<Audience>, retired: bool) -> AppResult<Response> {
    aula_app::catalogue::change_audience(&ctx.state.app(), &ctx.actor()?, &code, None, Some(retired)).await?;
    let flash = if retired {
        "flash-audience-retired"
    } else {
        "flash-saved"
    };
    Ok(redirect_with(&ctx, "/admin/audiences", flash))
}

/// "Delete": only an admin's audience nothing uses; otherwise the page says
/// why (retire it instead).
pub(crate) async fn delete_page(
    Admin(ctx): Admin,
    ApiPath(code): ApiPath<Audience>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> AppResult<Response> {
    aula_app::catalogue::delete_audience(&ctx.state.app(), &ctx.actor()?, &code).await?;
    Ok(redirect_with(&ctx, "/admin/audiences", "flash-audience-deleted"))
}
