package dev.inkan.adapter.web;

import dev.inkan.application.port.in.ListSecurityEventsUseCase;
import dev.inkan.domain.Role;
import dev.inkan.domain.SecurityEventCursor;
import dev.inkan.domain.SecurityEventFilter;
import dev.inkan.domain.SecurityEventType;
import dev.inkan.domain.UserId;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The security log over HTTP, newest first, a page at a time: {@code GET /me/events} for the
 * caller's own events, {@code GET /admin/events} for an administrator's view of everyone's (the
 * role checked before any parameter is read, as on every admin route).
 */
final class EventHandlers {

    private static final String TYPES = Arrays.stream(SecurityEventType.values())
            .map(SecurityEventType::wireName).collect(Collectors.joining(", "));

    private final ListSecurityEventsUseCase events;
    private final RequestAuthentication authentication;

    EventHandlers(ListSecurityEventsUseCase events, RequestAuthentication authentication) {
        this.events = Objects.requireNonNull(events, "events");
        this.authentication = Objects.requireNonNull(authentication, "authentication");
    }

    void mine(Context ctx) {
        UserId caller = authentication.claims(ctx).subject();
        JsonBodies.respond(ctx, SecurityEventsResponse.ofOwn(events.ofUser(caller, before(ctx), limit(ctx))));
    }

    void all(Context ctx) {
        authentication.claimsWithRole(ctx, Role.ADMIN.name());
        Optional<UserId> user = Optional.ofNullable(ctx.queryParam("user_id"))
                .map(value -> AuthHandlers.validated(() -> UserId.parse(value)));
        Optional<SecurityEventType> type = Optional.ofNullable(ctx.queryParam("type"))
                .map(value -> SecurityEventType.fromWireName(value).orElseThrow(() ->
                        ProblemException.badRequest("type is one of " + TYPES)));
        JsonBodies.respond(ctx, SecurityEventsResponse.from(
                events.all(new SecurityEventFilter(user, type), before(ctx), limit(ctx))));
    }

    private static Optional<SecurityEventCursor> before(Context ctx) {
        return Optional.ofNullable(ctx.queryParam("before")).map(EventCursors::decode);
    }

    private static int limit(Context ctx) {
        String value = ctx.queryParam("limit");
        if (value == null) {
            return ListSecurityEventsUseCase.DEFAULT_PAGE;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= ListSecurityEventsUseCase.MAX_PAGE) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest("limit is a whole number from 1 to " + ListSecurityEventsUseCase.MAX_PAGE);
    }
}
