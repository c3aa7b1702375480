//! Organisations' pages (issue 17): a platform administrator's list, the
//! form that makes one, one organisation's settings, branding, members and
//! status (with a confirmation page, no script); and its organisers' page
//! for its branding (`/staff/organisation`). Every change is a use case of
//! `aula_app::organisations`, as in the API (`organisation_admin`).

use askama::Template;
use aula_app::organisations::{self as use_case, Change};
use aula_domain::{AccentColour, FieldErrors, Language, OrganisationId, OrganisationStatus, Problem, Role};
use aula_storage::entities::organisation;
use aula_storage::organisations::{self, Member, NewOrganisation};
use axum::extract::Multipart;
use axum::extract::multipart::MultipartRejection;
use axum::response::Response;
use serde::Deserialize;
use uuid::Uuid;

use super::organisation_admin::{OrganisationChangeInput, find, parse_logo};
use super::organisations::{OrganisationInput, member_of};
use crate::kit::context::{Admin, Organiser};
use crate::kit::extract::{ApiPath, ApiQuery, CsrfForm, NoFields};
use crate::kit::pages::{
    Chrome, FormErrors, redirect_with, render, render_invalid, saved_or_form_again, saved_or_page_again,
};
use crate::kit::upload::read_upload;
use crate::{AppError, AppResult, Ctx};

const ADMIN: &[Role] = &[Role::Admin];

#[derive(Template)]
#[template(path = "pages/organisations_admin.html")]
struct ListPage {
    c: Chrome,
    /// Each organisation with how many people work in it.
    rows: Vec<(organisation::Model, i32)>,
}

/// `/admin/organisations`: every organisation, its status and its staff count.
pub(crate) async fn list_page(ctx: Ctx) -> AppResult<Response> {
    ctx.require(ADMIN)?;
    let counts = organisations::member_counts(&ctx.state.db).await?;
    let rows = organisations::list(&ctx.state.db)
        .await?
        .into_iter()
        .map(|o| {
            let count = counts.get(&o.id).copied().unwrap_or(0);
            (o, i32::try_from(count).unwrap_or(i32::MAX))
        })
        .collect();
    render(&ListPage {
        c: Chrome::new(&ctx),
        rows,
    })
}

#[derive(Template)]
#[template(path = "pages/organisation_new.html")]
struct NewPage {
    c: Chrome,
    form: NewForm,
    errors: FormErrors,
}

#[derive(Default, Deserialize)]
pub(crate) struct NewForm {
    #[serde(default)]
    slug: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    time_zone: String,
    #[serde(default)]
    contact_email: String,
}

pub(crate) async fn new_page(ctx: Ctx) -> AppResult<Response> {
    ctx.require(ADMIN)?;
    render(&NewPage {
        c: Chrome::new(&ctx),
        form: NewForm::default(),
        errors: FormErrors::none(),
    })
}

pub(crate) async fn create_page(Admin(ctx): Admin, CsrfForm(form): CsrfForm<NewForm>) -> AppResult<Response> {
    let input = OrganisationInput {
        slug: form.slug.clone(),
        name: form.name.clone(),
        time_zone: form.time_zone.clone(),
        contact_email: form.contact_email.clone(),
    };
    let outcome: AppResult<_> = async {
        let new = NewOrganisation::try_from(&input)?;
        Ok(use_case::create(&ctx.state.app(), &ctx.actor()?, &new).await?)
    }
    .await;
    let created = |created: organisation::Model| {
        redirect_with(
            &ctx,
            &format!("/admin/organisations/{}", created.id),
            "organisation-created",
        )
    };
    saved_or_form_again(&ctx, outcome, created, async |errors| {
        Ok(NewPage {
            errors,
            c: Chrome::new(&ctx),
            form,
        })
    })
    .await
}

/// The branding forms' state: where they post, what is set, their problems.
pub struct Branding {
    /// `/admin/organisations/{id}` or `/staff/organisation`.
    pub action: String,
    pub accent: String,
    pub logo: Option<String>,
    pub errors: FormErrors,
    pub logo_errors: FormErrors,
}

