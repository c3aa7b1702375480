//! Registering for a session: the public form on the session's page, the
//! public API, and the link in the e-mail that confirms a registration.
//!
//! The answer to a public request is the same whatever the e-mail address
//! already holds (a new registration, one waiting for its confirmation, a
//! seat): the e-mail sent to the address says which it was, so the form
//! cannot be used to learn who is registered.

use askama::Template;
use aula_app::registrations::{self as registrations_app, Confirmed, Entry};
use aula_domain::registrant::PRIVACY_NOTICE_VERSION;
use aula_domain::{
    Audience, Email, FieldErrors, Language, PersonName, Phone, Problem, RegistrantDetails, RegistrationStatus, Role,
};
use aula_storage::registrations::{self, Requested, Source};
use aula_storage::sessions::{self, SessionRecord};
use aula_storage::{StorageError, regions};
use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::kit::api::ApiError;
use crate::kit::audiences::AudienceWords;
use crate::kit::extract::{ApiJson, ApiPath, CsrfForm, NoFields};
use crate::kit::input;
use crate::kit::pages::{Chrome, FormErrors, no_store, render, render_invalid};
use crate::ops::limits::{self, ClientAddr};
use crate::{AppError, AppResult, AppState, Ctx};

/// A person as the form or an integration describes them.
#[derive(Clone, Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RegistrationInput {
    #[serde(default, deserialize_with = "input::loose_text")]
    pub given_name: String,
    #[serde(default, deserialize_with = "input::loose_text")]
    pub family_name: String,
    #[serde(default, deserialize_with = "input::loose_text")]
    pub email: String,
    /// Organisers only (issue 20): the person has no e-mail address (a
    /// newly arrived person, a walk-in); `email` is then left empty. They
    /// get no e-mail. The public always gives an address.
    #[serde(default, deserialize_with = "input::loose_bool")]
    pub without_email: bool,
    #[serde(default, deserialize_with = "input::loose_text")]
    pub phone: String,
    #[serde(default, deserialize_with = "input::loose_text")]
    pub employer: String,
    #[serde(default, deserialize_with = "input::loose_text")]
    pub job_title: String,
    /// `public_servant`, `union_delegate`, `elected_official`, `mediator`,
    /// `civil_society`, `other`, or one of the instance's own audiences
    /// (issue 20; `GET /api/v1/audiences` lists them all).
    #[serde(default, deserialize_with = "input::loose_text")]
    pub audience: String,
    /// A region's id, or empty.
    #[serde(default, deserialize_with = "input::loose_text")]
    pub region_id: String,
    /// `fr`, `es`, `en` or `ar`: the language of the person's e-mails. When empty,
    /// the page's language on the form, and the course's language through
    /// the API.
    #[serde(default, deserialize_with = "input::loose_text")]
    pub language: String,
    /// Consent to the privacy notice (required on the public form and API).
    #[serde(default, deserialize_with = "input::loose_bool")]
    pub consent: bool,
    /// Their identifier in the register of the body accrediting the course
    /// (a national ID number, a staff number), where the body asks for one
    /// (its `identifier_label`; issue 20): required of the person
    /// themselves then, optional for organisers, ignored elsewhere. Only the
    /// body's accreditors see it.
    #[serde(default, deserialize_with = "input::loose_text")]
    pub identifier: String,
    /// Left empty by people: the form hides it; robots fill it in.
    #[serde(default, skip_serializing)]
    #[schema(ignore)]
    pub website: String,
    /// The secret of a session's private registration link (issue 20): the
    /// only way the public registers for a session by invitation.
    #[serde(default, deserialize_with = "input::loose_text")]
    pub invitation: String,
}

impl RegistrationInput {
    /// Who registers by this input: the person themselves, by the private
    /// link when the input carries its secret.
    fn entry(&self) -> Entry {
        match self.invitation.trim() {
            "" => Entry::Public,
            secret => Entry::Invited(secret.to_owned()),
        }
    }
}

