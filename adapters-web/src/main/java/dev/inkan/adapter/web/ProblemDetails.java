package dev.inkan.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Response body: an RFC 9457 problem. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ProblemDetails(String type, String title, int status, String detail, String instance) {

    static final String CONTENT_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:inkan:problem:";

    static ProblemDetails of(String typeSlug, String title, int status, String detail, String instance) {
        return new ProblemDetails(TYPE_PREFIX + typeSlug, title, status, detail, instance);
    }
}
