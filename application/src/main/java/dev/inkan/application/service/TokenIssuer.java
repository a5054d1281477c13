package dev.inkan.application.service;

import dev.inkan.application.port.in.IssuedTokens;
import dev.inkan.application.port.out.RandomSource;
import dev.inkan.application.port.out.RefreshTokenStore;
import dev.inkan.application.port.out.TokenHasher;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.RefreshTokenRecord;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.TokenPolicy;
import dev.inkan.domain.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Issues the tokens of a session: a signed access token, and an opaque 256-bit refresh token of
 * which only the hash is stored. Shared by login (a new session) and refresh (the next tokens of one).
 */
public final class TokenIssuer {

    /** 256 bits, as DESIGN.md asks of refresh tokens. */
    static final int REFRESH_TOKEN_BYTES = 32;

    private final AccessTokenCodec codec;
    private final TokenPolicy policy;
    private final RefreshTokenStore refreshTokens;
    private final TokenHasher hasher;
    private final RandomSource random;
    private final Clock clock;

    public TokenIssuer(AccessTokenCodec codec, TokenPolicy policy, RefreshTokenStore refreshTokens,
                       TokenHasher hasher, RandomSource random, Clock clock) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.refreshTokens = Objects.requireNonNull(refreshTokens, "refreshTokens");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Starts a new session (refresh token family) for {@code user} and returns its first tokens. */
    public IssuedTokens startSession(UserId user) {
        Instant now = clock.instant();
        SessionId session = new SessionId(random.uuid());
        MintedRefreshToken refresh = mintRefreshToken(user, session, now);
        refreshTokens.add(refresh.record());
        return tokens(user, session, refresh, now);
    }

    /**
     * Spends {@code presented} and issues the next tokens of its session, atomically.
     *
     * @return the next tokens, or empty when another request spent {@code presented} first
     */
    public Optional<IssuedTokens> rotate(RefreshTokenRecord presented) {
        Instant now = clock.instant();
        MintedRefreshToken next = mintRefreshToken(presented.userId(), presented.familyId(), now);
        if (!refreshTokens.rotate(presented.tokenHash(), next.record(), now)) {
            return Optional.empty();
        }
        return Optional.of(tokens(presented.userId(), presented.familyId(), next, now));
    }

    private MintedRefreshToken mintRefreshToken(UserId user, SessionId session, Instant now) {
        String token = Base64Url.encode(random.bytes(REFRESH_TOKEN_BYTES));
        RefreshTokenRecord record = RefreshTokenRecord.issue(random.uuid(), user, session, hasher.hash(token),
                now, now.plus(policy.refreshTtl()));
        return new MintedRefreshToken(token, record);
    }

    private IssuedTokens tokens(UserId user, SessionId session, MintedRefreshToken refresh, Instant now) {
        AccessTokenClaims claims = policy.newAccessClaims(user, session, random.uuid().toString(), now);
        return new IssuedTokens(codec.sign(claims), claims, refresh.token(), policy.refreshTtl());
    }

    private record MintedRefreshToken(String token, RefreshTokenRecord record) {
    }
}
