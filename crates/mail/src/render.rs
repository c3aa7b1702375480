//! Messages from outbox rows: the row's kind names the templates under
//! `templates/mail/<kind>/` (subject, plain text, HTML), its data fills them,
//! in the row's language. Rendering happens when the row is sent.

use askama::Template;
use aula_domain::{Language, MailKind};
use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::ics::{Method, SessionCalendar};
use crate::{Arg, Tr};

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// See [`MailCtx::linked`].
pub fn linked(text: &str) -> String {
    const LINK: &str = "color:#1d70b8;";
    let mut out = String::new();
    for piece in text.split_inclusive(char::is_whitespace) {
        let word = piece.trim_end_matches(char::is_whitespace);
        let space = &piece[word.len()..];
        // Punctuation that ends a sentence or closes a bracket is not the address's.
        let core = word.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '"', '\'']);
        let tail = &word[core.len()..];
        let lead = core.len() - core.trim_start_matches(['(', '[', '"', '\'', '<']).len();
        let (before, address) = core.split_at(lead);
        let address = address.trim_end_matches('>');
        let after = &core[lead + address.len()..];
        let is_web = (address.starts_with("https://") || address.starts_with("http://")) && address.len() > 8;
        let is_mail = {
            let mut parts = address.split('@');
            match (parts.next(), parts.next(), parts.next()) {
                (Some(user), Some(domain), None) => {
                    !user.is_empty()
                        && domain.contains('.')
                        && !domain.starts_with('.')
                        && !domain.ends_with('.')
                        && address.chars().all(|c| c.is_alphanumeric() || "@._%+-".contains(c))
                }
                _ => false,
            }
        };
        if is_web || is_mail {
            let href = if is_web {
                address.to_owned()
            } else {
                format!("mailto:{address}")
            };
            out.push_str(&escape(before));
            out.push_str(&format!(
                "<a href=\"{}\" style=\"{LINK}\">{}</a>",
                escape(&href),
                escape(address)
            ));
            out.push_str(&escape(after));
            out.push_str(&escape(tail));
        } else {
            out.push_str(&escape(word));
        }
        out.push_str(&escape(space));
    }
    out
}

/// Whom a message speaks for, named in its banner and signature: the
/// organisation (its mail sender name, else its name) and its catalogue.
/// Messages named the software, "Aula", which the people they reach have
/// never heard of (session 24, as certificates did before issue 19).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signer {
    pub name: String,
    /// The organisation's catalogue, `/o/<slug>/`.
    pub home_path: String,
}

impl Signer {
    pub fn of(organisation: &aula_storage::entities::organisation::Model) -> Self {
        let name = match organisation.mail_sender_name.as_deref().map(str::trim) {
            Some(name) if !name.is_empty() => name.to_owned(),
            _ => organisation.name.clone(),
        };
        Signer {
            name,
            home_path: format!("/o/{}/", organisation.slug),
        }
    }

    /// The signer of the organisation whose row is `organisation_id` (a
    /// session's, an outbox row's), read now.
    pub async fn load(conn: &impl sea_orm::ConnectionTrait, organisation_id: Uuid) -> aula_storage::Result<Self> {
        let organisation =
            aula_storage::organisations::get(conn, aula_domain::OrganisationId::from_row(organisation_id)).await?;
        Ok(Self::of(&organisation))
    }
}

/// What every message's templates may use besides its own data.
pub struct MailCtx {
    pub tr: Tr,
    pub base_url: String,
    pub recipient_name: Option<String>,
    pub signer: Signer,
    /// The recipient's personal link to their registration (see, cancel),
    /// shown at the foot of every message about one.
    pub manage_path: Option<String>,
}

impl MailCtx {
    pub fn t(&self, key: &str) -> String {
        self.tr.t(key)
    }

    pub fn t1(&self, key: &str, name: &str, value: impl Into<Arg>) -> String {
        self.tr.t1(key, name, value)
    }

    pub fn t2(&self, key: &str, n1: &str, v1: impl Into<Arg>, n2: &str, v2: impl Into<Arg>) -> String {
        self.tr.t2(key, n1, v1, n2, v2)
    }

    /// `text`, written by a person, as HTML: escaped, its web and e-mail
    /// addresses made links (issue 24). Only `http(s)://` addresses and
    /// `name@domain.tld` become links; what ends a sentence stays outside.
    pub fn linked(&self, text: &str) -> String {
        linked(text)
    }

