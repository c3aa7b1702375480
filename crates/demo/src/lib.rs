//! The demo data set: a union's national programme on diversity in public
//! services, a French network of welcoming cities (its own seminar and two
//! member cities' projects) and two Tunisian
//! municipalities' project (French and Arabic), with regions, staff,
//! courses, their editions to come and a year and a half of past activity.
//! The catalogue is loaded through the same repositories and rules as
//! anything an organiser enters; the past activity, which can be made as
//! large as a benchmark needs, is written in bulk by [`activity`].
//!
//! Invariants kept here:
//! - Only storage's public API writes (its repositories for the catalogue,
//!   its entities and `registrations::add_placed` for the bulk activity),
//!   so the demo obeys the same rules and constraints as real data.
//! - The demo loads into an empty database only ([`is_empty`]), and its
//!   figures (people, beneficiaries, satisfaction, ...) are fixed by
//!   [`activity::Plan`], so the published indicator figures are checked
//!   by tests.
//! - Nothing here is in the path of a request: `aula demo` and
//!   `aula serve --demo` call it once, before serving.

pub mod activity;
pub mod content;

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::pin::Pin;
use std::task::Poll;

use aula_domain::catalogue::CourseTexts;
use aula_domain::details::{
    Accreditation, AccreditationBodyDetails, CourseDetails, Funder, Partner, ProgrammeDetails, SessionDetails,
    UserDetails, VenueDetails,
};
use aula_domain::{
    Audience, BodyCode, Capacity, Credits, Email, Hours, Language, MeetingTimes, Modality, Password, PasswordHash,
    Percent, Role, SessionStatus, SessionTimeZone, Text, Url,
};
use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseTransaction, DbBackend, EntityTrait, PaginatorTrait, QueryFilter};
use uuid::Uuid;

use aula_storage::db::Begin;
use aula_storage::entities::{region, survey_template};
use aula_storage::{Actor, Result, StorageError, bodies, courses, programmes, regions, sessions, surveys, users};

/// The password of every demo account, printed by `aula serve --demo`.
pub const PASSWORD: &str = "aula-demo-2026";

/// The demo's sign-ins: (role, e-mail).
pub const SIGN_INS: &[(&str, &str)] = &[
    ("admin", "admin@aula.example.org"),
    ("organiser", "organiser@aula.example.org"),
    ("trainer", "lucia.moreno@formacion.example.org"),
    ("accreditor", "accreditor@unileon.example.org"),
];

/// Whether the database holds no data yet: no region (the first thing any
/// set-up adds), no staff, no course and no person. Regions alone were
/// checked, and the demo loaded into an instance whose operator had added
/// staff and tokens first: it renamed their organisation and added an
/// administrator with the published demo password (issue 16's attack round).
pub async fn is_empty(conn: &impl ConnectionTrait) -> Result<bool> {
    use aula_storage::entities::{course, person, user};
    Ok(region::Entity::find().count(conn).await? == 0
        && user::Entity::find().count(conn).await? == 0
        && course::Entity::find().count(conn).await? == 0
        && person::Entity::find().count(conn).await? == 0)
}

fn text<const MAX: usize, const ML: bool>(value: &str) -> Result<Text<MAX, ML>> {
    Text::parse(value).map_err(|p| StorageError::invalid("demo", p.key))
}

fn problem<T>(result: std::result::Result<T, aula_domain::Problem>) -> Result<T> {
    result.map_err(|p| StorageError::invalid("demo", p.key))
}

/// Loads the demo data set (one block of past activity, see [`activity`]).
pub async fn load(conn: &impl Begin, today: NaiveDate) -> Result<()> {
    load_scaled(conn, today, 1).await.map(|_| ())
}

/// Blocks of past activity written per transaction (about 150,000 rows).
const BLOCKS_PER_TRANSACTION: u32 = 10;

