//! Indicators (issue 8): every figure of a small hand-built programme,
//! computed by hand below, for a table of filters and breakdowns; the API
//! and CSV that carry them; and the demo data reproducing the published
//! report.
//!
//! The data set. Programme P1 has course A (in person, accredited) and B
//! (online, accredited); programme P2 has course C (in person).
//!
//! | session | when | meetings | capacity |
//! | --- | --- | --- | --- |
//! | A1 | March 2026 | 2 × 300 min (480 needed) | 3 |
//! | B1 | April 2026 | 2 × 120 min (192 needed) | 10 |
//! | A2 | May 2030, to come | 1 × 300 min | 20 |
//! | C1 | May 2026 | 1 × 300 min (240 needed) | 10 |
//!
//! | person | region | audience | employer | registrations |
//! | --- | --- | --- | --- | --- |
//! | Ana | Andalucía | public servant | Ayuntamiento de Sevilla | A1 present+late (600, completes), B1 60+120 min (180, does not), C1 absent |
//! | Ben | Castilla y León | union delegate | AYUNTAMIENTO DE SEVILLA | A1 present+absent (300), A2 |
//! | Cris | — | public servant | Junta de Andalucia | A1 absent+excused |
//! | Dani | Andalucía | union delegate | Diputacion de Leon | A1 waitlisted, never promoted; B1 present+late 100 min (220, completes) |
//! | Eva | Castilla y León | public servant | Junta de Andalucia | A1 pending, never confirmed; B1 confirmed then cancelled |
//! | Fer | Andalucía | elected official | Concello de Vigo | C1 present (300, completes) |
//!
//! Surveys invite participants: A1 Ana (answers 4), Ben (3); B1 Ana (does
//! not answer), Dani (5); C1 Fer (2). Certificates: Ana's for A1 (then
//! revoked), Dani's for B1.

use aula_domain::indicators::{Breakdown, Figures, Filter, Tally};
use aula_domain::survey::Answer;
use aula_domain::{Audience, Email, Language, Modality, PersonName, RegistrantDetails, RegistrationStatus, Role, Text};
use aula_storage::indicators::{self, Group, Key};
use aula_storage::registrations::{self, Source};
use aula_storage::{Actor, surveys};
use reqwest::StatusCode;
use serde_json::json;
use uuid::Uuid;

use crate::helpers::{Api, TestApp, db_test};

pub(crate) struct Programme {
    pub(crate) p1: Uuid,
    pub(crate) p2: Uuid,
    pub(crate) course_a: Uuid,
    pub(crate) course_b: Uuid,
    pub(crate) c1: Uuid,
    pub(crate) andalucia: Uuid,
    pub(crate) castilla: Uuid,
}

async fn person(app: &TestApp, name: &str, region: Option<Uuid>, audience: Audience, employer: &str) -> Uuid {
    aula_storage::people::upsert(
        &app.db,
        &aula_storage::Actor::system("test"),
        app.org().await,
        &RegistrantDetails {
            given_name: PersonName::parse(name).expect("name"),
            family_name: PersonName::parse("Prueba").expect("name"),
            email: Some(Email::parse(&format!("{}@example.org", name.to_lowercase())).expect("email")),
            phone: None,
            employer: Some(Text::parse(employer).expect("employer")),
            job_title: None,
            audience,
            region_id: region,
            language: Language::Es,
            identifier: None,
        },
        Some("2026-01"),
    )
    .await
    .expect("person")
    .id
}

pub(crate) async fn post(api: &Api, path: &str, body: serde_json::Value) -> serde_json::Value {
    let (status, created) = api.post(path, &body).await;
    assert!(status.is_success(), "{path}: {status} {created}");
    created
}

pub(crate) fn id(value: &serde_json::Value) -> Uuid {
    value["id"].as_str().expect("id").parse().expect("uuid")
}

/// A session and its meetings' ids; `meetings` are (day, start hour, end hour) in Madrid.
pub(crate) async fn session(
    api: &Api,
    course: Uuid,
    capacity: u32,
    venue: Option<(&str, Uuid)>,
    meetings: &[(&str, u32, u32)],
) -> (Uuid, Vec<String>) {
    let mut body = json!({
        "course_id": course, "capacity": capacity, "status": "open",
        "meetings": meetings.iter().map(|(day, from, to)| json!({
            "starts_at": format!("{day}T{from:02}:00:00+02:00"), "ends_at": format!("{day}T{to:02}:00:00+02:00")
        })).collect::<Vec<_>>(),
    });
    match venue {
        Some((name, region)) => body["venue"] = json!({"name": name, "city": name, "region_id": region}),
        None => body["online_url"] = json!("https://meet.example.org/b1"),
    }
    let created = post(api, "/api/v1/sessions", body).await;
    let meetings = crate::helpers::meeting_ids(&created);
    (id(&created), meetings)
}

pub(crate) async fn placed(app: &TestApp, session: Uuid, person: Uuid) -> Uuid {
    registrations::add_placed(&app.db, &app.mail.link_key, session, person, Source::Organiser)
        .await
        .expect("placed")
        .id
}

pub(crate) async fn roll_call(api: &Api, meeting: &str, marks: &[(Uuid, &str, Option<u32>)]) {
    let body: Vec<_> = marks
        .iter()
        .map(|(r, status, minutes)| json!({"registration_id": r, "status": status, "minutes": minutes}))
        .collect();
    let (status, answer) = api.put_marks(meeting, &json!(body)).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
}

pub(crate) async fn complete(api: &Api, session: Uuid) {
    api.close_and_complete(&session.to_string()).await;
}

/// The session's survey (opened when the session was completed) answered
/// by `answers`: a person and their overall score.
pub(crate) async fn survey(app: &TestApp, session: Uuid, answers: &[(Uuid, u8)]) {
    use aula_storage::entities::{registration, survey_invitation};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let (survey, _) = surveys::open(
        &app.db,
        &app.mail.link_key,
        session,
        None,
        surveys::Invitees::Participants,
        chrono::Utc::now(),
    )
    .await
    .expect("open");
    for (person, score) in answers {
        let registration = registration::Entity::find()
            .filter(registration::Column::SessionId.eq(session))
            .filter(registration::Column::PersonId.eq(*person))
            .one(&app.db)
            .await
            .expect("query")
            .expect("registered");
        let invitation = survey_invitation::Entity::find()
            .filter(survey_invitation::Column::SurveyId.eq(survey.id))
            .filter(survey_invitation::Column::RegistrationId.eq(registration.id))
            .one(&app.db)
            .await
            .expect("query")
            .expect("invited");
        let opened = surveys::by_token(&app.db, &surveys::token(&app.mail.link_key, invitation.id))
            .await
            .expect("opened");
        let answers = [
            ("overall".to_owned(), Answer::Scale(*score)),
            ("relevance".to_owned(), Answer::Scale(1)),
        ];
        surveys::submit(&app.db, &opened, &answers, chrono::Utc::now().date_naive())
            .await
            .expect("submitted");
    }
    // As at the survey's close: every answer published (issue 21).
    surveys::publish(&app.db, survey.id, true).await.expect("published");
}

