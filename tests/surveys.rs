//! Satisfaction surveys (issue 6): invitations to participants once,
//! reminders to those who have not answered, one anonymous submission per
//! invitation, exact results, and the threshold of 3 for trainers.

use std::time::Duration;

use aula_domain::{Language, Role};
use aula_storage::entities::{outbox, survey, survey_answer, survey_invitation, survey_response};
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;

use crate::helpers::{Api, TestApp, db_test};

/// A session that ended an hour ago, with `present` people present at its
/// meeting and `absent` people absent; (session id, registration ids).
async fn held_session(app: &TestApp, api: &Api, present: usize, absent: usize) -> (String, Vec<String>) {
    let course = api.course("Diversidad en la administración", 3, "in_person").await;
    let now = chrono::Utc::now();
    let meetings = json!([{"starts_at": (now - chrono::Duration::hours(4)).to_rfc3339(),
                           "ends_at": (now - chrono::Duration::hours(1)).to_rfc3339()}]);
    let session = crate::helpers::session_in_leon(app, api, &course, 30, meetings).await;
    let session_id = session["id"].as_str().expect("id").to_owned();
    let meeting = session["meetings"][0]["id"].as_str().expect("meeting").to_owned();
    let mut ids = Vec::new();
    let mut marks = Vec::new();
    for n in 0..present + absent {
        let r = crate::helpers::seated(
            app,
            &session_id,
            &format!("P{n}"),
            &format!("p{n}@example.org"),
            Language::Es,
        )
        .await;
        marks.push(json!({"registration_id": r.id, "status": if n < present { "present" } else { "absent" }}));
        ids.push(r.id.to_string());
    }
    let (status, body) = api.put_marks(&meeting, &json!(marks)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    (session_id, ids)
}

/// A session held with `present` people present, marked completed: its id,
/// and the first `mails` messages received once the dispatcher is woken.
async fn completed_and_mailed(app: &TestApp, present: usize, mails: usize) -> (String, Vec<aula_mail::sink::Received>) {
    let api = app.api(&[Role::Organiser]).await;
    let (session_id, _) = held_session(app, &api, present, 0).await;
    api.close_and_complete(&session_id).await;
    app.wake.notify_one();
    (session_id, app.smtp.wait_for(mails, Duration::from_secs(10)).await)
}

/// The survey links queued for each recipient, newest last.
async fn links(app: &TestApp) -> Vec<(String, String, bool)> {
    outbox::Entity::find()
        .filter(outbox::Column::Kind.eq("survey_invitation"))
        .all(&app.db)
        .await
        .expect("outbox")
        .into_iter()
        .map(|m| {
            let data: serde_json::Value = serde_json::from_str(&m.data).expect("json");
            (
                m.recipient,
                data["path"].as_str().expect("path").to_owned(),
                data["reminder"].as_bool().unwrap_or(false),
            )
        })
        .collect()
}

fn token_of(path: &str) -> String {
    path.trim_start_matches("/s/")
        .split('?')
        .next()
        .expect("token")
        .to_owned()
}

async fn answer(app: &TestApp, token: &str, answers: serde_json::Value) -> (StatusCode, serde_json::Value) {
    app.anonymous_api()
        .post(&format!("/api/v1/surveys/{token}"), &json!({"answers": answers}))
        .await
}

fn full(overall: u8) -> serde_json::Value {
    json!({"overall": overall, "relevance": 4, "trainers": 5, "organisation": 3, "recommend": 0,
           "apply": "Revisaré los formularios de atención", "change": ""})
}

db_test!(
    participants_are_invited_once_and_reminded_if_silent,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        held_session(&app, &api, 2, 1).await;
        let queued = aula_app::jobs::tick(&app.app()).await.expect("tick");
        assert_eq!(queued, 2, "only the two present are invited");
        aula_app::jobs::tick(&app.app()).await.expect("tick");
        let sent = links(&app).await;
        assert_eq!(sent.len(), 2, "once: {sent:?}");
        assert!(!sent.iter().any(|(to, _, _)| to == "p2@example.org"));
        // One answers; the reminder goes to the other only, once.
        let (status, body) = answer(&app, &token_of(&sent[0].1), full(5)).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        let row = survey::Entity::find().one(&app.db).await.expect("q").expect("survey");
        let mut model: survey::ActiveModel = row.into();
        model.reminder_at = Set(chrono::Utc::now() - chrono::Duration::minutes(1));
        model.update(&app.db).await.expect("update");
        aula_app::jobs::tick(&app.app()).await.expect("tick");
        aula_app::jobs::tick(&app.app()).await.expect("tick");
        let reminders: Vec<_> = links(&app).await.into_iter().filter(|(_, _, r)| *r).collect();
        assert_eq!(reminders.len(), 1, "{reminders:?}");
        assert_eq!(reminders[0].0, sent[1].0);
        // The reminder's link is the same invitation.
        assert_eq!(token_of(&reminders[0].1), token_of(&sent[1].1));
    }
);

