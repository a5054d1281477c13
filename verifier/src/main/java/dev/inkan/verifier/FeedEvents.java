package dev.inkan.verifier;

import dev.inkan.domain.Revocation;
import dev.inkan.domain.Revocation.RolesRevoked;
import dev.inkan.domain.Revocation.SessionRevoked;
import dev.inkan.domain.Revocation.TokenRevoked;
import dev.inkan.domain.Revocation.UserDeleted;
import dev.inkan.domain.Revocation.UserTokensRevoked;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The events of Inkan's revocation feed ({@code GET /auth/revocations}) read back: each kind's JSON
 * members as the domain's revocation, a retired key's id, or the position of {@code ready}.
 */
final class FeedEvents {

    /** A retired key: {@code key} {kid, until}. */
    record RetiredKey(String keyId, Instant until) {
    }

    private FeedEvents() {
    }

    /**
     * @return the revocation of an event of kind {@code token}, {@code session}, {@code user},
     *     {@code roles} or {@code deleted}; empty for any other kind
     * @throws IllegalArgumentException when its members are not those of its kind
     */
    static Optional<Revocation> revocation(String kind, Map<String, Object> data) {
        return switch (kind) {
            case "token" -> Optional.of(new TokenRevoked(text(data, "jti"), until(data)));
            case "session" -> Optional.of(new SessionRevoked(SessionId.parse(text(data, "sid")), until(data)));
            case "user" -> Optional.of(new UserTokensRevoked(UserId.parse(text(data, "sub")), instant(data, "valid_after"),
                    until(data)));
            case "roles" -> Optional.of(new RolesRevoked(UserId.parse(text(data, "sub")), number(data, "rv"), until(data)));
            case "deleted" -> Optional.of(new UserDeleted(UserId.parse(text(data, "sub")), until(data)));
            default -> Optional.empty();
        };
    }

    /** @throws IllegalArgumentException unless {@code data} holds {@code kid} and {@code until} */
    static RetiredKey retiredKey(Map<String, Object> data) {
        return new RetiredKey(text(data, "kid"), until(data));
    }

    /** @return the {@code seq} of a {@code ready} event */
    static long readySeq(Map<String, Object> data) {
        return number(data, "seq");
    }

    private static Instant until(Map<String, Object> data) {
        return instant(data, "until");
    }

    private static Instant instant(Map<String, Object> data, String member) {
        try {
            return Instant.parse(text(data, member));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(member + " is no RFC 3339 instant");
        }
    }

    private static String text(Map<String, Object> data, String member) {
        if (data.get(member) instanceof String text && !text.isEmpty()) {
            return text;
        }
        throw new IllegalArgumentException("no " + member);
    }

    private static long number(Map<String, Object> data, String member) {
        if (data.get(member) instanceof Long number && number >= 0) {
            return number;
        }
        throw new IllegalArgumentException("no " + member);
    }
}
