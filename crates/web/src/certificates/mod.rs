//! Certificates: issuing to a completed session's eligible registrations,
//! the PDF and the signed credential, public verification by code,
//! revocation, the accreditor's portal (their body's certificates only,
//! with a streamed ZIP export), and the issuer's did:web document.
//!
//! An accreditor asking for another body's certificate gets 404, not 403:
//! the answer must not tell which numbers exist.

pub mod export;
pub mod linked;
pub mod list;
pub mod sheet;
pub mod verify;

use aula_documents::credential::{self, Achievement, Issuer, IssuerKey, StatusIndex, Texts};
use aula_domain::{FieldErrors, Problem, Role};
use aula_mail::Arg;
use aula_storage::certificates::{self};
use aula_storage::entities::{certificate, organisation};
use aula_storage::{Actor, keys};
use axum::Json;
use axum::extract::State;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::kit::api::ApiError;
use crate::kit::api::hours;
use crate::kit::context::Organiser;
use crate::kit::extract::{ApiJson, ApiPath, CsrfForm, NoFields};
use crate::kit::pages::redirect_with;
use crate::{AppError, AppResult, AppState, Ctx};

/// Who signs a credential and what links it holds: an organisation, under
/// its own did:web (`did:web:HOST:o:SLUG`, whose document did:web reads at
/// `/o/SLUG/did.json`) with its own key (issue 17: a certificate names the
/// organisation that issued it); or the instance, for what was issued
/// before organisations: `/.well-known/did.json` keeps the instance's key
/// and its status lists keep every bit, so a credential downloaded then
/// still verifies.
pub(crate) struct Signer {
    pub issuer: Issuer,
    pub key: IssuerKey,
    /// The organisation signing; `None` for the instance.
    pub organisation: Option<aula_domain::OrganisationId>,
}

impl Signer {
    pub async fn instance(state: &AppState) -> AppResult<Signer> {
        Ok(Signer {
            issuer: Issuer {
                base_url: state.config.base_url.clone(),
                name: state.mail.from.name.clone().unwrap_or_else(|| "Aula".to_owned()),
            },
            key: IssuerKey::from_bytes(keys::issuer_key(&state.db).await?),
            organisation: None,
        })
    }

    pub async fn organisation(state: &AppState, org: &organisation::Model) -> AppResult<Signer> {
        let instance = IssuerKey::from_bytes(keys::issuer_key(&state.db).await?);
        Ok(Signer {
            issuer: Issuer {
                base_url: state.config.link(&format!("/o/{}", org.slug)),
                name: org.name.clone(),
            },
            key: instance.for_organisation(org.id),
            organisation: Some(aula_storage::organisations::id(org)),
        })
    }

    /// The organisation that issued `c` (its session's).
    pub async fn of_certificate(state: &AppState, c: &certificate::Model) -> AppResult<Signer> {
        let org = certificates::issuing_organisation(&state.db, c).await?;
        Signer::organisation(state, &org).await
    }
}

/// The signer a linked-data address names: `/o/{slug}/...` an
/// organisation (404 when there is none by that name), any other the
/// instance.
impl axum::extract::FromRequestParts<AppState> for Signer {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let params = axum::extract::RawPathParams::from_request_parts(parts, state)
            .await
            .map_err(|_| AppError::NotFound)?;
        match params.iter().find(|(name, _)| *name == "slug") {
            None => Signer::instance(state).await,
            Some((_, slug)) => {
                let org = aula_storage::organisations::by_slug(&state.db, slug)
                    .await?
                    .ok_or(AppError::NotFound)?;
                Signer::organisation(state, &org).await
            }
        }
    }
}

/// Issues the session's certificates (`aula_app::certificates::issue`).
async fn issue_now(state: &AppState, actor: &Actor, id: Uuid) -> AppResult<Vec<certificate::Model>> {
    // Only the actor's organisation's sessions (issue 17).
    aula_storage::sessions::belongs(&state.db, actor.organisation.ok_or(AppError::NotFound)?, id).await?;
    Ok(aula_app::certificates::issue(&state.app(), actor, id).await?)
}