    /// The signature's line: the organisation's training team.
    pub fn signature(&self) -> String {
        self.tr.t1("mail-signature", "organisation", self.signer.name.as_str())
    }

    /// "Dear Ana," or a greeting without a name.
    pub fn greeting(&self) -> String {
        match &self.recipient_name {
            Some(name) => self.tr.t1("mail-greeting", "name", name),
            None => self.tr.t("mail-greeting-anonymous"),
        }
    }

    /// An absolute link to one of Aula's pages, opening in the reader's
    /// language: without it the page took the browser's, and an Arabic
    /// message opened a French page in a French browser (found by reading
    /// every e-mail, session 23).
    pub fn link(&self, path: &str) -> String {
        if path.contains("lang=") {
            return format!("{}{}", self.base_url, path);
        }
        let (path, fragment) = path.split_once('#').map_or((path, ""), |(p, f)| (p, f));
        let join = if path.contains('?') { '&' } else { '?' };
        let fragment = if fragment.is_empty() {
            String::new()
        } else {
            format!("#{fragment}")
        };
        format!("{}{path}{join}lang={}{fragment}", self.base_url, self.tr.lang.as_str())
    }

    pub fn date(&self, instant: &DateTime<Utc>, zone: &str) -> String {
        self.tr.day(*instant, zone.parse().unwrap_or(chrono_tz::Europe::Madrid))
    }

    pub fn time(&self, instant: &DateTime<Utc>, zone: &str) -> String {
        self.tr
            .time(*instant, zone.parse().unwrap_or(chrono_tz::Europe::Madrid))
    }

    /// A meeting's day and times: `Tuesday 12 March 2030, 09:00–14:00`
    /// (with the Arabic comma in Arabic).
    pub fn meeting(&self, meeting: &(DateTime<Utc>, DateTime<Utc>), zone: &str) -> String {
        self.tr.args(
            "meeting-when",
            &[
                ("date", Arg::Text(self.date(&meeting.0, zone))),
                ("start", Arg::Text(self.time(&meeting.0, zone))),
                (
                    "end",
                    Arg::Text(
                        self.tr
                            .until(meeting.0, meeting.1, zone.parse().unwrap_or(chrono_tz::Europe::Madrid)),
                    ),
                ),
            ],
        )
    }

    /// `rtl` for Arabic, else `ltr`: the message's `dir`.
    pub fn dir(&self) -> &'static str {
        self.tr.lang.dir()
    }

    /// The side a line starts on (`left`, or `right` in Arabic): e-mail
    /// clients do not all know logical properties, so styles name the side.
    pub fn start(&self) -> &'static str {
        if self.tr.lang.is_rtl() { "right" } else { "left" }
    }
}

/// A session as messages about it describe it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionRef {
    pub id: Uuid,
    pub course_title: String,
    pub time_zone: String,
    /// The venue; `None` for an online session.
    pub place: Option<String>,
    pub meetings: Vec<(DateTime<Utc>, DateTime<Utc>)>,
    /// The online meeting's link, for people who hold a seat.
    pub online_url: Option<String>,
    /// Each meeting's own place, in `meetings`' order, where a hybrid
    /// session has any (issue 20); empty otherwise (and in rows written before).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub meeting_places: Vec<Option<String>>,
}

impl SessionRef {
    pub fn path(&self) -> String {
        format!("/sessions/{}", self.id)
    }

    /// Where meeting `index` is, when not at the session's place.
    pub fn place_of(&self, index: impl std::borrow::Borrow<usize>) -> Option<String> {
        self.meeting_places.get(*index.borrow()).cloned().flatten()
    }
}

/// A message ready for the transport.
#[derive(Debug)]
pub struct Rendered {
    /// The language it is written in (`Content-Language`).
    pub language: Language,
    pub subject: String,
    pub text: String,
    pub html: String,
    pub calendar: Option<(Method, String)>,
}

/// Why a row could not become a message: it is marked failed with this.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("template data does not fit kind {kind}: {error}")]
    Data { kind: MailKind, error: serde_json::Error },
    #[error("template failed: {0}")]
    Template(#[from] askama::Error),
}

