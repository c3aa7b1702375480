//! Aula's credentials checked by verifiers that are not Aula's code (issue
//! 19): the Digital Credentials Consortium's `@digitalcredentials/verifier-core`
//! (what VerifierPlus and the Learner Credential Wallet run) on the Data
//! Integrity form, `jose` on the VC-JWT, both run by Node on
//! `tests/browser/credential-verifier.mjs` with a loader that serves Aula's
//! did.json and status lists and nothing else (the standard contexts are
//! the verifier's own). Without Node or the packages these tests are
//! ignored with the reason (`build.rs`); CI installs them and runs them.
//! Also: the status list leaks nothing but bits, what a credential links to
//! resolves, as a page for people and JSON-LD for machines, the
//! verification page tells its states apart, and a certificate counts the
//! hours its session planned.

use std::path::Path;
use std::process::Command;

use aula_domain::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::certificates::{completed_session, issue};
use crate::helpers::{Api, TestApp, db_test};

/// Runs the independent verifier on `document` (`data-integrity`: a
/// credential's JSON; `jwt`: a VC-JWT) against the app; its report.
fn verify_with_node(app: &TestApp, mode: &str, document: &str) -> Value {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("credential");
    std::fs::write(&file, document).expect("written");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/credential-verifier.mjs");
    let out = Command::new("node")
        .arg(script)
        .arg(mode)
        .arg(&app.base)
        .arg(&file)
        .output()
        .expect("node runs (build.rs found it)");
    let stdout = String::from_utf8_lossy(&out.stdout);
    serde_json::from_str(stdout.lines().last().unwrap_or_default()).unwrap_or_else(|_| {
        panic!(
            "the verifier answered: {stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// A certificate of a completed, accredited session: its id and credential.
async fn certificate(app: &TestApp, api: &Api, tag: &str) -> (String, Value) {
    let (session, _) = completed_session(app, api, true, false, &[3], tag).await;
    let certificate = issue(api, &session).await["certificates"][0].clone();
    let id = certificate["id"].as_str().expect("id").to_owned();
    let credential = api.get_ok(&format!("/api/v1/certificates/{id}/credential")).await;
    (id, credential)
}

/// The Done-when test of issue 19, on one database.
async fn independent_verifiers(app: TestApp) {
    let api = app.api(&[Role::Organiser]).await;
    let (id, credential) = certificate(&app, &api, "v").await;
    let signed = credential["credential"].to_string();

    // verifier-core: valid signature, not expired, not revoked.
    let report = verify_with_node(&app, "data-integrity", &signed);
    assert_eq!(report["ok"], true, "{report:#}");
    assert_eq!(report["steps"]["valid_signature"], true, "{report:#}");
    assert_eq!(report["steps"]["expiration"], true, "{report:#}");
    assert_eq!(report["steps"]["revocation_status"], true, "{report:#}");
    // Signed by the organisation that runs the session, under its own
    // did:web (issue 17), whose document and status list Aula serves.
    let fetched = report["fetched"].to_string();
    let slug = app.organisation_slug().await;
    let org = format!("/o/{slug}/");
    assert!(fetched.contains(&format!("{org}did.json")), "{report:#}");
    assert!(fetched.contains(&format!("{org}credentials/status/")), "{report:#}");
    assert!(
        credential["credential"]["issuer"]["id"]
            .as_str()
            .is_some_and(|did| did.ends_with(&format!(":o:{slug}"))),
        "{credential:#}"
    );
    // Nothing else was asked for but the OB JSON schema, which the
    // verifier's optional schema check looks for (and is refused).
    for refused in report["refused"].as_array().expect("refused") {
        assert!(
            refused.as_str().is_some_and(|u| u.contains("/spec/ob/v3p0/schema/")),
            "only Aula's documents and the standard contexts: {report:#}"
        );
    }

    // jose: the VC-JWT from nothing but did.json.
    let jwt = credential["jwt"].as_str().expect("jwt");
    let report = verify_with_node(&app, "jwt", jwt);
    assert_eq!(report["ok"], true, "{report:#}");

    // One byte changed: both refuse.
    let at = signed.find("\"P0").expect("the holder's name") + 2;
    let mut tampered = signed.clone().into_bytes();
    tampered[at] = b'Q';
    let tampered = String::from_utf8(tampered).expect("utf-8");
    let report = verify_with_node(&app, "data-integrity", &tampered);
    assert_eq!(report["ok"], false, "{report:#}");
    assert_eq!(report["errors"][0]["name"], "invalid_signature", "{report:#}");
    let (head, signature) = jwt.rsplit_once('.').expect("three parts");
    let mut payload = head.to_owned().into_bytes();
    let last = payload.len() - 1;
    payload[last] = if payload[last] == b'A' { b'B' } else { b'A' };
    let tampered_jwt = format!("{}.{signature}", String::from_utf8(payload).expect("ascii"));
    let report = verify_with_node(&app, "jwt", &tampered_jwt);
    assert_eq!(report["ok"], false, "{report:#}");

    // Revoked: the bit flips at once, and verifier-core says so.
    api.post_ok(
        &format!("/api/v1/certificates/{id}/revoke"),
        &json!({"reason": "Asistencia mal registrada"}),
    )
    .await;
    let report = verify_with_node(&app, "data-integrity", &signed);
    assert_eq!(report["steps"]["valid_signature"], true, "{report:#}");
    assert_eq!(report["steps"]["revocation_status"], false, "{report:#}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(aula_verifier),
    ignore = "needs Node and tests/browser's npm packages (@digitalcredentials/verifier-core, jose): \
              `npm ci` in tests/browser, then `touch build.rs`"
)]
async fn issue_19_independent_verifiers_accept_then_see_revoked_and_tampered_sqlite() {
    independent_verifiers(TestApp::sqlite().await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(all(aula_verifier, aula_postgres)),
    ignore = "needs AULA_TEST_POSTGRES_URL, Node and tests/browser's npm packages \
              (@digitalcredentials/verifier-core, jose): `npm ci` in tests/browser, then `touch build.rs`"
)]
async fn issue_19_independent_verifiers_accept_then_see_revoked_and_tampered_postgres() {
    let app = TestApp::postgres()
        .await
        .expect("AULA_TEST_POSTGRES_URL was set when the tests were built");
    independent_verifiers(app).await;
}

db_test!(
    issue_19_the_status_list_holds_bits_and_nothing_else,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (id, credential) = certificate(&app, &api, "s").await;
        let entry = &credential["credential"]["credentialStatus"];
        assert_eq!(entry["statusPurpose"], "revocation");
        let list_url = entry["statusListCredential"].as_str().expect("list");
        let bit: usize = entry["statusListIndex"]
            .as_str()
            .expect("index")
            .parse()
            .expect("number");
        let path = list_url.strip_prefix(&app.base).expect("served by Aula");
        let read = |list: Value| {
            let encoded = list["credentialSubject"]["encodedList"]
                .as_str()
                .expect("bits")
                .to_owned();
            aula_documents_bits(&encoded)
        };
        let before = app.anonymous_api().get(path).await;
        assert_eq!(before.0, StatusCode::OK);
        let list = before.1;
        // Its fields: the list, its issuer and its proof; no date, count or reason.
        let mut keys: Vec<&str> = list.as_object().expect("object").keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["@context", "credentialSubject", "id", "issuer", "proof", "type"]);
        assert!(list["proof"].get("created").is_none());
        let bits = read(list.clone());
        assert_eq!(bits.len(), 16 * 1024, "16 KiB, whatever the number of certificates");
        assert!(bits.iter().all(|b| *b == 0));
        api.post(
            &format!("/api/v1/certificates/{id}/revoke"),
            &json!({"reason": "Duplicado"}),
        )
        .await;
        let (_, after) = app.anonymous_api().get(path).await;
        let bits = read(after.clone());
        assert_eq!(bits.iter().map(|b| b.count_ones()).sum::<u32>(), 1);
        assert_ne!(bits[bit / 8] & (0x80 >> (bit % 8)), 0, "the certificate's bit");
        assert!(!after.to_string().contains("Duplicado"));
        // The instance's list of the same number, which credentials issued
        // before organisations name (issue 17), holds the bit too; another
        // organisation's list does not.
        let instance = path
            .split_once("/credentials/")
            .map(|(_, rest)| format!("/credentials/{rest}"))
            .expect("list");
        let (_, list) = app.anonymous_api().get(&instance).await;
        assert_ne!(read(list)[bit / 8] & (0x80 >> (bit % 8)), 0, "the instance's list too");
        let other = crate::helpers::new_organisation(&app.db, "sfax", "Ville de Sfax").await;
        let list = app
            .anonymous_api()
            .get_ok(&format!("/o/{}{instance}", other.slug))
            .await;
        assert!(read(list).iter().all(|b| *b == 0), "nothing of another organisation");
        // Anyone may read it; a list that cannot exist is not found.
        let (status, _) = app.anonymous_api().get("/credentials/status/99999").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
);

/// The bytes of an `encodedList` ("u" + base64url of GZIP).
fn aula_documents_bits(encoded: &str) -> Vec<u8> {
    use base64::Engine;
    use std::io::Read;
    let compressed = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(encoded.strip_prefix('u').expect("multibase u"))
        .expect("base64url");
    let mut bits = Vec::new();
    flate2::read::GzDecoder::new(&compressed[..])
        .read_to_end(&mut bits)
        .expect("gzip");
    bits
}

db_test!(
    issue_19_achievement_and_issuer_resolve_for_people_and_machines,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, credential) = certificate(&app, &api, "r").await;
        let vc = &credential["credential"];
        let achievement = &vc["credentialSubject"]["achievement"];
        // Numbers for people: hours with two decimals at most, the criteria in words.
        let narrative = achievement["criteria"]["narrative"].as_str().expect("criteria");
        assert!(narrative.contains("15 h"), "{narrative}");
        // (A repeating decimal, not "666" anywhere: a salted hash's hex may hold it.)
        assert!(!vc.to_string().contains(".666"), "{vc}");
        for (url, name) in [
            (achievement["id"].as_str().expect("id"), achievement["name"].clone()),
            (vc["issuer"]["url"].as_str().expect("url"), vc["issuer"]["name"].clone()),
        ] {
            let path = url.strip_prefix(&app.base).expect("served by Aula");
            // Machines: JSON-LD, the same as in the credential.
            let response = reqwest::Client::new()
                .get(app.url(path))
                .header("accept", "application/ld+json")
                .send()
                .await
                .expect("answer");
            assert_eq!(response.status(), StatusCode::OK, "{url}");
            assert_eq!(
                response.headers()["content-type"].to_str().expect("type"),
                "application/ld+json"
            );
            let document: Value = response.json().await.expect("json");
            assert_eq!(document["name"], name, "{document}");
            assert_eq!(document["@context"][1], vc["@context"][1]);
            // People: a page that says it.
            let page = app.browser().get_html(&format!("{path}?lang=en")).await;
            assert!(page.contains(name.as_str().expect("name")), "{page}");
        }
        let slug = app.organisation_slug().await;
        for path in [
            format!("/achievements/{}", uuid::Uuid::now_v7()),
            format!("/o/{slug}/achievements/{}", uuid::Uuid::now_v7()),
            "/o/nowhere/did.json".to_owned(),
            "/o/nowhere/issuer".to_owned(),
            "/o/nowhere/credentials/status/0".to_owned(),
        ] {
            let (status, _) = app.anonymous_api().get(&path).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
            // A verifier asking for JSON-LD is answered in JSON, not with a
            // page (session 27's attack round).
            for accept in ["application/ld+json", "application/vc+ld+json, application/json;q=0.9"] {
                let response = reqwest::Client::new()
                    .get(app.url(&path))
                    .header("accept", accept)
                    .send()
                    .await
                    .expect("answer");
                assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
                let body: Value = response.json().await.expect("a JSON error");
                assert_eq!(body["error"], "not_found", "{path}: {body}");
            }
        }
    }
);

db_test!(
    issue_19_the_verification_page_tells_each_state_apart,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (session, _) = completed_session(&app, &api, true, false, &[3, 3], "p").await;
        let issued = issue(&api, &session).await;
        let code = |n: usize| {
            issued["certificates"][n]["verification_code"]
                .as_str()
                .expect("code")
                .to_owned()
        };
        let revoked_id = issued["certificates"][1]["id"].as_str().expect("id").to_owned();
        api.post(
            &format!("/api/v1/certificates/{revoked_id}/revoke"),
            &json!({"reason": "Error"}),
        )
        .await;
        let browser = app.browser();
        let valid = browser.get_html(&format!("/verify/{}?lang=en", code(0))).await;
        let revoked = browser.get_html(&format!("/verify/{}?lang=en", code(1))).await;
        let response = browser.get("/verify/0000-0000-0000?lang=en").await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        let unknown = response.text().await.expect("page");
        // Colour (the class), icon (hidden from screen readers: the words
        // say it) and words differ; each is announced by its role.
        for (page, class, title, role) in [
            (&valid, "verdict-valid", "Valid certificate", "status"),
            (&revoked, "verdict-revoked", "Revoked certificate", "alert"),
            (&unknown, "verdict-unknown", "Unknown certificate", "alert"),
        ] {
            assert!(
                page.contains(&format!("class=\"notice verdict {class}\" role=\"{role}\"")),
                "{page}"
            );
            assert!(
                page.contains(&format!("<h2 id=\"verdict-title\">{title}</h2>")),
                "{page}"
            );
            assert!(
                page.contains("<svg class=\"verdict-icon\" aria-hidden=\"true\""),
                "{page}"
            );
            for other in [
                "verdict-valid",
                "verdict-revoked",
                "verdict-unknown",
                "verdict-withdrawn",
            ] {
                assert_eq!(page.contains(other), other == class, "{class} page shows {other}");
            }
        }
        // What the certificate states, with the note that the PDF must match.
        for page in [&valid, &revoked] {
            assert!(page.contains("15 h attended of the session&#39;s 15 h"), "{page}");
            assert!(
                page.contains("León") && page.contains("P0 Ruiz") || page.contains("P1 Ruiz"),
                "{page}"
            );
            assert!(page.contains("The PDF certificate must say the same"), "{page}");
        }
        assert!(revoked.contains("What the certificate stated"), "{revoked}");
        // The other languages say it too.
        for (lang, words) in [
            ("fr", "Attestation révoquée"),
            ("es", "Certificado revocado"),
            ("ar", "شهادة ملغاة"),
        ] {
            let page = browser.get_html(&format!("/verify/{}?lang={lang}", code(1))).await;
            assert!(page.contains(words), "{lang}: {page}");
        }
    }
);