// ----- what the API says of a certificate ----------------------------------

#[derive(Serialize, ToSchema)]
pub struct CertificateOut {
    pub id: Uuid,
    pub number: String,
    pub verification_code: String,
    pub registration_id: Uuid,
    pub session_id: Uuid,
    pub course_id: Uuid,
    pub accreditation_body_id: Option<Uuid>,
    pub holder: String,
    pub course: String,
    pub hours_attended: f64,
    pub hours_nominal: f64,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub modality: String,
    pub place: Option<String>,
    pub accreditation: Option<String>,
    pub credits: Option<f64>,
    pub issuer: String,
    pub issued_at: chrono::DateTime<chrono::Utc>,
    /// The day printed on it: the day of `issued_at` at the session's place.
    pub issued_on: NaiveDate,
    pub revoked_at: Option<chrono::DateTime<chrono::Utc>>,
    /// `valid`, `revoked`, or `withdrawn` (its holder erased: it names
    /// nobody, and has neither PDF nor credential).
    pub status: String,
    /// The holder's identifier in the accrediting body's register, where it
    /// asks for one (issue 20): only in its accreditors' answers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holder_identifier: Option<String>,
}

impl From<&certificate::Model> for CertificateOut {
    fn from(c: &certificate::Model) -> Self {
        CertificateOut {
            id: c.id,
            number: c.number.clone(),
            verification_code: c.verification_code.clone(),
            registration_id: c.registration_id,
            session_id: c.session_id,
            course_id: c.course_id,
            accreditation_body_id: c.accreditation_body_id,
            holder: c.holder_name.clone(),
            course: c.course_title.clone(),
            hours_attended: hours(c.attended_minutes),
            hours_nominal: hours(c.nominal_minutes),
            starts_on: c.starts_on,
            ends_on: c.ends_on,
            modality: c.modality.as_str().to_owned(),
            place: c.place.clone(),
            accreditation: c.body_name.clone(),
            credits: c.credits_hundredths.map(|h| f64::from(h) / 100.0),
            issuer: c.issuer_name.clone(),
            issued_at: c.issued_at,
            issued_on: c.issued_on,
            revoked_at: c.revoked_at,
            status: aula_storage::certificates::Standing::of(c).as_str().to_owned(),
            holder_identifier: None,
        }
    }
}

/// The identifiers the holders of `certificates` gave for their
/// accrediting body's register (issue 20), by registration, when the
/// certificates are read by that body's accreditors (the filter is theirs:
/// no organisation, their body); nothing for anyone else.
pub(crate) async fn identifiers_for(
    state: &AppState,
    filter: &aula_storage::certificates::CertificateFilter,
    certificates: &[certificate::Model],
) -> AppResult<std::collections::HashMap<Uuid, String>> {
    if filter.organisation.is_some() || filter.body_id.is_none() {
        return Ok(std::collections::HashMap::new());
    }
    let ids: Vec<Uuid> = certificates
        .iter()
        // A withdrawn certificate no longer names its holder (issue 21).
        .filter(|c| c.accreditation_body_id == filter.body_id && c.withdrawn_at.is_none())
        .map(|c| c.registration_id)
        .collect();
    Ok(aula_storage::registrations::body_identifiers(&state.db, &ids).await?)
}

#[derive(Serialize, ToSchema)]
pub struct Issued {
    pub issued: usize,
    pub certificates: Vec<CertificateOut>,
    /// Those just issued whose holder's name has characters the PDF's fonts
    /// cannot draw (its fonts cover Latin, Greek, Cyrillic, Arabic and
    /// Hebrew letters): their PDF prints empty boxes in their place. Ask
    /// the holder for their name in Latin or Arabic letters.
    pub undrawable: Vec<UndrawableName>,
}