/// Andalucía and Castilla y León.
async fn regions(app: &TestApp) -> (Uuid, Uuid) {
    let actor = Actor::system("test");
    let mut ids = Vec::new();
    for (code, name) in [("ES-AN", "Andalucía"), ("ES-CL", "Castilla y León")] {
        ids.push(
            aula_storage::regions::create(&app.db, &actor, code, name)
                .await
                .expect("region")
                .id,
        );
    }
    (ids[0], ids[1])
}

/// The data set of the module's doc (also erased from by `retention`, issue 21).
pub(crate) async fn build(app: &TestApp) -> Programme {
    let api = app.api(&[Role::Organiser]).await;
    let (andalucia, castilla) = regions(app).await;
    let body = app.body().await;
    let p1 = id(&post(&api, "/api/v1/programmes", json!({"title": "Programa sindical"})).await);
    let p2 = id(&post(&api, "/api/v1/programmes", json!({"title": "Programa municipal"})).await);
    let course = |programme: Uuid, title: &str, hours: u32, modality: &str, accredited: bool| {
        let mut course = json!({"programme_id": programme, "title": title, "summary": "S", "hours": hours,
            "modality": modality, "audiences": ["public_servant"], "language": "es"});
        if accredited {
            course["accreditation_body_id"] = json!(body);
        }
        course
    };
    let course_a = id(&post(&api, "/api/v1/courses", course(p1, "Curso A", 10, "in_person", true)).await);
    let course_b = id(&post(&api, "/api/v1/courses", course(p1, "Curso B", 4, "online", true)).await);
    let course_c = id(&post(&api, "/api/v1/courses", course(p2, "Curso C", 5, "in_person", false)).await);

    let sede = Some(("Sede Sevilla", andalucia));
    let (a1, a1_meetings) = session(&api, course_a, 3, sede, &[("2026-03-10", 9, 14), ("2026-03-11", 9, 14)]).await;
    let (b1, b1_meetings) = session(
        &api,
        course_b,
        10,
        None,
        &[("2026-04-07", 10, 12), ("2026-04-14", 10, 12)],
    )
    .await;
    let (a2, _) = session(&api, course_a, 20, sede, &[("2030-05-06", 9, 14)]).await;
    let (c1, c1_meetings) = session(&api, course_c, 10, Some(("Mairie", castilla)), &[("2026-05-05", 9, 14)]).await;

    let ana = person(
        app,
        "Ana",
        Some(andalucia),
        Audience::PUBLIC_SERVANT,
        "Ayuntamiento de Sevilla",
    )
    .await;
    let ben = person(
        app,
        "Ben",
        Some(castilla),
        Audience::UNION_DELEGATE,
        "AYUNTAMIENTO DE SEVILLA",
    )
    .await;
    let cris = person(app, "Cris", None, Audience::PUBLIC_SERVANT, "Junta de Andalucia").await;
    let dani = person(
        app,
        "Dani",
        Some(andalucia),
        Audience::UNION_DELEGATE,
        "Diputacion de Leon",
    )
    .await;
    let eva_details = RegistrantDetails {
        given_name: PersonName::parse("Eva").expect("name"),
        family_name: PersonName::parse("Prueba").expect("name"),
        email: Some(Email::parse("eva@example.org").expect("email")),
        phone: None,
        employer: Some(Text::parse("Junta de Andalucia").expect("employer")),
        job_title: None,
        audience: Audience::PUBLIC_SERVANT,
        region_id: Some(castilla),
        language: Language::Es,
        identifier: None,
    };
    let fer = person(
        app,
        "Fer",
        Some(andalucia),
        Audience::ELECTED_OFFICIAL,
        "Concello de Vigo",
    )
    .await;

    let a1_ana = placed(app, a1, ana).await;
    let a1_ben = placed(app, a1, ben).await;
    let a1_cris = placed(app, a1, cris).await;
    let a1_dani = placed(app, a1, dani).await;
    let waitlisted = registrations::get(&app.db, a1_dani).await.expect("dani");
    assert_eq!(waitlisted.status, RegistrationStatus::Waitlisted);
    registrations::request(
        &app.db,
        &app.mail.link_key,
        app.org().await,
        a1,
        &eva_details,
        registrations::Requester::Themselves { consent: "2026-01" },
    )
    .await
    .expect("pending");
    let b1_ana = placed(app, b1, ana).await;
    let b1_dani = placed(app, b1, dani).await;
    let eva = aula_storage::people::upsert(&app.db, &Actor::system("test"), app.org().await, &eva_details, None)
        .await
        .expect("eva")
        .id;
    let b1_eva = placed(app, b1, eva).await;
    registrations::cancel(&app.db, b1_eva, Some("No puede asistir"))
        .await
        .expect("cancelled");
    placed(app, a2, ben).await;
    let c1_fer = placed(app, c1, fer).await;
    let c1_ana = placed(app, c1, ana).await;

    roll_call(
        &api,
        &a1_meetings[0],
        &[
            (a1_ana, "present", None),
            (a1_ben, "present", None),
            (a1_cris, "absent", None),
        ],
    )
    .await;
    roll_call(
        &api,
        &a1_meetings[1],
        &[
            (a1_ana, "late", None),
            (a1_ben, "absent", None),
            (a1_cris, "excused", None),
        ],
    )
    .await;
    roll_call(
        &api,
        &b1_meetings[0],
        &[(b1_ana, "present", Some(60)), (b1_dani, "present", None)],
    )
    .await;
    roll_call(
        &api,
        &b1_meetings[1],
        &[(b1_ana, "present", None), (b1_dani, "late", Some(100))],
    )
    .await;
    roll_call(
        &api,
        &c1_meetings[0],
        &[(c1_fer, "present", None), (c1_ana, "absent", None)],
    )
    .await;
    for s in [a1, b1, c1] {
        complete(&api, s).await;
    }
    survey(app, a1, &[(ana, 4), (ben, 3)]).await;
    survey(app, b1, &[(dani, 5)]).await;
    survey(app, c1, &[(fer, 2)]).await;

    for s in [a1, b1] {
        let issued = api
            .post_ok(&format!("/api/v1/sessions/{s}/certificates"), &json!({}))
            .await;
        assert_eq!(issued["issued"], 1, "{issued}");
        if s == a1 {
            let certificate = issued["certificates"][0]["id"].as_str().expect("id");
            api.post_ok(
                &format!("/api/v1/certificates/{certificate}/revoke"),
                &json!({"reason": "Error de asistencia"}),
            )
            .await;
        }
    }
    Programme {
        p1,
        p2,
        course_a,
        course_b,
        c1,
        andalucia,
        castilla,
    }
}

