//! Who each person of a participant report is among a session's confirmed
//! participants (issue 18).
//!
//! A report names people as its platform and they themselves wrote them:
//! an address typed in any case, `Pérez Gil, José` for José Pérez Gil,
//! `Luis's iPhone (Luis Gil)` for a renamed device, a guest's nickname. So a
//! person of the report is found, in this order:
//!
//! 1. by e-mail address, trimmed and case-folded: certain;
//! 2. by the choice a trainer makes now, on the report page or in the API
//!    (where it differs from what 3 to 5 find);
//! 3. by the choice a trainer made at an earlier import of the same
//!    session's report, remembered under the person's [`report_key`];
//! 4. by name, with accents, case, punctuation and word order folded, trying
//!    the name as shown and each bracketed part (`New name (Original name)`),
//!    and only when exactly one participant answers to it;
//! 5. else nobody: listed, never attributed to anyone.
//!
//! A choice may also be "not one of them", which keeps a name that looks
//! like a participant's from being attributed to them.
//!
//! Pure: participants are given by index, in the caller's order.

use std::collections::{HashMap, HashSet};

use crate::fold_for_search;

/// How a person of the report was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchedBy {
    Email,
    /// Chosen by a trainer for this import.
    ByHand,
    /// Chosen by a trainer at an earlier import of the session's report.
    EarlierChoice,
    Name,
    Unmatched,
}

impl MatchedBy {
    /// The stable code the API and the pages use.
    pub fn as_str(self) -> &'static str {
        match self {
            MatchedBy::Email => "email",
            MatchedBy::ByHand => "by_hand",
            MatchedBy::EarlierChoice => "earlier_choice",
            MatchedBy::Name => "name",
            MatchedBy::Unmatched => "unmatched",
        }
    }
}

/// A trainer's choice for a person of the report: a participant (by index),
/// or `None` for "not one of them".
pub type Choice = Option<usize>;

/// Who a person of the report is, and how that was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Resolution {
    /// The participant's index; `None` when unmatched.
    pub participant: Option<usize>,
    pub by: MatchedBy,
}

