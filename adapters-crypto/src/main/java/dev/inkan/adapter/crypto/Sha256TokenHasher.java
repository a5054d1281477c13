package dev.inkan.adapter.crypto;

import dev.inkan.application.port.out.TokenHasher;
import dev.inkan.domain.RefreshTokenHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of opaque refresh tokens, through the JDK. */
public final class Sha256TokenHasher implements TokenHasher {

    @Override
    public RefreshTokenHash hash(String opaqueToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(opaqueToken.getBytes(StandardCharsets.UTF_8));
            return new RefreshTokenHash(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
