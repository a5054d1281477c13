/**
 * The token format Inkan signs and verifies, JDK only: compact JWS with strict base64url, the JOSE
 * header rules, HMAC keys and key-pair keys over the MAC and signature functions a crypto adapter
 * supplies, a strict JSON reader and writer for headers and JWT claims, and the fast paths for
 * the exact bytes Inkan writes. {@link dev.inkan.token.TokenFormat} is the one entry point.
 */
package dev.inkan.token;
