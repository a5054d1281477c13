package dev.inkan.adapter.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Test helper: a Server-Sent Events client over the JDK's HttpClient. It reads the stream on a
 * thread of its own into events and comments, which a test takes one at a time with a time limit.
 */
final class SseClient implements AutoCloseable {

    /** One dispatched event, or a comment line (then only {@code comment} is set). */
    record Event(String id, String event, String data, String comment) {
    }

    private static final Event END = new Event(null, null, null, null);

    private final HttpResponse<InputStream> response;
    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread reader;

    private SseClient(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static SseClient open(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
        return new SseClient(client.send(request, HttpResponse.BodyHandlers.ofInputStream()));
    }

    HttpResponse<InputStream> response() {
        return response;
    }

    int status() {
        return response.statusCode();
    }

    /** @return the body of a response that is no stream (a problem) */
    String body() throws IOException {
        try (InputStream in = response.body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** @return the next event or comment within {@code limit}, or empty when the stream ended first */
    Optional<Event> next(Duration limit) throws InterruptedException {
        Event next = events.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
        if (next == null) {
            throw new AssertionError("nothing arrived within " + limit);
        }
        return next == END ? Optional.empty() : Optional.of(next);
    }

    /** @return the next event (no comment) within {@code limit} */
    Event nextEvent(Duration limit) throws InterruptedException {
        while (true) {
            Event next = next(limit).orElseThrow(() -> new AssertionError("the stream ended"));
            if (next.comment() == null) {
                return next;
            }
        }
    }

    /** @return the events that arrive before the stream ends, which it must within {@code limit} */
    List<Event> untilEnd(Duration limit) throws InterruptedException {
        List<Event> seen = new ArrayList<>();
        while (true) {
            Optional<Event> next = next(limit);
            if (next.isEmpty()) {
                return seen;
            }
            seen.add(next.get());
        }
    }

    private void read() {
        if (response.statusCode() != 200) {
            return;
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String event = null;
            StringBuilder data = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(id, event, data.toString(), null));
                    }
                    id = null;
                    event = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    events.add(new Event(null, null, null, line.substring(1).strip()));
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = data == null ? new StringBuilder(line.substring(6)) : data.append('\n').append(line.substring(6));
                } else if (line.startsWith("retry: ")) {
                    events.add(new Event(null, "retry", line.substring(7), null));
                }
            }
        } catch (IOException e) {
            // the stream was cut: it ended
        } finally {
            events.add(END);
        }
    }

    @Override
    public void close() {
        reader.interrupt();
        try {
            response.body().close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
