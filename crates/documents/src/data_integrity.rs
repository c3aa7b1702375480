//! Data Integrity proofs with the `eddsa-rdfc-2022` cryptosuite (W3C VC
//! Data Integrity EdDSA Cryptosuites v1.0, §3.2), the proof the Digital
//! Credentials Consortium's verifier and wallet check.
//!
//! Signing a JSON-LD document means: turn it into RDF (JSON-LD 1.1
//! toRdf, Oxigraph's `oxjsonld`), canonicalise that dataset (RDFC-1.0,
//! the `rdf-canon` crate, which passes the W3C test suite), do the same
//! for the proof's options (with the document's `@context`), and sign
//! SHA-256(options) ‖ SHA-256(document) with Ed25519. The proof value is
//! multibase base58btc ("z...").
//!
//! Contexts are bundled in the binary (`contexts/`): a document naming any
//! other context is refused, and nothing is ever fetched. Since the proof
//! covers the RDF and not the JSON, a property no context defines would be
//! dropped silently and left unsigned; a verifier in JSON-LD "safe mode"
//! rejects such a document, and so do we (`undefined_terms`).

use ed25519_dalek::{Signature, Signer, VerifyingKey};
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};

use crate::credential::{IssuerKey, base58btc, base58btc_decode};

/// The contexts Aula's documents use, as published at their URLs.
pub const BUNDLED_CONTEXTS: [(&str, &str); 2] = [
    (
        crate::credential::VC_CONTEXT,
        include_str!("../contexts/credentials-v2.jsonld"),
    ),
    (
        crate::credential::OB_CONTEXT,
        include_str!("../contexts/ob-v3p0-context-3.0.3.json"),
    ),
];

pub const PROOF_TYPE: &str = "DataIntegrityProof";
pub const CRYPTOSUITE: &str = "eddsa-rdfc-2022";

/// Why a document could not be signed or its proof does not hold.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ProofError {
    /// Not JSON-LD this module can read (a context not bundled, a syntax error).
    #[error("JSON-LD: {0}")]
    JsonLd(String),
    /// A term no context defines (JSON-LD safe mode).
    #[error("terms no context defines: {0}")]
    Undefined(String),
    #[error("RDF canonicalisation: {0}")]
    Canonicalisation(String),
    /// No proof, or not a `DataIntegrityProof` with `eddsa-rdfc-2022`.
    #[error("no eddsa-rdfc-2022 proof: {0}")]
    NoProof(&'static str),
    /// The signature does not match the document under this key.
    #[error("the proof's signature is not valid")]
    Signature,
}

fn load_context(
    url: &str,
    _: &oxjsonld::JsonLdLoadDocumentOptions,
) -> Result<oxjsonld::JsonLdRemoteDocument, Box<dyn std::error::Error + Send + Sync>> {
    BUNDLED_CONTEXTS
        .iter()
        .find(|(known, _)| *known == url)
        .map(|(known, text)| oxjsonld::JsonLdRemoteDocument {
            document: text.as_bytes().to_vec(),
            document_url: (*known).to_owned(),
        })
        .ok_or_else(|| format!("the context {url} is not bundled").into())
}

/// The document as RDF quads, in rdf-canon's terms.
fn to_rdf(document: &Value) -> Result<Vec<oxrdf_canon::Quad>, ProofError> {
    let bytes = serde_json::to_vec(document).map_err(|e| ProofError::JsonLd(e.to_string()))?;
    let parser = oxjsonld::JsonLdParser::new()
        .for_slice(&bytes)
        .with_load_document_callback(load_context);
    let mut quads = Vec::new();
    for quad in parser {
        let quad = quad.map_err(|e| ProofError::JsonLd(e.to_string()))?;
        quads.push(convert_quad(quad)?);
    }
    Ok(quads)
}

