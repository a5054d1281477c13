/** Crypto adapters: HMAC and EdDSA/ES256 signatures (JCA and Bouncy Castle), Argon2id (argon2-jvm and Bouncy Castle), and key rings and key pairs. */
package dev.inkan.adapter.crypto;
