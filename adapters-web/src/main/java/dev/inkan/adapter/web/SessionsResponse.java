package dev.inkan.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.inkan.application.port.in.SessionSummary;
import java.util.List;

/** Response body of {@code GET /auth/sessions}: the caller's live sessions. */
record SessionsResponse(List<Item> sessions) {

    /** One session as a person sees it in a list of their devices. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(String id, String createdAt, String lastUsedAt, String userAgent, Boolean current) {
    }

    static SessionsResponse from(List<SessionSummary> summaries) {
        return new SessionsResponse(summaries.stream()
                .map(summary -> new Item(summary.session().id().toString(), summary.session().createdAt().toString(),
                        summary.session().lastUsedAt().toString(), summary.session().userAgent().orElse(null),
                        summary.current()))
                .toList());
    }
}
