package dev.inkan.verifier;

import dev.inkan.token.JsonDocument;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fetches the JSON documents a verifier needs (discovery, JWK Set): one GET each, a time limit, a size limit, strict JSON. */
final class HttpDocuments {

    /** No document Inkan serves comes near this; a larger answer is no such document. */
    static final int MAX_BYTES = 1024 * 1024;
    private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age\\s*=\\s*\"?(\\d{1,10})\"?");

    private final HttpClient http;
    private final Duration timeout;

    HttpDocuments(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    /**
     * A fetched document.
     *
     * @param status the HTTP status; the members are empty unless it is 200
     * @param maxAge how long the answer may be kept, from {@code Cache-Control: max-age}; zero for
     *     {@code no-cache} or {@code no-store}
     */
    record Document(int status, Map<String, Object> members, Optional<Duration> maxAge) {
    }

    /**
     * @return the document at {@code uri}
     * @throws FetchException when it cannot be fetched, is too large, or is no JSON object (naming the URI)
     */
    Document get(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new FetchException(uri + " could not be fetched (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(uri + " was not fetched: interrupted");
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                return new Document(response.statusCode(), Map.of(), Optional.empty());
            }
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new FetchException(uri + " answered more than " + MAX_BYTES + " bytes");
            }
            return new Document(200, JsonDocument.parseObject(new String(bytes, StandardCharsets.UTF_8)),
                    maxAge(response.headers().firstValue("Cache-Control")));
        } catch (IOException e) {
            throw new FetchException(uri + " could not be read (" + e.getClass().getSimpleName() + ")");
        } catch (IllegalArgumentException e) {
            throw new FetchException(uri + " is no JSON object");
        }
    }

    private static Optional<Duration> maxAge(Optional<String> cacheControl) {
        if (cacheControl.isEmpty()) {
            return Optional.empty();
        }
        String value = cacheControl.get().toLowerCase(Locale.ROOT);
        if (value.contains("no-store") || value.contains("no-cache")) {
            return Optional.of(Duration.ZERO);
        }
        Matcher matcher = MAX_AGE.matcher(value);
        return matcher.find() ? Optional.of(Duration.ofSeconds(Long.parseLong(matcher.group(1)))) : Optional.empty();
    }

    /** A document that could not be had; its message names the URI and the failure, never a credential. */
    static final class FetchException extends RuntimeException {
        FetchException(String message) {
            super(message, null, false, false);
        }
    }
}
