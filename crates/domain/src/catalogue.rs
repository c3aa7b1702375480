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
}
