package dev.inkan.application.service;

import dev.inkan.application.port.in.VerifyAccessTokenUseCase;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.InvalidTokenException;
import dev.inkan.domain.RevocationRegistry;
import dev.inkan.domain.TokenPolicy;
import java.time.Clock;
import java.util.Objects;

/** Verifies access tokens from the signature, the claims and the in-memory revocations alone: no database. */
public final class VerifyAccessTokenService implements VerifyAccessTokenUseCase {

    private final AccessTokenCodec codec;
    private final TokenPolicy policy;
    private final RevocationRegistry revocations;
    private final Clock clock;

    public VerifyAccessTokenService(AccessTokenCodec codec, TokenPolicy policy, RevocationRegistry revocations,
                                    Clock clock) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.revocations = Objects.requireNonNull(revocations, "revocations");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public AccessTokenClaims verify(String compactToken) {
        AccessTokenClaims claims = codec.verify(compactToken);
        policy.check(claims, clock.instant());
        if (revocations.isRevoked(claims)) {
            throw new InvalidTokenException(InvalidTokenException.Reason.REVOKED);
        }
        return claims;
    }
}
