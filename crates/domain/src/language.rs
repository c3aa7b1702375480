//! The languages Aula speaks. Every page and e-mail exists in each.

crate::catalogue::vocabulary! {
    /// A user-facing language.
    Language { Fr => "fr", Es => "es", En => "en", Ar => "ar" }
}

impl Language {
    /// Whether the language is written right to left (Arabic).
    pub fn is_rtl(self) -> bool {
        matches!(self, Language::Ar)
    }

    /// `rtl` or `ltr`, for the `dir` attribute of pages and e-mails.
    pub fn dir(self) -> &'static str {
        if self.is_rtl() { "rtl" } else { "ltr" }
    }

    /// The first language of an `Accept-Language` header that Aula speaks,
    /// by the order of preference the header gives (its `q` weights).
    pub fn from_accept_language(header: &str) -> Option<Language> {
        let mut ranked: Vec<(f32, usize, Language)> = header
            .split(',')
            .enumerate()
            .filter_map(|(index, part)| {
                let mut pieces = part.split(';');
                let tag = pieces.next()?.trim().to_ascii_lowercase();
                let primary = tag.split('-').next()?;
                let language = Language::parse(primary).ok()?;
                let quality = pieces
                    .find_map(|p| p.trim().strip_prefix("q=").and_then(|q| q.parse::<f32>().ok()))
                    .unwrap_or(1.0);
                (quality > 0.0).then_some((quality, index, language))
            })
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        ranked.first().map(|(_, _, language)| *language)
    }
}

impl Default for Language {
    /// Aula's organisers mostly work in Spanish and French; English is the
    /// common fallback when nothing says otherwise.
    fn default() -> Self {
        Language::En
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_by_weight() {
        assert_eq!(
            Language::from_accept_language("de-DE,es;q=0.8,fr;q=0.9"),
            Some(Language::Fr)
        );
        assert_eq!(
            Language::from_accept_language("es-ES,es;q=0.9,en;q=0.8"),
            Some(Language::Es)
        );
        assert_eq!(Language::from_accept_language("de,it"), None);
        assert_eq!(Language::from_accept_language("fr;q=0,en"), Some(Language::En));
        assert_eq!(Language::from_accept_language(""), None);
        assert_eq!(
            Language::from_accept_language("ar-TN,ar;q=0.9,fr;q=0.8"),
            Some(Language::Ar)
        );
    }
}
