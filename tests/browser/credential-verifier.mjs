// Verifies an Aula credential with verifiers that are not Aula's code
// (issue 19), for the integration test `credentials` (tests/credentials.rs):
//
//   node credential-verifier.mjs data-integrity AULA_URL credential.json
//     The Digital Credentials Consortium's @digitalcredentials/verifier-core
//     (what VerifierPlus and the Learner Credential Wallet run) checks the
//     embedded eddsa-rdfc-2022 proof, expiry and the BitstringStatusList.
//   node credential-verifier.mjs jwt AULA_URL credential.jwt
//     jose checks the VC-JWT with the key found in did.json alone.
//
// Offline: the verifier's own document loader has the standard contexts
// built in; everything it fetches goes through `fetch`, replaced here by a
// loader that serves only Aula's documents. The issuer is an organisation,
// did:web:127.0.0.1%3APORT:o:SLUG, which did:web resolves to
// https://127.0.0.1:PORT/o/SLUG/did.json; it is answered from
// AULA_URL (plain http), as are the status lists. Any other address is
// refused and reported in `refused`: nothing goes to the network.
//
// Prints one JSON object: {"ok": bool, ...} (see each mode).

import { readFileSync } from 'node:fs';

const [mode, aulaUrl, file] = process.argv.slice(2);
const aula = new URL(aulaUrl);
const realFetch = globalThis.fetch;
const fetched = [];
const refused = [];

globalThis.fetch = async (input, init) => {
  const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
  if (url.host === aula.host && (url.protocol === 'https:' || url.protocol === 'http:')) {
    const local = new URL(url.pathname + url.search, aula);
    fetched.push(url.href);
    return realFetch(local, { headers: { accept: 'application/json' } });
  }
  refused.push(url.href);
  return new Response(JSON.stringify({ error: 'offline' }), {
    status: 404,
    headers: { 'content-type': 'application/json' },
  });
};

function print(result) {
  process.stdout.write(JSON.stringify({ ...result, fetched, refused }) + '\n');
}

if (mode === 'data-integrity') {
  const { verifyCredential } = await import('@digitalcredentials/verifier-core');
  const credential = JSON.parse(readFileSync(file, 'utf8'));
  const result = await verifyCredential({ credential, knownDIDRegistries: [] });
  const steps = Object.fromEntries((result.log ?? []).map((step) => [step.id, step.valid ?? null]));
  const errors = (result.errors ?? []).map((e) => ({ name: e.name, message: e.message }));
  print({
    ok: errors.length === 0 && steps.valid_signature === true,
    steps,
    errors,
    statusError: (result.log ?? []).find((s) => s.error)?.error ?? null,
  });
} else if (mode === 'jwt') {
  const jose = await import('jose');
  const jwt = readFileSync(file, 'utf8').trim();
  try {
    const header = jose.decodeProtectedHeader(jwt);
    const payload = jose.decodeJwt(jwt);
    // The issuer's DID gives the DID document, whose method `kid` is the key.
    // did:web: the host, then path segments after ":" (did:web:HOST:o:SLUG
    // is https://HOST/o/SLUG/did.json; a bare host is /.well-known/did.json).
    const [host, ...path] = payload.iss.slice('did:web:'.length).split(':').map(decodeURIComponent);
    const where = path.length ? `${path.join('/')}/did.json` : '.well-known/did.json';
    const did = await (await fetch(`https://${host}/${where}`)).json();
    const method = did.verificationMethod.find((m) => m.id === header.kid);
    if (!method || !did.assertionMethod.includes(method.id)) {
      throw new Error(`the key ${header.kid} is not an assertion method of ${did.id}`);
    }
    const key = await jose.importJWK(method.publicKeyJwk, 'EdDSA');
    const { payload: verified } = await jose.jwtVerify(jwt, key, {
      algorithms: ['EdDSA'],
      issuer: did.id,
    });
    print({ ok: true, iss: verified.iss, jti: verified.jti });
  } catch (e) {
    print({ ok: false, error: `${e.code ?? e.name}: ${e.message}` });
  }
} else {
  print({ ok: false, error: `unknown mode ${mode}` });
  process.exitCode = 2;
}