db_test!(
    one_submission_and_bad_answers_change_nothing,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        held_session(&app, &api, 1, 0).await;
        aula_app::jobs::tick(&app.app()).await.expect("tick");
        let token = token_of(&links(&app).await[0].1);
        let bad = [
            json!({"overall": 6, "relevance": 4, "trainers": 5, "organisation": 3, "recommend": 0}),
            json!({"overall": 0, "relevance": 4, "trainers": 5, "organisation": 3, "recommend": 0}),
            json!({"overall": 5, "relevance": 4, "trainers": 5, "organisation": 3, "recommend": 7}),
            json!({"overall": 5, "relevance": 4, "trainers": 5, "organisation": 3, "recommend": 0, "apply": "x".repeat(2001)}),
            json!({"overall": 5, "relevance": 4, "trainers": 5, "organisation": 3, "recommend": 0, "nonsense": 1}),
            json!({"relevance": 4, "trainers": 5, "organisation": 3, "recommend": 0}),
            // A list or an object is no answer: it was kept as its JSON text
            // (session 29's attack round).
            json!({"overall": 5, "relevance": 4, "trainers": 5, "organisation": 3, "recommend": 0, "apply": {"a": 1}}),
            json!({"overall": [5], "relevance": 4, "trainers": 5, "organisation": 3, "recommend": 0}),
        ];
        for body in bad {
            let (status, answer) = answer(&app, &token, body.clone()).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {answer}");
        }
        assert!(
            survey_response::Entity::find()
                .all(&app.db)
                .await
                .expect("rows")
                .is_empty()
        );
        let (status, _) = answer(&app, &token, full(4)).await;
        assert_eq!(status, StatusCode::CREATED);
        let waiting = aula_storage::entities::survey_ballot::Entity::find()
            .all(&app.db)
            .await
            .expect("rows");
        assert_eq!(waiting.len(), 1, "the answer waits for others (issue 21)");
        let (status, body) = answer(&app, &token, full(5)).await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");
        let (status, _) = answer(&app, "no-such-token", full(5)).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        // The page says thank you, not the answers.
        let html = app.browser().get_html(&format!("/s/{token}?lang=es")).await;
        assert!(html.contains("Gracias") && !html.contains("Revisaré"), "{html}");
        let survey = survey::Entity::find().one(&app.db).await.expect("q").expect("survey");
        aula_storage::surveys::publish(&app.db, survey.id, true)
            .await
            .expect("published");
        assert_eq!(
            survey_response::Entity::find().all(&app.db).await.expect("rows").len(),
            1
        );
    }
);