/// oxrdf 0.3 (oxjsonld's) to oxrdf 0.2 (rdf-canon's): the same terms.
fn convert_quad(quad: oxrdf::Quad) -> Result<oxrdf_canon::Quad, ProofError> {
    use oxrdf_canon as o;
    let named = |n: oxrdf::NamedNode| o::NamedNode::new_unchecked(n.into_string());
    let blank = |b: oxrdf::BlankNode| o::BlankNode::new_unchecked(b.into_string());
    let subject = match quad.subject {
        oxrdf::NamedOrBlankNode::NamedNode(n) => o::Subject::NamedNode(named(n)),
        oxrdf::NamedOrBlankNode::BlankNode(b) => o::Subject::BlankNode(blank(b)),
    };
    let object = match quad.object {
        oxrdf::Term::NamedNode(n) => o::Term::NamedNode(named(n)),
        oxrdf::Term::BlankNode(b) => o::Term::BlankNode(blank(b)),
        oxrdf::Term::Literal(l) => {
            let (value, datatype, language) = l.destruct();
            o::Term::Literal(match (datatype, language) {
                (_, Some(language)) => o::Literal::new_language_tagged_literal_unchecked(value, language),
                (Some(datatype), None) => o::Literal::new_typed_literal(value, named(datatype)),
                (None, None) => o::Literal::new_simple_literal(value),
            })
        }
        #[allow(unreachable_patterns)]
        _ => return Err(ProofError::JsonLd("an RDF 1.2 term".into())),
    };
    let graph = match quad.graph_name {
        oxrdf::GraphName::DefaultGraph => o::GraphName::DefaultGraph,
        oxrdf::GraphName::NamedNode(n) => o::GraphName::NamedNode(named(n)),
        oxrdf::GraphName::BlankNode(b) => o::GraphName::BlankNode(blank(b)),
    };
    Ok(o::Quad::new(subject, named(quad.predicate), object, graph))
}

/// The document's canonical N-Quads (RDFC-1.0, SHA-256).
pub fn canonical_nquads(document: &Value) -> Result<String, ProofError> {
    undefined_terms(document)?;
    let quads = to_rdf(document)?;
    let dataset = oxrdf_canon::Dataset::from_iter(quads);
    rdf_canon::canonicalize(&dataset).map_err(|e| ProofError::Canonicalisation(e.to_string()))
}

/// The vocabulary the VC 2.0 context gives terms it does not define
/// (`@vocab`, in the published context): a term that lands there means
/// nothing to anyone else.
const ISSUER_DEPENDENT: &str = "https://www.w3.org/ns/credentials/issuer-dependent#";
/// Where the check below sends undefined terms.
const UNDEFINED: &str = "urn:aula:undefined:";

/// Every property and type of the document is defined by its contexts.
/// JSON-LD drops a property no context defines (or, under a context with
/// `@vocab`, gives it an IRI of that vocabulary), and a proof over the RDF
/// then leaves it unsigned; verifiers in JSON-LD "safe mode" reject such a
/// document, and we refuse to sign it. Checked by reading the document once
/// more with a last context `{"@vocab": UNDEFINED}`: any IRI of that
/// vocabulary or of the VC 2.0 issuer-dependent one, as a property or a
/// type, is a term no context defines.
fn undefined_terms(document: &Value) -> Result<(), ProofError> {
    let mut probe = document.clone();
    let contexts = match document.get("@context") {
        Some(Value::Array(items)) => items.clone(),
        Some(other) => vec![other.clone()],
        None => return Err(ProofError::JsonLd("no @context".into())),
    };
    let mut contexts = contexts;
    contexts.push(json!({ "@vocab": UNDEFINED }));
    probe["@context"] = Value::Array(contexts);
    let rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    let mut undefined: Vec<String> = to_rdf(&probe)?
        .iter()
        .flat_map(|q| {
            let mut iris = vec![q.predicate.as_str().to_owned()];
            if q.predicate.as_str() == rdf_type
                && let oxrdf_canon::Term::NamedNode(n) = &q.object
            {
                iris.push(n.as_str().to_owned());
            }
            iris
        })
        .filter_map(|iri| {
            iri.strip_prefix(UNDEFINED)
                .or_else(|| iri.strip_prefix(ISSUER_DEPENDENT))
                .map(str::to_owned)
        })
        .collect();
    if undefined.is_empty() {
        return Ok(());
    }
    undefined.sort();
    undefined.dedup();
    Err(ProofError::Undefined(undefined.join(", ")))
}

/// The proof's options, as hashed: the proof without `proofValue`, with the
/// document's `@context`.
fn proof_config(document: &Value, proof: &Map<String, Value>) -> Value {
    let mut config = proof.clone();
    config.remove("proofValue");
    config.insert(
        "@context".into(),
        document.get("@context").cloned().unwrap_or(Value::Null),
    );
    Value::Object(config)
}