impl Branding {
    fn of(org: &organisation::Model, action: String) -> Self {
        Branding {
            action,
            accent: org.accent_colour.clone().unwrap_or_default(),
            logo: org.logo_content_type.as_ref().map(|_| format!("/o/{}/logo", org.slug)),
            errors: FormErrors::none(),
            logo_errors: FormErrors::none(),
        }
    }
}

#[derive(Default, Deserialize)]
pub(crate) struct MemberForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
}

#[derive(Template)]
#[template(path = "pages/organisation_admin.html")]
struct AdminPage {
    c: Chrome,
    org: organisation::Model,
    form: OrganisationChangeInput,
    errors: FormErrors,
    languages: Vec<(String, String, bool)>,
    branding: Branding,
    members: Vec<Member>,
    member_form: MemberForm,
    member_errors: FormErrors,
    roles: Vec<(String, String)>,
    /// Its place among networks: the form, the networks it may join, and
    /// its own members when it is one.
    network_form: NetworkForm,
    network_errors: FormErrors,
    networks: Vec<(String, String)>,
    network_members: Vec<String>,
}

impl AdminPage {
    async fn new(ctx: &Ctx, org: organisation::Model) -> AppResult<Self> {
        let c = Chrome::new(ctx);
        let form = OrganisationChangeInput::from(&org);
        let members = organisations::staff(&ctx.state.db, organisations::id(&org)).await?;
        // Networks it could join: declared networks that are not members
        // themselves (one level), other than itself.
        let networks = organisations::list(&ctx.state.db)
            .await?
            .into_iter()
            .filter(|o| o.is_network && o.network_id.is_none() && o.id != org.id)
            .map(|o| (o.id.to_string(), o.name))
            .collect();
        let network_members = match org.is_network {
            true => organisations::members(&ctx.state.db, organisations::id(&org))
                .await?
                .into_iter()
                .map(|o| o.name)
                .collect(),
            false => Vec::new(),
        };
        Ok(AdminPage {
            network_form: NetworkForm::from(&org),
            network_errors: FormErrors::none(),
            networks,
            network_members,
            languages: c.ticks("language", Language::ALL, &form.languages),
            roles: c.words("role", &[Role::Organiser, Role::Trainer]),
            branding: Branding::of(&org, format!("/admin/organisations/{}", org.id)),
            c,
            form,
            errors: FormErrors::none(),
            members,
            member_form: MemberForm {
                role: Role::Organiser.as_str().to_owned(),
                ..MemberForm::default()
            },
            member_errors: FormErrors::none(),
            org,
        })
    }
}

/// `/admin/organisations/{id}`.
pub(crate) async fn edit_page(ctx: Ctx, ApiPath(id): ApiPath<Uuid>) -> AppResult<Response> {
    ctx.require(ADMIN)?;
    let org = find(&ctx.state, id).await?;
    render(&AdminPage::new(&ctx, org).await?)
}

/// The settings form as it posts: the languages' boxes may all be unticked.
#[derive(Deserialize)]
pub(crate) struct SettingsForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    time_zone: String,
    #[serde(default, deserialize_with = "crate::kit::input::loose_list")]
    languages: Vec<String>,
    #[serde(default)]
    contact_email: String,
    #[serde(default)]
    mail_sender_name: String,
    #[serde(default)]
    reply_to: String,
}

