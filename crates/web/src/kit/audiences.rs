//! The instance's audiences in a reader's words (issue 20): the built-in
//! ones by the catalogue's messages (`audience-*`), an admin's by the names
//! they gave. Forms offer the audiences not retired, and keep a retired one
//! a record already has, so editing it does not silently change it.

use aula_domain::Audience;
use aula_mail::i18n::Tr;
use aula_storage::audiences;
use aula_storage::entities::audience;

use crate::AppResult;

pub struct AudienceWords {
    tr: Tr,
    list: Vec<audience::Model>,
}

impl AudienceWords {
    pub async fn load(db: &aula_storage::Database, tr: Tr) -> AppResult<Self> {
        Ok(AudienceWords {
            tr,
            list: audiences::list(db).await?,
        })
    }

    /// An audience by its code, in words; a code the instance does not
    /// have (none is stored) reads as itself.
    pub fn word(&self, code: &str) -> String {
        let own = self.list.iter().find(|a| a.code.as_str() == code);
        match own.and_then(|a| a.names.as_ref()) {
            Some(names) => names.get(self.tr.lang).to_owned(),
            None if own.is_some() || Audience::BUILT_IN.iter().any(|a| a.as_str() == code) => {
                self.tr.t(&format!("audience-{}", code.replace('_', "-")))
            }
            None => code.to_owned(),
        }
    }

    /// The options of a `select`: every audience offered, and `chosen` if
    /// it is retired.
    pub fn options(&self, chosen: &str) -> Vec<(String, String)> {
        self.offered(|code| code == chosen)
            .map(|code| (code.to_owned(), self.word(code)))
            .collect()
    }

    /// The boxes of a course's audiences, each ticked when `chosen`.
    pub fn ticks(&self, chosen: &[String]) -> Vec<(String, String, bool)> {
        self.offered(|code| chosen.iter().any(|c| c == code))
            .map(|code| (code.to_owned(), self.word(code), chosen.iter().any(|c| c == code)))
            .collect()
    }

    /// Every audience, retired ones too, as (code, words, retired): the
    /// admin's list and filters over figures, which may name any.
    pub fn all(&self) -> impl Iterator<Item = (&audience::Model, String)> {
        self.list.iter().map(|a| (a, self.word(a.code.as_str())))
    }

    fn offered(&self, kept: impl Fn(&str) -> bool) -> impl Iterator<Item = &str> {
        self.list
            .iter()
            .filter(move |a| !a.retired || kept(a.code.as_str()))
            .map(|a| a.code.as_str())
    }
}