impl RegistrationInput {
    /// The registrant, or every field's problem. `lang` stands in for an
    /// empty language; the region must exist. Only `by_organiser` may say
    /// the person has no e-mail.
    pub async fn parse(
        &self,
        state: &AppState,
        lang: Language,
        by_organiser: bool,
    ) -> AppResult<Result<RegistrantDetails, FieldErrors>> {
        let mut errors = FieldErrors::new();
        let region_id = match errors.take("region_id", input::parse_optional_id(&self.region_id)) {
            Some(Some(id)) => match regions::get(&state.db, id).await {
                Ok(_) => Some(Some(id)),
                Err(StorageError::NotFound) => {
                    errors.add("region_id", Problem::new("error-unknown-choice"));
                    None
                }
                Err(other) => return Err(other.into()),
            },
            other => other,
        };
        let language = if self.language.trim().is_empty() {
            Some(lang)
        } else {
            errors.take("language", Language::parse(&self.language))
        };
        let details = (
            errors.take("given_name", PersonName::parse(&self.given_name)),
            errors.take("family_name", PersonName::parse(&self.family_name)),
            errors.take("email", self.email(by_organiser)),
            errors.take("phone", Phone::parse_optional(&self.phone)),
            errors.take(
                "employer",
                aula_domain::details::ShortText::parse_optional(&self.employer),
            ),
            errors.take(
                "job_title",
                aula_domain::details::ShortText::parse_optional(&self.job_title),
            ),
            errors.take("audience", Audience::parse(&self.audience)),
            region_id,
            language,
        );
        let identifier = errors.take("identifier", aula_domain::Text::<60>::parse_optional(&self.identifier));
        Ok(RegistrantDetails::gathered(details)
            .zip(identifier)
            .map(|(details, identifier)| RegistrantDetails { identifier, ..details })
            .ok_or(errors))
    }

    /// The address; none only when an organiser says the person has none,
    /// and then none may be given.
    fn email(&self, by_organiser: bool) -> Result<Option<Email>, Problem> {
        match (by_organiser && self.without_email, self.email.trim()) {
            (true, "") => Ok(None),
            (true, _) => Err(Problem::new("error-email-and-without")),
            (false, address) => Email::parse(address).map(Some),
        }
    }

    /// The public form's parse: consent is required too.
    async fn parse_public(
        &self,
        state: &AppState,
        lang: Language,
    ) -> AppResult<Result<RegistrantDetails, FieldErrors>> {
        let parsed = self.parse(state, lang, false).await?;
        if self.consent {
            return Ok(parsed);
        }
        let mut errors = parsed.err().unwrap_or_default();
        errors.add("consent", Problem::new("error-consent-needed"));
        Ok(Err(errors))
    }
}

/// The answer to a registration request.
#[derive(Serialize, ToSchema)]
pub struct RegistrationCreated {
    /// The registration's id. For the public, only a new registration's: a
    /// request about an address already registered gets an id made for the
    /// answer, so the answer looks the same either way.
    pub id: Uuid,
    /// For the public always `pending`: the e-mail sent to the address says
    /// what happened (confirm your registration, or you are already
    /// registered). For organisers the registration's status.
    pub status: String,
    /// 1 for the first person waiting (organisers only).
    pub waitlist_position: Option<u64>,
}

