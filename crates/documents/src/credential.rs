//! Certificates as Open Badges 3.0 credentials, signed by the server.
//!
//! A PDF certificate proves nothing by itself, and the verification page
//! proves it only while this server is up. So each certificate is also an
//! Open Badges 3.0 `OpenBadgeCredential` (a W3C Verifiable Credential, data
//! model 2.0), signed with the issuer's Ed25519 key in two forms:
//! - with an embedded Data Integrity proof, cryptosuite `eddsa-rdfc-2022`
//!   (`data_integrity`), what the Digital Credentials Consortium's verifier
//!   and Learner Credential Wallet check;
//! - as a VC-JWT, for JWT-only consumers.
//!
//! The key is published in the issuer's `did:web` document (served at
//! `/.well-known/did.json`, or `{path}/did.json` when Aula is served under a
//! path), so anyone can find it from the credential's `issuer.id`.
//!
//! This module is pure: it builds and signs JSON. The caller keeps the key in
//! the database (`IssuerKey::to_bytes` / `from_bytes`), translates the
//! texts and serves the documents.
//!
//! Choices:
//! - Every type and property is defined by the two contexts (VC 2.0, OB
//!   3.0.3), which `data_integrity` checks before signing: no
//!   `credentialSchema` (its OB type `1EdTechJsonSchemaValidator2019` is
//!   defined by no context; verifiers find the OB schema from the type).
//! - Revocation: `credentialStatus` is a `BitstringStatusListEntry`
//!   (purpose `revocation`) pointing at a `BitstringStatusListCredential`
//!   Aula serves (`status_list_credential`), signed the same way. The list
//!   holds bits and nothing else: no dates, no reasons, no `validFrom`, no
//!   proof `created`, so two lists with the same bits are the same bytes.
//! - The achievement is the course as a session delivered it
//!   (`{base}/achievements/{session}`, one for all its holders); what one
//!   holder did (hours attended, recognised) is in the subject's `result`.
//! - VC-JWT (OB 3.0 §8.2): the JOSE header is exactly `alg` ("EdDSA"),
//!   `kid` (the DID URL of the key, which dereferences to a JWK in the DID
//!   document) and `typ` ("JWT"); the payload is the credential itself, with
//!   the claims `iss` (issuer.id), `jti` (id), `nbf` (validFrom), `exp`
//!   (validUntil, when there is one) and `sub` (credentialSubject.id, when
//!   there is one: Aula identifies the holder by a salted hash of the e-mail
//!   and the name, not by an id).
//! - The holder's e-mail is only in the credential as `sha256$` of e-mail
//!   followed by salt: whoever knows the e-mail can check it, nobody can read it.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, SecondsFormat, Utc};
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use rand::RngCore;
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};

use crate::data_integrity::ProofError;

/// The W3C Verifiable Credentials data model 2.0 context, first in every credential.
pub const VC_CONTEXT: &str = "https://www.w3.org/ns/credentials/v2";
/// The Open Badges 3.0 context.
pub const OB_CONTEXT: &str = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
/// Bits in one status list: 16 KiB, the minimum BitstringStatusList asks
/// for (so that a list says little about how many certificates exist).
pub const LIST_BITS: u32 = 131_072;

/// Multicodec prefix of an Ed25519 public key (0xed as an unsigned varint).
const ED25519_PUB_MULTICODEC: [u8; 2] = [0xed, 0x01];

/// Why a VC-JWT was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CredentialError {
    /// Not three base64url parts, or a part is not the JSON it should be.
    #[error("malformed JWT: {0}")]
    Malformed(&'static str),
    /// The header names another algorithm than EdDSA.
    #[error("unsupported JWT algorithm: {0}")]
    Algorithm(String),
    /// The signature does not match the header and payload under this key.
    #[error("the JWT's signature is not valid")]
    Signature,
}

/// The issuer's signing key (Ed25519), made on first start and kept in the
/// database by the caller. Its `Debug` shows the public key only.
#[derive(Clone)]
pub struct IssuerKey(SigningKey);

impl IssuerKey {
    /// A new random key.
    pub fn generate() -> Self {
        let mut secret = [0u8; 32];
        rand::rng().fill_bytes(&mut secret);
        IssuerKey(SigningKey::from_bytes(&secret))
    }

    pub fn from_bytes(secret: [u8; 32]) -> Self {
        IssuerKey(SigningKey::from_bytes(&secret))
    }