pub(crate) async fn update_page(
    Admin(ctx): Admin,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(form): CsrfForm<SettingsForm>,
) -> AppResult<Response> {
    let org = find(&ctx.state, id).await?;
    let input = OrganisationChangeInput {
        name: form.name,
        time_zone: form.time_zone,
        languages: form.languages,
        contact_email: form.contact_email,
        mail_sender_name: form.mail_sender_name,
        reply_to: form.reply_to,
        ..OrganisationChangeInput::from(&org)
    };
    let outcome: AppResult<_> = async {
        let change = Change {
            settings: Some(input.settings()?),
            ..Change::default()
        };
        Ok(use_case::change(&ctx.state.app(), &ctx.actor()?, organisations::id(&org), &change).await?)
    }
    .await;
    let back = |_| redirect_with(&ctx, &format!("/admin/organisations/{id}"), "flash-saved");
    let page = async || AdminPage::new(&ctx, org).await;
    saved_or_page_again(&ctx, outcome, back, page, |page, errors| AdminPage {
        languages: page.c.ticks("language", Language::ALL, &input.languages),
        form: input,
        errors,
        ..page
    })
    .await
}

pub(crate) async fn add_member_page(
    Admin(ctx): Admin,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(form): CsrfForm<MemberForm>,
) -> AppResult<Response> {
    let org = find(&ctx.state, id).await?;
    let outcome: AppResult<_> = async {
        let (email, role) = member_of(&form.email, &form.role)?;
        Ok(use_case::add_member(&ctx.state.app(), &ctx.actor()?, organisations::id(&org), &email, role).await?)
    }
    .await;
    let back = |_| {
        redirect_with(
            &ctx,
            &format!("/admin/organisations/{id}#members"),
            "organisation-member-added",
        )
    };
    let page = async || AdminPage::new(&ctx, org).await;
    saved_or_page_again(&ctx, outcome, back, page, |page, member_errors| AdminPage {
        member_form: form,
        member_errors,
        ..page
    })
    .await
}

/// An organisation's place among networks, as its form posts it: the box
/// ticked when it is a network, the network it is a member of (empty: none).
#[derive(Default, Deserialize)]
pub(crate) struct NetworkForm {
    #[serde(default, deserialize_with = "crate::kit::input::loose_bool")]
    is_network: bool,
    #[serde(default)]
    network_id: String,
}

impl From<&organisation::Model> for NetworkForm {
    fn from(org: &organisation::Model) -> Self {
        NetworkForm {
            is_network: org.is_network,
            network_id: org.network_id.map(|id| id.to_string()).unwrap_or_default(),
        }
    }
}

/// `POST /admin/organisations/{id}/network` (issue 17): declares it a
/// network, or a member of one, through the same use case as the API.
pub(crate) async fn network_page(
    Admin(ctx): Admin,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(form): CsrfForm<NetworkForm>,
) -> AppResult<Response> {
    let org = find(&ctx.state, id).await?;
    let outcome: AppResult<_> = async {
        let network_id = match form.network_id.trim() {
            "" => None,
            text => Some(
                Uuid::parse_str(text)
                    .map_err(|_| FieldErrors::single("network_id", Problem::new("network-unknown")))?,
            ),
        };
        let standing = organisations::Standing {
            is_network: form.is_network,
            network_id: network_id.map(OrganisationId::from_row),
        };
        Ok(use_case::set_standing(&ctx.state.app(), &ctx.actor()?, organisations::id(&org), standing).await?)
    }
    .await;
    let back = |_| redirect_with(&ctx, &format!("/admin/organisations/{id}#network"), "flash-saved");
    let page = async || AdminPage::new(&ctx, org).await;
    saved_or_page_again(&ctx, outcome, back, page, |page, network_errors| AdminPage {
        network_form: form,
        network_errors,
        ..page
    })
    .await
}

#[derive(Deserialize)]
pub(crate) struct RemoveForm {
    #[serde(default)]
    user_id: String,
    #[serde(default)]
    role: String,
}

pub(crate) async fn remove_member_page(
    Admin(ctx): Admin,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(form): CsrfForm<RemoveForm>,
) -> AppResult<Response> {
    let org = find(&ctx.state, id).await?;
    let user_id = Uuid::parse_str(form.user_id.trim()).map_err(|_| AppError::NotFound)?;
    let role = Role::parse(&form.role).map_err(|_| AppError::NotFound)?;
    use_case::remove_member(&ctx.state.app(), &ctx.actor()?, organisations::id(&org), user_id, role).await?;
    Ok(redirect_with(
        &ctx,
        &format!("/admin/organisations/{id}#members"),
        "organisation-member-removed",
    ))
}

