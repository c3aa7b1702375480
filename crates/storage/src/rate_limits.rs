//! Limits on how often one address or one e-mail may use a public endpoint.
//!
//! Fixed windows counted in the database with one upsert per hit, so every
//! `aula serve` sharing the database shares the counts, and a restart
//! forgets nothing. Old windows are swept by the mail worker's rounds.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, ExprTrait as _, OnConflict};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use crate::entities::rate_limit;
use crate::{Result, now};

/// At most `max` hits per `window`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    pub max: u32,
    pub window: Duration,
}

impl Limit {
    fn seconds(self) -> i64 {
        Ord::max(self.window.num_seconds(), 1)
    }

    /// When the window that holds `at` ends, and counting starts again (what
    /// a 429's `Retry-After` announces).
    pub fn window_end(self, at: DateTime<Utc>) -> DateTime<Utc> {
        let seconds = self.seconds();
        let window = at.timestamp().div_euclid(seconds);
        DateTime::<Utc>::from_timestamp((window + 1) * seconds, 0).unwrap_or(at)
    }
}

fn bucket(key: &str, limit: Limit, at: DateTime<Utc>) -> (String, DateTime<Utc>) {
    let seconds = limit.seconds();
    let window = at.timestamp().div_euclid(seconds);
    (format!("{key}|{seconds}|{window}"), limit.window_end(at))
}

/// Whether `key` has used up its limit, without counting a hit (for limits
/// that count only failures, such as wrong passwords).
pub async fn exhausted(conn: &impl ConnectionTrait, key: &str, limit: Limit, at: DateTime<Utc>) -> Result<bool> {
    let (bucket, _) = bucket(key, limit, at);
    let hits = rate_limit::Entity::find_by_id(bucket)
        .one(conn)
        .await?
        .map_or(0, |row| row.hits);
    Ok(i64::from(hits) >= i64::from(limit.max))
}

/// Counts one hit on `key`; `Ok(false)` when the limit is passed (the hit is
/// counted all the same, so hammering does not reset anything).
pub async fn hit(conn: &impl ConnectionTrait, key: &str, limit: Limit, at: DateTime<Utc>) -> Result<bool> {
    let (bucket, expires_at) = bucket(key, limit, at);
    rate_limit::Entity::insert(rate_limit::ActiveModel {
        bucket: Set(bucket.clone()),
        hits: Set(1),
        expires_at: Set(expires_at),
    })
    .on_conflict(
        OnConflict::column(rate_limit::Column::Bucket)
            .value(
                rate_limit::Column::Hits,
                Expr::col((rate_limit::Entity, rate_limit::Column::Hits)).add(1),
            )
            .to_owned(),
    )
    .exec(conn)
    .await?;
    let hits = rate_limit::Entity::find_by_id(bucket)
        .one(conn)
        .await?
        .map_or(0, |row| row.hits);
    Ok(i64::from(hits) <= i64::from(limit.max))
}

/// Forgets windows that have ended.
pub async fn sweep(conn: &impl ConnectionTrait) -> Result<u64> {
    Ok(rate_limit::Entity::delete_many()
        .filter(rate_limit::Column::ExpiresAt.lt(now()))
        .exec(conn)
        .await?
        .rows_affected)
}
