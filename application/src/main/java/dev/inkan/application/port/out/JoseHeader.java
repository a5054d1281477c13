package dev.inkan.application.port.out;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The parts of a JWS protected header that verification looks at, and the names of all its parameters. */
public record JoseHeader(Optional<String> algorithm, Optional<String> type, Optional<String> keyId, Set<String> parameterNames) {

    public JoseHeader {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(keyId, "keyId");
        parameterNames = Set.copyOf(parameterNames);
    }
}
