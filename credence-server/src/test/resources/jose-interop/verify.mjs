// Verifies Credence's VC-JWTs with the `jose` npm package, as an independent verifier would:
// the key is found by the token's kid in the issuer's DID document (an RSA JsonWebKey is used as
// published; an Ed25519 Multikey comes in as the JWK the test derived from it, since jose reads JWKs).
// Input: a JSON file {didUrl, issuer, multikeyJwks: {kid: jwk}, tokens: {name: {alg, token}}}.
// Output: one JSON object, per token {verified, alg, kid, jti} or {verified: false, error, code}.
import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { readFileSync } from 'node:fs';

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const response = await fetch(input.didUrl);
if (!response.ok) {
  throw new Error(`GET ${input.didUrl} answered ${response.status}`);
}
const did = await response.json();
const results = {};
for (const [name, { alg, token }] of Object.entries(input.tokens)) {
  try {
    const { kid } = decodeProtectedHeader(token);
    const method = did.verificationMethod.find((m) => m.id === kid);
    if (!method) {
      throw new Error(`the DID document has no verification method ${kid}`);
    }
    if (!did.assertionMethod.includes(kid)) {
      throw new Error(`${kid} is not listed under assertionMethod`);
    }
    const jwk = method.publicKeyJwk ?? input.multikeyJwks[kid];
    const key = await importJWK(jwk, alg);
    const { payload, protectedHeader } = await jwtVerify(token, key, {
      algorithms: [alg],
      issuer: input.issuer,
      typ: 'JWT',
    });
    results[name] = { verified: true, alg: protectedHeader.alg, kid: protectedHeader.kid, jti: payload.jti, vcId: payload.vc.id };
  } catch (error) {
    results[name] = { verified: false, error: String(error.message ?? error), code: error.code ?? null };
  }
}
process.stdout.write(JSON.stringify(results));