db_test!(
    issue_19_the_certificate_counts_the_hours_the_session_planned,
    |app: TestApp| async move {
        // A course of 9 nominal hours whose only session lasts 3 hours.
        let api = app.api(&[Role::Organiser]).await;
        let course = api
            .created(
                "/api/v1/courses",
                &json!({"title": "Tres horas", "summary": "Sesión corta.", "hours": 9,
                    "modality": "online", "audiences": ["public_servant"], "language": "es"}),
            )
            .await;
        let session = api
            .created(
                "/api/v1/sessions",
                &json!({"course_id": course["id"], "capacity": 10, "status": "open",
                    "online_url": "https://meet.example.org/tres",
                    "meetings": [{"starts_at": "2026-03-12T09:00:00+01:00", "ends_at": "2026-03-12T12:00:00+01:00"}]}),
            )
            .await;
        let session_id = session["id"].as_str().expect("id").to_owned();
        let meeting = crate::helpers::meeting_ids(&session).remove(0);
        let registration = crate::helpers::seated(
            &app,
            &session_id,
            "Corta",
            "corta@example.org",
            aula_domain::Language::En,
        )
        .await;
        let (status, body) = api
            .put_marks(
                &meeting,
                &json!([{"registration_id": registration.id, "status": "present"}]),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        api.close_and_complete(&session_id).await;
        let certificate = issue(&api, &session_id).await["certificates"][0].clone();
        let code = certificate["verification_code"].as_str().expect("code");
        let (_, verified) = app.anonymous_api().get(&format!("/api/v1/verify/{code}")).await;
        assert_eq!(verified["hours"], 3.0);
        assert_eq!(verified["hours_planned"], 3.0, "the session's 3 h, not the course's 9");
        let page = app.browser().get_html(&format!("/verify/{code}?lang=en")).await;
        assert!(page.contains("3 h attended of the session&#39;s 3 h"), "{page}");
        assert!(!page.contains("of 9"), "{page}");
        // The credential says so too: the result's maximum and the criteria.
        let id = certificate["id"].as_str().expect("id");
        let (_, credential) = api.get(&format!("/api/v1/certificates/{id}/credential")).await;
        let achievement = &credential["credential"]["credentialSubject"]["achievement"];
        assert_eq!(achievement["resultDescription"][0]["valueMax"], "3");
        let criteria = achievement["criteria"]["narrative"].as_str().expect("criteria");
        assert!(criteria.contains("(3 h planned)"), "{criteria}");
        // And the PDF, where poppler is installed (CI installs it).
        let response = api.get_response(&format!("/api/v1/certificates/{id}/pdf")).await;
        let bytes = response.bytes().await.expect("bytes");
        if let Some(text) = crate::helpers::pdf_text(&bytes) {
            assert!(text.contains("3 h attended of the session's 3 h"), "{text}");
        }
    }
);
