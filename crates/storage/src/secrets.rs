//! Random secrets (API tokens, session cookies) and how they are stored:
//! only a SHA-256 of each, so a copy of the database opens no doors.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// 32 random bytes, URL-safe base64, with a prefix that says what it is.
pub fn generate(prefix: &str) -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    format!("{prefix}{}", URL_SAFE_NO_PAD.encode(bytes))
}

/// Compares secrets in time that does not depend on where they differ: the
/// one comparison of the tree (CSRF tokens, signed links, check-in codes,
/// the metrics token, invitation links).
pub fn same_secret(given: &str, expected: &str) -> bool {
    let (given, expected) = (given.as_bytes(), expected.as_bytes());
    given.len() == expected.len() && given.iter().zip(expected).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
}

pub fn hash(secret: &str) -> String {
    let digest = Sha256::digest(secret.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The key of personal links (a registration's "manage" link in every
/// e-mail): a link is the key's HMAC of the registration's id, so any e-mail,
/// however late, can carry it without the database keeping it in clear.
#[derive(Clone)]
pub struct LinkKey([u8; 32]);

impl LinkKey {
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        LinkKey(bytes)
    }

    /// A key for tests and tools that keep nothing.
    pub fn random() -> Self {
        let mut bytes = [0u8; 32];
        rand::rng().fill_bytes(&mut bytes);
        LinkKey(bytes)
    }

    /// The personal link's secret for `id`.
    pub fn sign(&self, id: uuid::Uuid) -> String {
        URL_SAFE_NO_PAD.encode(self.mac(&[id.as_bytes()]))
    }

    /// The key's HMAC of `parts`; other uses than personal links put their
    /// purpose first, so no two uses can produce each other's values.
    pub fn mac(&self, parts: &[&[u8]]) -> [u8; 32] {
        use hmac::{Hmac, Mac};
        // HMAC takes keys of any length; `new_from_slice` cannot fail for it.
        let mut mac = match Hmac::<Sha256>::new_from_slice(&self.0) {
            Ok(mac) => mac,
            Err(_) => unreachable!("HMAC accepts any key length"),
        };
        for part in parts {
            mac.update(part);
        }
        mac.finalize().into_bytes().into()
    }
}

/// A meeting's check-in code at a time step: 8 characters a person can type
/// if the camera fails (no 0/O or 1/I to confuse), from the key's HMAC of the
/// meeting and the step, so it is good for that meeting and moment only.
pub fn check_in_code(key: &LinkKey, meeting: uuid::Uuid, step: i64) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    key.mac(&[b"check-in:", meeting.as_bytes(), &step.to_be_bytes()])
        .iter()
        .take(8)
        .map(|b| char::from(ALPHABET[usize::from(*b) % ALPHABET.len()]))
        .collect()
}

impl std::fmt::Debug for LinkKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LinkKey(…)")
    }
}