#[derive(Template)]
#[template(path = "pages/organisation_status.html")]
struct StatusPage {
    c: Chrome,
    org: organisation::Model,
    suspend: bool,
}

#[derive(Deserialize)]
pub(crate) struct StatusQuery {
    #[serde(default)]
    to: String,
}

/// The confirmation before a suspension (or a reactivation): a page of its
/// own with one button, so that nothing happens by one mistaken click.
pub(crate) async fn status_page(
    ctx: Ctx,
    ApiPath(id): ApiPath<Uuid>,
    ApiQuery(query): ApiQuery<StatusQuery>,
) -> AppResult<Response> {
    ctx.require(ADMIN)?;
    let org = find(&ctx.state, id).await?;
    let to = OrganisationStatus::parse(&query.to).map_err(|p| AppError::Invalid(FieldErrors::single("to", p)))?;
    render(&StatusPage {
        c: Chrome::new(&ctx),
        org,
        suspend: to == OrganisationStatus::Suspended,
    })
}

#[derive(Deserialize)]
pub(crate) struct StatusForm {
    #[serde(default)]
    status: String,
}

pub(crate) async fn status_form(
    Admin(ctx): Admin,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(form): CsrfForm<StatusForm>,
) -> AppResult<Response> {
    let org = find(&ctx.state, id).await?;
    let status =
        OrganisationStatus::parse(&form.status).map_err(|p| AppError::Invalid(FieldErrors::single("status", p)))?;
    let change = Change {
        status: Some(status),
        ..Change::default()
    };
    use_case::change(&ctx.state.app(), &ctx.actor()?, organisations::id(&org), &change).await?;
    let flash = match status {
        OrganisationStatus::Suspended => "organisation-suspended-flash",
        OrganisationStatus::Active => "organisation-reactivated-flash",
    };
    Ok(redirect_with(&ctx, &format!("/admin/organisations/{id}"), flash))
}

// ----- branding: the administrator's and the organisers' doors onto the same forms ---------

#[derive(Deserialize)]
pub(crate) struct ColourForm {
    #[serde(default)]
    accent_colour: String,
}

/// Where a branding form came from: what it changes and where it goes back.
enum Door {
    Admin(organisation::Model),
    Staff(organisation::Model),
}

impl Door {
    fn org(&self) -> &organisation::Model {
        match self {
            Door::Admin(o) | Door::Staff(o) => o,
        }
    }

    fn back(&self) -> String {
        match self {
            Door::Admin(o) => format!("/admin/organisations/{}#branding", o.id),
            Door::Staff(_) => "/staff/organisation#branding".to_owned(),
        }
    }

    /// Its page again, with the branding forms' problems (422).
    async fn again(self, ctx: &Ctx, accent: String, colour: FormErrors, logo: FormErrors) -> AppResult<Response> {
        match self {
            Door::Admin(org) => {
                let mut page = AdminPage::new(ctx, org).await?;
                page.branding.accent = accent;
                page.branding.errors = colour;
                page.branding.logo_errors = logo;
                render_invalid(&page)
            }
            Door::Staff(org) => {
                let mut page = StaffPage::new(ctx, org);
                page.branding.accent = accent;
                page.branding.errors = colour;
                page.branding.logo_errors = logo;
                render_invalid(&page)
            }
        }
    }
}

async fn save_colour(ctx: &Ctx, door: Door, form: ColourForm) -> AppResult<Response> {
    let accent = if form.accent_colour.trim().is_empty() {
        Ok(None)
    } else {
        AccentColour::parse(&form.accent_colour).map(Some)
    };
    match accent {
        Ok(accent) => {
            let change = Change {
                accent: Some(accent),
                ..Change::default()
            };
            use_case::change(&ctx.state.app(), &ctx.actor()?, organisations::id(door.org()), &change).await?;
            Ok(redirect_with(ctx, &door.back(), "flash-saved"))
        }
        Err(problem) => {
            let errors = FormErrors::new(ctx.tr(), &FieldErrors::single("accent_colour", problem));
            door.again(ctx, form.accent_colour, errors, FormErrors::none()).await
        }
    }
}