/// Figures in the order of DESIGN.md; satisfaction as (count, sum), `None` where unknowable.
#[allow(clippy::too_many_arguments)]
fn figures(
    registrations: u64,
    registered_people: u64,
    participants: u64,
    completions: u64,
    beneficiaries: u64,
    confirmed_in_held: u64,
    attended_minutes: u64,
    satisfaction: Option<(u64, u64)>,
    (survey_invitations, survey_answers): (u64, u64),
    (certificates_issued, certificates_revoked): (u64, u64),
    sessions_held: u64,
    venues: u64,
    workplaces: u64,
    regions: u64,
) -> Figures {
    Figures {
        registrations,
        registered_people,
        participants,
        completions,
        beneficiaries,
        confirmed_in_held,
        attended_minutes,
        satisfaction: satisfaction.map(|(count, sum)| Tally { count, sum }),
        survey_invitations,
        survey_answers,
        certificates_issued,
        certificates_revoked,
        sessions_held,
        venues,
        workplaces,
        regions,
    }
}

db_test!(every_indicator_matches_the_hand_count, |app: TestApp| async move {
    let p = build(&app).await;
    let date = |s: &str| Some(s.parse().expect("date"));
    let programme = |id| Filter {
        programme_id: Some(id),
        ..Filter::default()
    };
    // Worked out from the table in the module doc.
    let online = figures(3, 3, 2, 1, 1, 2, 400, Some((1, 5)), (2, 1), (1, 0), 1, 0, 2, 1);
    let march = figures(4, 4, 2, 1, 1, 3, 900, Some((2, 7)), (2, 2), (1, 1), 1, 1, 1, 2);
    let cases: Vec<(&str, Filter, Figures)> = vec![
        (
            "everything",
            Filter::default(),
            figures(10, 6, 5, 3, 3, 7, 1600, Some((4, 14)), (5, 4), (2, 1), 3, 2, 3, 2),
        ),
        (
            "programme P1",
            programme(p.p1),
            figures(8, 5, 4, 2, 2, 5, 1300, Some((3, 12)), (4, 3), (2, 1), 2, 1, 2, 2),
        ),
        (
            "programme P2",
            programme(p.p2),
            figures(2, 2, 1, 1, 1, 2, 300, Some((1, 2)), (1, 1), (0, 0), 1, 1, 1, 1),
        ),
        (
            "P1, union delegates",
            Filter {
                audience: Some(Audience::UNION_DELEGATE),
                ..programme(p.p1)
            },
            figures(4, 2, 2, 1, 1, 2, 520, None, (2, 2), (1, 0), 2, 1, 2, 2),
        ),
        (
            "online",
            Filter {
                modality: Some(Modality::Online),
                ..Filter::default()
            },
            online,
        ),
        (
            "Castilla y León",
            Filter {
                region_id: Some(p.castilla),
                ..Filter::default()
            },
            figures(3, 2, 1, 0, 0, 1, 300, None, (1, 1), (0, 0), 1, 1, 1, 1),
        ),
        (
            "March 2026",
            Filter {
                from: date("2026-03-01"),
                to: date("2026-03-31"),
                ..Filter::default()
            },
            march,
        ),
        (
            "session C1",
            Filter {
                session_id: Some(p.c1),
                ..Filter::default()
            },
            figures(2, 2, 1, 1, 1, 2, 300, Some((1, 2)), (1, 1), (0, 0), 1, 1, 1, 1),
        ),
        (
            "course B",
            Filter {
                course_id: Some(p.course_b),
                ..Filter::default()
            },
            online,
        ),
        (
            "nothing in 2027",
            Filter {
                from: date("2027-01-01"),
                to: date("2027-12-31"),
                ..Filter::default()
            },
            figures(0, 0, 0, 0, 0, 0, 0, Some((0, 0)), (0, 0), (0, 0), 0, 0, 0, 0),
        ),
    ];
    let now = chrono::Utc::now();
    for (name, filter, expected) in cases {
        let dashboard = indicators::dashboard(&app.db, &filter, &[], now)
            .await
            .expect("dashboard");
        assert_eq!(dashboard.totals, expected, "{name}");
    }

    // P1's breakdowns.
    let dashboard = indicators::dashboard(&app.db, &programme(p.p1), Breakdown::ALL, now)
        .await
        .expect("dashboard");
    assert_eq!(dashboard.totals.completion_rate(), Some(40.0));
    assert_eq!(dashboard.totals.training_hours(), 21.67);
    assert_eq!(dashboard.totals.satisfaction_mean(), Some(4.0));
    assert_eq!(dashboard.totals.survey_response_rate(), Some(75.0));
    assert_eq!(dashboard.scores, vec![0, 0, 1, 1, 1]);
    let course_a = figures(5, 4, 2, 1, 1, 3, 900, Some((2, 7)), (2, 2), (1, 1), 1, 1, 1, 2);
    let a2 = figures(1, 1, 0, 0, 0, 0, 0, Some((0, 0)), (0, 0), (0, 0), 0, 0, 0, 0);
    let union_delegates = figures(4, 2, 2, 1, 1, 2, 520, None, (2, 2), (1, 0), 2, 1, 2, 2);
    type Line = (Option<Key>, Option<String>, Figures);
    let lines = |groups: &[Group]| -> Vec<Line> {
        groups
            .iter()
            .map(|g| (g.key.clone(), g.name.clone(), g.figures))
            .collect()
    };
    let code = |c: &str| Some(Key::Code(c.to_owned()));
    let expected: Vec<(Breakdown, Vec<Line>)> = vec![
        (
            Breakdown::Region,
            vec![
                (
                    Some(Key::Id(p.andalucia)),
                    Some("Andalucía".into()),
                    figures(4, 2, 3, 2, 2, 3, 1000, None, (3, 2), (2, 1), 2, 1, 2, 1),
                ),
                (
                    Some(Key::Id(p.castilla)),
                    Some("Castilla y León".into()),
                    figures(3, 2, 1, 0, 0, 1, 300, None, (1, 1), (0, 0), 1, 1, 1, 1),
                ),
                (
                    None,
                    None,
                    figures(1, 1, 0, 0, 0, 1, 0, None, (0, 0), (0, 0), 0, 0, 0, 0),
                ),
            ],
        ),
        (
            Breakdown::Audience,
            vec![
                (
                    code("public_servant"),
                    None,
                    figures(4, 3, 2, 1, 1, 3, 780, None, (2, 1), (1, 1), 2, 1, 1, 1),
                ),
                (code("union_delegate"), None, union_delegates),
            ],
        ),
        (
            Breakdown::Modality,
            vec![(code("in_person"), None, course_a), (code("online"), None, online)],
        ),
        (
            Breakdown::Course,
            vec![
                (Some(Key::Id(p.course_a)), Some("Curso A".into()), course_a),
                (Some(Key::Id(p.course_b)), Some("Curso B".into()), online),
            ],
        ),
        (
            Breakdown::Month,
            vec![
                (code("2026-03"), None, march),
                (code("2026-04"), None, online),
                (code("2030-05"), None, a2),
            ],
        ),
    ];
    for ((breakdown, groups), (expected_breakdown, expected_lines)) in dashboard.breakdowns.iter().zip(expected) {
        assert_eq!(*breakdown, expected_breakdown);
        assert_eq!(lines(groups), expected_lines, "{breakdown:?}");
    }
});

