//! The registration use cases without HTTP: a full session, a known
//! address, and the confirmation that applies proposed details.

use aula_app::App;
use aula_app::registrations::{self, Confirmed, Entry};
use aula_domain::details::SessionDetails;
use aula_domain::{
    Audience, Capacity, Email, Language, MeetingTimes, Modality, PersonName, RegistrantDetails, RegistrationStatus,
    SessionStatus, SessionTimeZone, Text,
};
use aula_storage::registrations::Requested;
use aula_storage::{Actor, courses, people, sessions};
use chrono::{Duration, Utc};
use uuid::Uuid;

mod common;
use common::{org, scratch};

/// An open session of `capacity` seats, one meeting a month from now.
async fn open_session(app: &App, capacity: u32) -> Uuid {
    let org = org(app).await;
    let actor = Actor::system("test").within(org);
    let course = courses::create(&app.db, &actor, org, &common::course("Igualdad de trato", None))
        .await
        .expect("course");
    let starts = Utc::now() + Duration::days(30);
    let session = SessionDetails::new(
        SessionDetails {
            course_id: course.course.id,
            time_zone: SessionTimeZone::parse("Europe/Madrid").expect("zone"),
            venue: None,
            online_url: Some(aula_domain::Url::parse("https://meet.example.org/x").expect("url")),
            capacity: Capacity::new(i64::from(capacity)).expect("capacity"),
            registration_opens_at: None,
            registration_closes_at: None,
            trainer_ids: vec![],
            meetings: vec![MeetingTimes::new(starts, starts + Duration::hours(3)).expect("meeting")],
            reminder_lead_minutes: 2880,
            confirm_organiser_entries: false,
            issue_on_completion: false,
            present_share: aula_domain::Percent::DEFAULT_PRESENT_SHARE,
            record_past: false,
            by_invitation: false,
            meeting_places: Vec::new(),
            commissioner: None,
        },
        Modality::Online,
    )
    .expect("session");
    let session = sessions::create(&app.db, &actor, org, &session).await.expect("session");
    sessions::set_status(&app.db, &actor, org, session.session.id, SessionStatus::Open)
        .await
        .expect("open");
    session.session.id
}

fn someone(given: &str, email: &str) -> RegistrantDetails {
    RegistrantDetails {
        given_name: PersonName::parse(given).expect("name"),
        family_name: PersonName::parse("García").expect("name"),
        email: Some(Email::parse(email).expect("email")),
        phone: None,
        employer: None,
        job_title: None,
        audience: Audience::PUBLIC_SERVANT,
        region_id: None,
        language: Language::Es,
        identifier: None,
    }
}

fn token_of(requested: &Requested) -> String {
    match requested {
        Requested::Pending { confirm_token, .. } | Requested::Resent { confirm_token, .. } => confirm_token.clone(),
        other => panic!("no link: {other:?}"),
    }
}

#[tokio::test]
async fn a_full_session_waitlists_and_the_commit_wakes_the_dispatcher() {
    let s = scratch().await;
    let session = open_session(&s.app, 1).await;
    let mut links = Vec::new();
    for email in ["ana@example.org", "luis@example.org"] {
        let (requested, _) = registrations::register(&s.app, session, &someone("P", email), &Entry::Public)
            .await
            .expect("registered");
        links.push(token_of(&requested));
        // The commit woke the dispatcher: the e-mail with the link is queued.
        tokio::time::timeout(std::time::Duration::from_secs(1), s.wake.notified())
            .await
            .expect("woken");
    }
    let statuses = {
        let mut out = Vec::new();
        for link in &links {
            match registrations::confirm(&s.app, link).await.expect("confirm") {
                Confirmed::Placed {
                    registration, position, ..
                } => out.push((registration.status, position)),
                Confirmed::Expired { .. } | Confirmed::TooLate { .. } => panic!("not confirmed"),
            }
        }
        out
    };
    assert_eq!(
        statuses,
        vec![
            (RegistrationStatus::Confirmed, None),
            (RegistrationStatus::Waitlisted, Some(1))
        ]
    );
    // Pressing the button again changes nothing.
    match registrations::confirm(&s.app, &links[0]).await.expect("again") {
        Confirmed::Placed { fresh, sign_in, .. } => assert!(!fresh && sign_in.is_none()),
        Confirmed::Expired { .. } | Confirmed::TooLate { .. } => panic!("not confirmed"),
    }
    assert!(matches!(
        registrations::confirm(&s.app, "not-a-link").await,
        Err(aula_app::Error::NotFound)
    ));
}

