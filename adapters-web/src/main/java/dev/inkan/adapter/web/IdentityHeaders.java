package dev.inkan.adapter.web;

import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.Role;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The headers a forward-auth answer tells the gateway who is calling with, for it to pass to the
 * upstream: by default {@code X-Inkan-User-Id}, {@code X-Inkan-Session-Id} and {@code X-Inkan-Roles}
 * (comma-separated). Every configured header is in every 200, empty when there is nobody or nothing
 * to say, because some gateways (Envoy's {@code allowed_upstream_headers}) overwrite only the
 * headers the answer holds and would let a client's own {@code X-Inkan-Roles: admin} through.
 * Values come from the verified token alone, and only in a form that cannot split a header.
 */
public final class IdentityHeaders {

    /** What a header can say about the caller. */
    public enum Field {
        /** The user id ({@code sub}), a UUID. */
        USER_ID,
        /** The session id ({@code sid}), a UUID. */
        SESSION_ID,
        /** The roles, comma-separated, in the token's order. */
        ROLES,
        /** {@code true} or {@code false}: whether the user's e-mail address was verified when the token was issued. */
        EMAIL_VERIFIED;

        /** @return the name configuration spells it with: {@code user-id}, {@code session-id}, {@code roles}, {@code email-verified} */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Names a gateway or the HTTP machinery owns, which an answer must not set for the upstream. */
    private static final Set<String> RESERVED = Set.of("authorization", "cookie", "set-cookie", "host", "connection",
            "content-length", "content-type", "transfer-encoding", "te", "trailer", "upgrade", "keep-alive",
            "proxy-authorization", "proxy-authenticate", "www-authenticate", "location", "x-request-id");
    private static final String TOKEN_CHARS = "!#$%&'*+-.^_`|~";

    private static final IdentityHeaders DEFAULT = new IdentityHeaders(Map.of(
            Field.USER_ID, "X-Inkan-User-Id", Field.SESSION_ID, "X-Inkan-Session-Id", Field.ROLES, "X-Inkan-Roles"));

    private final Map<Field, String> names;

    private IdentityHeaders(Map<Field, String> names) {
        Map<Field, String> ordered = new LinkedHashMap<>();
        for (Field field : Field.values()) {
            if (names.containsKey(field)) {
                ordered.put(field, names.get(field));
            }
        }
        this.names = java.util.Collections.unmodifiableMap(ordered);
    }

    /** @return {@code X-Inkan-User-Id}, {@code X-Inkan-Session-Id} and {@code X-Inkan-Roles} */
    public static IdentityHeaders defaults() {
        return DEFAULT;
    }

    /**
     * @param commaSeparated {@code field=Header-Name} pairs such as {@code user-id=X-User,roles=X-Roles}:
     *     exactly these headers are sent
     * @throws IllegalArgumentException naming the first pair that is not one, a field or a name given
     *     twice, or a name that is not a header name a gateway may hand an upstream
     */
    public static IdentityHeaders parse(String commaSeparated) {
        Map<Field, String> names = new LinkedHashMap<>();
        List<String> lowerNames = new ArrayList<>();
        for (String entry : commaSeparated.split(",")) {
            String pair = entry.strip();
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            Optional<Field> field = equals < 0 ? Optional.empty() : field(pair.substring(0, equals).strip());
            if (field.isEmpty()) {
                throw new IllegalArgumentException("'" + pair + "' is not field=Header-Name with a field of "
                        + java.util.Arrays.stream(Field.values()).map(Field::toString).collect(Collectors.joining(", ")));
            }
            String name = pair.substring(equals + 1).strip();
            if (name.isEmpty() || !name.chars().allMatch(c -> c < 0x7f && (Character.isLetterOrDigit(c) || TOKEN_CHARS.indexOf(c) >= 0))) {
                throw new IllegalArgumentException("'" + name + "' is not a header name");
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (RESERVED.contains(lower) || lower.startsWith("x-forwarded-") || lower.startsWith("sec-")) {
                throw new IllegalArgumentException("'" + name + "' is a header the gateway or HTTP itself owns");
            }
            if (names.containsKey(field.get()) || lowerNames.contains(lower)) {
                throw new IllegalArgumentException("'" + pair + "' names a field or a header a second time");
            }
            names.put(field.get(), name);
            lowerNames.add(lower);
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("name at least one header, such as user-id=X-Inkan-User-Id");
        }
        return new IdentityHeaders(names);
    }

    private static Optional<Field> field(String text) {
        for (Field field : Field.values()) {
            if (field.toString().equals(text.toLowerCase(Locale.ROOT))) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    /** @return the header names, by what they say, in the order of {@link Field} */
    public Map<Field, String> names() {
        return names;
    }

    /** Sets every header: the caller's values, or empty ones for nobody. */
    void write(Context ctx, Optional<AccessTokenClaims> caller) {
        names.forEach((field, name) -> ctx.header(name, caller.map(claims -> value(field, claims)).orElse("")));
    }

    /**
     * A value for a header. Ids are UUIDs and the boolean is a word; a role is written only when it
     * is a role name ({@link Role}: no comma, space or line break), so a token signed elsewhere with
     * the key cannot smuggle {@code x,admin} or a header break into the list.
     */
    static String value(Field field, AccessTokenClaims claims) {
        return switch (field) {
            case USER_ID -> claims.subject().toString();
            case SESSION_ID -> claims.sessionId().toString();
            case ROLES -> claims.roles().stream().filter(Role::isName).collect(Collectors.joining(","));
            case EMAIL_VERIFIED -> Boolean.toString(claims.emailVerified());
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdentityHeaders that && that.names.equals(names);
    }

    @Override
    public int hashCode() {
        return names.hashCode();
    }

    /** @return the pairs as configuration spells them */
    @Override
    public String toString() {
        return names.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining(","));
    }
}
