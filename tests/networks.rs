//! Networks of organisations (issue 17): a platform administrator declares
//! an organisation a network and others its members; the network's
//! organisers read the indicators of its own sessions and its members'
//! together, and per member, and nothing of the members' people.
//!
//! The data set: a network N with two member cities M1 and M2, each with
//! its own organiser, course and one past session; and an unrelated
//! organisation (the one the migrations made).
//!
//! | session | organisation | meetings | people (region, employer): marks | answers |
//! | --- | --- | --- | --- | --- |
//! | S1 | M1 | 2 × 5 h, in person | Ana (ARA, Mairie de Lyon): present, present; Ben (OCC, Mairie de Lyon): present, absent; Cris (—, CCAS): absent, excused | 4, 3 |
//! | S2 | M2 | 2 × 2 h, online | Ana (OCC, Mairie de Lyon; the same e-mail as M1's Ana): present, late; Dani (ARA, Hôpital Nord): present, present | 5, 2 |
//! | S3 | N | 1 × 5 h, in person | Eva (ARA, Mairie de Lyon): present | 4 |
//!
//! Ana is two people: one at M1, one at M2 (each organisation is its own
//! data controller), so the network counts 6 registered people, the sum
//! of its members' and its own (3 + 2 + 1). The same employer at two
//! members is one workplace: the network counts 2 (Mairie de Lyon,
//! Hôpital Nord), where its members count 1, 2 and 1.

use aula_domain::{Audience, Email, Language, OrganisationId, PersonName, RegistrantDetails, Role, Text};
use aula_storage::{Actor, organisations};
use reqwest::StatusCode;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::{Api, TestApp, db_test};
use crate::indicators::{complete, id, placed, post, roll_call, session, survey};
use crate::organisations::organisation_with_organiser;

/// A person of `org`.
async fn person(app: &TestApp, org: OrganisationId, name: &str, region: Option<Uuid>, employer: &str) -> Uuid {
    aula_storage::people::upsert(
        &app.db,
        &Actor::system("test"),
        org,
        &RegistrantDetails {
            given_name: PersonName::parse(name).expect("name"),
            family_name: PersonName::parse("Essai").expect("name"),
            email: Some(Email::parse(&format!("{}@people.example.net", name.to_lowercase())).expect("email")),
            phone: None,
            employer: Some(Text::parse(employer).expect("employer")),
            job_title: None,
            audience: Audience::PUBLIC_SERVANT,
            region_id: region,
            language: Language::Fr,
            identifier: None,
        },
        Some("2026-01"),
    )
    .await
    .expect("person")
    .id
}

/// A course of the organiser's organisation.
async fn course(api: &Api, title: &str, hours: u32, modality: &str) -> Uuid {
    let programme = id(&post(api, "/api/v1/programmes", json!({"title": format!("Projet {title}")})).await);
    id(&post(
        api,
        "/api/v1/courses",
        json!({"programme_id": programme, "title": title, "summary": "S", "hours": hours,
            "modality": modality, "audiences": ["public_servant"], "language": "fr"}),
    )
    .await)
}

struct Network {
    admin: Api,
    other: OrganisationId,
    n: OrganisationId,
    m1: OrganisationId,
    m2: OrganisationId,
    /// The organisers of N, M1 and M2.
    n_api: Api,
    m1_api: Api,
    m2_api: Api,
    /// Each session and a registration of it, by organisation.
    sessions: Vec<Uuid>,
    registrations: Vec<Uuid>,
    people: Vec<Uuid>,
}

