//! The test harness: a `TestApp` on its own database, cookie-keeping clients,
//! and shortcuts to create staff and tokens.

use std::net::SocketAddr;

use aula_domain::details::UserDetails;
use aula_domain::{Email, Language, Password, PasswordHash, Role, Text};
use aula_storage::{Actor, Database, tokens, users};
use reqwest::{Client, Response, StatusCode, redirect};
use sea_orm::ConnectionTrait;

/// Runs a test body once per database: `sqlite` always, `postgres` when
/// `AULA_TEST_POSTGRES_URL` is set at build time (`build.rs`); otherwise the
/// `postgres` half is reported as ignored, never as passed.
macro_rules! db_test {
    ($name:ident, $body:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let app = crate::helpers::TestApp::sqlite().await;
                ($body)(app).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            #[cfg_attr(not(aula_postgres), ignore = "AULA_TEST_POSTGRES_URL is not set")]
            async fn postgres() {
                let app = crate::helpers::TestApp::postgres()
                    .await
                    .expect("AULA_TEST_POSTGRES_URL was set when the tests were built");
                ($body)(app).await;
            }
        }
    };
}
pub(crate) use db_test;

pub const PASSWORD: &str = "correct horse battery";

pub struct TestApp {
    pub base: String,
    pub db: Database,
    /// The SQLite file's URL, for the command-line tests.
    pub database_url: String,
    /// The SMTP server Aula's mail goes to, on loopback.
    pub smtp: aula_mail::sink::SmtpSink,
    pub mail: aula_mail::MailConfig,
    pub wake: std::sync::Arc<tokio::sync::Notify>,
    _dir: Option<tempfile::TempDir>,
    schema: Option<(String, String)>,
    server: tokio::task::JoinHandle<()>,
    dispatcher: tokio::task::JoinHandle<()>,
}

impl TestApp {
    /// The use cases over this app's database, mail and dispatcher.
    pub fn app(&self) -> aula_app::App {
        aula_app::App::new(
            self.db.clone(),
            std::sync::Arc::new(self.mail.clone()),
            self.wake.clone(),
        )
    }