    /// The key of `organisation`, derived from this (the instance's) key:
    /// HMAC-SHA256 of the organisation's id under the instance secret, a
    /// PRF of a uniformly random secret, so each organisation signs with
    /// its own key (its own did:web) and there is no second secret to keep,
    /// back up or leak. The same organisation always gets the same key.
    pub fn for_organisation(&self, organisation: uuid::Uuid) -> IssuerKey {
        use hmac::{Hmac, Mac};
        let mut mac =
            <Hmac<sha2::Sha256> as Mac>::new_from_slice(&self.0.to_bytes()).expect("HMAC takes any key length");
        mac.update(b"aula organisation issuer key v1:");
        mac.update(organisation.as_bytes());
        IssuerKey::from_bytes(mac.finalize().into_bytes().into())
    }

    /// The secret key, for the caller to store.
    pub fn to_bytes(&self) -> [u8; 32] {
        self.0.to_bytes()
    }

    pub(crate) fn signing_key(&self) -> &SigningKey {
        &self.0
    }

    /// The public key, to verify what this key signed.
    pub fn verifying_key(&self) -> VerifyingKey {
        self.0.verifying_key()
    }

    /// The public key in the Multikey form: "z" + base58btc(0xed01 ++ key),
    /// which for Ed25519 always starts "z6Mk".
    pub fn public_multibase(&self) -> String {
        let mut bytes = Vec::with_capacity(34);
        bytes.extend_from_slice(&ED25519_PUB_MULTICODEC);
        bytes.extend_from_slice(self.0.verifying_key().as_bytes());
        format!("z{}", base58btc(&bytes))
    }

    /// The public key as a JWK (RFC 8037): never with the secret `d`.
    pub fn public_jwk(&self) -> Value {
        json!({
            "kty": "OKP",
            "crv": "Ed25519",
            "x": URL_SAFE_NO_PAD.encode(self.0.verifying_key().as_bytes()),
        })
    }
}

impl std::fmt::Debug for IssuerKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IssuerKey")
            .field("public", &self.public_multibase())
            .finish_non_exhaustive()
    }
}

/// The issuer: where Aula is served (e.g. "https://aula.example.org") and the
/// name it issues under.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issuer {
    pub base_url: String,
    pub name: String,
}

impl Issuer {
    /// The issuer's `did:web`: the host (a port's ":" as "%3A"), then each
    /// path segment after a ":". "https://aula.example.org" gives
    /// "did:web:aula.example.org"; "http://127.0.0.1:8080" gives
    /// "did:web:127.0.0.1%3A8080"; "https://example.org/aula" gives
    /// "did:web:example.org:aula" (its document is then at /aula/did.json).
    pub fn did(&self) -> String {
        let url = self.base_url.trim();
        let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
        let rest = rest.split(['?', '#']).next().unwrap_or_default();
        let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
        let host = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
        let mut did = format!("did:web:{}", percent_encode(&host.to_ascii_lowercase()));
        for segment in path.split('/').filter(|s| !s.is_empty()) {
            did.push(':');
            did.push_str(&percent_encode(segment));
        }
        did
    }

    /// The DID URL of the signing key: the JWT's `kid`.
    pub fn key_id(&self) -> String {
        format!("{}#key-1", self.did())
    }

    /// The DID URL of the key as a `Multikey`: what Data Integrity proofs
    /// name as their `verificationMethod`.
    pub fn multikey_id(&self, key: &IssuerKey) -> String {
        format!("{}#{}", self.did(), key.public_multibase())
    }

    /// The issuer's profile: a page for people, JSON-LD for machines.
    pub fn profile_url(&self) -> String {
        format!("{}/issuer", self.base())
    }

    /// The achievement a session's certificates attest.
    pub fn achievement_url(&self, session_id: uuid::Uuid) -> String {
        format!("{}/achievements/{session_id}", self.base())
    }

    /// The revocation status list number `list`.
    pub fn status_list_url(&self, list: u32) -> String {
        format!("{}/credentials/status/{list}", self.base())
    }

    /// The base URL without a trailing "/".
    fn base(&self) -> &str {
        self.base_url.trim().trim_end_matches('/')
    }
}

/// did:web percent-encodes what is not a plain character of a DID's segment.
fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The issuer's DID document, served at `/.well-known/did.json`. The key is
/// there twice, in the two forms verifiers look for: `#key-1` (the JWT's
/// `kid`) as a `JsonWebKey` with `publicKeyJwk`, and `#z6Mk…` as a `Multikey`
/// with `publicKeyMultibase` (what Data Integrity proofs name).
pub fn did_document(issuer: &Issuer, key: &IssuerKey) -> Value {
    let did = issuer.did();
    let jwk_id = issuer.key_id();
    let multibase = key.public_multibase();
    let multikey_id = issuer.multikey_id(key);
    json!({
        "@context": [
            "https://www.w3.org/ns/did/v1",
            "https://w3id.org/security/jwk/v1",
            "https://w3id.org/security/multikey/v1",
        ],
        "id": did,
        "verificationMethod": [
            {
                "id": jwk_id,
                "type": "JsonWebKey",
                "controller": did,
                "publicKeyJwk": key.public_jwk(),
            },
            {
                "id": multikey_id,
                "type": "Multikey",
                "controller": did,
                "publicKeyMultibase": multibase,
            },
        ],
        "assertionMethod": [jwk_id, multikey_id],
        "authentication": [jwk_id, multikey_id],
    })
}

