//! Inputs shared by HTML forms and JSON bodies.
//!
//! A form sends every value as text; a JSON body may send numbers and
//! booleans. Inputs keep values as text, so that a wrong value becomes a
//! field problem in the reader's language (not a deserialisation failure),
//! and the same `TryFrom` turns either into domain details.

use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::AppError;

/// Text, or a JSON number or boolean taken as text.
pub fn loose_text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    match Value::deserialize(deserializer)? {
        Value::String(s) => Ok(s),
        Value::Number(n) => Ok(n.to_string()),
        Value::Bool(b) => Ok(b.to_string()),
        Value::Null => Ok(String::new()),
        _ => Err(de::Error::custom("expected a string or a number")),
    }
}

/// A checkbox (`on` when ticked, absent otherwise) or a JSON boolean.
/// Serde's default for flags that are on unless said otherwise.
pub fn yes() -> bool {
    true
}

/// A flag as JSON gives it, or as a form's checkbox does (`on`, or absent).
/// A string that is neither yes nor no is refused: read as "no", `"TRUE"`
/// deactivated an account and `"oui"` kept an erased person's certificates
/// (session 25's attack round).
pub fn loose_bool<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    match Value::deserialize(deserializer)? {
        Value::Bool(b) => Ok(b),
        Value::String(s) => match s.as_str() {
            "on" | "true" | "1" | "yes" => Ok(true),
            "" | "off" | "false" | "0" | "no" => Ok(false),
            _ => Err(de::Error::custom("expected a boolean")),
        },
        Value::Null => Ok(false),
        _ => Err(de::Error::custom("expected a boolean")),
    }
}

/// A list, or a single value where a form sent it once.
pub fn loose_list<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    match Value::deserialize(deserializer)? {
        Value::Array(items) => items
            .into_iter()
            .map(|v| match v {
                Value::String(s) => Ok(s),
                other => Ok(other.to_string()),
            })
            .collect(),
        Value::String(s) => Ok(vec![s]),
        Value::Null => Ok(Vec::new()),
        _ => Err(de::Error::custom("expected a list")),
    }
}

/// A `PATCH`: the record's current input with the given fields replaced,
/// parsed again as a whole so the same rules apply as on creation.
pub fn merge<T: Serialize + for<'de> Deserialize<'de>>(current: &T, patch: Value) -> Result<T, AppError> {
    let Value::Object(changes) = patch else {
        return Err(AppError::bad_request("error-json-object"));
    };
    let mut merged: Map<String, Value> = match serde_json::to_value(current) {
        Ok(Value::Object(map)) => map,
        _ => return Err(AppError::Internal("input is not an object".into())),
    };
    for (key, value) in changes {
        if !merged.contains_key(&key) {
            return Err(AppError::invalid(&key, "error-unknown-field"));
        }
        merged.insert(key, value);
    }
    serde_path_to_error::deserialize(Value::Object(merged)).map_err(crate::kit::extract::refusal)
}

/// `Option<Uuid>` from a form's select (empty means none).
pub fn parse_optional_id(input: &str) -> Result<Option<uuid::Uuid>, aula_domain::Problem> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    uuid::Uuid::parse_str(trimmed)
        .map(Some)
        .map_err(|_| aula_domain::Problem::new("error-unknown-choice"))
}

pub fn parse_id(input: &str) -> Result<uuid::Uuid, aula_domain::Problem> {
    parse_optional_id(input)?.ok_or_else(aula_domain::Problem::required)
}

/// The words of a search box: at most 200 characters, none if blank. Its
/// words are searched as SQL `LIKE` patterns, which SQLite refuses past
/// 50,000 bytes, and nobody types a search that long. A tab or a line
/// break (a cell pasted from a spreadsheet) is a space between words.
pub fn search_words(input: &str) -> Result<Option<String>, aula_domain::Problem> {
    let spaced: String = input.chars().map(|c| if c.is_whitespace() { ' ' } else { c }).collect();
    Ok(aula_domain::Text::<200>::parse_optional(&spaced)?.map(aula_domain::Text::into_inner))
}
