//! An organiser writes to a session's participants.

use askama::Template;
use aula_domain::registration::Audience;
use aula_domain::{FieldErrors, Text};
use aula_storage::sessions::{self, SessionRecord};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::kit::api::ApiError;
use crate::kit::context::Organiser;
use crate::kit::extract::{ApiJson, ApiPath, CsrfForm};
use crate::kit::pages::{Chrome, FormErrors, redirect_with, render, saved_or_form_again};
use crate::{AppError, AppResult, Ctx};

// ----- writing to participants ---------------------------------------------

/// A message to a session's participants.
#[derive(Clone, Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MessageInput {
    /// Required: `confirmed`, `waitlisted` or `all` (a missing one is told
    /// beside its field, as on the form, rather than as unreadable JSON).
    #[serde(default)]
    pub audience: String,
    pub subject: String,
    pub body: String,
}

struct MessageDetails {
    audience: Audience,
    subject: Text<200>,
    body: Text<20_000, true>,
}

impl TryFrom<&MessageInput> for MessageDetails {
    type Error = FieldErrors;

    fn try_from(input: &MessageInput) -> Result<Self, Self::Error> {
        let mut errors = FieldErrors::new();
        let audience = errors.take("audience", Audience::parse(&input.audience));
        let subject = errors.take("subject", Text::parse(&input.subject));
        let body = errors.take("body", Text::parse(&input.body));
        let (Some(audience), Some(subject), Some(body)) = (audience, subject, body) else {
            return Err(errors);
        };
        Ok(MessageDetails {
            audience,
            subject,
            body,
        })
    }
}

#[derive(Serialize, ToSchema)]
pub struct Queued {
    /// How many messages were written to the outbox (one per recipient).
    pub queued: usize,
}

impl MessageDetails {
    fn broadcast(&self, sending: Option<Uuid>) -> aula_app::messages::Broadcast<'_> {
        aula_app::messages::Broadcast {
            audience: self.audience,
            subject: self.subject.as_str(),
            body: self.body.as_str(),
            sending,
        }
    }
}

async fn queue(ctx: &Ctx, session: &SessionRecord, input: &MessageInput, sending: Option<Uuid>) -> AppResult<usize> {
    let details = MessageDetails::try_from(input)?;
    let message = details.broadcast(sending);
    let queued = aula_app::messages::broadcast(&ctx.state.app(), ctx.user()?, &ctx.actor()?, session, &message).await?;
    Ok(queued)
}

/// E-mail the session's participants (by status). Each recipient gets their own message in their language's frame.
#[utoipa::path(post, path = "/api/v1/sessions/{id}/messages", tag = "messages", params(("id" = Uuid, Path)),
    request_body = MessageInput,
    responses((status = 202, body = Queued), (status = 403, body = ApiError),
        (status = 404, body = ApiError), (status = 422, body = ApiError)))]
pub(crate) async fn send(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(input): ApiJson<MessageInput>,
) -> AppResult<Response> {
    let session = sessions::get_in(&ctx.state.db, ctx.org()?, id).await?;
    let queued = queue(&ctx, &session, &input, None).await?;
    Ok((StatusCode::ACCEPTED, axum::Json(Queued { queued })).into_response())
}

/// The compose form: the message, and whether the organiser, having seen
/// the preview, sends it (`send=yes`); without it the form shows a preview.
#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct ComposeForm {
    #[serde(default)]
    audience: String,
    #[serde(default)]
    subject: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    send: String,
    /// The preview's one send ([`aula_app::messages::Broadcast::sending`]).
    #[serde(default)]
    sending: String,
}

impl ComposeForm {
    fn input(&self) -> MessageInput {
        MessageInput {
            audience: self.audience.clone(),
            subject: self.subject.clone(),
            body: self.body.clone(),
        }
    }
}

#[derive(Template)]
#[template(path = "pages/compose.html")]
struct ComposePage {
    c: Chrome,
    session: SessionRecord,
    form: MessageInput,
    errors: FormErrors,
    audiences: Vec<(String, String)>,
    preview: Option<aula_app::messages::Preview>,
    /// The preview's send button's token, made with the preview.
    sending: Uuid,
}

impl ComposePage {
    fn new(ctx: &Ctx, session: SessionRecord, form: MessageInput, errors: FormErrors) -> Self {
        let c = Chrome::new(ctx);
        let audiences = c.words("message-audience", Audience::ALL);
        ComposePage {
            c,
            session,
            form,
            errors,
            audiences,
            preview: None,
            sending: Uuid::now_v7(),
        }
    }
}

pub(crate) async fn compose_page(Organiser(ctx): Organiser, ApiPath(id): ApiPath<Uuid>) -> AppResult<Response> {
    let session = sessions::get_in(&ctx.state.db, ctx.org()?, id).await?;
    let form = MessageInput {
        audience: Audience::Confirmed.as_str().into(),
        ..MessageInput::default()
    };
    render(&ComposePage::new(&ctx, session, form, FormErrors::none()))
}

/// The form's two steps: without `send`, the message as each language's
/// recipients will read it and how many they are; with `send=yes` (the
/// preview's button), the messages are queued.
pub(crate) async fn send_page(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(compose): CsrfForm<ComposeForm>,
) -> AppResult<Response> {
    let session = sessions::get_in(&ctx.state.db, ctx.org()?, id).await?;
    let form = compose.input();
    if compose.send != "yes" {
        let outcome = match MessageDetails::try_from(&form) {
            Ok(details) => {
                aula_app::messages::preview(&ctx.state.app(), ctx.user()?, &session, &details.broadcast(None))
                    .await
                    .map_err(AppError::from)
            }
            Err(errors) => Err(AppError::Invalid(errors)),
        };
        return saved_or_form_again(
            &ctx,
            outcome,
            |preview| {
                let mut page = ComposePage::new(&ctx, session.clone(), form.clone(), FormErrors::none());
                page.preview = Some(preview);
                render(&page).unwrap_or_else(|e| e.into_response())
            },
            async |errors| Ok(ComposePage::new(&ctx, session.clone(), form.clone(), errors)),
        )
        .await;
    }
    // A token that is not one the preview made is a forged form.
    let sending = match compose.sending.trim() {
        "" => None,
        token => Some(token.parse::<Uuid>().map_err(|_| AppError::bad_request("error-form"))?),
    };
    let outcome = queue(&ctx, &session, &form, sending).await;
    // The outbox page, filtered to this session, lists what was queued.
    let done = |queued| {
        let flash = match queued {
            0 => "flash-messages-none",
            _ => "flash-messages-queued",
        };
        redirect_with(&ctx, &format!("/staff/outbox?session_id={id}"), flash)
    };
    saved_or_form_again(&ctx, outcome, done, async |errors| {
        Ok(ComposePage::new(&ctx, session, form, errors))
    })
    .await
}