/// Implements `Kind` for a message's data with its three templates, which
/// are declared beside it (askama needs literal paths).
macro_rules! kind {
    ($kind:expr, $data:ident, $subject:ident, $text:ident, $html:ident) => {
        impl Kind for $data {
            const KIND: MailKind = $kind;

            fn render(&self, m: &MailCtx) -> Result<(String, String, String), askama::Error> {
                let subject = $subject { m, d: self }.render()?;
                Ok((
                    // A subject is one line, whatever the template's layout.
                    subject.split_whitespace().collect::<Vec<_>>().join(" "),
                    $text { m, d: self }.render()?,
                    $html { m, d: self }.render()?,
                ))
            }
        }
    };
}

trait Kind: DeserializeOwned + Serialize {
    const KIND: MailKind;
    fn render(&self, m: &MailCtx) -> Result<(String, String, String), askama::Error>;
}

/// An organiser's message to a session's participants.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Broadcast {
    pub session: SessionRef,
    pub subject: String,
    pub body: String,
    pub organiser_name: String,
}
#[derive(Template)]
#[template(path = "mail/broadcast/subject.txt", whitespace = "preserve")]
struct BroadcastSubject<'a> {
    // Every kind's templates get the same context; this subject is the organiser's own words.
    #[allow(dead_code)]
    m: &'a MailCtx,
    d: &'a Broadcast,
}

#[derive(Template)]
#[template(path = "mail/broadcast/text.txt", whitespace = "preserve")]
struct BroadcastText<'a> {
    m: &'a MailCtx,
    d: &'a Broadcast,
}

#[derive(Template)]
#[template(path = "mail/broadcast/html.html")]
struct BroadcastHtml<'a> {
    m: &'a MailCtx,
    d: &'a Broadcast,
}

kind!(
    MailKind::Broadcast,
    Broadcast,
    BroadcastSubject,
    BroadcastText,
    BroadcastHtml
);

/// A session's meetings changed: the new times, and a calendar update.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionChanged {
    pub session: SessionRef,
    pub calendar: SessionCalendar,
}
#[derive(Template)]
#[template(path = "mail/session_changed/subject.txt", whitespace = "preserve")]
struct SessionChangedSubject<'a> {
    m: &'a MailCtx,
    d: &'a SessionChanged,
}

#[derive(Template)]
#[template(path = "mail/session_changed/text.txt", whitespace = "preserve")]
struct SessionChangedText<'a> {
    m: &'a MailCtx,
    d: &'a SessionChanged,
}

#[derive(Template)]
#[template(path = "mail/session_changed/html.html")]
struct SessionChangedHtml<'a> {
    m: &'a MailCtx,
    d: &'a SessionChanged,
}

kind!(
    MailKind::SessionChanged,
    SessionChanged,
    SessionChangedSubject,
    SessionChangedText,
    SessionChangedHtml
);

/// Meetings were taken off a session: which ones, the session as it now
/// stands, and the calendar cancellation of their events (the change's own
/// message updates the others; a calendar message does one thing).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MeetingsWithdrawn {
    pub session: SessionRef,
    /// The withdrawn meetings' times, as people's calendars have them.
    pub withdrawn: Vec<(DateTime<Utc>, DateTime<Utc>)>,
    pub calendar: SessionCalendar,
}
#[derive(Template)]
#[template(path = "mail/meetings_withdrawn/subject.txt", whitespace = "preserve")]
struct MeetingsWithdrawnSubject<'a> {
    m: &'a MailCtx,
    d: &'a MeetingsWithdrawn,
}

#[derive(Template)]
#[template(path = "mail/meetings_withdrawn/text.txt", whitespace = "preserve")]
struct MeetingsWithdrawnText<'a> {
    m: &'a MailCtx,
    d: &'a MeetingsWithdrawn,
}

#[derive(Template)]
#[template(path = "mail/meetings_withdrawn/html.html")]
struct MeetingsWithdrawnHtml<'a> {
    m: &'a MailCtx,
    d: &'a MeetingsWithdrawn,
}

kind!(
    MailKind::MeetingsWithdrawn,
    MeetingsWithdrawn,
    MeetingsWithdrawnSubject,
    MeetingsWithdrawnText,
    MeetingsWithdrawnHtml
);