#[tokio::test]
async fn issue_15_details_for_a_known_address_wait_for_its_owner() {
    let s = scratch().await;
    let first = open_session(&s.app, 10).await;
    let second = open_session(&s.app, 10).await;
    let (requested, _) = registrations::register(&s.app, first, &someone("Ana", "ana@example.org"), &Entry::Public)
        .await
        .expect("registered");
    registrations::confirm(&s.app, &token_of(&requested))
        .await
        .expect("confirmed");
    let (forged, _) = registrations::register(&s.app, second, &someone("Mallory", "ana@example.org"), &Entry::Public)
        .await
        .expect("asked");
    let email = Email::parse("ana@example.org").expect("email");
    let stored = people::find_by_email(&s.app.db, org(&s.app).await, &email)
        .await
        .expect("q")
        .expect("ana");
    assert_eq!(stored.given_name, "Ana");
    registrations::confirm(&s.app, &token_of(&forged))
        .await
        .expect("confirmed");
    let stored = people::find_by_email(&s.app.db, org(&s.app).await, &email)
        .await
        .expect("q")
        .expect("ana");
    assert_eq!(stored.given_name, "Mallory", "the owner of the address confirmed it");
}

/// A public request reads the session before its transaction: when an
/// organiser cancels the session in between, the transaction's own view
/// refuses it.
#[tokio::test]
async fn a_session_cancelled_after_the_request_read_it_takes_no_registration() {
    let s = scratch().await;
    let session = open_session(&s.app, 10).await;
    let read_before = sessions::for_registration(&s.app.db, session).await.expect("record");
    aula_app::sessions::set_status(
        &s.app,
        &Actor::system("test"),
        org(&s.app).await,
        session,
        SessionStatus::Cancelled,
    )
    .await
    .expect("cancelled");
    let refused =
        registrations::register_for(&s.app, &read_before, &someone("Ana", "ana@example.org"), &Entry::Public).await;
    assert!(matches!(refused, Err(aula_app::Error::Conflict(_))), "{refused:?}");
}

/// An import without HTTP: the sheet is checked whole (a bad row refused
/// at its line, a row's unknown audience too), a dry run counts without
/// writing, and the import registers every accepted row in one transaction,
/// seats first, with one audit entry; the same file again finds everyone
/// already there.
#[tokio::test]
async fn an_import_checks_the_whole_sheet_then_registers_it_in_one_transaction() {
    use aula_app::imports::{self, Import, Outcome};
    use aula_domain::import;

    let s = scratch().await;
    let session_id = open_session(&s.app, 1).await;
    let record = sessions::get(&s.app.db, session_id).await.expect("session");
    // A byte-order mark, semicolons and CRLF, as a spreadsheet writes them.
    let file = "\u{feff}Nombre;Apellidos;Correo;Colectivo\r\n\
                Ana;García;ana@example.org;\r\n\
                Luis;Pérez;no-es-un-correo;\r\n\
                Marta;Ruiz;marta@example.org;astronauta\r\n\
                Jorge;Sanz;jorge@example.org;\r\n";
    let sheet = import::read(file.as_bytes()).expect("sheet");
    let mapping = import::guess(&sheet.headers);
    let report = imports::check(&s.app, &record, &sheet, &mapping, false)
        .await
        .expect("checked")
        .expect("readable");
    assert_eq!(report.accepted.iter().map(|a| a.line).collect::<Vec<_>>(), [2, 5]);
    assert_eq!(report.rejected.iter().map(|r| r.line).collect::<Vec<_>>(), [3, 4]);

    let actor = Actor::system("test").within(common::org(&s.app).await);
    let import = |dry_run| Import {
        session_id,
        accepted: &report.accepted,
        skipped: report.rejected.len(),
        draft: None,
        dry_run,
    };
    let would = imports::register(&s.app, &actor, import(true)).await.expect("dry run");
    let expected = Outcome {
        registered: 2,
        waitlisted: 1,
        pending: 0,
        already: 0,
    };
    assert_eq!(would, expected);
    let counts = || sessions::get(&s.app.db, session_id);
    assert_eq!(
        counts().await.expect("session").session.seats_taken,
        0,
        "a dry run writes nothing"
    );

    assert_eq!(
        imports::register(&s.app, &actor, import(false))
            .await
            .expect("imported"),
        expected
    );
    assert_eq!(counts().await.expect("session").session.seats_taken, 1);
    let again = imports::register(&s.app, &actor, import(false)).await.expect("again");
    assert_eq!((again.registered, again.already), (0, 2));
}

