/** Crypto adapters: HMAC (JCA and Bouncy Castle), Argon2id (argon2-jvm and Bouncy Castle), keys, and the strict JOSE JSON codec. */
package dev.inkan.adapter.crypto;
