package dev.inkan.verifier;

import java.util.Optional;

/**
 * The lines of a {@code text/event-stream} (the HTML Living Standard's event stream format) put
 * together into events: {@code id}, {@code event} and {@code data} fields until a blank line, which
 * dispatches them; a line starting with a colon is a comment (a heartbeat). {@code retry} and unknown
 * fields are ignored. Not thread-safe: one connection's lines, in order.
 */
final class SseLines {

    /** What the lines hold, as they are read. */
    interface Listener {
        /** @param id the event's {@code id}, if it had one */
        void event(Optional<String> id, String event, String data);

        /** Any line at all: the connection is alive. */
        void heard();
    }

    /** An event larger than this is no event of Inkan's, and ends the connection. */
    static final int MAX_DATA = 64 * 1024;

    private final Listener listener;
    private String id;
    private String event;
    private StringBuilder data;

    SseLines(Listener listener) {
        this.listener = listener;
    }

    /** @throws IllegalStateException for an event's data beyond {@link #MAX_DATA} */
    void line(String line) {
        listener.heard();
        if (line.isEmpty()) {
            if (data != null) {
                listener.event(Optional.ofNullable(id), event == null ? "message" : event, data.toString());
            }
            id = null;
            event = null;
            data = null;
            return;
        }
        if (line.startsWith(":")) {
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "id" -> id = value;
            case "event" -> event = value;
            case "data" -> {
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                if (data.length() > MAX_DATA) {
                    throw new IllegalStateException("an event of more than " + MAX_DATA + " characters");
                }
            }
            default -> {
                // retry, and fields a later version may send
            }
        }
    }
}
