//! The demo data set: a union's national programme on diversity in public
//! services and a French city network's project, with regions, staff,
//! courses and sessions past and future. Loaded through the same
//! repositories and rules as anything an organiser enters.

pub mod content;

use aula_domain::details::{
    Accreditation, AccreditationBodyDetails, CourseDetails, ProgrammeDetails, SessionDetails, UserDetails, VenueDetails,
};
use aula_domain::{
    Audience, BodyCode, Capacity, Credits, Email, Hours, Language, MeetingTimes, Modality, Password, PasswordHash,
    Percent, PersonName, RegistrantDetails, Role, SessionStatus, SessionTimeZone, Text, Url,
};
use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};
use sea_orm::{ConnectionTrait, EntityTrait, PaginatorTrait};
use uuid::Uuid;

use crate::db::Begin;
use crate::entities::region;
use crate::registrations::Source;
use crate::secrets::LinkKey;
use crate::{
    Actor, Result, StorageError, bodies, courses, people, programmes, regions, registrations, sessions, users,
};

/// The password of every demo account, printed by `aula serve --demo`.
pub const PASSWORD: &str = "aula-demo-2026";

/// The demo's sign-ins: (role, e-mail).
pub const SIGN_INS: &[(&str, &str)] = &[
    ("admin", "admin@aula.example.org"),
    ("organiser", "organiser@aula.example.org"),
    ("trainer", "lucia.moreno@formacion.example.org"),
    ("accreditor", "accreditor@unileon.example.org"),
];

/// Whether the database holds no data yet (no region, the first thing any set-up adds).
pub async fn is_empty(conn: &impl ConnectionTrait) -> Result<bool> {
    Ok(region::Entity::find().count(conn).await? == 0)
}

fn text<const MAX: usize, const ML: bool>(value: &str) -> Result<Text<MAX, ML>> {
    Text::parse(value).map_err(|p| StorageError::invalid("demo", p.key))
}

fn problem<T>(result: std::result::Result<T, aula_domain::Problem>) -> Result<T> {
    result.map_err(|p| StorageError::invalid("demo", p.key))
}