/// Ana, entered by an organiser in a new open session of five seats.
async fn entered_by_an_organiser(app: &App) -> aula_storage::entities::registration::Model {
    let session = open_session(app, 5).await;
    let entry = Entry::Organiser(
        aula_storage::registrations::Source::Organiser,
        Actor::system("test").within(common::org(app).await),
    );
    let (requested, _) = registrations::register(app, session, &someone("Ana", "ana@example.org"), &entry)
        .await
        .expect("registered");
    requested.registration().clone()
}

/// A course no accrediting body asks an identifier for keeps none, even
/// corrected (issue 20): the use case refuses rather than store it.
#[tokio::test]
async fn issue_20_no_identifier_is_corrected_where_no_body_asks_for_one() {
    let s = scratch().await;
    let id = entered_by_an_organiser(&s.app).await.id;
    let identifier = Text::<60>::parse("12345678Z").expect("identifier");
    let link = s.app.mail.manage_path(id);
    let token = link.trim_start_matches("/r/");
    match registrations::correct_identifier(&s.app, token, &identifier).await {
        Err(aula_app::Error::Conflict(problem)) => assert_eq!(problem.key, "error-identifier-not-asked"),
        other => panic!("{other:?}"),
    }
}

/// Old sign-in links are forgotten by the scheduled jobs, no longer beside
/// each new one inside a confirmation's write transaction.
#[tokio::test]
async fn the_jobs_forget_sign_in_links_a_day_past_their_expiry() {
    use aula_storage::entities::sign_in_link;
    use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, PaginatorTrait, Set};

    let s = scratch().await;
    let person = entered_by_an_organiser(&s.app).await.person_id;
    for _ in 0..2 {
        aula_storage::person_sessions::create_link(&s.app.db, person)
            .await
            .expect("link");
    }
    let old = sign_in_link::Entity::find()
        .one(&s.app.db)
        .await
        .expect("read")
        .expect("a link");
    let mut old = old.into_active_model();
    old.expires_at = Set(Utc::now() - Duration::days(2));
    old.update(&s.app.db).await.expect("aged");
    let count = || sign_in_link::Entity::find().count(&s.app.db);
    assert_eq!(count().await.expect("count"), 2, "a new link sweeps nothing");
    aula_app::jobs::tick(&s.app).await.expect("jobs");
    assert_eq!(
        count().await.expect("count"),
        1,
        "the old one is gone, the live one stays"
    );
}

