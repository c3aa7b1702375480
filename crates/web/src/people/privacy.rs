//! Retention periods and the records of processing (issue 21).
//!
//! - Administrators set how long each category of personal data is kept,
//!   on `/admin/retention` or by `PUT /api/v1/retention-periods`; the
//!   expiry job, the records and the privacy notice read the same values.
//! - Organisers and administrators read the records of processing on
//!   `/staff/privacy` (and `GET /api/v1/privacy/records`): what Aula holds,
//!   why, for how long, and how many records are past their period now.

use std::collections::HashMap;

use askama::Template;
use aula_app::retention;
use aula_domain::retention::{RECORDS, Record, RetentionCategory, RetentionPeriods};
use axum::Json;
use axum::response::Response;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::kit::api::ApiError;
use crate::kit::context::{Admin, AdminOrOrganiser};
use crate::kit::extract::{ApiJson, CsrfForm};
use crate::kit::pages::{Chrome, FormErrors, redirect_with, render, saved_or_form_again};
use crate::{AppResult, AppState, Ctx};

/// Every retention period, in days.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PeriodsIo {
    /// A registration never confirmed, and the person it created: deleted.
    pub pending_registrations: u32,
    /// A person with no session ended since: erased.
    pub inactive_people: u32,
    /// The body of an e-mail sent this long ago: emptied.
    pub sent_mail_bodies: u32,
    /// Sign-in links and signed-in sessions, after they expired: deleted.
    pub sign_in_records: u32,
    /// Audit entries: deleted.
    pub audit_entries: u32,
    /// A certificate, after its issue: withdrawn (the holder is removed).
    pub certificates: u32,
    /// A walk-in's name and e-mail at an outreach activity's door (issue
    /// 20): deleted, the head count kept. Left out of a PUT, it stays.
    #[serde(default)]
    pub walk_ins: Option<u32>,
}

impl From<&RetentionPeriods> for PeriodsIo {
    fn from(p: &RetentionPeriods) -> Self {
        use RetentionCategory::*;
        PeriodsIo {
            pending_registrations: p.days(PendingRegistrations),
            inactive_people: p.days(InactivePeople),
            sent_mail_bodies: p.days(SentMailBodies),
            sign_in_records: p.days(SignInRecords),
            audit_entries: p.days(AuditEntries),
            certificates: p.days(Certificates),
            walk_ins: Some(p.days(WalkIns)),
        }
    }
}

impl PeriodsIo {
    /// The values by category code, as the use case takes them.
    fn given(&self) -> Vec<(&'static str, String)> {
        use RetentionCategory::*;
        [
            (PendingRegistrations, self.pending_registrations),
            (InactivePeople, self.inactive_people),
            (SentMailBodies, self.sent_mail_bodies),
            (SignInRecords, self.sign_in_records),
            (AuditEntries, self.audit_entries),
            (Certificates, self.certificates),
        ]
        .into_iter()
        .map(|(category, days)| (category.as_str(), days.to_string()))
        .chain(self.walk_ins.map(|days| (WalkIns.as_str(), days.to_string())))
        .collect()
    }
}

fn borrowed<'a>(given: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    given.iter().map(|(code, value)| (*code, value.as_str())).collect()
}

/// The retention periods in force, in days.
#[utoipa::path(get, path = "/api/v1/retention-periods", tag = "people",
    responses((status = 200, body = PeriodsIo), (status = 403, body = ApiError)))]
pub(crate) async fn periods_api(AdminOrOrganiser(ctx): AdminOrOrganiser) -> AppResult<Json<PeriodsIo>> {
    Ok(Json(PeriodsIo::from(&retention::periods(&ctx.state.app()).await?)))
}

/// Sets every retention period, in days, each within its bounds
/// (administrators). Audited with the old and new values.
#[utoipa::path(put, path = "/api/v1/retention-periods", tag = "people", request_body = PeriodsIo,
    responses((status = 200, body = PeriodsIo), (status = 403, body = ApiError), (status = 422, body = ApiError)))]
pub(crate) async fn set_periods_api(
    Admin(ctx): Admin,
    ApiJson(mut input): ApiJson<PeriodsIo>,
) -> AppResult<Json<PeriodsIo>> {
    // An integration written before walk-ins had a period keeps the one in force.
    if input.walk_ins.is_none() {
        input.walk_ins = PeriodsIo::from(&retention::periods(&ctx.state.app()).await?).walk_ins;
    }
    let given = input.given();
    let periods = retention::set_periods(&ctx.state.app(), &ctx.actor()?, &borrowed(&given)).await?;
    Ok(Json(PeriodsIo::from(&periods)))
}