/// A certificate whose holder's name the PDF cannot draw in full.
#[derive(Serialize, ToSchema)]
pub struct UndrawableName {
    pub certificate_id: Uuid,
    pub holder: String,
    /// The characters it cannot draw, each once.
    pub characters: String,
}

impl Issued {
    // The web preview warns before issuing; an integration has no preview,
    // so its answer says it (session 27's left-alone list).
    fn of(issued: &[certificate::Model]) -> Issued {
        Issued {
            issued: issued.len(),
            certificates: issued.iter().map(CertificateOut::from).collect(),
            undrawable: issued
                .iter()
                .filter_map(|c| {
                    let missing = aula_documents::undrawable(&c.holder_name);
                    (!missing.is_empty()).then(|| UndrawableName {
                        certificate_id: c.id,
                        holder: c.holder_name.clone(),
                        characters: missing.into_iter().collect(),
                    })
                })
                .collect(),
        }
    }
}

/// Issues a certificate to every eligible registration of a completed
/// session. Running it again issues nothing twice.
#[utoipa::path(post, path = "/api/v1/sessions/{id}/certificates", tag = "certificates",
    params(("id" = Uuid, Path, description = "The session")),
    responses((status = 200, body = Issued), (status = 403, body = ApiError),
        (status = 404, body = ApiError), (status = 409, body = ApiError, description = "The session is not completed")))]
pub(crate) async fn issue_api(Organiser(ctx): Organiser, ApiPath(id): ApiPath<Uuid>) -> AppResult<Json<Issued>> {
    let issued = issue_now(&ctx.state, &ctx.actor()?, id).await?;
    Ok(Json(Issued::of(&issued)))
}

#[derive(askama::Template)]
#[template(path = "pages/certificates_issue.html")]
struct IssuePage {
    c: crate::kit::pages::Chrome,
    preview: aula_app::certificates::Preview,
}

impl IssuePage {
    /// Why a participant does not qualify, in words.
    fn reason(&self, candidate: &certificates::Candidate) -> String {
        self.c.t(candidate.eligibility.key())
    }

    /// The names of those about to get a certificate that it cannot draw
    /// (a script its fonts do not cover), each with what it cannot draw.
    fn undrawable(&self) -> Vec<String> {
        self.preview
            .candidates
            .iter()
            .filter(|c| c.eligibility == certificates::Eligibility::Eligible && c.issued.is_none())
            .filter_map(|c| {
                let name = format!("{} {}", c.person.given_name, c.person.family_name);
                let missing = aula_documents::undrawable(&name);
                (!missing.is_empty()).then(|| format!("{name} ({})", missing.into_iter().collect::<String>()))
            })
            .collect()
    }

    fn qualifying(&self) -> usize {
        let eligible = certificates::Eligibility::Eligible;
        self.preview
            .candidates
            .iter()
            .filter(|c| c.eligibility == eligible)
            .count()
    }
}

/// The step before issuing: who qualifies, who does not and why (attended
/// hours against the course's minimum, the survey, a cancellation), and the
/// button that issues. Changes nothing.
pub(crate) async fn issue_page(Organiser(ctx): Organiser, ApiPath(id): ApiPath<Uuid>) -> AppResult<Response> {
    aula_storage::sessions::belongs(&ctx.state.db, ctx.org()?, id).await?;
    let preview = aula_app::certificates::preview(&ctx.state.app(), id).await?;
    crate::kit::pages::render(&IssuePage {
        c: crate::kit::pages::Chrome::new(&ctx),
        preview,
    })
}

pub(crate) async fn issue_form(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(NoFields {}): CsrfForm<NoFields>,
) -> AppResult<Response> {
    let issued = issue_now(&ctx.state, &ctx.actor()?, id).await?;
    let flash = if issued.is_empty() {
        "certificates-none-new"
    } else {
        "certificates-issued"
    };
    Ok(redirect_with(
        &ctx,
        &format!("/staff/certificates?session_id={id}"),
        flash,
    ))
}

// ----- who may see a certificate -------------------------------------------