/// Registers a person for a session.
///
/// Anyone may call it: the person then confirms by the link e-mailed to
/// them (consent to the privacy notice is required). An organiser's call
/// enters the person directly (confirmation by e-mail as the session says).
/// Rate-limited per address and per e-mail.
#[utoipa::path(
    post,
    path = "/api/v1/sessions/{id}/registrations",
    tag = "registrations",
    params(("id" = Uuid, Path, description = "The session")),
    request_body = RegistrationInput,
    responses(
        (status = 201, body = RegistrationCreated),
        (status = 404, body = ApiError, description = "Unknown session"),
        (status = 409, body = ApiError, description = "The session does not take registrations"),
        (status = 422, body = ApiError),
        (status = 429, body = ApiError, description = "Too many requests"),
    ),
    security((), ("bearer" = []))
)]
pub(crate) async fn register_api(
    ctx: Ctx,
    client: ClientAddr,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(input): ApiJson<RegistrationInput>,
) -> AppResult<Response> {
    let organiser = ctx.user.as_ref().is_some_and(|u| u.has(Role::Organiser));
    // Read once, for the rules and for the language of a body without one:
    // an integration's request carries no reader's language, the course's
    // is the one its people read (issue 20: French courses got English
    // e-mails).
    let record = aula_storage::sessions::for_registration(&ctx.state.db, id).await?;
    // A suspended organisation takes no registration, not even an organiser's (issue 17).
    crate::catalogue::branding::serving_id(&ctx.state, record.session.organisation_id).await?;
    let language = record.course.course.language;
    if organiser {
        let details = input
            .parse(&ctx.state, language, true)
            .await?
            .map_err(AppError::Invalid)?;
        let requested = registrations_app::register_for(
            &ctx.state.app(),
            &record,
            &details,
            &Entry::Organiser(Source::Organiser, ctx.actor()?),
        )
        .await?;
        let registration = requested.registration();
        let position = registrations::waitlist_position(&ctx.state.db, registration).await?;
        let body = RegistrationCreated {
            id: registration.id,
            status: registration.status.as_str().to_owned(),
            waitlist_position: position,
        };
        return Ok((StatusCode::CREATED, Json(body)).into_response());
    }
    // Unknown sessions and drafts are not found, before anything is judged
    // (trainers only for a draft's staff).
    if !record.status().is_public() {
        crate::sessions::visible(&ctx, id).await?;
    }
    let details = input
        .parse_public(&ctx.state, language)
        .await?
        .map_err(AppError::Invalid)?;
    limits::registration(&ctx.state, &client, details.email.as_ref()).await?;
    let requested = registrations_app::register_for(&ctx.state.app(), &record, &details, &input.entry()).await?;
    // A new registration's id, or one made now: an existing registration's
    // id would tell when that person registered (issue 15).
    let id = match requested {
        Requested::Pending { registration, .. } => registration.id,
        _ => aula_storage::new_id(),
    };
    let body = RegistrationCreated {
        id,
        status: RegistrationStatus::Pending.as_str().to_owned(),
        waitlist_position: None,
    };
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

/// The options of a person form's lists, labelled in the page's language.
pub struct Choices {
    pub audiences: Vec<(String, String)>,
    pub regions: Vec<(String, String)>,
    pub languages: Vec<(String, String)>,
    /// The identifier the course's accrediting body asks for (issue 20):
    /// its label, and a hint saying who sees it.
    pub identifier: Option<(String, String)>,
}

impl Choices {
    /// `audience` is the form's: kept on offer if it has been retired.
    pub async fn new(c: &Chrome, state: &AppState, audience: &str) -> AppResult<Self> {
        let audiences = AudienceWords::load(&state.db, c.tr).await?.options(audience);
        let languages = c.words("language", Language::ALL);
        let regions = regions::list(&state.db)
            .await?
            .into_iter()
            .map(|r| (r.id.to_string(), r.name))
            .collect();
        Ok(Choices {
            audiences,
            regions,
            languages,
            identifier: None,
        })
    }

    /// Asks for the identifier the session's accrediting body wants, if any.
    pub fn asking(mut self, c: &Chrome, record: &SessionRecord) -> Self {
        self.identifier = record.course.body.as_ref().and_then(|body| {
            let label = body.identifier_label.clone()?;
            Some((label, c.t1("person-identifier-hint", "body", body.name.as_str())))
        });
        self
    }
}

/// A session's public page, with the registration form when it takes registrations.
#[derive(Template)]
#[template(path = "pages/session.html")]
pub struct SessionPage {
    pub c: Chrome,
    pub record: SessionRecord,
    /// Why the session does not take registrations now (a message), if it does not.
    pub closed: Option<String>,
    pub form: RegistrationInput,
    pub errors: FormErrors,
    pub choices: Choices,
    pub privacy_version: &'static str,
    /// The notice's sentence on how long data is kept: the periods in force.
    pub privacy_periods: String,
}

impl SessionPage {
    pub async fn new(ctx: &Ctx, record: SessionRecord, form: RegistrationInput, errors: FormErrors) -> AppResult<Self> {
        let c = Chrome::of_organisation(ctx, record.session.organisation_id).await?;
        // A session by invitation takes the public only by its private link (issue 20).
        let uninvited = record.session.by_invitation && !registrations_app::invited(&record, &form.entry());
        let closed = match uninvited {
            true => Some(ctx.tr().t("error-session-by-invitation")),
            false => record.registering_now().allows().err().map(|p| ctx.tr().problem(&p)),
        };
        let choices = Choices::new(&c, &ctx.state, &form.audience).await?.asking(&c, &record);
        let periods = aula_app::retention::periods(&ctx.state.app()).await?;
        let period = |category| ctx.tr().period(periods.days(category));
        let privacy_periods = {
            use aula_domain::retention::RetentionCategory::*;
            ctx.tr().args(
                "privacy-notice-periods",
                &[
                    ("pending", period(PendingRegistrations).into()),
                    ("inactive", period(InactivePeople).into()),
                    ("certificates", period(Certificates).into()),
                ],
            )
        };
        Ok(SessionPage {
            c,
            record,
            closed,
            form,
            errors,
            choices,
            privacy_version: PRIVACY_NOTICE_VERSION,
            privacy_periods,
        })
    }
}

pub(crate) async fn register_form(
    ctx: Ctx,
    client: ClientAddr,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(mut form): CsrfForm<RegistrationInput>,
) -> AppResult<Response> {
    let record = crate::sessions::visible(&ctx, id).await?;
    let done = Redirect::to(&format!("/sessions/{id}/registered")).into_response();
    if !form.website.is_empty() {
        // A robot: it is told what a person would be, and nothing happens.
        return Ok(done);
    }
    if form.language.is_empty() {
        form.language = ctx.lang.as_str().to_owned();
    }
    let details = match form.parse_public(&ctx.state, ctx.lang).await? {
        Ok(details) => details,
        Err(errors) => {
            let errors = FormErrors::new(ctx.tr(), &errors);
            return render_invalid(&SessionPage::new(&ctx, record, form, errors).await?);
        }
    };
    limits::registration(&ctx.state, &client, details.email.as_ref()).await?;
    // What only the use case can judge (the identifier the course's body
    // asks for, an audience retired or removed meanwhile) is the form again,
    // with what was typed.
    match registrations_app::register_for(&ctx.state.app(), &record, &details, &form.entry()).await {
        Ok(_) => Ok(done),
        Err(err) => match AppError::from(err) {
            AppError::Invalid(errors) => {
                let errors = FormErrors::new(ctx.tr(), &errors);
                render_invalid(&SessionPage::new(&ctx, record, form, errors).await?)
            }
            other => Err(other),
        },
    }
}

#[derive(Template)]
#[template(path = "pages/registration_outcome.html")]
struct OutcomePage {
    c: Chrome,
    record: SessionRecord,
    /// The message key of the headline.
    title: &'static str,
    /// What it means, in a sentence.
    message: String,
    /// A sign-in link's secret, right after a confirmation: "see my
    /// trainings" then signs the person in (issue 24).
    sign_in: Option<String>,
}

pub(crate) async fn registered_page(ctx: Ctx, ApiPath(id): ApiPath<Uuid>) -> AppResult<Response> {
    let record = crate::sessions::visible(&ctx, id).await?;
    let c = Chrome::new(&ctx);
    let message = c.t1(
        "registration-check-email-body",
        "hours",
        registrations::CONFIRM_LIFETIME.num_hours(),
    );
    render(&OutcomePage {
        c,
        record,
        title: "outcome-check-email",
        message,
        sign_in: None,
    })
}

/// The page behind the link in the confirmation e-mail: one button that
/// confirms. Opening the link changes nothing (issue 15), since mail
/// scanners open links that nobody clicked.
pub(crate) async fn confirm_page(ctx: Ctx, ApiPath(token): ApiPath<String>) -> AppResult<Response> {
    let registration = match registrations::by_confirm_token(&ctx.state.db, &token).await {
        Ok(r) => r,
        Err(StorageError::NotFound) => return superseded(&ctx, &token).await,
        Err(other) => return Err(other.into()),
    };
    let record = sessions::get(&ctx.state.db, registration.session_id).await?;
    let org = crate::catalogue::branding::serving_id(&ctx.state, record.session.organisation_id).await?;
    if registration.status != RegistrationStatus::Pending {
        let position = registrations::waitlist_position(&ctx.state.db, &registration).await?;
        return outcome(&ctx, record, &registration, position, None);
    }
    if registrations::confirm_expired(&registration) {
        return expired(&ctx, record);
    }
    // The name the confirmation will keep: the request's, when it proposed one.
    let person = aula_storage::people::get(&ctx.state.db, registration.person_id).await?;
    let name = match registration
        .proposed_details
        .as_deref()
        .map(aula_storage::people::Proposal::from_json)
    {
        Some(proposal) => {
            let proposal = proposal?;
            format!("{} {}", proposal.given_name, proposal.family_name)
        }
        None => format!("{} {}", person.given_name, person.family_name),
    };
    let response = render(&ConfirmPage {
        // Whose registration it confirms, in its colours (session 30's note).
        c: Chrome::new(&ctx).branded(&org),
        record,
        token,
        name,
    })?;
    Ok(no_store(response))
}

#[derive(Template)]
#[template(path = "pages/confirm.html")]
struct ConfirmPage {
    c: Chrome,
    record: SessionRecord,
    token: String,
    /// The holder's name as the confirmation keeps it.
    name: String,
}

/// The confirmation itself: the button on the link's page.
pub(crate) async fn confirm(
    ctx: Ctx,
    ApiPath(token): ApiPath<String>,
    CsrfForm(NoFields {}): CsrfForm<NoFields>,
) -> AppResult<Response> {
    let confirmed = match registrations_app::confirm(&ctx.state.app(), &token).await {
        Err(aula_app::Error::NotFound) => return superseded(&ctx, &token).await,
        other => other?,
    };
    match confirmed {
        Confirmed::Placed {
            record,
            registration,
            position,
            sign_in,
            ..
        } => outcome(&ctx, record, &registration, position, sign_in),
        Confirmed::Expired { record } => expired(&ctx, record),
        Confirmed::TooLate { record, problem } => too_late(&ctx, record, &problem),
    }
}

/// A confirmation the session no longer takes (cancelled, completed or
/// started since the request): the page says why, with the session's.
fn too_late(ctx: &Ctx, record: SessionRecord, problem: &Problem) -> AppResult<Response> {
    let c = Chrome::new(ctx);
    let message = c.tr.problem(problem);
    let page = render(&OutcomePage {
        c,
        record,
        title: "outcome-too-late",
        message,
        sign_in: None,
    })?;
    Ok((StatusCode::CONFLICT, page).into_response())
}

/// Where a registration stands, after its confirmation or when its link is opened again.
fn outcome(
    ctx: &Ctx,
    record: SessionRecord,
    registration: &aula_storage::entities::registration::Model,
    position: Option<u64>,
    sign_in: Option<String>,
) -> AppResult<Response> {
    let c = Chrome::new(ctx);
    let (title, message) = match (registration.status, position) {
        (RegistrationStatus::Confirmed, _) => ("outcome-confirmed", c.t("registration-confirmed-body")),
        (RegistrationStatus::Waitlisted, Some(p)) => (
            "outcome-waitlisted",
            c.t1("registration-waitlisted-body", "position", p),
        ),
        (RegistrationStatus::Cancelled, _) => ("outcome-cancelled", c.t("registration-cancelled-body")),
        _ => ("outcome-check-email", c.t("registration-pending-body")),
    };
    let response = render(&OutcomePage {
        c,
        record,
        title,
        message,
        sign_in,
    })?;
    Ok(no_store(response))
}

/// A link that a newer request replaced (issue 24): where the registration
/// stands if the newer link was used, else that a newer link was sent, where
/// to find it, and that nothing is lost. A link never sent is not found.
async fn superseded(ctx: &Ctx, token: &str) -> AppResult<Response> {
    let Some((registration, when)) = registrations::superseded_confirm_link(&ctx.state.db, token).await? else {
        return Err(AppError::NotFound);
    };
    let record = sessions::get(&ctx.state.db, registration.session_id).await?;
    crate::catalogue::branding::serving_id(&ctx.state, record.session.organisation_id).await?;
    if registration.status != RegistrationStatus::Pending {
        let position = registrations::waitlist_position(&ctx.state.db, &registration).await?;
        return outcome(ctx, record, &registration, position, None);
    }
    let c = Chrome::new(ctx);
    let message = c.t1(
        "registration-link-superseded-body",
        "date",
        c.datetime(&when, &record.session.time_zone),
    );
    let page = render(&OutcomePage {
        c,
        record,
        title: "outcome-link-superseded",
        message,
        sign_in: None,
    })?;
    Ok((StatusCode::GONE, no_store(page)).into_response())
}

/// An expired link: the page says so and offers the session's form again.
fn expired(ctx: &Ctx, record: SessionRecord) -> AppResult<Response> {
    let c = Chrome::new(ctx);
    let message = c.t("error-confirm-expired");
    let page = render(&OutcomePage {
        c,
        record,
        title: "outcome-link-expired",
        message,
        sign_in: None,
    })?;
    Ok((StatusCode::GONE, page).into_response())
}
