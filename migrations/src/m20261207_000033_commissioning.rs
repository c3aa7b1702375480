//! Commissioning and partners (issue 20): a programme records its funders
//! (several, each with its reference, e.g. a grant agreement's number), the
//! body that commissioned it with the contract's reference (e.g. a city's
//! contract), and its partner organisations; a course or a session may be
//! commissioned by a body of its own (e.g. a local authority), which the
//! indicators filter by. A session's commissioning body is its own, else
//! its course's, else its programme's.
//!
//! A certificate keeps its programme's funders as they were when it was
//! issued (`certificates.funders`), and prints them at its foot.
//!
//! The one funder a programme had (`programmes.funder`) becomes its first
//! funder; the column stays, holding the funders' names as one line for
//! lists and the API's `funder`.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, Statement};

use crate::statements::{
    add_column, create_indexes, create_tables, drop_column, drop_tables, fk, index, migration, table_with_id,
};

migration!();

async fn up(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let funders = table_with_id("programme_funders")
        .col(uuid("programme_id"))
        .col(integer("position"))
        .col(string("name"))
        .col(string_null("reference"))
        // Its logo (a document image's hash), printed on certificates and reports.
        .col(string_null("logo_sha256"))
        .foreign_key(&mut fk(("programme_funders", "programme_id"), "programmes", true))
        .to_owned();
    let partners = table_with_id("programme_partners")
        .col(uuid("programme_id"))
        .col(integer("position"))
        .col(string("name"))
        .col(string_null("role"))
        .foreign_key(&mut fk(("programme_partners", "programme_id"), "programmes", true))
        .to_owned();
    create_tables(manager, [funders, partners]).await?;
    create_indexes(
        manager,
        [
            index(
                "ix_programme_funders_programme",
                "programme_funders",
                &["programme_id", "position"],
            ),
            index(
                "ix_programme_partners_programme",
                "programme_partners",
                &["programme_id", "position"],
            ),
        ],
    )
    .await?;
    add_column(manager, "programmes", string_null("commissioner")).await?;
    add_column(manager, "programmes", string_null("contract_reference")).await?;
    add_column(manager, "courses", string_null("commissioner")).await?;
    add_column(manager, "sessions", string_null("commissioner")).await?;
    // A certificate names its programme's funders as they were at issue.
    add_column(manager, "certificates", string_null("funders")).await?;
    // And their logos: JSON, `[{"name": …, "sha256": …}]`, in order.
    add_column(manager, "certificates", string_null("funder_logos")).await?;

    // Each programme's funder becomes its first.
    let db = manager.get_connection();
    let backend = manager.get_database_backend();
    let rows = db
        .query_all_raw(Statement::from_string(
            backend,
            "SELECT id, funder FROM programmes WHERE funder IS NOT NULL AND TRIM(funder) <> ''",
        ))
        .await?;
    for row in rows {
        let programme: uuid::Uuid = row.try_get("", "id")?;
        let name = row.try_get::<String>("", "funder")?.trim().to_owned();
        let insert = Query::insert()
            .into_table("programme_funders")
            .columns(["id", "programme_id", "position", "name"])
            .values_panic([uuid::Uuid::now_v7().into(), programme.into(), 0.into(), name.into()])
            .to_owned();
        manager.exec_stmt(insert).await?;
    }
    Ok(())
}

async fn down(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_column(manager, "certificates", "funder_logos").await?;
    drop_column(manager, "certificates", "funders").await?;
    drop_column(manager, "sessions", "commissioner").await?;
    drop_column(manager, "courses", "commissioner").await?;
    drop_column(manager, "programmes", "contract_reference").await?;
    drop_column(manager, "programmes", "commissioner").await?;
    drop_tables(manager, &["programme_partners", "programme_funders"]).await
}
