package dev.inkan.server;

import static dev.inkan.server.HttpJson.body;
import static dev.inkan.server.HttpJson.credentials;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.adapter.web.GatewaySettings;
import dev.inkan.adapter.web.ManagementListener;
import dev.inkan.bootstrap.ConfigException;
import dev.inkan.bootstrap.ConfigSource;
import dev.inkan.bootstrap.CryptoProvider;
import dev.inkan.bootstrap.PasswordHasherChoice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Start-up as an operator sees it: the generated key, and configuration errors that name their variable. */
class StartupTest {

    @TempDir
    Path dataDir;

    @Test
    void withoutAConfiguredKey_aKeyIsGeneratedOwnerOnly_andReusedOnTheNextStart() throws Exception {
        String access;
        try (InkanApplication first = InkanApplication.start(ConfigSource.of(env()))) {
            HttpJson http = new HttpJson(first.port());
            http.post("/auth/register", credentials("keeper@example.com", "correct horse battery"));
            access = body(http.post("/auth/login", credentials("keeper@example.com", "correct horse battery")))
                    .get("access_token").asText();
        }
        Path keyFile = dataDir.resolve("jwks.json");
        assertThat(keyFile).exists();
        assertThat(Files.getPosixFilePermissions(keyFile))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        String keyFileBefore = Files.readString(keyFile);

        try (InkanApplication second = InkanApplication.start(ConfigSource.of(env()))) {
            assertThat(new HttpJson(second.port()).get("/me", access).statusCode())
                    .as("a token from before the restart still verifies").isEqualTo(200);
        }
        assertThat(Files.readString(keyFile)).isEqualTo(keyFileBefore);
    }

    @Test
    void strongerArgon2Settings_rehashTheStoredPassword_atTheNextLogin() throws Exception {
        Map<String, String> env = env();
        env.put("INKAN_JWT_SECRET", TestTokens.b64(TestTokens.randomKey(32)));
        try (InkanApplication before = InkanApplication.start(ConfigSource.of(env))) {
            new HttpJson(before.port()).post("/auth/register", credentials("rehash@example.com", "correct horse battery"));
        }
        assertThat(storedHash("rehash@example.com")).contains("$m=19456,t=2,p=1$");

        env.put("INKAN_ARGON2_MEMORY_KIB", "24576");
        env.put("INKAN_ARGON2_ITERATIONS", "3");
        env.put("INKAN_PASSWORD_HASHER", "argon2-bc");
        try (InkanApplication after = InkanApplication.start(ConfigSource.of(env))) {
            assertThat(new HttpJson(after.port()).post("/auth/login", credentials("rehash@example.com", "correct horse battery"))
                    .statusCode()).as("the old hash still verifies, with the other hasher").isEqualTo(200);
        }
        assertThat(storedHash("rehash@example.com")).contains("$m=24576,t=3,p=1$");
    }

