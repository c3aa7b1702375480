//! Survey templates: the questionnaires sessions are surveyed with.
//! Organisers list them, copy one to make their own, and edit the questions
//! in the three languages, from the pages under `/staff/survey-templates` or
//! the API under `/api/v1/survey-templates`.
//!
//! The rules of a valid questionnaire are the domain's (`Template::check`),
//! so the form and the API refuse the same things. A template already used
//! by a survey is never changed under its answers: saving it makes the next
//! version of its family (the storage decides), and the page or the API
//! answers with that new row.
//!
//! The edit form is flat (`q.{row}.text.es`, ...; see `template_from_pairs`)
//! and works without JavaScript: every question shows every field, with a
//! hint naming the kind that uses it, and a few blank rows add questions.

use std::collections::{BTreeSet, HashMap};

use aula_domain::survey::{Question, QuestionKind, Template, Translated, template_from_pairs, template_to_pairs};
use aula_domain::{Language, Role};
use aula_mail::Tr;
use aula_storage::entities::survey_template;
use aula_storage::surveys;
use axum::response::Response;
use chrono::{DateTime, Utc};
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::kit::api::{ApiError, created};
use crate::kit::context::Organiser;
use crate::kit::extract::{ApiJson, ApiPath, CsrfForm};
use crate::kit::pages::{Chrome, FormErrors, redirect_with, render, saved_or_form_again};
use crate::{AppError, AppResult, Ctx};

const STAFF: &[Role] = &[Role::Organiser];

/// Blank rows under the questions: without JavaScript, the only way to add
/// questions is to fill in rows that are already there.
const BLANK_ROWS: usize = 3;

// ---------------------------------------------------------------------------
// JSON shapes. They mirror the domain's serde form of `Template` field for
// field (so a stored template and the API read alike), and exist so that the
// OpenAPI document can describe it and unknown fields are refused.

/// A text in French, Spanish, English and (optionally) Arabic.
#[derive(Clone, Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SurveyTemplateText {
    pub fr: String,
    pub es: String,
    pub en: String,
    /// Optional: Arabic readers see the French when empty.
    #[serde(default)]
    pub ar: String,
}

impl From<Translated> for SurveyTemplateText {
    fn from(t: Translated) -> Self {
        SurveyTemplateText {
            fr: t.fr,
            es: t.es,
            en: t.en,
            ar: t.ar,
        }
    }
}

impl From<SurveyTemplateText> for Translated {
    fn from(t: SurveyTemplateText) -> Self {
        Translated::new(t.fr, t.es, t.en).with_ar(t.ar)
    }
}

/// How a question is answered.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SurveyQuestionKind {
    /// 1 to 5, with the labels of 1 (`low`) and 5 (`high`).
    Scale,
    /// One of 2 to 10 `choices`.
    Choice,
    /// Free text.
    Text,
}

impl From<QuestionKind> for SurveyQuestionKind {
    fn from(kind: QuestionKind) -> Self {
        match kind {
            QuestionKind::Scale => SurveyQuestionKind::Scale,
            QuestionKind::Choice => SurveyQuestionKind::Choice,
            QuestionKind::Text => SurveyQuestionKind::Text,
        }
    }
}

impl From<SurveyQuestionKind> for QuestionKind {
    fn from(kind: SurveyQuestionKind) -> Self {
        match kind {
            SurveyQuestionKind::Scale => QuestionKind::Scale,
            SurveyQuestionKind::Choice => QuestionKind::Choice,
            SurveyQuestionKind::Text => QuestionKind::Text,
        }
    }
}

/// One question of a template.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SurveyTemplateQuestion {
    /// `[a-z0-9_]{1,40}`, unique in the template; kept across copies and
    /// versions, so that the results of several sessions join by it.
    pub key: String,
    pub kind: SurveyQuestionKind,
    pub text: SurveyTemplateText,
    /// Scales only: the label of 1.
    #[serde(default)]
    pub low: Option<SurveyTemplateText>,
    /// Scales only: the label of 5.
    #[serde(default)]
    pub high: Option<SurveyTemplateText>,
    /// Choices only: the options, 2 to 10; an answer is an option's index.
    #[serde(default)]
    pub choices: Vec<SurveyTemplateText>,
    /// Exactly one question, a scale: its mean feeds the indicators.
    #[serde(default)]
    pub overall: bool,
    #[serde(default)]
    pub required: bool,
}

