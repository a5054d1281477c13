package dev.inkan.application.service;

import dev.inkan.application.port.in.VerifyAccessTokenUseCase;
import dev.inkan.application.tokens.AccessTokens;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.InvalidTokenException;
import dev.inkan.domain.RevocationRegistry;
import java.time.Clock;
import java.util.Objects;

/** Verifies access tokens from the token alone and the in-memory revocations: no database. */
public final class VerifyAccessTokenService implements VerifyAccessTokenUseCase {

    private final AccessTokens tokens;
    private final RevocationRegistry revocations;
    private final Clock clock;

    public VerifyAccessTokenService(AccessTokens tokens, RevocationRegistry revocations, Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.revocations = Objects.requireNonNull(revocations, "revocations");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public AccessTokenClaims verify(String compactToken) {
        AccessTokenClaims claims = tokens.verify(compactToken, clock.instant());
        if (revocations.isRevoked(claims)) {
            throw new InvalidTokenException(InvalidTokenException.Reason.REVOKED);
        }
        return claims;
    }
}
