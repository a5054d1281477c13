package dev.inkan.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.adapter.web.RevocationFeedSettings;
import dev.inkan.bootstrap.ConfigException;
import dev.inkan.bootstrap.ConfigSource;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** INKAN_REVOCATION_FEED_*: read and checked at start-up, a feed token never shown in a message. */
class RevocationFeedConfigTest {

    private static final String GOOD = "a-feed-token-of-forty-characters-0123456";

    @Test
    void feedTokens_areCommaSeparated_withTheDefaultsBeside() {
        RevocationFeedSettings settings = RevocationFeedConfig.from(ConfigSource.of(Map.of(
                RevocationFeedConfig.TOKENS, " " + GOOD + " , " + GOOD.replace('a', 'b') + ",")));

        assertThat(settings.tokenCount()).isEqualTo(2);
        assertThat(settings.heartbeat()).isEqualTo(Duration.ofSeconds(15));
        assertThat(settings.maxStreams()).isEqualTo(100);
        assertThat(RevocationFeedConfig.from(ConfigSource.of(Map.of())).tokenCount()).isZero();
    }

    @Test
    void aShortFeedToken_stopsStartUp_namingTheVariableAndTheTokensPlace_butNotTheToken() {
        String secret = "only-twenty-chars-xx";

        assertThatThrownBy(() -> RevocationFeedConfig.from(ConfigSource.of(Map.of(RevocationFeedConfig.TOKENS, GOOD + "," + secret))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("INKAN_REVOCATION_FEED_TOKENS")
                .hasMessageContaining("feed token 2 of 2")
                .hasMessageContaining("at least 32")
                .hasMessageNotContaining(secret)
                .hasMessageNotContaining(GOOD);
    }

    @Test
    void theHeartbeatAndTheStreams_areRead_andBoundsNamed() {
        RevocationFeedSettings settings = RevocationFeedConfig.from(ConfigSource.of(Map.of(
                RevocationFeedConfig.HEARTBEAT, "PT0.5S", RevocationFeedConfig.MAX_STREAMS, "7")));

        assertThat(settings.heartbeat()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.maxStreams()).isEqualTo(7);
        assertThatThrownBy(() -> RevocationFeedConfig.from(ConfigSource.of(Map.of(RevocationFeedConfig.HEARTBEAT, "PT30S"))))
                .hasMessageContaining("INKAN_REVOCATION_FEED_HEARTBEAT").hasMessageContaining("PT25S");
    }
}
