package dev.inkan.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.adapter.mail.SmtpTls;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The mail variables, read as the server and the library read them; each error names its variable. */
class MailConfigurationTest {

    private static final String SECRET_PASSWORD = "smtp-password-that-must-not-show";

    @Test
    void withoutSmtp_nothingIsRequired_andTheLimitDefaultsToFive() {
        MailConfiguration mail = LibrarySettings.from(ConfigSource.of(Map.of())).mail();

        assertThat(mail.smtp()).isEmpty();
        assertThat(mail.from()).isEmpty();
        assertThat(mail.publicUrl()).isEmpty();
        assertThat(mail.perRecipientPerHour()).isEqualTo(5);
    }

    @Test
    void everyVariable_isRead() {
        Map<String, String> env = smtp();
        env.put("INKAN_SMTP_PORT", "2525");
        env.put("INKAN_SMTP_TLS", "implicit");
        env.put("INKAN_SMTP_USERNAME", "inkan");
        env.put("INKAN_SMTP_PASSWORD", SECRET_PASSWORD);
        env.put("INKAN_MAIL_PER_RECIPIENT_PER_HOUR", "3");

        MailConfiguration mail = MailConfiguration.from(ConfigSource.of(env));

        assertThat(mail.smtp()).hasValueSatisfying(smtp -> {
            assertThat(smtp.host()).isEqualTo("mail.example.com");
            assertThat(smtp.port()).isEqualTo(2525);
            assertThat(smtp.tls()).isEqualTo(SmtpTls.IMPLICIT);
            assertThat(smtp.username()).hasValue("inkan");
            assertThat(smtp.password()).hasValue(SECRET_PASSWORD);
        });
        assertThat(mail.from()).hasValue("Example <no-reply@example.com>");
        assertThat(mail.publicUrl()).hasValueSatisfying(url -> assertThat(url).hasToString("https://auth.example.com"));
        assertThat(mail.perRecipientPerHour()).isEqualTo(3);
        assertThat(mail.toString()).doesNotContain(SECRET_PASSWORD);
        assertThat(LibrarySettings.from(ConfigSource.of(env)).toString()).doesNotContain(SECRET_PASSWORD);
    }

    @ParameterizedTest
    @CsvSource({"starttls, 587", "implicit, 465", "none, 25"})
    void thePort_defaultsToTheOneOfTheTlsMode(String tls, int port) {
        Map<String, String> env = smtp();
        env.put("INKAN_SMTP_HOST", "localhost");
        env.put("INKAN_SMTP_TLS", tls);

        assertThat(MailConfiguration.from(ConfigSource.of(env)).smtp().orElseThrow().port()).isEqualTo(port);
    }

    @Test
    void starttls_isTheDefault() {
        assertThat(MailConfiguration.from(ConfigSource.of(smtp())).smtp().orElseThrow().tls()).isEqualTo(SmtpTls.STARTTLS);
    }

    @Test
    void plainSmtp_toAHostThatIsNotLoopback_stopsStartUp_namingTheVariable() {
        Map<String, String> env = smtp();
        env.put("INKAN_SMTP_TLS", "none");

        assertThatThrownBy(() -> MailConfiguration.from(ConfigSource.of(env))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("INKAN_SMTP_TLS").hasMessageContaining("loopback");
        env.put("INKAN_SMTP_HOST", "127.0.0.1");
        assertThat(MailConfiguration.from(ConfigSource.of(env)).smtp().orElseThrow().tls()).isEqualTo(SmtpTls.NONE);
    }

    @Test
    void smtpWithAPlainHttpPublicUrl_stopsStartUp_unlessItIsLoopback() {
        Map<String, String> plain = smtp();
        plain.put("INKAN_PUBLIC_URL", "http://auth.example.com");
        assertThatThrownBy(() -> MailConfiguration.from(ConfigSource.of(plain))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("INKAN_PUBLIC_URL must be an https URL");
        plain.put("INKAN_PUBLIC_URL", "http://127.0.0.1:8080");
        assertThat(MailConfiguration.from(ConfigSource.of(plain)).publicUrl()).isPresent();
    }

    @Test
    void smtpWithoutThePublicUrl_orWithoutTheSender_stopsStartUp_namingWhatIsMissing() {
        Map<String, String> noUrl = smtp();
        noUrl.remove("INKAN_PUBLIC_URL");
        assertThatThrownBy(() -> MailConfiguration.from(ConfigSource.of(noUrl))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("INKAN_PUBLIC_URL is required");
        Map<String, String> noFrom = smtp();
        noFrom.remove("INKAN_MAIL_FROM");
        assertThatThrownBy(() -> MailConfiguration.from(ConfigSource.of(noFrom))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("INKAN_MAIL_FROM is required");
    }

    @Test
    void aUsernameWithoutAPassword_stopsStartUp_namingBoth_withoutShowingEither() {
        Map<String, String> env = smtp();
        env.put("INKAN_SMTP_PASSWORD", SECRET_PASSWORD);

        assertThatThrownBy(() -> MailConfiguration.from(ConfigSource.of(env))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("INKAN_SMTP_USERNAME").hasMessageContaining("INKAN_SMTP_PASSWORD")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET_PASSWORD));
    }

    @Test
    void anSmtpSettingWithoutAHost_stopsStartUp_namingTheHost() {
        assertThatThrownBy(() -> MailConfiguration.from(ConfigSource.of(Map.of("INKAN_SMTP_PASSWORD", SECRET_PASSWORD))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("INKAN_SMTP_HOST")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET_PASSWORD));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "INKAN_SMTP_PORT | 0",
        "INKAN_SMTP_PORT | 70000",
        "INKAN_SMTP_PORT | smtp",
        "INKAN_SMTP_TLS | ssl",
        "INKAN_SMTP_TLS | true",
        "INKAN_PUBLIC_URL | auth.example.com",
        "INKAN_PUBLIC_URL | ftp://auth.example.com",
        "INKAN_PUBLIC_URL | https://auth.example.com/?next=x",
        "INKAN_PUBLIC_URL | https://auth.example.com/#top",
        "INKAN_PUBLIC_URL | /relative",
        "INKAN_MAIL_FROM | no-reply",
        "INKAN_MAIL_FROM | a@example.com, b@example.com",
        "INKAN_MAIL_PER_RECIPIENT_PER_HOUR | 0",
        "INKAN_MAIL_PER_RECIPIENT_PER_HOUR | five",
        "INKAN_SMTP_HOST | mail example com"
    })
    void aBadValue_stopsStartUp_namingTheVariable(String variable, String value) {
        Map<String, String> env = smtp();
        env.put(variable, value);

        assertThatThrownBy(() -> LibrarySettings.from(ConfigSource.of(env))).isInstanceOf(ConfigException.class)
                .hasMessageContaining(variable);
    }

    @Test
    void aPublicUrlWithAPassword_isRefused_withoutShowingIt() {
        Map<String, String> env = smtp();
        env.put("INKAN_PUBLIC_URL", "https://admin:" + SECRET_PASSWORD + "@auth.example.com");

        assertThatThrownBy(() -> MailConfiguration.from(ConfigSource.of(env))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("INKAN_PUBLIC_URL")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET_PASSWORD));
    }

    private static Map<String, String> smtp() {
        Map<String, String> env = new HashMap<>();
        env.put("INKAN_SMTP_HOST", "mail.example.com");
        env.put("INKAN_MAIL_FROM", "Example <no-reply@example.com>");
        env.put("INKAN_PUBLIC_URL", "https://auth.example.com");
        return env;
    }
}
