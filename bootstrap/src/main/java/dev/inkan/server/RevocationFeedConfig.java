package dev.inkan.server;

import dev.inkan.adapter.web.RevocationFeedSettings;
import dev.inkan.bootstrap.ConfigException;
import dev.inkan.bootstrap.ConfigSource;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Reads who may follow {@code GET /auth/revocations} and how: the feed tokens of
 * {@code INKAN_REVOCATION_FEED_TOKENS} (comma-separated), the heartbeat and the streams at once. A
 * refusal names the variable and a token by its place in the list, never by its text.
 */
final class RevocationFeedConfig {

    static final String TOKENS = "INKAN_REVOCATION_FEED_TOKENS";
    static final String HEARTBEAT = "INKAN_REVOCATION_FEED_HEARTBEAT";
    static final String MAX_STREAMS = "INKAN_REVOCATION_FEED_MAX_STREAMS";

    private RevocationFeedConfig() {
    }

    /** @throws ConfigException naming the variable that is bad */
    static RevocationFeedSettings from(ConfigSource config) {
        List<String> tokens = config.optional(TOKENS)
                .map(text -> Arrays.stream(text.split(",")).map(String::strip).filter(token -> !token.isEmpty()).toList())
                .orElse(List.of());
        Duration heartbeat = config.duration(HEARTBEAT, RevocationFeedSettings.DEFAULT_HEARTBEAT);
        int maxStreams = config.integer(MAX_STREAMS, RevocationFeedSettings.DEFAULT_MAX_STREAMS, 1,
                RevocationFeedSettings.MAX_MAX_STREAMS);
        try {
            RevocationFeedSettings.of(tokens, RevocationFeedSettings.DEFAULT_HEARTBEAT, maxStreams);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(TOKENS + ": " + e.getMessage());
        }
        try {
            return RevocationFeedSettings.of(tokens, heartbeat, maxStreams);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(HEARTBEAT + ": " + e.getMessage());
        }
    }
}