/// Loads the demo data set with `scale` blocks of past activity: the
/// catalogue and the first block in one transaction, further blocks ten to
/// a transaction. On PostgreSQL two transactions write at once (the
/// server does the work, one core per connection); SQLite has one writer.
/// `today` anchors the dates so that there are always sessions past and to
/// come.
pub async fn load_scaled(conn: &impl Begin, today: NaiveDate, scale: u32) -> Result<activity::Summary> {
    let plan = activity::Plan::build()?;
    let backend = conn.get_database_backend();
    let txn = conn.begin_write().await?;
    let tuning = activity::Tuning::apply(&txn).await?;
    let key = aula_storage::keys::link_key(&txn).await?;
    let catalogue = catalogue(&txn, today).await?;
    let mut counters = activity::Counters::read(&txn).await?;
    let first = activity::build_block(&plan, &catalogue, &key, backend, today, 0, &mut counters)?;
    let summary = RefCell::new(first.write(&txn, &key).await?);
    tuning.restore(&txn).await?;
    txn.commit().await?;

    let counters = RefCell::new(counters);
    let next = Cell::new(1);
    let writer = async || -> Result<()> {
        loop {
            let start = next.get();
            if start >= scale {
                return Ok(());
            }
            let end = scale.min(start + BLOCKS_PER_TRANSACTION);
            next.set(end);
            let txn = conn.begin_write().await?;
            let tuning = activity::Tuning::apply(&txn).await?;
            for block in start..end {
                let rows = activity::build_block(
                    &plan,
                    &catalogue,
                    &key,
                    backend,
                    today,
                    block,
                    &mut counters.borrow_mut(),
                )?;
                let written = rows.write(&txn, &key).await?;
                summary.borrow_mut().add(&written);
            }
            tuning.restore(&txn).await?;
            txn.commit().await?;
            if (end - 1).is_multiple_of(50) {
                tracing::info!(blocks = end, scale, "demo: blocks written");
            }
        }
    };
    let writers = if backend == DbBackend::Postgres { 2 } else { 1 };
    all((0..writers).map(|_| writer()).collect()).await?;
    // The certificates' places in the status lists (issue 19).
    let txn = conn.begin_write().await?;
    aula_storage::certificates::backfill_status_indexes(&txn).await?;
    txn.commit().await?;
    Ok(summary.into_inner())
}

/// Runs `futures` concurrently in this task; the first error drops the
/// others (their transactions roll back).
async fn all<F: Future<Output = Result<()>>>(futures: Vec<F>) -> Result<()> {
    let mut pending: Vec<Pin<Box<F>>> = futures.into_iter().map(Box::pin).collect();
    std::future::poll_fn(|cx| {
        let mut index = 0;
        while index < pending.len() {
            match pending[index].as_mut().poll(cx) {
                Poll::Ready(Ok(())) => {
                    pending.swap_remove(index);
                }
                Poll::Ready(Err(e)) => return Poll::Ready(Err(e)),
                Poll::Pending => index += 1,
            }
        }
        if pending.is_empty() {
            Poll::Ready(Ok(()))
        } else {
            Poll::Pending
        }
    })
    .await
}