impl From<Question> for SurveyTemplateQuestion {
    fn from(q: Question) -> Self {
        SurveyTemplateQuestion {
            key: q.key,
            kind: q.kind.into(),
            text: q.text.into(),
            low: q.low.map(Into::into),
            high: q.high.map(Into::into),
            choices: q.choices.into_iter().map(Into::into).collect(),
            overall: q.overall,
            required: q.required,
        }
    }
}

impl From<SurveyTemplateQuestion> for Question {
    fn from(q: SurveyTemplateQuestion) -> Self {
        Question {
            key: q.key,
            kind: q.kind.into(),
            text: q.text.into(),
            low: q.low.map(Into::into),
            high: q.high.map(Into::into),
            choices: q.choices.into_iter().map(Into::into).collect(),
            overall: q.overall,
            required: q.required,
        }
    }
}

/// A template as an organiser writes it. The read-only fields of
/// `SurveyTemplateOut` are accepted and ignored, so that a template read can
/// be sent back changed; any other field is refused.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SurveyTemplateInput {
    /// Seen by organisers only; 1 to 200 characters.
    pub name: String,
    /// 1 to 30 questions, in order.
    pub questions: Vec<SurveyTemplateQuestion>,
    #[serde(default, rename = "id")]
    #[schema(ignore)]
    _id: Option<IgnoredAny>,
    #[serde(default, rename = "family_id")]
    #[schema(ignore)]
    _family_id: Option<IgnoredAny>,
    #[serde(default, rename = "version")]
    #[schema(ignore)]
    _version: Option<IgnoredAny>,
    #[serde(default, rename = "is_default")]
    #[schema(ignore)]
    _is_default: Option<IgnoredAny>,
    #[serde(default, rename = "in_use")]
    #[schema(ignore)]
    _in_use: Option<IgnoredAny>,
    #[serde(default, rename = "created_at")]
    #[schema(ignore)]
    _created_at: Option<IgnoredAny>,
}

impl From<SurveyTemplateInput> for Template {
    fn from(input: SurveyTemplateInput) -> Self {
        Template {
            name: input.name,
            questions: input.questions.into_iter().map(Into::into).collect(),
        }
    }
}

/// A copy to make.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SurveyTemplateCopy {
    /// The template copied (any version).
    pub copy_of: Uuid,
    /// The copy's name; "Copy of …" in the request's language when empty.
    #[serde(default)]
    pub name: String,
}

/// A template in a list.
#[derive(Serialize, ToSchema)]
pub struct SurveyTemplateSummary {
    pub id: Uuid,
    /// Shared by every version of a template.
    pub family_id: Uuid,
    pub version: i32,
    pub name: String,
    /// Aula's default questionnaire (or a version of it).
    pub is_default: bool,
    /// A survey uses this version: editing it makes the next version.
    pub in_use: bool,
    pub question_count: usize,
}

/// A template with its questions.
#[derive(Serialize, ToSchema)]
pub struct SurveyTemplateOut {
    pub id: Uuid,
    pub family_id: Uuid,
    pub version: i32,
    pub is_default: bool,
    pub in_use: bool,
    pub created_at: DateTime<Utc>,
    pub name: String,
    pub questions: Vec<SurveyTemplateQuestion>,
}

impl SurveyTemplateOut {
    fn of(row: survey_template::Model) -> AppResult<Self> {
        let template = surveys::parse(&row)?;
        Ok(SurveyTemplateOut {
            id: row.id,
            family_id: row.family_id,
            version: row.version,
            is_default: row.is_default,
            in_use: row.in_use,
            created_at: row.created_at,
            name: template.name,
            questions: template.questions.into_iter().map(Into::into).collect(),
        })
    }
}

// ---------------------------------------------------------------------------
// What the pages and the API share.

