//! Outreach beside training (issue 20): presentations, information
//! meetings, webinars, stands and materials handed out, recorded as a
//! programme's activities and counted as its reach, never as training.

use aula_domain::Role;
use reqwest::StatusCode;
use serde_json::json;
use uuid::Uuid;

use crate::helpers::{Api, TestApp, db_test};
use crate::indicators::{complete, id, post, roll_call};

/// An outreach activity of `programme`, through the API.
pub(crate) async fn activity(api: &Api, programme: Uuid, fields: serde_json::Value) -> Uuid {
    let mut body = json!({"programme_id": programme});
    for (key, value) in fields.as_object().expect("fields") {
        body[key] = value.clone();
    }
    id(&post(api, "/api/v1/outreach", body).await)
}

/// An open session of `course` whose organiser entries are confirmed
/// straight away, with its meetings' ids; `meetings` are (day, start hour,
/// end hour) in Madrid; online without a venue.
async fn session(
    api: &Api,
    course: Uuid,
    capacity: u32,
    venue: Option<(&str, Uuid)>,
    meetings: &[(&str, u32, u32)],
) -> (Uuid, Vec<String>) {
    let (created, meetings) = crate::indicators::session(api, course, capacity, venue, meetings).await;
    let (status, body) = api
        .patch_session(&created.to_string(), &json!({"confirm_organiser_entries": false}))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    (created, meetings)
}

/// The reach as the indicators' JSON gives it: the totals' counts
/// (activities, attendees, viewers, people, materials), each kind's, and
/// the materials by kind.
type ReachLines = (Vec<u64>, Vec<(String, Vec<u64>)>, Vec<(String, u64)>);

fn reach(body: &serde_json::Value) -> ReachLines {
    let counts = |r: &serde_json::Value| {
        ["activities", "attendees", "viewers", "people", "materials"]
            .iter()
            .map(|k| r[*k].as_u64().unwrap_or_else(|| panic!("{k} in {r}")))
            .collect::<Vec<_>>()
    };
    let reach = &body["reach"];
    let kinds = reach["by_kind"]
        .as_array()
        .expect("by_kind")
        .iter()
        .map(|k| (k["kind"].as_str().expect("kind").to_owned(), counts(k)))
        .collect();
    let materials = reach["materials"]
        .as_array()
        .expect("materials")
        .iter()
        .map(|m| {
            (
                m["kind"].as_str().expect("kind").to_owned(),
                m["quantity"].as_u64().expect("quantity"),
            )
        })
        .collect();
    (counts(&reach["totals"]), kinds, materials)
}

/// The training figures of the indicators' totals that outreach must never touch.
fn training(body: &serde_json::Value) -> Vec<serde_json::Value> {
    [
        "registrations",
        "registered_people",
        "participants",
        "completions",
        "beneficiaries",
        "training_hours",
        "sessions_held",
        "regions",
    ]
    .iter()
    .map(|k| body["totals"][*k].clone())
    .collect()
}