    pub async fn sqlite() -> TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("aula.db").display());
        let db = aula_storage::connect(&url, None).await.expect("sqlite opens");
        Self::start(db, url, Some(dir), None, false).await
    }

    /// An app with the public endpoints' rate limits on (they are off in
    /// other tests, whose requests all come from one address).
    pub async fn sqlite_with_limits() -> TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("aula.db").display());
        let db = aula_storage::connect(&url, None).await.expect("sqlite opens");
        Self::start(db, url, Some(dir), None, true).await
    }

    pub async fn postgres() -> Option<TestApp> {
        Self::postgres_with(false).await
    }

    /// [`TestApp::sqlite_with_limits`] on PostgreSQL, when it is configured.
    pub async fn postgres_with_limits() -> Option<TestApp> {
        Self::postgres_with(true).await
    }

    async fn postgres_with(limits: bool) -> Option<TestApp> {
        let url = std::env::var("AULA_TEST_POSTGRES_URL").ok().filter(|u| !u.is_empty())?;
        let schema = format!("t_{}", uuid::Uuid::new_v4().simple());
        let admin = aula_storage::connect(&url, None).await.expect("postgres opens");
        admin
            .execute_unprepared(&format!("CREATE SCHEMA \"{schema}\""))
            .await
            .expect("schema created");
        drop(admin);
        let db = aula_storage::connect(&url, Some(&schema))
            .await
            .expect("postgres opens in schema");
        Some(Self::start(db, url.clone(), None, Some((url, schema)), limits).await)
    }

    /// An app on `db`, opened by the caller (the fault tests open it with a
    /// fault switch); `dir` is kept as long as the app.
    pub async fn start(
        db: Database,
        database_url: String,
        dir: Option<tempfile::TempDir>,
        schema: Option<(String, String)>,
        limits: bool,
    ) -> TestApp {
        aula_storage::db::migrate(&db).await.expect("migrations apply");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("port");
        let address: SocketAddr = listener.local_addr().expect("address");
        let base = format!("http://{address}");
        let smtp = aula_mail::sink::SmtpSink::start().await.expect("smtp sink");
        let from = "Formación Aula <formacion@aula.example.org>".parse().expect("from");
        let link_key = aula_storage::keys::link_key(&db).await.expect("link key");
        let mail = aula_mail::MailConfig::new(from, &base, link_key);
        let wake = std::sync::Arc::new(tokio::sync::Notify::new());
        let dispatcher =
            tokio::spawn(dispatcher(&db, &mail, &smtp, wake.clone()).run(tokio::sync::watch::channel(false).1));
        let state = aula_web::AppState::new(
            db.clone(),
            aula_web::Config {
                rate_limits: limits,
                ..aula_web::Config::new(base.clone())
            },
            mail.clone(),
            wake.clone(),
        );
        let server = tokio::spawn(async move {
            let _ = aula_web::serve(listener, state, std::future::pending()).await;
        });
        TestApp {
            base,
            db,
            database_url,
            smtp,
            mail,
            wake,
            _dir: dir,
            schema,
            server,
            dispatcher,
        }
    }

    /// Stops the app's own mail dispatcher, for a test that runs its own.
    pub fn stop_dispatcher(&self) {
        self.dispatcher.abort();
    }

    /// What a restart sees: the app's pool closed (a connection still inside
    /// a transaction loses it, as a killed process would) and a new one
    /// opened on the same database.
    pub async fn reopen_database(&self) -> Database {
        self.db.clone().close().await.expect("pool closes");
        let schema = self.schema.as_ref().map(|(_, schema)| schema.as_str());
        aula_storage::connect(&self.database_url, schema)
            .await
            .expect("database reopens")
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// A browser: keeps cookies, does not follow redirects (tests look at them).
    pub fn browser(&self) -> Browser {
        let client = Client::builder()
            .cookie_store(true)
            .redirect(redirect::Policy::none())
            .build()
            .expect("client");
        Browser {
            client,
            base: self.base.clone(),
        }
    }

    /// A browser whose connections come from another loopback address
    /// (`127.0.0.n`): the server sees a different client, as rate limits do,
    /// without any header a client could forge in production.
    pub fn browser_from(&self, n: u8) -> Browser {
        let client = Client::builder()
            .cookie_store(true)
            .redirect(redirect::Policy::none())
            .local_address(std::net::IpAddr::from([127, 0, 0, n]))
            .build()
            .expect("client");
        Browser {
            client,
            base: self.base.clone(),
        }
    }

    /// A staff user with `roles`, signed in with the password [`PASSWORD`].
    pub async fn user(&self, email: &str, roles: &[Role]) -> users::UserRecord {
        self.user_with_body(email, roles, None).await
    }

    pub async fn user_with_body(&self, email: &str, roles: &[Role], body: Option<uuid::Uuid>) -> users::UserRecord {
        let org = self.org().await;
        self.user_in(org, email, roles, body).await
    }

    /// The organisation the migrations made, which the tests work in
    /// unless they make others (issue 17).
    pub async fn org(&self) -> aula_domain::OrganisationId {
        aula_storage::organisations::id(
            &aula_storage::organisations::first(&self.db)
                .await
                .expect("organisation"),
        )
    }

    /// The slug of [`Self::org`]: its pages and its issuer are under `/o/{slug}/`.
    pub async fn organisation_slug(&self) -> String {
        aula_storage::organisations::first(&self.db)
            .await
            .expect("organisation")
            .slug
    }

    /// A staff user whose organisation's roles are in `org`.
    pub async fn user_in(
        &self,
        org: aula_domain::OrganisationId,
        email: &str,
        roles: &[Role],
        body: Option<uuid::Uuid>,
    ) -> users::UserRecord {
        let details = UserDetails::new(UserDetails {
            email: Email::parse(email).expect("email"),
            name: Text::parse(&format!("User {email}")).expect("name"),
            roles: roles.to_vec(),
            accreditation_body_id: body,
            language: Language::En,
            password: Some(PasswordHash::new(&Password::parse(PASSWORD).expect("password"))),
        })
        .expect("user details");
        users::create(&self.db, &Actor::system("test"), org, &details)
            .await
            .expect("user created")
    }

    /// A bearer token for a new user with `roles`.
    pub async fn token(&self, roles: &[Role]) -> String {
        let body = if roles.contains(&Role::Accreditor) {
            Some(self.body().await)
        } else {
            None
        };
        let email = format!("{}@staff.example.org", uuid::Uuid::new_v4().simple());
        let user = self.user_with_body(&email, roles, body).await;
        tokens::create(&self.db, &Actor::system("test"), self.org().await, user.user.id, "test")
            .await
            .expect("token")
            .1
    }

    /// An accrediting body, made once per app.
    pub async fn body(&self) -> uuid::Uuid {
        use aula_domain::details::AccreditationBodyDetails;
        let existing = aula_storage::bodies::list(&self.db).await.expect("bodies");
        if let Some(b) = existing.first() {
            return b.id;
        }
        let details = AccreditationBodyDetails {
            name: Text::parse("Universidad de León").expect("name"),
            code: aula_domain::BodyCode::parse("ULE").expect("code"),
            website: None,
            identifier_label: None,
        };
        aula_storage::bodies::create(&self.db, &Actor::system("test"), &details)
            .await
            .expect("body")
            .id
    }

    /// A browser signed in as a new user with `roles`.
    pub async fn signed_in(&self, roles: &[Role]) -> Browser {
        let email = format!("{}@staff.example.org", uuid::Uuid::new_v4().simple());
        let body = if roles.contains(&Role::Accreditor) {
            Some(self.body().await)
        } else {
            None
        };
        self.user_with_body(&email, roles, body).await;
        let browser = self.browser();
        let response = browser.sign_in(&email, PASSWORD).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "sign-in redirects");
        browser
    }

    /// An API client with a bearer token.
    pub async fn api(&self, roles: &[Role]) -> Api {
        self.api_with(Some(self.token(roles).await))
    }

    /// An API client sending this bearer token (`None`: anonymous).
    pub fn api_with(&self, token: Option<String>) -> Api {
        Api {
            client: Client::new(),
            base: self.base.clone(),
            token,
        }
    }

    /// An API client with a token of an existing user.
    pub async fn api_for(&self, email: &str) -> Api {
        let user = users::find_by_email(&self.db, &Email::parse(email).expect("email"))
            .await
            .expect("query")
            .expect("user");
        let token = tokens::create(&self.db, &Actor::system("test"), self.org().await, user.user.id, "test")
            .await
            .expect("token")
            .1;
        self.api_with(Some(token))
    }

    pub fn anonymous_api(&self) -> Api {
        self.api_with(None)
    }

    /// A region, for venues.
    pub async fn region(&self, code: &str) -> uuid::Uuid {
        let regions = aula_storage::regions::list(&self.db).await.expect("regions");
        if let Some(r) = regions.iter().find(|r| r.code == code) {
            return r.id;
        }
        aula_storage::regions::create(&self.db, &Actor::system("test"), code, &format!("Region {code}"))
            .await
            .expect("region")
            .id
    }
}

