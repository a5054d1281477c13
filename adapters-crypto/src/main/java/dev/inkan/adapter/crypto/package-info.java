/**
 * Crypto adapters: HMAC and EdDSA/ES256 signatures (JCA and Bouncy Castle), Argon2id (argon2-jvm and
 * Bouncy Castle), key rings and key pairs, new keys, and the AES-GCM encryption of keys at rest.
 */
package dev.inkan.adapter.crypto;