/// Where a certificate's revocation bit is: bit `index % LIST_BITS` of list
/// `index / LIST_BITS`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatusIndex(pub u32);

impl StatusIndex {
    pub fn list(self) -> u32 {
        self.0 / LIST_BITS
    }

    pub fn bit(self) -> u32 {
        self.0 % LIST_BITS
    }
}

/// The texts of a credential, in the holder's language, numbers formatted
/// for people: the caller translates them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Texts {
    /// The credential's description (number, holder, where to verify).
    pub description: String,
    /// What earns the achievement.
    pub criteria: String,
    /// The name of the "hours attended" result.
    pub hours_attended: String,
    /// The name of the "hours recognised" result.
    pub hours_recognised: String,
}

/// What a certificate says, for its credential.
#[derive(Clone, Debug, PartialEq)]
pub struct Achievement {
    pub certificate_id: uuid::Uuid,
    pub session_id: uuid::Uuid,
    pub certificate_number: String,
    pub course_title: String,
    pub course_summary: String,
    /// The course's language (BCP 47), the achievement's `inLanguage`.
    pub language: String,
    pub hours_attended: f64,
    /// What the session planned (its meetings), the result's maximum.
    pub hours_planned: f64,
    pub credits: Option<f64>,
    pub recognised_hours: Option<f64>,
    pub accrediting_body: Option<String>,
    pub holder_name: String,
    /// Only its salted hash goes in the credential; empty for a holder
    /// without e-mail (issue 20), who is then named by name only.
    pub holder_email: String,
    pub salt: String,
    pub valid_from: DateTime<Utc>,
    /// Its place in the revocation status list.
    pub status: StatusIndex,
    pub texts: Texts,
}

/// An Open Badges identity hash: "sha256$" + hex(SHA-256(identity + salt)).
/// Whoever is shown a credential and knows the holder's e-mail can check it.
pub fn identity_hash(identity: &str, salt: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(identity.as_bytes());
    hasher.update(salt.as_bytes());
    let hex: String = hasher.finalize().iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256${hex}")
}