/// SHA-256 of the canonical proof options, then of the canonical document.
fn hash_data(document: &Value, proof: &Map<String, Value>) -> Result<Vec<u8>, ProofError> {
    let mut unsigned = document.clone();
    if let Some(object) = unsigned.as_object_mut() {
        object.remove("proof");
    }
    let config = canonical_nquads(&proof_config(document, proof))?;
    let body = canonical_nquads(&unsigned)?;
    let mut data = Sha256::digest(config.as_bytes()).to_vec();
    data.extend_from_slice(&Sha256::digest(body.as_bytes()));
    Ok(data)
}

/// The document with an `eddsa-rdfc-2022` proof by `key`, named
/// `verification_method` (a `Multikey` of the issuer's DID document), for
/// `assertionMethod`; `created` when given (a status list has none, so it
/// says nothing of when it last changed).
pub fn sign(
    key: &IssuerKey,
    verification_method: &str,
    created: Option<&str>,
    document: &Value,
) -> Result<Value, ProofError> {
    let mut proof = Map::new();
    proof.insert("type".into(), json!(PROOF_TYPE));
    proof.insert("cryptosuite".into(), json!(CRYPTOSUITE));
    if let Some(created) = created {
        proof.insert("created".into(), json!(created));
    }
    proof.insert("verificationMethod".into(), json!(verification_method));
    proof.insert("proofPurpose".into(), json!("assertionMethod"));
    let data = hash_data(document, &proof)?;
    let signature: Signature = key.signing_key().sign(&data);
    proof.insert(
        "proofValue".into(),
        json!(format!("z{}", base58btc(&signature.to_bytes()))),
    );
    let mut signed = document.clone();
    if let Some(object) = signed.as_object_mut() {
        object.insert("proof".into(), Value::Object(proof));
    }
    Ok(signed)
}