/// A dispatcher sending to `smtp`, quick to notice new mail.
pub fn dispatcher(
    db: &Database,
    mail: &aula_mail::MailConfig,
    smtp: &aula_mail::sink::SmtpSink,
    wake: std::sync::Arc<tokio::sync::Notify>,
) -> aula_mail::Dispatcher {
    let transport = aula_mail::Transport::smtp(
        &format!("{}?tls=none", smtp.url()),
        None,
        std::time::Duration::from_secs(5),
    )
    .expect("smtp transport");
    let settings = aula_mail::Settings {
        sender: aula_mail::message::Sender {
            from: mail.from.clone(),
        },
        base_url: mail.base_url.clone(),
        domain: mail.domain.clone(),
        batch: 25,
        concurrency: 4,
        lease: chrono::Duration::minutes(5),
        idle: std::time::Duration::from_millis(50),
    };
    aula_mail::Dispatcher::new(db.clone(), std::sync::Arc::new(transport), settings, wake)
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.server.abort();
        self.dispatcher.abort();
        // Each PostgreSQL test had its own schema: remove it, on a thread of
        // its own since Drop cannot await.
        if let Some((url, schema)) = self.schema.take() {
            let _ = std::thread::spawn(move || {
                let Ok(runtime) = tokio::runtime::Builder::new_current_thread().enable_all().build() else {
                    return;
                };
                runtime.block_on(async {
                    if let Ok(db) = aula_storage::connect(&url, None).await {
                        let _ = db
                            .execute_unprepared(&format!("DROP SCHEMA \"{schema}\" CASCADE"))
                            .await;
                    }
                });
            })
            .join();
        }
    }
}

/// A cookie-keeping client, as a person's browser.
pub struct Browser {
    pub client: Client,
    pub base: String,
}

impl Browser {
    pub async fn get(&self, path: &str) -> Response {
        self.get_with(path, &[]).await
    }

    /// GETs `path` with these request headers.
    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Response {
        let mut request = self.client.get(format!("{}{}", self.base, path));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        request.send().await.expect("GET")
    }

    /// GETs `path` and gives its body whatever the status: a calendar, a
    /// CSV or a page read as it comes ([`Self::get_html`] wants a 200).
    pub async fn get_text(&self, path: &str) -> String {
        self.get(path).await.text().await.expect("body")
    }

    pub async fn get_html(&self, path: &str) -> String {
        let response = self.get(path).await;
        assert_eq!(response.status(), StatusCode::OK, "GET {path}");
        response.text().await.expect("body")
    }

    /// The anti-forgery token of the page at `path`.
    pub async fn csrf(&self, path: &str) -> String {
        let html = self.get_text(path).await;
        csrf_in(&html).unwrap_or_else(|| panic!("no csrf token on {path}"))
    }

    /// Posts the form of the page at `page` to that page, with its token.
    pub async fn submit(&self, page: &str, fields: &[(&str, &str)]) -> Response {
        self.post_form(page, page, fields).await
    }

    /// Posts a form as the page at `form_page` would, with its token.
    pub async fn post_form(&self, form_page: &str, action: &str, fields: &[(&str, &str)]) -> Response {
        let token = self.csrf(form_page).await;
        let mut all: Vec<(&str, &str)> = vec![("csrf", token.as_str())];
        all.extend_from_slice(fields);
        self.post_raw(action, &all).await
    }

    /// Posts exactly these fields (no token added).
    pub async fn post_raw(&self, action: &str, fields: &[(&str, &str)]) -> Response {
        self.post_body(action, "application/x-www-form-urlencoded", serde_html_encode(fields))
            .await
    }

    /// Posts `body` as `content_type`, exactly as given (no token added):
    /// the forms' encodings, or a body no form sends.
    pub async fn post_body(&self, action: &str, content_type: &str, body: impl Into<reqwest::Body>) -> Response {
        self.client
            .post(format!("{}{action}", self.base))
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .expect("POST")
    }

    /// Follows a confirmation link as a person does: opens the page, then
    /// presses its one button (opening alone changes nothing, issue 15).
    pub async fn confirm(&self, link: &str) -> Response {
        self.submit(link, &[]).await
    }

    pub async fn confirm_html(&self, link: &str) -> String {
        let response = self.confirm(link).await;
        assert_eq!(response.status(), StatusCode::OK, "confirm {link}");
        response.text().await.expect("body")
    }

    pub async fn sign_in(&self, email: &str, password: &str) -> Response {
        self.submit("/sign-in", &[("email", email), ("password", password)])
            .await
    }
}

