//! Survey templates: organisers list, copy and edit them from the pages and
//! the API; a template in use is versioned, never changed under its answers.

use aula_domain::Role;
use aula_domain::survey::{Template, default_template, template_to_pairs};
use aula_storage::entities::survey_template;
use aula_storage::surveys;
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, Set};
use serde_json::json;
use uuid::Uuid;

use crate::helpers::{Browser, TestApp, db_test};

async fn default_id(app: &TestApp) -> Uuid {
    surveys::ensure_default(&app.db, app.org().await)
        .await
        .expect("default template")
        .id
}

async fn stored(app: &TestApp, id: Uuid) -> (survey_template::Model, Template) {
    let row = surveys::template(&app.db, id).await.expect("template");
    let template = surveys::parse(&row).expect("content");
    (row, template)
}

async fn mark_in_use(app: &TestApp, id: Uuid) {
    let (row, _) = stored(app, id).await;
    let mut model: survey_template::ActiveModel = row.into();
    model.in_use = Set(true);
    model.update(&app.db).await.expect("marked in use");
}

/// The fields the edit page posts for `template`: its questions, then three
/// blank rows.
fn form_of(template: &Template) -> Vec<(String, String)> {
    let mut pairs = template_to_pairs(template);
    let n = template.questions.len();
    for i in n..n + 3 {
        pairs.push((format!("q.{i}.key"), String::new()));
        pairs.push((format!("q.{i}.kind"), "scale".into()));
        for part in ["text", "low", "high", "choices"] {
            for lang in ["fr", "es", "en"] {
                pairs.push((format!("q.{i}.{part}.{lang}"), String::new()));
            }
        }
    }
    pairs
}

fn set(pairs: &mut Vec<(String, String)>, field: &str, value: &str) {
    pairs.retain(|(k, _)| k != field);
    pairs.push((field.to_owned(), value.to_owned()));
}

async fn post_edit(browser: &Browser, id: Uuid, pairs: &[(String, String)]) -> reqwest::Response {
    let path = format!("/staff/survey-templates/{id}");
    let fields: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    browser.submit(&path, &fields).await
}

fn location(response: &reqwest::Response) -> String {
    response.headers()["location"].to_str().expect("location").to_owned()
}

fn id_in(location: &str) -> Uuid {
    location
        .rsplit('/')
        .next()
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("an id in {location}"))
}

db_test!(
    the_default_template_is_listed_with_its_three_languages,
    |app: TestApp| async move {
        let id = default_id(&app).await;
        let browser = app.signed_in(&[Role::Organiser]).await;
        let list = browser.get_html("/staff/survey-templates").await;
        assert!(
            list.contains(&format!("href=\"/staff/survey-templates/{id}\"")),
            "{list}"
        );
        assert!(list.contains(&format!("action=\"/staff/survey-templates/{id}/copy\"")));
        assert!(
            list.contains("value=\"Copy of Aula\""),
            "a copy is offered under a name"
        );
        assert!(list.contains("<td>7</td>"), "seven questions");

        let page = browser.get_html(&format!("/staff/survey-templates/{id}")).await;
        for words in [
            "Très faible",
            "Muy bajo",
            "Not at all satisfied",
            "Quizá",
            "Peut-être",
            "Maybe",
        ] {
            assert!(page.contains(words), "{words} on the page");
        }
        for lang in ["fr", "es", "en"] {
            assert!(page.contains(&format!("lang=\"{lang}\"")), "inputs in {lang}");
        }
        assert!(page.contains("name=\"q.0.key\" value=\"overall\""));
        assert!(page.contains("<legend>Question 1</legend>"));
        assert!(
            page.contains("<legend>Question 10 (new)</legend>"),
            "three rows to add questions"
        );
        assert!(page.contains("Scales only"), "hints say which kind uses a field");
        assert!(!page.contains("id=\"in-use\""), "not in use yet");
    }
);