/// The demo's organisations, one per programme (`content::PROGRAMMES`):
/// the union's programme, a regional network of welcoming cities, the
/// city migration project in Tunisia, and the network's two member cities.
/// The first is the one the migrations made, renamed.
async fn organisations(txn: &DatabaseTransaction) -> Result<Vec<aula_domain::OrganisationId>> {
    use aula_storage::entities::organisation;
    use aula_storage::organisations::{self, NewOrganisation};
    use sea_orm::{ActiveModelTrait, Set};
    let actor = Actor::system("demo");
    let mut ids = Vec::new();
    for (index, (slug, name, zone)) in content::ORGANISATIONS.iter().enumerate() {
        let slug = problem(aula_domain::OrganisationSlug::parse(slug))?;
        if index == 0 {
            let mut first: organisation::ActiveModel = organisations::first(txn).await?.into();
            first.slug = Set(slug.as_str().to_owned());
            first.name = Set((*name).to_owned());
            first.time_zone = Set((*zone).to_owned());
            ids.push(organisations::id(&first.update(txn).await?));
        } else {
            let new = NewOrganisation {
                slug,
                name: (*name).to_owned(),
                time_zone: (*zone).to_owned(),
                contact_email: None,
            };
            ids.push(organisations::id(&organisations::create(txn, &actor, &new).await?));
        }
    }
    // The regional network and its member cities (issue 17).
    let network = ids[content::NETWORK];
    let standing = |is_network, network_id| organisations::Standing { is_network, network_id };
    organisations::set_standing(txn, &actor, network, standing(true, None)).await?;
    for member in content::MEMBERS {
        organisations::set_standing(txn, &actor, ids[*member], standing(false, Some(network))).await?;
    }
    // Each its colour and logo, so the switcher's effect shows.
    for (org, (colour, logo)) in ids.iter().zip(content::BRANDING) {
        let colour = problem(aula_domain::AccentColour::parse(colour))?;
        let logo = problem(aula_domain::Logo::parse(logo.as_bytes().to_vec()))?;
        organisations::set_accent(txn, *org, Some(&colour)).await?;
        organisations::set_logo(txn, *org, Some(&logo)).await?;
    }
    // Each its identity on certificates and a signatory who signs them
    // (issue 19), so the demo's certificates look like real ones.
    for (index, (org, (legal, address, website, name, title))) in ids.iter().zip(content::ISSUERS).enumerate() {
        use aula_domain::issuer::{IssuerIdentity, SignatoryDetails};
        use aula_storage::issuer;
        let details = SignatoryDetails::parse(name, title).map_err(StorageError::Invalid)?;
        let signatory = issuer::create(txn, *org, &details).await?;
        let signature = aula_domain::Logo {
            kind: aula_domain::LogoKind::Svg,
            bytes: content::signature(index).into_bytes(),
        };
        issuer::set_signature(txn, *org, signatory.id, Some(&signature)).await?;
        let identity =
            IssuerIdentity::parse(legal, address, website, &signatory.id.to_string()).map_err(StorageError::Invalid)?;
        issuer::set_identity(txn, *org, &identity).await?;
    }
    Ok(ids)
}

