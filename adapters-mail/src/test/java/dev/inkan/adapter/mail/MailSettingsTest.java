package dev.inkan.adapter.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The typed settings refuse what would be unsafe or could not work, and never show the password. */
class MailSettingsTest {

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "::1", "[::1]", "0:0:0:0:0:0:0:1"})
    void loopbackHosts_mayUsePlainSmtp(String host) {
        assertThat(SmtpSettings.isLoopback(host)).isTrue();
        assertThat(SmtpSettings.of(host, 25, SmtpTls.NONE).tls()).isEqualTo(SmtpTls.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mail.example.com", "localhost.example.com", "10.0.0.1", "128.0.0.1", "127.0.0.256", "::2",
        "::ffff:127.0.0.1", "127.0.0.1.nip.io", "0.0.0.0"})
    void otherHosts_areRefusedPlainSmtp_withoutAnyLookup(String host) {
        assertThat(SmtpSettings.isLoopback(host)).isFalse();
        assertThatThrownBy(() -> SmtpSettings.of(host, 25, SmtpTls.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback");
        assertThat(SmtpSettings.of(host, 587, SmtpTls.STARTTLS).host()).isEqualTo(host);
    }

    @Test
    void usernameAndPassword_goTogether_andThePasswordIsNeverShown() {
        assertThatThrownBy(() -> new SmtpSettings("mail.example.com", 587, SmtpTls.STARTTLS, Optional.of("inkan"), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both or neither");
        SmtpSettings settings = new SmtpSettings("mail.example.com", 587, SmtpTls.STARTTLS, Optional.of("inkan"),
                Optional.of("hunter2-very-secret"));
        assertThat(settings.toString()).contains("inkan").contains("****").doesNotContain("hunter2-very-secret");
    }

    @Test
    void theDefaultPorts_areThoseOfEachKindOfServer() {
        assertThat(SmtpTls.STARTTLS.defaultPort()).isEqualTo(587);
        assertThat(SmtpTls.IMPLICIT.defaultPort()).isEqualTo(465);
        assertThat(SmtpTls.NONE.defaultPort()).isEqualTo(25);
        assertThat(SmtpTls.parse(" Implicit ")).isEqualTo(SmtpTls.IMPLICIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://auth.example.com", "http://localhost:8080", "https://example.com/auth/", "HTTPS://Example.com"})
    void aPublicUrl_isAnAbsoluteHttpUrl(String url) {
        assertThat(MailSettings.publicUrl(url)).hasToString(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"auth.example.com", "/relative", "ftp://example.com", "https://example.com/?a=b",
        "https://example.com/#top", "javascript:alert(1)", "https://", "https://exa mple.com", "mailto:a@example.com"})
    void aPublicUrl_isRefused_otherwise(String url) {
        assertThatThrownBy(() -> MailSettings.publicUrl(url)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPublicUrlWithUserInfo_isRefused_withoutShowingIt() {
        assertThatThrownBy(() -> MailSettings.publicUrl("https://admin:s3cret@example.com"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("s3cret");
    }

    @Test
    void theSender_isOneAddress_withOrWithoutAName() {
        assertThat(new MailSettings("no-reply@example.com", URI.create("https://example.com"), 5).from())
                .isEqualTo("no-reply@example.com");
        assertThat(new MailSettings("Example <no-reply@example.com>", URI.create("https://example.com"), 5).from())
                .isEqualTo("Example <no-reply@example.com>");
        assertThat(new MailSettings(MailSettings.LOCAL_FROM, URI.create("https://example.com"), 5).fromAddress().getAddress())
                .isEqualTo("inkan@localhost");
        for (String bad : new String[] {"no-reply", "a@example.com, b@example.com", "no reply@example.com", "<>", "@example.com"}) {
            assertThatThrownBy(() -> MailSettings.address(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new MailSettings("no-reply@example.com", URI.create("https://example.com"), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
