package dev.inkan.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * Value object: where a request that changes something came from, as a {@link SecurityEvent}
 * records it: who acted, the client's address, what the client calls itself ({@code User-Agent})
 * and the request's id. The web adapter makes one of each request, the command line
 * {@link #cli()}; a use case called without one gets {@link #of(Actor)}: the actor, nothing else.
 * Never a password, a token or an e-mail address.
 *
 * @param clientAddress the client's IP address, as the trusted-proxies rule resolves it; at most
 *     {@value #MAX_CLIENT_ADDRESS_LENGTH} characters
 * @param userAgent cut to {@value Session#MAX_USER_AGENT_LENGTH} characters
 * @param requestId the request's {@code X-Request-Id}; at most {@value #MAX_REQUEST_ID_LENGTH} characters
 */
public record RequestOrigin(Actor actor, Optional<String> clientAddress, Optional<String> userAgent,
                            Optional<String> requestId) {

    /** Longer than any IPv6 address in text, zone included. */
    public static final int MAX_CLIENT_ADDRESS_LENGTH = 64;
    /** As long as the request ids the web adapter accepts or makes. */
    public static final int MAX_REQUEST_ID_LENGTH = 64;

    /** Trims each value, drops blank ones, and cuts each to its length. */
    public RequestOrigin {
        Objects.requireNonNull(actor, "actor");
        clientAddress = bounded(clientAddress, MAX_CLIENT_ADDRESS_LENGTH, "clientAddress");
        userAgent = bounded(userAgent, Session.MAX_USER_AGENT_LENGTH, "userAgent");
        requestId = bounded(requestId, MAX_REQUEST_ID_LENGTH, "requestId");
    }

    /**
     * @param clientAddress the client's address, or null when not known
     * @param userAgent the client's {@code User-Agent}, or null
     * @param requestId the request's id, or null
     */
    public static RequestOrigin of(Actor actor, String clientAddress, String userAgent, String requestId) {
        return new RequestOrigin(actor, Optional.ofNullable(clientAddress), Optional.ofNullable(userAgent),
                Optional.ofNullable(requestId));
    }

    /** Only who acted is known: a use case called by the embedding application without an origin. */
    public static RequestOrigin of(Actor actor) {
        return new RequestOrigin(actor, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The operator's command line, which has no address, user agent or request id. */
    public static RequestOrigin cli() {
        return of(Actor.cli());
    }

    /** @return this origin without the client's address and user agent (who acted and the request id stay) */
    public RequestOrigin withoutClient() {
        return new RequestOrigin(actor, Optional.empty(), Optional.empty(), requestId);
    }

    private static Optional<String> bounded(Optional<String> value, int maxLength, String name) {
        return Objects.requireNonNull(value, name)
                .map(String::strip)
                .filter(text -> !text.isEmpty())
                .map(text -> text.length() > maxLength ? text.substring(0, maxLength) : text);
    }
}
