package dev.inkan.application.port.out;

import dev.inkan.domain.RefreshTokenHash;

/** Driven port: the one-way hash (SHA-256) under which opaque refresh tokens are stored and looked up. */
public interface TokenHasher {

    /** @return the SHA-256 of the token's UTF-8 bytes */
    RefreshTokenHash hash(String opaqueToken);
}