db_test!(copy_then_edit_through_the_form, |app: TestApp| async move {
    let id = default_id(&app).await;
    let browser = app.signed_in(&[Role::Organiser]).await;
    let (list, copy_action) = ("/staff/survey-templates", format!("/staff/survey-templates/{id}/copy"));
    let response = browser
        .post_form(list, &copy_action, &[("name", "Diversité 2026")])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let copy = id_in(&location(&response));
    assert_ne!(copy, id);
    let page = browser.get_html(&format!("/staff/survey-templates/{copy}")).await;
    assert!(page.contains("The copy is made"), "flash");
    assert!(page.contains("value=\"Diversité 2026\""));

    // An empty name gets "Copy of …".
    let response = browser.post_form(list, &copy_action, &[("name", " ")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, named) = stored(&app, id_in(&location(&response))).await;
    assert_eq!(named.name, "Copy of Aula");

    let (_, before) = stored(&app, copy).await;
    let mut form = form_of(&before);
    set(&mut form, "q.1.text.en", "How useful is this course in your job?");
    set(&mut form, "q.8.kind", "choice");
    set(&mut form, "q.8.text.fr", "Format préféré ?");
    set(&mut form, "q.8.text.es", "¿Formato preferido?");
    set(&mut form, "q.8.text.en", "Preferred format?");
    set(&mut form, "q.8.choices.fr", "En ligne\nEn salle");
    set(&mut form, "q.8.choices.es", "En línea\nPresencial");
    set(&mut form, "q.8.choices.en", "Online\nIn person");
    set(&mut form, "q.8.required", "on");
    let response = post_edit(&browser, copy, &form).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        location(&response),
        format!("/staff/survey-templates/{copy}"),
        "edited in place"
    );
    let page = browser.get_html(&location(&response)).await;
    assert!(page.contains("Saved."));
    assert!(page.contains("value=\"How useful is this course in your job?\""));

    let (row, after) = stored(&app, copy).await;
    assert_eq!(row.version, 1);
    assert_eq!(after.questions.len(), 8);
    assert_eq!(after.questions[1].text.en, "How useful is this course in your job?");
    assert_eq!(after.questions[1].key, "relevance", "keys stay");
    let added = &after.questions[7];
    assert_eq!((added.key.as_str(), added.required), ("q8", true));
    assert_eq!(added.choices[1].es, "Presencial");
    assert_eq!(
        stored(&app, id).await.1,
        default_template(),
        "the original is untouched"
    );
});

db_test!(
    editing_a_template_in_use_makes_a_new_version,
    |app: TestApp| async move {
        let id = default_id(&app).await;
        mark_in_use(&app, id).await;
        let browser = app.signed_in(&[Role::Organiser]).await;
        let page = browser.get_html(&format!("/staff/survey-templates/{id}")).await;
        assert!(
            page.contains("Saving makes version 2"),
            "the note says what saving does"
        );

        let mut form = form_of(&default_template());
        set(&mut form, "q.0.text.es", "En conjunto, ¿está satisfecho con el curso?");
        let response = post_edit(&browser, id, &form).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let new_id = id_in(&location(&response));
        assert_ne!(new_id, id, "another row");
        let page = browser.get_html(&location(&response)).await;
        assert!(page.contains("Saved as a new version"));

        let (old_row, old) = stored(&app, id).await;
        assert_eq!(old, default_template(), "version 1 keeps its questions");
        assert!(old_row.in_use);
        let (new_row, new) = stored(&app, new_id).await;
        assert_eq!((new_row.version, new_row.family_id), (2, old_row.family_id));
        assert!(!new_row.in_use && new_row.is_default);
        assert_eq!(new.questions[0].text.es, "En conjunto, ¿está satisfecho con el curso?");

        let list = browser.get_html("/staff/survey-templates").await;
        assert!(
            list.contains(&format!("/staff/survey-templates/{new_id}\"")),
            "the latest is listed"
        );
        assert!(
            !list.contains(&format!("/staff/survey-templates/{id}\"")),
            "not the old one"
        );
        let page = browser.get_html(&format!("/staff/survey-templates/{id}")).await;
        assert!(page.contains("A newer version of this template exists: version 2."));
    }
);

