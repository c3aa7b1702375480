//! The translation catalogues: the same keys in every language, and every
//! key the code and templates use is defined.

use std::collections::BTreeSet;
use std::path::Path;

pub(crate) fn keys_of(language: &str) -> BTreeSet<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales").join(language);
    let mut keys = BTreeSet::new();
    for entry in std::fs::read_dir(&dir).expect("locale dir") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("ftl");
        for line in text.lines() {
            if let Some((key, _)) = line.split_once(" =")
                && !key.is_empty()
                && key
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                keys.insert(key.to_owned());
            }
        }
    }
    keys
}

/// Every message of a language's catalogue, by key, with the variables
/// (`{ $name }`) its value and variants use. A message runs from its
/// `key =` line through the indented or `}` lines below it.
fn messages_of(language: &str) -> std::collections::BTreeMap<String, BTreeSet<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales").join(language);
    let mut messages = std::collections::BTreeMap::new();
    for entry in std::fs::read_dir(&dir).expect("locale dir") {
        let text = std::fs::read_to_string(entry.expect("entry").path()).expect("ftl");
        let mut current: Option<String> = None;
        for line in text.lines() {
            let continues = line.starts_with(' ') || line.starts_with('}');
            let value = match line.split_once(" =") {
                Some((key, value)) if !continues && is_key(key) => {
                    current = Some(key.to_owned());
                    value
                }
                _ if continues => line,
                _ => {
                    current = None;
                    continue;
                }
            };
            let Some(key) = &current else { continue };
            let variables: &mut BTreeSet<String> = messages.entry(key.clone()).or_default();
            for (at, _) in value.match_indices('$') {
                let name: String = value[at + 1..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                if !name.is_empty() {
                    variables.insert(name);
                }
            }
        }
    }
    messages
}

fn is_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The catalogues' languages besides English, the reference.
const OTHER_LANGUAGES: [&str; 3] = ["fr", "es", "ar"];

#[test]
fn issue_23_every_language_uses_the_same_placeholders() {
    let en = messages_of("en");
    assert!(en.values().any(|v| v.contains("count")));
    for language in OTHER_LANGUAGES {
        let other = messages_of(language);
        let differ: Vec<String> = en
            .iter()
            .filter_map(|(key, variables)| {
                let theirs = other.get(key)?;
                (theirs != variables).then(|| format!("{key}: en {variables:?}, {language} {theirs:?}"))
            })
            .collect();
        assert!(differ.is_empty(), "placeholders differ:\n{}", differ.join("\n"));
    }
}

#[test]
fn every_language_has_the_same_keys() {
    let en = keys_of("en");
    assert!(en.len() > 100);
    for language in OTHER_LANGUAGES {
        let other = keys_of(language);
        let missing: Vec<_> = en.difference(&other).collect();
        let extra: Vec<_> = other.difference(&en).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{language}: missing {missing:?}, extra {extra:?}"
        );
    }
}

/// Finds `c.t("key")`, `c.t1("key"`, `tr.t("key")` and `Problem::new("key")`
/// in templates and Rust sources.
fn used_keys() -> BTreeSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    let mut stack = vec![root.join("templates"), root.join("crates")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "html" || e == "rs") {
                files.push(path);
            }
        }
    }
    let mut keys = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("source");
        for marker in [
            "c.t(\"",
            "c.t1(\"",
            "tr.t(\"",
            "tr.t1(\"",
            "Problem::new(\"",
            "redirect_with(&ctx, \"",
            "\"flash-",
        ] {
            for (index, _) in text.match_indices(marker) {
                let rest = &text[index + marker.len()..];
                let key: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')
                    .collect();
                if rest[key.len()..].starts_with('"') && key.len() > 2 {
                    let key = if marker == "\"flash-" {
                        format!("flash-{key}")
                    } else {
                        key
                    };
                    keys.insert(key);
                }
            }
        }
    }
    keys
}

