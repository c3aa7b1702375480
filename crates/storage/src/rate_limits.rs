//! Limits on how often one address or one e-mail may use a public endpoint.
//!
//! A key's window opens at its first hit and lasts the limit's length; a hit
//! after the window has ended opens a new one. Windows that start at the
//! first hit, rather than on the clock's quarter hours, mean "five wrong
//! passwords, then wait fifteen minutes" always holds: a guesser cannot
//! spend five tries just before a boundary and five more just after it. Each
//! hit is one conditional upsert, so every `aula serve` sharing the database
//! shares the counts, concurrent hits are never lost, and a restart forgets
//! nothing. Ended windows are swept by the mail worker's rounds.

use chrono::{DateTime, Duration, SubsecRound as _, Utc};
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

    /// The row that counts `key` under this limit (one key may have several
    /// limits, of different lengths).
    fn bucket(self, key: &str) -> String {
        format!("{key}|{}", self.seconds())
    }
}

/// Windows are counted to the second, so that every stored end compares
/// alike on both databases.
fn second(at: DateTime<Utc>) -> DateTime<Utc> {
    at.trunc_subsecs(0)
}

/// The window of `bucket` that is open at `at`, if any: its hits and its end.
async fn open_window(
    conn: &impl ConnectionTrait,
    bucket: String,
    at: DateTime<Utc>,
) -> Result<Option<(i32, DateTime<Utc>)>> {
    Ok(rate_limit::Entity::find_by_id(bucket)
        .one(conn)
        .await?
        .filter(|row| row.expires_at > second(at))
        .map(|row| (row.hits, row.expires_at)))
}

/// When `key` has used up its limit at `at`, until when it is refused (what
/// a 429's `Retry-After` announces); `None` while it is within. Counts
/// nothing: for limits that count only failures, such as wrong passwords.
pub async fn exhausted(
    conn: &impl ConnectionTrait,
    key: &str,
    limit: Limit,
    at: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>> {
    Ok(open_window(conn, limit.bucket(key), at)
        .await?
        .filter(|(hits, _)| i64::from(*hits) >= i64::from(limit.max))
        .map(|(_, end)| end))
}

/// Counts one hit on `key` at `at`. When that passes the limit, until when
/// `key` is refused; the hit is counted all the same, so hammering does not
/// shorten anything.
pub async fn hit(
    conn: &impl ConnectionTrait,
    key: &str,
    limit: Limit,
    at: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>> {
    let at = second(at);
    let bucket = limit.bucket(key);
    // Both `CASE`s read the row as it was, on SQLite as on PostgreSQL: a
    // window that has ended starts again at one hit, from now.
    let ended = || Expr::col((rate_limit::Entity, rate_limit::Column::ExpiresAt)).lte(at);
    rate_limit::Entity::insert(rate_limit::ActiveModel {
        bucket: Set(bucket.clone()),
        hits: Set(1),
        expires_at: Set(at + limit.window),
    })
    .on_conflict(
        OnConflict::column(rate_limit::Column::Bucket)
            .value(
                rate_limit::Column::Hits,
                Expr::case(ended(), 1).finally(Expr::col((rate_limit::Entity, rate_limit::Column::Hits)).add(1)),
            )
            .value(
                rate_limit::Column::ExpiresAt,
                Expr::case(ended(), at + limit.window)
                    .finally(Expr::col((rate_limit::Entity, rate_limit::Column::ExpiresAt))),
            )
            .to_owned(),
    )
    .exec(conn)
    .await?;
    Ok(open_window(conn, bucket, at)
        .await?
        .filter(|(hits, _)| i64::from(*hits) > i64::from(limit.max))
        .map(|(_, end)| end))
}

/// Forgets windows that have ended.
pub async fn sweep(conn: &impl ConnectionTrait) -> Result<u64> {
    Ok(rate_limit::Entity::delete_many()
        .filter(rate_limit::Column::ExpiresAt.lt(now()))
        .exec(conn)
        .await?
        .rows_affected)
}
