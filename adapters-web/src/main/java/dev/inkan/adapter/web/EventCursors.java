package dev.inkan.adapter.web;

import dev.inkan.domain.SecurityEventCursor;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * The security log's cursors as clients see them: an opaque base64url string, which is the time
 * of the page's last event (microseconds since the epoch) and its id. Only what this writes reads
 * back: anything else is a 400.
 */
final class EventCursors {

    private static final int MAX_LENGTH = 128;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private EventCursors() {
    }

    static String encode(SecurityEventCursor cursor) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, cursor.occurredAt());
        return ENCODER.encodeToString((micros + "~" + cursor.id()).getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws ProblemException 400 when {@code text} is not a cursor {@link #encode} made */
    static SecurityEventCursor decode(String text) {
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            throw notACursor();
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
            int tilde = decoded.indexOf('~');
            String micros = tilde < 0 ? "" : decoded.substring(0, tilde);
            if (micros.isEmpty() || micros.length() > 18 || !micros.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw notACursor();
            }
            SecurityEventCursor cursor = new SecurityEventCursor(
                    Instant.EPOCH.plus(Long.parseLong(micros), ChronoUnit.MICROS), UUID.fromString(decoded.substring(tilde + 1)));
            if (!encode(cursor).equals(text)) {
                throw notACursor(); // one form per cursor: no padding, no other spelling of the same id
            }
            return cursor;
        } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
            throw notACursor();
        }
    }

    private static ProblemException notACursor() {
        return ProblemException.badRequest("before is not a cursor this server gave; use the next of the previous page");
    }
}
