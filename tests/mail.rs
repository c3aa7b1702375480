//! E-mail: the outbox, the dispatcher against a real SMTP server on
//! loopback, templates in three languages, calendar files.

use std::time::Duration;

use aula_domain::{Email, Language, MailKind, MessageStatus, Role};
use aula_mail::render::{Broadcast, SessionRef};
use aula_storage::Begin;
use aula_storage::outbox::{self, NewMessage};
use reqwest::StatusCode;
use sea_orm::ConnectionTrait;
use serde_json::json;

use crate::helpers::{TestApp, by_message_id, course_and_session, db_test};

/// A message for person `n`, ready for the outbox (shared with `outbox_faults`).
pub(crate) fn broadcast(org: aula_domain::OrganisationId, n: usize) -> NewMessage {
    let data = aula_mail::render::data(&Broadcast {
        session: SessionRef {
            id: uuid::Uuid::nil(),
            course_title: "Igualdad de trato".into(),
            time_zone: "Europe/Madrid".into(),
            place: Some("Sede, Sevilla".into()),
            meetings: vec![],
            online_url: None,
            meeting_places: Vec::new(),
        },
        subject: format!("Mensaje {n}"),
        body: "Hola".into(),
        organiser_name: "Marta".into(),
    });
    NewMessage {
        organisation_id: org.uuid(),
        kind: MailKind::Broadcast,
        recipient: Email::parse(&format!("person{n}@example.org")).expect("email"),
        recipient_name: Some(format!("Person {n}")),
        language: Language::Es,
        data,
        session_id: None,
        reply_to: None,
        due_at: None,
        dedupe_key: None,
    }
}

async fn enqueue(app: &TestApp, count: usize) {
    let txn = app.db.begin_write().await.expect("begin");
    for n in 0..count {
        outbox::enqueue(&txn, &broadcast(app.org().await, n), &app.mail.domain)
            .await
            .expect("enqueue");
    }
    txn.commit().await.expect("commit");
    app.wake.notify_waiters();
}

/// The outbox's messages in one status (the first page).
async fn with_status(app: &TestApp, status: &str) -> aula_storage::Paged<aula_storage::entities::outbox::Model> {
    let filter = outbox::OutboxFilter {
        status: Some(MessageStatus::parse(status).expect("a status")),
        ..Default::default()
    };
    outbox::list(&app.db, &filter, aula_storage::Page::default())
        .await
        .expect("list")
}