/// The words of a name, folded so that case, accents and punctuation do not
/// matter: `Pérez-Gil, José` gives `perez gil jose`.
fn words(text: &str) -> Vec<String> {
    fold_for_search(text)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

/// The words of a name in a fixed order, so that `Family, Given` and
/// `Given Family` are one key.
fn sorted_words(text: &str) -> String {
    let mut words = words(text);
    words.sort();
    words.join(" ")
}

/// The key a trainer's choice is remembered under: the address when the
/// report gives one (trimmed, case-folded), else the name's folded words in
/// the order written. The same person in the next report has the same key.
pub fn report_key(name: &str, email: Option<&str>) -> String {
    match email.map(str::trim).filter(|e| !e.is_empty()) {
        Some(email) => email.to_lowercase(),
        None => words(name).join(" "),
    }
}

/// The names a report's name cell may hold: the text outside brackets and
/// each bracketed part, since Zoom writes `New name (Original name)` and
/// `Luis's iPhone (Luis Gil)` (the device's name, then the account's), and
/// guests add `(guest)`. Each as [`sorted_words`].
fn name_keys(name: &str) -> Vec<String> {
    let mut outside = String::new();
    let mut inside: Vec<String> = Vec::new();
    let mut depth = 0usize;
    for c in name.chars() {
        match c {
            '(' | '[' => {
                if depth == 0 {
                    inside.push(String::new());
                }
                depth += 1;
                // A bracket separates words, as a space would.
                outside.push(' ');
            }
            ')' | ']' => depth = depth.saturating_sub(1),
            c if depth == 0 => outside.push(c),
            c => {
                if let Some(part) = inside.last_mut() {
                    part.push(c);
                }
            }
        }
    }
    let mut keys = Vec::new();
    for text in std::iter::once(&outside).chain(inside.iter()) {
        let key = sorted_words(text);
        if !key.is_empty() && !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys
}

/// A session's confirmed participants, indexed by e-mail and by name.
#[derive(Clone, Debug, Default)]
pub struct Roster {
    by_email: HashMap<String, usize>,
    /// `None` when two participants share the name: no match then.
    by_name: HashMap<String, Option<usize>>,
    len: usize,
}

impl Roster {
    /// `people` are (given name, family name, e-mail), the index of each the
    /// participant's number in every answer.
    pub fn new<'a>(people: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>) -> Self {
        let mut roster = Roster::default();
        for (index, (given, family, email)) in people.into_iter().enumerate() {
            // Someone without e-mail (issue 20) is found by name only.
            if !email.trim().is_empty() {
                roster.by_email.insert(email.trim().to_lowercase(), index);
            }
            let key = sorted_words(&format!("{given} {family}"));
            if !key.is_empty() {
                roster
                    .by_name
                    .entry(key)
                    .and_modify(|held| *held = None)
                    .or_insert(Some(index));
            }
            roster.len = index + 1;
        }
        roster
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn by_email(&self, email: Option<&str>) -> Option<usize> {
        email.and_then(|e| self.by_email.get(&e.trim().to_lowercase()).copied())
    }

    /// The one participant the name is, if exactly one answers to it.
    fn by_name(&self, name: &str) -> Option<usize> {
        let mut found = HashSet::new();
        for key in name_keys(name) {
            match self.by_name.get(&key) {
                Some(Some(index)) => {
                    found.insert(*index);
                }
                // Two participants answer to this name: the report cannot tell which.
                Some(None) => return None,
                None => {}
            }
        }
        match found.into_iter().collect::<Vec<_>>().as_slice() {
            [index] => Some(*index),
            _ => None,
        }
    }

    /// Who the person of the report named `name` with `email` is. `earlier`
    /// is the choice remembered for the person's key, `now` the trainer's
    /// choice for this import; a choice of a participant out of range is
    /// ignored. `now` counts as a choice by hand only where it differs from
    /// what would be found without it, so a page that sends back the match
    /// it showed (a select left as it was) changes nothing.
    pub fn resolve(&self, name: &str, email: Option<&str>, now: Option<Choice>, earlier: Option<Choice>) -> Resolution {
        let valid = |choice: &Choice| choice.is_none_or(|i| i < self.len);
        let found = self.resolve_without_now(name, email, earlier.filter(valid));
        match now.filter(valid) {
            Some(choice) if found.by != MatchedBy::Email && choice != found.participant => Resolution {
                participant: choice,
                by: MatchedBy::ByHand,
            },
            _ => found,
        }
    }

    fn resolve_without_now(&self, name: &str, email: Option<&str>, earlier: Option<Choice>) -> Resolution {
        if let Some(index) = self.by_email(email) {
            return Resolution {
                participant: Some(index),
                by: MatchedBy::Email,
            };
        }
        if let Some(choice) = earlier {
            // `None` ("not one of them") keeps a look-alike name from matching.
            return Resolution {
                participant: choice,
                by: MatchedBy::EarlierChoice,
            };
        }
        match self.by_name(name) {
            Some(index) => Resolution {
                participant: Some(index),
                by: MatchedBy::Name,
            },
            None => Resolution {
                participant: None,
                by: MatchedBy::Unmatched,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roster() -> Roster {
        Roster::new([
            ("José", "Pérez Gil", "jose.perez@example.org"),
            ("Ana", "Ruiz", " Ana.Ruiz@Example.org "),
            ("Luis", "Gil", "luis@example.org"),
            ("Marta", "Sanz", "marta.1@example.org"),
            ("Marta", "Sanz", "marta.2@example.org"),
        ])
    }

    fn found(by: MatchedBy, participant: Option<usize>) -> Resolution {
        Resolution { participant, by }
    }

    #[test]
    fn issue_18_email_first_trimmed_and_case_folded() {
        let r = roster();
        assert_eq!(
            r.resolve("Someone else", Some("  ANA.RUIZ@example.ORG"), None, None),
            found(MatchedBy::Email, Some(1))
        );
        // An address beats any choice: it is proof.
        assert_eq!(
            r.resolve("x", Some("ana.ruiz@example.org"), Some(Some(0)), Some(None)),
            found(MatchedBy::Email, Some(1))
        );
    }

    #[test]
    fn issue_18_names_ignore_accents_case_order_and_renames() {
        let r = roster();
        for name in [
            "Jose Perez Gil",
            "PÉREZ GIL, José",
            "Pérez-Gil, JOSÉ",
            "perez gil jose",
            "Pepe (José Pérez Gil)",
            "José Pérez Gil (guest)",
        ] {
            assert_eq!(
                r.resolve(name, None, None, None),
                found(MatchedBy::Name, Some(0)),
                "{name}"
            );
        }
        assert_eq!(
            r.resolve("Luis's iPhone (Luis Gil)", None, None, None),
            found(MatchedBy::Name, Some(2))
        );
        // An address that is nobody's does not stop the name from matching.
        assert_eq!(
            r.resolve("Gil, Luis", Some("luis.home@example.com"), None, None),
            found(MatchedBy::Name, Some(2))
        );
    }

    #[test]
    fn issue_18_guests_and_shared_names_stay_unmatched() {
        let r = roster();
        assert_eq!(
            r.resolve("Unknown Guest", None, None, None),
            found(MatchedBy::Unmatched, None)
        );
        // Two Marta Sanz: the report cannot tell which.
        assert_eq!(
            r.resolve("Marta Sanz", None, None, None),
            found(MatchedBy::Unmatched, None)
        );
        // Two names in one cell that are two participants: neither.
        assert_eq!(
            r.resolve("Ana Ruiz (Luis Gil)", None, None, None),
            found(MatchedBy::Unmatched, None)
        );
        assert_eq!(r.resolve("()", None, None, None), found(MatchedBy::Unmatched, None));
    }

    #[test]
    fn issue_18_choices_now_then_earlier_then_name() {
        let r = roster();
        assert_eq!(
            r.resolve("Marta Sanz", None, Some(Some(4)), Some(Some(3))),
            found(MatchedBy::ByHand, Some(4))
        );
        assert_eq!(
            r.resolve("Marta Sanz", None, None, Some(Some(3))),
            found(MatchedBy::EarlierChoice, Some(3))
        );
        // The page sends back what it showed: still the earlier choice, or the name.
        assert_eq!(
            r.resolve("Marta Sanz", None, Some(Some(3)), Some(Some(3))),
            found(MatchedBy::EarlierChoice, Some(3))
        );
        assert_eq!(
            r.resolve("Ana Ruiz", None, Some(Some(1)), None),
            found(MatchedBy::Name, Some(1))
        );
        assert_eq!(
            r.resolve("Unknown Guest", None, Some(None), None),
            found(MatchedBy::Unmatched, None)
        );
        // "Not one of them" keeps a look-alike name from being attributed.
        assert_eq!(
            r.resolve("Ana Ruiz", None, None, Some(None)),
            found(MatchedBy::EarlierChoice, None)
        );
        assert_eq!(
            r.resolve("Ana Ruiz", None, Some(None), Some(Some(1))),
            found(MatchedBy::ByHand, None)
        );
        // A choice of someone no longer in the session is ignored.
        assert_eq!(
            r.resolve("Ana Ruiz", None, Some(Some(7)), Some(Some(9))),
            found(MatchedBy::Name, Some(1))
        );
    }

    #[test]
    fn issue_18_report_keys() {
        assert_eq!(
            report_key("Ana", Some(" Ana.Ruiz@Example.org ")),
            "ana.ruiz@example.org"
        );
        assert_eq!(report_key("Pérez-Gil, JOSÉ", None), "perez gil jose");
        assert_eq!(report_key("Pérez-Gil, JOSÉ", Some("")), "perez gil jose");
        assert_eq!(words("Pérez-Gil, JOSÉ"), ["perez", "gil", "jose"]);
        assert_eq!(name_keys("Luis's iPhone (Luis Gil)"), ["iphone luis s", "gil luis"]);
    }
}