/// A date as VCDM wants it, to the second: the JWT's `nbf` is in seconds,
/// and a verifier checks that the two are equal.
fn date_time(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Hours as a result value: "12", "12.5", "39.27" (two decimals at most).
fn hours(h: f64) -> String {
    if !h.is_finite() {
        return "0".to_owned();
    }
    let text = format!("{h:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// Text for a machine-readable document: no bidi isolation marks (the
/// translations wrap their arguments in them for Arabic).
fn plain(text: &str) -> String {
    text.replace(['\u{2068}', '\u{2069}'], "")
}

/// The issuer's `Profile`, as in its credentials.
pub fn profile(issuer: &Issuer) -> Value {
    json!({
        "id": issuer.did(),
        "type": ["Profile"],
        "name": issuer.name,
        "url": issuer.profile_url(),
    })
}

/// The achievement a certificate attests: the course as the session
/// delivered it, the same for all the session's holders.
pub fn achievement(issuer: &Issuer, a: &Achievement) -> Value {
    let achievement_id = issuer.achievement_url(a.session_id);
    let attended_id = format!("{achievement_id}#hours-attended");
    let recognised_id = format!("{achievement_id}#hours-recognised");
    let mut result_descriptions = vec![json!({
        "id": attended_id,
        "type": ["ResultDescription"],
        "name": plain(&a.texts.hours_attended),
        "resultType": "RawScore",
        "valueMin": "0",
        "valueMax": hours(a.hours_planned),
    })];
    if a.recognised_hours.is_some() {
        result_descriptions.push(json!({
            "id": recognised_id,
            "type": ["ResultDescription"],
            "name": plain(&a.texts.hours_recognised),
            "resultType": "RawScore",
        }));
    }
    let description = if a.course_summary.trim().is_empty() {
        &a.course_title
    } else {
        &a.course_summary
    };
    let mut achievement = json!({
        "id": achievement_id,
        "type": ["Achievement"],
        "achievementType": "Course",
        "name": a.course_title,
        "description": description,
        "criteria": { "narrative": plain(&a.texts.criteria) },
        "inLanguage": a.language,
        "creator": profile(issuer),
        "resultDescription": result_descriptions,
    });
    if let Some(credits) = a.credits {
        achievement["creditsAvailable"] = json!(credits);
    }
    achievement
}

/// The certificate as an Open Badges 3.0 `OpenBadgeCredential`, unsigned.
///
/// The holder is identified by two `IdentityObject`s: the name in clear (as
/// printed on the certificate) and the e-mail hashed with the salt. The hours
/// attended (and those an accrediting body recognises) are `Result`s against
/// `ResultDescription`s of the achievement. The certificate's number and
/// verification page are in the credential's `description`.
pub fn credential(issuer: &Issuer, a: &Achievement) -> Value {
    let achievement_id = issuer.achievement_url(a.session_id);
    let mut results = vec![json!({
        "type": ["Result"],
        "resultDescription": format!("{achievement_id}#hours-attended"),
        "value": hours(a.hours_attended),
    })];
    if let Some(recognised) = a.recognised_hours {
        results.push(json!({
            "type": ["Result"],
            "resultDescription": format!("{achievement_id}#hours-recognised"),
            "value": hours(recognised),
        }));
    }
    let mut identifiers = vec![json!({
        "type": "IdentityObject",
        "identityHash": a.holder_name,
        "identityType": "name",
        "hashed": false,
    })];
    // A holder without e-mail (issue 20) is named only by their name.
    if !a.holder_email.is_empty() {
        identifiers.push(json!({
            "type": "IdentityObject",
            "identityHash": identity_hash(&a.holder_email, &a.salt),
            "identityType": "emailAddress",
            "hashed": true,
            "salt": a.salt,
        }));
    }
    let mut subject = json!({
        "type": ["AchievementSubject"],
        "identifier": identifiers,
        "achievement": achievement(issuer, a),
        "result": results,
    });
    if let Some(credits) = a.credits {
        subject["creditsEarned"] = json!(credits);
    }
    let list_url = issuer.status_list_url(a.status.list());
    let valid_from = date_time(a.valid_from);
    json!({
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": format!("urn:uuid:{}", a.certificate_id),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": a.course_title,
        "description": plain(&a.texts.description),
        "issuer": profile(issuer),
        "validFrom": valid_from,
        "awardedDate": valid_from,
        "credentialSubject": subject,
        "credentialStatus": {
            "id": format!("{list_url}#{}", a.status.bit()),
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": a.status.bit().to_string(),
            "statusListCredential": list_url,
        },
    })
}

/// The credential with its `eddsa-rdfc-2022` proof by `key` (the issuer's
/// `Multikey`), created when the credential became valid.
pub fn sign_data_integrity(key: &IssuerKey, issuer: &Issuer, credential: &Value) -> Result<Value, ProofError> {
    let created = credential.get("validFrom").and_then(Value::as_str);
    crate::data_integrity::sign(key, &issuer.multikey_id(key), created, credential)
}

/// The revocation status list number `list`, signed: bit `i` is set when the
/// certificate at index `list * LIST_BITS + i` is revoked. `revoked` are the
/// bits to set (others ignored). GZIP then multibase base64url, as the
/// BitstringStatusList specification says; the first bit is the most
/// significant of the first byte.
pub fn status_list_credential(
    key: &IssuerKey,
    issuer: &Issuer,
    list: u32,
    revoked: impl IntoIterator<Item = u32>,
) -> Result<Value, ProofError> {
    let mut bits = vec![0u8; (LIST_BITS / 8) as usize];
    for bit in revoked {
        if bit < LIST_BITS {
            bits[(bit / 8) as usize] |= 0x80 >> (bit % 8);
        }
    }
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    std::io::Write::write_all(&mut gzip, &bits).map_err(|e| ProofError::JsonLd(e.to_string()))?;
    let compressed = gzip.finish().map_err(|e| ProofError::JsonLd(e.to_string()))?;
    let id = issuer.status_list_url(list);
    let document = json!({
        "@context": [VC_CONTEXT],
        "id": id,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer.did(),
        "credentialSubject": {
            "id": format!("{id}#list"),
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": format!("u{}", URL_SAFE_NO_PAD.encode(compressed)),
        },
    });
    crate::data_integrity::sign(key, &issuer.multikey_id(key), None, &document)
}

/// The bits of a status list credential's `encodedList` (for checks).
pub fn decode_status_list(encoded: &str) -> Option<Vec<u8>> {
    let compressed = URL_SAFE_NO_PAD.decode(encoded.strip_prefix('u')?).ok()?;
    let mut bits = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&compressed[..]), &mut bits).ok()?;
    Some(bits)
}

/// A VCDM date-time string as JWT seconds.
fn numeric_date(value: Option<&Value>) -> Option<i64> {
    let text = value?.as_str()?;
    Some(DateTime::parse_from_rfc3339(text).ok()?.timestamp())
}

/// The credential as a VC-JWT (compact JWS) signed with `key`: header
/// `{"alg":"EdDSA","kid":<key id>,"typ":"JWT"}`, payload the credential with
/// the JWT claims Open Badges 3.0 requires beside it (iss, jti, nbf, and
/// exp / sub when the credential has validUntil / credentialSubject.id).
pub fn sign_jwt(key: &IssuerKey, issuer: &Issuer, credential: &Value) -> String {
    let header = json!({ "alg": "EdDSA", "kid": issuer.key_id(), "typ": "JWT" });
    let mut claims = Map::new();
    claims.insert("iss".into(), Value::String(issuer.did()));
    if let Some(id) = credential.get("id") {
        claims.insert("jti".into(), id.clone());
    }
    if let Some(nbf) = numeric_date(credential.get("validFrom")) {
        claims.insert("nbf".into(), nbf.into());
    }
    if let Some(exp) = numeric_date(credential.get("validUntil")) {
        claims.insert("exp".into(), exp.into());
    }
    if let Some(sub) = credential.pointer("/credentialSubject/id") {
        claims.insert("sub".into(), sub.clone());
    }
    let payload = match credential {
        Value::Object(fields) => {
            let mut payload = fields.clone();
            payload.extend(claims);
            Value::Object(payload)
        }
        // Not a credential; signed as given all the same, claims beside it.
        other => {
            claims.insert("vc".into(), other.clone());
            Value::Object(claims)
        }
    };
    let signing_input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(header.to_string()),
        URL_SAFE_NO_PAD.encode(payload.to_string())
    );
    let signature = key.0.sign(signing_input.as_bytes());
    format!("{signing_input}.{}", URL_SAFE_NO_PAD.encode(signature.to_bytes()))
}

