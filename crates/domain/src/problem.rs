//! What is wrong with an input, as a translation key and its arguments.
//!
//! The domain does not speak any language: a [`Problem`] names a message of the
//! Fluent catalogue (`locales/*/main.ftl`) and the web layer renders it in the
//! reader's language.

use std::collections::BTreeMap;

use serde::Serialize;

/// One thing wrong with one value: a catalogue key and its arguments.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl Problem {
    pub fn new(key: &'static str) -> Self {
        Problem { key, args: Vec::new() }
    }

    pub fn with(mut self, name: &'static str, value: impl ToString) -> Self {
        self.args.push((name, value.to_string()));
        self
    }

    pub fn required() -> Self {
        Problem::new("error-required")
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key)?;
        for (name, value) in &self.args {
            write!(f, " {name}={value}")?;
        }
        Ok(())
    }
}

/// The problems of a whole form, by field name, in the order found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldErrors(BTreeMap<String, Vec<Problem>>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    /// Keeps the value if it parsed, records the problem under `field` if not.
    ///
    /// Forms are parsed with one `take` per field and a final `let (Some(..), ..)
    /// = (..) else { return Err(errors) }`: every `None` has recorded a problem,
    /// so the else branch never returns an empty set.
    pub fn take<T>(&mut self, field: &str, result: Result<T, Problem>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(problem) => {
                self.add(field, problem);
                None
            }
        }
    }

    pub fn add(&mut self, field: &str, problem: Problem) {
        self.0.entry(field.to_owned()).or_default().push(problem);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, field: &str) -> &[Problem] {
        self.0.get(field).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &[Problem])> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_slice()))
    }

    pub fn single(field: &str, problem: Problem) -> Self {
        let mut errors = Self::new();
        errors.add(field, problem);
        errors
    }

    /// `Ok(())` when nothing was recorded.
    pub fn into_result(self) -> Result<(), FieldErrors> {
        if self.is_empty() { Ok(()) } else { Err(self) }
    }
}

impl std::fmt::Display for FieldErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (field, problems) in self.iter() {
            for problem in problems {
                writeln!(f, "{field}: {problem}")?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for FieldErrors {}