/// Copies `from` as a new template named `name`, or "Copy of …" in the
/// reader's language when `name` is empty.
async fn copy(ctx: &Ctx, from: Uuid, name: &str) -> AppResult<survey_template::Model> {
    let source = surveys::template_in(&ctx.state.db, ctx.org()?, from).await?;
    let name = match name.trim() {
        "" => ctx.tr().t1("survey-templates-copy-of", "name", &source.name),
        given => given.to_owned(),
    };
    // The copy is the source under another name: checking it whole applies
    // the domain's rule on names without restating it here.
    let mut copied = surveys::parse(&source)?;
    copied.name = name;
    copied.check()?;
    Ok(aula_app::surveys::copy_template(&ctx.state.app(), &ctx.actor()?, ctx.org()?, from, &copied.name).await?)
}

/// Saves `template` as template `id` (or as the next version of its family
/// when `id` is in use), its audit entry in the same transaction.
async fn save(ctx: &Ctx, id: Uuid, template: &Template) -> AppResult<survey_template::Model> {
    template.check()?;
    Ok(aula_app::surveys::save_template(&ctx.state.app(), &ctx.actor()?, ctx.org()?, id, template).await?)
}

fn summary(row: survey_template::Model) -> AppResult<SurveyTemplateSummary> {
    let question_count = surveys::parse(&row)?.questions.len();
    Ok(SurveyTemplateSummary {
        id: row.id,
        family_id: row.family_id,
        version: row.version,
        name: row.name,
        is_default: row.is_default,
        in_use: row.in_use,
        question_count,
    })
}

// ---------------------------------------------------------------------------
// API.

/// The survey templates: the latest version of each, the default first.
#[utoipa::path(get, path = "/api/v1/survey-templates", tag = "surveys",
    responses((status = 200, body = Vec<SurveyTemplateSummary>), (status = 403, body = ApiError)))]
pub(crate) async fn list_templates(ctx: Ctx) -> AppResult<axum::Json<Vec<SurveyTemplateSummary>>> {
    ctx.require(STAFF)?;
    let rows = surveys::templates(&ctx.state.db, ctx.org()?).await?;
    Ok(axum::Json(rows.into_iter().map(summary).collect::<AppResult<_>>()?))
}

/// Copy a template (any version) into a new one, to edit.
#[utoipa::path(post, path = "/api/v1/survey-templates", tag = "surveys", request_body = SurveyTemplateCopy,
    responses((status = 201, body = SurveyTemplateOut), (status = 403, body = ApiError),
        (status = 422, body = ApiError)))]
pub(crate) async fn create_template(
    Organiser(ctx): Organiser,
    ApiJson(input): ApiJson<SurveyTemplateCopy>,
) -> AppResult<Response> {
    let template = match copy(&ctx, input.copy_of, &input.name).await {
        // The id is part of the body here, not of the path: a field's problem.
        Err(AppError::NotFound) => return Err(AppError::invalid("copy_of", "error-unknown-choice")),
        other => other?,
    };
    let location = format!("/api/v1/survey-templates/{}", template.id);
    Ok(created(location, SurveyTemplateOut::of(template)?))
}

/// One template (any version), with its questions.
#[utoipa::path(get, path = "/api/v1/survey-templates/{id}", tag = "surveys", params(("id" = Uuid, Path)),
    responses((status = 200, body = SurveyTemplateOut), (status = 403, body = ApiError),
        (status = 404, body = ApiError)))]
pub(crate) async fn show_template(ctx: Ctx, ApiPath(id): ApiPath<Uuid>) -> AppResult<axum::Json<SurveyTemplateOut>> {
    ctx.require(STAFF)?;
    Ok(axum::Json(SurveyTemplateOut::of(
        surveys::template_in(&ctx.state.db, ctx.org()?, id).await?,
    )?))
}

/// Replace a template's name and questions. A template in use is left as it
/// is: the answer is the new version made (another `id`, `version` + 1).
#[utoipa::path(put, path = "/api/v1/survey-templates/{id}", tag = "surveys", params(("id" = Uuid, Path)),
    request_body = SurveyTemplateInput,
    responses((status = 200, body = SurveyTemplateOut), (status = 403, body = ApiError),
        (status = 404, body = ApiError), (status = 409, body = ApiError), (status = 422, body = ApiError)))]