/// The organisations of the module's doc; N is declared a network and
/// M1, M2 its members through the API, as a platform administrator does.
async fn network(app: &TestApp) -> Network {
    let other = app.org().await;
    let (n, _, n_api) = organisation_with_organiser(app, "reseau", "Réseau des villes").await;
    let (m1, _, m1_api) = organisation_with_organiser(app, "ville-1", "Ville 1").await;
    let (m2, _, m2_api) = organisation_with_organiser(app, "ville-2", "Ville 2").await;
    let admin = app.api(&[Role::Admin]).await;
    admin
        .put_ok(
            &format!("/api/v1/organisations/{n}/network"),
            &json!({"is_network": true}),
        )
        .await;
    for m in [m1, m2] {
        let body = admin
            .put_ok(&format!("/api/v1/organisations/{m}/network"), &json!({"network_id": n}))
            .await;
        assert_eq!(body["network_id"], json!(n.to_string()));
    }
    let (_, body) = admin.get(&format!("/api/v1/organisations/{n}/network")).await;
    assert_eq!(body["is_network"], json!(true));
    assert_eq!(crate::helpers::texts(&body["members"], "name"), ["Ville 1", "Ville 2"]);

    let ara = app.region("FR-ARA").await;
    let occ = app.region("FR-OCC").await;

    // M1: S1, two meetings of 5 hours.
    let c1 = course(&m1_api, "Accueil", 10, "in_person").await;
    let (s1, s1_meetings) = session(
        &m1_api,
        c1,
        10,
        Some(("Mairie 1", ara)),
        &[("2026-03-10", 9, 14), ("2026-03-11", 9, 14)],
    )
    .await;
    let ana1 = person(app, m1, "Ana", Some(ara), "Mairie de Lyon").await;
    let ben = person(app, m1, "Ben", Some(occ), "Mairie de Lyon").await;
    let cris = person(app, m1, "Cris", None, "CCAS").await;
    let (r_ana1, r_ben, r_cris) = (
        placed(app, s1, ana1).await,
        placed(app, s1, ben).await,
        placed(app, s1, cris).await,
    );
    roll_call(
        &m1_api,
        &s1_meetings[0],
        &[
            (r_ana1, "present", None),
            (r_ben, "present", None),
            (r_cris, "absent", None),
        ],
    )
    .await;
    roll_call(
        &m1_api,
        &s1_meetings[1],
        &[
            (r_ana1, "present", None),
            (r_ben, "absent", None),
            (r_cris, "excused", None),
        ],
    )
    .await;
    complete(&m1_api, s1).await;
    survey(app, s1, &[(ana1, 4), (ben, 3)]).await;

    // M2: S2 online, two meetings of 2 hours; Ana again, a person of M2.
    let c2 = course(&m2_api, "Médiation", 4, "online").await;
    let (s2, s2_meetings) = session(&m2_api, c2, 10, None, &[("2026-04-07", 10, 12), ("2026-04-14", 10, 12)]).await;
    let ana2 = person(app, m2, "Ana", Some(occ), "Mairie de Lyon").await;
    assert_ne!(ana1, ana2, "the same e-mail at two organisations is two people");
    let dani = person(app, m2, "Dani", Some(ara), "Hôpital Nord").await;
    let (r_ana2, r_dani) = (placed(app, s2, ana2).await, placed(app, s2, dani).await);
    roll_call(
        &m2_api,
        &s2_meetings[0],
        &[(r_ana2, "present", None), (r_dani, "present", None)],
    )
    .await;
    roll_call(
        &m2_api,
        &s2_meetings[1],
        &[(r_ana2, "late", None), (r_dani, "present", None)],
    )
    .await;
    complete(&m2_api, s2).await;
    survey(app, s2, &[(ana2, 5), (dani, 2)]).await;

    // N's own seminar.
    let c3 = course(&n_api, "Séminaire", 5, "in_person").await;
    let (s3, s3_meetings) = session(&n_api, c3, 10, Some(("Salle du réseau", ara)), &[("2026-05-05", 9, 14)]).await;
    let eva = person(app, n, "Eva", Some(ara), "Mairie de Lyon").await;
    let r_eva = placed(app, s3, eva).await;
    roll_call(&n_api, &s3_meetings[0], &[(r_eva, "present", None)]).await;
    complete(&n_api, s3).await;
    survey(app, s3, &[(eva, 4)]).await;

    Network {
        admin,
        other,
        n,
        m1,
        m2,
        n_api,
        m1_api,
        m2_api,
        sessions: vec![s1, s2, s3],
        registrations: vec![r_ana1, r_ben, r_cris, r_ana2, r_dani, r_eva],
        people: vec![ana1, ben, cris, ana2, dani, eva],
    }
}