/// Checks a VC-JWT's signature with `public` and returns its payload (the
/// credential and its JWT claims). Only EdDSA is accepted, whatever the
/// header says otherwise; dates and revocation are the caller's to check.
pub fn verify_jwt(public: &VerifyingKey, jwt: &str) -> Result<Value, CredentialError> {
    let mut parts = jwt.trim().split('.');
    let (Some(header), Some(payload), Some(signature), None) = (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(CredentialError::Malformed("not three parts"));
    };
    let decode = |part: &str, what: &'static str| {
        URL_SAFE_NO_PAD
            .decode(part)
            .map_err(|_| CredentialError::Malformed(what))
    };
    let header_json: Value =
        serde_json::from_slice(&decode(header, "header")?).map_err(|_| CredentialError::Malformed("header"))?;
    match header_json.get("alg").and_then(Value::as_str) {
        Some("EdDSA") => {}
        Some(other) => return Err(CredentialError::Algorithm(other.to_owned())),
        None => return Err(CredentialError::Malformed("header without alg")),
    }
    let signature =
        Signature::from_slice(&decode(signature, "signature")?).map_err(|_| CredentialError::Malformed("signature"))?;
    let signing_input = &jwt.trim()[..header.len() + 1 + payload.len()];
    public
        .verify_strict(signing_input.as_bytes(), &signature)
        .map_err(|_| CredentialError::Signature)?;
    let payload: Value =
        serde_json::from_slice(&decode(payload, "payload")?).map_err(|_| CredentialError::Malformed("payload"))?;
    if !payload.is_object() {
        return Err(CredentialError::Malformed("payload is not an object"));
    }
    Ok(payload)
}

/// Base58 with the Bitcoin alphabet, as multibase "z" uses.
pub(crate) fn base58btc(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 58] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    // Little-endian base-58 digits of the big-endian number `bytes`.
    let mut digits: Vec<u8> = Vec::with_capacity(bytes.len() * 138 / 100 + 1);
    for &byte in bytes {
        let mut carry = u32::from(byte);
        for digit in digits.iter_mut() {
            carry += u32::from(*digit) << 8;
            *digit = (carry % 58) as u8;
            carry /= 58;
        }
        while carry > 0 {
            digits.push((carry % 58) as u8);
            carry /= 58;
        }
    }
    let zeros = bytes.iter().take_while(|&&b| b == 0).count();
    std::iter::repeat_n('1', zeros)
        .chain(digits.iter().rev().map(|&d| char::from(ALPHABET[usize::from(d)])))
        .collect()
}