async fn wait_until_sent(app: &TestApp, count: u64) {
    for _ in 0..300 {
        let paged = outbox::list(
            &app.db,
            &outbox::OutboxFilter {
                status: Some(MessageStatus::Sent),
                ..Default::default()
            },
            aula_storage::Page::new(None, Some(1), 1),
        )
        .await
        .expect("list");
        if paged.total >= count {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

db_test!(rolled_back_messages_are_never_sent, |app: TestApp| async move {
    let txn = app.db.begin_write().await.expect("begin");
    outbox::enqueue(&txn, &broadcast(app.org().await, 1), &app.mail.domain)
        .await
        .expect("enqueue");
    txn.rollback().await.expect("rollback");
    enqueue(&app, 1).await;
    app.smtp.wait_for(1, Duration::from_secs(10)).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let received = app.smtp.received();
    assert_eq!(received.len(), 1, "only the committed message");
    assert_eq!(received[0].to, vec!["person0@example.org".to_owned()]);
});

db_test!(an_smtp_outage_loses_and_doubles_nothing, |app: TestApp| async move {
    enqueue(&app, 200).await;
    // Let part of the batch through, then take the server down.
    app.smtp.wait_for(40, Duration::from_secs(20)).await;
    app.smtp.stop();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let during = app.smtp.count();
    assert!(during < 200, "the outage came mid-batch");
    app.smtp.restart().await.expect("restart");
    // Time passes: failed attempts wait their backoff; bring them due now.
    due_now(&app, "status = 'pending'").await;
    app.smtp.wait_for(200, Duration::from_secs(30)).await;
    wait_until_sent(&app, 200).await;
    let seen = by_message_id(&app);
    assert_eq!(seen.len(), 200, "all 200 arrived");
    assert!(seen.values().all(|n| *n == 1), "none twice");
    let (_, failed) = (0, with_status(&app, "failed").await.total);
    assert_eq!(failed, 0);
});

db_test!(two_dispatchers_never_send_the_same_row, |app: TestApp| async move {
    enqueue(&app, 300).await;
    let second = crate::helpers::dispatcher(&app.db, &app.mail, &app.smtp, Default::default());
    let third = crate::helpers::dispatcher(&app.db, &app.mail, &app.smtp, Default::default());
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let a = tokio::spawn(second.run(stopped.clone()));
    let b = tokio::spawn(third.run(stopped));
    app.smtp.wait_for(300, Duration::from_secs(30)).await;
    wait_until_sent(&app, 300).await;
    let _ = stop.send(true);
    let _ = tokio::join!(a, b);
    let seen = by_message_id(&app);
    assert_eq!(seen.len(), 300);
    assert!(seen.values().all(|n| *n == 1), "no row sent twice");
});

db_test!(a_refused_recipient_fails_alone, |app: TestApp| async move {
    app.smtp.refuse_recipients_containing("person1@");
    enqueue(&app, 3).await;
    app.smtp.wait_for(2, Duration::from_secs(10)).await;
    for _ in 0..100 {
        let failed = with_status(&app, "failed").await;
        if failed.total == 1 {
            assert_eq!(failed.items[0].recipient, "person1@example.org");
            assert!(
                failed.items[0].last_error.as_deref().is_some_and(|e| e.contains("550")),
                "{:?}",
                failed.items[0].last_error
            );
            let received: Vec<_> = app.smtp.received().iter().flat_map(|m| m.to.clone()).collect();
            assert_eq!(received.len(), 2);
            // An organiser sends it again once the address is fixed.
            let api = app.api(&[Role::Organiser]).await;
            api.post_ok(&format!("/api/v1/outbox/{}/retry", failed.items[0].id), &json!({}))
                .await;
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the refused message was not marked failed");
});

db_test!(a_busy_server_delays_without_losing, |app: TestApp| async move {
    app.smtp.set_busy(true);
    enqueue(&app, 5).await;
    // Until the dispatcher has tried each once (a fixed wait was too short
    // on a loaded machine); a 4xx leaves every one waiting for another go.
    let tried_once = |m: &aula_storage::entities::outbox::Model| {
        m.attempts == 1 && m.last_error.as_deref().is_some_and(|e| e.contains("451"))
    };
    let mut pending = with_status(&app, "pending").await;
    for _ in 0..200 {
        if pending.total == 5 && pending.items.iter().all(tried_once) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
        pending = with_status(&app, "pending").await;
    }
    assert_eq!(app.smtp.count(), 0);
    assert_eq!(pending.total, 5, "4xx: waiting for another attempt");
    assert!(pending.items.iter().all(tried_once), "{:?}", pending.items);
    app.smtp.set_busy(false);
    due_now(&app, "TRUE").await;
    assert_eq!(app.smtp.wait_for(5, Duration::from_secs(10)).await.len(), 5);
});

// An organiser writes to the confirmed participants from the session page;
// the messages travel through SMTP with the right headers and parts.
db_test!(broadcast_from_the_session_page, |app: TestApp| async move {
    let api = app.api(&[Role::Organiser]).await;
    let (_, session_id) = course_and_session(&app, &api).await;
    for (n, language) in [(1, Language::Es), (2, Language::Fr), (3, Language::En)] {
        crate::helpers::seated(
            &app,
            &session_id,
            &format!("Ana{n}"),
            &format!("ana{n}@example.org"),
            language,
        )
        .await;
    }
    let browser = app.signed_in(&[Role::Organiser]).await;
    let page = format!("/staff/sessions/{session_id}/messages");
    // The preview shows a recipient's message, but not their personal
    // link's secret: it would let the organiser act as them.
    let preview = browser
        .submit(
            &page,
            &[("audience", "confirmed"), ("subject", "Cambio"), ("body", "Sala 2.")],
        )
        .await;
    let html = preview.text().await.expect("html");
    assert!(html.contains("/r/…"), "{html}");
    assert_eq!(html.matches("/r/").count(), html.matches("/r/…").count(), "{html}");
    // The preview's button sends once: pressed twice (session 29's attack
    // round: everyone got the message twice), the second press queues
    // nothing and lands on the same outbox.
    let field = "name=\"sending\" value=\"";
    let at = html.find(field).expect("the send's token") + field.len();
    let sending = html[at..at + 36].to_owned();
    for _ in 0..2 {
        let response = browser
            .submit(
                &page,
                &[
                    ("audience", "confirmed"),
                    ("subject", "Cambio de aula"),
                    ("body", "Nos vemos en la sala 2.\n\nGracias."),
                    ("send", "yes"),
                    ("sending", sending.as_str()),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    }
    assert_eq!(crate::helpers::queued(&app, "broadcast", None).await.len(), 3);
    let received = app.smtp.wait_for(3, Duration::from_secs(10)).await;
    assert_eq!(received.len(), 3);
    let french = received
        .iter()
        .find(|m| m.to == vec!["ana2@example.org".to_owned()])
        .expect("the French participant's");
    assert_eq!(french.header("Subject").as_deref(), Some("Cambio de aula"));
    assert!(
        french
            .header("From")
            .is_some_and(|f| f.contains("formacion@aula.example.org"))
    );
    assert!(
        french
            .header("Reply-To")
            .is_some_and(|r| r.contains("@staff.example.org")),
        "replies go to the organiser"
    );
    assert!(
        french
            .header("Message-ID")
            .is_some_and(|id| id.ends_with("@127.0.0.1>"))
    );
    assert!(french.header("Date").is_some());
    assert!(french.data.contains("multipart/alternative"));
    assert!(french.data.contains("text/plain") && french.data.contains("text/html"));
    assert!(
        french.data.contains("Bonjour Ana2 Ruiz"),
        "the frame is in the recipient's language"
    );
    assert!(
        french.data.contains(&format!("{}/sessions/{session_id}", app.base)),
        "links are absolute"
    );
    // The outbox page shows them.
    let outbox_page = browser
        .get_html(&format!("/staff/outbox?session_id={session_id}"))
        .await;
    assert!(outbox_page.contains("ana1@example.org"));
    // Bad input is refused beside its field.
    let response = browser
        .submit(&page, &[("audience", "everyone"), ("subject", " "), ("body", "x")])
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let (status, body) = api
        .post(
            &format!("/api/v1/sessions/{session_id}/messages"),
            &json!({"audience": "all", "subject": "API", "body": "Hola"}),
        )
        .await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    assert_eq!(body["queued"], 3);
});

// Moving a meeting sends the confirmed participants a calendar update whose
// times, zone and SEQUENCE a calendar parser reads back.
db_test!(changed_meetings_send_a_calendar_update, |app: TestApp| async move {
    let api = app.api(&[Role::Organiser]).await;
    let (_, session_id) = course_and_session(&app, &api).await;
    // Made before session 31: its events are named by rank (the names by
    // meeting are `session_30_a_meeting_taken_off_is_cancelled_under_its_own_name`'s).
    crate::helpers::named_by_rank(&app, &session_id).await;
    crate::helpers::seated(&app, &session_id, "Luis", "luis@example.org", Language::Es).await;
    let (status, body) = api
        .patch_session(
            &session_id,
            &json!({"meetings": [
                {"starts_at": "2030-03-12T10:00:00+01:00", "ends_at": "2030-03-12T14:00:00+01:00"},
                {"starts_at": "2030-03-13T09:00:00+01:00", "ends_at": "2030-03-13T14:00:00+01:00"},
                {"starts_at": "2030-03-14T09:00:00+01:00", "ends_at": "2030-03-14T14:00:00+01:00"},
            ]}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let received = app.smtp.wait_for(1, Duration::from_secs(10)).await;
    assert_eq!(received.len(), 1);
    let data = &received[0].data;
    assert!(
        data.contains("text/calendar") && data.contains("method=REQUEST"),
        "{data}"
    );
    let ics = crate::helpers::attachment(data, "invite.ics").expect("invite.ics");
    let calendar: icalendar::Calendar = ics.parse().expect("the .ics parses");
    let events: Vec<_> = calendar.components.iter().filter_map(|c| c.as_event()).collect();
    assert_eq!(events.len(), 3);
    use icalendar::Component;
    let first = events
        .iter()
        .find(|e| {
            e.get_uid()
                .is_some_and(|u| u.contains(&format!("session-{session_id}-1@")))
        })
        .expect("first meeting");
    assert_eq!(first.property_value("SEQUENCE"), Some("1"));
    let start = first.properties().get("DTSTART").expect("start");
    assert_eq!(start.value(), "20300312T100000");
    assert_eq!(start.params().get("TZID").map(|p| p.value()), Some("Europe/Madrid"));
    assert!(ics.contains("BEGIN:VTIMEZONE") && ics.contains("TZOFFSETTO:+0100"));
    // Cancelling the session sends a cancellation.
    let (status, _) = api.patch_session(&session_id, &json!({"status": "cancelled"})).await;
    assert_eq!(status, StatusCode::OK);
    let received = app.smtp.wait_for(2, Duration::from_secs(10)).await;
    assert!(received.iter().any(|m| m.data.contains("method=CANCEL")));
    // And the public page's calendar file takes the events off too: it
    // offered them again as confirmed, under the same UIDs (session 29's
    // attack round).
    let response = app.browser().get(&format!("/sessions/{session_id}/calendar.ics")).await;
    assert_eq!(response.status(), StatusCode::OK);
    let published = response.text().await.expect("ics");
    assert!(
        published.contains("METHOD:CANCEL") && published.contains("STATUS:CANCELLED"),
        "{published}"
    );
    assert!(!published.contains("STATUS:CONFIRMED"), "{published}");
});

// Found by reading the calendar files (session 24): a meeting taken off a
// session stayed in people's calendars. Events were numbered by rank (and
// still are in sessions made before session 31), so the
// update of the meetings left renamed none of them away: the last rank's
// event is now cancelled, in a message of its own, with the SEQUENCE of the
// change, and a calendar parser reads it so.
db_test!(
    a_meeting_taken_off_is_cancelled_in_calendars,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = course_and_session(&app, &api).await;
        // A session made before session 31, whose events are named by rank.
        crate::helpers::named_by_rank(&app, &session_id).await;
        crate::helpers::seated(&app, &session_id, "Luis", "luis@example.org", Language::Es).await;
        let session = api.get_ok(&format!("/api/v1/sessions/{session_id}")).await;
        let meetings = session["meetings"].as_array().expect("meetings").clone();
        assert_eq!(meetings.len(), 3, "{session}");
        let times = |m: &serde_json::Value| json!({"starts_at": m["starts_at"], "ends_at": m["ends_at"]});
        let (status, body) = api
            .patch_session(
                &session_id,
                &json!({"meetings": [times(&meetings[0]), times(&meetings[1])]}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");

        let received = app.smtp.wait_for(2, Duration::from_secs(10)).await;
        assert_eq!(received.len(), 2, "the change, and the meeting taken off");
        use icalendar::Component;
        let events_of = |method: &str| {
            let message = received
                .iter()
                .find(|m| m.data.contains(&format!("method={method}")))
                .unwrap_or_else(|| panic!("a {method}"));
            let ics = crate::helpers::attachment(&message.data, "invite.ics").expect("invite.ics");
            let calendar: icalendar::Calendar = ics.parse().expect("the .ics parses");
            assert_eq!(calendar.property_value("METHOD"), Some(method), "{ics}");
            let events: Vec<(String, String, String, String)> = calendar
                .components
                .iter()
                .filter_map(|c| c.as_event())
                .map(|e| {
                    let uid = e.get_uid().expect("UID");
                    let rank = uid
                        .strip_prefix(&format!("session-{session_id}-"))
                        .and_then(|r| r.split('@').next())
                        .expect("the session's UID")
                        .to_owned();
                    let start = e.properties().get("DTSTART").expect("start").value().to_owned();
                    let sequence = e.property_value("SEQUENCE").expect("SEQUENCE").to_owned();
                    let status = e.property_value("STATUS").expect("STATUS").to_owned();
                    (rank, start, sequence, status)
                })
                .collect();
            (message, events)
        };
        let day = |meeting: &serde_json::Value| {
            let start =
                chrono::DateTime::parse_from_rfc3339(meeting["starts_at"].as_str().expect("start")).expect("time");
            start
                .with_timezone(&chrono_tz::Europe::Madrid)
                .format("%Y%m%dT%H%M%S")
                .to_string()
        };
        let event = |rank: &str, meeting: &serde_json::Value, status: &str| {
            (rank.to_owned(), day(meeting), "1".to_owned(), status.to_owned())
        };
        let (_, kept) = events_of("REQUEST");
        assert_eq!(
            kept,
            [
                event("1", &meetings[0], "CONFIRMED"),
                event("2", &meetings[1], "CONFIRMED")
            ]
        );
        let (withdrawn, cancelled) = events_of("CANCEL");
        assert_eq!(cancelled, [event("3", &meetings[2], "CANCELLED")]);
        assert_eq!(withdrawn.to, ["luis@example.org"]);
        let text = withdrawn.data.replace("=\r\n", "");
        assert!(
            text.contains("Clases retiradas de su formaci"),
            "the subject, in Luis's language: {text}"
        );
        assert!(text.contains("<del>"), "the meeting taken off, struck: {text}");

        // The review's cases. The first meeting of two taken off: the
        // calendar cancels the last rank (the update re-times the first),
        // and the text names the meeting that is gone, not the last one.
        let (status, body) = api
            .patch_session(&session_id, &json!({"meetings": [times(&meetings[1])]}))
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let told = crate::helpers::queued(&app, "meetings_withdrawn", Some("luis@example.org")).await;
        assert_eq!(told.len(), 2);
        let gone = told
            .iter()
            .find(|d| d["calendar"]["first_rank"] == 1)
            .expect("the second withdrawal");
        let instant =
            |v: &serde_json::Value| chrono::DateTime::parse_from_rfc3339(v.as_str().expect("time")).expect("time");
        assert_eq!(
            instant(&gone["withdrawn"][0][0]),
            instant(&meetings[0]["starts_at"]),
            "{gone}"
        );
        assert_eq!(gone["withdrawn"].as_array().map(Vec::len), Some(1));
        // Every meeting taken off an open session: refused, and nobody is
        // written to (session 25's attack round: it went on taking people
        // for no date, and could be completed though never held).
        let changes = crate::helpers::queued(&app, "session_changed", Some("luis@example.org"))
            .await
            .len();
        let (status, body) = api.patch_session(&session_id, &json!({"meetings": []})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(body["fields"]["meetings"].is_array(), "{body}");
        assert_eq!(
            crate::helpers::queued(&app, "session_changed", Some("luis@example.org"))
                .await
                .len(),
            changes
        );
        assert_eq!(
            crate::helpers::queued(&app, "meetings_withdrawn", Some("luis@example.org"))
                .await
                .len(),
            2
        );
    }
);

// Session 30's attack round: with events named by rank, taking the middle
// meeting of three off sent an update that re-timed event 2 to the third
// meeting's date, and a cancellation of event 3 dated on a meeting that
// still took place; read alone (or imported alone), it told people not to
// come. Sessions now name each event by its meeting: the meeting taken off
// is cancelled under its own name and date, in one message, and the events
// left are not touched; a meeting moved to another day is the old event
// cancelled and a new one sent.
db_test!(
    session_30_a_meeting_taken_off_is_cancelled_under_its_own_name,
    |app: TestApp| async move {
        use icalendar::Component;
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = course_and_session(&app, &api).await;
        crate::helpers::seated(&app, &session_id, "Luis", "luis@example.org", Language::Es).await;
        let session = api.get_ok(&format!("/api/v1/sessions/{session_id}")).await;
        let meetings = session["meetings"].as_array().expect("meetings").clone();
        let ids = crate::helpers::meeting_ids(&session);
        assert_eq!(ids.len(), 3, "{session}");
        let uid = |id: &str| format!("session-{session_id}-meeting-{id}@{}", app.mail.domain);
        let local = |at: &serde_json::Value| {
            chrono::DateTime::parse_from_rfc3339(at.as_str().expect("time"))
                .expect("time")
                .with_timezone(&chrono_tz::Europe::Madrid)
                .format("%Y%m%dT%H%M%S")
                .to_string()
        };
        // (UID, DTSTART, STATUS) of each event of `ics`, and its METHOD.
        let events = |ics: &str| {
            let calendar: icalendar::Calendar = ics.parse().expect("the .ics parses");
            let method = calendar.property_value("METHOD").expect("METHOD").to_owned();
            let events: Vec<(String, String, String)> = calendar
                .components
                .iter()
                .filter_map(|c| c.as_event())
                .map(|e| {
                    (
                        e.get_uid().expect("UID").to_owned(),
                        e.properties().get("DTSTART").expect("start").value().to_owned(),
                        e.property_value("STATUS").expect("STATUS").to_owned(),
                    )
                })
                .collect();
            (method, events)
        };
        // The public file names them as the invitations do.
        let (_, published) = events(&crate::helpers::public_calendar(&app, &session_id).await);
        let names: Vec<String> = published.into_iter().map(|(uid, _, _)| uid).collect();
        assert_eq!(names, ids.iter().map(|id| uid(id)).collect::<Vec<_>>());

        let times = |m: &serde_json::Value| json!({"starts_at": m["starts_at"], "ends_at": m["ends_at"]});
        let (status, body) = api
            .patch_session(
                &session_id,
                &json!({"meetings": [times(&meetings[0]), times(&meetings[2])]}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let received = app.smtp.wait_for(1, Duration::from_secs(10)).await;
        assert_eq!(received.len(), 1, "one message: the meeting taken off");
        let ics = crate::helpers::attachment(&received[0].data, "invite.ics").expect("invite.ics");
        assert_eq!(
            events(&ics),
            (
                "CANCEL".to_owned(),
                vec![(uid(&ids[1]), local(&meetings[1]["starts_at"]), "CANCELLED".to_owned())]
            ),
            "{ics}"
        );
        assert!(
            crate::helpers::queued(&app, "session_changed", None).await.is_empty(),
            "the meetings left are as they were"
        );
        let withdrawn = crate::helpers::queued(&app, "meetings_withdrawn", Some("luis@example.org")).await;
        assert_eq!(
            withdrawn[0]["withdrawn"][0][0]
                .as_str()
                .map(|t| t.parse::<chrono::DateTime<chrono::Utc>>()),
            meetings[1]["starts_at"]
                .as_str()
                .map(|t| t.parse::<chrono::DateTime<chrono::Utc>>()),
            "the text names the meeting taken off: {withdrawn:?}"
        );

        // The last meeting moved to another day: its old event is
        // cancelled, and the update sends the two meetings under their names.
        let later = json!({"starts_at": "2030-06-20T09:00:00+02:00", "ends_at": "2030-06-20T13:00:00+02:00"});
        let (status, body) = api
            .patch_session(&session_id, &json!({"meetings": [times(&meetings[0]), later]}))
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let received = app.smtp.wait_for(3, Duration::from_secs(10)).await;
        assert_eq!(received.len(), 3, "the update and the cancellation");
        let session = api.get_ok(&format!("/api/v1/sessions/{session_id}")).await;
        let now = crate::helpers::meeting_ids(&session);
        assert_eq!(now[0], ids[0], "the first meeting is the same meeting");
        assert!(!ids.contains(&now[1]), "the moved one is a new meeting");
        let mut sent: Vec<_> = received[1..]
            .iter()
            .map(|m| events(&crate::helpers::attachment(&m.data, "invite.ics").expect("invite.ics")))
            .collect();
        sent.sort();
        assert_eq!(
            sent,
            [
                (
                    "CANCEL".to_owned(),
                    vec![(uid(&ids[2]), local(&meetings[2]["starts_at"]), "CANCELLED".to_owned())]
                ),
                (
                    "REQUEST".to_owned(),
                    vec![
                        (uid(&ids[0]), local(&meetings[0]["starts_at"]), "CONFIRMED".to_owned()),
                        (uid(&now[1]), "20300620T090000".to_owned(), "CONFIRMED".to_owned()),
                    ]
                ),
            ]
        );
    }
);

// Session 31's attack round: a confirmation left waiting (a retry after a
// failure) and sent after a change or a cancellation put back into calendars
// the meetings it was queued with, or the cancelled session (the two had
// the same SEQUENCE, the confirmation the later stamp). A waiting
// confirmation now follows the session, a cancellation drops it and
// outranks every invitation sent before.
db_test!(
    session_31_an_invitation_left_waiting_follows_the_session,
    |app: TestApp| async move {
        use aula_storage::entities::outbox;
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = course_and_session(&app, &api).await;
        let id: uuid::Uuid = session_id.parse().expect("uuid");
        // Luis's confirmation, queued and left waiting for a retry in an hour.
        let luis = crate::helpers::seated(&app, &session_id, "Luis", "luis@example.org", Language::Es).await;
        let person = aula_storage::people::get(&app.db, luis.person_id)
            .await
            .expect("person");
        let record = aula_storage::sessions::get(&app.db, id).await.expect("session");
        // In one transaction, so the dispatcher never sees it due.
        let txn = app.db.begin_write().await.expect("transaction");
        aula_mail::notify::confirmed(&txn, &app.mail, &record, &luis, &person, false)
            .await
            .expect("queued");
        outbox::Entity::update_many()
            .col_expr(
                outbox::Column::NextAttemptAt,
                Expr::value(chrono::Utc::now() + chrono::Duration::hours(1)),
            )
            .filter(outbox::Column::Kind.eq("registration_confirmed"))
            .exec(&txn)
            .await
            .expect("left waiting");
        txn.commit().await.expect("commit");
        let waiting =
            || async { crate::helpers::queued(&app, "registration_confirmed", Some("luis@example.org")).await };
        assert_eq!(
            waiting().await[0]["calendar"]["meetings"].as_array().map(Vec::len),
            Some(3)
        );

        // The middle meeting taken off: the confirmation says what the
        // session now is, its calendar too, in Luis's language.
        let meetings = crate::helpers::meetings_of(&api, &session_id).await;
        let (status, body) = api
            .patch_session(&session_id, &json!({"meetings": [meetings[0], meetings[2]]}))
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let confirmation = waiting().await.pop().expect("still waiting");
        assert_eq!(confirmation["calendar"]["meetings"].as_array().map(Vec::len), Some(2));
        assert_eq!(confirmation["calendar"]["sequence"], 1);
        assert_eq!(confirmation["session"]["meetings"].as_array().map(Vec::len), Some(2));
        assert!(
            confirmation["manage_path"].is_string(),
            "the rest is kept: {confirmation}"
        );

        // Cancelled: the confirmation is dropped, and the cancellation's
        // calendar outranks every invitation sent.
        let (status, body) = api.patch_session(&session_id, &json!({"status": "cancelled"})).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let row = outbox::Entity::find()
            .filter(outbox::Column::Kind.eq("registration_confirmed"))
            .one(&app.db)
            .await
            .expect("query")
            .expect("the confirmation");
        assert_eq!(row.status, MessageStatus::Dropped, "not sent");
        let cancelled = crate::helpers::queued(&app, "session_cancelled", Some("luis@example.org")).await;
        assert_eq!(cancelled[0]["calendar"]["sequence"], 2, "{cancelled:?}");
    }
);

// Session 31's attack round: one PATCH that changed the meetings and
// cancelled the session sent three e-mails (the change, the meetings taken
// off, the cancellation); one that raised the capacity and took a meeting
// off sent the person it seated their confirmation, the same invitation as
// a change, and the cancellation of a meeting they never had.
db_test!(
    session_31_one_change_sends_each_person_what_is_theirs,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = course_and_session(&app, &api).await;
        let (status, _) = api
            .patch_session(&session_id, &json!({"capacity": 1, "confirm_organiser_entries": false}))
            .await;
        assert_eq!(status, StatusCode::OK);
        let registrations = format!("/api/v1/sessions/{session_id}/registrations");
        let ana = api
            .created(&registrations, &crate::helpers::registrant("Ana", "ana@example.org"))
            .await;
        let ben = api
            .created(&registrations, &crate::helpers::registrant("Ben", "ben@example.org"))
            .await;
        assert_eq!(
            (ana["status"].as_str(), ben["status"].as_str()),
            (Some("confirmed"), Some("waitlisted"))
        );
        let kinds = |to: &'static str| {
            let app = &app;
            async move {
                let mut kinds = Vec::new();
                for kind in [
                    "registration_confirmed",
                    "session_changed",
                    "meetings_withdrawn",
                    "session_cancelled",
                ] {
                    for _ in crate::helpers::queued(app, kind, Some(to)).await {
                        kinds.push(kind);
                    }
                }
                kinds
            }
        };
        let meetings = crate::helpers::meetings_of(&api, &session_id).await;
        let (status, body) = api
            .patch_session(
                &session_id,
                &json!({"capacity": 2, "meetings": [meetings[0], meetings[1]]}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(
            kinds("ana@example.org").await,
            ["registration_confirmed", "meetings_withdrawn"]
        );
        assert_eq!(
            kinds("ben@example.org").await,
            ["registration_confirmed"],
            "seated by the change"
        );
        let confirmed = crate::helpers::queued(&app, "registration_confirmed", Some("ben@example.org")).await;
        assert_eq!(confirmed[0]["calendar"]["meetings"].as_array().map(Vec::len), Some(2));

        // Changed and cancelled at once: the cancellation alone, and the change kept.
        let (status, body) = api
            .patch_session(&session_id, &json!({"status": "cancelled", "meetings": [meetings[0]]}))
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["meetings"].as_array().map(Vec::len), Some(1), "{body}");
        assert_eq!(
            kinds("ana@example.org").await,
            ["registration_confirmed", "meetings_withdrawn", "session_cancelled"]
        );
        assert_eq!(
            kinds("ben@example.org").await,
            ["registration_confirmed", "session_cancelled"]
        );
    }
);

// Issue 16's attack round: user text added to what other software reads. A
// lone CR in a course's summary became an ATTENDEE and a whole event of its
// own in the calendar file; a title word written as an encoded word
// (`=?utf-8?B?SGFja2Vk?=`) showed as "Hacked" in mail readers; a name ending
// in a right-to-left override turned the rest of a sentence around.
db_test!(
    issue_16_user_text_stays_text_in_calendars_and_subjects,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (course_id, session_id) = course_and_session(&app, &api).await;
        let injected = "Intro\rATTENDEE:mailto:evil@attacker.example\rEND:VEVENT\rBEGIN:VEVENT\rUID:evil\rSUMMARY:Injected\u{2028}X-INJ:yes";
        let course = api
            .patch_ok(&format!("/api/v1/courses/{course_id}"), &json!({"summary": injected}))
            .await;
        assert!(
            !course.to_string().contains("\\r") && !course.to_string().contains('\u{2028}'),
            "{course}"
        );
        let ics = crate::helpers::public_calendar(&app, &session_id).await;
        assert!(!ics.replace("\r\n", "").contains(['\r', '\n', '\u{2028}']), "{ics:?}");
        let calendar: icalendar::Calendar = ics.parse().expect("the .ics parses");
        use icalendar::Component;
        let events: Vec<_> = calendar.components.iter().filter_map(|c| c.as_event()).collect();
        assert_eq!(events.len(), 3, "one event a meeting: {ics}");
        for event in events {
            assert_eq!(event.property_value("ATTENDEE"), None, "{ics}");
            assert_eq!(event.property_value("X-INJ"), None, "{ics}");
            assert!(event.get_uid().is_some_and(|uid| uid.starts_with("session-")), "{ics}");
        }

        // A right-to-left override left open in a name is refused, in the reader's language.
        let mut name = crate::helpers::registrant("Marta \u{202E}RLO", "marta@example.org");
        let registrations = format!("/api/v1/sessions/{session_id}/registrations");
        let (status, problem) = app.anonymous_api().post(&registrations, &name).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
        assert!(problem["fields"]["given_name"].is_array(), "{problem}");
        name = crate::helpers::registrant("Marta \u{2067}مرتا\u{2069}", "marta@example.org");
        let (status, body) = app.anonymous_api().post(&registrations, &name).await;
        assert_eq!(status, StatusCode::CREATED, "a closed isolate is kept: {body}");

        // The subject reads, in a standard mail parser, exactly as typed.
        crate::helpers::seated(&app, &session_id, "Luis", "luis@example.org", Language::Es).await;
        let typed = "Aviso =?utf-8?B?SGFja2Vk?= <b>x</b> العربية =?";
        let (status, body) = api
            .post(
                &format!("/api/v1/sessions/{session_id}/messages"),
                &json!({"audience": "all", "subject": typed, "body": "Hola"}),
            )
            .await;
        assert_eq!(status, StatusCode::ACCEPTED, "{body}");
        let received = app.smtp.wait_for(2, Duration::from_secs(10)).await;
        let broadcast = received
            .iter()
            .find(|m| m.to.iter().any(|to| to == "luis@example.org"))
            .expect("the broadcast");
        assert!(!broadcast.data.contains("SGFja2Vk?= "), "{}", broadcast.data);
        assert_eq!(python_subject(&broadcast.data), typed);
    }
);

/// The Subject as Python's standard `email` package decodes it.
fn python_subject(raw: &str) -> String {
    use std::io::Write;
    let python = "python3";
    let script = "import email, email.policy, sys\n\
        sys.stdout.write(str(email.message_from_bytes(sys.stdin.buffer.read(), policy=email.policy.default)['subject']))";
    let mut child = std::process::Command::new(python)
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|error| panic!("{python} is needed to read the e-mail: {error}"));
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(raw.as_bytes())
        .expect("write");
    let output = child.wait_with_output().expect("python");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).expect("utf-8")
}

#[test]
fn every_message_renders_in_every_language() {
    use aula_mail::ics::SessionCalendar;
    use aula_mail::render::{
        AbsenceWarning, AlreadyRegistered, CertificateReady, CheckInCode, MeetingsWithdrawn, RegistrationCancelled,
        RegistrationConfirmed, RegistrationRequested, RegistrationWaitlisted, Reminder, SessionCancelled,
        SessionChanged, SignInLink, SurveyInvitation, data, render,
    };
    use chrono::TimeZone;
    let at = |d, h| {
        chrono::Utc
            .with_ymd_and_hms(2030, 3, d, h, 0, 0)
            .single()
            .expect("time")
    };
    let session = SessionRef {
        id: uuid::Uuid::nil(),
        course_title: "Igualdad de trato y no discriminación".into(),
        time_zone: "Europe/Madrid".into(),
        place: Some("Sede regional, Calle Mayor 1, Sevilla (Andalucía)".into()),
        meetings: vec![(at(12, 8), at(12, 13)), (at(13, 8), at(13, 13))],
        online_url: None,
        meeting_places: Vec::new(),
    };
    let calendar = SessionCalendar {
        session_id: uuid::Uuid::nil(),
        time_zone: "Europe/Madrid".into(),
        summary: session.course_title.clone(),
        description: "Curso".into(),
        location: session.place.clone(),
        url: "https://aula.example.org/sessions/0".into(),
        sequence: 1,
        organiser_email: "formacion@aula.example.org".into(),
        organiser_name: "Formación".into(),
        meetings: session.meetings.clone(),
        places: Vec::new(),
        first_rank: 0,
        meeting_ids: Vec::new(),
    };
    let kinds = [
        (
            "broadcast",
            data(&Broadcast {
                session: session.clone(),
                subject: "Cambio de aula".into(),
                body: "Nos vemos en la sala 2.\n\nGracias.".into(),
                organiser_name: "Marta Sánchez".into(),
            }),
        ),
        (
            "session_changed",
            data(&SessionChanged {
                session: session.clone(),
                calendar: calendar.clone(),
            }),
        ),
        (
            "meetings_withdrawn",
            data(&MeetingsWithdrawn {
                session: session.clone(),
                withdrawn: vec![(
                    "2030-03-19T08:00:00Z".parse().expect("time"),
                    "2030-03-19T13:00:00Z".parse().expect("time"),
                )],
                calendar: SessionCalendar {
                    meetings: vec![(
                        "2030-03-19T08:00:00Z".parse().expect("time"),
                        "2030-03-19T13:00:00Z".parse().expect("time"),
                    )],
                    first_rank: 2,
                    ..calendar.clone()
                },
            }),
        ),
        (
            "session_cancelled",
            data(&SessionCancelled {
                session: session.clone(),
                calendar: Some(calendar.clone()),
            }),
        ),
        (
            "registration_confirmed",
            with_manage_link(data(&RegistrationConfirmed {
                session: session.clone(),
                calendar: calendar.clone(),
                promoted: true,
            })),
        ),
        (
            "reminder",
            with_manage_link(data(&Reminder {
                session: session.clone(),
            })),
        ),
        (
            "registration_requested",
            with_manage_link(data(&RegistrationRequested {
                session: session.clone(),
                confirm_path: "/confirm/CONFIRM-TOKEN".into(),
                hours: 48,
            })),
        ),
        (
            "already_registered",
            with_manage_link(data(&AlreadyRegistered {
                session: session.clone(),
                status: "waitlisted".into(),
                position: Some(3),
            })),
        ),
        (
            "registration_waitlisted",
            with_manage_link(data(&RegistrationWaitlisted {
                session: session.clone(),
                position: 7,
            })),
        ),
        (
            "registration_cancelled",
            data(&RegistrationCancelled {
                session: session.clone(),
                calendar: Some(calendar),
                by_organiser: false,
            }),
        ),
        (
            "absence_warning",
            with_manage_link(data(&AbsenceWarning {
                session: session.clone(),
                minimum_percent: 80,
                about: None,
                trainees: Vec::new(),
            })),
        ),
        (
            "check_in_code",
            with_manage_link(data(&CheckInCode {
                session: session.clone(),
                code: "482913".into(),
                minutes: 10,
            })),
        ),
        (
            "survey_invitation",
            data(&SurveyInvitation {
                session: session.clone(),
                path: "/s/SURVEY-TOKEN?lang=es".into(),
                closes_at: at(20, 12),
                reminder: true,
            }),
        ),
        (
            "certificate_ready",
            data(&CertificateReady {
                course_title: "Igualdad de trato y no discriminación".into(),
                number: "ULE-2030-000123".into(),
                path: "/c/CERTIFICATE/SIGNATURE".into(),
                verify_path: "/verify/7K3M-Q9TR".into(),
            }),
        ),
        (
            "certificate_revoked",
            data(&aula_mail::render::CertificateRevoked {
                course_title: "Igualdad de trato y no discriminación".into(),
                number: "ULE-2030-000123".into(),
                reason: "Emitido por error: la asistencia no llegaba al 80 %.".into(),
                verify_path: "/verify/7K3M-Q9TR".into(),
            }),
        ),
        (
            "sign_in_link",
            data(&SignInLink {
                path: "/me/sign-in/SIGN-IN-TOKEN".into(),
                minutes: 30,
            }),
        ),
        (
            "erasure_link",
            data(&aula_mail::render::ErasureLink {
                path: "/me/erasure/ERASURE-TOKEN".into(),
                hours: 24,
            }),
        ),
    ];
    assert_eq!(kinds.len(), aula_mail::render::KINDS.len(), "every kind is covered");
    // The organisers' digest of absences (issue 20), as a kind of its own here.
    let digest = data(&AbsenceWarning {
        session: session.clone(),
        minimum_percent: 80,
        about: None,
        trainees: vec!["Ana Ruiz".into(), "Karim Ben Salah".into()],
    });
    let kinds: Vec<(&str, serde_json::Value)> = kinds.into_iter().chain([("absence_digest", digest)]).collect();
    fn with_manage_link(mut value: serde_json::Value) -> serde_json::Value {
        value["manage_path"] = "/r/PERSONAL-LINK".into();
        value
    }
    for (kind, value) in kinds {
        for language in Language::ALL {
            let rendered = render(
                MailKind::parse(kind.replace("absence_digest", "absence_warning").as_str()).expect("a kind"),
                &value.to_string(),
                *language,
                Some("Ana Ruiz".into()),
                &crate::helpers::signer(),
                "https://aula.example.org",
                "aula.example.org",
            )
            .expect("renders");
            assert!(
                !rendered.text.contains("mail-"),
                "a missing key in {kind} {language}: {}",
                rendered.text
            );
            insta::assert_snapshot!(
                format!("{kind}_{language}"),
                format!(
                    "Subject: {}\n\n{}\n----- html -----\n{}",
                    rendered.subject, rendered.text, rendered.html
                )
            );
        }
    }
}

async fn confirmed_person(app: &TestApp, session_id: &str, email: &str) -> aula_storage::entities::registration::Model {
    let person = crate::helpers::person(app, "Marta", email, Language::Fr).await;
    let txn = app.db.begin_write().await.expect("begin");
    let added = aula_storage::registrations::add_placed(
        &txn,
        &app.mail.link_key,
        session_id.parse().expect("uuid"),
        person.id,
        aula_storage::registrations::Source::Organiser,
    )
    .await
    .expect("registered");
    let record = aula_storage::sessions::get(&txn, session_id.parse().expect("uuid"))
        .await
        .expect("session");
    aula_mail::notify::confirmed(&txn, &app.mail, &record, &added, &person, false)
        .await
        .expect("notified");
    // Confirming twice never queues a second reminder.
    aula_mail::notify::confirmed(&txn, &app.mail, &record, &added, &person, false)
        .await
        .expect("notified");
    txn.commit().await.expect("commit");
    app.wake.notify_waiters();
    added
}

async fn reminders(app: &TestApp) -> Vec<aula_storage::entities::outbox::Model> {
    outbox::list(
        &app.db,
        &outbox::OutboxFilter {
            kind: Some(MailKind::Reminder),
            ..Default::default()
        },
        aula_storage::Page::default(),
    )
    .await
    .expect("list")
    .items
}

db_test!(
    a_confirmed_place_brings_an_invitation_and_one_reminder,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = course_and_session(&app, &api).await;
        confirmed_person(&app, &session_id, "marta@example.org").await;
        let received = app.smtp.wait_for(2, Duration::from_secs(10)).await;
        let confirmations: Vec<_> = received.iter().filter(|m| m.data.contains("method=REQUEST")).collect();
        assert_eq!(
            confirmations.len(),
            2,
            "confirmed twice, two confirmations with the invitation"
        );
        let pending = reminders(&app).await;
        assert_eq!(pending.len(), 1, "one reminder");
        // Two days before 2030-03-12 09:00 in Madrid (08:00 UTC).
        assert_eq!(pending[0].next_attempt_at.to_rfc3339(), "2030-03-10T08:00:00+00:00");
        assert_eq!(pending[0].status, MessageStatus::Pending);

        // The first meeting moves: the reminder follows.
        let (status, _) = api
            .patch_session(
                &session_id,
                &json!({"meetings": [
                    {"starts_at": "2030-03-19T09:00:00+01:00", "ends_at": "2030-03-19T14:00:00+01:00"},
                ]}),
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(
            reminders(&app).await[0].next_attempt_at.to_rfc3339(),
            "2030-03-17T08:00:00+00:00"
        );

        // Its time comes: it goes out once.
        due_now(&app, "kind = 'reminder'").await;
        // Two confirmations, the new times, the two meetings taken off (one
        // message), and the reminder.
        assert_eq!(app.smtp.wait_for(5, Duration::from_secs(10)).await.len(), 5);
        wait_until_sent(&app, 5).await;
        let sent = reminders(&app).await;
        assert_eq!(sent.len(), 1);
        assert_eq!(sent[0].status, MessageStatus::Sent);

        // Postponed after the reminder went out: another one for the new
        // date (session 25's review: the one sent for the old date was the
        // last). Moving the end only, or to the same date again, adds none.
        let postpone = |end: &'static str| {
            let api = &api;
            let session_id = &session_id;
            async move {
                let (status, body) = api
                    .patch_session(
                        session_id,
                        &json!({"meetings": [{"starts_at": "2030-04-09T09:00:00+02:00", "ends_at": end}]}),
                    )
                    .await;
                assert_eq!(status, StatusCode::OK, "{body}");
            }
        };
        postpone("2030-04-09T14:00:00+02:00").await;
        postpone("2030-04-09T13:00:00+02:00").await;
        let all = reminders(&app).await;
        let pending: Vec<_> = all
            .iter()
            .filter(|r| r.status == MessageStatus::Pending)
            .map(|r| r.next_attempt_at.to_rfc3339())
            .collect();
        // Two days before 2030-04-09 09:00 in Madrid, summer time (07:00 UTC).
        assert_eq!((all.len(), pending), (2, vec!["2030-04-07T07:00:00+00:00".to_owned()]));
        // Moved back to the date already reminded of: no second reminder
        // for it; then to April again: one for April (the review found the
        // reminder of a date moved away and back lost).
        let move_to = |start: &'static str, end: &'static str| {
            let api = &api;
            let session_id = &session_id;
            async move {
                let (status, body) = api
                    .patch_session(session_id, &json!({"meetings": [{"starts_at": start, "ends_at": end}]}))
                    .await;
                assert_eq!(status, StatusCode::OK, "{body}");
            }
        };
        let waiting = || async {
            reminders(&app)
                .await
                .iter()
                .filter(|r| r.status == MessageStatus::Pending)
                .map(|r| r.next_attempt_at.to_rfc3339())
                .collect::<Vec<_>>()
        };
        move_to("2030-03-19T09:00:00+01:00", "2030-03-19T14:00:00+01:00").await;
        assert_eq!(waiting().await, Vec::<String>::new(), "reminded of that date already");
        move_to("2030-04-09T09:00:00+02:00", "2030-04-09T14:00:00+02:00").await;
        assert_eq!(waiting().await, ["2030-04-07T07:00:00+00:00"]);

        // The lead time alone changes, to a day: the reminder waiting leaves
        // a day before, and its key names that time (it kept the old one,
        // session 25's note). 2030-04-08T07:00Z is 1,901,862,000 s.
        let (status, body) = api
            .patch_session(&session_id, &json!({"reminder_lead_hours": "24"}))
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let pending: Vec<_> = reminders(&app)
            .await
            .into_iter()
            .filter(|r| r.status == MessageStatus::Pending)
            .collect();
        assert_eq!(pending.len(), 1);
        assert_eq!(pending[0].next_attempt_at.to_rfc3339(), "2030-04-08T07:00:00+00:00");
        let key = pending[0].dedupe_key.clone().expect("key");
        assert!(key.starts_with("reminder:") && key.ends_with(":1901862000"), "{key}");
    }
);

// Issue 20: after downtime the dispatcher caught up and sent "starts soon"
// after the session had ended.
db_test!(
    issue_20_a_reminder_found_after_the_session_started_is_dropped,
    |app: TestApp| async move {
        use sea_orm::sea_query::Expr;
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = course_and_session(&app, &api).await;
        confirmed_person(&app, &session_id, "ines@example.org").await;
        assert_eq!(app.smtp.wait_for(2, Duration::from_secs(10)).await.len(), 2);
        // Mail stopped before the reminder's moment and resumed after the start.
        aula_storage::entities::session::Entity::update_many()
            .col_expr(
                aula_storage::entities::session::Column::StartsAt,
                Expr::value(chrono::Utc::now() - chrono::Duration::hours(1)),
            )
            .filter(aula_storage::entities::session::Column::Id.eq(session_id.parse::<uuid::Uuid>().expect("uuid")))
            .exec(&app.db)
            .await
            .expect("started");
        due_now(&app, "kind = 'reminder'").await;
        // The dispatcher's rounds pass it over; the scheduled jobs mark it.
        tokio::time::sleep(Duration::from_millis(300)).await;
        aula_app::jobs::tick(&app.app()).await.expect("jobs");
        let dropped = reminders(&app).await;
        assert_eq!(dropped.len(), 1);
        assert_eq!(dropped[0].status, MessageStatus::Dropped);
        assert!(dropped[0].last_error.as_deref().unwrap_or("").contains("started"));
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert_eq!(app.smtp.received().len(), 2, "only the two confirmations went out");
    }
);

db_test!(no_reminder_for_a_cancelled_session, |app: TestApp| async move {
    let api = app.api(&[Role::Organiser]).await;
    let (_, session_id) = course_and_session(&app, &api).await;
    confirmed_person(&app, &session_id, "luisa@example.org").await;
    assert_eq!(reminders(&app).await.len(), 1);
    let (status, _) = api.patch_session(&session_id, &json!({"status": "cancelled"})).await;
    assert_eq!(status, StatusCode::OK);
    assert!(reminders(&app).await.is_empty(), "the reminder is dropped");
});

db_test!(the_reminder_lead_time_is_set_per_session, |app: TestApp| async move {
    let api = app.api(&[Role::Organiser]).await;
    let (_, session_id) = course_and_session(&app, &api).await;
    confirmed_person(&app, &session_id, "pau@example.org").await;
    let (status, body) = api
        .patch_session(&session_id, &json!({"reminder_lead_hours": 24}))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // One day before 2030-03-12 09:00 in Madrid.
    assert_eq!(
        reminders(&app).await[0].next_attempt_at.to_rfc3339(),
        "2030-03-11T08:00:00+00:00"
    );
    let (status, body) = api.patch_session(&session_id, &json!({"reminder_lead_hours": 0})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["fields"]["reminder_lead_hours"].is_array(), "{body}");
});

db_test!(
    a_message_that_cannot_be_rendered_fails_with_the_reason,
    |app: TestApp| async move {
        let mut bad = broadcast(app.org().await, 1);
        bad.data = json!({"session": "not a session"});
        let txn = app.db.begin_write().await.expect("begin");
        outbox::enqueue(&txn, &bad, &app.mail.domain).await.expect("enqueue");
        txn.commit().await.expect("commit");
        app.wake.notify_waiters();
        for _ in 0..100 {
            let failed = with_status(&app, "failed").await;
            if let Some(row) = failed.items.first() {
                assert!(
                    row.last_error.as_deref().is_some_and(|e| e.contains("template data")),
                    "{:?}",
                    row.last_error
                );
                assert_eq!(row.attempts, 1, "not retried by itself");
                assert_eq!(app.smtp.count(), 0);
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the message was not marked failed");
    }
);

/// Makes the queued mail that `condition` (SQL) selects due now, and wakes
/// the dispatcher.
async fn due_now(app: &TestApp, condition: &str) {
    app.db
        .execute_unprepared(&format!(
            "UPDATE outbox SET next_attempt_at = created_at WHERE {condition}"
        ))
        .await
        .expect("due");
    app.wake.notify_waiters();
}

// Found by reading every e-mail in four languages (session 23): someone
// erased by the staff while their session was under way (their place is
// kept: it is counted) was still written to, at their erased address; and
// the waiting list got a hybrid meeting's link in broadcasts, and the
// meeting's link and a calendar cancellation when the session was
// cancelled, though they never had either.
db_test!(
    issue_21_the_erased_and_the_waiting_get_only_what_is_theirs,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = course_and_session(&app, &api).await;
        let mut meetings = crate::helpers::meetings_of(&api, &session_id).await;
        meetings[1]["place"] = json!("https://meet.example.org/sesion-2");
        let (status, body) = api
            .patch_session(&session_id, &json!({"meetings": meetings, "capacity": 2}))
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let eva = crate::helpers::seated(&app, &session_id, "Eva", "eva@example.org", Language::Es).await;
        crate::helpers::seated(&app, &session_id, "Ana", "ana@example.org", Language::Es).await;
        crate::helpers::seated(&app, &session_id, "Léo", "leo@example.org", Language::Fr).await;
        // Erased as for a session under way: the registration is kept.
        let txn = app.db.begin_write().await.expect("txn");
        let person = aula_storage::retention::claim(&txn, eva.person_id)
            .await
            .expect("claim");
        aula_storage::retention::erase(&txn, &person, false)
            .await
            .expect("erase");
        txn.commit().await.expect("commit");

        let (status, body) = api
            .post(
                &format!("/api/v1/sessions/{session_id}/messages"),
                &json!({"audience": "all", "subject": "Aviso", "body": "Hola"}),
            )
            .await;
        assert_eq!(status, StatusCode::ACCEPTED, "{body}");
        assert_eq!(body["queued"], 2, "Ana and Léo, not Eva");
        let to_leo = crate::helpers::queued(&app, "broadcast", Some("leo@example.org")).await;
        assert_eq!(
            to_leo[0]["session"]["meeting_places"],
            json!([null, null, null]),
            "{to_leo:?}"
        );
        let to_ana = crate::helpers::queued(&app, "broadcast", Some("ana@example.org")).await;
        assert_eq!(
            to_ana[0]["session"]["meeting_places"][1],
            "https://meet.example.org/sesion-2"
        );

        let (status, body) = api.patch_session(&session_id, &json!({"status": "cancelled"})).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let to_leo = crate::helpers::queued(&app, "session_cancelled", Some("leo@example.org")).await;
        assert_eq!(to_leo[0]["calendar"], serde_json::Value::Null, "{to_leo:?}");
        assert_eq!(to_leo[0]["session"]["meeting_places"], json!([null, null, null]));
        let to_ana = crate::helpers::queued(&app, "session_cancelled", Some("ana@example.org")).await;
        assert!(to_ana[0]["calendar"].is_object(), "{to_ana:?}");
        // Rendered, the waiting list's says nothing of a calendar.
        let rendered = aula_mail::render::render(
            MailKind::SessionCancelled,
            &to_leo[0].to_string(),
            Language::Fr,
            Some("Léo".to_owned()),
            &crate::helpers::signer(),
            "http://aula.example.org",
            "example.org",
        )
        .expect("render");
        assert!(rendered.calendar.is_none());
        assert!(!rendered.text.contains("invite.ics"), "{}", rendered.text);
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let erased = aula_storage::entities::outbox::Entity::find()
            .filter(aula_storage::entities::outbox::Column::Recipient.like("%erased.invalid"))
            .all(&app.db)
            .await
            .expect("outbox");
        assert!(erased.is_empty(), "{erased:?}");
    }
);