pub(crate) async fn update_template(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(input): ApiJson<SurveyTemplateInput>,
) -> AppResult<axum::Json<SurveyTemplateOut>> {
    // An unknown template is 404 whatever the body says.
    surveys::template_in(&ctx.state.db, ctx.org()?, id).await?;
    let saved = save(&ctx, id, &Template::from(input)).await?;
    Ok(axum::Json(SurveyTemplateOut::of(saved)?))
}

// ---------------------------------------------------------------------------
// Pages.

/// A template in the list, with its copy form.
struct ListRow {
    id: Uuid,
    name: String,
    version: i32,
    is_default: bool,
    in_use: bool,
    questions: usize,
    /// The copy form's name field, and the name it offers.
    copy_field: String,
    copy_name: String,
}

#[derive(askama::Template)]
#[template(path = "pages/survey_templates.html")]
struct ListPage {
    c: Chrome,
    templates: Vec<ListRow>,
    errors: FormErrors,
}

/// The list; after a refused copy, that row's form keeps the name typed
/// and shows the problems (`refused`).
async fn list_view(ctx: &Ctx, refused: Option<(Uuid, &str, FormErrors)>) -> AppResult<ListPage> {
    let tr = ctx.tr();
    let mut templates = Vec::new();
    for row in surveys::templates(&ctx.state.db, ctx.org()?).await? {
        let questions = surveys::parse(&row)?.questions.len();
        let copy_name = match &refused {
            Some((id, typed, _)) if *id == row.id => (*typed).to_owned(),
            _ => tr.t1("survey-templates-copy-of", "name", &row.name),
        };
        templates.push(ListRow {
            id: row.id,
            copy_field: format!("copy-{}", row.id),
            copy_name,
            name: row.name,
            version: row.version,
            is_default: row.is_default,
            in_use: row.in_use,
            questions,
        });
    }
    let errors = match refused {
        // The copy forms share one field name; the page tells them apart by id.
        Some((id, _, errors)) => errors.all_under(&format!("copy-{id}")),
        None => FormErrors::none(),
    };
    Ok(ListPage {
        c: Chrome::new(ctx),
        templates,
        errors,
    })
}