async fn indicators(api: &Api, query: &str) -> Value {
    api.get_ok(&format!("/api/v1/indicators{query}")).await
}

fn count(figures: &Value, field: &str) -> u64 {
    figures[field]
        .as_u64()
        .unwrap_or_else(|| panic!("{field} in {figures}"))
}

/// The counts that add up over organisations (people included: they are
/// never merged across organisations).
const ADDED: &[&str] = &[
    "registrations",
    "registered_people",
    "participants",
    "completions",
    "beneficiaries",
    "survey_invitations",
    "survey_answers",
    "certificates_issued",
    "certificates_revoked",
    "sessions_held",
    "venues",
    "satisfaction_count",
];

/// A mean of answers from their count per score, rounded half up to one decimal.
fn mean(scores: &[u64; 5]) -> Option<f64> {
    let count: u64 = scores.iter().sum();
    let sum: u64 = scores.iter().zip(1..).map(|(n, s)| n * s).sum();
    (count > 0).then(|| ((sum * 20 + count) / (count * 2)) as f64 / 10.0)
}

fn scores(body: &Value) -> [u64; 5] {
    let mut out = [0; 5];
    for s in body["satisfaction_scores"].as_array().expect("scores") {
        out[(s["score"].as_u64().expect("score") - 1) as usize] = count(s, "answers");
    }
    out
}

