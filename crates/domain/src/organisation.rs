//! Organisations (issue 17): the tenants of one instance. Each owns its
//! programmes, courses, sessions, people, questionnaires, API tokens, audit
//! entries and mail; staff belong to one or more with a role in each.

use std::fmt;

use serde::Serialize;
use uuid::Uuid;

use crate::Problem;

crate::catalogue::vocabulary! {
    /// Whether an organisation's pages and staff are in service.
    OrganisationStatus {
        Active => "active",
        Suspended => "suspended",
    }
}

/// The id of an organisation: what every staff query is scoped by. Only
/// storage makes one from a row, and the web settles the request's one
/// from the signed-in user's memberships (or the API token's organisation).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct OrganisationId(Uuid);

impl OrganisationId {
    /// An id read from the database (an organisation's row, or a column
    /// that refers to one).
    pub fn from_row(id: Uuid) -> Self {
        OrganisationId(id)
    }

    pub fn uuid(self) -> Uuid {
        self.0
    }
}

impl fmt::Display for OrganisationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Words an organisation's slug may not be: they name, or may one day name,
/// the instance's own paths.
pub const RESERVED_SLUGS: &[&str] = &[
    "admin",
    "api",
    "assets",
    "auth",
    "certificates",
    "check-in",
    "confirm",
    "healthz",
    "in",
    "me",
    "metrics",
    "new",
    "o",
    "organisations",
    "r",
    "readyz",
    "s",
    "sessions",
    "sign-in",
    "sign-out",
    "static",
    "staff",
    "verify",
    "well-known",
    "www",
];

/// An organisation's name in URLs (`/o/{slug}/`): 2 to 40 characters,
/// lower-case ASCII letters and digits in words joined by single hyphens,
/// and not one of [`RESERVED_SLUGS`].
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct OrganisationSlug(String);

impl OrganisationSlug {
    pub const MIN: usize = 2;
    pub const MAX: usize = 40;

    pub fn parse(input: &str) -> Result<Self, Problem> {
        let slug = crate::text::filled(input)?;
        if RESERVED_SLUGS.contains(&slug) {
            return Err(Problem::new("error-slug-reserved"));
        }
        let len = slug.chars().count();
        if !(Self::MIN..=Self::MAX).contains(&len) {
            return Err(Problem::new("error-slug-length")
                .with("min", Self::MIN)
                .with("max", Self::MAX));
        }
        let words_ok = slug
            .split('-')
            .all(|word| !word.is_empty() && word.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()));
        if !words_ok {
            return Err(Problem::new("error-slug-characters"));
        }
        Ok(OrganisationSlug(slug.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for OrganisationSlug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The name an organisation's e-mails come from (their From shows it over
/// the instance's address): text that cannot pass for an address of its
/// own, as "Formación <x@evil.example>" did in mail readers (a review,
/// session 24).
pub fn sender_name(input: &str) -> Result<crate::Text<100>, crate::Problem> {
    let name = crate::Text::<100>::parse(input)?;
    if name.as_str().contains(['<', '>', '@']) {
        return Err(crate::Problem::new("error-sender-name-address"));
    }
    Ok(name)
}

/// What a platform administrator sets of an organisation (its slug is
/// fixed once made: every address and issued credential names it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrganisationSettings {
    pub name: crate::Text<200>,
    pub time_zone: crate::SessionTimeZone,
    /// The languages its pages and mail are offered in (one at least).
    pub languages: Vec<crate::Language>,
    pub contact_email: Option<crate::Email>,
    /// The display name of its e-mails' sender (the address stays the instance's).
    pub mail_sender_name: Option<crate::Text<100>>,
    /// Where replies to its e-mails go.
    pub reply_to: Option<crate::Email>,
}

impl OrganisationSettings {
    /// The languages as stored: codes joined by commas, in the instance's order.
    pub fn languages_code(&self) -> String {
        crate::Language::ALL
            .iter()
            .filter(|l| self.languages.contains(l))
            .map(|l| l.as_str())
            .collect::<Vec<_>>()
            .join(",")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(input: &str) -> &'static str {
        OrganisationSlug::parse(input).expect_err("refused").key
    }

    #[test]
    fn a_sender_name_cannot_pass_for_an_address() {
        assert_eq!(
            sender_name("Formación UGT León").map(|n| n.as_str().to_owned()),
            Ok("Formación UGT León".to_owned())
        );
        for spoof in ["Formación <x@evil.example>", "x@evil.example", "Aula > Formación"] {
            assert_eq!(
                sender_name(spoof).map(|_| ()).map_err(|p| p.key),
                Err("error-sender-name-address"),
                "{spoof}"
            );
        }
    }

    #[test]
    fn good_slugs_parse_as_given() {
        for slug in [
            "ab",
            "ugt-madrid",
            "sfax-2026",
            "red-anti-discriminacion",
            &"a".repeat(40),
        ] {
            assert_eq!(OrganisationSlug::parse(slug).expect("a slug").as_str(), slug);
        }
        assert_eq!(OrganisationSlug::parse("  ab-cd ").expect("a slug").as_str(), "ab-cd");
    }

    #[test]
    fn lengths_outside_2_to_40_are_refused() {
        assert_eq!(key("a"), "error-slug-length");
        assert_eq!(key(&"a".repeat(41)), "error-slug-length");
        assert_eq!(key(""), "error-required");
    }

    #[test]
    fn only_lowercase_letters_digits_and_single_hyphens() {
        for bad in [
            "Ugt",
            "ugt_madrid",
            "ugt--madrid",
            "-ugt",
            "ugt-",
            "ugt madrid",
            "ugt/x",
            "sevilla-é",
            "ab.cd",
            "ab\u{0}",
        ] {
            assert_eq!(key(bad), "error-slug-characters", "{bad:?}");
        }
    }

    #[test]
    fn reserved_words_are_refused() {
        for word in ["staff", "api", "o", "me", "verify", "sessions"] {
            assert_eq!(key(word), "error-slug-reserved", "{word}");
        }
    }
}
