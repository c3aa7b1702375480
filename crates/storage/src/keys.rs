//! Keys the server makes for itself on first start and keeps in the
//! database, so that every process sharing it uses the same ones.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use rand::RngCore;
use sea_orm::{ConnectionTrait, EntityTrait, Set};

use crate::entities::server_key;
use crate::secrets::LinkKey;
use crate::{Result, StorageError, found, now};

/// Reads the key `name`, creating it first if no process has yet. Two
/// processes starting together both insert; the first wins, both read it.
async fn get_or_create(conn: &impl ConnectionTrait, name: &str) -> Result<Vec<u8>> {
    // Read first: after the first start the key is there, and a read takes
    // no write lock (the workplace key reads it in every person's write).
    if let Some(row) = server_key::Entity::find_by_id(name.to_owned()).one(conn).await? {
        return STANDARD
            .decode(row.value.as_bytes())
            .map_err(|e| StorageError::Db(sea_orm::DbErr::Custom(format!("server key {name}: {e}"))));
    }
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    server_key::Entity::insert(server_key::ActiveModel {
        name: Set(name.to_owned()),
        value: Set(STANDARD.encode(bytes)),
        created_at: Set(now()),
    })
    .on_conflict_do_nothing_on([server_key::Column::Name])
    .exec(conn)
    .await?;
    let row = found(conn, server_key::Entity::find_by_id(name.to_owned())).await?;
    STANDARD
        .decode(row.value.as_bytes())
        .map_err(|e| StorageError::Db(sea_orm::DbErr::Custom(format!("server key {name}: {e}"))))
}

/// The key of personal links in e-mails.
pub async fn link_key(conn: &impl ConnectionTrait) -> Result<LinkKey> {
    let bytes = get_or_create(conn, "links").await?;
    let bytes: [u8; 32] = bytes
        .try_into()
        .map_err(|_| StorageError::Db(sea_orm::DbErr::Custom("server key links: not 32 bytes".into())))?;
    Ok(LinkKey::from_bytes(bytes))
}

/// The seed of the issuer's Ed25519 key that signs certificates'
/// credentials (`aula_documents::credential::IssuerKey::from_bytes` makes the
/// key of it; the signing is there, not here). Kept in the database like the
/// link key; never logged and never served but as the public key of did:web.
pub async fn issuer_key(conn: &impl ConnectionTrait) -> Result<[u8; 32]> {
    let bytes = get_or_create(conn, "issuer").await?;
    let bytes: [u8; 32] = bytes
        .try_into()
        .map_err(|_| StorageError::Db(sea_orm::DbErr::Custom("server key issuer: not 32 bytes".into())))?;
    Ok(bytes)
}