db_test!(
    issue_17_a_network_dashboard_is_the_sum_of_its_members_and_exposes_no_person,
    |app: TestApp| async move {
        let net = network(&app).await;
        let own = [indicators(&net.m1_api, "").await, indicators(&net.m2_api, "").await];
        let network = indicators(&net.n_api, "").await;
        // N's organiser without the members: its own seminar, through the member filter.
        let n_own = indicators(&net.n_api, &format!("?member={}", net.n)).await;
        assert_eq!(count(&n_own["totals"], "registrations"), 1, "{n_own}");
        let parts = [&own[0], &own[1], &n_own];
        let totals = &network["totals"];

        for field in ADDED {
            let sum: u64 = parts.iter().map(|p| count(&p["totals"], field)).sum();
            assert_eq!(count(totals, field), sum, "{field}: the network's is the sum");
        }
        assert_eq!(
            count(totals, "registered_people"),
            6,
            "Ana at M1 and Ana at M2 are two people"
        );
        assert_eq!(count(totals, "beneficiaries"), 4, "Ana at M1 and at M2, Dani, Eva");
        let hours: f64 = parts
            .iter()
            .map(|p| p["totals"]["training_hours"].as_f64().expect("hours"))
            .sum();
        assert_eq!(totals["training_hours"].as_f64(), Some(hours));
        assert_eq!(hours, 10.0 + 5.0 + 4.0 + 4.0 + 5.0);
        // Satisfaction: the mean of every answer, each member weighted by its answers.
        let mut summed = [0; 5];
        for p in parts {
            for (slot, n) in summed.iter_mut().zip(scores(p)) {
                *slot += n;
            }
        }
        assert_eq!(scores(&network), summed);
        assert_eq!(totals["satisfaction_mean"].as_f64(), mean(&summed));
        assert_eq!(totals["satisfaction_mean"].as_f64(), Some(3.6), "(4+3+5+2+4)/5");
        // Places are places: the same employer at two members is one workplace.
        assert_eq!(count(totals, "workplaces"), 2, "{totals}");
        let member_workplaces: u64 = parts.iter().map(|p| count(&p["totals"], "workplaces")).sum();
        assert_eq!(member_workplaces, 4);

        // Per region: each region's counts are the sum of the members'.
        let regions = |body: &Value| -> Vec<(Value, Value)> {
            body["breakdowns"]["region"]
                .as_array()
                .expect("regions")
                .iter()
                .map(|g| (g["key"].clone(), g["figures"].clone()))
                .collect()
        };
        let network_regions = regions(&network);
        for (key, figures) in &network_regions {
            for field in [
                "registrations",
                "registered_people",
                "participants",
                "completions",
                "beneficiaries",
            ] {
                let sum: u64 = parts
                    .iter()
                    .flat_map(|p| regions(p))
                    .filter(|(k, _)| k == key)
                    .map(|(_, f)| count(&f, field))
                    .sum();
                assert_eq!(count(figures, field), sum, "region {key}: {field}");
            }
        }
        let mut union: Vec<Value> = parts
            .iter()
            .flat_map(|p| regions(p))
            .filter(|(k, f)| !k.is_null() && count(f, "participants") > 0)
            .map(|(k, _)| k)
            .collect();
        union.sort_by_key(|k| k.to_string());
        union.dedup();
        assert_eq!(
            count(totals, "regions"),
            union.len() as u64,
            "distinct regions across the network"
        );
        assert_eq!(union.len(), 2);

        // Per organisation: each line is that organisation's own dashboard.
        let lines = network["breakdowns"]["organisation"].as_array().expect("organisations");
        assert_eq!(lines.len(), 3, "{lines:?}");
        for (org, body) in [(net.m1, &own[0]), (net.m2, &own[1]), (net.n, &n_own)] {
            let line = lines
                .iter()
                .find(|l| l["key"] == json!(org.to_string()))
                .unwrap_or_else(|| panic!("a line for {org}"));
            assert_eq!(line["figures"], body["totals"], "{org}'s line is its own figures");
        }
        assert_eq!(
            crate::helpers::texts(&network["breakdowns"]["organisation"], "label"),
            ["Réseau des villes", "Ville 1", "Ville 2"]
        );
        // Chosen member: its figures, as its own organiser reads them.
        let chosen = indicators(&net.n_api, &format!("?member={}", net.m1)).await;
        assert_eq!(chosen["totals"], own[0]["totals"]);
        assert_eq!(chosen["breakdowns"]["region"], own[0]["breakdowns"]["region"]);
        // An organisation outside the network is not a choice; nor for a member.
        let (status, body) = net.n_api.get(&format!("/api/v1/indicators?member={}", net.other)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(body["fields"]["member"].is_array(), "{body}");
        let (status, _) = net.m1_api.get(&format!("/api/v1/indicators?member={}", net.n)).await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "a member reads nothing of its network"
        );
        // A member's dashboard is its own: no network figures, no breakdown by organisation.
        assert_eq!(own[0]["breakdowns"]["organisation"], json!([]));
        assert_eq!(count(&own[0]["totals"], "registrations"), 3);

        // The CSV's table by organisation.
        let csv = net
            .n_api
            .get_response("/api/v1/indicators.csv?breakdown=organisation")
            .await;
        assert_eq!(csv.status(), StatusCode::OK);
        let csv = csv.text().await.expect("text");
        assert_eq!(csv.lines().count(), 4, "a header and three organisations: {csv}");
        assert!(csv.contains("Ville 1") && csv.contains("Ville 2"), "{csv}");

        // No person in what the network reads: names, e-mails, ids.
        for text in [network.to_string(), chosen.to_string(), csv] {
            // Every person's family name is Essai; their addresses are at people.example.net.
            for name in ["Essai", "people.example.net"] {
                assert!(!text.contains(name), "the network's figures name {name}");
            }
            for id in net.people.iter().chain(&net.registrations) {
                assert!(!text.contains(&id.to_string()), "the network's figures carry {id}");
            }
        }
        // The bodies its members named are offered once each, read for all
        // the members at once.
        for (api, name) in [
            (&net.m1_api, "Métropole de Lyon"),
            (&net.m2_api, "Métropole de Lyon"),
            (&net.m2_api, "Région Occitanie"),
        ] {
            let body = json!({"title": format!("Commande {name}"), "commissioner": name, "contract_reference": "C-1"});
            post(api, "/api/v1/programmes", body).await;
        }
        // Nor in its pages, where the members' records are not found.
        let browser = app.browser();
        browser
            .sign_in("organiser@reseau.example.org", crate::helpers::PASSWORD)
            .await;
        let page = browser.get_html("/staff/indicators").await;
        assert!(
            page.contains("id=\"section-organisation\""),
            "the table by organisation"
        );
        assert!(page.contains("Ville 2") && page.contains("name=\"member\""));
        for name in ["Métropole de Lyon", "Région Occitanie"] {
            assert_eq!(
                page.matches(&format!("value=\"{name}\"")).count(),
                1,
                "{name} offered once"
            );
        }
        for name in ["Essai", "people.example.net"] {
            assert!(!page.contains(name), "the network's page names {name}");
        }
        for member_session in &net.sessions[..2] {
            for path in [
                format!("/api/v1/sessions/{member_session}/registrations"),
                format!("/api/v1/sessions/{member_session}/attendance"),
                format!("/api/v1/sessions/{member_session}/survey-results"),
                format!("/api/v1/certificates?session={member_session}"),
            ] {
                let (status, body) = net.n_api.get(&path).await;
                assert!(
                    status == StatusCode::NOT_FOUND || !body.to_string().contains("Essai"),
                    "the network reads {path}: {status} {body}"
                );
                if !path.contains('?') {
                    assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
                }
            }
            for page in [
                format!("/staff/sessions/{member_session}"),
                format!("/staff/sessions/{member_session}/registrations"),
                format!("/staff/sessions/{member_session}/attendance"),
            ] {
                assert_eq!(browser.get(&page).await.status(), StatusCode::NOT_FOUND, "{page}");
            }
        }
        for registration in &net.registrations[..5] {
            let (status, _) = net
                .n_api
                .post(&format!("/api/v1/registrations/{registration}/move"), &json!({}))
                .await;
            assert!(
                [StatusCode::NOT_FOUND, StatusCode::UNPROCESSABLE_ENTITY].contains(&status),
                "{status}"
            );
        }
        let (status, _) = net
            .n_api
            .post(&format!("/api/v1/people/{}/erasure", net.people[0]), &json!({}))
            .await;
        assert!([StatusCode::NOT_FOUND, StatusCode::UNPROCESSABLE_ENTITY].contains(&status));
        let _ = (&net.admin, net.m2);
    }
);

