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

vocabulary! {
    /// Who a course is for, and who a participant is.
    Audience {
        PublicServant => "public_servant",
        UnionDelegate => "union_delegate",
        ElectedOfficial => "elected_official",
        Mediator => "mediator",
        CivilSociety => "civil_society",
        Other => "other",
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
        for a in Audience::ALL {
            assert_eq!(Audience::parse(a.as_str()), Ok(*a));
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