fn serde_html_encode(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

const BOUNDARY: &str = "----aula-test-boundary-7MA4YWxkTrZu0gW";

impl Browser {
    /// Posts a CSV file to an upload form (`multipart/form-data`, with the
    /// form's token), as a browser would.
    pub async fn upload(&self, action: &str, csrf: &str, file_name: &str, file: &[u8]) -> Response {
        let mut body = format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n\
             --{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\n\
             Content-Type: text/csv\r\n\r\n"
        )
        .into_bytes();
        body.extend_from_slice(file);
        body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
        self.post_body(action, &format!("multipart/form-data; boundary={BOUNDARY}"), body)
            .await
    }
}

/// Every Message-ID the SMTP server received, with how many times.
pub fn by_message_id(app: &TestApp) -> std::collections::HashMap<String, usize> {
    let mut seen = std::collections::HashMap::new();
    for message in app.smtp.received() {
        *seen
            .entry(message.header("Message-ID").unwrap_or_default())
            .or_insert(0) += 1;
    }
    seen
}

/// The column mapping an import report's form sends back (its hidden
/// `map.*` fields), as form pairs.
pub fn hidden_mapping(html: &str) -> Vec<(String, String)> {
    fields_named(html, "type=\"hidden\" name=\"", "map.")
}

/// The form fields whose name starts with `prefix` (written right after
/// `before`, as in `before` + `name="`), with their values, as form pairs.
pub fn fields_named(html: &str, before: &str, prefix: &str) -> Vec<(String, String)> {
    let marker = format!("{before}{prefix}");
    html.match_indices(&marker)
        .map(|(at, _)| {
            let rest = &html[at + marker.len()..];
            let name = &rest[..rest.find('"').expect("name ends")];
            let value_at = rest.find("value=\"").expect("value") + 7;
            let value = &rest[value_at..value_at + rest[value_at..].find('"').expect("value ends")];
            (format!("{prefix}{name}"), value.to_owned())
        })
        .collect()
}

/// What the public registration form sends for a trainee.
pub fn registrant(given: &str, email: &str) -> serde_json::Value {
    serde_json::json!({
        "given_name": given,
        "family_name": "García",
        "email": email,
        "employer": "Ayuntamiento de León",
        "audience": "public_servant",
        "language": "es",
        "consent": true,
    })
}

pub fn csrf_in(html: &str) -> Option<String> {
    let marker = "name=\"csrf\" value=\"";
    let start = html.find(marker)? + marker.len();
    let end = html[start..].find('"')?;
    Some(html[start..start + end].to_owned())
}

/// A JSON API client.
/// The answer of a request that must be accepted (200).
fn ok((status, answer): (StatusCode, serde_json::Value)) -> serde_json::Value {
    assert_eq!(status, StatusCode::OK, "{answer}");
    answer
}

pub struct Api {
    pub client: Client,
    pub base: String,
    pub token: Option<String>,
}

impl Api {
    fn with_auth(&self, request: reqwest::RequestBuilder) -> reqwest::RequestBuilder {
        match &self.token {
            Some(token) => request.bearer_auth(token),
            None => request,
        }
    }

    pub async fn get(&self, path: &str) -> (StatusCode, serde_json::Value) {
        split(self.get_response(path).await).await
    }

    /// GETs `path` and gives the response as it came (a PDF, a ZIP).
    pub async fn get_response(&self, path: &str) -> Response {
        self.with_auth(self.client.get(format!("{}{}", self.base, path)))
            .send()
            .await
            .expect("GET")
    }

    pub async fn post(&self, path: &str, body: &serde_json::Value) -> (StatusCode, serde_json::Value) {
        self.raw_json(reqwest::Method::POST, path, body).await
    }

    /// POSTs a new record and asserts it is created (201): the record.
    pub async fn created(&self, path: &str, body: &serde_json::Value) -> serde_json::Value {
        let (status, record) = self.post(path, body).await;
        assert_eq!(status, StatusCode::CREATED, "{record}");
        record
    }

    /// GETs `path` and asserts it answers 200: the answer.
    pub async fn get_ok(&self, path: &str) -> serde_json::Value {
        ok(self.get(path).await)
    }

    /// POSTs `body` to `path` and asserts it is accepted (200): the answer.
    pub async fn post_ok(&self, path: &str, body: &serde_json::Value) -> serde_json::Value {
        ok(self.post(path, body).await)
    }

    /// PATCHes `path` with `body` and asserts it is accepted (200): the answer.
    pub async fn patch_ok(&self, path: &str, body: &serde_json::Value) -> serde_json::Value {
        ok(self.patch(path, body).await)
    }

    /// PUTs `body` at `path` and asserts it is accepted (200): the answer.
    pub async fn put_ok(&self, path: &str, body: &serde_json::Value) -> serde_json::Value {
        ok(self.put(path, body).await)
    }

    pub async fn put(&self, path: &str, body: &serde_json::Value) -> (StatusCode, serde_json::Value) {
        self.raw_json(reqwest::Method::PUT, path, body).await
    }

    /// PUTs a meeting's attendance marks.
    pub async fn put_marks(&self, meeting: &str, marks: &serde_json::Value) -> (StatusCode, serde_json::Value) {
        self.put(&format!("/api/v1/meetings/{meeting}/attendance"), marks).await
    }

    /// Closes the session, then marks it completed (the completions are
    /// fixed), asserting each step is accepted.
    pub async fn close_and_complete(&self, session_id: &str) {
        for step in ["closed", "completed"] {
            ok(self
                .patch_session(session_id, &serde_json::json!({"status": step}))
                .await);
        }
    }

    /// DELETEs `path` with no body, as the API's removals are called.
    pub async fn delete(&self, path: &str) -> (StatusCode, serde_json::Value) {
        self.raw(reqwest::Method::DELETE, path, "application/json", Vec::new())
            .await
    }

    pub async fn patch(&self, path: &str, body: &serde_json::Value) -> (StatusCode, serde_json::Value) {
        self.raw_json(reqwest::Method::PATCH, path, body).await
    }

    /// PATCHes a session: `body` holds the fields that change.
    pub async fn patch_session(&self, session_id: &str, body: &serde_json::Value) -> (StatusCode, serde_json::Value) {
        self.patch(&format!("/api/v1/sessions/{session_id}"), body).await
    }

    /// POSTs a file as `text/csv` (a meeting's participant report).
    pub async fn post_csv(&self, path: &str, csv: impl Into<Vec<u8>>) -> (StatusCode, serde_json::Value) {
        self.raw(reqwest::Method::POST, path, "text/csv", csv.into()).await
    }

    /// A course in Spanish for public servants, created through the API.
    pub async fn course(&self, title: &str, hours: u32, modality: &str) -> serde_json::Value {
        self.created(
            "/api/v1/courses",
            &serde_json::json!({"title": title, "summary": "S", "hours": hours, "modality": modality,
                "audiences": ["public_servant"], "language": "es"}),
        )
        .await
    }

    pub async fn raw_json(
        &self,
        method: reqwest::Method,
        path: &str,
        body: &serde_json::Value,
    ) -> (StatusCode, serde_json::Value) {
        self.raw(method, path, "application/json", body.to_string().into_bytes())
            .await
    }

    pub async fn raw(
        &self,
        method: reqwest::Method,
        path: &str,
        content_type: &str,
        body: Vec<u8>,
    ) -> (StatusCode, serde_json::Value) {
        let response = self
            .with_auth(self.client.request(method, format!("{}{}", self.base, path)))
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .expect("request");
        split(response).await
    }
}

async fn split(response: Response) -> (StatusCode, serde_json::Value) {
    let status = response.status();
    let text = response.text().await.expect("body");
    let json = serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text));
    (status, json)
}

