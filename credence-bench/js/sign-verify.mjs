// The Digital Bazaar JavaScript VC stack (the one wallets and the DCC verifier use) as a benchmark
// peer for credence-bench: signs and verifies the same eddsa-rdfc-2022 credentials as
// SigningBenchmark, in safe mode (the stack's default), and prints ops/s and CPU time per op as
// one JSON line.
//
// Usage: node sign-verify.mjs INPUT.json [seconds-per-phase]
// INPUT.json is written by org.credence.bench.JsPeer: the key, the verification method, and
// distinct unsigned credentials with the proof `created` of each and the proofValue Credence
// gives it. Contexts come from credence-standards' bundled files; nothing is fetched.
import {readFileSync, readdirSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';

const here = dirname(fileURLToPath(import.meta.url));
const contextsDir = join(here, '..', '..', 'credence-standards', 'src', 'main', 'resources',
  'org', 'credence', 'standards', 'contexts');
// the same URL -> file table as BundledContexts.java
const CONTEXT_FILES = {
  'https://www.w3.org/ns/credentials/v2': 'credentials-v2.jsonld',
  'https://www.w3.org/2018/credentials/v1': 'credentials-v1.jsonld',
  'https://www.w3.org/ns/credentials/examples/v2': 'credentials-examples-v2.jsonld',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json': 'ob-context-3.0.3.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json': 'ob-extensions.json',
  'https://w3id.org/security/data-integrity/v2': 'data-integrity-v2.jsonld',
  'https://w3id.org/security/multikey/v1': 'multikey-v1.jsonld',
  'https://www.w3.org/ns/credentials/status/v1': 'vc-bitstring-status-list-v1.jsonld'
};
const contexts = new Map();
const available = new Set(readdirSync(contextsDir));
for(const [url, file] of Object.entries(CONTEXT_FILES)) {
  if(available.has(file)) {
    contexts.set(url, JSON.parse(readFileSync(join(contextsDir, file), 'utf8')));
  }
}

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const seconds = Number(process.argv[3] || 5);
const {verificationMethod, controller, publicKeyMultibase, secretKeyMultibase} = input;
const keyDocument = {
  '@context': 'https://w3id.org/security/multikey/v1',
  id: verificationMethod, type: 'Multikey', controller, publicKeyMultibase
};
// a DID document, as did:web serves it; jsonld-signatures reads one on the DID context without
// framing, so that context is never loaded
const controllerDocument = {
  '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
  id: controller, verificationMethod: [keyDocument], assertionMethod: [verificationMethod]
};

async function documentLoader(url) {
  const context = contexts.get(url);
  if(context) {
    return {contextUrl: null, documentUrl: url, document: context};
  }
  if(url === verificationMethod) {
    return {contextUrl: null, documentUrl: url, document: keyDocument};
  }
  if(url === controller) {
    return {contextUrl: null, documentUrl: url, document: controllerDocument};
  }
  throw new Error(`document ${url} is not bundled; the benchmark fetches nothing`);
}

const keyPair = await Ed25519Multikey.from({
  '@context': 'https://w3id.org/security/multikey/v1',
  id: verificationMethod, type: 'Multikey', controller, publicKeyMultibase, secretKeyMultibase
});
const signer = keyPair.signer();

function signSuite(created) {
  return new DataIntegrityProof({signer, date: created, cryptosuite});
}
const verifySuite = new DataIntegrityProof({cryptosuite});
const checkStatus = async () => ({verified: true});

async function sign(i) {
  const {credential, created} = input.credentials[i];
  return vc.issue({credential: structuredClone(credential), suite: signSuite(created), documentLoader});
}

async function verify(signed) {
  const result = await vc.verifyCredential({credential: signed, suite: verifySuite, documentLoader, checkStatus});
  if(!result.verified) {
    throw new Error('a credential signed by the JS stack did not verify: ' + JSON.stringify(result.error ?? result));
  }
}

// sanity, as in SigningBenchmark: same proofValue as Credence (Ed25519 is deterministic), and a
// tampered credential must fail
const n = input.credentials.length;
const signed = [];
let sameAsCredence = 0;
for(let i = 0; i < n; i++) {
  signed.push(await sign(i));
  if(signed[i].proof.proofValue === input.credentials[i].proofValue) {
    sameAsCredence++;
  }
}
const tampered = structuredClone(signed[0]);
tampered.credentialSubject.name = 'Mallory';
const tamperedResult = await vc.verifyCredential({credential: tampered, suite: verifySuite, documentLoader, checkStatus});
if(tamperedResult.verified) {
  throw new Error('a tampered credential verified');
}
const withUndefinedType = structuredClone(signed[0]);
withUndefinedType.type.push('InvalidType');
const undefinedTypeResult = await vc.verifyCredential({credential: withUndefinedType, suite: verifySuite, documentLoader, checkStatus});

// ops per wall-clock second, and the process's CPU time (all threads, GC included) per op: on a
// shared machine the CPU time is the steadier of the two
async function measure(operation) {
  // warm-up: 2 s of CPU (on a loaded machine a wall-clock warm-up can end before the JIT does)
  let i = 0;
  const warm = process.cpuUsage();
  while(cpuMicros(process.cpuUsage(warm)) < 2e6) {
    await operation(i++ % n);
  }
  let count = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  const until = start + seconds * 1000;
  while(performance.now() < until) {
    await operation(i++ % n);
    count++;
  }
  const used = process.cpuUsage(cpu);
  return {
    opsPerSecond: count / ((performance.now() - start) / 1000),
    cpuMicrosPerOp: cpuMicros(used) / count
  };
}

function cpuMicros(usage) {
  return usage.user + usage.system;
}

const signRate = await measure(sign);
const verifyRate = await measure(i => verify(signed[i]));
console.log(JSON.stringify({
  stack: 'digitalbazaar',
  node: process.version,
  credentials: n,
  sameProofValueAsCredence: `${sameAsCredence}/${n}`,
  refusesInvalidType: !undefinedTypeResult.verified,
  signOpsPerSecond: Math.round(signRate.opsPerSecond * 10) / 10,
  verifyOpsPerSecond: Math.round(verifyRate.opsPerSecond * 10) / 10,
  signCpuMicrosPerOp: Math.round(signRate.cpuMicrosPerOp),
  verifyCpuMicrosPerOp: Math.round(verifyRate.cpuMicrosPerOp)
}));