db_test!(bad_edits_are_refused_beside_the_fields, |app: TestApp| async move {
    let id = default_id(&app).await;
    let browser = app.signed_in(&[Role::Organiser]).await;
    let good = form_of(&default_template());

    // (change, field refused, words of its message)
    let mut no_overall = good.clone();
    no_overall.retain(|(k, _)| k != "overall");
    let mut one_option = good.clone();
    set(&mut one_option, "q.5.choices.fr", "Oui");
    set(&mut one_option, "q.5.choices.es", "Sí");
    set(&mut one_option, "q.5.choices.en", "Yes");
    set(&mut one_option, "q.5.choices.ar", "نعم");
    let mut no_spanish = good.clone();
    set(&mut no_spanish, "q.2.text.es", "  ");
    let cases = [
        (no_overall, "overall", "Mark exactly one question"),
        (one_option, "q.5.choices", "has 2 to 10 of them"),
        (no_spanish, "q.2.text.es", "Required."),
    ];
    for (form, field, words) in cases {
        let response = post_edit(&browser, id, &form).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        let html = response.text().await.expect("html");
        assert!(html.contains("class=\"error-summary\""), "{field}: summary");
        assert!(
            html.contains(&format!("href=\"#field-{field}\"")),
            "{field}: summary links to it"
        );
        let beside = format!("<p class=\"field-error\" id=\"error-{field}\">");
        let at = html
            .find(&beside)
            .unwrap_or_else(|| panic!("{field}: no message beside it"));
        let message = html[at..].split("</p>").next().unwrap_or_default();
        assert!(message.contains(words), "{field}: {message}");
        assert!(html.contains("value=\"Muy bajo\""), "{field}: values kept");
        assert_eq!(stored(&app, id).await.1, default_template(), "{field}: nothing changed");
    }

    // The missing Spanish text: its input says so to screen readers.
    let mut form = good.clone();
    set(&mut form, "q.2.text.es", "");
    let html = post_edit(&browser, id, &form).await.text().await.expect("html");
    assert!(html.contains(
        "name=\"q.2.text.es\" type=\"text\" lang=\"es\" value=\"\" aria-invalid=\"true\" aria-describedby=\"error-q.2.text.es\""
    ));
    // A name too long for the copy: the list again, the problem beside that copy's field.
    let long = "x".repeat(201);
    let response = browser
        .post_form(
            "/staff/survey-templates",
            &format!("/staff/survey-templates/{id}/copy"),
            &[("name", &long)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.expect("html");
    assert!(html.contains(&format!("id=\"error-copy-{id}\"")));
    assert!(html.contains(&format!("value=\"{long}\"")));
    assert_eq!(
        surveys::templates(&app.db, app.org().await).await.expect("list").len(),
        1,
        "no copy made"
    );
});

db_test!(api_round_trip, |app: TestApp| async move {
    let id = default_id(&app).await;
    let api = app.api(&[Role::Organiser]).await;
    let list = api.get_ok("/api/v1/survey-templates").await;
    assert_eq!(list[0]["id"], id.to_string());
    assert_eq!(list[0]["is_default"], true);
    assert_eq!(list[0]["in_use"], false);
    assert_eq!(list[0]["version"], 1);
    assert_eq!(list[0]["question_count"], 7);

    let copy = api
        .created(
            "/api/v1/survey-templates",
            &json!({"copy_of": id, "name": "Por la API"}),
        )
        .await;
    let copy_id = copy["id"].as_str().expect("id").to_owned();
    assert_eq!(
        (copy["name"].as_str(), copy["version"].as_i64()),
        (Some("Por la API"), Some(1))
    );
    let (status, body) = api
        .post("/api/v1/survey-templates", &json!({"copy_of": Uuid::now_v7()}))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["fields"]["copy_of"].is_array(), "{body}");

    // What GET gives can be sent back changed.
    let (status, mut got) = api.get(&format!("/api/v1/survey-templates/{copy_id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        got["questions"][0]["text"]["fr"],
        default_template().questions[0].text.fr
    );
    got["questions"][1]["text"]["en"] = json!("Is it useful in your work?");
    let saved = api.put_ok(&format!("/api/v1/survey-templates/{copy_id}"), &got).await;
    assert_eq!(saved["id"], copy_id.as_str(), "not in use: changed in place");

    // In use: the PUT makes version 2, version 1 stays.
    let copy_uuid: Uuid = copy_id.parse().expect("uuid");
    mark_in_use(&app, copy_uuid).await;
    got["questions"][1]["text"]["en"] = json!("Useful at work?");
    let saved = api.put_ok(&format!("/api/v1/survey-templates/{copy_id}"), &got).await;
    let new_id = saved["id"].as_str().expect("id");
    assert_ne!(new_id, copy_id);
    assert_eq!(
        (saved["version"].as_i64(), &saved["family_id"]),
        (Some(2), &got["family_id"])
    );
    let (_, new) = api.get(&format!("/api/v1/survey-templates/{new_id}")).await;
    assert_eq!(new["questions"][1]["text"]["en"], "Useful at work?");
    let (_, old) = api.get(&format!("/api/v1/survey-templates/{copy_id}")).await;
    assert_eq!(old["questions"][1]["text"]["en"], "Is it useful in your work?");
    let (_, list) = api.get("/api/v1/survey-templates").await;
    let ids = crate::helpers::texts(&list, "id");
    assert!(ids.contains(&new_id) && !ids.contains(&copy_id.as_str()), "{ids:?}");
    // Version 1 edited again would have made version 3 from its questions
    // and dropped version 2's change without a word (session 29's attack
    // round): the newest is the one to edit.
    got["questions"][1]["text"]["en"] = json!("Stale edit");
    let (status, body) = api
        .put(&format!("/api/v1/survey-templates/{copy_id}?lang=en"), &got)
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert!(
        body["message"]
            .as_str()
            .is_some_and(|m| m.contains("newer version (2)")),
        "{body}"
    );
    let (_, list) = api.get("/api/v1/survey-templates").await;
    assert!(
        crate::helpers::texts(&list, "id").contains(&new_id),
        "version 2 stays the newest"
    );

    // Refused: no overall question (named as the template's fields), an unknown field.
    let mut bad = new.clone();
    bad["questions"][0]["overall"] = json!(false);
    bad["questions"][2]["text"]["es"] = json!("");
    let (status, body) = api.put(&format!("/api/v1/survey-templates/{new_id}"), &bad).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body["fields"]["overall"].is_array(), "{body}");
    assert!(body["fields"]["questions.2.text.es"].is_array(), "{body}");
    let mut bad = new.clone();
    bad["colour"] = json!("blue");
    let (status, _) = api.put(&format!("/api/v1/survey-templates/{new_id}"), &bad).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    // A kind it does not have is a choice to make, named dotted like the
    // rules' fields (session 29's attack round: `questions[1].kind`, "not
    // the expected type").
    let mut bad = new.clone();
    bad["questions"][1]["kind"] = json!("essay");
    let (status, body) = api
        .put(&format!("/api/v1/survey-templates/{new_id}?lang=en"), &bad)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(
        crate::helpers::problem_for(&body, "questions.1.kind"),
        "Choose one of the options.",
        "{body}"
    );
    let (_, unchanged) = api.get(&format!("/api/v1/survey-templates/{new_id}")).await;
    assert_eq!(unchanged, new, "nothing changed");
    let (status, _) = api
        .raw_json(
            reqwest::Method::PUT,
            &format!("/api/v1/survey-templates/{}", Uuid::now_v7()),
            &new,
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
});

db_test!(only_organisers_manage_templates, |app: TestApp| async move {
    let id = default_id(&app).await;
    let trainer = app.api(&[Role::Trainer]).await;
    let anonymous = app.anonymous_api();
    let body = json!({"name": "x", "questions": []});
    for (api, expected) in [
        (&trainer, StatusCode::FORBIDDEN),
        (&anonymous, StatusCode::UNAUTHORIZED),
    ] {
        let (status, _) = api.get("/api/v1/survey-templates").await;
        assert_eq!(status, expected);
        let (status, _) = api.get(&format!("/api/v1/survey-templates/{id}")).await;
        assert_eq!(status, expected);
        let (status, _) = api.put(&format!("/api/v1/survey-templates/{id}"), &body).await;
        assert_eq!(status, expected);
        let (status, _) = api.post("/api/v1/survey-templates", &json!({"copy_of": id})).await;
        assert_eq!(status, expected);
    }
    let browser = app.signed_in(&[Role::Trainer]).await;
    assert_eq!(
        browser.get("/staff/survey-templates").await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        browser.get(&format!("/staff/survey-templates/{id}")).await.status(),
        StatusCode::FORBIDDEN
    );
    let token = browser.csrf("/account/tokens").await;
    let response = browser
        .post_raw(
            &format!("/staff/survey-templates/{id}/copy"),
            &[("csrf", token.as_str()), ("name", "Mine")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        surveys::templates(&app.db, app.org().await).await.expect("list").len(),
        1,
        "nothing copied"
    );
    assert_eq!(stored(&app, id).await.1, default_template());
});

// Found by attacking the forms (session 21): every index posted became a
// row of the re-shown form, 822 MB of HTML for 165,000 of them. Past twice
// the 30 questions a template may have, only written rows are shown.
db_test!(
    a_post_of_thousands_of_blank_rows_shows_a_form_of_bounded_size,
    |app: TestApp| async move {
        let id = default_id(&app).await;
        let browser = app.signed_in(&[Role::Organiser]).await;
        let copy_action = format!("/staff/survey-templates/{id}/copy");
        let response = browser
            .post_form("/staff/survey-templates", &copy_action, &[("name", "Copie")])
            .await;
        let copy = id_in(&location(&response));
        let (_, before) = stored(&app, copy).await;
        let mut form = form_of(&before);
        set(&mut form, "name", "");
        for i in 100..5_100 {
            form.push((format!("q.{i}.x"), String::new()));
        }
        let response = post_edit(&browser, copy, &form).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = response.text().await.expect("html");
        assert!(html.contains("name=\"q.0.text.en\""), "the written questions stay");
        assert!(!html.contains("name=\"q.5099."), "not a row per index");
        assert!(html.len() < 2_000_000, "{} bytes", html.len());
        assert_eq!(stored(&app, copy).await.1, before, "nothing saved");
    }
);
