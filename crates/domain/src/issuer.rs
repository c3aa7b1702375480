//! The issuer's identity on certificates (issue 19): what an organisation's
//! organisers set for the certificates it issues, and who signs them.

use uuid::Uuid;

use crate::{FieldErrors, Problem, Text, Url};

/// What an organisation prints on its certificates besides its logo.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IssuerIdentity {
    /// Its legal name; none: the organisation's name.
    pub legal_name: Option<Text<200>>,
    /// Its postal address, on one line.
    pub postal_address: Option<Text<300>>,
    pub website: Option<Url>,
    /// Who signs its certificates unless a course or session has its own signatory.
    pub default_signatory_id: Option<Uuid>,
}

impl IssuerIdentity {
    /// From the texts of a form or a request; a default signatory is an id
    /// (whether it is one of the organisation's is the use case's question).
    pub fn parse(
        legal_name: &str,
        postal_address: &str,
        website: &str,
        default_signatory: &str,
    ) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let legal_name = errors.take("legal_name", Text::parse_optional(legal_name));
        let postal_address = errors.take("postal_address", Text::parse_optional(postal_address));
        let website = errors.take("website", Url::parse_optional(website));
        let default_signatory_id = errors.take("default_signatory_id", optional_id(default_signatory));
        let (Some(legal_name), Some(postal_address), Some(website), Some(default_signatory_id)) =
            (legal_name, postal_address, website, default_signatory_id)
        else {
            return Err(errors);
        };
        Ok(IssuerIdentity {
            legal_name,
            postal_address,
            website,
            default_signatory_id,
        })
    }
}

/// An id of a choice list: empty is none, anything else must be a UUID.
pub fn optional_id(input: &str) -> Result<Option<Uuid>, Problem> {
    let input = input.trim();
    if input.is_empty() {
        return Ok(None);
    }
    Uuid::parse_str(input)
        .map(Some)
        .map_err(|_| Problem::new("error-choice"))
}

/// Someone who signs certificates: a name and a title, both printed under
/// the signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignatoryDetails {
    pub name: Text<120>,
    /// e.g. "Director of Continuing Education".
    pub title: Text<200>,
}

impl SignatoryDetails {
    pub fn parse(name: &str, title: &str) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = errors.take("name", Text::parse(name));
        let title = errors.take("title", Text::parse(title));
        let (Some(name), Some(title)) = (name, title) else {
            return Err(errors);
        };
        Ok(SignatoryDetails { name, title })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_fields_are_optional_and_checked() {
        let empty = IssuerIdentity::parse(" ", "", "", "").expect("all empty");
        assert_eq!(empty.legal_name, None);
        let errors = IssuerIdentity::parse("x", "line\u{7}", "ftp://x", "nope").expect_err("refused");
        for field in ["postal_address", "website", "default_signatory_id"] {
            assert!(!errors.get(field).is_empty(), "{field}");
        }
        assert!(errors.get("legal_name").is_empty());
    }

    #[test]
    fn signatories_have_a_name_and_a_title() {
        let errors = SignatoryDetails::parse("", " ").expect_err("both required");
        assert!(!errors.get("name").is_empty() && !errors.get("title").is_empty());
        let ok = SignatoryDetails::parse(" Ana Ruiz ", "Rectora").expect("ok");
        assert_eq!(ok.name.as_str(), "Ana Ruiz");
    }
}
