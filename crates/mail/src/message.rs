//! A rendered message as an e-mail: headers, a text and an HTML part, and
//! the calendar file when there is one.

use lettre::Message;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};

use crate::ics::Method;
use crate::render::Rendered;

/// Who messages come from (`AULA_MAIL_FROM`).
#[derive(Clone, Debug)]
pub struct Sender {
    pub from: Mailbox,
}

/// Who an organisation's messages come from: the instance's address (the
/// one its mail server is allowed to send for), under the name the message
/// signs with (its sender name, else its name; see `render::Signer`), so
/// the From and the signature agree (a review found "Aula" above a message
/// signed by the organisation).
pub fn sender_of(instance: &Sender, organisation: &aula_storage::entities::organisation::Model) -> Sender {
    Sender {
        from: Mailbox::new(
            Some(crate::render::Signer::of(organisation).name),
            instance.from.email.clone(),
        ),
    }
}

/// Builds the e-mail. `message_id` is the outbox row's, stable across retries.
pub fn build(
    sender: &Sender,
    to: &str,
    to_name: Option<&str>,
    reply_to: Option<&str>,
    message_id: &str,
    rendered: Rendered,
) -> Result<Message, String> {
    let address = to.parse().map_err(|e| format!("recipient {to}: {e}"))?;
    let language = rendered.language;
    let mut builder = Message::builder()
        .from(sender.from.clone())
        .to(Mailbox::new(to_name.map(str::to_owned), address))
        .raw_header(subject(&rendered.subject))
        .message_id(Some(message_id.to_owned()))
        .date_now();
    if let Some(mailbox) = reply_to.and_then(mailbox) {
        builder = builder.reply_to(mailbox);
    }
    let alternative = MultiPart::alternative()
        .singlepart(
            SinglePart::builder()
                .header(ContentType::TEXT_PLAIN)
                .body(rendered.text),
        )
        .singlepart(SinglePart::builder().header(ContentType::TEXT_HTML).body(rendered.html));
    let body = match rendered.calendar {
        None => alternative,
        Some((method, ics)) => {
            let method = match method {
                Method::Publish => "PUBLISH",
                Method::Request => "REQUEST",
                Method::Cancel => "CANCEL",
            };
            let content_type = ContentType::parse(&format!("text/calendar; charset=utf-8; method={method}"))
                .map_err(|e| e.to_string())?;
            MultiPart::mixed()
                .multipart(alternative)
                .singlepart(Attachment::new("invite.ics".to_owned()).body(ics, content_type))
        }
    };
    let mut message = builder.multipart(body).map_err(|e| e.to_string())?;
    // The language it is written in (RFC 3282): screen readers and
    // translating mail readers take it from here, not from the HTML part.
    message.headers_mut().insert_raw(HeaderValue::new(
        HeaderName::new_from_ascii_str("Content-Language"),
        language.as_str().to_owned(),
    ));
    // Automatic messages: no out-of-office replies, please (RFC 3834).
    message.headers_mut().insert_raw(HeaderValue::new(
        HeaderName::new_from_ascii_str("Auto-Submitted"),
        "auto-generated".to_owned(),
    ));
    Ok(message)
}

/// The Subject header. lettre encodes only the words that are not ASCII,
/// so a word of a course's title written like an encoded word
/// (`=?utf-8?B?SGFja2Vk?=`) reached mail readers as-is and they decoded it:
/// they showed "Hacked" where the organiser typed something else (issue 16's
/// attack round). A subject holding `=?` is therefore encoded whole, in
/// encoded words of whole characters, one a line.
fn subject(text: &str) -> HeaderValue {
    let name = HeaderName::new_from_ascii_str("Subject");
    if !text.contains("=?") {
        return HeaderValue::new(name, text.to_owned());
    }
    use base64::Engine as _;
    let mut words = Vec::new();
    let mut chunk = String::new();
    for c in text.chars().filter(|c| !c.is_control()) {
        // 45 bytes are 60 in base64: a line of 72 with its markers.
        if chunk.len() + c.len_utf8() > 45 {
            words.push(std::mem::take(&mut chunk));
        }
        chunk.push(c);
    }
    words.push(chunk);
    let encoded = words
        .iter()
        .map(|word| format!("=?utf-8?b?{}?=", base64::engine::general_purpose::STANDARD.encode(word)))
        .collect::<Vec<_>>()
        .join("\r\n ");
    // Pre-encoded: base64, the markers and folding only, all ASCII.
    HeaderValue::dangerous_new_pre_encoded(name, text.to_owned(), encoded)
}

/// `Name <address>` or a bare address, the name taken as written (it may
/// hold an "@" or commas, which a strict parser refuses unquoted).
fn mailbox(text: &str) -> Option<Mailbox> {
    match text.rsplit_once('<') {
        Some((name, rest)) => {
            let address = rest.trim_end().strip_suffix('>')?.trim().parse().ok()?;
            let name = name.trim().trim_matches('"').trim();
            Some(Mailbox::new((!name.is_empty()).then(|| name.to_owned()), address))
        }
        None => text.trim().parse().ok().map(|address| Mailbox::new(None, address)),
    }
}