db_test!(the_api_and_csv_carry_the_figures, |app: TestApp| async move {
    let p = build(&app).await;
    let api = app.api(&[Role::Organiser]).await;
    let body = api.get_ok(&format!("/api/v1/indicators?programme={}", p.p1)).await;
    let totals = &body["totals"];
    assert_eq!(totals["registrations"], 8);
    assert_eq!(totals["registered_people"], 5);
    assert_eq!(totals["beneficiaries"], 2);
    assert_eq!(totals["completion_rate"], 40.0);
    assert_eq!(totals["training_hours"], 21.67);
    assert_eq!(totals["satisfaction_mean"], 4.0);
    assert_eq!(totals["satisfaction_count"], 3);
    assert_eq!(totals["survey_response_rate"], 75.0);
    assert_eq!(totals["certificates_revoked"], 1);
    assert_eq!(body["region_names"], json!(["Andalucía", "Castilla y León"]));
    let regions = body["breakdowns"]["region"].as_array().expect("regions");
    assert_eq!(regions[0]["label"], "Andalucía");
    assert_eq!(regions[0]["figures"]["satisfaction_mean"], serde_json::Value::Null);
    assert_eq!(body["breakdowns"]["month"][0]["key"], "2026-03");

    // Bad filters: every field named, in the asker's language.
    let (status, body) = api
        .get("/api/v1/indicators?programme=zzz&modality=hybrid&from=2026-05-01&to=2026-04-01&lang=fr")
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    for field in ["programme", "modality", "to"] {
        assert!(body["fields"][field].is_array(), "{field}: {body}");
    }
    let (status, _) = api.get("/api/v1/indicators.csv?breakdown=city").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    // A date well written out of the years taken says so (it was told to
    // write YYYY-MM-DD: session 27's attack round).
    let (status, body) = api.get("/api/v1/indicators?from=2201-01-01&lang=en").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(
        body["fields"]["from"][0], "Give a date between the years 1900 and 2200.",
        "{body}"
    );
    // A region or an audience the instance does not have is refused beside
    // its field, not answered with the zeros of nobody (session 28's input
    // round: `audience=zz` gave a report of no one), on the API, the CSV
    // and the page alike.
    let nowhere = uuid::Uuid::new_v4();
    let unknown = format!("audience=zz&region={nowhere}&lang=en");
    for path in ["/api/v1/indicators", "/api/v1/indicators.csv"] {
        let (status, body) = api.get(&format!("{path}?{unknown}")).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{path}: {body}");
        for field in ["audience", "region"] {
            assert_eq!(
                body["fields"][field][0], "This choice does not exist (any more).",
                "{path}: {body}"
            );
        }
    }
    let staff = app.signed_in(&[Role::Organiser]).await;
    let page = staff.get(&format!("/staff/indicators?{unknown}")).await;
    assert_eq!(page.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = page.text().await.expect("page");
    assert!(page.contains("This choice does not exist (any more)."), "{page}");
    // So are a programme, a course and a session that do not exist or are
    // another organisation's (the attack round's mistyped or foreign ids
    // gave a convincing empty report).
    let sfax = crate::helpers::new_organisation(&app.db, "sfax", "Ville de Sfax").await;
    let theirs = aula_storage::programmes::create(
        &app.db,
        &aula_storage::Actor::system("test"),
        aula_domain::OrganisationId::from_row(sfax.id),
        &aula_domain::details::ProgrammeDetails {
            title: aula_domain::details::Title::parse("Leur programme").expect("title"),
            funders: Vec::new(),
            partners: Vec::new(),
            commissioner: None,
            contract_reference: None,
            description: None,
            starts_on: None,
            ends_on: None,
        },
    )
    .await
    .expect("their programme");
    let named = format!("programme={}&course={nowhere}&session={nowhere}&lang=en", theirs.id);
    let (status, body) = api.get(&format!("/api/v1/indicators?{named}")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    for field in ["programme", "course", "session"] {
        assert_eq!(
            body["fields"][field][0], "This choice does not exist (any more).",
            "{body}"
        );
    }
    // A known audience, and a region of the instance, are read as ever.
    api.get_ok(&format!(
        "/api/v1/indicators?audience=public_servant&region={}",
        p.castilla
    ))
    .await;

    // Only organisers read them.
    let (status, _) = app.api(&[Role::Trainer]).await.get("/api/v1/indicators").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = app.anonymous_api().get("/api/v1/indicators").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // The CSV: UTF-8 with a byte-order mark, so spreadsheets keep the accents.
    let response = api
        .get_response(&format!(
            "/api/v1/indicators.csv?programme={}&breakdown=region&lang=es",
            p.p1
        ))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap_or_default()
            .starts_with("text/csv")
    );
    let bytes = response.bytes().await.expect("bytes");
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF");
    let text = std::str::from_utf8(&bytes[3..]).expect("utf-8");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().expect("headers").clone();
    assert_eq!(&headers[0], "Región");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(&rows[0][0], "Andalucía");
    assert_eq!(&rows[1][0], "Castilla y León");
    assert_eq!(rows.len(), 3);

    // A semicolon for spreadsheets set to a decimal comma, and the totals as (indicator, value).
    let response = api
        .get_response(&format!(
            "/api/v1/indicators.csv?programme={}&delimiter=semicolon&lang=fr",
            p.p1
        ))
        .await;
    let text = response.text().await.expect("text");
    assert!(text.contains("Personnes inscrites;5"), "{text}");
    assert!(text.contains("Satisfaction moyenne (sur 5);4,0"), "{text}");
});

db_test!(
    the_dashboard_page_shows_the_figures_and_keeps_the_filter,
    |app: TestApp| async move {
        let p = build(&app).await;
        let browser = app.signed_in(&[Role::Organiser]).await;
        let html = browser
            .get_html(&format!("/staff/indicators?programme={}&lang=en", p.p1))
            .await;
        for expected in [
            "Registered people",
            ">5<",
            "Beneficiaries",
            "40.0",
            "4.0",
            "Andalucía",
            "Castilla y León",
            "<svg",
            "<table",
            &format!("/api/v1/indicators.csv?programme={}", p.p1),
            "breakdown=region",
        ] {
            assert!(html.contains(expected), "{expected} missing");
        }
        assert!(
            html.contains(&format!("<option value=\"{}\" selected", p.p1)),
            "the filter is kept"
        );
        let response = browser.get("/staff/indicators?from=soon&lang=es").await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = response.text().await.expect("html");
        assert!(
            html.contains("aria-invalid=\"true\"") && html.contains("AAAA-MM-DD"),
            "{html}"
        );
        let response = app.signed_in(&[Role::Trainer]).await.get("/staff/indicators").await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
    }
);

// The demo reproduces the union programme's published report: 1,002
// registered, 620 completed, rated 4.6 out of 5, in person in 4 regions,
// participants from 105 workplaces.
db_test!(the_demo_reproduces_the_published_report, |app: TestApp| async move {
    aula_demo::load(&app.db, chrono::Utc::now().date_naive())
        .await
        .expect("demo");
    let union = aula_storage::programmes::choices(&app.db, app.org().await, aula_storage::Archived::Shown)
        .await
        .expect("programmes")
        .into_iter()
        .find(|p| p.title == "Diversidad e igualdad de trato en los servicios públicos")
        .expect("the union programme")
        .id;
    let filter = Filter {
        programme_id: Some(union),
        ..Filter::default()
    };
    let now = chrono::Utc::now();
    let totals = indicators::dashboard(&app.db, &filter, &[], now)
        .await
        .expect("dashboard")
        .totals;
    assert_eq!(totals.registered_people, 1002);
    assert_eq!(totals.beneficiaries, 620);
    assert_eq!(totals.satisfaction_mean(), Some(4.6));
    assert_eq!(totals.workplaces, 105);
    let in_person = Filter {
        modality: Some(Modality::InPerson),
        ..filter
    };
    let totals = indicators::dashboard(&app.db, &in_person, &[], now)
        .await
        .expect("dashboard")
        .totals;
    assert_eq!(totals.regions, 4);

    // As the organiser reads them.
    let browser = app.signed_in(&[Role::Organiser]).await;
    let html = browser
        .get_html(&format!("/staff/indicators?programme={union}&lang=en"))
        .await;
    for figure in [">1,002<", ">620<", ">4.6 / 5<", ">105<"] {
        assert!(html.contains(figure), "{figure} missing");
    }

    // Session 29's attack round: the demo held requests never confirmed,
    // older than their retention period, and its first start erased 62 of
    // them and 44 people. Nothing in it is past its period now.
    let expired = aula_app::retention::expire(
        &app.app(),
        chrono::Utc::now(),
        &aula_domain::retention::RetentionPeriods::default(),
    )
    .await
    .expect("retention");
    assert_eq!(expired, aula_app::retention::Expired::default());
});

db_test!(
    issue_20_satisfaction_is_rounded_once_the_same_in_json_csv_and_page,
    |app: TestApp| async move {
        // 9 answers of 5 and 11 of 4: 89 / 20 = 4.45 exactly, which one
        // rounding rule (half up, to one decimal) makes 4.5 everywhere; a
        // float rounded twice, or half to even, would say 4.4 somewhere.
        let api = app.api(&[Role::Organiser]).await;
        let programme = id(&post(&api, "/api/v1/programmes", json!({"title": "Talleres"})).await);
        let course = id(&post(
            &api,
            "/api/v1/courses",
            json!({"programme_id": programme, "title": "Mediación", "summary": "S", "hours": 3,
                "modality": "online", "audiences": ["public_servant"], "language": "es"}),
        )
        .await);
        let (session, meetings) = session(&api, course, 30, None, &[("2026-02-03", 9, 12)]).await;
        let mut people = Vec::new();
        let mut marks = Vec::new();
        for n in 0..20 {
            let person = person(
                &app,
                &format!("Persona{n}"),
                None,
                Audience::PUBLIC_SERVANT,
                "Ayuntamiento",
            )
            .await;
            marks.push((placed(&app, session, person).await, "present", None));
            people.push((person, if n < 9 { 5 } else { 4 }));
        }
        roll_call(&api, &meetings[0], &marks).await;
        complete(&api, session).await;
        survey(&app, session, &people).await;

        let body = api.get_ok(&format!("/api/v1/indicators?programme={programme}")).await;
        assert_eq!(body["totals"]["satisfaction_count"], 20, "{body}");
        assert_eq!(body["totals"]["satisfaction_mean"], 4.5, "{body}");

        let csv = |delimiter: &'static str, lang: &'static str| {
            let url = format!(
                "{}/api/v1/indicators.csv?programme={programme}&delimiter={delimiter}&lang={lang}",
                app.base
            );
            let request = api
                .client
                .get(url)
                .bearer_auth(api.token.as_deref().unwrap_or_default());
            async move { request.send().await.expect("csv").text().await.expect("text") }
        };
        let text = csv("comma", "en").await;
        assert!(text.contains("Mean satisfaction (out of 5),4.5"), "{text}");
        let text = csv("semicolon", "es").await;
        assert!(text.contains("(sobre 5);4,5"), "{text}");
        assert!(!text.contains("4.45") && !text.contains("4,45"), "{text}");

        let organiser = app.signed_in(&[Role::Organiser]).await;
        let html = organiser
            .get_html(&format!("/staff/indicators?programme={programme}&lang=en"))
            .await;
        assert!(html.contains(">4.5<"), "the page says 4.5");
    }
);

db_test!(
    issue_22_the_whole_dashboard_downloads_as_a_workbook_with_numbers_as_numbers,
    |app: TestApp| async move {
        use calamine::{Data, Reader, Xlsx};
        let p = build(&app).await;
        let api = app.api(&[Role::Organiser]).await;
        let get = |query: String| {
            api.client
                .get(format!("{}/api/v1/indicators.xlsx?{query}", app.base))
                .bearer_auth(api.token.as_deref().unwrap_or_default())
                .send()
        };
        let response = get(format!("programme={}&lang=fr", p.p1)).await.expect("xlsx");
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(
            response.headers()["content-type"],
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        );
        assert!(
            response.headers()["content-disposition"]
                .to_str()
                .unwrap_or_default()
                .contains("indicators.xlsx")
        );
        let bytes = response.bytes().await.expect("bytes");
        // Read back by calamine, a reader that is not the writer.
        let mut book = Xlsx::new(std::io::Cursor::new(bytes.to_vec())).expect("an xlsx workbook");
        let names = book.sheet_names();
        assert_eq!(
            names,
            [
                "Chiffres clés",
                "Satisfaction globale - réponses",
                "Région",
                "Public",
                "Modalité",
                "Formation",
                "Mois",
                "Trimestre"
            ],
            "{names:?}"
        );
        // The headline figures, the hand count of programme P1, as numbers
        // whatever the reader's decimal separator (the French CSV says 40,0).
        let totals = book.worksheet_range("Chiffres clés").expect("totals");
        let value = |label: &str| {
            totals
                .rows()
                .find(|row| row[0] == Data::String(label.to_owned()))
                .map(|row| row[1].clone())
                .unwrap_or_else(|| panic!("{label} in {totals:?}"))
        };
        assert_eq!(totals.get((0, 0)), Some(&Data::String("Indicateur".into())));
        assert_eq!(value("Personnes inscrites"), Data::Float(5.0));
        assert_eq!(value("Inscriptions"), Data::Float(8.0));
        assert_eq!(value("Taux d’achèvement (%)"), Data::Float(40.0));
        assert_eq!(value("Heures de formation"), Data::Float(21.67));
        assert_eq!(value("Satisfaction moyenne (sur 5)"), Data::Float(4.0));
        // By region: a row per region, the region's name as text.
        let regions = book.worksheet_range("Région").expect("regions");
        assert_eq!(regions.get((1, 0)), Some(&Data::String("Andalucía".into())));
        assert_eq!(regions.get((2, 0)), Some(&Data::String("Castilla y León".into())));
        assert!(matches!(regions.get((1, 1)), Some(Data::Float(_))), "{regions:?}");

        // A bad filter changes nothing and says what is wrong.
        let response = get("programme=zzz&lang=fr".into()).await.expect("xlsx");
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        // Only organisers read it.
        let (status, _) = app.api(&[Role::Trainer]).await.get("/api/v1/indicators.xlsx").await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
);

// Issue 20: a coaching path from March to December put all its hours in
// March, and a June–December report showed none. Each figure now falls
// in the period of its own date: registrations at the session's first
// meeting, attended time and participants at the meetings attended,
// completions (and sessions held) at the session's end.
//
// Coaching path K (in person, Sevilla), four meetings of 180 min (720 in
// all, 576 needed for 80 %), on 11 March, 10 June, 9 September and
// 9 December 2025; session J (online), one meeting of 180 min on 17 June.
//
// | person | region | employer | K: Mar, Jun, Sep, Dec | J |
// | --- | --- | --- | --- | --- |
// | Ana | Andalucía | Ayuntamiento de Sevilla | present ×4 (720, completes) | |
// | Ben | Castilla y León | Junta de Andalucia | present, present, late, present 150 min (690, completes) | |
// | Cris | — | Junta de Andalucia | present, present 60 min, absent, absent (240) | |
// | Dani | Andalucía | Diputacion de Leon | | present (180, completes) |
db_test!(
    issue_20_figures_fall_in_the_period_of_their_meetings,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (andalucia, castilla) = regions(&app).await;
        let programme = id(&post(&api, "/api/v1/programmes", json!({"title": "Acompañamiento"})).await);
        let course = |title: &str, modality: &str| {
            json!({"programme_id": programme, "title": title, "summary": "S", "hours": 12,
                "modality": modality, "audiences": ["public_servant"], "language": "es"})
        };
        let coaching = id(&post(&api, "/api/v1/courses", course("Acompañamiento", "in_person")).await);
        let webinar = id(&post(&api, "/api/v1/courses", course("Taller", "online")).await);
        let (k, k_meetings) = session(
            &api,
            coaching,
            10,
            Some(("Sede Sevilla", andalucia)),
            &[
                ("2025-03-11", 9, 12),
                ("2025-06-10", 9, 12),
                ("2025-09-09", 9, 12),
                ("2025-12-09", 9, 12),
            ],
        )
        .await;
        let (j, j_meetings) = session(&api, webinar, 10, None, &[("2025-06-17", 9, 12)]).await;
        let mut people = Vec::new();
        for (name, region, employer) in [
            ("Ana", Some(andalucia), "Ayuntamiento de Sevilla"),
            ("Ben", Some(castilla), "Junta de Andalucia"),
            ("Cris", None, "Junta de Andalucia"),
            ("Dani", Some(andalucia), "Diputacion de Leon"),
        ] {
            people.push(person(&app, name, region, Audience::PUBLIC_SERVANT, employer).await);
        }
        let [ana, ben, cris, dani] = people[..] else {
            unreachable!("four people")
        };
        let (k_ana, k_ben, k_cris) = (
            placed(&app, k, ana).await,
            placed(&app, k, ben).await,
            placed(&app, k, cris).await,
        );
        let j_dani = placed(&app, j, dani).await;
        let marks: [&[(Uuid, &str, Option<u32>)]; 4] = [
            &[
                (k_ana, "present", None),
                (k_ben, "present", None),
                (k_cris, "present", None),
            ],
            &[
                (k_ana, "present", None),
                (k_ben, "present", None),
                (k_cris, "present", Some(60)),
            ],
            &[
                (k_ana, "present", None),
                (k_ben, "late", None),
                (k_cris, "absent", None),
            ],
            &[
                (k_ana, "present", None),
                (k_ben, "present", Some(150)),
                (k_cris, "absent", None),
            ],
        ];
        for (meeting, marks) in k_meetings.iter().zip(marks) {
            roll_call(&api, meeting, marks).await;
        }
        roll_call(&api, &j_meetings[0], &[(j_dani, "present", None)]).await;
        complete(&api, k).await;
        complete(&api, j).await;

        let date = |s: &str| Some(s.parse().expect("date"));
        let period = |from: &str, to: &str| Filter {
            programme_id: Some(programme),
            from: date(from),
            to: date(to),
            ..Filter::default()
        };
        let now = chrono::Utc::now();
        let totals = |filter: Filter| {
            let db = app.db.clone();
            async move {
                indicators::dashboard(&db, &filter, &[], now)
                    .await
                    .expect("dashboard")
                    .totals
            }
        };
        // Completing a session invited its participants to the survey, at
        // its end (K's 3, J's Dani); nobody answered: zero answers, known.
        let none = Some((0, 0));

        // June to December. Registrations: only J's (K started in March).
        // Participants: Ana, Ben, Cris at K's June meeting, Dani at J = 4.
        // Minutes: K June 180 + 180 + 60, September 180 + 180, December
        // 180 + 150 = 1,110, and J 180 = 1,290 (21.5 h). Completions at
        // the sessions' ends (9 December, 17 June): Ana, Ben, Dani = 3, of
        // 4 confirmed registrations in held sessions. Sessions held 2, one
        // venue (J is online). Workplaces of the 4 participants: Sevilla,
        // Junta, Diputación = 3; regions: Andalucía, Castilla y León = 2.
        let june_december = totals(period("2025-06-01", "2025-12-31")).await;
        assert_eq!(
            june_december,
            figures(1, 1, 4, 3, 3, 4, 1290, none, (4, 0), (0, 0), 2, 1, 3, 2)
        );
        assert_eq!(june_december.training_hours(), 21.5);
        assert_eq!(june_december.completion_rate(), Some(75.0));

        // March to May: K's 3 registrations and its March meeting (3 × 180
        // = 540 min), no completion (K ends in December), nothing held.
        // Workplaces Sevilla and Junta; regions Andalucía and Castilla.
        assert_eq!(
            totals(period("2025-03-01", "2025-05-31")).await,
            figures(3, 3, 3, 0, 0, 0, 540, none, (0, 0), (0, 0), 0, 0, 2, 2)
        );

        // One day, 9 September: K's third meeting alone (Ana, Ben: 360 min).
        assert_eq!(
            totals(period("2025-09-09", "2025-09-09")).await,
            figures(0, 0, 2, 0, 0, 0, 360, none, (0, 0), (0, 0), 0, 0, 2, 2)
        );

        // The whole year gives what no period gives: every figure once.
        // Minutes: 540 + 420 + 360 + 330 + 180 = 1,830.
        let year = figures(4, 4, 4, 3, 3, 4, 1830, none, (4, 0), (0, 0), 2, 1, 3, 2);
        assert_eq!(totals(period("2025-01-01", "2025-12-31")).await, year);
        assert_eq!(
            totals(Filter {
                programme_id: Some(programme),
                ..Filter::default()
            })
            .await,
            year
        );

        // By quarter and by month: hours add up to the year's 1,830.
        let code = |c: &str| Some(Key::Code(c.to_owned()));
        let dashboard = indicators::dashboard(
            &app.db,
            &Filter {
                programme_id: Some(programme),
                ..Filter::default()
            },
            &[Breakdown::Quarter, Breakdown::Month],
            now,
        )
        .await
        .expect("dashboard");
        let lines = |groups: &[Group]| -> Vec<(Option<Key>, Figures)> {
            groups.iter().map(|g| (g.key.clone(), g.figures)).collect()
        };
        // Q1: K's registrations and March meeting. Q2: K's June meeting
        // (Ana, Ben, Cris: 420) and all of J (its registration, Dani's 180,
        // completion, invitation, held online): 4 participants from 3
        // workplaces in 2 regions. Q3: Ana and Ben, 360. Q4: Ana and Ben, 330, and K's end:
        // 2 completions of 3 confirmed registrations, 3 invitations, held
        // in Sevilla.
        let q1 = figures(3, 3, 3, 0, 0, 0, 540, none, (0, 0), (0, 0), 0, 0, 2, 2);
        let q2 = figures(1, 1, 4, 1, 1, 1, 600, none, (1, 0), (0, 0), 1, 0, 3, 2);
        let q3 = figures(0, 0, 2, 0, 0, 0, 360, none, (0, 0), (0, 0), 0, 0, 2, 2);
        let q4 = figures(0, 0, 2, 2, 2, 3, 330, none, (3, 0), (0, 0), 1, 1, 2, 2);
        assert_eq!(
            lines(&dashboard.breakdowns[0].1),
            vec![
                (code("2025-Q1"), q1),
                (code("2025-Q2"), q2),
                (code("2025-Q3"), q3),
                (code("2025-Q4"), q4),
            ]
        );
        // The months: March, June, September and December hold the same as
        // their quarters, each quarter's figures falling in one month.
        assert_eq!(
            lines(&dashboard.breakdowns[1].1),
            vec![
                (code("2025-03"), q1),
                (code("2025-06"), q2),
                (code("2025-09"), q3),
                (code("2025-12"), q4),
            ]
        );
    }
);

/// One figure of each quarter's line, and of the totals, from the JSON API.
fn quarter_figures(body: &serde_json::Value, field: &str) -> Vec<(String, serde_json::Value)> {
    body["breakdowns"]["quarter"]
        .as_array()
        .expect("quarters")
        .iter()
        .map(|q| (q["key"].as_str().expect("key").to_owned(), q["figures"][field].clone()))
        .collect()
}

// Issue 20, done when: a city project whose coaching path runs over nine
// months, reported by quarter, built through the JSON API. (A Tunisian
// city's migration-governance project, March to November 2025, meetings
// from 9:00 in Tunis, UTC+1.)
//
// | session | meetings | people and marks |
// | --- | --- | --- |
// | S1, municipal staff | 8 days of 360 min, 17–20 and 24–27 March (2,304 needed) | 3 at every day (2,880, complete); 1 at the first 4 (1,440) |
// | S2, mediators | 5 days of 360 min, 26, 27, 30 June, 1, 2 July (1,440 needed) | 3 at every day (1,800, complete) |
// | S3, coaching path | 10 meetings of 180 min: 5 March, 9 April, 7 May, 4 June, 9 July, 6 August, 3 September, 1 and 29 October, 26 November (1,440 needed) | Amel at every one (1,800, completes); Karim absent 6 August, 3 September, 29 October (1,260) |
//
// By quarter, each figure at its own date:
//
// | quarter | registrations | participants | minutes | completions | confirmed in held sessions |
// | --- | --- | --- | --- | --- | --- |
// | Q1 | S1 4 + S3 2 = 6 | 4 + 2 = 6 | S1 3 × 2,880 + 1,440 = 10,080, S3 2 × 180 = 360: 10,440 (174 h) | S1 3 | 4 |
// | Q2 | S2 3 | 3 + 2 = 5 | S2 3 × 3 × 360 = 3,240, S3 2 × 3 × 180 = 1,080: 4,320 (72 h) | 0 | 0 |
// | Q3 | 0 | 3 + 2 = 5 | S2 3 × 2 × 360 = 2,160, S3 Amel 540 + Karim 180 = 720: 2,880 (48 h) | S2 3 | 3 |
// | Q4 | 0 | 2 | S3 Amel 540 + Karim 360 = 900 (15 h) | S3 1 | 2 |
//
// In all: 9 registrations, 18,540 minutes (309 h), 7 completions of 9 (77.8 %).
db_test!(
    issue_20_a_city_project_over_nine_months_reported_by_quarter,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let sfax = aula_storage::regions::create(&app.db, &Actor::system("test"), "TN-61", "Sfax")
            .await
            .expect("region")
            .id;
        let programme = id(&post(
            &api,
            "/api/v1/programmes",
            json!({"title": "Gouvernance locale des migrations", "funder": "Ville de Sfax",
                "starts_on": "2025-03-01", "ends_on": "2025-11-30"}),
        )
        .await);
        let course = |title: &str, hours: u32| {
            json!({"programme_id": programme, "title": title, "summary": "S", "hours": hours,
                "modality": "in_person", "audiences": ["public_servant"], "language": "fr"})
        };
        let mut sessions = Vec::new();
        for (title, hours, capacity, days, length) in [
            (
                "Agents municipaux",
                48,
                25,
                &[
                    "2025-03-17",
                    "2025-03-18",
                    "2025-03-19",
                    "2025-03-20",
                    "2025-03-24",
                    "2025-03-25",
                    "2025-03-26",
                    "2025-03-27",
                ][..],
                6,
            ),
            (
                "Médiatrices et médiateurs",
                30,
                20,
                &["2025-06-26", "2025-06-27", "2025-06-30", "2025-07-01", "2025-07-02"][..],
                6,
            ),
            (
                "Parcours d’accompagnement",
                30,
                5,
                &[
                    "2025-03-05",
                    "2025-04-09",
                    "2025-05-07",
                    "2025-06-04",
                    "2025-07-09",
                    "2025-08-06",
                    "2025-09-03",
                    "2025-10-01",
                    "2025-10-29",
                    "2025-11-26",
                ][..],
                3,
            ),
        ] {
            let course = id(&post(&api, "/api/v1/courses", course(title, hours)).await);
            let created = post(
                &api,
                "/api/v1/sessions",
                json!({"course_id": course, "capacity": capacity, "status": "open",
                    // Entered by the organiser from the city's lists, without an e-mail round.
                    "confirm_organiser_entries": false,
                    "venue": {"name": "Hôtel de ville", "city": "Sfax", "region_id": sfax},
                    "meetings": days.iter().map(|day| json!({
                        "starts_at": format!("{day}T09:00:00+01:00"),
                        "ends_at": format!("{day}T{:02}:00:00+01:00", 9 + length),
                    })).collect::<Vec<_>>()}),
            )
            .await;
            sessions.push((id(&created), crate::helpers::meeting_ids(&created)));
        }
        let register = |session: Uuid, name: &'static str| {
            let api = &api;
            async move {
                let created = post(
                    api,
                    &format!("/api/v1/sessions/{session}/registrations"),
                    json!({"given_name": name, "family_name": "Ben Salah",
                        "email": format!("{}@example.tn", name.to_lowercase()), "audience": "public_servant"}),
                )
                .await;
                assert_eq!(created["status"], "confirmed", "{created}");
                id(&created)
            }
        };
        // Who is present at each meeting of each session (the others absent).
        let mut people: Vec<Vec<Uuid>> = Vec::new();
        for (session, names) in [
            (sessions[0].0, &["Sami", "Leila", "Hedi", "Nour"][..]),
            (sessions[1].0, &["Rim", "Walid", "Ines"][..]),
            (sessions[2].0, &["Amel", "Karim"][..]),
        ] {
            let mut registered = Vec::new();
            for name in names {
                registered.push(register(session, name).await);
            }
            people.push(registered);
        }
        for (s, (session, meetings)) in sessions.iter().enumerate() {
            for (m, meeting) in meetings.iter().enumerate() {
                let marks: Vec<_> = people[s]
                    .iter()
                    .enumerate()
                    .map(|(p, registration)| {
                        let absent = match s {
                            // Nour came to the first four days.
                            0 => p == 3 && m >= 4,
                            // Karim missed 6 August, 3 September, 29 October.
                            2 => p == 1 && [5, 6, 8].contains(&m),
                            _ => false,
                        };
                        json!({"registration_id": registration, "status": if absent { "absent" } else { "present" }})
                    })
                    .collect();
                let (status, answer) = api.put_marks(meeting, &json!(marks)).await;
                assert_eq!(status, StatusCode::OK, "{answer}");
            }
            complete(&api, *session).await;
        }

        let body = api.get_ok(&format!("/api/v1/indicators?programme={programme}")).await;
        let quarters = |field| quarter_figures(&body, field);
        let line = |values: [serde_json::Value; 4]| -> Vec<(String, serde_json::Value)> {
            ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]
                .into_iter()
                .map(str::to_owned)
                .zip(values)
                .collect()
        };
        assert_eq!(
            quarters("registrations"),
            line([json!(6), json!(3), json!(0), json!(0)])
        );
        assert_eq!(quarters("participants"), line([json!(6), json!(5), json!(5), json!(2)]));
        assert_eq!(
            quarters("training_hours"),
            line([json!(174.0), json!(72.0), json!(48.0), json!(15.0)])
        );
        assert_eq!(quarters("completions"), line([json!(3), json!(0), json!(3), json!(1)]));
        // Completions of confirmed registrations in sessions ended that
        // quarter: 3 of 4, none, 3 of 3, 1 of 2.
        assert_eq!(
            quarters("completion_rate"),
            line([json!(75.0), json!(null), json!(100.0), json!(50.0)])
        );
        assert_eq!(
            quarters("sessions_held"),
            line([json!(1), json!(0), json!(1), json!(1)])
        );
        let labels: Vec<&str> = body["breakdowns"]["quarter"]
            .as_array()
            .expect("quarters")
            .iter()
            .map(|q| q["label"].as_str().expect("label"))
            .collect();
        assert_eq!(labels, ["Q1 2025", "Q2 2025", "Q3 2025", "Q4 2025"]);
        let totals = &body["totals"];
        assert_eq!(totals["registrations"], 9);
        assert_eq!(totals["training_hours"], 309.0);
        assert_eq!(totals["completions"], 7);
        assert_eq!(totals["completion_rate"], 77.8);

        // The third quarter asked as a period gives its line.
        let (status, q3) = api
            .get(&format!(
                "/api/v1/indicators?programme={programme}&from=2025-07-01&to=2025-09-30&lang=fr"
            ))
            .await;
        assert_eq!(status, StatusCode::OK, "{q3}");
        let line = &body["breakdowns"]["quarter"][2]["figures"];
        for field in [
            "registrations",
            "participants",
            "training_hours",
            "completions",
            "completion_rate",
        ] {
            assert_eq!(q3["totals"][field], line[field], "{field}");
        }
        assert_eq!(q3["breakdowns"]["quarter"][0]["label"], "T3 2025");

        // And the CSV by quarter, in French.
        let response = api
            .get_response(&format!(
                "/api/v1/indicators.csv?programme={programme}&breakdown=quarter&lang=fr"
            ))
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        let csv = response.text().await.expect("csv");
        assert!(csv.contains("Trimestre"), "{csv}");
        assert!(csv.contains("T4 2025"), "{csv}");
    }
);
