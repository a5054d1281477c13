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

        static Item from(SecurityEvent event) {
            return new Item(event.id().toString(), event.type().wireName(), event.occurredAt().toString(),
                    event.userId().map(UserId::toString).orElse(null), Actor.from(event.origin().actor()),
                    event.sessionId().map(SessionId::toString).orElse(null), event.role().map(Role::name).orElse(null),
                    event.origin().clientAddress().orElse(null), event.origin().userAgent().orElse(null),
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

    static SecurityEventsResponse from(SecurityEventPage page) {
        return new SecurityEventsResponse(page.events().stream().map(Item::from).toList(),
                page.next().map(EventCursors::encode).orElse(null));
    }
}