/// Issue 17: the staff use cases that take a registration or a session by
/// its id find only the working organisation's, whatever door calls them
/// (the doors check too; three holes found in session 20 were doors that
/// did not). Another organisation's organiser changes nothing.
#[tokio::test]
async fn issue_17_another_organisations_organiser_finds_no_registration_or_session_here() {
    let s = scratch().await;
    let app = &s.app;
    let session = open_session(app, 1).await;
    let mut ids = Vec::new();
    for email in ["ana@example.org", "luis@example.org"] {
        let (requested, _) = registrations::register(app, session, &someone("P", email), &Entry::Public)
            .await
            .expect("registered");
        match registrations::confirm(app, &token_of(&requested))
            .await
            .expect("confirm")
        {
            Confirmed::Placed { registration, .. } => ids.push(registration.id),
            Confirmed::Expired { .. } | Confirmed::TooLate { .. } => panic!("not confirmed"),
        }
    }
    let other = aula_storage::organisations::id(
        &aula_app::organisations::create(
            app,
            &Actor::system("test"),
            &aula_storage::organisations::NewOrganisation {
                slug: aula_domain::OrganisationSlug::parse("ville-b").expect("slug"),
                name: "Ville B".into(),
                time_zone: "UTC".into(),
                contact_email: None,
            },
        )
        .await
        .expect("organisation"),
    );
    let stranger = Actor::system("organiser of B").within(other);
    let not_found = |result: Result<(), aula_app::Error>, what: &str| {
        assert!(matches!(result, Err(aula_app::Error::NotFound)), "{what}: {result:?}");
    };
    not_found(
        registrations::cancel(
            app,
            ids[0],
            None,
            registrations::CancelledBy::Organiser(stranger.clone()),
        )
        .await
        .map(drop),
        "cancel",
    );
    not_found(
        registrations::move_registration(app, &stranger, ids[1], RegistrationStatus::Confirmed, "")
            .await
            .map(drop),
        "move",
    );
    not_found(
        registrations::set_capacity(app, &stranger, session, Capacity::new(5).expect("capacity")).await,
        "capacity",
    );
    not_found(
        aula_app::certificates::issue(app, &stranger, session).await.map(drop),
        "certificates",
    );
    let counts = aula_storage::registrations::counts(&app.db, session)
        .await
        .expect("counts");
    assert_eq!((counts.confirmed, counts.waitlisted, counts.cancelled), (1, 1, 0));
    // The session's own organisation still may.
    let own = Actor::system("organiser").within(org(app).await);
    registrations::cancel(app, ids[0], None, registrations::CancelledBy::Organiser(own))
        .await
        .expect("cancelled by its own organisation");
}

/// Under load, 408s were given for registrations that were kept: the web's
/// time limit dropped requests whose commit was on its way. `limited` gives
/// up on a request only before its commit is sent.
#[tokio::test]
async fn a_request_is_given_up_only_before_its_commit() {
    let s = scratch().await;
    let org = org(&s.app).await;
    let actor = Actor::system("test").within(org);
    let short = std::time::Duration::from_millis(100);
    let slow = std::time::Duration::from_millis(400);
    let course = |title: &str| common::course(title, None);
    let titles = async || -> Vec<String> {
        use sea_orm::EntityTrait;
        aula_storage::entities::course::Entity::find()
            .all(&s.app.db)
            .await
            .expect("courses")
            .into_iter()
            .map(|c| c.title)
            .collect()
    };

    // Slow before its commit: given up, and nothing of it is kept.
    let given_up = aula_app::limited(short, async {
        let write = s.app.write().await.expect("write");
        courses::create(&*write, &actor, org, &course("Dropped"))
            .await
            .expect("course");
        tokio::time::sleep(slow).await;
        write.commit().await
    })
    .await;
    assert!(given_up.is_none());
    assert!(!titles().await.contains(&"Dropped".to_owned()));

    // Slow after it, within a longer limit as the web's two are: its own
    // answer, and what it kept.
    let answered = aula_app::limited(
        short * 2,
        aula_app::limited(short, async {
            let write = s.app.write().await.expect("write");
            courses::create(&*write, &actor, org, &course("Kept"))
                .await
                .expect("course");
            write.commit().await.expect("commit");
            tokio::time::sleep(slow).await;
            "kept"
        }),
    )
    .await;
    assert_eq!(answered, Some(Some("kept")));
    assert!(titles().await.contains(&"Kept".to_owned()));
}