/// A trainer with this e-mail, given the session (through the API), and
/// their API client.
pub async fn trainer_of(app: &TestApp, api: &Api, session_id: &str, email: &str) -> Api {
    let trainer = app.user(email, &[Role::Trainer]).await;
    ok(api
        .patch_session(session_id, &serde_json::json!({"trainer_ids": [trainer.user.id]}))
        .await);
    app.api_for(email).await
}

/// A course accredited by the test body (one credit), created through the
/// API from `course`'s other fields.
pub async fn accredited_course(app: &TestApp, api: &Api, mut course: serde_json::Value) -> serde_json::Value {
    course["accreditation_body_id"] = serde_json::json!(app.body().await);
    course["credits"] = serde_json::json!("1");
    api.created("/api/v1/courses", &course).await
}

/// The ids of a session's meetings (as the API shows a session), in order.
pub fn meeting_ids(session: &serde_json::Value) -> Vec<String> {
    texts(&session["meetings"], "id")
        .into_iter()
        .map(str::to_owned)
        .collect()
}

/// The text field `field` of each item of the JSON array `list`, in order.
pub fn texts<'a>(list: &'a serde_json::Value, field: &str) -> Vec<&'a str> {
    list.as_array()
        .unwrap_or_else(|| panic!("an array: {list}"))
        .iter()
        .map(|item| item[field].as_str().unwrap_or_else(|| panic!("{field} in {item}")))
        .collect()
}

/// Checks that `response` answered `status` with a body that says `text`,
/// and gives the body back: a page's or an API's answer read as its reader
/// would.
pub async fn answers(response: Response, status: StatusCode, text: &str) -> String {
    assert_eq!(response.status(), status, "answering with {text:?}");
    let body = response.text().await.expect("a body");
    assert!(body.contains(text), "{text:?} missing: {body}");
    body
}

/// The first message a refusal (`{"fields": {field: [message, …]}}`) gives
/// for `field`, empty when it names none: what a test reads the problem by.
pub fn problem_for<'a>(refusal: &'a serde_json::Value, field: &str) -> &'a str {
    refusal["fields"][field][0].as_str().unwrap_or_default()
}

/// The item of the JSON array `list` whose text field `field` is `value`:
/// a row looked up by its key, with a panic naming what was missing.
pub fn item_where<'a>(list: &'a serde_json::Value, field: &str, value: &str) -> &'a serde_json::Value {
    list.as_array()
        .unwrap_or_else(|| panic!("an array: {list}"))
        .iter()
        .find(|item| item[field] == value)
        .unwrap_or_else(|| panic!("no {field} {value} in {list}"))
}

