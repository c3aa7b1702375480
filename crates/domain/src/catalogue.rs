//! Closed vocabularies of the catalogue: how a course is taught and to whom.

/// Declares a closed vocabulary: its variants, their stable codes (stored in
/// the database, used in the API and in URLs) and parsing from those codes.
///
/// With the `sea-orm` feature (which storage turns on) the vocabulary is also
/// a column type, stored as its code in a string column: reading a code that
/// is not one of these is an error naming the vocabulary and the code, never
/// a guess.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        #[cfg_attr(feature = "sea-orm", derive(sea_orm::DeriveActiveEnum, sea_orm::EnumIter))]
        #[cfg_attr(
            feature = "sea-orm",
            sea_orm(rs_type = "String", db_type = "String(sea_orm::sea_query::StringLen::None)")
        )]
        pub enum $name { $(#[cfg_attr(feature = "sea-orm", sea_orm(string_value = $code))] $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn parse(input: &str) -> Result<Self, $crate::Problem> {
                match input.trim() {
                    $($code => Ok($name::$variant),)+
                    "" => Err($crate::Problem::required()),
                    _ => Err($crate::Problem::new("error-choice")),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use vocabulary;

vocabulary! {
    /// How a course is delivered.
    Modality { InPerson => "in_person", Online => "online", Blended => "blended" }
}

/// Who a course is for, and who a participant is: a code from the
/// instance's list of audiences (issue 20). Six are built in, with their
/// words in every language; an admin adds the instance's own (newly
/// arrived people, social workers), and those codes are as stable as the
/// built-in ones: they are stored, used in the API, in URLs and in figures.
///
/// `parse` checks the code's shape only; whether the instance has such an
/// audience is the database's to say (`storage::audiences`), so an unknown
/// code is refused when written, never kept as a guess. With the `sea-orm`
/// feature it is a column type stored as its code.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "sea-orm", derive(sea_orm::DeriveValueType))]
#[cfg_attr(feature = "sea-orm", sea_orm(value_type = "String"))]
pub struct Audience(std::borrow::Cow<'static, str>);

impl Audience {
    pub const PUBLIC_SERVANT: Audience = Audience::built_in("public_servant");
    pub const UNION_DELEGATE: Audience = Audience::built_in("union_delegate");
    pub const ELECTED_OFFICIAL: Audience = Audience::built_in("elected_official");
    pub const MEDIATOR: Audience = Audience::built_in("mediator");
    pub const CIVIL_SOCIETY: Audience = Audience::built_in("civil_society");
    pub const OTHER: Audience = Audience::built_in("other");

    /// The audiences every instance has, whose words are the catalogue's
    /// own (`audience-*` in every language).
    pub const BUILT_IN: &'static [Audience] = &[
        Audience::PUBLIC_SERVANT,
        Audience::UNION_DELEGATE,
        Audience::ELECTED_OFFICIAL,
        Audience::MEDIATOR,
        Audience::CIVIL_SOCIETY,
        Audience::OTHER,
    ];

    const fn built_in(code: &'static str) -> Audience {
        Audience(std::borrow::Cow::Borrowed(code))
    }

    /// A code as typed: 2 to 40 lower-case letters, digits and `_`,
    /// beginning with a letter (it goes into URLs and CSV headers as is).
    pub fn parse(input: &str) -> Result<Self, crate::Problem> {
        let code = crate::text::filled(input)?;
        let shaped = (2..=40).contains(&code.len())
            && code.starts_with(|c: char| c.is_ascii_lowercase())
            && code
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if shaped {
            Ok(Audience(std::borrow::Cow::Owned(code.to_owned())))
        } else {
            Err(crate::Problem::new("error-choice"))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether it is one of [`Audience::BUILT_IN`], named by the catalogue's
    /// words rather than by an admin.
    pub fn is_built_in(&self) -> bool {
        Audience::BUILT_IN.contains(self)
    }
}

impl TryFrom<String> for Audience {
    type Error = crate::Problem;

    fn try_from(code: String) -> Result<Self, crate::Problem> {
        Audience::parse(&code)
    }
}

impl From<Audience> for String {
    fn from(audience: Audience) -> String {
        audience.0.into_owned()
    }
}

/// A code is a key (of `audiences`, of a course's audiences); no number
/// becomes one.
#[cfg(feature = "sea-orm")]
impl sea_orm::TryFromU64 for Audience {
    fn try_from_u64(_: u64) -> Result<Self, sea_orm::DbErr> {
        Err(sea_orm::DbErr::ConvertFromU64("Audience"))
    }
}

/// A stored code that is not an audience's shape.
#[derive(Debug, thiserror::Error)]
#[error("not an audience code {0:?}")]
pub struct UnknownAudience(String);

impl std::str::FromStr for Audience {
    type Err = UnknownAudience;

    fn from_str(code: &str) -> Result<Self, UnknownAudience> {
        Audience::parse(code).map_err(|_| UnknownAudience(code.to_owned()))
    }
}

impl std::fmt::Display for Audience {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// What an admin calls an audience of their own, in some of the four
/// languages: readers of another language see the first name there is, in
/// the order en, fr, es, ar.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "sea-orm", derive(sea_orm::FromJsonQueryResult))]
pub struct AudienceNames(pub std::collections::BTreeMap<crate::Language, String>);

impl AudienceNames {
    /// The names given by language code (`name_fr`, ...: the errors are
    /// named so); blank ones are left out, and at least one is needed.
    pub fn parse(given: &[(crate::Language, &str)]) -> Result<AudienceNames, crate::FieldErrors> {
        let mut errors = crate::FieldErrors::new();
        let mut names = std::collections::BTreeMap::new();
        for (language, name) in given {
            if name.trim().is_empty() {
                continue;
            }
            if let Some(name) = errors.take(&format!("name_{language}"), crate::details::ShortText::parse(name)) {
                names.insert(*language, name.to_string());
            }
        }
        if names.is_empty() && errors.is_empty() {
            errors.add("name_en", crate::Problem::new("error-audience-name"));
        }
        if errors.is_empty() {
            Ok(AudienceNames(names))
        } else {
            Err(errors)
        }
    }

    /// The name for readers of `language`.
    pub fn get(&self, language: crate::Language) -> &str {
        use crate::Language::*;
        [language, En, Fr, Es, Ar]
            .iter()
            .find_map(|l| self.0.get(l))
            .map_or("", String::as_str)
    }
}

/// A course's title, summary and objectives in a language other than its
/// own, for readers of that language (issue 23). Stored as given once
/// [`CourseTexts::parse`] has checked them.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CourseText {
    pub language: crate::Language,
    pub title: String,
    pub summary: String,
    #[serde(default)]
    pub objectives: Option<String>,
}

/// A course's texts in other languages: one per language at most, never in
/// the course's own (that one is the course's title and summary). Read
/// from its column, an unknown language is an error, not a text skipped.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "sea-orm", derive(sea_orm::FromJsonQueryResult))]
pub struct CourseTexts(pub Vec<CourseText>);

impl CourseTexts {
    /// The texts an organiser gave, by language code: `(code, title,
    /// summary, objectives)`. A language left entirely blank has no text;
    /// one begun needs its title and summary. Errors are named
    /// `<code>.title` and so on, or `<code>` for the language itself.
    pub fn parse(own: crate::Language, given: &[(&str, &str, &str, &str)]) -> Result<CourseTexts, crate::FieldErrors> {
        use crate::details::{LongText, Title};
        let mut errors = crate::FieldErrors::new();
        let mut texts: Vec<CourseText> = Vec::new();
        for (code, title, summary, objectives) in given {
            if [title, summary, objectives].iter().all(|t| t.trim().is_empty()) {
                continue;
            }
            let Some(language) = errors.take(code, crate::Language::parse(code)) else {
                continue;
            };
            if language == own || texts.iter().any(|t| t.language == language) {
                errors.add(code, crate::Problem::new("error-course-text-language"));
                continue;
            }
            let title = errors.take(&format!("{code}.title"), Title::parse(title));
            let summary = errors.take(&format!("{code}.summary"), crate::Text::<2000, true>::parse(summary));
            let objectives = errors.take(&format!("{code}.objectives"), LongText::parse_optional(objectives));
            if let (Some(title), Some(summary), Some(objectives)) = (title, summary, objectives) {
                texts.push(CourseText {
                    language,
                    title: title.to_string(),
                    summary: summary.to_string(),
                    objectives: objectives.map(|o| o.to_string()),
                });
            }
        }
        if errors.is_empty() {
            texts.sort_by_key(|t| t.language);
            Ok(CourseTexts(texts))
        } else {
            Err(errors)
        }
    }

    /// The text in `language`, if the course has one.
    pub fn get(&self, language: crate::Language) -> Option<&CourseText> {
        self.0.iter().find(|t| t.language == language)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for m in Modality::ALL {
            assert_eq!(Modality::parse(m.as_str()), Ok(*m));
        }
        for a in Audience::BUILT_IN {
            assert_eq!(Audience::parse(a.as_str()).as_ref(), Ok(a));
            assert!(a.is_built_in());
        }
        assert!(!Audience::parse("newly_arrived").expect("a code").is_built_in());
        for wrong in ["Social workers", "9lives", "a", "social-workers", "é"] {
            assert_eq!(
                Audience::parse(wrong),
                Err(crate::Problem::new("error-choice")),
                "{wrong}"
            );
        }
        assert_eq!(Modality::parse("hybrid").map_err(|p| p.key), Err("error-choice"));
    }

    #[test]
    fn course_texts_one_per_other_language() {
        use crate::Language;
        let texts = CourseTexts::parse(
            Language::Fr,
            &[("es", " Mediación ", "Resumen", ""), ("en", "", " ", "")],
        )
        .expect("texts");
        assert_eq!(texts.0.len(), 1);
        assert_eq!(texts.get(Language::Es).map(|t| t.title.as_str()), Some("Mediación"));
        assert_eq!(texts.get(Language::En), None);

        let errors = CourseTexts::parse(Language::Fr, &[("fr", "Titre", "Résumé", ""), ("es", "Título", "", "")])
            .expect_err("own language, missing summary");
        assert!(
            !errors.get("fr").is_empty() && !errors.get("es.summary").is_empty(),
            "{errors:?}"
        );
        assert!(CourseTexts::parse(Language::Fr, &[("xx", "T", "S", "")]).is_err());
    }
}