/// A certificate of a session of the staff member's organisation; another
/// organisation's is not found (issue 17).
async fn own_certificate(ctx: &Ctx, id: Uuid) -> AppResult<certificate::Model> {
    let found = certificates::get(&ctx.state.db, id).await?;
    aula_storage::sessions::belongs(&ctx.state.db, ctx.org()?, found.session_id).await?;
    Ok(found)
}

/// The certificate, if the asker may see it: organisers all; an accreditor
/// their body's (others are "not found"); the holder signed in to "my
/// trainings" their own.
async fn visible(ctx: &Ctx, id: Uuid) -> AppResult<certificate::Model> {
    let found = certificates::get(&ctx.state.db, id).await?;
    if let Some(user) = &ctx.user {
        // Organisers: their organisation's certificates (issue 17).
        let own = match user.organisation {
            Some(org) => aula_storage::sessions::belongs(&ctx.state.db, org, found.session_id)
                .await
                .is_ok(),
            None => false,
        };
        if user.has(Role::Organiser) && own {
            return Ok(found);
        }
        if user.has(Role::Accreditor)
            && user.user.accreditation_body_id.is_some()
            && user.user.accreditation_body_id == found.accreditation_body_id
        {
            return Ok(found);
        }
        return Err(AppError::NotFound);
    }
    if let Some(person) = &ctx.person {
        let registration = aula_storage::registrations::get(&ctx.state.db, found.registration_id).await?;
        if registration.person_id == person.id {
            return Ok(found);
        }
        return Err(AppError::NotFound);
    }
    Err(AppError::Unauthenticated)
}

// ----- the PDF and the credential ------------------------------------------

async fn pdf_response(state: &AppState, c: &certificate::Model) -> AppResult<Response> {
    drawable(c)?;
    let sheet = sheet::drawn(&state.db, c, &state.config.base_url).await?;
    let bytes = aula_documents::certificate::certificate(&sheet).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok((
        [
            (CONTENT_TYPE, "application/pdf".to_owned()),
            (CONTENT_DISPOSITION, format!("inline; filename=\"{}.pdf\"", c.number)),
        ],
        bytes,
    )
        .into_response())
}

/// A withdrawn certificate names nobody (issue 21): it has neither PDF nor
/// credential, where they were drawn with an empty name (session 29's
/// attack round). Its verification says it was withdrawn.
fn drawable(c: &certificate::Model) -> AppResult<()> {
    match c.withdrawn_at {
        Some(_) => Err(AppError::Gone(Problem::new("certificate-withdrawn-files"))),
        None => Ok(()),
    }
}

/// A certificate's PDF (A4, in the holder's language).
#[utoipa::path(get, path = "/api/v1/certificates/{id}/pdf", tag = "certificates",
    params(("id" = Uuid, Path)),
    responses((status = 200, content_type = "application/pdf", description = "The PDF"),
        (status = 404, body = ApiError),
        (status = 410, body = ApiError, description = "Withdrawn at its holder's request: it names nobody")))]
pub(crate) async fn pdf_api(ctx: Ctx, ApiPath(id): ApiPath<Uuid>) -> AppResult<Response> {
    let c = visible(&ctx, id).await?;
    pdf_response(&ctx.state, &c).await
}

/// The holder's link from the e-mail: signed, so it needs no sign-in.
pub(crate) async fn holder_pdf(
    State(state): State<AppState>,
    ApiPath((id, signature)): ApiPath<(Uuid, String)>,
) -> AppResult<Response> {
    let expected = aula_mail::notify::certificate_path(&state.mail, id);
    let given = format!("/c/{id}/{signature}");
    if !aula_storage::secrets::same_secret(&given, &expected) {
        return Err(AppError::NotFound);
    }
    let c = certificates::get(&state.db, id).await?;
    pdf_response(&state, &c).await
}