/// A course and an open session with three meetings, through the API.
pub async fn course_and_session(app: &TestApp, api: &Api) -> (String, String) {
    let course = api
        .created(
            "/api/v1/courses",
            &serde_json::json!({
                "title": "Igualdad de trato en la atención al público",
                "summary": "Casos prácticos de la Ley 15/2022.",
                "hours": 15,
                "modality": "in_person",
                "audiences": ["public_servant", "union_delegate"],
                "language": "es",
            }),
        )
        .await;
    let course_id = course["id"].as_str().expect("id").to_owned();
    let region = app.region("ES-AN").await;
    let session = api
        .created(
            "/api/v1/sessions",
            &serde_json::json!({
                "course_id": course_id,
                "time_zone": "Europe/Madrid",
                "venue": {"name": "Sede regional", "address": "Calle Mayor 1", "city": "Sevilla", "region_id": region},
                "capacity": 20,
                "meetings": [
                    {"starts_at": "2030-03-12T09:00:00+01:00", "ends_at": "2030-03-12T14:00:00+01:00"},
                    {"starts_at": "2030-03-13T09:00:00+01:00", "ends_at": "2030-03-13T14:00:00+01:00"},
                    {"starts_at": "2030-03-14T09:00:00+01:00", "ends_at": "2030-03-14T14:00:00+01:00"},
                ],
                "status": "open",
            }),
        )
        .await;
    (course_id, session["id"].as_str().expect("id").to_owned())
}

/// The session's meetings as a PATCH takes them back: their times only, for
/// a test to change them (move one, give it a place).
pub async fn meetings_of(api: &Api, session_id: &str) -> Vec<serde_json::Value> {
    let (_, session) = api.get(&format!("/api/v1/sessions/{session_id}")).await;
    session["meetings"]
        .as_array()
        .expect("meetings")
        .iter()
        .map(|m| serde_json::json!({"starts_at": m["starts_at"], "ends_at": m["ends_at"]}))
        .collect()
}

/// An open session of `course` at the test venue in León (region ES-CL),
/// with these meetings (`[{"starts_at": …, "ends_at": …}]`), through the API.
pub async fn session_in_leon(
    app: &TestApp,
    api: &Api,
    course: &serde_json::Value,
    capacity: u32,
    meetings: serde_json::Value,
) -> serde_json::Value {
    let region = app.region("ES-CL").await;
    api.created(
        "/api/v1/sessions",
        &serde_json::json!({"course_id": course["id"], "capacity": capacity, "status": "open",
            "venue": {"name": "Sede", "city": "León", "region_id": region}, "meetings": meetings}),
    )
    .await
}

/// `days` meetings from 9:00 to 14:00 (Madrid time), one a day from 12 March
/// 2026: the dates of a session that must have been held already.
pub fn mornings_from_12_march_2026(days: u32) -> serde_json::Value {
    (12..12 + days)
        .map(|day| {
            serde_json::json!({"starts_at": format!("2026-03-{day}T09:00:00+01:00"),
                "ends_at": format!("2026-03-{day}T14:00:00+01:00")})
        })
        .collect()
}

/// The register (`register.csv`) inside the asker's certificates export, as text.
pub async fn certificate_register(api: &Api) -> String {
    use std::io::Read;
    let response = api.get_response("/api/v1/certificates/export").await;
    assert_eq!(response.status(), StatusCode::OK);
    let bytes = response.bytes().await.expect("zip");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).expect("zip");
    let mut register = String::new();
    archive
        .by_name("register.csv")
        .expect("register")
        .read_to_string(&mut register)
        .expect("text");
    register
}

/// An open online session of `course` at the meeting address `url`, with
/// these meetings, through the API.
pub async fn online_session(
    api: &Api,
    course: &serde_json::Value,
    capacity: u32,
    url: &str,
    meetings: serde_json::Value,
) -> serde_json::Value {
    api.created(
        "/api/v1/sessions",
        &serde_json::json!({"course_id": course["id"], "capacity": capacity, "status": "open",
            "online_url": url, "meetings": meetings}),
    )
    .await
}

/// The message in `received` to `to` whose subject contains `subject`.
pub fn mail_to<'a>(
    received: &'a [aula_mail::sink::Received],
    to: &str,
    subject: &str,
) -> Option<&'a aula_mail::sink::Received> {
    received
        .iter()
        .find(|m| m.to.iter().any(|t| t == to) && m.header("subject").is_some_and(|s| s.contains(subject)))
}

/// The decoded body of a MIME part with this file name, from a raw message.
pub fn attachment(raw: &str, filename: &str) -> Option<String> {
    let at = raw.find(&format!("filename=\"{filename}\""))?;
    // The part's headers run from the boundary before the name to the blank line after it.
    let part_start = raw[..at].rfind("\r\n--").unwrap_or(0);
    let body_start = at + raw[at..].find("\r\n\r\n")? + 4;
    let headers = raw[part_start..body_start].to_ascii_lowercase();
    let body = &raw[body_start..];
    let encoded = &body[..body.find("\r\n--").unwrap_or(body.len())];
    if headers.contains("content-transfer-encoding: base64") {
        use base64::Engine;
        let compact: String = encoded.split_whitespace().collect();
        let bytes = base64::engine::general_purpose::STANDARD.decode(compact).ok()?;
        String::from_utf8(bytes).ok()
    } else if headers.contains("quoted-printable") {
        Some(quoted_printable(encoded))
    } else {
        Some(encoded.to_owned())
    }
}

