//! Arabic as a fourth language (issue 23): chosen like the others, right to
//! left on pages, e-mails, exports and API errors.

use aula_domain::Role;
use reqwest::StatusCode;

use crate::helpers::{TestApp, db_test};

db_test!(
    issue_23_arabic_is_chosen_like_the_other_languages,
    |app: TestApp| async move {
        // ?lang=ar, then remembered by the cookie.
        let browser = app.browser();
        let ar = browser.get_html("/?lang=ar").await;
        assert!(ar.contains("<html lang=\"ar\" dir=\"rtl\">"), "{ar}");
        assert!(ar.contains("دليل التكوين"));
        let again = browser.get_html("/").await;
        assert!(again.contains("<html lang=\"ar\" dir=\"rtl\">"));
        // The switcher offers Arabic, named in Arabic, from every language.
        let en = app.browser().get_html("/?lang=en").await;
        assert!(en.contains("<html lang=\"en\" dir=\"ltr\">"));
        assert!(en.contains("lang=\"ar\" hreflang=\"ar\">العربية</a>"), "{en}");
        // Accept-Language: a Tunisian browser.
        let response = app
            .browser()
            .get_with("/", &[("accept-language", "ar-TN,ar;q=0.9,fr;q=0.8")])
            .await;
        assert!(response.text().await.expect("html").contains("<html lang=\"ar\""));
        // API errors in Arabic.
        let response = app
            .browser()
            .get_with("/api/v1/programmes", &[("accept-language", "ar")])
            .await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        let body: serde_json::Value = response.json().await.expect("json");
        assert_eq!(body["message"], "يُرجى تسجيل الدخول للمواصلة.");
        // A form error, in Arabic, with its plural: a 201-character programme title.
        let api = app.api(&[Role::Organiser]).await;
        let (status, body) = api
            .raw_json(
                reqwest::Method::POST,
                "/api/v1/programmes?lang=ar",
                &serde_json::json!({"title": "x".repeat(201)}),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let text = body.to_string().replace(['\u{2068}', '\u{2069}'], "");
        assert!(text.contains("200 حرف على الأكثر."), "{text}");
        // A meeting's day and time on a page, with the Arabic comma, as the
        // e-mails have it (session 25: pages had a Latin one).
        let (_, session_id) = crate::helpers::course_and_session(&app, &api).await;
        let organiser = app.signed_in(&[Role::Organiser]).await;
        let page = organiser
            .get_html(&format!("/staff/sessions/{session_id}/attendance?lang=ar"))
            .await;
        let page = page.replace(['\u{2068}', '\u{2069}'], "");
        assert!(page.contains("، 09:00–14:00"), "{page}");
        assert!(!page.contains(", 09:00"), "{page}");
    }
);