db_test!(answers_cannot_be_linked_to_a_person, |app: TestApp| async move {
    let api = app.api(&[Role::Organiser]).await;
    held_session(&app, &api, 2, 0).await;
    aula_app::jobs::tick(&app.app()).await.expect("tick");
    for (_, path, _) in links(&app).await {
        answer(&app, &token_of(&path), full(4)).await;
    }
    // The schema: nothing in a response or an answer points at someone, or at a moment.
    use sea_orm::{ConnectionTrait, Statement};
    let backend = app.db.get_database_backend();
    for table in ["survey_responses", "survey_answers", "survey_ballots"] {
        let sql = match backend {
            sea_orm::DbBackend::Postgres => format!(
                "SELECT column_name AS name FROM information_schema.columns WHERE table_name = '{table}' AND table_schema = current_schema()"
            ),
            _ => format!("SELECT name FROM pragma_table_info('{table}')"),
        };
        let rows = app
            .db
            .query_all_raw(Statement::from_string(backend, sql))
            .await
            .expect("columns");
        let columns: Vec<String> = rows
            .iter()
            .map(|r| r.try_get::<String>("", "name").expect("name"))
            .collect();
        assert!(!columns.is_empty());
        for column in &columns {
            for forbidden in [
                "registration",
                "person",
                "invitation",
                "email",
                "name",
                "user",
                "token",
                "_at",
            ] {
                assert!(
                    !column.contains(forbidden),
                    "{table}.{column} could link an answer to someone"
                );
            }
        }
    }
    // The rows: random ids (not time-ordered UUIDv7), the day only.
    for response in survey_response::Entity::find().all(&app.db).await.expect("rows") {
        assert_eq!(response.id.get_version_num(), 4);
        assert_eq!(response.submitted_on, chrono::Utc::now().date_naive());
    }
    for a in survey_answer::Entity::find().all(&app.db).await.expect("rows") {
        assert_eq!(a.id.get_version_num(), 4);
    }
    // The invitations know only that they were answered.
    let invitations = survey_invitation::Entity::find().all(&app.db).await.expect("rows");
    assert!(invitations.iter().all(|i| i.answered));
});

/// The transaction ids (PostgreSQL's `xmin`) of a table's rows, each with
/// how many rows it wrote.
async fn transactions(app: &TestApp, table: &str, filter: &str) -> std::collections::HashMap<String, usize> {
    use sea_orm::{ConnectionTrait, Statement};
    let sql = format!("SELECT xmin::text AS x FROM {table} {filter}");
    let rows = app
        .db
        .query_all_raw(Statement::from_string(sea_orm::DbBackend::Postgres, sql))
        .await
        .expect("xmin");
    let mut counts = std::collections::HashMap::new();
    for row in rows {
        *counts.entry(row.try_get::<String>("", "x").expect("x")).or_insert(0) += 1;
    }
    counts
}

