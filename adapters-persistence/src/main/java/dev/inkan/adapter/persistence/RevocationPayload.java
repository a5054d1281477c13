package dev.inkan.adapter.persistence;

import dev.inkan.domain.Revocation;
import dev.inkan.domain.Revocation.KeyRetired;
import dev.inkan.domain.Revocation.RolesRevoked;
import dev.inkan.domain.Revocation.SessionRevoked;
import dev.inkan.domain.Revocation.TokenRevoked;
import dev.inkan.domain.Revocation.UserDeleted;
import dev.inkan.domain.Revocation.UserTokensRevoked;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * A revocation as the text of a PostgreSQL notification: {@code T|<expires ms>|<jti>},
 * {@code S|<until ms>|<sid>}, {@code U|<valid after ms>|<until ms>|<user id>},
 * {@code R|<until ms>|<roles version>|<user id>}, {@code D|<until ms>|<user id>},
 * {@code K|<until ms>|<kid>}. Free text (the jti, the kid) comes last, so it may hold the separator.
 * Beside revocations the channel carries one signal, {@code KEYS|<schema>}: the signing keys of the
 * tables in that schema changed (a channel belongs to the whole database, where Inkans on other schemas
 * listen too).
 */
final class RevocationPayload {

    private static final String KEYS_CHANGED = "KEYS|";

    private RevocationPayload() {
    }

    /** @return the signal that the signing keys in {@code schema} changed */
    static String keysChanged(String schema) {
        return KEYS_CHANGED + schema;
    }

    /** @return whether {@code payload} is the signal that the signing keys of some schema changed */
    static boolean isKeysChanged(String payload) {
        return payload.startsWith(KEYS_CHANGED);
    }

    static String encode(Revocation revocation) {
        if (revocation instanceof TokenRevoked token) {
            return "T|" + token.expiresAt().toEpochMilli() + "|" + token.tokenId();
        }
        if (revocation instanceof SessionRevoked session) {
            return "S|" + session.until().toEpochMilli() + "|" + session.sessionId();
        }
        if (revocation instanceof UserTokensRevoked user) {
            return "U|" + user.validAfter().toEpochMilli() + "|" + user.until().toEpochMilli() + "|" + user.userId();
        }
        if (revocation instanceof RolesRevoked roles) {
            return "R|" + roles.until().toEpochMilli() + "|" + roles.rolesVersion() + "|" + roles.userId();
        }
        if (revocation instanceof KeyRetired key) {
            return "K|" + key.until().toEpochMilli() + "|" + key.keyId();
        }
        UserDeleted deleted = (UserDeleted) revocation;
        return "D|" + deleted.until().toEpochMilli() + "|" + deleted.userId();
    }

    /** @return the revocation, or empty when {@code payload} is not one this class wrote */
    static Optional<Revocation> decode(String payload) {
        try {
            boolean fourParts = payload.startsWith("U|") || payload.startsWith("R|");
            String[] parts = payload.split("\\|", fourParts ? 4 : 3);
            Instant first = Instant.ofEpochMilli(Long.parseLong(parts[1]));
            return Optional.of(switch (parts[0]) {
                case "T" -> new TokenRevoked(requireText(parts[2]), first);
                case "S" -> new SessionRevoked(SessionId.parse(parts[2]), first);
                case "U" -> new UserTokensRevoked(UserId.parse(parts[3]), first, Instant.ofEpochMilli(Long.parseLong(parts[2])));
                case "R" -> new RolesRevoked(UserId.parse(parts[3]), Long.parseLong(parts[2]), first);
                case "D" -> new UserDeleted(UserId.parse(parts[2]), first);
                case "K" -> new KeyRetired(requireText(parts[2]), first);
                default -> throw new IllegalArgumentException("unknown kind");
            });
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String requireText(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty jti or kid");
        }
        return text;
    }
}
