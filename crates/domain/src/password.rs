//! Staff passwords: checked for length on the way in, kept only as argon2id.

use argon2::{Argon2, PasswordHash as Phc, PasswordHasher, PasswordVerifier};

use crate::Problem;

/// A password someone chose: 10 to 200 characters.
pub struct Password(String);

impl Password {
    pub const MIN: usize = 10;

    pub fn parse(input: &str) -> Result<Self, Problem> {
        let count = input.chars().count();
        if count == 0 {
            return Err(Problem::required());
        }
        if count < Self::MIN {
            return Err(Problem::new("error-password-short").with("min", Self::MIN));
        }
        if count > 200 {
            return Err(Problem::new("error-too-long").with("max", 200));
        }
        // Spaces belong in passphrases, but a password of nothing else is
        // the first thing guessed (session 25: twelve spaces were taken).
        if input.chars().all(char::is_whitespace) {
            return Err(Problem::new("error-password-spaces"));
        }
        Ok(Password(input.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(..)")
    }
}

/// An argon2id hash in PHC string form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PasswordHash(String);

impl PasswordHash {
    pub fn new(password: &Password) -> Self {
        let hash = Argon2::default()
            .hash_password(password.as_str().as_bytes())
            .map(|h| h.to_string())
            // Hashing only fails on parameters out of range, and the defaults are not.
            .unwrap_or_default();
        PasswordHash(hash)
    }

    pub fn from_stored(phc: String) -> Self {
        PasswordHash(phc)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn verify(&self, candidate: &str) -> bool {
        Phc::new(&self.0)
            .map(|parsed| Argon2::default().verify_password(candidate.as_bytes(), &parsed).is_ok())
            .unwrap_or(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_and_verify() {
        let password = Password::parse("correct horse battery").expect("long enough");
        let hash = PasswordHash::new(&password);
        assert!(hash.as_str().starts_with("$argon2id$"));
        assert!(hash.verify("correct horse battery"));
        assert!(!hash.verify("wrong horse battery"));
        assert!(!PasswordHash::from_stored("garbage".into()).verify("x"));
        assert!(Password::parse("short").is_err());
        // Session 25: twelve spaces were a password; spaces among words still are.
        assert_eq!(
            Password::parse(&" ".repeat(12)).map(|_| ()).map_err(|p| p.key),
            Err("error-password-spaces")
        );
        assert!(Password::parse(" correct horse ").is_ok());
    }
}