db_test!(
    issue_21_no_transaction_pairs_an_answer_with_its_invitation,
    |app: TestApp| async move {
        use aula_domain::survey::MIN_GROUP;
        let api = app.api(&[Role::Organiser]).await;
        let (session_id, _) = held_session(&app, &api, 4, 0).await;
        aula_app::jobs::tick(&app.app()).await.expect("tick");
        let sent = links(&app).await;
        let published = || async { survey_response::Entity::find().all(&app.db).await.expect("rows").len() };
        // The transactions of the submissions, seen while their answers wait
        // (PostgreSQL): no published row may carry one.
        let postgres = app.db.get_database_backend() == sea_orm::DbBackend::Postgres;
        let mut submissions = std::collections::HashSet::new();
        let note_submissions = async |submissions: &mut std::collections::HashSet<String>| {
            if postgres {
                submissions.extend(transactions(&app, "survey_ballots", "").await.into_keys());
            }
        };
        // Two answers wait; the third publishes the three together.
        for (index, overall) in [5, 4].into_iter().enumerate() {
            let (status, _) = answer(&app, &token_of(&sent[index].1), full(overall)).await;
            assert_eq!(status, StatusCode::CREATED);
            note_submissions(&mut submissions).await;
        }
        aula_app::jobs::tick(&app.app()).await.expect("tick");
        assert_eq!(published().await, 0, "fewer than {MIN_GROUP} are never published");
        answer(&app, &token_of(&sent[2].1), full(3)).await;
        assert_eq!(published().await, 3);
        // The fourth waits, alone, until the survey closes: it is then
        // published with two published ones, never alone.
        answer(&app, &token_of(&sent[3].1), full(2)).await;
        note_submissions(&mut submissions).await;
        assert_eq!(published().await, 3);
        let row = survey::Entity::find().one(&app.db).await.expect("q").expect("survey");
        let mut model: survey::ActiveModel = row.into();
        model.closes_at = Set(chrono::Utc::now() - chrono::Duration::minutes(1));
        model.update(&app.db).await.expect("closed");
        aula_app::jobs::tick(&app.app()).await.expect("tick");
        assert_eq!(published().await, 4);
        assert!(
            aula_storage::entities::survey_ballot::Entity::find()
                .all(&app.db)
                .await
                .expect("rows")
                .is_empty()
        );
        let (_, results) = api.get(&format!("/api/v1/sessions/{session_id}/survey-results")).await;
        assert_eq!(results["questions"][0]["mean"].as_f64(), Some(3.5), "{results}");

        if postgres {
            assert_eq!(submissions.len(), 3, "{submissions:?}");
            // No published response or answer, and no invitation, carries
            // a submission's transaction...
            let responses = transactions(&app, "survey_responses", "").await;
            let answers = transactions(&app, "survey_answers", "").await;
            let invitations = transactions(&app, "survey_invitations", "WHERE answered").await;
            for seen in [&responses, &answers, &invitations] {
                assert!(
                    seen.keys().all(|x| !submissions.contains(x)),
                    "{seen:?} {submissions:?}"
                );
            }
            assert!(
                answers.keys().all(|x| responses.contains_key(x)),
                "{answers:?} {responses:?}"
            );
            // ...and the invitations all carry the last batch's, which
            // wrote at least three responses.
            assert_eq!(invitations.len(), 1, "{invitations:?}");
            let (batch, count) = invitations.iter().next().expect("one");
            assert_eq!(*count, 4);
            assert!(
                responses.get(batch).is_some_and(|n| *n as u64 >= MIN_GROUP),
                "{responses:?}"
            );
        }
    }
);

db_test!(
    results_are_exact_and_withheld_from_trainers_below_three,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (session_id, _) = held_session(&app, &api, 4, 0).await;
        let trainer_api = crate::helpers::trainer_of(&app, &api, &session_id, "formador@example.org").await;
        aula_app::jobs::tick(&app.app()).await.expect("tick");
        let sent = links(&app).await;
        let path = format!("/api/v1/sessions/{session_id}/survey-results?lang=en");
        // (overall answer, mean, distribution of 1..5, answers waiting):
        // answers wait until three can be published together (issue 21).
        let steps: [(u8, Option<f64>, [u64; 5], u64); 3] = [
            (5, None, [0, 0, 0, 0, 0], 1),
            (4, None, [0, 0, 0, 0, 0], 2),
            (4, Some(4.33), [0, 0, 0, 2, 1], 0),
        ];
        for (index, (overall, mean, distribution, waiting)) in steps.iter().enumerate() {
            let (status, _) = answer(&app, &token_of(&sent[index].1), full(*overall)).await;
            assert_eq!(status, StatusCode::CREATED);
            let (_, results) = api.get(&path).await;
            assert_eq!(results["waiting"], *waiting, "{results}");
            let question = &results["questions"][0];
            assert_eq!(question["key"], "overall");
            assert_eq!(question["mean"].as_f64(), *mean, "{results}");
            let counts: Vec<u64> = question["distribution"]
                .as_array()
                .expect("array")
                .iter()
                .map(|v| v["count"].as_u64().expect("n"))
                .collect();
            assert_eq!(counts, distribution.to_vec());
            let (_, seen) = trainer_api.get(&path).await;
            assert_eq!(seen["withheld"], index < 2, "answers {}: {seen}", index + 1);
        }
        let (_, results) = api.get(&path).await;
        assert_eq!(
            (results["invited"].as_u64(), results["answered"].as_u64()),
            (Some(4), Some(3))
        );
        assert_eq!(results["response_rate"].as_f64(), Some(75.0));
        let texts = crate::helpers::item_where(&results["questions"], "key", "apply")["texts"].clone();
        assert_eq!(texts.as_array().map(Vec::len), Some(3));
        // The course sums its sessions; another trainer sees nothing.
        let other = app.api(&[Role::Trainer]).await;
        assert_eq!(other.get(&path).await.0, StatusCode::FORBIDDEN);
    }
);

