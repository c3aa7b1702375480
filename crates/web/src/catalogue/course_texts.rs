//! A course's title, summary and objectives in other languages than its
//! own (issue 23): an organiser gives them on one page (a group of fields
//! per language) or with `PUT /api/v1/courses/{id}/texts`; readers of a
//! language then see them, and others the course's own words.

use std::collections::BTreeMap;

use askama::Template;
use aula_domain::catalogue::CourseTexts;
use aula_domain::{FieldErrors, Language};
use aula_storage::courses::{self, CourseRecord};
use axum::response::Response;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::catalogue::courses::CourseOut;
use crate::kit::api::ApiError;
use crate::kit::context::Organiser;
use crate::kit::extract::{ApiJson, ApiPath, CsrfForm};
use crate::kit::input;
use crate::kit::pages::{Chrome, FormErrors, redirect_with, render, saved_or_form_again};
use crate::{AppError, AppResult, Ctx};

/// A course's words in one language.
#[derive(Clone, Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CourseTextInput {
    #[serde(default, deserialize_with = "input::loose_text")]
    pub title: String,
    #[serde(default, deserialize_with = "input::loose_text")]
    pub summary: String,
    /// One per line.
    #[serde(default, deserialize_with = "input::loose_text")]
    pub objectives: String,
}

/// The texts by language code (`fr`, `es`, `en`, …), never the course's own.
pub type CourseTextsInput = BTreeMap<String, CourseTextInput>;

fn parse(record: &CourseRecord, given: &CourseTextsInput) -> Result<CourseTexts, FieldErrors> {
    let given: Vec<(&str, &str, &str, &str)> = given
        .iter()
        .map(|(code, t)| {
            (
                code.as_str(),
                t.title.as_str(),
                t.summary.as_str(),
                t.objectives.as_str(),
            )
        })
        .collect();
    CourseTexts::parse(record.course.language, &given)
}

async fn save(ctx: &Ctx, id: Uuid, given: &CourseTextsInput) -> AppResult<CourseRecord> {
    let record = courses::get_in(&ctx.state.db, ctx.org()?, id).await?;
    let texts = parse(&record, given).map_err(AppError::Invalid)?;
    Ok(aula_app::catalogue::set_course_texts(&ctx.state.app(), &ctx.actor()?, ctx.org()?, id, &texts).await?)
}

/// Replace a course's texts in other languages. A language left out, or
/// given blank (`{}` or `null`), has none afterwards; one given needs its
/// title and summary.
#[utoipa::path(put, path = "/api/v1/courses/{id}/texts", tag = "courses", params(("id" = Uuid, Path)),
    request_body = CourseTextsInput,
    responses((status = 200, body = CourseOut), (status = 403, body = ApiError), (status = 422, body = ApiError)))]
pub(crate) async fn put_texts(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(given): ApiJson<BTreeMap<String, Option<CourseTextInput>>>,
) -> AppResult<axum::Json<CourseOut>> {
    // `null` is a blank language, as the description says (it was a type
    // error: session 29's attack round).
    let given: CourseTextsInput = given
        .into_iter()
        .map(|(code, t)| (code, t.unwrap_or_default()))
        .collect();
    Ok(axum::Json(save(&ctx, id, &given).await?.into()))
}

/// One language's group of fields on the page.
struct TextFields {
    language: &'static str,
    title_name: String,
    summary_name: String,
    objectives_name: String,
    title: String,
    summary: String,
    objectives: String,
}

#[derive(Template)]
#[template(path = "pages/course_texts.html")]
struct TextsPage {
    c: Chrome,
    record: CourseRecord,
    texts: Vec<TextFields>,
    errors: FormErrors,
}

impl TextsPage {
    /// A group for every language but the course's own, filled from `given`.
    fn new(ctx: &Ctx, record: CourseRecord, given: &CourseTextsInput, errors: FormErrors) -> Self {
        let texts = Language::ALL
            .iter()
            .filter(|l| **l != record.course.language)
            .map(|l| {
                let code = l.as_str();
                let text = given.get(code).cloned().unwrap_or_default();
                TextFields {
                    language: code,
                    title_name: format!("{code}.title"),
                    summary_name: format!("{code}.summary"),
                    objectives_name: format!("{code}.objectives"),
                    title: text.title,
                    summary: text.summary,
                    objectives: text.objectives,
                }
            })
            .collect();
        TextsPage {
            c: Chrome::new(ctx),
            record,
            texts,
            errors,
        }
    }
}

/// What the course has, as the form and the API write it.
pub(crate) fn texts_of(record: &CourseRecord) -> CourseTextsInput {
    record
        .course
        .texts
        .0
        .iter()
        .map(|t| {
            let text = CourseTextInput {
                title: t.title.clone(),
                summary: t.summary.clone(),
                objectives: t.objectives.clone().unwrap_or_default(),
            };
            (t.language.as_str().to_owned(), text)
        })
        .collect()
}

pub(crate) async fn texts_page(Organiser(ctx): Organiser, ApiPath(id): ApiPath<Uuid>) -> AppResult<Response> {
    let record = courses::get_in(&ctx.state.db, ctx.org()?, id).await?;
    let given = texts_of(&record);
    render(&TextsPage::new(&ctx, record, &given, FormErrors::none()))
}

/// The form's fields are `<code>.title`, `<code>.summary`, `<code>.objectives`.
pub(crate) async fn save_texts_page(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let mut given = CourseTextsInput::new();
    for (name, value) in pairs {
        let Some((code, field)) = name.split_once('.') else {
            continue;
        };
        let text = given.entry(code.to_owned()).or_default();
        match field {
            "title" => text.title = value,
            "summary" => text.summary = value,
            "objectives" => text.objectives = value,
            _ => {}
        }
    }
    let outcome = save(&ctx, id, &given).await;
    saved_or_form_again(
        &ctx,
        outcome,
        |_| redirect_with(&ctx, &format!("/staff/courses/{id}"), "flash-saved"),
        async |errors| {
            Ok(TextsPage::new(
                &ctx,
                courses::get_in(&ctx.state.db, ctx.org()?, id).await?,
                &given,
                errors,
            ))
        },
    )
    .await
}