db_test!(
    issue_17_network_membership_is_refused_for_bad_input,
    |app: TestApp| async move {
        let net = network(&app).await;
        let admin = &net.admin;
        let put = |org: OrganisationId, body: Value| async move {
            admin.put(&format!("/api/v1/organisations/{org}/network"), &body).await
        };
        let refused = |answer: (StatusCode, Value), field: &str, words: &str| {
            let (status, body) = answer;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
            let message = crate::helpers::problem_for(&body, field).to_owned();
            assert!(message.contains(words), "{field}: {message} ({body})");
        };
        // Itself.
        refused(put(net.m1, json!({"network_id": net.m1})).await, "network_id", "itself");
        // An organisation that is not a network.
        refused(
            put(net.m1, json!({"network_id": net.other})).await,
            "network_id",
            "not a network",
        );
        // One that does not exist.
        refused(
            put(net.m1, json!({"network_id": Uuid::now_v7()})).await,
            "network_id",
            "no organisation",
        );
        // A cycle: N a member of its member M1 (M1 is no network)...
        refused(put(net.n, json!({"network_id": net.m1})).await, "is_network", "members");
        // ... or of another network, while it is one: one level only.
        let (other_network, _, _) = organisation_with_organiser(&app, "autre-reseau", "Autre réseau").await;
        let (status, _) = put(other_network, json!({"is_network": true})).await;
        assert_eq!(status, StatusCode::OK);
        refused(
            put(net.n, json!({"is_network": true, "network_id": other_network})).await,
            "network_id",
            "another network",
        );
        // M1 may not become a network while a member, nor take members as one.
        refused(
            put(net.m1, json!({"is_network": true, "network_id": net.n})).await,
            "network_id",
            "another network",
        );
        refused(
            put(other_network, json!({"network_id": net.m1})).await,
            "network_id",
            "not a network",
        );
        // Nothing was changed by the refusals.
        let (_, n) = admin.get(&format!("/api/v1/organisations/{}/network", net.n)).await;
        assert_eq!(n["is_network"], json!(true));
        assert_eq!(n["network_id"], Value::Null);
        assert_eq!(crate::helpers::texts(&n["members"], "slug"), ["ville-1", "ville-2"]);
        // Words in the asker's language.
        let (status, body) = admin
            .client
            .put(format!("{}/api/v1/organisations/{}/network", app.base, net.m1))
            .bearer_auth(admin.token.as_deref().expect("token"))
            .header("accept-language", "fr")
            .json(&json!({"network_id": net.m1}))
            .send()
            .await
            .map(|r| (r.status(), r))
            .expect("put");
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        let body: Value = body.json().await.expect("json");
        assert!(body.to_string().contains("membre d'elle-même"), "{body}");
        // Unknown organisations, malformed bodies, and callers who are not platform administrators.
        let (status, _) = put(OrganisationId::from_row(Uuid::now_v7()), json!({})).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _) = put(net.m1, json!({"network_id": "nope"})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        let (status, _) = put(net.m1, json!({"parent": net.n})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        let (status, _) = net
            .n_api
            .put(&format!("/api/v1/organisations/{}/network", net.m2), &json!({}))
            .await;
        assert_eq!(
            status,
            StatusCode::FORBIDDEN,
            "a network's organiser does not choose its members"
        );
        // Leaving: M2 leaves, M1 leaves, then N may cease to be a network.
        for m in [net.m1, net.m2] {
            let (status, body) = put(m, json!({})).await;
            assert_eq!(status, StatusCode::OK, "{body}");
        }
        let (status, body) = put(net.n, json!({"is_network": false})).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let lines = indicators(&net.n_api, "").await;
        assert_eq!(count(&lines["totals"], "registrations"), 1, "its own figures only, now");
        assert_eq!(lines["breakdowns"]["organisation"], json!([]));
    }
);

db_test!(
    issue_17_a_network_organiser_gets_404_on_every_record_of_a_member,
    |app: TestApp| async move {
        use crate::organisations::{Kind, id_for, kind, two_organisations};
        use reqwest::Method;
        let two = two_organisations(&app).await;
        let b = organisations::id(
            &organisations::by_slug(&app.db, "ville-b")
                .await
                .expect("query")
                .expect("B"),
        );
        let (n, _, n_api) = organisation_with_organiser(&app, "reseau", "Réseau").await;
        let actor = Actor::system("test");
        let standing = |is_network, network_id| organisations::Standing { is_network, network_id };
        let use_case = app.app();
        aula_app::organisations::set_standing(&use_case, &actor, n, standing(true, None))
            .await
            .expect("network");
        aula_app::organisations::set_standing(&use_case, &actor, b, standing(false, Some(n)))
            .await
            .expect("member");
        // The network reads B's figures...
        let figures = indicators(&n_api, "").await;
        assert_eq!(count(&figures["totals"], "registrations"), 1, "{figures}");
        // ... and no record of B's, by any operation.
        let (_, doc) = app.anonymous_api().get("/api/openapi.json").await;
        let mut checked = 0;
        for (path, item) in doc["paths"].as_object().expect("paths") {
            for method in item.as_object().expect("operations").keys() {
                if kind(method, path) != Some(Kind::Owned) {
                    continue;
                }
                let id = id_for(path, &two.ids);
                if id.starts_with("00000000") {
                    continue;
                }
                let method = Method::from_bytes(method.to_uppercase().as_bytes()).expect("method");
                let (status, body) = n_api
                    .raw(
                        method.clone(),
                        &path.replace("{id}", id),
                        "application/json",
                        b"{}".to_vec(),
                    )
                    .await;
                assert!(
                    [
                        StatusCode::NOT_FOUND,
                        StatusCode::UNPROCESSABLE_ENTITY,
                        StatusCode::UNSUPPORTED_MEDIA_TYPE
                    ]
                    .contains(&status),
                    "the network on B's {method} {path}: {status} {body}"
                );
                if method == Method::GET {
                    assert_eq!(status, StatusCode::NOT_FOUND, "the network reads B's {path}");
                }
                checked += 1;
            }
        }
        assert!(checked > 15, "{checked} operations checked");
        // Its lists name none of B's records; the figures name B's course (a title, no person).
        let person = id_for("/api/v1/people/{id}", &two.ids);
        let registration = id_for("/api/v1/registrations/{id}", &two.ids);
        for list in [
            "/api/v1/programmes",
            "/api/v1/certificates",
            "/api/v1/outbox",
            "/api/v1/indicators",
        ] {
            let (_, body) = n_api.get(list).await;
            let text = body.to_string();
            assert!(!text.contains(person) && !text.contains(registration), "{list}: {text}");
            assert!(
                !text.contains("Amel") && !text.contains("amel@"),
                "{list} names B's person"
            );
        }
        let _ = two.b;
    }
);

db_test!(
    issue_17_an_administrator_declares_a_network_and_its_members_from_the_pages,
    |app: TestApp| async move {
        let network = crate::helpers::new_organisation(&app.db, "red-ciudades", "Red de ciudades").await;
        let city = crate::helpers::new_organisation(&app.db, "leon", "Ciudad de León").await;
        let admin = app.signed_in(&[Role::Admin]).await;
        let network_page = format!("/admin/organisations/{}", network.id);
        let city_page = format!("/admin/organisations/{}", city.id);
        let standing = |id: Uuid| {
            let db = app.db.clone();
            async move {
                let org = organisations::get(&db, OrganisationId::from_row(id))
                    .await
                    .expect("org");
                (org.is_network, org.network_id)
            }
        };

        // Not a network yet: the city cannot join it.
        let html = admin.get_html(&city_page).await;
        assert!(html.contains("id=\"network\""), "{html}");
        assert!(!html.contains("Red de ciudades</option>"), "{html}");
        let response = admin
            .post_form(
                &city_page,
                &format!("{city_page}/network"),
                &[("network_id", &network.id.to_string())],
            )
            .await;
        crate::helpers::answers(response, StatusCode::UNPROCESSABLE_ENTITY, "not a network").await;
        assert_eq!(standing(city.id).await, (false, None));

        // Declared a network, then joined.
        let response = admin
            .post_form(
                &network_page,
                &format!("{network_page}/network"),
                &[("is_network", "on")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(standing(network.id).await, (true, None));
        let html = admin.get_html(&city_page).await;
        assert!(html.contains("Red de ciudades</option>"), "{html}");
        let response = admin
            .post_form(
                &city_page,
                &format!("{city_page}/network"),
                &[("network_id", &network.id.to_string())],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(standing(city.id).await, (false, Some(network.id)));
        let html = admin.get_html(&format!("{network_page}?lang=en")).await;
        assert!(html.contains("Its members: Ciudad de León."), "{html}");

        // Refused beside the field, in the asker's language, changing nothing.
        for (page, fields, says) in [
            (&network_page, vec![], "still has members"),
            (
                &city_page,
                vec![("network_id", city.id.to_string())],
                "member of itself",
            ),
            (
                &city_page,
                vec![("network_id", "zzz".to_owned())],
                "no organisation with this id",
            ),
            (
                &network_page,
                vec![("is_network", "on".to_owned()), ("network_id", network.id.to_string())],
                "member of itself",
            ),
        ] {
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let response = admin.post_form(page, &format!("{page}/network?lang=en"), &fields).await;
            assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{says}");
            let html = response.text().await.expect("body");
            assert!(html.contains(says), "{says}: {html}");
        }
        assert_eq!(standing(network.id).await, (true, None));
        assert_eq!(standing(city.id).await, (false, Some(network.id)));

        // Only a platform administrator sets it.
        let organiser = app.signed_in(&[Role::Organiser]).await;
        let response = organiser
            .post_form(
                "/staff/sessions",
                &format!("{city_page}/network"),
                &[("network_id", "")],
            )
            .await;
        assert_ne!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(standing(city.id).await, (false, Some(network.id)));
    }
);