/// A session is cancelled: an apology, and a calendar cancellation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionCancelled {
    pub session: SessionRef,
    /// For those who had a seat; none for the waiting list.
    pub calendar: Option<SessionCalendar>,
}
#[derive(Template)]
#[template(path = "mail/session_cancelled/subject.txt", whitespace = "preserve")]
struct SessionCancelledSubject<'a> {
    m: &'a MailCtx,
    d: &'a SessionCancelled,
}

#[derive(Template)]
#[template(path = "mail/session_cancelled/text.txt", whitespace = "preserve")]
struct SessionCancelledText<'a> {
    m: &'a MailCtx,
    d: &'a SessionCancelled,
}

#[derive(Template)]
#[template(path = "mail/session_cancelled/html.html")]
struct SessionCancelledHtml<'a> {
    m: &'a MailCtx,
    d: &'a SessionCancelled,
}

kind!(
    MailKind::SessionCancelled,
    SessionCancelled,
    SessionCancelledSubject,
    SessionCancelledText,
    SessionCancelledHtml
);

/// A place is confirmed: the meetings, and the invitation for the calendar.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RegistrationConfirmed {
    pub session: SessionRef,
    pub calendar: SessionCalendar,
    /// The place came from the waiting list.
    #[serde(default)]
    pub promoted: bool,
}

#[derive(Template)]
#[template(path = "mail/registration_confirmed/subject.txt", whitespace = "preserve")]
struct RegistrationConfirmedSubject<'a> {
    m: &'a MailCtx,
    d: &'a RegistrationConfirmed,
}

#[derive(Template)]
#[template(path = "mail/registration_confirmed/text.txt", whitespace = "preserve")]
struct RegistrationConfirmedText<'a> {
    m: &'a MailCtx,
    d: &'a RegistrationConfirmed,
}

#[derive(Template)]
#[template(path = "mail/registration_confirmed/html.html")]
struct RegistrationConfirmedHtml<'a> {
    m: &'a MailCtx,
    d: &'a RegistrationConfirmed,
}

kind!(
    MailKind::RegistrationConfirmed,
    RegistrationConfirmed,
    RegistrationConfirmedSubject,
    RegistrationConfirmedText,
    RegistrationConfirmedHtml
);

/// The reminder before the first meeting, scheduled when a place is confirmed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reminder {
    pub session: SessionRef,
}

#[derive(Template)]
#[template(path = "mail/reminder/subject.txt", whitespace = "preserve")]
struct ReminderSubject<'a> {
    m: &'a MailCtx,
    d: &'a Reminder,
}

#[derive(Template)]
#[template(path = "mail/reminder/text.txt", whitespace = "preserve")]
struct ReminderText<'a> {
    m: &'a MailCtx,
    d: &'a Reminder,
}

#[derive(Template)]
#[template(path = "mail/reminder/html.html")]
struct ReminderHtml<'a> {
    m: &'a MailCtx,
    d: &'a Reminder,
}

kind!(
    MailKind::Reminder,
    Reminder,
    ReminderSubject,
    ReminderText,
    ReminderHtml
);

/// Declares a kind's three templates, under `templates/mail/<name>/`.
macro_rules! templates {
    ($kind:expr, $data:ident, $subject:ident = $subject_path:literal, $text:ident = $text_path:literal, $html:ident = $html_path:literal) => {
        #[derive(Template)]
        #[template(path = $subject_path, whitespace = "preserve")]
        struct $subject<'a> {
            m: &'a MailCtx,
            // Every kind's templates get the same context; some subjects need no data.
            #[allow(dead_code)]
            d: &'a $data,
        }

        #[derive(Template)]
        #[template(path = $text_path, whitespace = "preserve")]
        struct $text<'a> {
            m: &'a MailCtx,
            d: &'a $data,
        }

        #[derive(Template)]
        #[template(path = $html_path)]
        struct $html<'a> {
            m: &'a MailCtx,
            d: &'a $data,
        }

        kind!($kind, $data, $subject, $text, $html);
    };
}

/// A registration waits for its e-mail confirmation: the link that confirms it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RegistrationRequested {
    pub session: SessionRef,
    pub confirm_path: String,
    /// How long the link works.
    pub hours: u32,
}
templates!(
    MailKind::RegistrationRequested,
    RegistrationRequested,
    RegistrationRequestedSubject = "mail/registration_requested/subject.txt",
    RegistrationRequestedText = "mail/registration_requested/text.txt",
    RegistrationRequestedHtml = "mail/registration_requested/html.html"
);

