package dev.inkan.adapter.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Typed settings of {@code GET /auth/revocations}: the feed tokens a resource server may follow it
 * with (beside an access token with the role {@code service}), how often an idle stream sends a
 * heartbeat, and how many streams may be open at once. Only the SHA-256 of each token is kept, and
 * no token appears in a message or in {@link #toString()}.
 */
public final class RevocationFeedSettings {

    /** The shortest feed token: 32 characters, as long as the output of {@code openssl rand -base64 24}. */
    public static final int MIN_TOKEN_LENGTH = 32;
    /** The heartbeat by default: well within the 30 s that Jetty and most proxies wait on a silent connection. */
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);
    /** The longest heartbeat: below Jetty's idle timeout (30 s), which would otherwise close an idle stream. */
    public static final Duration MAX_HEARTBEAT = Duration.ofSeconds(25);
    /** The fewest milliseconds between heartbeats: short enough for tests, long enough to do no harm. */
    public static final Duration MIN_HEARTBEAT = Duration.ofMillis(100);
    public static final int DEFAULT_MAX_STREAMS = 100;
    public static final int MAX_MAX_STREAMS = 10_000;

    private final List<byte[]> tokenDigests;
    private final Duration heartbeat;
    private final int maxStreams;

    private RevocationFeedSettings(List<byte[]> tokenDigests, Duration heartbeat, int maxStreams) {
        this.tokenDigests = tokenDigests;
        this.heartbeat = heartbeat;
        this.maxStreams = maxStreams;
    }

    /**
     * @param tokens the feed tokens, each of at least {@link #MIN_TOKEN_LENGTH} visible ASCII characters
     *     (no space, no comma); none is fine: then only access tokens with the role {@code service} follow
     * @param heartbeat from {@link #MIN_HEARTBEAT} to {@link #MAX_HEARTBEAT}
     * @param maxStreams from 1 to {@link #MAX_MAX_STREAMS}
     * @throws IllegalArgumentException naming what is wrong (a token by its place in the list, never its text)
     */
    public static RevocationFeedSettings of(List<String> tokens, Duration heartbeat, int maxStreams) {
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(heartbeat, "heartbeat");
        List<byte[]> digests = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = Objects.requireNonNull(tokens.get(i), "token");
            String which = "feed token " + (i + 1) + " of " + tokens.size();
            if (token.length() < MIN_TOKEN_LENGTH) {
                throw new IllegalArgumentException(which + " has " + token.length() + " characters; each needs at least "
                        + MIN_TOKEN_LENGTH + " (random, such as openssl rand -base64 32 makes)");
            }
            if (!token.chars().allMatch(c -> c > ' ' && c < 127 && c != ',')) {
                throw new IllegalArgumentException(which + " holds a character that is not visible ASCII, or a comma");
            }
            digests.add(sha256(token));
        }
        if (heartbeat.compareTo(MIN_HEARTBEAT) < 0 || heartbeat.compareTo(MAX_HEARTBEAT) > 0) {
            throw new IllegalArgumentException("the heartbeat must be from " + MIN_HEARTBEAT + " to " + MAX_HEARTBEAT
                    + ", not " + heartbeat);
        }
        if (maxStreams < 1 || maxStreams > MAX_MAX_STREAMS) {
            throw new IllegalArgumentException("the streams at once must be from 1 to " + MAX_MAX_STREAMS + ", not " + maxStreams);
        }
        return new RevocationFeedSettings(List.copyOf(digests), heartbeat, maxStreams);
    }

    /** No feed token, a heartbeat every {@link #DEFAULT_HEARTBEAT}, {@link #DEFAULT_MAX_STREAMS} streams at once. */
    public static RevocationFeedSettings defaults() {
        return of(List.of(), DEFAULT_HEARTBEAT, DEFAULT_MAX_STREAMS);
    }

    /**
     * Compares {@code presented} with every feed token, each time all of them, as digests of one
     * length, so that neither where a guess goes wrong nor which token it is close to shows in the time.
     *
     * @return whether it is one of the feed tokens
     */
    boolean isFeedToken(String presented) {
        byte[] digest = sha256(presented);
        boolean found = false;
        for (byte[] token : tokenDigests) {
            found |= MessageDigest.isEqual(token, digest);
        }
        return found;
    }

    public Duration heartbeat() {
        return heartbeat;
    }

    public int maxStreams() {
        return maxStreams;
    }

    /** @return how many feed tokens there are */
    public int tokenCount() {
        return tokenDigests.size();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "RevocationFeedSettings[" + tokenDigests.size() + " feed tokens, heartbeat " + heartbeat + ", " + maxStreams
                + " streams at once]";
    }
}