// Issue 20, done when: a union programme with accredited online courses,
// webinars with viewers, regional presentations and materials distributed,
// its reach apart from training, hand-computed.
//
// Training: one accredited online session, two meetings of 180 minutes
// (10 and 11 March 2025, 288 minutes needed): Lucía and Marta at both
// (360 each, complete), Jorge at the first (180). 3 registrations,
// 3 participants, 2 completions, 900 minutes = 15 hours.
//
// | activity | kind | day | region | audience | attendees | viewers | materials |
// | --- | --- | --- | --- | --- | --- | --- | --- |
// | W1 | webinar | 8 April | — | union delegates | 0 | 180 | — |
// | W2 | webinar, streamed to a room in Sevilla | 14 October | Andalucía | union delegates | 12 | 95 | — |
// | P1 | presentation, Sevilla | 20 May | Andalucía | public servants | 40 | 0 | 60 leaflets |
// | P2 | presentation, Málaga | 3 June | Andalucía | public servants | 25 | 0 | — |
// | P3 | presentation, León | 16 September | Castilla y León | mixed | 18 | 0 | 18 guides |
// | D1 | distribution, Valladolid, 25 November | 25 November | Castilla y León | mixed | 0 | 0 | 500 leaflets, 40 posters |
//
// Reach: 6 activities; attendees 12 + 40 + 25 + 18 = 95; viewers 180 + 95
// = 275; people 370; materials 60 + 18 + 500 + 40 = 618.
// By kind: presentations 3, 83 attendees, 78 materials; webinars 2, 12
// attendees, 275 viewers; distribution 1, 540 materials.
// Materials: leaflets 560, guides 18, posters 40.
// Andalucía: W2, P1, P2: 3, 77 attendees, 95 viewers, 60 materials.
// July to December: W2, P3, D1: 3, 30 attendees, 95 viewers, 558 materials.
// Public servants: P1, P2: 2, 65 attendees, 60 materials.
db_test!(
    issue_20_a_union_programme_counts_its_reach_apart_from_training,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let andalucia = app.region("ES-AN").await;
        let castilla = app.region("ES-CL").await;
        let programme = id(&post(
            &api,
            "/api/v1/programmes",
            json!({"title": "Igualdad y diversidad en la función pública", "funder": "FSE+",
                "starts_on": "2025-01-01", "ends_on": "2025-12-31"}),
        )
        .await);
        let course = crate::helpers::accredited_course(
            &app,
            &api,
            json!({"programme_id": programme, "title": "Delegadas y delegados: igualdad de trato",
                "summary": "S", "hours": 6, "modality": "online", "audiences": ["union_delegate"], "language": "es"}),
        )
        .await;
        let (online, meetings) = session(
            &api,
            id(&course),
            30,
            None,
            &[("2025-03-10", 16, 19), ("2025-03-11", 16, 19)],
        )
        .await;
        let mut registrations = Vec::new();
        for name in ["Lucía", "Jorge", "Marta"] {
            let created = post(
                &api,
                &format!("/api/v1/sessions/{online}/registrations"),
                json!({"given_name": name, "family_name": "García",
                    "email": format!("{}@ccoo.example.es", name.to_lowercase().replace('í', "i")),
                    "audience": "union_delegate"}),
            )
            .await;
            registrations.push(id(&created));
        }
        let [lucia, jorge, marta] = registrations[..] else {
            panic!("three")
        };
        roll_call(
            &api,
            &meetings[0],
            &[
                (lucia, "present", None),
                (jorge, "present", None),
                (marta, "present", None),
            ],
        )
        .await;
        roll_call(
            &api,
            &meetings[1],
            &[
                (lucia, "present", None),
                (jorge, "absent", None),
                (marta, "present", None),
            ],
        )
        .await;
        complete(&api, online).await;
        let before = api.get_ok(&format!("/api/v1/indicators?programme={programme}")).await;
        assert_eq!(
            training(&before),
            [
                json!(3),
                json!(3),
                json!(3),
                json!(2),
                json!(2),
                json!(15.0),
                json!(1),
                json!(0)
            ]
        );
        let (totals, kinds, materials) = reach(&before);
        assert_eq!(totals, [0, 0, 0, 0, 0], "no outreach yet");
        assert!(kinds.is_empty() && materials.is_empty());

        for fields in [
            json!({"kind": "webinar", "title": "El plan de igualdad", "held_on": "2025-04-08",
                "place": "YouTube", "audience": "union_delegate", "viewers": 180}),
            json!({"kind": "webinar", "title": "Acoso laboral", "held_on": "2025-10-14",
                "place": "Sevilla y en directo", "region_id": andalucia, "audience": "union_delegate",
                "attendees": "12", "viewers": 95}),
            json!({"kind": "presentation", "title": "Presentación en Sevilla", "held_on": "2025-05-20",
                "region_id": andalucia, "audience": "public_servant", "attendees": 40, "material_leaflet": 60}),
            json!({"kind": "presentation", "title": "Presentación en Málaga", "held_on": "2025-06-03",
                "region_id": andalucia, "audience": "public_servant", "attendees": 25}),
            json!({"kind": "presentation", "title": "Presentación en León", "held_on": "2025-09-16",
                "region_id": castilla, "attendees": 18, "material_guide": "18"}),
            json!({"kind": "materials_distribution", "title": "25N en Valladolid", "held_on": "2025-11-25",
                "region_id": castilla, "material_leaflet": 500, "material_poster": 40, "material_kit": ""}),
        ] {
            activity(&api, programme, fields).await;
        }

        let body = api.get_ok(&format!("/api/v1/indicators?programme={programme}")).await;
        assert_eq!(training(&body), training(&before), "outreach is never training");
        let (totals, kinds, materials) = reach(&body);
        assert_eq!(totals, [6, 95, 275, 370, 618]);
        assert_eq!(
            kinds,
            [
                ("presentation".to_owned(), vec![3, 83, 0, 83, 78]),
                ("webinar".to_owned(), vec![2, 12, 275, 287, 0]),
                ("materials_distribution".to_owned(), vec![1, 0, 0, 0, 540]),
            ]
        );
        assert_eq!(
            materials,
            [
                ("leaflet".to_owned(), 560),
                ("guide".to_owned(), 18),
                ("poster".to_owned(), 40)
            ]
        );

        let filtered = |query: String| {
            let api = &api;
            async move {
                reach(
                    &api.get_ok(&format!("/api/v1/indicators?programme={programme}&{query}"))
                        .await,
                )
                .0
            }
        };
        assert_eq!(filtered(format!("region={andalucia}")).await, [3, 77, 95, 172, 60]);
        assert_eq!(
            filtered("from=2025-07-01&to=2025-12-31".to_owned()).await,
            [3, 30, 95, 125, 558]
        );
        assert_eq!(filtered("audience=public_servant".to_owned()).await, [2, 65, 0, 65, 60]);
        // Outreach belongs to no course: the reach of a course is unknown, not zero.
        let by_course = api.get_ok(&format!("/api/v1/indicators?course={}", id(&course))).await;
        assert_eq!(by_course["reach"], json!(null));

        // The list by programme, latest first, and the dashboard page in French.
        let list = api.get_ok(&format!("/api/v1/outreach?programme_id={programme}")).await;
        assert_eq!(list["total"], 6);
        assert_eq!(list["items"][0]["title"], "25N en Valladolid");
        assert_eq!(
            list["items"][0]["materials"],
            json!([{"kind": "leaflet", "quantity": 500}, {"kind": "poster", "quantity": 40}])
        );
        let browser = app.signed_in(&[Role::Organiser]).await;
        let html = browser
            .get_html(&format!("/staff/indicators?programme={programme}&lang=fr"))
            .await;
        assert!(
            html.contains("Portée : la sensibilisation à côté de la formation"),
            "{html}"
        );
        assert!(html.contains("Webinaire"), "{html}");
        assert!(html.contains("Dépliants"), "{html}");

        // The workbook has the reach's two sheets.
        let response = api
            .get_response(&format!("/api/v1/indicators.xlsx?programme={programme}"))
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        let bytes = response.bytes().await.expect("xlsx");
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).expect("zip");
        let mut workbook = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("xl/workbook.xml").expect("workbook"), &mut workbook)
            .expect("read");
        assert!(workbook.contains("Reach by kind of activity"), "{workbook}");
        assert!(workbook.contains("Materials handed out by kind"), "{workbook}");

        // And a CSV each, as every table of the page has.
        let csv = |query: String| {
            let api = &api;
            async move {
                let response = api.get_response(&format!("/api/v1/indicators.csv?{query}")).await;
                (response.status(), response.text().await.expect("csv"))
            }
        };
        let (status, by_kind) = csv(format!("programme={programme}&breakdown=reach")).await;
        assert_eq!(status, StatusCode::OK, "{by_kind}");
        assert!(by_kind.contains(",3,83,0,78\n"), "presentations: {by_kind}");
        assert!(by_kind.contains(",2,12,275,0\n"), "webinars: {by_kind}");
        let (status, materials) = csv(format!("programme={programme}&breakdown=materials&delimiter=semicolon")).await;
        assert_eq!(status, StatusCode::OK, "{materials}");
        assert!(
            materials.contains(";560\n") && materials.contains(";40\n"),
            "{materials}"
        );
        let (status, refused) = csv(format!("course={}&breakdown=reach", id(&course))).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    }
);

