//! Plural forms and units through the real pages (issue 23): numbers go into
//! the catalogue as numbers, so each language's CLDR plural categories pick
//! the words ("1 hour", "2,5 heures", "Se ha encontrado una sesión").

use aula_domain::Role;
use serde_json::json;

use crate::helpers::{Api, TestApp, db_test};

/// An open online session of one meeting of `minutes` with `capacity` seats.
async fn session(api: &Api, title: &str, minutes: u32, capacity: u32) -> String {
    let course = api
        .created(
            "/api/v1/courses",
            &json!({"title": title, "summary": "Formación práctica.", "hours": 5, "modality": "online",
                    "audiences": ["public_servant"], "language": "es"}),
        )
        .await;
    let end = chrono::NaiveTime::from_hms_opt(9, 0, 0).expect("nine") + chrono::Duration::minutes(i64::from(minutes));
    let created = api
        .created(
            "/api/v1/sessions",
            &json!({
                "course_id": course["id"], "capacity": capacity, "status": "open",
                "online_url": "https://meet.example.org/x",
                "meetings": [{"starts_at": "2030-04-02T09:00:00+02:00",
                              "ends_at": format!("2030-04-02T{}+02:00", end.format("%H:%M:%S"))}],
            }),
        )
        .await;
    created["id"].as_str().expect("id").to_owned()
}

/// What each language says for: no session found, five found, seats left
/// for 1, 2, 3, 11 and 100 seats, and durations of one and two and a half hours.
struct Expected {
    lang: &'static str,
    none_found: &'static str,
    five_found: &'static str,
    seats: [&'static str; 5],
    one_hour: &'static str,
    two_and_a_half_hours: &'static str,
}

const EXPECTED: &[Expected] = &[
    Expected {
        lang: "en",
        none_found: "No sessions found.",
        five_found: "5 sessions found.",
        seats: [
            "One seat left",
            "2 seats left",
            "3 seats left",
            "11 seats left",
            "100 seats left",
        ],
        one_hour: "1 hour",
        two_and_a_half_hours: "2.5 hours",
    },
    Expected {
        lang: "fr",
        none_found: "Aucune session trouvée.",
        five_found: "5 sessions trouvées.",
        seats: [
            "Il reste une place",
            "Il reste 2 places",
            "Il reste 3 places",
            "Il reste 11 places",
            "Il reste 100 places",
        ],
        one_hour: "1 heure",
        two_and_a_half_hours: "2,5 heures",
    },
    Expected {
        lang: "es",
        none_found: "No se ha encontrado ninguna sesión.",
        five_found: "Se han encontrado 5 sesiones.",
        seats: [
            "Queda una plaza",
            "Quedan 2 plazas",
            "Quedan 3 plazas",
            "Quedan 11 plazas",
            "Quedan 100 plazas",
        ],
        one_hour: "1 hora",
        two_and_a_half_hours: "2,5 horas",
    },
    // Arabic's six categories: zero (0), one (1), two (2), few (3 to 10),
    // many (11 to 99), other (100 and more); Western digits, decimal comma.
    Expected {
        lang: "ar",
        none_found: "لم يتم العثور على أي دورة.",
        five_found: "تم العثور على 5 دورات.",
        seats: [
            "بقي مقعد واحد",
            "بقي مقعدان",
            "بقيت 3 مقاعد",
            "بقي 11 مقعدًا",
            "بقي 100 مقعد",
        ],
        one_hour: "ساعة واحدة",
        two_and_a_half_hours: "2,5 ساعة",
    },
];

/// The page without the bidi isolation marks the Arabic catalogue puts
/// around arguments (U+2068 … U+2069), to compare its words.
async fn page(browser: &crate::helpers::Browser, path: &str) -> String {
    browser.get_html(path).await.replace(['\u{2068}', '\u{2069}'], "")
}

db_test!(
    issue_23_counts_and_units_are_plural_in_every_language,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let one_hour = session(&api, "Una hora", 60, 1).await;
        let longer = session(&api, "Dos horas y media", 150, 2).await;
        for (title, capacity) in [("Tres", 3), ("Once", 11), ("Cien", 100)] {
            session(&api, title, 60, capacity).await;
        }
        let browser = app.browser();
        for expected in EXPECTED {
            let lang = expected.lang;
            let html = page(&browser, &format!("/?lang={lang}")).await;
            assert!(html.contains(expected.five_found), "{lang}: {}", expected.five_found);
            for seats in expected.seats {
                assert!(html.contains(&format!(">{seats}<")), "{lang}: {seats}");
            }
            assert!(html.contains(expected.one_hour), "{lang}: {}", expected.one_hour);
            assert!(html.contains(expected.two_and_a_half_hours), "{lang}: 2.5 hours");
            let html = page(&browser, &format!("/?lang={lang}&q=zzzz")).await;
            assert!(html.contains(expected.none_found), "{lang}: {}", expected.none_found);
            // The session's own page says its duration with the unit.
            let html = page(&browser, &format!("/sessions/{one_hour}?lang={lang}")).await;
            assert!(
                html.contains(&format!("<dd>{}</dd>", expected.one_hour)),
                "{lang}: session page"
            );
            let html = page(&browser, &format!("/sessions/{longer}?lang={lang}")).await;
            assert!(
                html.contains(&format!("<dd>{}</dd>", expected.two_and_a_half_hours)),
                "{lang}: session page"
            );
        }
    }
);

/// The sign-in e-mail's body for a link that works `minutes`, in `language`,
/// through the dispatcher's rendering (text part, isolation marks removed).
fn sign_in_mail(language: aula_domain::Language, minutes: u32) -> String {
    use aula_mail::render::{SignInLink, data, render};
    let value = data(&SignInLink {
        path: "/me/sign-in/TOKEN".into(),
        minutes,
    });
    let rendered = render(
        aula_domain::MailKind::SignInLink,
        &value.to_string(),
        language,
        None,
        &crate::helpers::signer(),
        "https://aula.example.org",
        "aula.example.org",
    )
    .expect("renders");
    rendered.text.replace(['\u{2068}', '\u{2069}'], "")
}

#[test]
fn issue_23_mail_minutes_are_plural_in_every_language() {
    use aula_domain::Language;
    let cases: &[(Language, u32, &str)] = &[
        (Language::En, 1, "for one minute:"),
        (Language::En, 30, "for 30 minutes:"),
        (Language::Fr, 1, "pendant 1 minute :"),
        (Language::Fr, 30, "pendant 30 minutes :"),
        (Language::Es, 1, "durante un minuto:"),
        (Language::Es, 30, "durante 30 minutos:"),
        (Language::Ar, 0, "لمدة 0 دقيقة:"),
        (Language::Ar, 1, "لمدة دقيقة واحدة:"),
        (Language::Ar, 2, "لمدة دقيقتين:"),
        (Language::Ar, 3, "لمدة 3 دقائق:"),
        (Language::Ar, 30, "لمدة 30 دقيقة:"),
        (Language::Ar, 100, "لمدة 100 دقيقة:"),
        (Language::Ar, 1500, "لمدة 1.500 دقيقة:"),
    ];
    for (language, minutes, expected) in cases {
        let text = sign_in_mail(*language, *minutes);
        assert!(text.contains(expected), "{language} {minutes}: {text}");
    }
}
