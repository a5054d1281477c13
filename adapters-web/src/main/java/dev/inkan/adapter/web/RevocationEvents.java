package dev.inkan.adapter.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.inkan.domain.Revocation;
import dev.inkan.domain.Revocation.KeyRetired;
import dev.inkan.domain.Revocation.RolesRevoked;
import dev.inkan.domain.Revocation.SessionRevoked;
import dev.inkan.domain.Revocation.TokenRevoked;
import dev.inkan.domain.Revocation.UserDeleted;
import dev.inkan.domain.Revocation.UserTokensRevoked;
import dev.inkan.domain.SequencedRevocation;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The text of {@code GET /auth/revocations} (Server-Sent Events): each revocation as an event whose
 * {@code id} is its seq, whose {@code event} is its kind and whose {@code data} is one JSON object;
 * timestamps are RFC 3339 in UTC, as everywhere else in the API. Kinds and members: {@code token}
 * {jti, until}, {@code session} {sid, until}, {@code user} {sub, valid_after, until}, {@code roles}
 * {sub, rv, until}, {@code deleted} {sub, until}, {@code key} {kid, until}.
 */
final class RevocationEvents {

    /** Sent once at the start: a client that lost the stream asks again after a second. */
    static final byte[] RETRY = "retry: 1000\n\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.US_ASCII);

    /** Every kind of revocation and its members but {@code until}; one more kind is one more line here. */
    static final List<Kind<?>> KINDS = List.of(
            new Kind<>(TokenRevoked.class, "token", token -> List.of("jti", token.tokenId())),
            new Kind<>(SessionRevoked.class, "session", session -> List.of("sid", session.sessionId().toString())),
            new Kind<>(UserTokensRevoked.class, "user",
                    user -> List.of("sub", user.userId().toString(), "valid_after", user.validAfter().toString())),
            new Kind<>(RolesRevoked.class, "roles", roles -> List.of("sub", roles.userId().toString(), "rv", roles.rolesVersion())),
            new Kind<>(UserDeleted.class, "deleted", deleted -> List.of("sub", deleted.userId().toString())),
            new Kind<>(KeyRetired.class, "key", key -> List.of("kid", key.keyId())));

    private RevocationEvents() {
    }

    /** @return the event of {@code revocation}; empty for a kind this version does not know, which is not sent */
    static Optional<byte[]> of(SequencedRevocation revocation) {
        return kindAndData(revocation.revocation())
                .map(event -> event(Long.toString(revocation.seq()), event.kind(), event.data()));
    }

    /** @return the event that tells a client it has every revocation up to {@code position}: {@code ready} {seq} */
    static byte[] ready(long position) {
        return event(Long.toString(position), "ready", Map.of("seq", position));
    }

    /** @return the kind and members of {@code revocation}; empty for a kind this version does not know */
    static Optional<Event> kindAndData(Revocation revocation) {
        for (Kind<?> kind : KINDS) {
            Optional<Event> event = kind.eventOf(revocation);
            if (event.isPresent()) {
                return event;
            }
        }
        return Optional.empty();
    }

    private static byte[] event(String id, String kind, Map<String, Object> data) {
        try {
            // JSON has no raw line break, so the data is one line, as an event's data line must be.
            String text = "id: " + id + "\nevent: " + kind + "\ndata: " + JsonBodies.MAPPER.writeValueAsString(data) + "\n\n";
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One event's kind and its members, in order. */
    record Event(String kind, Map<String, Object> data) {
    }

    /**
     * One kind of revocation as an event.
     *
     * @param members the names and values of its members but {@code until}, in turn
     */
    record Kind<T extends Revocation>(Class<T> type, String name, Function<T, List<Object>> members) {

        Optional<Event> eventOf(Revocation revocation) {
            if (!type.isInstance(revocation)) {
                return Optional.empty();
            }
            List<Object> namesAndValues = members.apply(type.cast(revocation));
            Map<String, Object> data = new LinkedHashMap<>();
            for (int i = 0; i < namesAndValues.size(); i += 2) {
                data.put((String) namesAndValues.get(i), namesAndValues.get(i + 1));
            }
            data.put("until", revocation.relevantUntil().toString());
            return Optional.of(new Event(name, data));
        }
    }
}
