//! A course's title, summary and objectives in other languages than its
//! own (issue 23): a JSON list of `{language, title, summary, objectives}`,
//! read with the course. Courses had none.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::statements::{add_column, drop_column, migration};

migration!();

async fn up(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    add_column(manager, "courses", json("texts").default("[]")).await
}

async fn down(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_column(manager, "courses", "texts").await
}