/// What the session planned, in minutes: its meetings, or for a certificate
/// issued before that was kept, the course's nominal hours.
pub(crate) fn planned_minutes(c: &certificate::Model) -> i32 {
    c.planned_minutes.unwrap_or(c.nominal_minutes)
}

/// "X h attended of the session's Y h", as the PDF prints it.
pub(crate) fn hours_line(tr: &aula_mail::Tr, c: &certificate::Model) -> String {
    tr.args(
        "certificate-hours",
        &[
            ("attended", Arg::hours(i64::from(c.attended_minutes))),
            ("planned", Arg::hours(i64::from(planned_minutes(c)))),
        ],
    )
}

/// The criteria of the achievement a session's certificates attest, in
/// the language of `tr`: the same for all the session's holders.
pub(crate) fn criteria(tr: &aula_mail::Tr, c: &certificate::Model) -> String {
    let mut text = tr.args(
        "credential-criteria",
        &[
            ("course", Arg::from(&c.course_title)),
            ("planned", Arg::hours(i64::from(planned_minutes(c)))),
        ],
    );
    if let Some(body) = &c.body_name {
        text.push(' ');
        text.push_str(&tr.t1("credential-accredited", "body", Arg::from(body)));
    }
    text
}

/// The credential's view of a certificate, its texts in the holder's language.
pub(crate) fn achievement(state: &AppState, c: &certificate::Model) -> Achievement {
    let tr = aula_mail::Tr::new(c.language);
    let verify_url = format!("{}/verify/{}", state.config.base_url, c.verification_code);
    let texts = Texts {
        description: tr.args(
            "credential-description",
            &[
                ("number", Arg::from(&c.number)),
                ("course", Arg::from(&c.course_title)),
                ("holder", Arg::from(&c.holder_name)),
                ("url", Arg::from(&verify_url)),
            ],
        ),
        criteria: criteria(&tr, c),
        hours_attended: tr.t("credential-hours-attended"),
        hours_recognised: match &c.body_name {
            Some(body) => tr.t1("credential-hours-recognised-by", "body", Arg::from(body)),
            None => tr.t("credential-hours-recognised"),
        },
    };
    Achievement {
        certificate_id: c.id,
        session_id: c.session_id,
        certificate_number: c.number.clone(),
        course_title: c.course_title.clone(),
        course_summary: c.course_summary.clone(),
        language: c.language.as_str().to_owned(),
        hours_attended: hours(c.attended_minutes),
        hours_planned: hours(planned_minutes(c)),
        credits: c.credits_hundredths.map(|h| f64::from(h) / 100.0),
        recognised_hours: c.recognised_minutes.map(hours),
        accrediting_body: c.body_name.clone(),
        holder_name: c.holder_name.clone(),
        holder_email: c.holder_email.clone(),
        salt: c.salt.clone(),
        valid_from: c.issued_at,
        // Every certificate has its place after the migrations' backfill.
        status: StatusIndex(c.status_index.and_then(|i| u32::try_from(i).ok()).unwrap_or_default()),
        texts,
    }
}

#[derive(Serialize, ToSchema)]
pub struct CredentialOut {
    /// The Open Badges 3.0 credential, signed as a VC-JWT (EdDSA, the key of
    /// the issuer's did:web document at `/.well-known/did.json`).
    pub jwt: String,
    /// The same credential with an embedded Data Integrity proof
    /// (`eddsa-rdfc-2022`, the `Multikey` of the did:web document): what
    /// wallets and the DCC verifier check.
    #[schema(value_type = Object)]
    pub credential: serde_json::Value,
}

/// A certificate's signed Open Badges 3.0 credential.
#[utoipa::path(get, path = "/api/v1/certificates/{id}/credential", tag = "certificates",
    params(("id" = Uuid, Path)),
    responses((status = 200, body = CredentialOut), (status = 404, body = ApiError),
        (status = 410, body = ApiError, description = "Withdrawn at its holder's request: it names nobody")))]
