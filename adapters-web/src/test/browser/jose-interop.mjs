// A Node.js resource server's check of Inkan's tokens, with `jose` as its users write it: find the
// JWK Set by the issuer's RFC 8414 metadata, fetch it with createRemoteJWKSet, and jwtVerify each
// token with the issuer, the audience and the algorithm pinned.
// Usage: node jose-interop.mjs <issuer> <audience> <algorithm>  < tokens.json
//   tokens.json: {"<name>": "<compact JWS>", ...}
// Prints one JSON line per token, {"name","accepted"} with the claims a service reads (sub, sid,
// roles) when accepted, or jose's error code (and the claim at fault) when refused; never a token.
// Exits 0 when every token got a verdict, 1 when the verifier itself could not be set up.
import { createRemoteJWKSet, jwtVerify } from 'jose';

const [issuer, audience, algorithm] = process.argv.slice(2);
if (!issuer || !audience || !algorithm) {
  console.error('usage: node jose-interop.mjs <issuer> <audience> <algorithm> < tokens.json');
  process.exit(2);
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

async function discoverJwks() {
  const location = `${issuer.replace(/\/$/, '')}/.well-known/oauth-authorization-server`;
  const response = await fetch(location, { signal: AbortSignal.timeout(5000) });
  if (!response.ok) throw new Error(`${location} answered ${response.status}`);
  const metadata = await response.json();
  // RFC 8414 3.3: the issuer in the metadata must be the one the client was given, exactly
  if (metadata.issuer !== issuer) throw new Error(`${location} names the issuer ${metadata.issuer}, not ${issuer}`);
  return createRemoteJWKSet(new URL(metadata.jwks_uri));
}

async function verdict(jwks, name, token) {
  try {
    const { payload, protectedHeader } = await jwtVerify(token, jwks, { issuer, audience, algorithms: [algorithm] });
    return { name, accepted: true, alg: protectedHeader.alg, kid: protectedHeader.kid,
      sub: payload.sub, sid: payload.sid, roles: payload.roles };
  } catch (error) {
    if (!error.code) throw error; // not a refusal of the token's: a fault of this script or of the network
    return { name, accepted: false, code: error.code, ...(error.claim ? { claim: error.claim } : {}) };
  }
}

try {
  const tokens = await readStdin();
  const jwks = await discoverJwks();
  for (const [name, token] of Object.entries(tokens)) {
    console.log(JSON.stringify(await verdict(jwks, name, token)));
  }
} catch (error) {
  console.error(`jose interop: ${error.message}`);
  process.exit(1);
}