/// Loads the demo data set in one transaction. `today` anchors the dates so
/// that there are always sessions past and to come.
pub async fn load(conn: &impl Begin, today: NaiveDate) -> Result<()> {
    let txn = conn.begin_write().await?;
    let actor = Actor::system("demo");
    let key = crate::keys::link_key(&txn).await?;

    let mut region_ids = std::collections::HashMap::new();
    for r in content::REGIONS {
        region_ids.insert(r.code, regions::create(&txn, &actor, r.code, r.name).await?.id);
    }

    let university = bodies::create(
        &txn,
        &actor,
        &AccreditationBodyDetails {
            name: text("Universidad de León")?,
            code: problem(BodyCode::parse("ULE"))?,
            website: Some(problem(Url::parse("https://www.unileon.example.org"))?),
        },
    )
    .await?;

    let password = PasswordHash::new(&problem(Password::parse(PASSWORD))?);
    let add_user = async |name: &str, email: &str, roles: Vec<Role>, body: Option<Uuid>, language: Language| {
        users::create(
            &txn,
            &actor,
            &UserDetails {
                email: problem(Email::parse(email))?,
                name: text(name)?,
                roles,
                accreditation_body_id: body,
                language,
                password: Some(password.clone()),
            },
        )
        .await
    };
    add_user(
        "Administración Aula",
        SIGN_INS[0].1,
        vec![Role::Admin],
        None,
        Language::Es,
    )
    .await?;
    add_user(
        "Marta Sánchez Vidal",
        SIGN_INS[1].1,
        vec![Role::Organiser],
        None,
        Language::Es,
    )
    .await?;
    add_user(
        "Dr. Andrés Llamazares",
        SIGN_INS[3].1,
        vec![Role::Accreditor],
        Some(university.id),
        Language::Es,
    )
    .await?;
    let mut trainer_ids = Vec::new();
    for (index, t) in content::TRAINERS.iter().enumerate() {
        let language = if index >= 4 { Language::Fr } else { Language::Es };
        trainer_ids.push(
            add_user(t.name, t.email, vec![Role::Trainer], None, language)
                .await?
                .user
                .id,
        );
    }

    let mut programme_ids = Vec::new();
    for (index, p) in content::PROGRAMMES.iter().enumerate() {
        let year = today.year();
        let details = ProgrammeDetails {
            title: text(p.title)?,
            funder: Some(text(p.funder)?),
            description: Some(text(p.description)?),
            starts_on: NaiveDate::from_ymd_opt(year - 1, 1 + index as u32 * 3, 1),
            ends_on: NaiveDate::from_ymd_opt(year + 1, 6, 30),
        };
        programme_ids.push(programmes::create(&txn, &actor, &details).await?.id);
    }

    for (index, c) in content::COURSES.iter().enumerate() {
        let modality = problem(Modality::parse(c.modality))?;
        let audiences = c
            .audiences
            .iter()
            .map(|a| problem(Audience::parse(a)))
            .collect::<Result<Vec<_>>>()?;
        let accreditation = c.accredited.then(|| Accreditation {
            body_id: university.id,
            credits: Credits::from_hundredths(i64::from(c.hours) * 4).ok(),
            recognised_hours: Hours::from_minutes(i64::from(c.hours) * 60).ok(),
            minimum_attendance: Percent::DEFAULT_MINIMUM_ATTENDANCE,
            // Half of the university's courses ask for the survey before the certificate.
            survey_required: index % 2 == 0,
        });
        let course = courses::create(
            &txn,
            &actor,
            &CourseDetails {
                programme_id: programme_ids.get(c.programme).copied(),
                title: text(c.title)?,
                summary: text(c.summary)?,
                objectives: Some(text(c.objectives)?),
                hours: problem(Hours::from_minutes(i64::from(c.hours) * 60))?,
                modality,
                audiences,
                language: problem(Language::parse(c.language))?,
                accreditation,
            },
        )
        .await?;

        let french = c.language == "fr";
        let zone = problem(SessionTimeZone::parse(if french {
            "Europe/Paris"
        } else {
            "Europe/Madrid"
        }))?;
        let venue = match c.place.and_then(|p| content::PLACES.get(p)) {
            Some(place) => Some(VenueDetails {
                name: text(place.name)?,
                address: Some(text(place.address)?),
                city: text(place.city)?,
                region_id: region_ids
                    .get(place.region_code)
                    .copied()
                    .ok_or(StorageError::NotFound)?,
            }),
            None => None,
        };
        let online_url = (modality != Modality::InPerson)
            .then(|| Url::parse(&format!("https://meet.example.org/aula-demo-{}", index + 1)))
            .transpose()
            .map_err(|p| StorageError::invalid("demo", p.key))?;
        let trainers = vec![trainer_ids[if french { 4 + index % 2 } else { index % 4 }]];
        // A past edition, completed, and one to come, open; webinars only to come.
        let editions: &[(i64, SessionStatus)] = if c.meetings == 1 {
            &[(12 + index as i64 * 5, SessionStatus::Open)]
        } else {
            &[
                (-90 - index as i64 * 7, SessionStatus::Completed),
                (10 + index as i64 * 6, SessionStatus::Open),
            ]
        };
        for (offset, status) in editions {
            let first_day = next_weekday(today + Duration::days(*offset));
            let meetings = meeting_days(first_day, c.meetings, modality)
                .into_iter()
                .map(|day| {
                    let start = NaiveTime::from_hms_opt(9, 30, 0).unwrap_or_default();
                    let end = start + Duration::hours(i64::from(c.meeting_hours));
                    let (s, e) = (day.and_time(start), day.and_time(end));
                    MeetingTimes::new(problem(zone.instant(s))?, problem(zone.instant(e))?)
                        .map_err(|p| StorageError::invalid("demo", p.key))
                })
                .collect::<Result<Vec<_>>>()?;
            let opens = problem(
                zone.instant(
                    (first_day - Duration::days(60))
                        .and_hms_opt(9, 0, 0)
                        .unwrap_or_default(),
                ),
            )?;
            let closes = problem(
                zone.instant(
                    (first_day - Duration::days(2))
                        .and_hms_opt(23, 59, 0)
                        .unwrap_or_default(),
                ),
            )?;
            let details = SessionDetails::new(
                SessionDetails {
                    course_id: course.course.id,
                    time_zone: zone,
                    venue: venue.clone(),
                    online_url: online_url.clone(),
                    capacity: problem(Capacity::new(if modality == Modality::Online { 60 } else { 25 }))?,
                    registration_opens_at: Some(opens),
                    registration_closes_at: Some(closes),
                    trainer_ids: trainers.clone(),
                    meetings,
                    reminder_lead_minutes: aula_domain::details::DEFAULT_REMINDER_LEAD_HOURS * 60,
                    confirm_organiser_entries: true,
                    issue_on_completion: false,
                },
                modality,
            )?;
            let session = sessions::create(&txn, &actor, &details).await?;
            participants(
                &txn,
                &key,
                session.session.id,
                &region_ids,
                french,
                index * 7 + editions.len(),
            )
            .await?;
            let path: &[SessionStatus] = match status {
                SessionStatus::Completed => &[SessionStatus::Open, SessionStatus::Closed, SessionStatus::Completed],
                _ => &[SessionStatus::Open],
            };
            for step in path {
                sessions::set_status(&txn, &actor, session.session.id, *step).await?;
            }
        }
    }
    txn.commit().await?;
    Ok(())
}

