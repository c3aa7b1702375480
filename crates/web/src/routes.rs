//! Every route of Aula, pages and API, in one place, grouped by feature: the
//! whole URL space reads from top to bottom here. Handlers live in their
//! feature's folder; the middleware around these routes is `router()`'s, in
//! `lib.rs`.
//!
//! API routes are declared with `routes!`, so each carries its utoipa
//! annotation into the OpenAPI document: the document lists exactly the API
//! routes that exist (`tests/openapi.rs` checks the list and snapshots the
//! document). Routes sharing a `routes!` share a path.

use std::sync::Arc;

use axum::Router;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use utoipa::openapi::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::kit::api::{self, ApiDoc};
use crate::kit::forms;
use crate::ops::{assets, health};
use crate::{AppState, accounts, attendance, catalogue, certificates, indicators, messages, registrations};
use crate::{people, sessions, surveys};

/// The routes people and integrations call: every page and every API
/// operation, the API's document and its reader, and the static files. They
/// run inside the request context (language, who is asking) and are counted
/// in the request metrics.
pub fn for_people() -> Router<AppState> {
    let (routes, openapi) = OpenApiRouter::with_openapi(ApiDoc::openapi_base())
        // ----- the public catalogue ---------------------------------------------------
        .route("/", get(catalogue::public::catalogue))
        .route("/o/{slug}", get(catalogue::public::organisation_home))
        .route("/o/{slug}/", get(catalogue::public::organisation_catalogue))
        .route("/o/{slug}/logo", get(catalogue::branding::logo))
        .route("/o/{slug}/brand.css", get(catalogue::branding::brand_css))
        .route("/courses/{id}", get(catalogue::public::course_page))
        .route("/sessions/{id}", get(catalogue::public::session_page))
        // ----- the catalogue's records: programmes, courses, bodies, regions ----------
        .routes(routes!(catalogue::programmes::list, catalogue::programmes::create))
        // Funders' logos (issue 20).
        .routes(routes!(
            catalogue::funders::put_logo_api,
            catalogue::funders::delete_logo_api
        ))
        .route(
            "/staff/programmes/{id}/funders/{position}/logo",
            get(catalogue::funders::logo).post(catalogue::funders::upload_page),
        )
        .route(
            "/staff/programmes/{id}/funders/{position}/logo/remove",
            post(catalogue::funders::remove_page),
        )
        .routes(routes!(
            catalogue::programmes::show,
            catalogue::programmes::update,
            catalogue::archive::delete_programme
        ))
        .routes(routes!(catalogue::archive::archive_programme))
        .routes(routes!(catalogue::archive::restore_programme))
        .route("/staff/programmes", get(catalogue::programmes::list_page))
        .route(
            "/staff/programmes/new",
            forms::adding::<catalogue::programmes::ProgrammeInput>(),
        )
        .route(
            "/staff/programmes/{id}",
            forms::changing::<catalogue::programmes::ProgrammeInput>(),
        )
        .route(
            "/staff/programmes/{id}/archive",
            post(catalogue::archive::archive_programme_page),
        )
        .route(
            "/staff/programmes/{id}/restore",
            post(catalogue::archive::restore_programme_page),
        )
        .route(
            "/staff/programmes/{id}/delete",
            post(catalogue::archive::delete_programme_page),
        )
        // ----- outreach beside training (issue 20) ---------------------------------------
        .routes(routes!(catalogue::outreach::list, catalogue::outreach::create))
        .routes(routes!(
            catalogue::outreach::show,
            catalogue::outreach::update,
            catalogue::outreach::delete
        ))
        .routes(routes!(catalogue::outreach::walk_ins, catalogue::outreach::add_walk_in))
        .routes(routes!(catalogue::outreach::remove_walk_in))
        .route("/staff/outreach", get(catalogue::outreach::list_page))
        .route(
            "/staff/outreach/new",
            forms::adding::<catalogue::outreach::OutreachInput>(),
        )
        .route(
            "/staff/outreach/{id}",
            forms::changing::<catalogue::outreach::OutreachInput>(),
        )
        .route("/staff/outreach/{id}/delete", post(catalogue::outreach::delete_page))
        .route(
            "/staff/outreach/{id}/walk-ins",
            post(catalogue::outreach::add_walk_in_page),
        )
        .route(
            "/staff/outreach/{id}/walk-ins/{walk_in_id}/delete",
            post(catalogue::outreach::remove_walk_in_page),
        )
        .routes(routes!(catalogue::courses::list, catalogue::courses::create))
        .routes(routes!(
            catalogue::courses::show,
            catalogue::courses::update,
            catalogue::archive::delete_course
        ))
        .routes(routes!(catalogue::archive::archive_course))
        .routes(routes!(catalogue::archive::restore_course))
        .route("/staff/courses", get(catalogue::courses::list_page))
        .route("/staff/courses/new", forms::adding::<catalogue::courses::CourseInput>())
        .route(
            "/staff/courses/{id}",
            forms::changing::<catalogue::courses::CourseInput>(),
        )
        .route(
            "/staff/courses/{id}/archive",
            post(catalogue::archive::archive_course_page),
        )
        .route(
            "/staff/courses/{id}/restore",
            post(catalogue::archive::restore_course_page),
        )
        .route(
            "/staff/courses/{id}/delete",
            post(catalogue::archive::delete_course_page),
        )
        .routes(routes!(catalogue::course_texts::put_texts))
        .route(
            "/staff/courses/{id}/texts",
            get(catalogue::course_texts::texts_page).post(catalogue::course_texts::save_texts_page),
        )
        .routes(routes!(catalogue::bodies::list, catalogue::bodies::create))
        .route(
            "/staff/accreditation-bodies",
            get(catalogue::bodies::list_page).post(catalogue::bodies::create_page),
        )
        .routes(routes!(catalogue::bodies::update))
        .route(
            "/staff/accreditation-bodies/{id}",
            get(catalogue::bodies::edit_page).post(catalogue::bodies::edit),
        )
        .routes(routes!(catalogue::audiences::list, catalogue::audiences::create))
        .routes(routes!(catalogue::audiences::update, catalogue::audiences::delete))
        .route(
            "/admin/audiences",
            get(catalogue::audiences::list_page).post(catalogue::audiences::create_page),
        )
        .route(
            "/admin/audiences/{code}",
            get(catalogue::audiences::edit_page).post(catalogue::audiences::edit),
        )
        .route(
            "/admin/audiences/{code}/retire",
            post(catalogue::audiences::retire_page),
        )
        .route("/admin/audiences/{code}/offer", post(catalogue::audiences::offer_page))
        .route(
            "/admin/audiences/{code}/delete",
            post(catalogue::audiences::delete_page),
        )
        .routes(routes!(catalogue::regions::list, catalogue::regions::create))
        .route(
            "/admin/regions",
            get(catalogue::regions::list_page).post(catalogue::regions::create_page),
        )
        // ----- sessions: editions of a course, and checking in to a meeting -----------
        .routes(routes!(sessions::api::list, sessions::api::create))
        .routes(routes!(sessions::api::show, sessions::api::update))
        .route("/staff/sessions", get(sessions::pages::list_page))
        .route(
            "/staff/sessions/new",
            get(sessions::pages::new_page).post(sessions::pages::create_page),
        )
        .route(
            "/staff/sessions/{id}",
            get(sessions::pages::edit_page).post(sessions::pages::update_page),
        )
        .route("/staff/sessions/{id}/status", post(sessions::pages::status_page))
        // Sessions by invitation: the private registration link (issue 20).
        .routes(routes!(
            sessions::invitation::renew_api,
            sessions::invitation::revoke_api
        ))
        .route(
            "/staff/sessions/{id}/invitation-link",
            post(sessions::invitation::renew_page),
        )
        .route(
            "/staff/sessions/{id}/invitation-link/revoke",
            post(sessions::invitation::revoke_page),
        )
        .route("/staff/my-sessions", get(sessions::pages::my_sessions_page))
        .route("/staff/meetings/{id}/check-in", get(sessions::check_in::code_page))
        .route(
            "/staff/meetings/{id}/check-in/screen",
            get(sessions::check_in::screen_page),
        )
        .route("/in", get(sessions::check_in::short_page))
        .route(
            "/check-in/{meeting}/{code}",
            get(sessions::check_in::check_in_page).post(sessions::check_in::check_in),
        )
        .route("/check-in/{meeting}/{code}/email", post(sessions::check_in::send_code))
        // ----- registrations: signing up, the personal link, "my trainings" -----------
        .routes(routes!(registrations::signup::register_api))
        .route("/sessions/{id}/register", post(registrations::signup::register_form))
        .route("/sessions/{id}/registered", get(registrations::signup::registered_page))
        .route(
            "/confirm/{token}",
            get(registrations::signup::confirm_page).post(registrations::signup::confirm),
        )
        .routes(routes!(registrations::manage::cancel_api))
        .routes(routes!(registrations::manage::correct_identifier_api))
        .route("/r/{token}", get(registrations::manage::page))
        .route(
            "/r/{token}/identifier",
            post(registrations::manage::correct_identifier_form),
        )
        .route(
            "/r/{token}/cancel",
            get(registrations::manage::cancel_page).post(registrations::manage::cancel_form),
        )
        .route("/me", get(registrations::me::home))
        .route("/me/sign-in", post(registrations::me::ask_link))
        .route(
            "/me/sign-in/{token}",
            get(registrations::me::link_page).post(registrations::me::use_link),
        )
        .route("/me/sign-out", post(registrations::me::sign_out))
        .route(
            "/me/details",
            get(registrations::me::details_page).post(registrations::me::save_details),
        )
        .route("/me/data.json", get(registrations::me::data))
        .route(
            "/me/registrations/{id}/cancel",
            get(registrations::me::cancel_page).post(registrations::me::cancel),
        )
        // ----- registrations: the organiser's list and tools, CSV imports -------------
        .routes(routes!(registrations::organiser::list))
        .routes(routes!(registrations::organiser::move_api))
        .route(
            "/staff/sessions/{id}/registrations",
            get(registrations::organiser::page),
        )
        .route(
            "/staff/sessions/{id}/registrations.csv",
            get(registrations::organiser::export),
        )
        .route(
            "/staff/sessions/{id}/registrations/add",
            post(registrations::organiser::add_form),
        )
        .route(
            "/staff/sessions/{id}/capacity",
            post(registrations::organiser::capacity_form),
        )
        .route(
            "/staff/registrations/{id}/move",
            post(registrations::organiser::move_form),
        )
        .routes(routes!(registrations::import::import_api))
        .route(
            "/staff/sessions/{id}/import",
            get(registrations::import::upload_page).post(registrations::import::upload),
        )
        .route(
            "/staff/sessions/{id}/import/done",
            get(registrations::import::done_page),
        )
        .route("/staff/imports/{id}", get(registrations::import::report_page))
        .route("/staff/imports/{id}/commit", post(registrations::import::commit))
        .route("/staff/imports/{id}/discard", post(registrations::import::discard))
        // ----- attendance: roll calls, the matrix, online meeting reports -------------
        .routes(routes!(attendance::roll_call::put_attendance))
        .routes(routes!(attendance::roll_call::matrix_api))
        .route(
            "/staff/meetings/{id}/roll-call",
            get(attendance::roll_call::roll_call_page).post(attendance::roll_call::save_roll_call),
        )
        // Co-facilitators who are not staff, by their personal link (issue 20).
        .routes(routes!(
            attendance::facilitator::list_api,
            attendance::facilitator::add_api
        ))
        .routes(routes!(attendance::facilitator::revoke_api))
        .route(
            "/staff/sessions/{id}/facilitators",
            get(attendance::facilitator::list_page).post(attendance::facilitator::add_page),
        )
        .route(
            "/staff/sessions/{id}/facilitators/{facilitator}/revoke",
            post(attendance::facilitator::revoke_page),
        )
        .route("/facilitate/{secret}", get(attendance::facilitator::session_page))
        .route(
            "/facilitate/{secret}/meetings/{id}",
            get(attendance::facilitator::roll_call_page).post(attendance::facilitator::save_roll_call),
        )
        .route(
            "/staff/sessions/{id}/attendance",
            get(attendance::roll_call::matrix_page),
        )
        .route(
            "/staff/meetings/{id}/sign-in-sheet.pdf",
            get(attendance::roll_call::sign_in_sheet),
        )
        .route(
            "/staff/sessions/{id}/attendance.csv",
            get(attendance::roll_call::matrix_csv),
        )
        .routes(routes!(attendance::online_report::import_api))
        .route(
            "/staff/meetings/{id}/attendance/import",
            get(attendance::online_report::upload_page).post(attendance::online_report::upload),
        )
        .route(
            "/staff/meetings/{id}/attendance/import/{draft}",
            get(attendance::online_report::report_page),
        )
        .route(
            "/staff/meetings/{id}/attendance/import/{draft}/commit",
            post(attendance::online_report::commit),
        )
        // ----- surveys: answering, results, questionnaires ----------------------------
        .routes(routes!(surveys::answers::answer_api))
        .routes(routes!(surveys::answers::session_results_api))
        .routes(routes!(surveys::answers::course_results_api))
        .routes(routes!(surveys::answers::programme_results_api))
        .route(
            "/s/{token}",
            get(surveys::answers::answer_page).post(surveys::answers::answer_form),
        )
        .route("/staff/sessions/{id}/survey", get(surveys::answers::session_page))
        .route("/staff/sessions/{id}/survey/open", post(surveys::answers::open_form))
        .route("/staff/sessions/{id}/survey.csv", get(surveys::answers::session_csv))
        .route(
            "/staff/courses/{id}/survey",
            get(surveys::answers::scope_page::<surveys::answers::OverCourse>),
        )
        .route(
            "/staff/courses/{id}/survey.csv",
            get(surveys::answers::scope_csv::<surveys::answers::OverCourse>),
        )
        .route(
            "/staff/programmes/{id}/survey",
            get(surveys::answers::scope_page::<surveys::answers::OverProgramme>),
        )
        .route(
            "/staff/programmes/{id}/survey.csv",
            get(surveys::answers::scope_csv::<surveys::answers::OverProgramme>),
        )
        .routes(routes!(
            surveys::templates::list_templates,
            surveys::templates::create_template
        ))
        .routes(routes!(
            surveys::templates::show_template,
            surveys::templates::update_template
        ))
        .route("/staff/survey-templates", get(surveys::templates::list_page))
        .route(
            "/staff/survey-templates/{id}",
            get(surveys::templates::edit_page).post(surveys::templates::update_page),
        )
        .route("/staff/survey-templates/{id}/copy", post(surveys::templates::copy_page))
        // ----- certificates: issuing, documents, revocation, verification, lists ------
        .routes(routes!(certificates::issue_api))
        .route(
            "/staff/sessions/{id}/certificates",
            get(certificates::issue_page).post(certificates::issue_form),
        )
        .routes(routes!(certificates::pdf_api))
        .routes(routes!(certificates::credential_api))
        .route("/c/{id}/{signature}", get(certificates::holder_pdf))
        .route("/.well-known/did.json", get(certificates::did_document))
        .route("/certificates/{id}/credential.json", get(certificates::credential_file))
        // What credentials link to (issue 19): status lists, achievements, the issuer.
        .route("/credentials/status/{list}", get(certificates::linked::status_list))
        .route("/achievements/{id}", get(certificates::linked::achievement))
        .route("/issuer", get(certificates::linked::profile))
        // The same, of an organisation's own issuer (issue 17): did:web
        // reads `did:web:HOST:o:SLUG` at `/o/SLUG/did.json`.
        .route("/o/{slug}/did.json", get(certificates::did_document))
        .route(
            "/o/{slug}/credentials/status/{list}",
            get(certificates::linked::status_list),
        )
        .route("/o/{slug}/achievements/{id}", get(certificates::linked::achievement))
        .route("/o/{slug}/issuer", get(certificates::linked::profile))
        .routes(routes!(certificates::revoke_api))
        .route("/staff/certificates/{id}/revoke", post(certificates::revoke_form))
        // ----- personal data (issue 21): erasure by staff and on request -------
        .routes(routes!(people::erase_api))
        .route(
            "/staff/people/{id}/erase",
            get(people::erase_page).post(people::erase_form),
        )
        .route("/me/erasure", get(people::request_page).post(people::request))
        .route("/me/erasure/{token}", get(people::confirm_page).post(people::confirm))
        // ----- personal data: retention periods and the records of processing -----
        .routes(routes!(people::privacy::periods_api, people::privacy::set_periods_api))
        .route(
            "/admin/retention",
            get(people::privacy::periods_page).post(people::privacy::periods_form),
        )
        .routes(routes!(people::privacy::records_api))
        .route("/staff/privacy", get(people::privacy::records_page))
        .routes(routes!(certificates::verify::verify_api))
        .route("/verify", get(certificates::verify::verify_form))
        .route("/verify/{code}", get(certificates::verify::verify_page))
        .routes(routes!(certificates::list::list_api))
        .route("/staff/certificates", get(certificates::list::list_page))
        .routes(routes!(certificates::export::export_api))
        // The certificates page's download link: the same archive as the API's.
        .route("/staff/certificates/export", get(certificates::export::export_api))
        // ----- messages: broadcasts, the outbox, calendar files -----------------------
        .routes(routes!(messages::broadcast::send))
        .route(
            "/staff/sessions/{id}/messages",
            get(messages::broadcast::compose_page).post(messages::broadcast::send_page),
        )
        .routes(routes!(messages::outbox::list))
        .routes(routes!(messages::outbox::retry))
        .route("/staff/outbox", get(messages::outbox::list_page))
        .route("/staff/outbox/{id}", get(messages::outbox::show_page))
        .route("/staff/outbox/{id}/retry", post(messages::outbox::retry_page))
        .route("/staff/outbox/{id}/html", get(messages::outbox::html_part))
        .route("/sessions/{id}/calendar.ics", get(messages::calendar::calendar))
        // ----- indicators: the funder's figures ---------------------------------------
        .routes(routes!(indicators::api::indicators_api))
        .routes(routes!(indicators::api::indicators_csv))
        .routes(routes!(indicators::api::indicators_xlsx))
        .route("/staff/indicators", get(indicators::pages::dashboard_page))
        // ----- accounts: staff users, signing in, API tokens --------------------------
        .route(
            "/sign-in",
            get(accounts::sign_in::page).post(accounts::sign_in::sign_in),
        )
        .route("/sign-out", post(accounts::sign_in::sign_out))
        .route("/staff", get(accounts::sign_in::home))
        .route(
            "/staff/organisation",
            get(accounts::organisation_pages::staff_page).post(accounts::sign_in::switch_organisation),
        )
        // The issuer's identity on certificates (issue 19).
        .routes(routes!(accounts::issuer::show, accounts::issuer::put))
        .routes(routes!(accounts::issuer::list, accounts::issuer::create))
        .routes(routes!(
            accounts::issuer::show_signatory,
            accounts::issuer::update_signatory,
            accounts::issuer::delete_signatory
        ))
        .routes(routes!(
            accounts::issuer::put_signature,
            accounts::issuer::delete_signature
        ))
        .routes(routes!(accounts::issuer::course_signatory))
        .routes(routes!(accounts::issuer::session_signatory))
        .routes(routes!(
            accounts::issuer::put_body_logo,
            accounts::issuer::delete_body_logo
        ))
        .route(
            "/staff/organisation/issuer",
            get(accounts::issuer::page).post(accounts::issuer::save_identity),
        )
        .route(
            "/staff/organisation/issuer/signatories",
            post(accounts::issuer::add_signatory),
        )
        .route(
            "/staff/organisation/issuer/courses",
            post(accounts::issuer::assign_course),
        )
        .route(
            "/staff/organisation/issuer/signatories/{id}",
            get(accounts::issuer::signatory_page).post(accounts::issuer::save_signatory),
        )
        .route(
            "/staff/organisation/issuer/signatories/{id}/signature",
            get(accounts::issuer::signature_picture).post(accounts::issuer::upload_signature),
        )
        .route(
            "/staff/organisation/issuer/signatories/{id}/remove",
            post(accounts::issuer::remove_signatory),
        )
        .routes(routes!(accounts::organisations::list, accounts::organisations::create))
        .routes(routes!(
            accounts::organisations::add_member,
            accounts::organisation_admin::members
        ))
        .routes(routes!(
            accounts::organisation_admin::show,
            accounts::organisation_admin::update
        ))
        .routes(routes!(accounts::organisation_admin::remove_member))
        .routes(routes!(accounts::networks::get, accounts::networks::put))
        .routes(routes!(
            accounts::organisation_admin::put_logo,
            accounts::organisation_admin::delete_logo
        ))
        .route("/admin/organisations", get(accounts::organisation_pages::list_page))
        .route(
            "/admin/organisations/new",
            get(accounts::organisation_pages::new_page).post(accounts::organisation_pages::create_page),
        )
        .route(
            "/admin/organisations/{id}",
            get(accounts::organisation_pages::edit_page).post(accounts::organisation_pages::update_page),
        )
        .route(
            "/admin/organisations/{id}/members",
            post(accounts::organisation_pages::add_member_page),
        )
        .route(
            "/admin/organisations/{id}/members/remove",
            post(accounts::organisation_pages::remove_member_page),
        )
        .route(
            "/admin/organisations/{id}/status",
            get(accounts::organisation_pages::status_page).post(accounts::organisation_pages::status_form),
        )
        .route(
            "/admin/organisations/{id}/network",
            post(accounts::organisation_pages::network_page),
        )
        .route(
            "/admin/organisations/{id}/colour",
            post(accounts::organisation_pages::admin_colour),
        )
        .route(
            "/admin/organisations/{id}/logo",
            post(accounts::organisation_pages::admin_logo),
        )
        .route(
            "/admin/organisations/{id}/logo/remove",
            post(accounts::organisation_pages::admin_logo_remove),
        )
        .route(
            "/staff/organisation/colour",
            post(accounts::organisation_pages::staff_colour),
        )
        .route(
            "/staff/organisation/logo",
            post(accounts::organisation_pages::staff_logo),
        )
        .route(
            "/staff/organisation/logo/remove",
            post(accounts::organisation_pages::staff_logo_remove),
        )
        .routes(routes!(accounts::users::list, accounts::users::create))
        .routes(routes!(accounts::users::show, accounts::users::update))
        .route("/admin/users", get(accounts::users::list_page))
        .route(
            "/admin/users/new",
            get(accounts::users::new_page).post(accounts::users::create_page),
        )
        .route(
            "/admin/users/{id}",
            get(accounts::users::edit_page).post(accounts::users::update_page),
        )
        .routes(routes!(accounts::tokens::list))
        .routes(routes!(accounts::tokens::revoke))
        .route(
            "/account/tokens",
            get(accounts::tokens::page).post(accounts::tokens::create_page),
        )
        .route("/account/tokens/{id}/revoke", post(accounts::tokens::revoke_page))
        .route(
            "/account/password",
            get(accounts::password::page).post(accounts::password::change),
        )
        .split_for_parts();
    let openapi: Arc<OpenApi> = Arc::new(api::with_common_answers(openapi));
    routes
        // ----- the API's document and its reader --------------------------------------
        .route(
            "/api/openapi.json",
            get(move || async move { axum::Json(openapi.as_ref().clone()).into_response() }),
        )
        .route("/api/docs", get(api::docs_page))
        // ----- files compiled into the binary -----------------------------------------
        .route("/assets/aula.css", get(assets::css))
        .route("/assets/api-docs.js", get(assets::api_docs_js))
}

/// The routes for machines: health, readiness and metrics. No session,
/// language or anti-forgery token is settled for them (a Prometheus bearer
/// token is not an API token), and they are not counted in the request
/// metrics.
pub fn for_machines() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/metrics", get(health::metrics))
}