/// One line of the records of processing.
#[derive(Serialize, ToSchema)]
pub struct RecordOut {
    /// What is held: `identity`, `work`, `pending`, `attendance`, `surveys`,
    /// `certificates`, `mail`, `sign-ins`, `audit`.
    pub data: &'static str,
    /// The retention category whose period bounds it, if it has its own.
    pub category: Option<&'static str>,
    /// That period, in days.
    pub days: Option<u32>,
    /// Records past that period now: the expiry job's next work.
    pub due: Option<u64>,
}

struct Line {
    record: Record,
    days: Option<u32>,
    due: Option<u64>,
}

async fn lines(state: &AppState) -> AppResult<Vec<Line>> {
    let (periods, due) = retention::records(&state.app()).await?;
    let due: HashMap<RetentionCategory, u64> = due.into_iter().collect();
    Ok(RECORDS
        .iter()
        .map(|record| Line {
            record: *record,
            days: record.period.map(|c| periods.days(c)),
            due: record.period.and_then(|c| due.get(&c).copied()),
        })
        .collect())
}

/// The records of processing: each kind of personal data Aula holds, the
/// retention period that bounds it, and how many records are past it.
#[utoipa::path(get, path = "/api/v1/privacy/records", tag = "people",
    responses((status = 200, body = Vec<RecordOut>), (status = 403, body = ApiError)))]
pub(crate) async fn records_api(AdminOrOrganiser(ctx): AdminOrOrganiser) -> AppResult<Json<Vec<RecordOut>>> {
    Ok(Json(
        lines(&ctx.state)
            .await?
            .into_iter()
            .map(|line| RecordOut {
                data: line.record.data,
                category: line.record.period.map(RetentionCategory::as_str),
                days: line.days,
                due: line.due,
            })
            .collect(),
    ))
}

#[derive(Template)]
#[template(path = "pages/privacy_records.html")]
struct RecordsPage {
    c: Chrome,
    lines: Vec<Line>,
}

pub(crate) async fn records_page(AdminOrOrganiser(ctx): AdminOrOrganiser) -> AppResult<Response> {
    render(&RecordsPage {
        c: Chrome::new(&ctx),
        lines: lines(&ctx.state).await?,
    })
}

#[derive(Template)]
#[template(path = "pages/retention_periods.html")]
struct PeriodsPage {
    c: Chrome,
    /// Each category with the value shown in its field.
    fields: Vec<(RetentionCategory, String)>,
    errors: FormErrors,
}

impl PeriodsPage {
    fn new(ctx: &Ctx, fields: Vec<(RetentionCategory, String)>, errors: FormErrors) -> Self {
        PeriodsPage {
            c: Chrome::new(ctx),
            fields,
            errors,
        }
    }
}

impl PeriodsPage {
    /// What the expiry job does in the category, and the bounds of its period.
    fn hint(&self, category: &RetentionCategory) -> String {
        let (min, max) = category.bounds();
        format!(
            "{} {}",
            self.c.word("retention-hint", category),
            self.c.t2("retention-bounds", "min", min, "max", max)
        )
    }
}

pub(crate) async fn periods_page(Admin(ctx): Admin) -> AppResult<Response> {
    let periods = retention::periods(&ctx.state.app()).await?;
    let fields = periods.iter().map(|(c, days)| (c, days.to_string())).collect();
    render(&PeriodsPage::new(&ctx, fields, FormErrors::none()))
}

pub(crate) async fn periods_form(
    Admin(ctx): Admin,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> AppResult<Response> {
    let given: Vec<(&'static str, String)> = RetentionCategory::ALL
        .iter()
        .map(|c| (c.as_str(), form.get(c.as_str()).cloned().unwrap_or_default()))
        .collect();
    let outcome = retention::set_periods(&ctx.state.app(), &ctx.actor()?, &borrowed(&given))
        .await
        .map_err(Into::into);
    saved_or_form_again(
        &ctx,
        outcome,
        |_| redirect_with(&ctx, "/staff/privacy", "flash-saved"),
        async |errors| {
            let fields = RetentionCategory::ALL
                .iter()
                .zip(given)
                .map(|(c, (_, value))| (*c, value))
                .collect();
            Ok(PeriodsPage::new(&ctx, fields, errors))
        },
    )
    .await
}