/// Someone registered an address that already holds a place: nothing
/// changed, and the public page did not say so.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AlreadyRegistered {
    pub session: SessionRef,
    /// `confirmed` or `waitlisted`.
    pub status: String,
    pub position: Option<u64>,
}
templates!(
    MailKind::AlreadyRegistered,
    AlreadyRegistered,
    AlreadyRegisteredSubject = "mail/already_registered/subject.txt",
    AlreadyRegisteredText = "mail/already_registered/text.txt",
    AlreadyRegisteredHtml = "mail/already_registered/html.html"
);

/// The session is full: a place on the waiting list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RegistrationWaitlisted {
    pub session: SessionRef,
    pub position: u64,
}
templates!(
    MailKind::RegistrationWaitlisted,
    RegistrationWaitlisted,
    RegistrationWaitlistedSubject = "mail/registration_waitlisted/subject.txt",
    RegistrationWaitlistedText = "mail/registration_waitlisted/text.txt",
    RegistrationWaitlistedHtml = "mail/registration_waitlisted/html.html"
);

/// A registration is cancelled; a confirmed one gets a calendar cancellation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RegistrationCancelled {
    pub session: SessionRef,
    pub calendar: Option<SessionCalendar>,
    /// The organiser's reason, when they cancelled it.
    pub by_organiser: bool,
}
templates!(
    MailKind::RegistrationCancelled,
    RegistrationCancelled,
    RegistrationCancelledSubject = "mail/registration_cancelled/subject.txt",
    RegistrationCancelledText = "mail/registration_cancelled/text.txt",
    RegistrationCancelledHtml = "mail/registration_cancelled/html.html"
);

/// Absences make completing the session impossible: the trainee is told,
/// so they can talk to the organisers rather than learn it from a missing
/// certificate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AbsenceWarning {
    pub session: SessionRef,
    pub minimum_percent: u8,
    /// The trainee's name when the message went to an organiser about one
    /// trainee (messages queued before the digest; still rendered).
    #[serde(default)]
    pub about: Option<String>,
    /// The organiser's digest: the trainees one save of the attendance
    /// left unable to complete, by name.
    #[serde(default)]
    pub trainees: Vec<String>,
}
templates!(
    MailKind::AbsenceWarning,
    AbsenceWarning,
    AbsenceWarningSubject = "mail/absence_warning/subject.txt",
    AbsenceWarningText = "mail/absence_warning/text.txt",
    AbsenceWarningHtml = "mail/absence_warning/html.html"
);

/// A one-time code to check in at a meeting, for a phone without the personal link.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckInCode {
    pub session: SessionRef,
    pub code: String,
    pub minutes: u32,
}
templates!(
    MailKind::CheckInCode,
    CheckInCode,
    CheckInCodeSubject = "mail/check_in_code/subject.txt",
    CheckInCodeText = "mail/check_in_code/text.txt",
    CheckInCodeHtml = "mail/check_in_code/html.html"
);

/// An invitation to answer the session's satisfaction survey, or its reminder.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SurveyInvitation {
    pub session: SessionRef,
    pub path: String,
    pub closes_at: DateTime<Utc>,
    #[serde(default)]
    pub reminder: bool,
}
templates!(
    MailKind::SurveyInvitation,
    SurveyInvitation,
    SurveyInvitationSubject = "mail/survey_invitation/subject.txt",
    SurveyInvitationText = "mail/survey_invitation/text.txt",
    SurveyInvitationHtml = "mail/survey_invitation/html.html"
);

/// A certificate is ready: the link to its PDF and its number.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CertificateReady {
    pub course_title: String,
    pub number: String,
    pub path: String,
    pub verify_path: String,
}
templates!(
    MailKind::CertificateReady,
    CertificateReady,
    CertificateReadySubject = "mail/certificate_ready/subject.txt",
    CertificateReadyText = "mail/certificate_ready/text.txt",
    CertificateReadyHtml = "mail/certificate_ready/html.html"
);

