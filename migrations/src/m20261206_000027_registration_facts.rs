//! Indicators at national scale (issue 22): one narrow row per registration
//! in `registration_facts` holding everything a dashboard counts or filters
//! by — its session, course, programme, organisation, modality and venue,
//! its person's region, audience and workplace key, its counted columns
//! (migration 8) and whether it has a survey invitation (answered or not)
//! and a certificate (revoked or not). A dashboard then scans one table
//! with no join; before, each of its scans joined a million registrations
//! to their sessions, courses, people, invitations and certificates.
//!
//! The rows are kept by triggers, so they change in the same transaction
//! as the row they copy, whichever code wrote it (the use cases, the
//! imports, the demo's bulk loader, a hand-written `UPDATE`): they cannot
//! lag or drift. Each trigger recomputes the facts of the registrations
//! the changed row touches from the tables, with the one `SELECT` below
//! (`copied`), so there is one definition of a fact; except a
//! registration's own columns (status, counted columns), which its update
//! sets in place. An update fires only when a copied column changes
//! (`WHEN`), so taking a seat, which updates the session's seat count,
//! costs nothing here. A deleted registration takes its fact with it
//! (foreign key, cascade).
//!
//! `attended_months` holds a registration's attended minutes and meetings
//! by month of the meetings, kept from its marks the same way: a dashboard
//! by month or quarter counts the time of a session across two months in
//! the months of its meetings (issue 20), which it read from the marks,
//! half of every dashboard's time (docs/BENCHMARKS.md).
//!
//! `aula indicators check` recomputes dashboards from the tables and
//! compares (`aula_storage::indicators::check`).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

use crate::statements::{create_indexes, create_tables, drop_tables, index, migration};

migration!();

/// The facts' columns, in the order `copied` selects them.
const COLUMNS: &str = "registration_id, person_id, session_id, course_id, programme_id, organisation_id, \
    modality, region_id, audience, workplace_key, venue_id, session_status, starts_at, ends_at, start_month, \
    end_month, placed, status, attended_meetings, attended_minutes, completed, invited, answered, issued, revoked";

/// The month (UTC, `YYYY-MM`) of an instant: SQLite keeps instants as UTC
/// text that starts with the date; PostgreSQL must be told the zone.
fn month_of(backend: DatabaseBackend, at: &str) -> String {
    match backend {
        DatabaseBackend::Postgres => format!("to_char({at} AT TIME ZONE 'UTC', 'YYYY-MM')"),
        _ => format!("substr({at}, 1, 7)"),
    }
}

/// The facts of the registrations `condition` selects, from the tables
/// (`r` registrations, `s` sessions, `c` courses, `p` people).
fn copied(backend: DatabaseBackend, condition: &str) -> String {
    let follow_ups = "EXISTS (SELECT 1 FROM survey_invitations i WHERE i.registration_id = r.id), \
         EXISTS (SELECT 1 FROM survey_invitations i WHERE i.registration_id = r.id AND i.answered), \
         EXISTS (SELECT 1 FROM certificates x WHERE x.registration_id = r.id), \
         EXISTS (SELECT 1 FROM certificates x WHERE x.registration_id = r.id AND x.revoked_at IS NOT NULL)";
    copied_with(backend, condition, follow_ups)
}

/// The fact of a registration just written: nothing refers to it yet (an
/// invitation or certificate names an existing registration), so its
/// follow-ups are not looked for.
fn copied_new(backend: DatabaseBackend, condition: &str) -> String {
    copied_with(backend, condition, "FALSE, FALSE, FALSE, FALSE")
}

fn copied_with(backend: DatabaseBackend, condition: &str, follow_ups: &str) -> String {
    // The months of the session's first meeting and end, by which a
    // dashboard by month or quarter places a registration (issue 20).
    let (start_month, end_month) = (month_of(backend, "s.starts_at"), month_of(backend, "s.ends_at"));
    format!(
        "INSERT INTO registration_facts ({COLUMNS}) \
         SELECT r.id, r.person_id, r.session_id, s.course_id, c.programme_id, s.organisation_id, \
         c.modality, p.region_id, p.audience, p.workplace_key, s.venue_id, s.status, s.starts_at, s.ends_at, \
         {start_month}, {end_month}, r.placed_at IS NOT NULL, r.status, r.attended_meetings, r.attended_minutes, r.completed, \
         {follow_ups} \
         FROM registrations r \
         JOIN sessions s ON s.id = r.session_id \
         JOIN courses c ON c.id = s.course_id \
         JOIN people p ON p.id = r.person_id \
         WHERE {condition}"
    )
}