pub(crate) async fn credential_api(ctx: Ctx, ApiPath(id): ApiPath<Uuid>) -> AppResult<Json<CredentialOut>> {
    let c = visible(&ctx, id).await?;
    let (jwt, credential) = signed_credential(&ctx.state, &c).await?;
    Ok(Json(CredentialOut { jwt, credential }))
}

/// A certificate's credential, as a VC-JWT and with its Data Integrity proof.
async fn signed_credential(state: &AppState, c: &certificate::Model) -> AppResult<(String, serde_json::Value)> {
    drawable(c)?;
    let Signer { issuer, key, .. } = Signer::of_certificate(state, c).await?;
    let body = credential::credential(&issuer, &achievement(state, c));
    let jwt = credential::sign_jwt(&key, &issuer, &body);
    let signed =
        credential::sign_data_integrity(&key, &issuer, &body).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok((jwt, signed))
}

/// A certificate's credential as a file a wallet imports (`.json`, the
/// Data Integrity form), for whoever may see the certificate.
pub(crate) async fn credential_file(ctx: Ctx, ApiPath(id): ApiPath<Uuid>) -> AppResult<Response> {
    let c = visible(&ctx, id).await?;
    let (_, signed) = signed_credential(&ctx.state, &c).await?;
    Ok((
        [
            (CONTENT_TYPE, "application/ld+json".to_owned()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"{}.json\"", c.number),
            ),
        ],
        signed.to_string(),
    )
        .into_response())
}

/// The did:web document of the instance (`/.well-known/did.json`) or of
/// an organisation (`/o/{slug}/did.json`).
pub(crate) async fn did_document(signer: Signer) -> AppResult<Response> {
    let document = credential::did_document(&signer.issuer, &signer.key);
    let mut response = Json(document).into_response();
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/did+json"));
    Ok(response)
}

// ----- revocation ----------------------------------------------------------

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RevokeInput {
    #[serde(default, deserialize_with = "crate::kit::input::loose_text")]
    pub reason: String,
}

fn reason(input: &RevokeInput) -> AppResult<aula_domain::details::ShortText> {
    aula_domain::details::ShortText::parse(&input.reason)
        .map_err(|p| AppError::Invalid(FieldErrors::single("reason", p)))
}

/// Revokes a certificate, with a reason (audited); verification shows it at once.
#[utoipa::path(post, path = "/api/v1/certificates/{id}/revoke", tag = "certificates",
    params(("id" = Uuid, Path)), request_body = RevokeInput,
    responses((status = 200, body = CertificateOut), (status = 403, body = ApiError),
        (status = 404, body = ApiError), (status = 409, body = ApiError, description = "Already revoked"),
        (status = 422, body = ApiError)))]
pub(crate) async fn revoke_api(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(input): ApiJson<RevokeInput>,
) -> AppResult<Json<CertificateOut>> {
    let reason = reason(&input)?;
    own_certificate(&ctx, id).await?;
    let revoked = aula_app::certificates::revoke(&ctx.state.app(), &ctx.actor()?, id, reason.as_str()).await?;
    Ok(Json(CertificateOut::from(&revoked)))
}

pub(crate) async fn revoke_form(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(input): CsrfForm<RevokeInput>,
) -> AppResult<Response> {
    own_certificate(&ctx, id).await?;
    // A reason the browser did not stop (spaces alone, too long): the list
    // again, as it was filtered, with the problem on the certificate's row
    // (it was a bare page naming `reason:`, session 25's note).
    let reason = match aula_domain::details::ShortText::parse(&input.reason) {
        Ok(reason) => reason,
        Err(problem) => {
            let filters = serde_html_form::from_str(ctx.query.as_deref().unwrap_or_default()).unwrap_or_default();
            let errors = FieldErrors::single(&format!("reason-{id}"), problem);
            let page = list::show(&ctx, filters, errors).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    aula_app::certificates::revoke(&ctx.state.app(), &ctx.actor()?, id, reason.as_str()).await?;
    Ok(redirect_with(&ctx, "/staff/certificates", "certificate-revoked-flash"))
}