// Issue 20: the invitation, sent once the session is over, offered to
// cancel the registration.
db_test!(
    issue_20_the_survey_invitation_offers_no_cancellation,
    |app: TestApp| async move {
        let (_, received) = completed_and_mailed(&app, 1, 2).await;
        let invitation = received
            .iter()
            .find(|m| m.data.contains("/s/"))
            .expect("the invitation");
        let text = invitation.data.replace("=\r\n", "");
        assert!(!text.contains("/r/"), "no personal registration link: {text}");
        assert!(!text.to_lowercase().contains("cancel"), "{text}");
    }
);

db_test!(invitation_through_smtp_answered_in_spanish, |app: TestApp| async move {
    // Marking the session completed opens the survey at once.
    let (session_id, received) = completed_and_mailed(&app, 3, 3).await;
    let mail = received
        .iter()
        .find(|m| m.to.contains(&"p0@example.org".to_owned()))
        .expect("invitation");
    let text = mail.data.replace("=\r\n", "").replace("=3D", "=");
    let start = text.find(&format!("{}/s/", app.base)).expect("link");
    let link: String = text[start..]
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '"' && *c != '<')
        .collect();
    let path = link.replacen(&app.base, "", 1);
    assert!(path.contains("lang=es"), "{path}");
    let browser = app.browser();
    let form = browser.get_html(&path).await;
    assert!(
        form.contains("¿cuál es su grado de satisfacción con este curso?"),
        "{form}"
    );
    let action = path.split('?').next().expect("path").to_owned();
    let response = browser
        .post_form(
            &path,
            &action,
            &[
                ("a.overall", "5"),
                ("a.relevance", "4"),
                ("a.trainers", "5"),
                ("a.organisation", "4"),
                ("a.recommend", "0"),
                ("a.apply", "Usaré lenguaje inclusivo en los escritos"),
                ("a.change", ""),
            ],
        )
        .await;
    crate::helpers::answers(response, StatusCode::OK, "Gracias").await;
    let organiser = app.signed_in(&[Role::Organiser]).await;
    // One answer alone waits for others, or for the close (issue 21).
    let page = organiser
        .get_html(&format!("/staff/sessions/{session_id}/survey?lang=es"))
        .await;
    assert!(
        page.contains("Una respuesta aún no figura en los resultados") && !page.contains("Usaré lenguaje inclusivo"),
        "{page}"
    );
    crate::helpers::publish_answers(&app, &session_id).await;
    let page = organiser
        .get_html(&format!("/staff/sessions/{session_id}/survey?lang=es"))
        .await;
    assert!(
        page.contains("<svg") && page.contains("Usaré lenguaje inclusivo"),
        "{page}"
    );
});