/// Regions, the university, staff, programmes, courses and each course's
/// edition to come (open, through the repositories); what the activity
/// generator needs to know of them.
async fn catalogue(txn: &DatabaseTransaction, today: NaiveDate) -> Result<activity::Catalogue> {
    // Five organisations (issue 17), one per programme: the one the
    // migrations made becomes the union's, the others are added.
    let orgs = organisations(txn).await?;
    let org = orgs[0];
    let actor = Actor::system("demo").within(org);
    let actor_in = |o: aula_domain::OrganisationId| Actor::system("demo").within(o);
    let mut region_ids = HashMap::new();
    for r in content::REGIONS {
        region_ids.insert(r.code, regions::create(txn, &actor, r.code, r.name).await?.id);
    }

    let university = bodies::create(
        txn,
        &actor,
        &AccreditationBodyDetails {
            name: text("Universidad de León")?,
            code: problem(BodyCode::parse("ULE"))?,
            website: Some(problem(Url::parse("https://www.unileon.example.org"))?),
            identifier_label: None,
        },
    )
    .await?;
    let university_logo = aula_domain::Logo {
        kind: aula_domain::LogoKind::Svg,
        bytes: content::UNIVERSITY_LOGO.as_bytes().to_vec(),
    };
    let university = aula_storage::issuer::set_body_logo(txn, university.id, Some(&university_logo)).await?;

    let password = PasswordHash::new(&problem(Password::parse(PASSWORD))?);
    let add_user = async |name: &str, email: &str, roles: Vec<Role>, body: Option<Uuid>, language: Language| {
        users::create(
            txn,
            &actor,
            org,
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
    // The organiser works in all of them: the header's switcher chooses.
    let marta = add_user(
        "Marta Sánchez Vidal",
        SIGN_INS[1].1,
        vec![Role::Organiser],
        None,
        Language::Es,
    )
    .await?;
    for other in &orgs[1..] {
        aula_storage::organisations::add_member(txn, *other, marta.user.id, Role::Organiser).await?;
    }
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
        let trainer = add_user(t.name, t.email, vec![Role::Trainer], None, language).await?;
        // The French-speaking trainers work for the French-speaking organisations.
        if index >= 4 {
            for other in &orgs[1..] {
                aula_storage::organisations::add_member(txn, *other, trainer.user.id, Role::Trainer).await?;
            }
        }
        trainer_ids.push(trainer.user.id);
    }

    // The programmes began before their oldest past edition and their
    // oldest outreach activity (an activity falls within its programme).
    let mut programme_ids = Vec::new();
    for (index, p) in content::PROGRAMMES.iter().enumerate() {
        let editions = activity::PAST
            .iter()
            .filter(|(course, _)| content::COURSES[*course].programme == index)
            .map(|(_, days)| *days);
        let outreach = content::OUTREACH
            .iter()
            .filter(|o| o.programme == index)
            .map(|o| o.days_ago);
        let oldest = editions.chain(outreach).max().unwrap_or(0);
        let began = today - Duration::days(oldest + 30);
        let details = ProgrammeDetails {
            title: text(p.title)?,
            funders: p
                .funders
                .iter()
                .map(|(name, reference)| {
                    Ok(Funder {
                        name: text(name)?,
                        reference: reference.map(text).transpose()?,
                    })
                })
                .collect::<Result<_>>()?,
            partners: p
                .partners
                .iter()
                .map(|(name, role)| {
                    Ok(Partner {
                        name: text(name)?,
                        role: Some(text(role)?),
                    })
                })
                .collect::<Result<_>>()?,
            commissioner: p.commissioner.map(|(name, _)| text(name)).transpose()?,
            contract_reference: p.commissioner.map(|(_, contract)| text(contract)).transpose()?,
            description: Some(text(p.description)?),
            starts_on: NaiveDate::from_ymd_opt(began.year(), began.month(), 1),
            ends_on: NaiveDate::from_ymd_opt(today.year() + 1, 6, 30),
        };
        let created = programmes::create(txn, &actor_in(orgs[index]), orgs[index], &details).await?;
        // The first funder's mark, on its certificates and reports (issue 20).
        if !p.funders.is_empty() {
            let mark = aula_domain::Logo {
                kind: aula_domain::LogoKind::Svg,
                bytes: content::FUNDER_LOGO.as_bytes().to_vec(),
            };
            programmes::set_funder_logo(txn, orgs[index], created.id, 0, Some(&mark)).await?;
        }
        programme_ids.push(created.id);
    }

    // An audience of the instance's own (issue 20), beside the built-in ones.
    let names = aula_domain::AudienceNames::parse(&[
        (Language::Fr, "Personnes nouvellement arrivées"),
        (Language::Es, "Personas recién llegadas"),
        (Language::En, "Newly arrived people"),
        (Language::Ar, "الوافدون الجدد"),
    ])
    .map_err(StorageError::Invalid)?;
    aula_storage::audiences::create(
        txn,
        &Actor::system("demo"),
        &problem(Audience::parse("newly_arrived"))?,
        &names,
    )
    .await?;

    // Outreach beside training (issue 20): what the programmes did to reach
    // people besides training them, counted as their reach.
    for o in content::OUTREACH {
        let details = aula_domain::outreach::OutreachDetails::new(aula_domain::outreach::OutreachDetails {
            programme_id: programme_ids[o.programme],
            kind: problem(aula_domain::outreach::OutreachKind::parse(o.kind))?,
            title: text(o.title)?,
            held_on: today - Duration::days(o.days_ago),
            place: Some(text(o.place)?),
            region_id: o.region.and_then(|code| region_ids.get(code).copied()),
            audience: o.audience.map(|a| problem(Audience::parse(a))).transpose()?,
            attendees: o.attendees,
            viewers: o.viewers,
            materials: o
                .materials
                .iter()
                .map(|(kind, n)| Ok((problem(aula_domain::outreach::MaterialKind::parse(kind))?, *n)))
                .collect::<Result<Vec<_>>>()?,
            notes: None,
        });
        let org = orgs[o.programme];
        let activity = aula_storage::outreach::create(txn, &actor_in(org), org, &details).await?;
        for (name, email) in o.walk_ins {
            let person = aula_domain::outreach::WalkIn::parse(name, email).map_err(StorageError::Invalid)?;
            aula_storage::outreach::add_walk_in(txn, &actor_in(org), org, activity.activity.id, &person).await?;
        }
    }

    let mut courses_info = Vec::new();
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
            survey_required: activity::survey_required(index),
        });
        let org = orgs[c.programme];
        let actor = actor_in(org);
        let course = courses::create(
            txn,
            &actor,
            org,
            &CourseDetails {
                programme_id: programme_ids.get(c.programme).copied(),
                title: text(c.title)?,
                summary: text(c.summary)?,
                objectives: Some(text(c.objectives)?),
                hours: problem(Hours::from_minutes(i64::from(c.hours) * 60))?,
                modality,
                audiences,
                language: problem(Language::parse(c.language))?,
                minimum_attendance: Percent::DEFAULT_MINIMUM_ATTENDANCE,
                accreditation,
                commissioner: None,
            },
        )
        .await?;
        if let Some((_, title, summary, objectives)) = content::ARABIC_TEXTS.iter().find(|t| t.0 == index) {
            let texts = CourseTexts::parse(course.course.language, &[("ar", title, summary, objectives)])
                .map_err(|_| StorageError::invalid("demo", "error-course-text-language"))?;
            courses::set_texts(txn, &actor, org, course.course.id, &texts).await?;
        }

        let french = c.language == "fr";
        let place = c.place.and_then(|p| content::PLACES.get(p));
        let zone = problem(SessionTimeZone::parse(match place {
            Some(p) if p.region_code.starts_with("TN-") => "Africa/Tunis",
            _ if french => "Europe/Paris",
            _ => "Europe/Madrid",
        }))?;
        let venue = match place {
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
        // The edition to come, open; the past ones are the activity generator's.
        let first_day = next_weekday(today + Duration::days(10 + index as i64 * 6));
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
                venue,
                online_url,
                capacity: problem(Capacity::new(i64::from(activity::capacity(index))))?,
                registration_opens_at: Some(opens),
                registration_closes_at: Some(closes),
                trainer_ids: trainers,
                meetings,
                reminder_lead_minutes: aula_domain::details::DEFAULT_REMINDER_LEAD_HOURS * 60,
                confirm_organiser_entries: true,
                issue_on_completion: false,
                present_share: Percent::DEFAULT_PRESENT_SHARE,
                record_past: false,
                by_invitation: false,
                meeting_places: Vec::new(),
                commissioner: None,
            },
            modality,
        )?;
        let created = sessions::create(txn, &actor, org, &details).await?;
        let record = sessions::set_status(txn, &actor, org, created.session.id, SessionStatus::Open).await?;
        courses_info.push(activity::CourseInfo {
            issuer: aula_storage::issuer::snapshot(txn, &record).await?,
            course: record.course.course.clone(),
            body: record.course.body.clone(),
            zone,
            venue_id: record.session.venue_id,
            place: record
                .venue
                .as_ref()
                .map(|(v, region)| format!("{}, {} ({})", v.name, v.city, region.name)),
            online_url: record.session.online_url.clone(),
            trainers: record.trainers.iter().map(|u| (u.id, u.email.clone())).collect(),
            open_session: record.session.id,
        });
    }

    // Every past edition's survey uses its organisation's default
    // questionnaire, which is then in use.
    let mut template_ids = Vec::new();
    for org in &orgs {
        let template = surveys::ensure_default(txn, *org).await?;
        survey_template::Entity::update_many()
            .col_expr(survey_template::Column::InUse, Expr::value(true))
            .filter(survey_template::Column::Id.eq(template.id))
            .exec(txn)
            .await?;
        template_ids.push(template.id);
    }
    Ok(activity::Catalogue {
        organisations: orgs,
        template_ids,
        courses: courses_info,
        regions: region_ids,
    })
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
