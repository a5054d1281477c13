/**
 * Verifying Inkan's access tokens in a resource server with nothing but the JDK: the keys found from
 * the issuer, Inkan's own token format, and its revocation feed followed. {@link dev.inkan.verifier.InkanVerifier}
 * is the one entry point.
 */
package dev.inkan.verifier;