/// The bytes of a base58btc text; `None` for a character not in the alphabet.
pub(crate) fn base58btc_decode(text: &str) -> Option<Vec<u8>> {
    const ALPHABET: &[u8; 58] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    // Little-endian base-256 digits of the number.
    let mut bytes: Vec<u8> = Vec::with_capacity(text.len());
    for c in text.bytes() {
        let mut carry = ALPHABET.iter().position(|&a| a == c)? as u32;
        for byte in bytes.iter_mut() {
            carry += u32::from(*byte) * 58;
            *byte = (carry & 0xff) as u8;
            carry >>= 8;
        }
        while carry > 0 {
            bytes.push((carry & 0xff) as u8);
            carry >>= 8;
        }
    }
    let zeros = text.bytes().take_while(|&c| c == b'1').count();
    Some(std::iter::repeat_n(0, zeros).chain(bytes.into_iter().rev()).collect())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use chrono::TimeZone;

    /// The issuer the tests sign as (also `data_integrity`'s).
    pub(crate) fn issuer() -> Issuer {
        Issuer {
            base_url: "https://aula.example.org".into(),
            name: "Aula Training".into(),
        }
    }

    /// A certificate the tests sign (also `data_integrity`'s).
    pub(crate) fn achievement() -> Achievement {
        Achievement {
            certificate_id: uuid::Uuid::from_u128(0x0193_0000_0000_7000_8000_0000_0000_0001),
            session_id: uuid::Uuid::from_u128(0x0193_0000_0000_7000_8000_0000_0000_0002),
            certificate_number: "AULA-2026-000042".into(),
            course_title: "First aid at work".into(),
            course_summary: "Recognise emergencies and give first aid until help arrives.".into(),
            language: "en".into(),
            hours_attended: 11.5,
            hours_planned: 12.0,
            credits: Some(1.5),
            recognised_hours: Some(12.0),
            accrediting_body: Some("Health Board".into()),
            holder_name: "Layla Haddad".into(),
            holder_email: "layla@example.org".into(),
            salt: "c2FsdA".into(),
            valid_from: Utc
                .with_ymd_and_hms(2026, 11, 21, 14, 30, 5)
                .single()
                .expect("test data"),
            status: StatusIndex(LIST_BITS + 42),
            texts: Texts {
                description: "Certificate AULA-2026-000042, issued to Layla Haddad.".into(),
                criteria: "Attendance of the session of \u{2068}12\u{2069} h of the course.".into(),
                hours_attended: "Hours attended".into(),
                hours_recognised: "Hours recognised by Health Board".into(),
            },
        }
    }

    fn parts(jwt: &str) -> Vec<Value> {
        jwt.split('.')
            .take(2)
            .map(|p| serde_json::from_slice(&URL_SAFE_NO_PAD.decode(p).expect("test data")).expect("test data"))
            .collect()
    }

    #[test]
    fn sign_then_verify_round_trips() {
        let key = IssuerKey::generate();
        let cred = credential(&issuer(), &achievement());
        let jwt = sign_jwt(&key, &issuer(), &cred);
        let payload = verify_jwt(&key.verifying_key(), &jwt).expect("test data");
        assert_eq!(payload["iss"], "did:web:aula.example.org");
        assert_eq!(payload["jti"], cred["id"]);
        assert_eq!(payload["nbf"], achievement().valid_from.timestamp());
        assert!(payload.get("sub").is_none(), "the subject has no id");
        assert!(payload.get("vc").is_none());
        // The payload is the credential, with the claims beside it.
        for (name, value) in cred.as_object().expect("test data") {
            assert_eq!(&payload[name], value, "{name}");
        }
        // A key stored and read back signs the same.
        let again = IssuerKey::from_bytes(key.to_bytes());
        assert_eq!(sign_jwt(&again, &issuer(), &cred), jwt);
    }

    #[test]
    fn tampering_or_another_key_fails() {
        let key = IssuerKey::generate();
        let jwt = sign_jwt(&key, &issuer(), &credential(&issuer(), &achievement()));
        let [header, payload, signature]: [&str; 3] = jwt.split('.').collect::<Vec<_>>().try_into().expect("test data");

        let mut forged = parts(&jwt).remove(1);
        forged["credentialSubject"]["result"][0]["value"] = json!("120");
        let forged = format!("{header}.{}.{signature}", URL_SAFE_NO_PAD.encode(forged.to_string()));
        assert_eq!(
            verify_jwt(&key.verifying_key(), &forged),
            Err(CredentialError::Signature)
        );

        let other = IssuerKey::generate();
        assert_eq!(
            verify_jwt(&other.verifying_key(), &jwt),
            Err(CredentialError::Signature)
        );

        let none = format!("{}.{payload}.", URL_SAFE_NO_PAD.encode(r#"{"alg":"none"}"#));
        assert_eq!(
            verify_jwt(&key.verifying_key(), &none),
            Err(CredentialError::Algorithm("none".into()))
        );
        assert!(matches!(
            verify_jwt(&key.verifying_key(), "a.b"),
            Err(CredentialError::Malformed(_))
        ));
        assert!(matches!(
            verify_jwt(&key.verifying_key(), "%.%.%"),
            Err(CredentialError::Malformed(_))
        ));
    }

    #[test]
    fn header_says_eddsa_and_the_kid() {
        let key = IssuerKey::generate();
        let jwt = sign_jwt(&key, &issuer(), &credential(&issuer(), &achievement()));
        let header = parts(&jwt).remove(0);
        assert_eq!(
            header,
            json!({ "alg": "EdDSA", "kid": "did:web:aula.example.org#key-1", "typ": "JWT" })
        );
    }

    #[test]
    fn did_web_from_base_urls() {
        let did = |url: &str| {
            Issuer {
                base_url: url.into(),
                name: String::new(),
            }
            .did()
        };
        assert_eq!(did("https://aula.example.org"), "did:web:aula.example.org");
        assert_eq!(did("https://aula.example.org/"), "did:web:aula.example.org");
        assert_eq!(did("http://127.0.0.1:8080"), "did:web:127.0.0.1%3A8080");
        assert_eq!(
            did("https://Example.org/training/aula/"),
            "did:web:example.org:training:aula"
        );
        assert_eq!(issuer().key_id(), "did:web:aula.example.org#key-1");
        // An organisation's issuer (issue 17): its did.json is at /o/sfax/did.json.
        assert_eq!(
            did("https://aula.example.org/o/sfax"),
            "did:web:aula.example.org:o:sfax"
        );
    }

    #[test]
    fn each_organisation_has_its_own_key_derived_from_the_instance_key() {
        let instance = IssuerKey::from_bytes([7; 32]);
        let (a, b) = (uuid::Uuid::from_u128(1), uuid::Uuid::from_u128(2));
        let key_a = instance.for_organisation(a);
        assert_eq!(
            key_a.to_bytes(),
            instance.for_organisation(a).to_bytes(),
            "the same every time"
        );
        assert_ne!(key_a.to_bytes(), instance.for_organisation(b).to_bytes());
        assert_ne!(key_a.to_bytes(), instance.to_bytes());
        // Another instance secret gives another key for the same organisation.
        assert_ne!(
            key_a.to_bytes(),
            IssuerKey::from_bytes([8; 32]).for_organisation(a).to_bytes()
        );
    }

    #[test]
    fn public_key_forms() {
        let key = IssuerKey::from_bytes([7; 32]);
        let multibase = key.public_multibase();
        assert!(multibase.starts_with("z6Mk"), "{multibase}");
        assert_eq!(multibase.len(), 48);
        let jwk = key.public_jwk();
        assert_eq!(jwk["kty"], "OKP");
        assert_eq!(jwk["crv"], "Ed25519");
        assert_eq!(
            URL_SAFE_NO_PAD
                .decode(jwk["x"].as_str().expect("test data"))
                .expect("test data"),
            key.verifying_key().as_bytes()
        );
        assert!(jwk.get("d").is_none());
        assert!(IssuerKey::generate().public_multibase().starts_with("z6Mk"));
    }

    #[test]
    fn base58btc_known_values() {
        assert_eq!(base58btc(b""), "");
        assert_eq!(base58btc(&[0, 0, 1]), "112");
        assert_eq!(base58btc(b"Hello World!"), "2NEpo7TZRRrLZSi2U");
        // The did:key spec's Ed25519 test vector.
        let public = hex("2e6fcce36701dc791488e0d0b1745cc1e33a4c1c9fcc41c63bd343dbbe0970e6");
        let mut bytes = ED25519_PUB_MULTICODEC.to_vec();
        bytes.extend(public);
        assert_eq!(base58btc(&bytes), "6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK");
    }

    fn hex(s: &str) -> Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("test data"))
            .collect()
    }

    #[test]
    fn did_document_names_the_key_both_ways() {
        let key = IssuerKey::generate();
        let doc = did_document(&issuer(), &key);
        assert_eq!(doc["@context"][0], "https://www.w3.org/ns/did/v1");
        assert_eq!(doc["id"], "did:web:aula.example.org");
        let methods = doc["verificationMethod"].as_array().expect("test data");
        assert_eq!(methods[0]["id"], issuer().key_id());
        assert_eq!(methods[0]["type"], "JsonWebKey");
        assert_eq!(methods[0]["controller"], "did:web:aula.example.org");
        assert_eq!(methods[0]["publicKeyJwk"], key.public_jwk());
        assert_eq!(methods[1]["type"], "Multikey");
        assert_eq!(methods[1]["publicKeyMultibase"], key.public_multibase());
        assert_eq!(
            methods[1]["id"],
            format!("did:web:aula.example.org#{}", key.public_multibase())
        );
        assert_eq!(doc["assertionMethod"][0], issuer().key_id());
        assert_eq!(doc["authentication"][0], issuer().key_id());
        assert!(!doc.to_string().contains(&URL_SAFE_NO_PAD.encode(key.to_bytes())));
    }

    #[test]
    fn credential_has_the_open_badges_fields() {
        let a = achievement();
        let c = credential(&issuer(), &a);
        assert_eq!(c["@context"], json!([VC_CONTEXT, OB_CONTEXT]));
        assert_eq!(c["id"], format!("urn:uuid:{}", a.certificate_id));
        assert_eq!(c["type"], json!(["VerifiableCredential", "OpenBadgeCredential"]));
        assert_eq!(c["name"], "First aid at work");
        assert_eq!(c["validFrom"], "2026-11-21T14:30:05Z");
        assert!(
            c["description"]
                .as_str()
                .expect("test data")
                .contains("AULA-2026-000042")
        );
        assert_eq!(
            c["issuer"],
            json!({
                "id": "did:web:aula.example.org",
                "type": ["Profile"],
                "name": "Aula Training",
                "url": "https://aula.example.org/issuer",
            })
        );
        assert!(c.get("credentialSchema").is_none());
        let subject = &c["credentialSubject"];
        assert_eq!(subject["type"], json!(["AchievementSubject"]));
        assert_eq!(subject["creditsEarned"], 1.5);
        let achievement = &subject["achievement"];
        assert_eq!(achievement["type"], json!(["Achievement"]));
        assert_eq!(achievement["achievementType"], "Course");
        assert_eq!(achievement["name"], "First aid at work");
        assert_eq!(achievement["description"], a.course_summary);
        assert_eq!(achievement["inLanguage"], "en");
        assert_eq!(achievement["creditsAvailable"], 1.5);
        assert_eq!(
            achievement["id"],
            format!("https://aula.example.org/achievements/{}", a.session_id)
        );
        let narrative = achievement["criteria"]["narrative"].as_str().expect("test data");
        assert_eq!(narrative, "Attendance of the session of 12 h of the course.");
        // Each result points at a description of the achievement.
        let described: Vec<&Value> = achievement["resultDescription"]
            .as_array()
            .expect("test data")
            .iter()
            .map(|d| &d["id"])
            .collect();
        let results = subject["result"].as_array().expect("test data");
        assert_eq!(results.len(), 2);
        assert_eq!(results[0]["value"], "11.5");
        assert_eq!(results[1]["value"], "12");
        assert!(results.iter().all(|r| described.contains(&&r["resultDescription"])));
        assert_eq!(subject["identifier"][0]["identityHash"], "Layla Haddad");
        assert_eq!(subject["identifier"][0]["identityType"], "name");
        assert_eq!(
            c["credentialStatus"],
            json!({
                "id": "https://aula.example.org/credentials/status/1#42",
                "type": "BitstringStatusListEntry",
                "statusPurpose": "revocation",
                "statusListIndex": "42",
                "statusListCredential": "https://aula.example.org/credentials/status/1",
            })
        );
        assert!(!c.to_string().contains("layla@example.org"));

        // Without the optional parts, none of their fields.
        let plain = Achievement {
            credits: None,
            recognised_hours: None,
            accrediting_body: None,
            ..a
        };
        let c = credential(&issuer(), &plain);
        assert!(c["credentialSubject"].get("creditsEarned").is_none());
        assert!(c["credentialSubject"]["achievement"].get("creditsAvailable").is_none());
        assert_eq!(c["credentialSubject"]["result"].as_array().expect("test data").len(), 1);
    }

    #[test]
    fn identity_hash_is_salted_sha256_hex() {
        let a = achievement();
        let c = credential(&issuer(), &a);
        let email = &c["credentialSubject"]["identifier"][1];
        let expected = format!(
            "sha256${:x}",
            Sha256::digest(format!("{}{}", a.holder_email, a.salt).as_bytes())
        );
        assert_eq!(email["identityHash"], expected);
        assert_eq!(email["identityType"], "emailAddress");
        assert_eq!(email["hashed"], true);
        assert_eq!(email["salt"], a.salt);
        assert_eq!(email["type"], "IdentityObject");
        assert_eq!(
            identity_hash("", ""),
            "sha256$e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn debug_does_not_show_the_secret() {
        let key = IssuerKey::from_bytes([0xab; 32]);
        let debug = format!("{key:?}");
        assert!(debug.contains(&key.public_multibase()), "{debug}");
        for secret in [
            format!("{:?}", key.to_bytes()),
            "ab, ab".into(),
            "171, 171".into(),
            "abab".into(),
        ] {
            assert!(!debug.contains(&secret), "{debug}");
        }
        assert!(!debug.contains(&URL_SAFE_NO_PAD.encode(key.to_bytes())));
    }
}
