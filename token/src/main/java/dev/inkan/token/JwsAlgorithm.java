package dev.inkan.token;

import java.util.Optional;

/** The JWS algorithms a token is signed with (RFC 7518 3.2), and the length of the MAC each computes. */
public enum JwsAlgorithm {
    HS256(32),
    HS384(48),
    HS512(64);

    private final int macLength;

    JwsAlgorithm(int macLength) {
        this.macLength = macLength;
    }

    /** @return the length in bytes of the MAC, which RFC 7518 3.2 also makes the minimum key length */
    public int macLength() {
        return macLength;
    }

    /** @return the JWS {@code alg} name, exactly as it appears in a header */
    public String jwsName() {
        return name();
    }

    /** @return the algorithm of an {@code alg} header value, looked up exactly (case-sensitive, as RFC 7515 requires) */
    public static Optional<JwsAlgorithm> fromJwsName(String name) {
        for (JwsAlgorithm algorithm : values()) {
            if (algorithm.jwsName().equals(name)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}
