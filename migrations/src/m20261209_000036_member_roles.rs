//! A user's organisation roles (organiser, trainer) in `user_roles` are
//! exactly those their memberships hold. Taking someone's last membership
//! left the role there, and the next save of their account form gave it
//! back as a membership of the administrator's organisation (found by
//! attacking the organisations, session 23); the storage now keeps the two
//! in step, and this brings existing rows into it.

use sea_orm_migration::prelude::*;

use crate::statements::migration;

migration!();

async fn up(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let db = manager.get_connection();
    db.execute_unprepared(
        "DELETE FROM user_roles WHERE role IN ('organiser', 'trainer') AND NOT EXISTS \
         (SELECT 1 FROM organisation_members m WHERE m.user_id = user_roles.user_id AND m.role = user_roles.role)",
    )
    .await?;
    db.execute_unprepared(
        "INSERT INTO user_roles (user_id, role) SELECT DISTINCT m.user_id, m.role FROM organisation_members m \
         WHERE NOT EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = m.user_id AND r.role = m.role)",
    )
    .await?;
    Ok(())
}

/// Nothing to undo: the rows are as they should have been.
async fn down(_manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    Ok(())
}