pub(crate) async fn list_page(ctx: Ctx) -> AppResult<Response> {
    ctx.require(STAFF)?;
    render(&list_view(&ctx, None).await?)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CopyForm {
    #[serde(default)]
    name: String,
}

pub(crate) async fn copy_page(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(form): CsrfForm<CopyForm>,
) -> AppResult<Response> {
    let outcome = copy(&ctx, id, &form.name).await;
    saved_or_form_again(
        &ctx,
        outcome,
        |created| {
            redirect_with(
                &ctx,
                &format!("/staff/survey-templates/{}", created.id),
                "flash-survey-template-copied",
            )
        },
        async |errors| list_view(&ctx, Some((id, &form.name, errors))).await,
    )
    .await
}

/// One language's input of a translated text.
struct LangInput {
    lang: &'static str,
    name: String,
    label: String,
    value: String,
}

/// A translated text of a question (its text, a label, the options).
struct TextGroup {
    /// `q.{row}.low`: where problems of the whole group are recorded.
    field: String,
    legend: String,
    hint: String,
    /// Options are one per line.
    multiline: bool,
    inputs: Vec<LangInput>,
}

/// One question's row of the form.
struct QuestionRow {
    index: usize,
    number: usize,
    key: String,
    kind: String,
    required: bool,
    overall: bool,
    /// A new question (no key yet): a blank row offered, or one being added.
    added: bool,
    key_field: String,
    kind_field: String,
    required_field: String,
    groups: Vec<TextGroup>,
}

#[derive(askama::Template)]
#[template(path = "pages/survey_template_form.html")]
struct FormPage {
    c: Chrome,
    row: survey_template::Model,
    /// The version saving makes, when this one is in use.
    next_version: Option<i32>,
    /// The family's latest version (id, number), when this one is older.
    newer: Option<(Uuid, i32)>,
    /// The name field's value (not `name`: the form macros' own parameter).
    template_name: String,
    questions: Vec<QuestionRow>,
    kinds: Vec<(String, String)>,
    errors: FormErrors,
}

/// The form's rows from its fields (a template's `template_to_pairs`, or
/// what was posted), plus blank rows up to [`BLANK_ROWS`] at the end.
fn question_rows(tr: Tr, pairs: &[(String, String)]) -> Vec<QuestionRow> {
    let fields: HashMap<&str, &str> = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let value = |name: &str| fields.get(name).map(|v| (*v).to_owned()).unwrap_or_default();
    // A row is blank when none of its texts (nor its key) is filled in; its
    // kind and its "required" box say nothing of whether it was written.
    let mut indices = BTreeSet::new();
    let mut written = BTreeSet::new();
    for (field, value) in pairs {
        let Some((index, part)) = field.strip_prefix("q.").and_then(|rest| rest.split_once('.')) else {
            continue;
        };
        let Ok(index) = index.parse::<usize>() else { continue };
        indices.insert(index);
        if part != "kind" && part != "required" && !value.trim().is_empty() {
            written.insert(index);
        }
    }
    // Rows are what a person wrote: a post of 165,000 indices (an attack,
    // session 21) became as many rows. Past twice the limit of questions,
    // only written rows are shown, as many as that.
    if indices.len() > 2 * aula_domain::survey::MAX_QUESTIONS {
        indices = written
            .iter()
            .copied()
            .take(2 * aula_domain::survey::MAX_QUESTIONS)
            .collect();
    }
    let is_blank = |i: usize| !written.contains(&i);
    let trailing_blank = indices.iter().rev().take_while(|i| is_blank(**i)).count();
    let mut next = indices.last().map_or(0, |last| last.saturating_add(1));
    for _ in trailing_blank..BLANK_ROWS {
        indices.insert(next);
        next = next.saturating_add(1);
    }
    let overall = value("overall");

    let group = |i: usize, part: &str, legend: String, hint: String, multiline: bool| TextGroup {
        field: format!("q.{i}.{part}"),
        legend,
        hint,
        multiline,
        inputs: Language::ALL
            .iter()
            .map(|language| {
                let name = format!("q.{i}.{part}.{language}");
                LangInput {
                    lang: language.as_str(),
                    label: tr.t(&format!("language-{language}")),
                    value: value(&name),
                    name,
                }
            })
            .collect(),
    };
    indices
        .into_iter()
        .enumerate()
        .map(|(position, i)| {
            let kind = fields.get(format!("q.{i}.kind").as_str()).copied().unwrap_or_default();
            QuestionRow {
                index: i,
                number: position + 1,
                key: value(&format!("q.{i}.key")),
                // A new row starts as a scale, the most common kind.
                kind: if kind.is_empty() {
                    QuestionKind::Scale.as_str()
                } else {
                    kind
                }
                .to_owned(),
                required: fields.contains_key(format!("q.{i}.required").as_str()),
                overall: overall.trim() == i.to_string(),
                // A row without a key is a question not saved yet.
                added: value(&format!("q.{i}.key")).trim().is_empty(),
                key_field: format!("q.{i}.key"),
                kind_field: format!("q.{i}.kind"),
                required_field: format!("q.{i}.required"),
                groups: vec![
                    group(
                        i,
                        "text",
                        tr.t("survey-template-text"),
                        tr.t("survey-template-text-hint"),
                        false,
                    ),
                    group(
                        i,
                        "low",
                        tr.t("survey-template-low"),
                        tr.t("survey-template-low-hint"),
                        false,
                    ),
                    group(
                        i,
                        "high",
                        tr.t("survey-template-high"),
                        tr.t("survey-template-high-hint"),
                        false,
                    ),
                    group(
                        i,
                        "choices",
                        tr.t("survey-template-choices"),
                        tr.t("survey-template-choices-hint"),
                        true,
                    ),
                ],
            }
        })
        .collect()
}

async fn form_page(
    ctx: &Ctx,
    row: survey_template::Model,
    pairs: &[(String, String)],
    errors: FormErrors,
) -> AppResult<FormPage> {
    let tr = ctx.tr();
    let latest = surveys::templates(&ctx.state.db, ctx.org()?)
        .await?
        .into_iter()
        .find(|t| t.family_id == row.family_id);
    let latest_version = latest.as_ref().map_or(row.version, |l| l.version.max(row.version));
    let newer = latest
        .filter(|l| l.id != row.id && l.version > row.version)
        .map(|l| (l.id, l.version));
    let template_name = pairs
        .iter()
        .rev()
        .find(|(k, _)| k == "name")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    Ok(FormPage {
        c: Chrome::new(ctx),
        next_version: row.in_use.then_some(latest_version + 1),
        newer,
        template_name,
        questions: question_rows(tr, pairs),
        kinds: QuestionKind::ALL
            .iter()
            .map(|k| (k.as_str().to_owned(), tr.t(&format!("survey-kind-{k}"))))
            .collect(),
        errors,
        row,
    })
}

pub(crate) async fn edit_page(ctx: Ctx, ApiPath(id): ApiPath<Uuid>) -> AppResult<Response> {
    ctx.require(STAFF)?;
    let row = surveys::template_in(&ctx.state.db, ctx.org()?, id).await?;
    let pairs = template_to_pairs(&surveys::parse(&row)?);
    render(&form_page(&ctx, row, &pairs, FormErrors::none()).await?)
}

pub(crate) async fn update_page(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let row = surveys::template_in(&ctx.state.db, ctx.org()?, id).await?;
    // `template_from_pairs` applies `check`'s rules under the form's field
    // names; `save` checks again before anything is written.
    let outcome = match template_from_pairs(&pairs) {
        Ok(template) => save(&ctx, id, &template).await,
        Err(errors) => Err(AppError::Invalid(errors)),
    };
    let done = |saved: survey_template::Model| {
        let flash = if saved.id == id {
            "flash-saved"
        } else {
            "flash-survey-template-versioned"
        };
        redirect_with(&ctx, &format!("/staff/survey-templates/{}", saved.id), flash)
    };
    saved_or_form_again(&ctx, outcome, done, async |errors| {
        form_page(&ctx, row, &pairs, errors).await
    })
    .await
}

#[cfg(test)]
mod tests {
    use aula_domain::survey::default_template;

    use super::*;

    #[test]
    fn rows_come_from_the_pairs_with_blank_rows_to_add() {
        let template = default_template();
        let rows = question_rows(Tr::new(Language::En), &template_to_pairs(&template));
        assert_eq!(rows.len(), template.questions.len() + BLANK_ROWS);
        assert!(rows[0].overall && rows[0].required && !rows[0].added);
        assert_eq!(rows[0].key, "overall");
        assert_eq!(rows[0].groups[0].inputs[1].lang, "es");
        assert_eq!(rows[0].groups[0].inputs[1].value, template.questions[0].text.es);
        let last = &rows[rows.len() - 1];
        assert!(last.added && last.key.is_empty() && last.kind == "scale");

        // A posted form that filled one blank row gets one more.
        let mut posted = template_to_pairs(&template);
        posted.push(("q.7.kind".into(), "text".into()));
        posted.push(("q.7.text.fr".into(), "Autre ?".into()));
        posted.push(("q.8.text.fr".into(), String::new()));
        let rows = question_rows(Tr::new(Language::En), &posted);
        assert_eq!(rows.len(), 8 + BLANK_ROWS);
        assert_eq!(rows[7].kind, "text");
        assert!(rows[7].added && rows[8].added && !rows[6].added);
    }

    #[test]
    fn json_shapes_read_like_the_domain() {
        let template = default_template();
        let questions: Vec<SurveyTemplateQuestion> = template.questions.iter().cloned().map(Into::into).collect();
        let ours = serde_json::to_value(&questions).unwrap_or_default();
        let domain = serde_json::to_value(&template.questions).unwrap_or_default();
        assert_eq!(ours, domain);
        let input: SurveyTemplateInput = match serde_json::from_value(
            serde_json::json!({"name": "x", "questions": domain, "id": "ignored", "version": 3}),
        ) {
            Ok(input) => input,
            Err(e) => panic!("{e}"),
        };
        assert_eq!(
            Template::from(input),
            Template {
                name: "x".into(),
                ..template
            }
        );
        assert!(serde_json::from_str::<SurveyTemplateInput>(r#"{"name": "x", "questions": [], "colour": 1}"#).is_err());
    }
}