/// A certificate is revoked: its number, the organisers' reason, and where
/// anyone checking it now reads "revoked" (session 29's attack round: its
/// holder was not told).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CertificateRevoked {
    pub course_title: String,
    pub number: String,
    pub reason: String,
    pub verify_path: String,
}
templates!(
    MailKind::CertificateRevoked,
    CertificateRevoked,
    CertificateRevokedSubject = "mail/certificate_revoked/subject.txt",
    CertificateRevokedText = "mail/certificate_revoked/text.txt",
    CertificateRevokedHtml = "mail/certificate_revoked/html.html"
);

/// A one-time link to "my trainings".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SignInLink {
    pub path: String,
    pub minutes: u32,
}
templates!(
    MailKind::SignInLink,
    SignInLink,
    SignInLinkSubject = "mail/sign_in_link/subject.txt",
    SignInLinkText = "mail/sign_in_link/text.txt",
    SignInLinkHtml = "mail/sign_in_link/html.html"
);

/// The link that confirms a person's request to be erased (issue 21).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ErasureLink {
    pub path: String,
    pub hours: u32,
}
templates!(
    MailKind::ErasureLink,
    ErasureLink,
    ErasureLinkSubject = "mail/erasure_link/subject.txt",
    ErasureLinkText = "mail/erasure_link/text.txt",
    ErasureLinkHtml = "mail/erasure_link/html.html"
);

fn render_kind<K: Kind>(
    data: &str,
    m: &MailCtx,
    calendar: impl Fn(&K) -> Option<(Method, &SessionCalendar)>,
    domain: &str,
) -> Result<Rendered, RenderError> {
    let value: K = serde_json::from_str(data).map_err(|error| RenderError::Data { kind: K::KIND, error })?;
    let (subject, text, html) = value.render(m)?;
    // The organiser calendars show is the organisation the message speaks
    // for, as read when it leaves (rows keep the name they were queued with).
    let calendar = calendar(&value).map(|(method, cal)| {
        let cal = SessionCalendar {
            organiser_name: m.signer.name.clone(),
            ..cal.clone()
        };
        (method, cal.render(method, domain, Utc::now()))
    });
    Ok(Rendered {
        language: m.tr.lang,
        subject,
        text,
        html,
        calendar,
    })
}

/// The kinds of message Aula sends (each has its data type and templates here).
pub const KINDS: &[MailKind] = MailKind::ALL;

/// Renders an outbox row's kind and data in `language`.
pub fn render(
    kind: MailKind,
    data: &str,
    language: Language,
    recipient_name: Option<String>,
    signer: &Signer,
    base_url: &str,
    domain: &str,
) -> Result<Rendered, RenderError> {
    // The personal link rides beside each kind's own data (see `notify`).
    let manage_path = serde_json::from_str::<serde_json::Value>(data)
        .ok()
        .and_then(|v| v.get("manage_path")?.as_str().map(str::to_owned));
    let m = MailCtx {
        tr: Tr::new(language),
        base_url: base_url.trim_end_matches('/').to_owned(),
        recipient_name,
        signer: signer.clone(),
        manage_path,
    };
    match kind {
        MailKind::Broadcast => render_kind::<Broadcast>(data, &m, |_| None, domain),
        MailKind::SessionChanged => {
            render_kind::<SessionChanged>(data, &m, |d| Some((Method::Request, &d.calendar)), domain)
        }
        MailKind::MeetingsWithdrawn => {
            render_kind::<MeetingsWithdrawn>(data, &m, |d| Some((Method::Cancel, &d.calendar)), domain)
        }
        MailKind::SessionCancelled => {
            render_kind::<SessionCancelled>(data, &m, |d| d.calendar.as_ref().map(|c| (Method::Cancel, c)), domain)
        }
        MailKind::RegistrationConfirmed => {
            render_kind::<RegistrationConfirmed>(data, &m, |d| Some((Method::Request, &d.calendar)), domain)
        }
        MailKind::Reminder => render_kind::<Reminder>(data, &m, |_| None, domain),
        MailKind::RegistrationRequested => render_kind::<RegistrationRequested>(data, &m, |_| None, domain),
        MailKind::AlreadyRegistered => render_kind::<AlreadyRegistered>(data, &m, |_| None, domain),
        MailKind::RegistrationWaitlisted => render_kind::<RegistrationWaitlisted>(data, &m, |_| None, domain),
        MailKind::RegistrationCancelled => {
            render_kind::<RegistrationCancelled>(data, &m, |d| d.calendar.as_ref().map(|c| (Method::Cancel, c)), domain)
        }
        MailKind::SignInLink => render_kind::<SignInLink>(data, &m, |_| None, domain),
        MailKind::AbsenceWarning => render_kind::<AbsenceWarning>(data, &m, |_| None, domain),
        MailKind::CheckInCode => render_kind::<CheckInCode>(data, &m, |_| None, domain),
        MailKind::SurveyInvitation => render_kind::<SurveyInvitation>(data, &m, |_| None, domain),
        MailKind::CertificateReady => render_kind::<CertificateReady>(data, &m, |_| None, domain),
        MailKind::CertificateRevoked => render_kind::<CertificateRevoked>(data, &m, |_| None, domain),
        MailKind::ErasureLink => render_kind::<ErasureLink>(data, &m, |_| None, domain),
    }
}