// Issue 16's race round: on PostgreSQL each submission's publication read
// the same waiting answers and published them again, so 10 answers sent at
// once became 54 responses.
db_test!(
    issue_16_answers_sent_at_once_are_published_once,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        held_session(&app, &api, 10, 0).await;
        aula_app::jobs::tick(&app.app()).await.expect("tick");
        let tokens: Vec<String> = links(&app).await.iter().map(|(_, path, _)| token_of(path)).collect();
        assert_eq!(tokens.len(), 10);
        let app = std::sync::Arc::new(app);
        let tasks: Vec<_> = tokens
            .into_iter()
            .map(|token| {
                let app = app.clone();
                tokio::spawn(async move { answer(&app, &token, full(4)).await })
            })
            .collect();
        for task in tasks {
            let (status, body) = task.await.expect("task");
            assert_eq!(status, StatusCode::CREATED, "{body}");
        }
        // The last one or two may wait for company (fewer than 3 are never
        // published alone, until the survey closes); none is published twice.
        let published = survey_response::Entity::find().all(&app.db).await.expect("rows").len();
        let waiting = aula_storage::entities::survey_ballot::Entity::find()
            .all(&app.db)
            .await
            .expect("rows")
            .len();
        assert_eq!(
            (published + waiting, waiting < 3),
            (10, true),
            "{published} + {waiting}"
        );
        let survey = survey::Entity::find().one(&app.db).await.expect("q").expect("survey");
        aula_app::surveys::publish(&app.app(), survey.id, true)
            .await
            .expect("publish");
        let responses = survey_response::Entity::find().all(&app.db).await.expect("rows");
        assert_eq!(responses.len(), 10, "one response an answer");
    }
);

// Session 25's review: the invitations were written before the survey took
// the organiser's dates, so they said it closed in 30 days when it closed
// in 7, and those who answered in the third week found it closed.
db_test!(
    invitations_say_the_closing_date_the_organiser_chose,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (session_id, _) = held_session(&app, &api, 3, 0).await;
        let browser = app.signed_in(&[Role::Organiser]).await;
        let response = browser
            .post_form(
                &format!("/staff/sessions/{session_id}/survey"),
                &format!("/staff/sessions/{session_id}/survey/open"),
                &[
                    ("template_id", ""),
                    ("invitees", "participants"),
                    ("reminder_days", "3"),
                    ("open_days", "7"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let survey = survey::Entity::find().one(&app.db).await.expect("q").expect("survey");
        // A refused opening is the page again, in the reader's language, with
        // what was typed and each problem under its field (session 25: a bare
        // page named the fields by their codes).
        let response = browser
            .post_form(
                &format!("/staff/sessions/{session_id}/survey?lang=fr"),
                &format!("/staff/sessions/{session_id}/survey/open?lang=fr"),
                &[("invitees", "everyone"), ("reminder_days", "abc"), ("open_days", "-1")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = response.text().await.expect("html");
        assert!(html.contains("class=\"error-summary\""), "{html}");
        assert!(
            html.contains("id=\"error-open_days\"") && html.contains("id=\"error-reminder_days\""),
            "{html}"
        );
        assert!(
            html.contains("value=\"abc\"") && html.contains("value=\"-1\""),
            "what was typed: {html}"
        );
        assert!(!html.contains("open_days:"), "{html}");
        let response = browser
            .post_form(
                &format!("/staff/sessions/{session_id}/survey"),
                &format!("/staff/sessions/{session_id}/survey/open"),
                &[("reminder_days", "9"), ("open_days", "8")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let unchanged = survey::Entity::find().one(&app.db).await.expect("q").expect("survey");
        assert_eq!(unchanged.closes_at, survey.closes_at, "nothing changed");
        let week = survey.closes_at - survey.opens_at;
        assert_eq!(week, chrono::Duration::days(7));
        let invitations = crate::helpers::queued(&app, "survey_invitation", None).await;
        assert_eq!(invitations.len(), 3);
        for invitation in invitations {
            let said: chrono::DateTime<chrono::Utc> =
                serde_json::from_value(invitation["closes_at"].clone()).expect("closes_at");
            // To the second: PostgreSQL keeps microseconds, the message the clock's nanoseconds.
            assert_eq!(said.timestamp(), survey.closes_at.timestamp(), "{invitation}");
        }
    }
);