/// A trigger: after `event` on `table`, what it does to the facts.
struct Keeper {
    name: &'static str,
    table: &'static str,
    event: Event,
    does: Does,
}

#[derive(Clone, Copy)]
enum Does {
    /// Deletes the facts `stale` selects and writes those of the
    /// registrations `fresh` selects from the tables.
    Recompute { stale: &'static str, fresh: &'static str },
    /// Writes a new registration's fact.
    Insert { fresh: &'static str },
    /// A statement that sets a fact's copy of the changed row's own
    /// columns in place: a registration's status and counted columns
    /// change at every step of its life, and an update in place leaves the
    /// facts' indexes alone (issue 22: what keeping the facts costs a
    /// registration stays within a tenth).
    Set(&'static str),
    /// Recomputes the attended time by month of the registrations
    /// `registrations` (a set of ids) selects, from their marks.
    Months { registrations: &'static str },
}

/// The attended minutes and meetings by month (UTC, `YYYY-MM`, of the
/// meeting's start) of the registrations `registrations` selects, from
/// their present, late and partial marks: as the indicators count a mark
/// (`aula_storage::indicators`' `marks_counted`), so a dashboard broken
/// down by month or quarter reads these instead of the marks.
fn months(backend: DatabaseBackend, registrations: &str) -> String {
    let month = month_of(backend, "m.starts_at");
    let (length, least) = match backend {
        DatabaseBackend::Postgres => (
            "CAST(FLOOR(EXTRACT(EPOCH FROM (m.ends_at - m.starts_at)) / 60) AS INTEGER)",
            "LEAST",
        ),
        _ => ("((unixepoch(m.ends_at) - unixepoch(m.starts_at)) / 60)", "MIN"),
    };
    format!(
        "DELETE FROM attended_months WHERE registration_id IN ({registrations}); \
         INSERT INTO attended_months (registration_id, month, minutes, meetings) \
         SELECT a.registration_id, {month}, \
         CAST(SUM(CASE WHEN a.minutes IS NOT NULL THEN {least}(a.minutes, {length}) \
         WHEN a.status = 'partial' THEN 0 ELSE {length} END) AS INTEGER), CAST(COUNT(*) AS INTEGER) \
         FROM attendance a JOIN meetings m ON m.id = a.meeting_id \
         WHERE a.registration_id IN ({registrations}) AND a.status IN ('present', 'late', 'partial') \
         GROUP BY a.registration_id, {month};"
    )
}

#[derive(Clone, Copy)]
enum Event {
    Insert,
    Update(&'static [&'static str]),
    Delete,
}

/// A registration's own columns the facts copy.
const REGISTRATION: &[&str] = &[
    "status",
    "placed_at",
    "attended_meetings",
    "attended_minutes",
    "completed",
];

const KEEPERS: &[Keeper] = &[
    Keeper {
        name: "registration_facts_registration_insert",
        table: "registrations",
        event: Event::Insert,
        does: Does::Insert { fresh: "r.id = NEW.id" },
    },
    Keeper {
        name: "registration_facts_registration_update",
        table: "registrations",
        event: Event::Update(REGISTRATION),
        does: Does::Set(
            "UPDATE registration_facts SET status = NEW.status, placed = (NEW.placed_at IS NOT NULL), \
             attended_meetings = NEW.attended_meetings, attended_minutes = NEW.attended_minutes, \
             completed = NEW.completed WHERE registration_id = NEW.id",
        ),
    },
    Keeper {
        name: "registration_facts_registration_move",
        table: "registrations",
        event: Event::Update(&["session_id", "person_id"]),
        does: Does::Recompute {
            stale: "registration_id = NEW.id",
            fresh: "r.id = NEW.id",
        },
    },
    Keeper {
        name: "registration_facts_session_update",
        table: "sessions",
        event: Event::Update(&[
            "organisation_id",
            "course_id",
            "venue_id",
            "status",
            "starts_at",
            "ends_at",
        ]),
        does: Does::Recompute {
            stale: "registration_id IN (SELECT id FROM registrations WHERE session_id = NEW.id)",
            fresh: "r.session_id = NEW.id",
        },
    },
    Keeper {
        name: "registration_facts_course_update",
        table: "courses",
        event: Event::Update(&["programme_id", "modality"]),
        does: Does::Recompute {
            stale: "registration_id IN (SELECT r.id FROM registrations r JOIN sessions s ON s.id = r.session_id \
                    WHERE s.course_id = NEW.id)",
            fresh: "s.course_id = NEW.id",
        },
    },
    Keeper {
        name: "registration_facts_person_update",
        table: "people",
        event: Event::Update(&["region_id", "audience", "workplace_key"]),
        does: Does::Recompute {
            stale: "registration_id IN (SELECT id FROM registrations WHERE person_id = NEW.id)",
            fresh: "r.person_id = NEW.id",
        },
    },
    Keeper {
        name: "registration_facts_invitation_insert",
        table: "survey_invitations",
        event: Event::Insert,
        does: Does::Recompute {
            stale: "registration_id = NEW.registration_id",
            fresh: "r.id = NEW.registration_id",
        },
    },
    Keeper {
        name: "registration_facts_invitation_update",
        table: "survey_invitations",
        event: Event::Update(&["registration_id", "answered"]),
        does: Does::Recompute {
            stale: "registration_id IN (OLD.registration_id, NEW.registration_id)",
            fresh: "r.id IN (OLD.registration_id, NEW.registration_id)",
        },
    },
    Keeper {
        name: "registration_facts_invitation_delete",
        table: "survey_invitations",
        event: Event::Delete,
        does: Does::Recompute {
            stale: "registration_id = OLD.registration_id",
            fresh: "r.id = OLD.registration_id",
        },
    },
    Keeper {
        name: "registration_facts_certificate_insert",
        table: "certificates",
        event: Event::Insert,
        does: Does::Recompute {
            stale: "registration_id = NEW.registration_id",
            fresh: "r.id = NEW.registration_id",
        },
    },
    Keeper {
        name: "registration_facts_certificate_update",
        table: "certificates",
        event: Event::Update(&["registration_id", "revoked_at"]),
        does: Does::Recompute {
            stale: "registration_id IN (OLD.registration_id, NEW.registration_id)",
            fresh: "r.id IN (OLD.registration_id, NEW.registration_id)",
        },
    },
    Keeper {
        name: "registration_facts_certificate_delete",
        table: "certificates",
        event: Event::Delete,
        does: Does::Recompute {
            stale: "registration_id = OLD.registration_id",
            fresh: "r.id = OLD.registration_id",
        },
    },
    Keeper {
        name: "attended_months_mark_insert",
        table: "attendance",
        event: Event::Insert,
        does: Does::Months {
            registrations: "NEW.registration_id",
        },
    },
    Keeper {
        name: "attended_months_mark_update",
        table: "attendance",
        event: Event::Update(&["registration_id", "meeting_id", "status", "minutes"]),
        does: Does::Months {
            registrations: "OLD.registration_id, NEW.registration_id",
        },
    },
    Keeper {
        name: "attended_months_mark_delete",
        table: "attendance",
        event: Event::Delete,
        does: Does::Months {
            registrations: "OLD.registration_id",
        },
    },
    Keeper {
        name: "attended_months_meeting_update",
        table: "meetings",
        event: Event::Update(&["starts_at", "ends_at"]),
        does: Does::Months {
            registrations: "SELECT registration_id FROM attendance WHERE meeting_id = NEW.id",
        },
    },
];

impl Keeper {
    /// The statements that create it.
    fn create(&self, backend: DatabaseBackend) -> Vec<String> {
        let body = match self.does {
            Does::Recompute { stale, fresh } => {
                format!(
                    "DELETE FROM registration_facts WHERE {stale}; {};",
                    copied(backend, fresh)
                )
            }
            Does::Insert { fresh } => format!("{};", copied_new(backend, fresh)),
            Does::Set(statement) => format!("{statement};"),
            Does::Months { registrations } => months(backend, registrations),
        };
        let (event, when) = match self.event {
            Event::Insert => ("INSERT".to_owned(), String::new()),
            Event::Delete => ("DELETE".to_owned(), String::new()),
            Event::Update(columns) => {
                // A column set to its own value changes no fact.
                let differs = match backend {
                    DatabaseBackend::Postgres => "IS DISTINCT FROM",
                    _ => "IS NOT",
                };
                let changed: Vec<String> = columns.iter().map(|c| format!("OLD.{c} {differs} NEW.{c}")).collect();
                (
                    format!("UPDATE OF {}", columns.join(", ")),
                    format!("WHEN ({})", changed.join(" OR ")),
                )
            }
        };
        let (name, table) = (self.name, self.table);
        match backend {
            DatabaseBackend::Postgres => vec![
                format!(
                    "CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN {body} RETURN NULL; END $$"
                ),
                format!("CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW {when} EXECUTE FUNCTION {name}()"),
            ],
            _ => vec![format!(
                "CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW {when} BEGIN {body} END"
            )],
        }
    }

    fn drop(&self, backend: DatabaseBackend) -> Vec<String> {
        let (name, table) = (self.name, self.table);
        match backend {
            DatabaseBackend::Postgres => vec![
                format!("DROP TRIGGER IF EXISTS {name} ON {table}"),
                format!("DROP FUNCTION IF EXISTS {name}()"),
            ],
            _ => vec![format!("DROP TRIGGER IF EXISTS {name}")],
        }
    }
}

/// The statements that drop the triggers keeping the facts: for `aula
/// bench registrations`, which measures what keeping them costs against a
/// database without them. Never for a database in use.
pub fn keepers_dropped(backend: DatabaseBackend) -> Vec<String> {
    KEEPERS.iter().flat_map(|keeper| keeper.drop(backend)).collect()
}

async fn up(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let db = manager.get_connection();
    let backend = manager.get_database_backend();
    let table = Table::create()
        .table("registration_facts")
        .col(uuid("registration_id").primary_key())
        .col(uuid("person_id"))
        .col(uuid("session_id"))
        .col(uuid("course_id"))
        .col(uuid_null("programme_id"))
        .col(uuid("organisation_id"))
        .col(string("modality"))
        .col(uuid_null("region_id"))
        .col(string_null("audience"))
        .col(string_null("workplace_key"))
        .col(uuid_null("venue_id"))
        .col(string("session_status"))
        .col(timestamp_with_time_zone_null("starts_at"))
        .col(timestamp_with_time_zone_null("ends_at"))
        .col(string_null("start_month"))
        .col(string_null("end_month"))
        .col(boolean("placed"))
        .col(string("status"))
        .col(integer("attended_meetings"))
        .col(integer("attended_minutes"))
        .col(boolean("completed"))
        .col(boolean("invited"))
        .col(boolean("answered"))
        .col(boolean("issued"))
        .col(boolean("revoked"))
        .foreign_key(
            ForeignKey::create()
                .name("fk_registration_facts_registration_id")
                .from("registration_facts", "registration_id")
                .to("registrations", "id")
                .on_delete(ForeignKeyAction::Cascade),
        )
        .to_owned();
    match backend {
        // Rows kept in the primary key's own B-tree: one tree fewer to
        // write for every registration.
        DatabaseBackend::Sqlite => {
            db.execute_unprepared(&format!("{} WITHOUT ROWID", table.to_string(SqliteQueryBuilder)))
                .await?;
        }
        _ => create_tables(manager, [table]).await?,
    }
    // Filters by organisation (and its network's members) and programme
    // read their rows by index. The triggers find a session's or a
    // person's facts through the registrations' indexes: two indexes
    // fewer to write for every registration.
    create_indexes(
        manager,
        [
            index(
                "ix_registration_facts_organisation",
                "registration_facts",
                &["organisation_id"],
            ),
            index(
                "ix_registration_facts_programme",
                "registration_facts",
                &["programme_id"],
            ),
        ],
    )
    .await?;
    create_tables(
        manager,
        [Table::create()
            .table("attended_months")
            .col(uuid("registration_id"))
            .col(string("month"))
            .col(integer("minutes"))
            .col(integer("meetings"))
            .primary_key(Index::create().col("registration_id").col("month"))
            .foreign_key(
                ForeignKey::create()
                    .name("fk_attended_months_registration_id")
                    .from("attended_months", "registration_id")
                    .to("registrations", "id")
                    .on_delete(ForeignKeyAction::Cascade),
            )
            .to_owned()],
    )
    .await?;
    // Marks and registrations made before this migration.
    for statement in months(backend, "SELECT id FROM registrations").split_terminator(';') {
        db.execute_unprepared(statement).await?;
    }
    db.execute_unprepared(&copied(backend, "TRUE")).await?;
    for keeper in KEEPERS {
        for statement in keeper.create(backend) {
            db.execute_unprepared(&statement).await?;
        }
    }
    Ok(())
}

async fn down(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let db = manager.get_connection();
    let backend = manager.get_database_backend();
    for keeper in KEEPERS {
        for statement in keeper.drop(backend) {
            db.execute_unprepared(&statement).await?;
        }
    }
    drop_tables(manager, &["attended_months", "registration_facts"]).await
}