// Issue 20, done when: a regional workshop series with walk-in information
// meetings, hand-computed.
//
// Training: one workshop in León, 12 and 19 February 2025, 10:00–13:00
// (180 minutes each): Ana and Pilar at both. 2 registrations, 2
// completions, 12 hours.
//
// | activity | how its head count comes | attendees | walk-ins |
// | --- | --- | --- | --- |
// | IM1, León, 22 January | 4 walk-ins written down (head count rises to 4), then counted 9 | 9 | 4 |
// | IM2, Burgos, 29 January | counted 15, 2 walk-ins written down, one removed | 15 | 1 |
// | S1, stand, Valladolid, 8 March | counted 60, 200 leaflets | 60 | 0 |
//
// Reach: 3 activities, 84 attendees, 200 materials; information meetings
// 2, 24 attendees; stands 1, 60 attendees.
db_test!(
    issue_20_a_workshop_series_takes_walk_ins_at_its_information_meetings,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let castilla = app.region("ES-CL").await;
        let programme = id(&post(
            &api,
            "/api/v1/programmes",
            json!({"title": "Talleres de mediación intercultural"}),
        )
        .await);
        let course = id(&post(
            &api,
            "/api/v1/courses",
            json!({"programme_id": programme, "title": "Taller de mediación", "summary": "S", "hours": 6,
                "modality": "in_person", "audiences": ["mediator"], "language": "es"}),
        )
        .await);
        let (workshop, meetings) = session(
            &api,
            course,
            20,
            Some(("León", castilla)),
            &[("2025-02-12", 10, 13), ("2025-02-19", 10, 13)],
        )
        .await;
        let mut people = Vec::new();
        for name in ["Ana", "Pilar"] {
            people.push(id(&post(
                &api,
                &format!("/api/v1/sessions/{workshop}/registrations"),
                json!({"given_name": name, "family_name": "Ruiz", "email": format!("{}@example.es", name.to_lowercase()),
                    "audience": "mediator", "region_id": castilla}),
            )
            .await));
        }
        for meeting in &meetings {
            roll_call(
                &api,
                meeting,
                &[(people[0], "present", None), (people[1], "present", None)],
            )
            .await;
        }
        complete(&api, workshop).await;

        // IM1: walk-ins written down at the door raise the head count.
        let leon = activity(
            &api,
            programme,
            json!({"kind": "information_meeting", "title": "Reunión informativa en León",
                "held_on": "2025-01-22", "place": "Centro cívico", "region_id": castilla}),
        )
        .await;
        for (name, email) in [
            ("Yusuf Demir", "yusuf@example.org"),
            ("Fatou Diallo", ""),
            ("Olga Petrenko", ""),
            ("Samir Haddad", ""),
        ] {
            api.created(
                &format!("/api/v1/outreach/{leon}/walk-ins"),
                &json!({"name": name, "email": email}),
            )
            .await;
        }
        let got = api.get_ok(&format!("/api/v1/outreach/{leon}")).await;
        assert_eq!(
            (got["attendees"].clone(), got["walk_ins"].clone()),
            (json!(4), json!(4))
        );
        // Counted in the room: 9. Fewer than the names written down is refused.
        let (status, body) = api
            .patch(&format!("/api/v1/outreach/{leon}"), &json!({"attendees": 3}))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(body["fields"]["attendees"].is_array(), "{body}");
        assert_eq!(api.get_ok(&format!("/api/v1/outreach/{leon}")).await["attendees"], 4);
        api.patch_ok(&format!("/api/v1/outreach/{leon}"), &json!({"attendees": 9}))
            .await;

        // IM2: counted 15; two written down, one of them by mistake.
        let burgos = activity(
            &api,
            programme,
            json!({"kind": "information_meeting", "title": "Reunión informativa en Burgos",
                "held_on": "2025-01-29", "region_id": castilla, "attendees": 15}),
        )
        .await;
        let mut written = Vec::new();
        // The second misspelt (the same name twice is refused: session
        // 29's attack round).
        for name in ["Aicha Benali", "Aicha Benalli"] {
            let body = api
                .created(&format!("/api/v1/outreach/{burgos}/walk-ins"), &json!({"name": name}))
                .await;
            written.push(id(&body));
        }
        let response = api
            .delete(&format!("/api/v1/outreach/{burgos}/walk-ins/{}", written[1]))
            .await;
        assert_eq!(response.0, StatusCode::NO_CONTENT, "{}", response.1);
        let walk_ins = api.get_ok(&format!("/api/v1/outreach/{burgos}/walk-ins")).await;
        assert_eq!(walk_ins.as_array().map(Vec::len), Some(1));
        let got = api.get_ok(&format!("/api/v1/outreach/{burgos}")).await;
        assert_eq!(
            (got["attendees"].clone(), got["walk_ins"].clone()),
            (json!(15), json!(1))
        );

        activity(
            &api,
            programme,
            json!({"kind": "stand", "title": "Stand del 8M", "held_on": "2025-03-08",
                "region_id": castilla, "attendees": 60, "material_leaflet": 200}),
        )
        .await;

        let body = api.get_ok(&format!("/api/v1/indicators?programme={programme}")).await;
        assert_eq!(
            training(&body),
            [
                json!(2),
                json!(2),
                json!(2),
                json!(2),
                json!(2),
                json!(12.0),
                json!(1),
                json!(1)
            ],
            "walk-ins are neither registrations nor participants"
        );
        let (totals, kinds, materials) = reach(&body);
        assert_eq!(totals, [3, 84, 0, 84, 200]);
        assert_eq!(
            kinds,
            [
                ("information_meeting".to_owned(), vec![2, 24, 0, 24, 0]),
                ("stand".to_owned(), vec![1, 60, 0, 60, 200]),
            ]
        );
        assert_eq!(materials, [("leaflet".to_owned(), 200)]);
        // January only: the two information meetings.
        let january = api
            .get_ok(&format!(
                "/api/v1/indicators?programme={programme}&from=2025-01-01&to=2025-01-31"
            ))
            .await;
        assert_eq!(reach(&january).0, [2, 24, 0, 24, 0]);
    }
);