async fn save_logo(ctx: &Ctx, door: Door, multipart: Result<Multipart, MultipartRejection>) -> AppResult<Response> {
    let upload = read_upload(ctx, multipart).await?;
    let logo = match &upload {
        None => Err(Problem::required()),
        Some((_, bytes)) => parse_logo(bytes),
    };
    match logo {
        Ok(logo) => {
            use_case::set_logo(
                &ctx.state.app(),
                &ctx.actor()?,
                organisations::id(door.org()),
                Some(&logo),
            )
            .await?;
            Ok(redirect_with(ctx, &door.back(), "organisation-logo-saved"))
        }
        Err(problem) => {
            let errors = FormErrors::new(ctx.tr(), &FieldErrors::single("file", problem));
            let accent = door.org().accent_colour.clone().unwrap_or_default();
            door.again(ctx, accent, FormErrors::none(), errors).await
        }
    }
}

async fn remove_logo(ctx: &Ctx, door: Door) -> AppResult<Response> {
    use_case::set_logo(&ctx.state.app(), &ctx.actor()?, organisations::id(door.org()), None).await?;
    Ok(redirect_with(ctx, &door.back(), "organisation-logo-removed"))
}

pub(crate) async fn admin_colour(
    Admin(ctx): Admin,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(form): CsrfForm<ColourForm>,
) -> AppResult<Response> {
    let door = Door::Admin(find(&ctx.state, id).await?);
    save_colour(&ctx, door, form).await
}

pub(crate) async fn admin_logo(
    Admin(ctx): Admin,
    ApiPath(id): ApiPath<Uuid>,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Response> {
    let door = Door::Admin(find(&ctx.state, id).await?);
    save_logo(&ctx, door, multipart).await
}

pub(crate) async fn admin_logo_remove(
    Admin(ctx): Admin,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(NoFields {}): CsrfForm<NoFields>,
) -> AppResult<Response> {
    let door = Door::Admin(find(&ctx.state, id).await?);
    remove_logo(&ctx, door).await
}

#[derive(Template)]
#[template(path = "pages/organisation_branding.html")]
struct StaffPage {
    c: Chrome,
    org: organisation::Model,
    branding: Branding,
}

impl StaffPage {
    fn new(ctx: &Ctx, org: organisation::Model) -> Self {
        StaffPage {
            c: Chrome::new(ctx),
            branding: Branding::of(&org, "/staff/organisation".to_owned()),
            org,
        }
    }
}

/// The organisation an organiser works in now.
async fn own(ctx: &Ctx) -> AppResult<organisation::Model> {
    let org: OrganisationId = ctx.org()?;
    Ok(organisations::get(&ctx.state.db, org).await?)
}

/// `/staff/organisation`: the organisers' page for their organisation's branding.
pub(crate) async fn staff_page(Organiser(ctx): Organiser) -> AppResult<Response> {
    let org = own(&ctx).await?;
    render(&StaffPage::new(&ctx, org))
}

pub(crate) async fn staff_colour(
    Organiser(ctx): Organiser,
    CsrfForm(form): CsrfForm<ColourForm>,
) -> AppResult<Response> {
    let door = Door::Staff(own(&ctx).await?);
    save_colour(&ctx, door, form).await
}

pub(crate) async fn staff_logo(
    Organiser(ctx): Organiser,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Response> {
    let door = Door::Staff(own(&ctx).await?);
    save_logo(&ctx, door, multipart).await
}

pub(crate) async fn staff_logo_remove(
    Organiser(ctx): Organiser,
    CsrfForm(NoFields {}): CsrfForm<NoFields>,
) -> AppResult<Response> {
    let door = Door::Staff(own(&ctx).await?);
    remove_logo(&ctx, door).await
}
