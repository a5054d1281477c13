package dev.inkan.domain;

import java.util.Optional;

/** The JWS MAC algorithms Inkan signs with (RFC 7518 3.2), and the shortest key each accepts. */
public enum JwsAlgorithm {
    HS256(32),
    HS384(48),
    HS512(64);

    private final int macLength;

    JwsAlgorithm(int macLength) {
        this.macLength = macLength;
    }

    /** Length in bytes of the MAC, which RFC 7518 3.2 also makes the minimum key length. */
    public int macLength() {
        return macLength;
    }

    /** The JWS {@code alg} name, exactly as it appears in a header. */
    public String jwsName() {
        return name();
    }

    /** Looks an {@code alg} header value up exactly (case-sensitive, as RFC 7515 requires). */
    public static Optional<JwsAlgorithm> fromJwsName(String name) {
        for (JwsAlgorithm algorithm : values()) {
            if (algorithm.name().equals(name)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}