/// Checks the document's `eddsa-rdfc-2022` proof under `public`; the
/// caller has found the key from `proof.verificationMethod`.
pub fn verify(public: &VerifyingKey, document: &Value) -> Result<(), ProofError> {
    let proof = document
        .get("proof")
        .and_then(Value::as_object)
        .ok_or(ProofError::NoProof("no proof"))?;
    if proof.get("type").and_then(Value::as_str) != Some(PROOF_TYPE)
        || proof.get("cryptosuite").and_then(Value::as_str) != Some(CRYPTOSUITE)
    {
        return Err(ProofError::NoProof("another proof type"));
    }
    let value = proof
        .get("proofValue")
        .and_then(Value::as_str)
        .and_then(|v| v.strip_prefix('z'))
        .ok_or(ProofError::NoProof("no proofValue"))?;
    let bytes = base58btc_decode(value).ok_or(ProofError::Signature)?;
    let signature = Signature::from_slice(&bytes).map_err(|_| ProofError::Signature)?;
    let data = hash_data(document, proof)?;
    public
        .verify_strict(&data, &signature)
        .map_err(|_| ProofError::Signature)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credential::{self, Achievement, Issuer, LIST_BITS, StatusIndex};

    fn issuer() -> Issuer {
        credential::tests::issuer()
    }

    /// The credential tests' certificate, in French, with hours no person
    /// would write.
    fn achievement() -> Achievement {
        Achievement {
            course_title: "Premiers secours".into(),
            course_summary: "Reconnaître l'urgence « vitale ».".into(),
            language: "fr".into(),
            hours_attended: 39.266_666_666_666_666,
            hours_planned: 40.0,
            status: StatusIndex(7),
            ..credential::tests::achievement()
        }
    }

    #[test]
    fn signed_credential_verifies_and_any_change_fails() {
        let key = IssuerKey::from_bytes([3; 32]);
        let unsigned = credential::credential(&issuer(), &achievement());
        let signed = credential::sign_data_integrity(&key, &issuer(), &unsigned).expect("signs");
        let proof = &signed["proof"];
        assert_eq!(proof["type"], "DataIntegrityProof");
        assert_eq!(proof["cryptosuite"], "eddsa-rdfc-2022");
        assert_eq!(proof["proofPurpose"], "assertionMethod");
        assert_eq!(proof["created"], "2026-11-21T14:30:05Z");
        assert_eq!(
            proof["verificationMethod"],
            format!("did:web:aula.example.org#{}", key.public_multibase())
        );
        assert!(proof["proofValue"].as_str().expect("value").starts_with('z'));
        assert_eq!(verify(&key.verifying_key(), &signed), Ok(()));
        // The same credential signs to the same bytes (Ed25519 is deterministic).
        assert_eq!(
            credential::sign_data_integrity(&key, &issuer(), &unsigned).expect("signs"),
            signed
        );

        let mut forged = signed.clone();
        forged["credentialSubject"]["result"][0]["value"] = json!("40");
        assert_eq!(verify(&key.verifying_key(), &forged), Err(ProofError::Signature));
        let mut forged = signed.clone();
        forged["proof"]["created"] = json!("2026-11-21T14:30:06Z");
        assert_eq!(verify(&key.verifying_key(), &forged), Err(ProofError::Signature));
        let other = IssuerKey::from_bytes([4; 32]);
        assert_eq!(verify(&other.verifying_key(), &signed), Err(ProofError::Signature));
        // JSON that says the same RDF (keys reordered) still verifies.
        let reordered: Value = serde_json::from_str(&signed.to_string()).expect("json");
        assert_eq!(verify(&key.verifying_key(), &reordered), Ok(()));
    }

    #[test]
    fn hours_are_for_people() {
        let c = credential::credential(&issuer(), &achievement());
        assert_eq!(c["credentialSubject"]["result"][0]["value"], "39.27");
        assert!(!c.to_string().contains("39.2666"));
    }

    #[test]
    fn undefined_terms_are_refused() {
        let key = IssuerKey::from_bytes([3; 32]);
        let mut c = credential::credential(&issuer(), &achievement());
        c["credentialSchema"] = json!([{
            "id": "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json",
            "type": "1EdTechJsonSchemaValidator2019",
        }]);
        let refused = credential::sign_data_integrity(&key, &issuer(), &c);
        assert!(
            matches!(&refused, Err(ProofError::Undefined(t)) if t.contains("1EdTechJsonSchemaValidator2019")),
            "{refused:?}"
        );
        let mut c = credential::credential(&issuer(), &achievement());
        c["credentialSubject"]["favouriteColour"] = json!("blue");
        assert!(matches!(
            credential::sign_data_integrity(&key, &issuer(), &c),
            Err(ProofError::Undefined(_))
        ));
        // A context that is not bundled is never fetched.
        let mut c = credential::credential(&issuer(), &achievement());
        c["@context"] = json!([credential::VC_CONTEXT, "https://example.org/context.json"]);
        assert!(matches!(
            credential::sign_data_integrity(&key, &issuer(), &c),
            Err(ProofError::JsonLd(_))
        ));
    }

    #[test]
    fn status_list_holds_bits_and_nothing_else() {
        let key = IssuerKey::from_bytes([3; 32]);
        let list = credential::status_list_credential(&key, &issuer(), 1, [0, 9, LIST_BITS - 1]).expect("signs");
        assert_eq!(verify(&key.verifying_key(), &list), Ok(()));
        assert_eq!(list["id"], "https://aula.example.org/credentials/status/1");
        assert_eq!(list["type"][1], "BitstringStatusListCredential");
        assert_eq!(list["credentialSubject"]["statusPurpose"], "revocation");
        assert!(list.get("validFrom").is_none() && list["proof"].get("created").is_none());
        let encoded = list["credentialSubject"]["encodedList"].as_str().expect("list");
        let bits = credential::decode_status_list(encoded).expect("decodes");
        assert_eq!(bits.len(), (LIST_BITS / 8) as usize);
        assert_eq!(bits[0], 0b1000_0000);
        assert_eq!(bits[1], 0b0100_0000);
        assert_eq!(bits[bits.len() - 1], 1);
        assert_eq!(bits.iter().map(|b| b.count_ones()).sum::<u32>(), 3);
        // The same bits, the same document.
        assert_eq!(
            credential::status_list_credential(&key, &issuer(), 1, [9, 0, LIST_BITS - 1]).expect("signs"),
            list
        );
        let mut forged = list.clone();
        forged["credentialSubject"]["encodedList"] = json!(format!("{encoded}A"));
        assert_eq!(verify(&key.verifying_key(), &forged), Err(ProofError::Signature));
    }

    #[test]
    fn base58_round_trips() {
        for bytes in [vec![], vec![0, 0, 1], b"Hello World!".to_vec(), vec![0xff; 64]] {
            let text = base58btc(&bytes);
            assert_eq!(base58btc_decode(&text), Some(bytes));
        }
        assert_eq!(base58btc_decode("0OIl"), None);
    }
}
