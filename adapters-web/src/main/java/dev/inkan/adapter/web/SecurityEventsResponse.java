package dev.inkan.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.inkan.application.port.in.SecurityEventPage;
import dev.inkan.domain.Role;
import dev.inkan.domain.SecurityEvent;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.UserId;
import java.util.List;

/**
 * Response body of {@code GET /me/events} and {@code GET /admin/events}: a page of the security
 * log, newest first, and the cursor of the next page ({@code null} on the last).
 */
record SecurityEventsResponse(List<Item> events, String next) {

    /** One event; what it does not have is left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(String id, String type, String occurredAt, String userId, Actor actor, String sessionId, String role,
                String clientAddress, String userAgent, String requestId) {

        /** @param whereFrom whether to show the client address and user agent of whoever acted */
        static Item from(SecurityEvent event, boolean whereFrom) {
            return new Item(event.id().toString(), event.type().wireName(), event.occurredAt().toString(),
                    event.userId().map(UserId::toString).orElse(null), Actor.from(event.origin().actor()),
                    event.sessionId().map(SessionId::toString).orElse(null), event.role().map(Role::name).orElse(null),
                    whereFrom ? event.origin().clientAddress().orElse(null) : null,
                    whereFrom ? event.origin().userAgent().orElse(null) : null,
                    event.origin().requestId().orElse(null));
        }
    }

    /** Who acted: {@code user}, {@code admin} (with their id), {@code cli} or {@code application}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Actor(String kind, String userId) {

        static Actor from(dev.inkan.domain.Actor actor) {
            return new Actor(actor.kind().wireName(), actor.userId().map(UserId::toString).orElse(null));
        }
    }

    /** Every event as it was recorded: an administrator's view. */
    static SecurityEventsResponse from(SecurityEventPage page) {
        return new SecurityEventsResponse(page.events().stream().map(event -> Item.from(event, true)).toList(),
                page.next().map(EventCursors::encode).orElse(null));
    }

    /**
     * A user's view of their own events: where an administrator acted from (their address, their
     * browser) is the administrator's, not the user's, to see.
     */
    static SecurityEventsResponse ofOwn(SecurityEventPage page) {
        return new SecurityEventsResponse(page.events().stream()
                .map(event -> Item.from(event, event.origin().actor().kind() != dev.inkan.domain.Actor.Kind.ADMIN)).toList(),
                page.next().map(EventCursors::encode).orElse(null));
    }
}