fn quoted_printable(text: &str) -> String {
    let mut bytes = Vec::new();
    let mut chars = text.replace("=\r\n", "").into_bytes().into_iter().peekable();
    while let Some(b) = chars.next() {
        if b == b'=' {
            let hi = chars.next().unwrap_or(b'0');
            let lo = chars.next().unwrap_or(b'0');
            let hex = [hi, lo];
            bytes.push(u8::from_str_radix(std::str::from_utf8(&hex).unwrap_or("00"), 16).unwrap_or(b'?'));
        } else {
            bytes.push(b);
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// A poppler tool (`pdftotext`, `pdftoppm`) to read a PDF back. Without it
/// the check is skipped and says so; under CI (`CI` set) it must be there.
pub fn poppler(tool: &str) -> Option<std::process::Command> {
    if std::process::Command::new(tool).arg("-v").output().is_ok() {
        return Some(std::process::Command::new(tool));
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{tool} is missing: CI reads the PDFs back (apt-get install poppler-utils)"
    );
    eprintln!("skipped: {tool} is not installed, the PDF is not read back");
    None
}

/// A PDF's text as `pdftotext` reads it back, `None` where poppler is
/// missing (see [`poppler`]): what a reader of the printed file sees.
pub fn pdf_text(pdf: &[u8]) -> Option<String> {
    let mut pdftotext = poppler("pdftotext")?;
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("file.pdf");
    std::fs::write(&path, pdf).expect("write");
    let out = pdftotext.arg(&path).arg("-").output().expect("pdftotext");
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// A trainee (see [`person`]) seated in the session (its id as the API
/// gives it) at once, as an organiser enters them without e-mail confirmation.
pub async fn seated(
    app: &TestApp,
    session_id: &str,
    given_name: &str,
    email: &str,
    language: Language,
) -> aula_storage::entities::registration::Model {
    let person = person(app, given_name, email, language).await;
    place(app, session_id, person.id).await
}

/// `count` trainees seated in the session (see [`seated`]), speaking
/// Spanish: `{given}{n}` at `{given, lower-cased}{n}{tag}@example.org`.
/// Their registrations' ids, in order.
pub async fn seated_people(app: &TestApp, session_id: &str, count: usize, given: &str, tag: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for n in 0..count {
        let email = format!("{}{n}{tag}@example.org", given.to_lowercase());
        let registration = seated(app, session_id, &format!("{given}{n}"), &email, Language::Es).await;
        ids.push(registration.id.to_string());
    }
    ids
}

/// A known person seated in the session at once, as an organiser enters them.
pub async fn place(
    app: &TestApp,
    session_id: &str,
    person_id: uuid::Uuid,
) -> aula_storage::entities::registration::Model {
    aula_storage::registrations::add_placed(
        &app.db,
        &app.mail.link_key,
        session_id.parse().expect("uuid"),
        person_id,
        aula_storage::registrations::Source::Organiser,
    )
    .await
    .expect("placed")
}

/// A trainee, found by e-mail or created, speaking `language`.
pub async fn person(
    app: &TestApp,
    given_name: &str,
    email: &str,
    language: Language,
) -> aula_storage::entities::person::Model {
    person_in(app, app.org().await, given_name, email, language).await
}

/// [`person`], at organisation `org`.
pub async fn person_in(
    app: &TestApp,
    org: aula_domain::OrganisationId,
    given_name: &str,
    email: &str,
    language: Language,
) -> aula_storage::entities::person::Model {
    aula_storage::people::upsert(
        &app.db,
        &aula_storage::Actor::system("test"),
        org,
        &aula_domain::RegistrantDetails {
            given_name: aula_domain::PersonName::parse(given_name).expect("name"),
            family_name: aula_domain::PersonName::parse("Ruiz").expect("name"),
            email: Some(Email::parse(email).expect("email")),
            phone: None,
            employer: Some(aula_domain::Text::parse("Ayuntamiento de Sevilla").expect("employer")),
            job_title: None,
            audience: aula_domain::Audience::PUBLIC_SERVANT,
            region_id: None,
            language,
            identifier: None,
        },
        None,
    )
    .await
    .expect("person")
}

/// Moves a session and its meetings 1461 days back (four years with a leap
/// day: 2030-03-12 becomes 2026-03-12, at the same local time), once what
/// had to happen before it (registering, cancelling) has happened: marks
/// are refused for meetings not started (issue 24).
pub async fn move_to_past(app: &TestApp, session_id: &str) {
    shift_back(app, session_id, chrono::Duration::days(1461)).await;
}

/// Moves the session's meetings (and its first and last instants) back by `back`.
pub async fn shift_back(app: &TestApp, session_id: &str, back: chrono::Duration) {
    use aula_storage::entities::{meeting, session};
    use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
    let id: uuid::Uuid = session_id.parse().expect("uuid");
    for m in meeting::Entity::find()
        .filter(meeting::Column::SessionId.eq(id))
        .all(&app.db)
        .await
        .expect("meetings")
    {
        let (starts, ends) = (m.starts_at - back, m.ends_at - back);
        let mut row: meeting::ActiveModel = m.into();
        row.starts_at = Set(starts);
        row.ends_at = Set(ends);
        row.update(&app.db).await.expect("meeting moved");
    }
    let s = session::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .expect("q")
        .expect("session");
    let (starts, ends) = (s.starts_at.map(|t| t - back), s.ends_at.map(|t| t - back));
    let mut row: session::ActiveModel = s.into();
    row.starts_at = Set(starts);
    row.ends_at = Set(ends);
    row.update(&app.db).await.expect("session moved");
}

/// A registration cancelled before its session started, in a session the
/// test holds in the past already (the use case refuses a cancellation
/// once the session has started).
pub async fn cancelled_before(app: &TestApp, registration_id: &str) {
    let id: uuid::Uuid = registration_id.parse().expect("uuid");
    aula_storage::registrations::cancel(&app.db, id, Some("baja"))
        .await
        .expect("cancelled");
}

/// The audit trail's entries of `action`: what a test reads to see a
/// change was recorded, and by whom.
pub async fn audited(app: &TestApp, action: &str) -> Vec<aula_storage::entities::audit_entry::Model> {
    use aula_storage::entities::audit_entry;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    audit_entry::Entity::find()
        .filter(audit_entry::Column::Action.eq(action))
        .all(&app.db)
        .await
        .expect("audit")
}

/// Publishes the session's waiting survey answers as the survey's close
/// does (issue 21: they are otherwise published in groups of three).
pub async fn publish_answers(app: &TestApp, session_id: &str) {
    use aula_storage::entities::survey;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let session: uuid::Uuid = session_id.parse().expect("uuid");
    for s in survey::Entity::find()
        .filter(survey::Column::SessionId.eq(session))
        .all(&app.db)
        .await
        .expect("surveys")
    {
        aula_storage::surveys::publish(&app.db, s.id, true)
            .await
            .expect("published");
    }
}

/// The data (JSON) of each message of `kind` queued, to `to` if given,
/// oldest first.
pub async fn queued(app: &TestApp, kind: &str, to: Option<&str>) -> Vec<serde_json::Value> {
    use aula_storage::entities::outbox;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let mut rows = outbox::Entity::find().filter(outbox::Column::Kind.eq(kind));
    if let Some(to) = to {
        rows = rows.filter(outbox::Column::Recipient.eq(to));
    }
    rows.all(&app.db)
        .await
        .expect("outbox")
        .iter()
        .map(|row| serde_json::from_str(&row.data).expect("json"))
        .collect()
}

/// The field `key` (a link's path, a code) of the last message of `kind`
/// queued for `to`.
pub async fn mailed(app: &TestApp, kind: &str, to: &str, key: &str) -> String {
    let last = queued(app, kind, Some(to))
        .await
        .pop()
        .unwrap_or_else(|| panic!("a {kind} message to {to}"));
    last[key]
        .as_str()
        .unwrap_or_else(|| panic!("no {key} in {last}"))
        .to_owned()
}

/// A browser signed in to "my trainings" as `email`, by the link e-mailed.
pub async fn me_browser(app: &TestApp, email: &str) -> Browser {
    let browser = app.browser();
    let response = browser
        .post_form("/me?lang=en", "/me/sign-in", &[("email", email)])
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let link = mailed(app, "sign_in_link", email, "path").await;
    let response = browser.submit(&link, &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    browser
}

/// A new organisation (issue 17), in Tunis's time zone.
pub async fn new_organisation(db: &Database, slug: &str, name: &str) -> aula_storage::entities::organisation::Model {
    aula_storage::organisations::create(
        db,
        &Actor::system("test"),
        &aula_storage::organisations::NewOrganisation {
            slug: aula_domain::OrganisationSlug::parse(slug).expect("slug"),
            name: name.into(),
            time_zone: "Africa/Tunis".into(),
            contact_email: None,
        },
    )
    .await
    .expect("organisation")
}

/// Whom e-mails rendered outside the dispatcher speak for (see
/// `aula_mail::render::Signer`).
pub fn signer() -> aula_mail::render::Signer {
    aula_mail::render::Signer {
        name: "Formation Ville de Lyon".to_owned(),
        home_path: "/o/lyon/".to_owned(),
    }
}

/// The session's calendar file as anyone downloads it from its public page.
pub async fn public_calendar(app: &TestApp, session_id: &str) -> String {
    app.browser()
        .get_text(&format!("/sessions/{session_id}/calendar.ics"))
        .await
}

/// Makes `session_id` a session made before migration 000038, whose
/// calendar invitations name their events by rank.
pub async fn named_by_rank(app: &TestApp, session_id: &str) {
    use aula_storage::entities::session;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
    let id: uuid::Uuid = session_id.parse().expect("uuid");
    session::Entity::update_many()
        .col_expr(session::Column::CalendarUids, Expr::value("rank"))
        .filter(session::Column::Id.eq(id))
        .exec(&app.db)
        .await
        .expect("the session's calendar names");
}

/// A change to the session's row (`set`, an SQL `SET` list) written in a
/// transaction left open, as an organiser's request holds it until its
/// commit: a use case run meanwhile meets it as a real race would. The
/// caller commits it.
pub async fn uncommitted_session_change(app: &TestApp, id: uuid::Uuid, set: &str) -> sea_orm::DatabaseTransaction {
    use aula_storage::Begin;
    use sea_orm::ConnectionTrait;
    let backend = app.db.get_database_backend();
    let placeholder = match backend {
        sea_orm::DbBackend::Postgres => "$1",
        _ => "?",
    };
    let txn = app.db.begin_write().await.expect("begin");
    txn.execute_raw(sea_orm::Statement::from_sql_and_values(
        backend,
        format!("UPDATE sessions SET {set} WHERE id = {placeholder}"),
        [id.into()],
    ))
    .await
    .expect("changed");
    txn
}