// Issue 20: an organiser records an information meeting from the
// programme's page and writes down walk-ins on the activity's page,
// without JavaScript; a bad e-mail is shown again with what was typed.
db_test!(
    issue_20_an_organiser_takes_walk_ins_in_the_web_ui,
    |app: TestApp| async move {
        let browser = app.signed_in(&[Role::Organiser]).await;
        let api = app.api(&[Role::Organiser]).await;
        let programme = id(&post(&api, "/api/v1/programmes", json!({"title": "Villes accueillantes"})).await);
        let page = browser.get_html(&format!("/staff/programmes/{programme}")).await;
        let link = format!("/staff/outreach/new?programme_id={programme}");
        assert!(page.contains(&link), "the programme's page offers it");
        let form = browser.get_html(&link).await;
        assert!(
            form.contains(&format!("<option value=\"{programme}\" selected>")),
            "the programme is chosen"
        );
        let response = browser
            .post_form(
                &link,
                "/staff/outreach/new",
                &[
                    ("programme_id", &programme.to_string()),
                    ("kind", "information_meeting"),
                    ("title", "Réunion d'information au centre social"),
                    ("held_on", "2026-02-03"),
                    ("place", "Centre social Belleville"),
                    ("region_id", ""),
                    ("audience", ""),
                    ("attendees", ""),
                    ("viewers", ""),
                    ("material_leaflet", "30"),
                    ("material_guide", ""),
                    ("material_poster", ""),
                    ("material_kit", ""),
                    ("material_other", ""),
                    ("notes", ""),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let at = response.headers()["location"].to_str().expect("location").to_owned();
        assert!(at.starts_with("/staff/outreach/"), "{at}");

        let response = browser
            .post_form(
                &at,
                &format!("{at}/walk-ins"),
                &[("name", "Mariam Keita"), ("email", "not an address")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = response.text().await.expect("html");
        assert!(html.contains("value=\"Mariam Keita\""), "what was typed stays");
        assert!(html.contains("id=\"error-email\""), "{html}");
        let activity = at.trim_start_matches("/staff/outreach/");
        assert_eq!(api.get_ok(&format!("/api/v1/outreach/{activity}")).await["walk_ins"], 0);

        for (name, email) in [("Mariam Keita", ""), ("Ibrahim Sow", "ibrahim@example.org")] {
            let response = browser
                .post_form(&at, &format!("{at}/walk-ins"), &[("name", name), ("email", email)])
                .await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER);
        }
        let html = browser.get_html(&at).await;
        assert!(
            html.contains("Mariam Keita") && html.contains("ibrahim@example.org"),
            "{html}"
        );
        assert!(html.contains("2 people written down"), "{html}");
        // Session 29's attack round: the same person written down twice
        // (the form sent again, or from a second phone) counted twice.
        // Refused beside the field that says it, with what was typed.
        for (name, email, field) in [
            ("mariam keita ", "", "name"),
            ("Ibrahim S.", "IBRAHIM@example.org", "email"),
        ] {
            let response = browser
                .post_form(&at, &format!("{at}/walk-ins"), &[("name", name), ("email", email)])
                .await;
            assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
            let html = response.text().await.expect("html");
            assert!(html.contains(&format!("id=\"error-{field}\"")), "{html}");
            assert!(html.contains("is already written down at this activity"), "{html}");
        }
        let got = api.get_ok(&format!("/api/v1/outreach/{activity}")).await;
        assert_eq!(
            (got["attendees"].clone(), got["walk_ins"].clone()),
            (json!(2), json!(2))
        );
        assert_eq!(got["materials"], json!([{"kind": "leaflet", "quantity": 30}]));

        let list = browser.get_html(&format!("/staff/programmes/{programme}")).await;
        assert!(list.contains("information au centre social"), "{list}");

        // Two people of one name are told apart by their addresses.
        let (status, body) = api
            .post(
                &format!("/api/v1/outreach/{activity}/walk-ins"),
                &json!({"name": "Ibrahim Sow", "email": "ibrahim.sow@example.org"}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        let (status, body) = api
            .post(
                &format!("/api/v1/outreach/{activity}/walk-ins"),
                &json!({"name": "Someone", "email": "ibrahim.sow@example.org"}),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(
            crate::helpers::problem_for(&body, "email").starts_with("Ibrahim Sow is already written down"),
            "{body}"
        );
        // Deleted, with its walk-ins, at the second press; back to the programme.
        let response = browser.post_form(&at, &format!("{at}/delete"), &[]).await;
        assert_eq!(response.status(), StatusCode::OK);
        let step = response.text().await.expect("html");
        assert!(step.contains("Delete this outreach activity?"), "{step}");
        assert_eq!(
            api.get_ok(&format!("/api/v1/outreach/{activity}")).await["walk_ins"],
            3,
            "not yet"
        );
        let response = browser
            .post_form(&at, &format!("{at}/delete"), &[("confirmed", "yes")])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let (status, _) = api.get(&format!("/api/v1/outreach/{activity}")).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
);

// Issue 20: outreach tried as an attacker would: every refusal names its
// field or says why, and changes nothing.
db_test!(
    issue_20_outreach_refuses_bad_input_and_other_organisations,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let programme = id(&post(&api, "/api/v1/programmes", json!({"title": "P"})).await);
        for (body, field) in [
            (
                json!({"programme_id": programme, "kind": "party", "title": "T", "held_on": "2026-01-01"}),
                "kind",
            ),
            (
                json!({"programme_id": programme, "kind": "stand", "title": " ", "held_on": "2026-01-01"}),
                "title",
            ),
            (
                json!({"programme_id": programme, "kind": "stand", "title": "T", "held_on": "2026-02-30"}),
                "held_on",
            ),
            (
                json!({"programme_id": programme, "kind": "stand", "title": "T", "held_on": "2026-01-01", "attendees": -3}),
                "attendees",
            ),
            (
                json!({"programme_id": programme, "kind": "stand", "title": "T", "held_on": "2026-01-01", "viewers": "1e9"}),
                "viewers",
            ),
            (
                json!({"programme_id": programme, "kind": "stand", "title": "T", "held_on": "2026-01-01", "material_poster": 10_000_001}),
                "material_poster",
            ),
            (
                json!({"programme_id": Uuid::now_v7(), "kind": "stand", "title": "T", "held_on": "2026-01-01"}),
                "programme_id",
            ),
            (
                json!({"programme_id": "nope", "kind": "stand", "title": "T", "held_on": "2026-01-01"}),
                "programme_id",
            ),
            (
                json!({"programme_id": programme, "kind": "stand", "title": "T", "held_on": "2026-01-01", "region_id": Uuid::now_v7()}),
                "region_id",
            ),
            (
                json!({"programme_id": programme, "kind": "stand", "title": "T", "held_on": "2026-01-01", "audience": "everyone"}),
                "audience",
            ),
        ] {
            let (status, answer) = api.post("/api/v1/outreach", &body).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {answer}");
            assert!(answer["fields"][field].is_array(), "{field}: {answer}");
        }
        let (status, _) = api
            .post(
                "/api/v1/outreach",
                &json!({"programme_id": programme, "kind": "stand", "title": "T", "held_on": "2026-01-01", "visitors": 3}),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "an unknown field is refused");
        assert_eq!(api.get_ok("/api/v1/outreach").await["total"], 0, "nothing written");

        // A webinar has no door.
        let webinar = activity(
            &api,
            programme,
            json!({"kind": "webinar", "title": "W", "held_on": "2026-01-01", "viewers": 10}),
        )
        .await;
        let (status, body) = api
            .post(&format!("/api/v1/outreach/{webinar}/walk-ins"), &json!({"name": "X"}))
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");
        let (status, body) = api
            .post(
                &format!("/api/v1/outreach/{webinar}/walk-ins"),
                &json!({"name": "", "email": "x@"}),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");

        // An information meeting with walk-ins cannot become a webinar: they
        // would be stranded (review of issue 20).
        let meeting = activity(
            &api,
            programme,
            json!({"kind": "information_meeting", "title": "I", "held_on": "2026-01-02"}),
        )
        .await;
        api.created(&format!("/api/v1/outreach/{meeting}/walk-ins"), &json!({"name": "Y"}))
            .await;
        let (status, body) = api
            .patch(&format!("/api/v1/outreach/{meeting}"), &json!({"kind": "webinar"}))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(body["fields"]["kind"].is_array(), "{body}");

        // Another organisation neither sees nor uses them.
        let (_, _, other) = crate::organisations::organisation_with_organiser(&app, "ville-b", "Ville B").await;
        let (status, _) = other.get(&format!("/api/v1/outreach/{webinar}")).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, body) = other
            .post(
                "/api/v1/outreach",
                &json!({"programme_id": programme, "kind": "stand", "title": "T", "held_on": "2026-01-01"}),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(body["fields"]["programme_id"].is_array(), "{body}");
        let indicators = other.get_ok("/api/v1/indicators").await;
        assert_eq!(indicators["reach"]["totals"]["activities"], 0, "{indicators}");
        // Trainers and the public are refused.
        let (status, _) = app.api(&[Role::Trainer]).await.get("/api/v1/outreach").await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, _) = app.anonymous_api().get("/api/v1/outreach").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
);

// Issue 20: walk-ins' names are personal data with a retention period of
// their own: past it the expiry job deletes them, and the activity's head
// count, which the reach counts, stays.
db_test!(
    issue_20_walk_ins_are_deleted_past_their_period_and_the_head_count_stays,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let programme = id(&post(&api, "/api/v1/programmes", json!({"title": "Villes accueillantes"})).await);
        let meeting = activity(
            &api,
            programme,
            json!({"kind": "information_meeting", "title": "Réunion d'information", "held_on": "2026-01-20", "attendees": 12}),
        )
        .await;
        for name in ["Mariam Keita", "Ibrahim Sow"] {
            api.created(&format!("/api/v1/outreach/{meeting}/walk-ins"), &json!({"name": name}))
                .await;
        }
        let admin = app.api(&[Role::Admin]).await;
        let periods = admin.get_ok("/api/v1/retention-periods").await;
        assert_eq!(periods["walk_ins"], 365, "{periods}");
        // An integration that does not know the period keeps it.
        let mut older = periods.clone();
        older.as_object_mut().expect("object").remove("walk_ins");
        older["audit_entries"] = json!(1000);
        let saved = admin.put_ok("/api/v1/retention-periods", &older).await;
        assert_eq!(saved["walk_ins"], 365, "{saved}");
        let (status, body) = admin.put("/api/v1/retention-periods", &json!({"walk_ins": 10})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");

        let records = api.get_ok("/api/v1/privacy/records").await;
        let line = crate::helpers::item_where(&records, "data", "walk-ins");
        assert_eq!(
            (line["days"].clone(), line["due"].clone()),
            (json!(365), json!(0)),
            "{line}"
        );

        let periods = aula_app::retention::periods(&app.app()).await.expect("periods");
        let later = chrono::Utc::now() + chrono::Duration::days(366);
        let expired = aula_app::retention::expire(&app.app(), later, &periods)
            .await
            .expect("expired");
        assert_eq!(expired.walk_ins, 2);
        let got = api.get_ok(&format!("/api/v1/outreach/{meeting}")).await;
        assert_eq!(
            (got["attendees"].clone(), got["walk_ins"].clone()),
            (json!(12), json!(0))
        );
    }
);

// Session 28: an activity dated outside its programme's dates was taken,
// and counted in no report of the programme's period. It is refused beside
// its day, as a session's meetings are; one already recorded keeps its day
// when other fields change.
db_test!(
    session_28_an_activity_falls_within_its_programmes_dates,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let programme = id(&post(
            &api,
            "/api/v1/programmes",
            json!({"title": "Igualdad 2025", "starts_on": "2025-01-01", "ends_on": "2025-12-31"}),
        )
        .await);
        let activity = |held_on: &str| json!({"programme_id": programme, "kind": "stand", "title": "Stand", "held_on": held_on, "attendees": 5});
        for day in ["2019-03-08", "2026-01-01"] {
            let (status, body) = api.post("/api/v1/outreach?lang=en", &activity(day)).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{day}: {body}");
            assert_eq!(
                body["fields"]["held_on"][0],
                "The programme runs from 2025-01-01 to 2025-12-31: the activity must fall within these dates (change its day or the programme’s dates).",
                "{body}"
            );
        }
        let listed = api.get_ok(&format!("/api/v1/outreach?programme_id={programme}")).await;
        assert_eq!(listed["total"], 0, "nothing was written: {listed}");

        // Both bounds are in the programme.
        for day in ["2025-01-01", "2025-12-31"] {
            api.created("/api/v1/outreach", &activity(day)).await;
        }
        // The programme shortened, an activity recorded before keeps its day
        // when its head count is corrected, and cannot be moved outside.
        let kept = id(&api.created("/api/v1/outreach", &activity("2025-06-01")).await);
        api.patch_ok(
            &format!("/api/v1/programmes/{programme}"),
            &json!({"ends_on": "2025-03-31"}),
        )
        .await;
        api.patch_ok(&format!("/api/v1/outreach/{kept}"), &json!({"attendees": 7}))
            .await;
        let (status, body) = api
            .patch(&format!("/api/v1/outreach/{kept}"), &json!({"held_on": "2025-07-01"}))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(body["fields"]["held_on"].is_array(), "{body}");

        // Session 29's attack round: deleting the programme, which holds
        // only outreach, said "other records depend on this".
        let (status, body) = api.delete(&format!("/api/v1/programmes/{programme}?lang=en")).await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");
        assert!(
            body["message"]
                .as_str()
                .is_some_and(|m| m.contains("3 outreach activities")),
            "{body}"
        );
    }
);
