package dev.inkan.adapter.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;

/**
 * Reads request bodies strictly: {@code application/json} only, one JSON object, no duplicate names,
 * and string fields that really are strings (no silent coercion of {@code 123} into {@code "123"}).
 */
final class JsonBodies {

    /** Bodies larger than this are refused with 413 before they are parsed. */
    static final long MAX_BODY_BYTES = 64 * 1024;
    /**
     * A body refused as too large but no larger than this is read and dropped before the 413 goes
     * out, so that a client still sending it reads the answer rather than a closed connection; a
     * larger one is not read at all.
     */
    private static final long DRAINED_BYTES = 4 * MAX_BODY_BYTES;

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private JsonBodies() {
    }

    /** Answers with {@code body} as JSON, written by Inkan's own mapper whatever JSON mapper a host Javalin has. */
    static void respond(Context ctx, Object body) {
        try {
            ctx.contentType("application/json").result(MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a response body", e);
        }
    }

    private static void drain(Context ctx) {
        try (InputStream body = ctx.req().getInputStream()) {
            body.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // The client went away: there is nobody to answer, and the 413 is thrown all the same.
        }
    }

    /** @return the body as a JSON object */
    static JsonNode object(Context ctx) {
        if (ctx.contentLength() > MAX_BODY_BYTES) {
            if (ctx.contentLength() <= DRAINED_BYTES) {
                drain(ctx);
            }
            throw new ProblemException(413, "content-too-large", "Content too large",
                    "the body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        if (!isJson(ctx.contentType())) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported media type",
                    "send the body as application/json");
        }
        JsonNode node;
        try (JsonParser parser = MAPPER.createParser(ctx.bodyAsBytes())) {
            node = MAPPER.readTree(parser);
            if (node != null && parser.nextToken() != null) {
                throw ProblemException.badRequest("the body must hold exactly one JSON object");
            }
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("the body is not valid JSON");
        } catch (IOException e) {
            throw ProblemException.badRequest("the body could not be read");
        }
        if (node == null || !node.isObject()) {
            throw ProblemException.badRequest("the body must be a JSON object");
        }
        return node;
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
        return mediaType.toLowerCase(Locale.ROOT).equals("application/json");
    }

    /** @return the string field {@code name}, or null when absent or JSON null */
    static String string(JsonNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ProblemException.badRequest(name + " must be a string");
        }
        return value.textValue();
    }
}