#[test]
fn every_used_key_is_defined() {
    let defined = keys_of("en");
    let missing: Vec<_> = used_keys().into_iter().filter(|k| !defined.contains(k)).collect();
    assert!(missing.is_empty(), "keys used but not in the catalogue: {missing:?}");
    // Keys built from vocabularies.
    for prefix in [
        "modality-",
        "audience-",
        "status-",
        "status-action-",
        "role-",
        "language-",
        "month-",
        "weekday-",
        "error-title-",
    ] {
        assert!(defined.iter().any(|k| k.starts_with(prefix)), "{prefix}");
    }
    for modality in aula_domain::Modality::ALL {
        assert!(defined.contains(&format!("modality-{}", modality.as_str().replace('_', "-"))));
    }
    for audience in aula_domain::Audience::BUILT_IN {
        assert!(defined.contains(&format!("audience-{}", audience.as_str().replace('_', "-"))));
    }
    for status in aula_domain::SessionStatus::ALL {
        assert!(defined.contains(&format!("status-{}", status.as_str())));
        assert!(defined.contains(&format!("status-action-{}", status.as_str())));
    }
    for role in aula_domain::Role::ALL {
        assert!(defined.contains(&format!("role-{}", role.as_str())));
    }
}

#[test]
fn the_api_docs_labels_exist() {
    let defined = keys_of("en");
    let source = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/web/assets/api-docs.js"))
        .expect("js");
    for (index, _) in source.match_indices("L('") {
        let key: String = source[index + 3..].chars().take_while(|c| *c != '\'').collect();
        assert!(defined.contains(&format!("api-docs-{key}")), "api-docs-{key}");
    }
}

/// A message that Fluent cannot parse is left out of its bundle (and the
/// reader would get the English one): every catalogue file parses whole.
#[test]
fn issue_23_every_catalogue_parses() {
    use fluent_templates::fluent_bundle::FluentResource;
    for language in aula_domain::Language::ALL {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("locales")
            .join(language.as_str());
        for entry in std::fs::read_dir(&dir).expect("locale dir") {
            let path = entry.expect("entry").path();
            let text = std::fs::read_to_string(&path).expect("ftl");
            if let Err((_, errors)) = FluentResource::try_new(text) {
                panic!("{}: {errors:?}", path.display());
            }
        }
    }
}

// Issue 24: the outbox showed `outbox-kind-registration-confirmed`. Every
// word a page builds from a vocabulary's code (`c.word(prefix, code)`) has
// its message, for every code of the vocabulary.
#[test]
fn issue_24_every_vocabulary_word_is_in_the_catalogue() {
    fn word(prefix: &str, code: &str) -> String {
        format!("{prefix}-{}", code.replace('_', "-"))
    }
    let mut wanted = Vec::new();
    for kind in aula_domain::MailKind::ALL {
        wanted.push(word("outbox-kind", kind.as_str()));
    }
    for status in aula_domain::MessageStatus::ALL {
        wanted.push(word("outbox-status", status.as_str()));
    }
    for status in aula_domain::RegistrationStatus::ALL {
        wanted.push(word("registration", status.as_str()));
    }
    for status in aula_domain::AttendanceStatus::ALL {
        wanted.push(word("attendance", status.as_str()));
    }
    for audience in aula_domain::registration::Audience::ALL {
        wanted.push(word("message-audience", audience.as_str()));
    }
    for kind in aula_domain::survey::QuestionKind::ALL {
        wanted.push(word("survey-kind", kind.as_str()));
    }
    for language in aula_domain::Language::ALL {
        wanted.push(word("language", language.as_str()));
    }
    // Issue 21: the retention periods' form and the records of processing.
    for category in aula_domain::retention::RetentionCategory::ALL {
        wanted.push(word("retention", category.as_str()));
        wanted.push(word("retention-hint", category.as_str()));
    }
    for record in aula_domain::retention::RECORDS {
        for part in ["what", "why"] {
            wanted.push(format!("records-{}-{part}", record.data));
        }
        if record.period.is_none() {
            wanted.push(format!("records-{}-kept", record.data));
        }
    }
    for language in ["en", "fr", "es", "ar"] {
        let defined = keys_of(language);
        let missing: Vec<_> = wanted.iter().filter(|k| !defined.contains(*k)).collect();
        assert!(missing.is_empty(), "{language}: {missing:?}");
    }
}
