package dev.inkan.adapter.web;

import dev.inkan.domain.Actor;
import dev.inkan.domain.RequestOrigin;
import io.javalin.http.Context;
import java.util.Objects;

/**
 * Where a request came from, as the security log records it: the client's address (through the
 * trusted proxies, as the limits count it, but the whole address), its {@code User-Agent}, and the
 * request id every answer carries.
 */
final class RequestOrigins {

    private final ClientAddress clientAddress;

    RequestOrigins(ClientAddress clientAddress) {
        this.clientAddress = Objects.requireNonNull(clientAddress, "clientAddress");
    }

    /** @return the origin of the request of {@code ctx}, made by the user themself */
    RequestOrigin ofUser(Context ctx) {
        return of(ctx, Actor.user());
    }

    /** @return the origin of the request of {@code ctx}, made by {@code actor} */
    RequestOrigin of(Context ctx, Actor actor) {
        String requestId = RequestIds.of(ctx);
        return RequestOrigin.of(actor, clientAddress.of(ctx), ctx.header("User-Agent"),
                RequestIds.NONE.equals(requestId) ? null : requestId);
    }
}
