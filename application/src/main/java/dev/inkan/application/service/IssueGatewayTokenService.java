package dev.inkan.application.service;

import dev.inkan.application.port.in.IssueGatewayTokenUseCase;
import dev.inkan.application.port.out.RandomSource;
import dev.inkan.application.tokens.AccessTokens;
import dev.inkan.domain.AccessTokenClaims;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Mints gateway tokens: the caller's claims (subject, session, roles, the embedder's own), with the
 * upstream's audience, a token id of their own and a lifetime of at most a minute, never past the
 * caller's own expiry.
 */
public final class IssueGatewayTokenService implements IssueGatewayTokenUseCase {

    private final AccessTokens tokens;
    private final String ownAudience;
    private final RandomSource random;
    private final Clock clock;

    /** @param ownAudience the audience of Inkan's access tokens, which a gateway token must not have */
    public IssueGatewayTokenService(AccessTokens tokens, String ownAudience, RandomSource random, Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.ownAudience = Objects.requireNonNull(ownAudience, "ownAudience");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<String> issue(AccessTokenClaims caller, String audience, Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("a gateway token lives more than 0 and at most " + MAX_LIFETIME.toSeconds()
                    + " seconds, not " + lifetime.toSeconds());
        }
        if (audience.equals(ownAudience)) {
            throw new IllegalArgumentException("a gateway token is for an upstream, so its audience is not '" + ownAudience
                    + "', the audience of Inkan's own access tokens");
        }
        if (!tokens.signsWithKeyPair()) {
            return Optional.empty();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiry = now.plus(lifetime);
        if (expiry.isAfter(caller.expiresAt())) {
            expiry = caller.expiresAt();
        }
        return Optional.of(tokens.sign(new AccessTokenClaims(caller.issuer(), caller.subject(), List.of(audience), now, expiry,
                Optional.empty(), random.uuid().toString(), caller.sessionId(), caller.roles(), caller.rolesVersion(),
                caller.custom(), caller.emailVerified())));
    }
}
