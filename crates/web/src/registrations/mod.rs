//! Registrations: the public sign-up (form, API, confirmation link), a
//! registration's personal link (`manage`), "my trainings" (`me`), the
//! organiser's list and tools (`organiser`) and CSV imports of people
//! (`import`).

pub mod import;
pub mod manage;
pub mod me;
pub mod organiser;
pub mod signup;

use aula_domain::RegistrationStatus;
use aula_domain::registration::RegistrationSource;
use aula_storage::entities::registration;
use aula_storage::registrations::RegistrationRow;
use axum::response::IntoResponse;
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// What a page shows of a registration: its row without the hashes of its
/// confirmation and personal-link tokens.
pub struct RegistrationView {
    pub id: Uuid,
    pub session_id: Uuid,
    pub status: RegistrationStatus,
    pub source: RegistrationSource,
    pub created_at: DateTime<Utc>,
    pub confirmed_at: Option<DateTime<Utc>>,
    pub cancelled_at: Option<DateTime<Utc>>,
}

impl From<&registration::Model> for RegistrationView {
    fn from(r: &registration::Model) -> Self {
        RegistrationView {
            id: r.id,
            session_id: r.session_id,
            status: r.status,
            source: r.source,
            created_at: r.created_at,
            confirmed_at: r.confirmed_at,
            cancelled_at: r.cancelled_at,
        }
    }
}

/// A line of a session's registrations page: who, and their place on the
/// waiting list.
pub struct RegistrationLine {
    pub registration: RegistrationView,
    pub person: aula_storage::entities::person::Model,
    /// 1 for the first person waiting; `None` unless waitlisted.
    pub waitlist_position: Option<u64>,
    /// The person's other registrations whose meetings overlap this
    /// session's (issue 20): their session and course title.
    pub overlaps: Vec<(Uuid, String)>,
}

impl From<RegistrationRow> for RegistrationLine {
    fn from(row: RegistrationRow) -> Self {
        RegistrationLine {
            registration: RegistrationView::from(&row.registration),
            person: row.person,
            waitlist_position: row.waitlist_position,
            overlaps: Vec::new(),
        }
    }
}

#[derive(askama::Template)]
#[template(path = "pages/cancel_confirm.html")]
struct CancelConfirmPage {
    c: crate::kit::pages::Chrome,
    record: aula_storage::sessions::SessionRecord,
    /// Where the button posts the cancellation.
    action: String,
    /// Where "keep my registration" leads.
    back: String,
}

/// The confirmation step before a trainee cancels (issue 24), from "my
/// trainings" or the personal link: a page, so it works without script.
/// A registration no longer live or a session started goes `back`, which
/// says so.
pub(crate) async fn cancel_confirm(
    ctx: &crate::Ctx,
    record: aula_storage::sessions::SessionRecord,
    registration: &registration::Model,
    action: String,
    back: String,
) -> crate::AppResult<axum::response::Response> {
    let started = record.cancellable(Utc::now()).is_err();
    if !registration.status.is_live() || started {
        return Ok(axum::response::Redirect::to(&back).into_response());
    }
    crate::kit::pages::render(&CancelConfirmPage {
        c: crate::kit::pages::Chrome::of_organisation(ctx, record.session.organisation_id).await?,
        record,
        action,
        back,
    })
}

/// `•••••78A` for `12345678A`, the identifier a body asks for (issue 20) as
/// its owner sees it on pages reached by links that travel in e-mails:
/// enough to tell which it is; only dots for one too short to show a part of.
pub(crate) fn masked_identifier(identifier: &str) -> String {
    let chars: Vec<char> = identifier.chars().collect();
    match chars.len() {
        0..=4 => "•••••".to_owned(),
        n => format!("•••••{}", chars[n - 3..].iter().collect::<String>()),
    }
}
