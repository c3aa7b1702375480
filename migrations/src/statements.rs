//! The statements every migration writes the same way: the migration itself
//! (`migration!`), tables with a UUID `id`, foreign keys named
//! `fk_{table}_{column}` to another table's `id`, indexes by name and
//! columns, and tables created, altered and dropped in the order given.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::pk_uuid;

/// Declares the file's `Migration`, whose `up` and `down` are the file's
/// functions `up` and `down` (`async fn(&SchemaManager) -> Result<(), DbErr>`).
///
/// Its name is the stem of the file that calls the macro, the name sea-orm
/// records in `seaql_migrations`: `DeriveMigrationName` reads `file!()`,
/// which names the file of the outermost macro call (a test checks it).
macro_rules! migration {
    () => {
        #[derive(DeriveMigrationName)]
        pub struct Migration;

        #[async_trait::async_trait]
        impl MigrationTrait for Migration {
            async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
                up(manager).await
            }

            async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
                down(manager).await
            }
        }
    };
}
pub(crate) use migration;

/// A table called `name` whose primary key is the UUID `id`; its other
/// columns and keys follow.
pub fn table_with_id(name: &'static str) -> TableCreateStatement {
    Table::create().table(name).col(pk_uuid("id")).to_owned()
}

/// `from.0.from.1` refers to `to.id`; with `cascade`, deleting the row it
/// refers to deletes this one.
pub fn fk(from: (&'static str, &'static str), to: &'static str, cascade: bool) -> ForeignKeyCreateStatement {
    let mut key = ForeignKey::create();
    key.name(format!("fk_{}_{}", from.0, from.1))
        .from(from.0, from.1)
        .to(to, "id");
    if cascade {
        key.on_delete(ForeignKeyAction::Cascade);
    }
    key
}

/// An index called `name` on `table`'s `columns`, in that order.
pub fn index(name: &str, table: &'static str, columns: &[&'static str]) -> IndexCreateStatement {
    let mut index = Index::create();
    index.name(name).table(table);
    for column in columns {
        index.col(*column);
    }
    index
}

/// A unique index called `name` on `table`'s `columns`.
pub fn unique_index(name: &str, table: &'static str, columns: &[&'static str]) -> IndexCreateStatement {
    let mut index = index(name, table, columns);
    index.unique();
    index
}

pub async fn create_tables(
    manager: &SchemaManager<'_>,
    tables: impl IntoIterator<Item = TableCreateStatement>,
) -> Result<(), DbErr> {
    for table in tables {
        manager.create_table(table).await?;
    }
    Ok(())
}

pub async fn create_indexes(
    manager: &SchemaManager<'_>,
    indexes: impl IntoIterator<Item = IndexCreateStatement>,
) -> Result<(), DbErr> {
    for index in indexes {
        manager.create_index(index).await?;
    }
    Ok(())
}

/// Adds one column to `table` (SQLite alters one column per statement).
pub async fn add_column(
    manager: &SchemaManager<'_>,
    table: &'static str,
    column: impl IntoColumnDef,
) -> Result<(), DbErr> {
    manager
        .alter_table(Table::alter().table(table).add_column(column).to_owned())
        .await
}

pub async fn drop_column(manager: &SchemaManager<'_>, table: &'static str, column: &'static str) -> Result<(), DbErr> {
    manager
        .alter_table(Table::alter().table(table).drop_column(column).to_owned())
        .await
}

/// Drops `tables` in the order given: those that refer to others first.
pub async fn drop_tables(manager: &SchemaManager<'_>, tables: &[&'static str]) -> Result<(), DbErr> {
    for table in tables {
        manager.drop_table(Table::drop().table(*table).to_owned()).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::MigratorTrait;

    /// `migration!` names a migration after the file that calls it (what
    /// sea-orm has recorded), not after this one.
    #[test]
    fn migrations_are_named_after_their_files() {
        let names: Vec<String> = crate::Migrator::migrations()
            .iter()
            .map(|m| m.name().to_owned())
            .collect();
        assert_eq!(names[0], "m20261121_000001_foundation");
        assert_eq!(names[15], "m20261205_000016_erasure");
        let distinct: std::collections::HashSet<&String> = names.iter().collect();
        assert_eq!(distinct.len(), names.len(), "{names:?}");
    }
}