/// A dozen people per session, confirmed, from the demo's names and workplaces.
async fn participants(
    conn: &impl ConnectionTrait,
    key: &LinkKey,
    session_id: Uuid,
    regions: &std::collections::HashMap<&str, Uuid>,
    french: bool,
    seed: usize,
) -> Result<()> {
    let spanish_regions: Vec<Uuid> = content::REGIONS
        .iter()
        .filter(|r| r.code.starts_with("ES-"))
        .filter_map(|r| regions.get(r.code).copied())
        .collect();
    for n in 0..12 {
        let k = seed * 13 + n * 7;
        let given = content::GIVEN_NAMES[k % content::GIVEN_NAMES.len()];
        let family = content::FAMILY_NAMES[(k * 3 + 1) % content::FAMILY_NAMES.len()];
        let ascii = |s: &str| -> String {
            aula_domain::fold_for_search(s)
                .chars()
                .filter(|c| c.is_ascii_alphanumeric())
                .collect()
        };
        let local = match (ascii(given), ascii(family)) {
            (g, f) if g.is_empty() || f.is_empty() => format!("persona{k}"),
            (g, f) => format!("{g}.{f}{}", k % 97),
        };
        let details = RegistrantDetails {
            given_name: problem(PersonName::parse(given))?,
            family_name: problem(PersonName::parse(family))?,
            email: problem(Email::parse(&format!("{local}@correo.example.org")))?,
            phone: None,
            employer: Some(problem(Text::parse(
                content::WORKPLACES[k % content::WORKPLACES.len()],
            ))?),
            job_title: Some(problem(Text::parse(
                content::JOB_TITLES[k % content::JOB_TITLES.len()],
            ))?),
            audience: if n % 3 == 0 {
                Audience::UnionDelegate
            } else {
                Audience::PublicServant
            },
            region_id: if french {
                None
            } else {
                spanish_regions.get(k % spanish_regions.len().max(1)).copied()
            },
            language: if french { Language::Fr } else { Language::Es },
        };
        let person = people::upsert(conn, &details, Some("demo")).await?;
        registrations::add_placed(conn, key, session_id, person.id, Source::Organiser).await?;
    }
    Ok(())
}

fn next_weekday(day: NaiveDate) -> NaiveDate {
    match day.weekday() {
        Weekday::Sat => day + Duration::days(2),
        Weekday::Sun => day + Duration::days(1),
        _ => day,
    }
}

/// In-person courses meet on consecutive working days; online ones weekly.
fn meeting_days(first: NaiveDate, count: u32, modality: Modality) -> Vec<NaiveDate> {
    let mut days = Vec::new();
    let mut day = first;
    while days.len() < count as usize {
        days.push(day);
        day = match modality {
            Modality::Online => day + Duration::days(7),
            _ => next_weekday(day + Duration::days(1)),
        };
    }
    days
}