    private String storedHash(String email) throws Exception {
        try (var connection = java.sql.DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("inkan"));
             var query = connection.prepareStatement("select password_hash from users where email = ?")) {
            query.setString(1, email);
            try (var rows = query.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getString(1);
            }
        }
    }

    @Test
    void theDataFolder_isCreatedOwnerOnly() throws Exception {
        Path fresh = dataDir.resolve("fresh");
        Map<String, String> env = env();
        env.put("INKAN_DATA_DIR", fresh.toString());

        try (InkanApplication app = InkanApplication.start(ConfigSource.of(env))) {
            assertThat(Files.getPosixFilePermissions(fresh)).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
        }
    }

    @Test
    void aShortSecret_stopsStartUp_namingTheVariable_withoutEchoingTheSecret() {
        byte[] shortKey = new byte[16];
        new SecureRandom().nextBytes(shortKey);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(shortKey);
        Map<String, String> env = env();
        env.put("INKAN_JWT_SECRET", secret);

        assertThatThrownBy(() -> InkanApplication.start(ConfigSource.of(env)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("INKAN_JWT_SECRET")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret));
    }

    @Test
    void aSecretThatIsNotBase64Url_stopsStartUp_namingTheVariable() {
        Map<String, String> env = env();
        env.put("INKAN_JWT_SECRET", "this is not base64url at all, is it? no!");

        assertThatThrownBy(() -> InkanApplication.start(ConfigSource.of(env)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("INKAN_JWT_SECRET")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("this is not base64url"));
    }

    @ParameterizedTest
    @CsvSource({
        "INKAN_PORT, eighty",
        "INKAN_PORT, 70000",
        "INKAN_MANAGEMENT_PORT, 70000",
        "INKAN_MANAGEMENT_PORT, -1",
        "INKAN_MANAGEMENT_PORT, nine",
        "INKAN_MANAGEMENT_PORT, disabled",
        "INKAN_JWT_ALG, none",
        "INKAN_JWT_ALG, RS256",
        "INKAN_CRYPTO_PROVIDER, openssl",
        "INKAN_PASSWORD_HASHER, md5",
        "INKAN_ACCESS_TTL, 15 minutes",
        "INKAN_ACCESS_TTL, PT0S",
        "INKAN_REFRESH_TTL, -P1D",
        "INKAN_LEEWAY, PT1H",
        "INKAN_SESSION_MAX_LIFETIME, forever",
        "INKAN_FORWARDED_HEADER, x-real-ip",
        "INKAN_SUCCESSOR_SECRET, too-short",
        "INKAN_SUCCESSOR_SECRET, not+base64url/at=all",
        "INKAN_SESSION_MAX_LIFETIME, PT1M",
        "INKAN_ARGON2_MEMORY_KIB, 1024",
        "INKAN_ARGON2_ITERATIONS, 1",
        "INKAN_PASSWORD_HASH_CONCURRENCY, 0",
        "INKAN_PASSWORD_HASH_QUEUE, -1",
        "INKAN_PASSWORD_HASH_QUEUE, unbounded",
        "INKAN_DB_URL, jdbc:mysql://localhost/inkan",
        "INKAN_DB_POOL_SIZE, 0",
        "INKAN_TOKEN_TRANSPORT, smoke-signals",
        "INKAN_CORS_ORIGINS, *",
        "INKAN_RATE_LIMIT_ENABLED, maybe",
        "INKAN_RATE_LIMIT_WINDOW, PT0S",
        "INKAN_RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT, 0",
        "INKAN_RATE_LIMIT_REGISTRATIONS_PER_ADDRESS, 0",
        "INKAN_RATE_LIMIT_REGISTRATIONS_PER_ADDRESS, ten",
        "INKAN_TRUSTED_PROXIES, proxy.internal",
        "INKAN_TRUSTED_PROXIES, 10.0.0.0/33",
        "INKAN_TRUSTED_PROXIES, '10.0.0.0/8, 192.168.1.10/16'",
        "INKAN_FORWARD_AUTH_RULES, /admin/",
        "INKAN_FORWARD_AUTH_RULES, /admin/=root",
        "INKAN_FORWARD_AUTH_RULES, '/a/=anyone,/a=authenticated'",
        "INKAN_FORWARD_AUTH_DEFAULT, nobody",
        "INKAN_FORWARD_AUTH_HEADERS, roles=Authorization",
        "INKAN_FORWARD_AUTH_HEADERS, user=X-User",
        "INKAN_REDIRECT_ORIGINS, https://app.example/",
        "INKAN_REDIRECT_ORIGINS, '*'",
        "INKAN_LOGIN_URL, /login",
        "INKAN_LOGIN_URL, https://auth.example/#login",
        "INKAN_COOKIE_DOMAIN, .example.com",
        "INKAN_COOKIE_DOMAIN, 10.0.0.1",
        "INKAN_SMTP_HOST, mail.example.com",
        "INKAN_SMTP_PORT, 587",
        "INKAN_SMTP_TLS, none",
        "INKAN_SMTP_USERNAME, inkan",
        "INKAN_PUBLIC_URL, auth.example.com",
        "INKAN_PUBLIC_URL, https://auth.example.com/?next=/",
        "INKAN_MAIL_FROM, nobody",
        "INKAN_MAIL_PER_RECIPIENT_PER_HOUR, 0",
        "INKAN_REVOCATION_FEED_TOKENS, too-short-a-feed-token",
        "INKAN_REVOCATION_FEED_HEARTBEAT, PT1M",
        "INKAN_REVOCATION_FEED_MAX_STREAMS, 0"
    })
    void aBadValue_stopsStartUp_withAMessageNamingTheVariable(String variable, String value) {
        Map<String, String> env = env();
        env.put(variable, value);

        assertThatThrownBy(() -> InkanSettings.from(ConfigSource.of(env)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(variable);
    }

    @Test
    void withoutSmtp_everyStartWarns_thatMailIsWrittenToTheOutbox_whichIsOwnerOnly() throws Exception {
        Path outbox = dataDir.resolve("outbox");
        for (int start = 1; start <= 2; start++) {
            try (StartupLog log = new StartupLog(); InkanApplication app = InkanApplication.start(ConfigSource.of(env()))) {
                assertThat(app.port()).isPositive();
                assertThat(log.warnings()).as("start " + start)
                        .anyMatch(line -> line.contains("Mail is not being delivered") && line.contains(outbox.toString()));
            }
        }
        assertThat(Files.getPosixFilePermissions(outbox)).containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
    }

    @Test
    void smtpWithoutAPublicUrl_stopsStartUp_namingIt() {
        Map<String, String> env = env();
        env.put("INKAN_SMTP_HOST", "mail.example.com");
        env.put("INKAN_MAIL_FROM", "no-reply@example.com");

        assertThatThrownBy(() -> InkanApplication.start(ConfigSource.of(env))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("INKAN_PUBLIC_URL");
    }

    @Test
    void plainSmtpToARemoteHost_stopsStartUp_namingInkanSmtpTls() {
        Map<String, String> env = env();
        env.put("INKAN_SMTP_HOST", "mail.example.com");
        env.put("INKAN_SMTP_TLS", "none");
        env.put("INKAN_MAIL_FROM", "no-reply@example.com");
        env.put("INKAN_PUBLIC_URL", "https://auth.example.com");

        assertThatThrownBy(() -> InkanApplication.start(ConfigSource.of(env))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("INKAN_SMTP_TLS");
    }

    @Test
    void withSmtp_theServerSaysWhereMailGoes_andWarnsOfNoOutbox() throws Exception {
        Map<String, String> env = env();
        env.put("INKAN_SMTP_HOST", "127.0.0.1");
        env.put("INKAN_SMTP_PORT", "2525");
        env.put("INKAN_SMTP_TLS", "none");
        env.put("INKAN_MAIL_FROM", "no-reply@example.com");
        env.put("INKAN_PUBLIC_URL", "https://auth.example.com");

        try (StartupLog log = new StartupLog(); InkanApplication app = InkanApplication.start(ConfigSource.of(env))) {
            assertThat(app.port()).isPositive();
            assertThat(log.lines()).anyMatch(line -> line.contains("Inkan mail goes to the SMTP server 127.0.0.1:2525 (none)"));
            assertThat(log.warnings()).noneMatch(line -> line.contains("Mail is not being delivered"));
        }
        assertThat(dataDir.resolve("outbox")).doesNotExist();
    }

    @Test
    void thePasswordHashQueue_defaultsToEightPerHashingThread_andMayBeZero() {
        assertThat(InkanSettings.from(ConfigSource.of(Map.of("INKAN_PASSWORD_HASH_CONCURRENCY", "3"))).library().crypto().hashQueue())
                .isEqualTo(24);
        assertThat(InkanSettings.from(ConfigSource.of(Map.of("INKAN_PASSWORD_HASH_QUEUE", "0"))).library().crypto().hashQueue())
                .isZero();
    }

    @Test
    void trustedProxies_areNoneByDefault_andReadAsACommaSeparatedCidrList() {
        assertThat(InkanSettings.from(ConfigSource.of(Map.of())).web().trustedProxies().isEmpty()).isTrue();
        assertThat(InkanSettings.from(ConfigSource.of(Map.of("INKAN_TRUSTED_PROXIES", "10.0.0.0/8, fd00::/8"))).web()
                .trustedProxies()).hasToString("10.0.0.0/8,fd00:0:0:0:0:0:0:0/8");
    }

    @Test
    void theGatewaySettings_areReadTyped_andTheLoginPageDefaultsToThePublicUrls() {
        GatewaySettings none = InkanSettings.from(ConfigSource.of(Map.of())).web().gateway();
        assertThat(none).isEqualTo(GatewaySettings.defaults());
        assertThat(none.loginUrl()).as("no public URL, no redirect").isEmpty();

        GatewaySettings set = InkanSettings.from(ConfigSource.of(Map.of(
                "INKAN_FORWARD_AUTH_RULES", "/admin/=role:admin, /public/=anyone",
                "INKAN_FORWARD_AUTH_DEFAULT", "anyone",
                "INKAN_FORWARD_AUTH_HEADERS", "user-id=Remote-User,roles=Remote-Groups",
                "INKAN_REDIRECT_ORIGINS", "https://app.example.com, https://wiki.example.com",
                "INKAN_PUBLIC_URL", "https://auth.example.com",
                "INKAN_COOKIE_DOMAIN", "example.com"))).web().gateway();
        assertThat(set.rules()).hasToString("/admin/=role:admin,/public/=anyone (default anyone)");
        assertThat(set.headers()).hasToString("user-id=Remote-User,roles=Remote-Groups");
        assertThat(set.redirectOrigins()).containsExactly("https://app.example.com", "https://wiki.example.com");
        assertThat(set.loginUrl()).hasValue(java.net.URI.create("https://auth.example.com/"));
        assertThat(set.cookieDomain()).hasValue("example.com");
        assertThat(InkanSettings.from(ConfigSource.of(Map.of("INKAN_PUBLIC_URL", "https://auth.example.com/",
                "INKAN_LOGIN_URL", "https://sso.example.com/login?app=1"))).web().gateway().loginUrl())
                .hasValue(java.net.URI.create("https://sso.example.com/login?app=1"));
    }

    @Test
    void defaults_areThoseOfTheDesign() {
        InkanSettings settings = InkanSettings.from(ConfigSource.of(Map.of()));

        assertThat(settings.server().port()).isEqualTo(8080);
        assertThat(settings.server().management()).hasValue(new ManagementListener("127.0.0.1", 9090));
        assertThat(settings.library().tokens().algorithm().jwsName()).isEqualTo("HS256");
        assertThat(settings.library().tokens().policy().accessTtl()).hasMinutes(15);
        assertThat(settings.library().tokens().policy().refreshTtl()).hasDays(7);
        assertThat(settings.library().tokens().rules().leeway()).hasSeconds(30);
        assertThat(settings.library().tokens().policy().sessionMaxLifetime()).hasDays(30);
        assertThat(settings.library().crypto().provider()).isEqualTo(CryptoProvider.JCA);
        assertThat(settings.library().crypto().hasher()).isEqualTo(PasswordHasherChoice.ARGON2_NATIVE);
        assertThat(settings.library().crypto().hashConcurrency()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(settings.library().crypto().hashQueue()).isEqualTo(8 * Runtime.getRuntime().availableProcessors());
        assertThat(settings.database().jdbcUrl()).startsWith("jdbc:h2:file:").contains("data");
        assertThat(settings.web().rateLimits().registrationsPerAddress()).isEqualTo(10);
    }

    @Test
    void aPropertiesFile_isRead_andTheEnvironmentWins() throws Exception {
        Path file = dataDir.resolve("inkan.properties");
        Files.writeString(file, "INKAN_PORT=9999\nINKAN_ISSUER=from-file\n");

        InkanSettings settings = InkanSettings.from(ConfigSource.of(Map.of(
                "INKAN_CONFIG_FILE", file.toString(), "INKAN_PORT", "7777")));

        assertThat(settings.server().port()).isEqualTo(7777);
        assertThat(settings.library().tokens().rules().issuer()).isEqualTo("from-file");
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("INKAN_HOST", "127.0.0.1");
        env.put("INKAN_PORT", "0");
        env.put("INKAN_MANAGEMENT_PORT", "0");
        env.put("INKAN_DATA_DIR", dataDir.toString());
        return env;
    }
}