/// The data of a kind as JSON for the outbox.
pub fn data<K: Serialize>(value: &K) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or(serde_json::Value::Null)
}

/// The message's data with the secret of each personal link hidden (its
/// last part, shown as `…`) and a check-in code as dots: staff read what
/// was sent, never a link or code that acts as its recipient — the
/// registration's page, a confirmation, a sign-in, an erasure, a survey's
/// ballot, a certificate's file. The verification link is public and
/// stays whole.
pub fn without_secrets(data: &str) -> String {
    let Ok(serde_json::Value::Object(mut fields)) = serde_json::from_str(data) else {
        return data.to_owned();
    };
    for (key, value) in &mut fields {
        if key == "code" && value.is_string() {
            *value = "••••••".into();
        } else if key.ends_with("path")
            && key != "verify_path"
            && let Some((public, _secret)) = value.as_str().and_then(|p| p.rsplit_once('/'))
        {
            *value = format!("{public}/…").into();
        }
    }
    serde_json::Value::Object(fields).to_string()
}

#[cfg(test)]
mod tests {
    use super::{linked, without_secrets};

    /// What staff see of a message (the outbox, a broadcast's preview)
    /// carries no link that acts as its recipient.
    #[test]
    fn staff_see_personal_links_without_their_secrets() {
        let data = serde_json::json!({
            "manage_path": "/r/Zm9vYmFy.c2lnbmF0dXJl",
            "confirm_path": "/confirm/abcdef0123456789",
            "path": "/c/0b7c5a4e-8d3f-4a1b-9c2e-5f6a7b8c9d0e/c2ln",
            "verify_path": "/verify/ULE-2030-000123",
            "hours": 24,
            "code": "483920",
            "session": {"id": "0b7c5a4e-8d3f-4a1b-9c2e-5f6a7b8c9d0e"},
        });
        let shown: serde_json::Value = serde_json::from_str(&without_secrets(&data.to_string())).expect("json");
        assert_eq!(shown["manage_path"], "/r/…");
        assert_eq!(shown["confirm_path"], "/confirm/…");
        assert_eq!(shown["path"], "/c/0b7c5a4e-8d3f-4a1b-9c2e-5f6a7b8c9d0e/…");
        assert_eq!(shown["verify_path"], data["verify_path"], "public");
        assert_eq!(shown["code"], "••••••", "a check-in code");
        assert_eq!((&shown["hours"], &shown["session"]), (&data["hours"], &data["session"]));
        assert_eq!(without_secrets("not json"), "not json");
    }

    #[test]
    fn addresses_become_links() {
        assert_eq!(
            linked("Sala: https://meet.example.org/x?a=1&b=2. Dudas a info@example.org, gracias <b>"),
            "Sala: <a href=\"https://meet.example.org/x?a=1&amp;b=2\" style=\"color:#1d70b8;\">https://meet.example.org/x?a=1&amp;b=2</a>. \
             Dudas a <a href=\"mailto:info@example.org\" style=\"color:#1d70b8;\">info@example.org</a>, gracias &lt;b&gt;"
        );
        assert_eq!(
            linked("(https://a.example/b)"),
            "(<a href=\"https://a.example/b\" style=\"color:#1d70b8;\">https://a.example/b</a>)"
        );
        assert_eq!(linked("a@b @ x@y"), "a@b @ x@y");
    }
}
