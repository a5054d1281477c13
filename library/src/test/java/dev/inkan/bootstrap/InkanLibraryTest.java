package dev.inkan.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.adapter.persistence.DatabaseSettings;
import dev.inkan.adapter.persistence.JdbiDatabase;
import dev.inkan.adapter.persistence.JdbiRevocationFeed;
import dev.inkan.adapter.persistence.JdbiSessionStore;
import dev.inkan.application.port.in.IssuedTokens;
import dev.inkan.application.port.in.LoginCommand;
import dev.inkan.application.port.in.RegisterCommand;
import dev.inkan.application.port.out.KeyRing;
import dev.inkan.application.port.out.OneTimeTokenStore;
import dev.inkan.application.port.out.UserRepository;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.Email;
import dev.inkan.domain.EmailAlreadyRegisteredException;
import dev.inkan.domain.InvalidTokenException;
import dev.inkan.domain.PasswordHash;
import dev.inkan.domain.Role;
import dev.inkan.domain.SecurityEvent;
import dev.inkan.domain.User;
import dev.inkan.domain.OneTimeToken;
import dev.inkan.domain.OneTimeTokenHash;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.UserId;
import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.SigningKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Inkan as a library: the builder, configuration maps, and driven ports of the embedder's own. */
class InkanLibraryTest {

    @Test
    void theSameFlow_withBouncyCastle_thenWithJca_changingOnlyConfiguration() {
        String secret = TestKeys.b64(TestKeys.randomKey(32));
        for (String provider : List.of("bouncycastle", "jca")) {
            try (Inkan inkan = Inkan.builder()
                    .configuration(Map.of("INKAN_DB_URL", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                            "INKAN_JWT_SECRET", secret, "INKAN_CRYPTO_PROVIDER", provider))
                    .build()) {
                inkan.register().register(RegisterCommand.of("ann@example.com", "correct horse battery"));
                IssuedTokens tokens = inkan.login().login(LoginCommand.of("ann@example.com", "correct horse battery"));

                AccessTokenClaims claims = inkan.verify().verify(tokens.accessToken());

                assertThat(claims.subject()).isEqualTo(tokens.claims().subject());
                assertThat(inkan.profile().profile(claims.subject()).email().value()).isEqualTo("ann@example.com");
            }
        }
    }

    @Test
    void keysFromASecretManager_signAndVerify_underTheirOwnKid() {
        byte[] fromVault = TestKeys.randomKey(32);
        KeyRing vault = () -> List.of(new SigningKey("vault-2026-11", JwsAlgorithm.HS256, fromVault));
        try (Inkan inkan = Inkan.builder().jdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", "")
                .keyRing(vault).build()) {
            inkan.register().register(RegisterCommand.of("ann@example.com", "correct horse battery"));
            String token = inkan.login().login(LoginCommand.of("ann@example.com", "correct horse battery")).accessToken();

            assertThat(new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[0]))).contains("\"kid\":\"vault-2026-11\"");
            assertThat(inkan.verify().verify(token)).isNotNull();
        }
    }

    @Test
    void theEmbeddersOwnUserTable_isUsed_insteadOfInkans() {
        InMemoryUsers users = new InMemoryUsers();
        try (Inkan inkan = Inkan.builder().jdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", "")
                .secret(TestKeys.randomKey(32)).userRepository(users).oneTimeTokenStore(new NoOneTimeTokens()).build()) {
            inkan.register().register(RegisterCommand.of("ann@example.com", "correct horse battery"));

            assertThat(users.byEmail).containsKey("ann@example.com");
            assertThatThrownBy(() -> inkan.register().register(RegisterCommand.of("ANN@example.com", "correct horse battery")))
                    .isInstanceOf(EmailAlreadyRegisteredException.class);
            assertThat(inkan.login().login(LoginCommand.of("ann@example.com", "correct horse battery")).accessToken()).isNotBlank();
        }
    }

    @Test
    void theEmbeddersOwnUserTable_withoutAOneTimeTokenStore_isRefusedByBuild_namingIt() {
        assertThatThrownBy(() -> Inkan.builder().jdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", "")
                .secret(TestKeys.randomKey(32)).userRepository(new InMemoryUsers()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("oneTimeTokenStore(");
    }

    @Test
    void withoutKeys_orWithoutADatabase_buildSaysWhatIsMissing() {
        assertThatThrownBy(() -> Inkan.builder().jdbcUrl("jdbc:h2:mem:x", "", "").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("keys");
        assertThatThrownBy(() -> Inkan.builder().secret(TestKeys.randomKey(32)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("database");
        assertThatThrownBy(() -> Inkan.builder().configuration(Map.of("INKAN_CRYPTO_PROVIDER", "openssl")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("INKAN_CRYPTO_PROVIDER");
    }

    @Test
    void explicitChoices_winOverTheConfiguration_whicheverComesFirst() {
        CountingHasher before = new CountingHasher();
        CountingHasher after = new CountingHasher();
        try (Inkan hasherFirst = Inkan.builder().passwordHasher(before).issuer("explicit").configuration(config()).build();
             Inkan hasherLast = Inkan.builder().configuration(config()).issuer("explicit").passwordHasher(after).build()) {
            for (Inkan inkan : List.of(hasherFirst, hasherLast)) {
                inkan.register().register(RegisterCommand.of("ann@example.com", "correct horse battery"));
                IssuedTokens tokens = inkan.login().login(LoginCommand.of("ann@example.com", "correct horse battery"));
                assertThat(inkan.verify().verify(tokens.accessToken()).issuer()).isEqualTo("explicit");
            }
            assertThat(before.hashes).as("the hasher chosen before configuration(…)").isEqualTo(1);
            assertThat(after.hashes).as("the hasher chosen after configuration(…)").isEqualTo(1);
        }
    }

    private static Map<String, String> config() {
        return Map.of("INKAN_DB_URL", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "INKAN_JWT_SECRET", TestKeys.b64(TestKeys.randomKey(32)), "INKAN_ISSUER", "from-config");
    }

    @Test
    void aJwkSet_isReadWithTheFinalAlgorithm_whicheverComesFirst() {
        String jwks = "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"k1\",\"k\":\"" + TestKeys.b64(TestKeys.randomKey(32)) + "\"}]}";
        String database = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

        for (InkanBuilder builder : List.of(
                Inkan.builder().jdbcUrl(database, "", "").jwkSet(jwks).algorithm(JwsAlgorithm.HS512),
                Inkan.builder().jdbcUrl(database, "", "").algorithm(JwsAlgorithm.HS512).jwkSet(jwks))) {
            assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("jwkSet(…)").hasMessageContaining("k1").hasMessageContaining("HS512");
        }
    }

    @Test
    void aKeyThatIsTooShort_isReported_underTheNameItWasGivenBy() {
        String database = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        assertThatThrownBy(() -> Inkan.builder().jdbcUrl(database, "", "").secret(TestKeys.randomKey(16)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secret(…)").hasMessageContaining("16 bytes");
        assertThatThrownBy(() -> Inkan.builder().jdbcUrl(database, "", "")
                .configuration(Map.of("INKAN_JWT_SECRET", TestKeys.b64(TestKeys.randomKey(16)))).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("INKAN_JWT_SECRET");
        assertThatThrownBy(() -> Inkan.builder().jdbcUrl(database, "", "").secret(TestKeys.randomKey(32))
                .accessTtl(java.time.Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("access lifetime");
    }

    @Test
    void aSecretThatIsPaddedOrNotBase64Url_isRefused_namingTheVariable_withoutShowingIt() {
        String padded = java.util.Base64.getUrlEncoder().encodeToString(TestKeys.randomKey(32));
        String standard = java.util.Base64.getEncoder().withoutPadding().encodeToString(TestKeys.randomKey(60)) + "+/";

        for (String secret : List.of(padded, standard)) {
            assertThatThrownBy(() -> Inkan.builder().configuration(Map.of("INKAN_JWT_SECRET", secret)))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("INKAN_JWT_SECRET")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret));
        }
    }

    @Test
    void keysTheTokenFormatRefuses_areReported_underTheNameTheyWereGivenBy_neverShowingThem() {
        String database = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        String key = TestKeys.b64(TestKeys.randomKey(32));
        String twice = "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"a\",\"k\":\"" + key + "\"},"
                + "{\"kty\":\"oct\",\"kid\":\"a\",\"k\":\"" + key + "\"}]}";
        SigningKey vaultKey = new SigningKey("v1", JwsAlgorithm.HS256, TestKeys.randomKey(32));

        assertThatThrownBy(() -> Inkan.builder().jdbcUrl(database, "", "").jwkSet(twice).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jwkSet(…)").hasMessageContaining("'a'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(key));
        assertThatThrownBy(() -> Inkan.builder().jdbcUrl(database, "", "").jwkSet("{\"keys\":[]}").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jwkSet(…)");
        assertThatThrownBy(() -> Inkan.builder().jdbcUrl(database, "", "").keyRing(() -> List.of(vaultKey, vaultKey)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keyRing(…)").hasMessageContaining("v1");
    }

    /** A password hasher of the embedder's own that counts its hashes (and hashes nothing, for speed). */
    static final class CountingHasher implements dev.inkan.application.port.out.PasswordHasher {
        int hashes;

        @Override
        public PasswordHash hash(dev.inkan.domain.Password password) {
            hashes++;
            return new PasswordHash("$plain$" + password.value().hashCode());
        }

        @Override
        public boolean verify(PasswordHash hash, dev.inkan.domain.Password password) {
            return hash.value().equals("$plain$" + password.value().hashCode());
        }

        @Override
        public boolean needsRehash(PasswordHash hash) {
            return false;
        }
    }

    /** Inkan's users with the application's own session store and revocation feed: what the user store takes away still counts. */
    @Test
    void inkansUsers_withTheApplicationsOwnFeed_aRemovedRoleIsRefusedAtOnce() {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (JdbiDatabase applications = JdbiDatabase.start(new DatabaseSettings(url, "", "", 4))) {
            JdbiRevocationFeed ownFeed = applications.revocationFeed(Duration.ofMinutes(15), Duration.ofSeconds(30), Clock.systemUTC());
            try (Inkan inkan = Inkan.builder().jdbcUrl(url, "", "").secret(TestKeys.randomKey(32))
                    .sessionStore(new JdbiSessionStore(applications.jdbi(), ownFeed, applications.securityEventLog()))
                    .revocationFeed(ownFeed).build()) {
                UserId ann = inkan.register().register(RegisterCommand.of("ann@example.com", "correct horse battery")).id();
                inkan.admin().grant(ann, Role.ADMIN);
                String withAdmin = inkan.login().login(LoginCommand.of("ann@example.com", "correct horse battery")).accessToken();

                assertThat(inkan.admin().revoke(ann, Role.ADMIN)).isTrue();

                assertThatThrownBy(() -> inkan.verify().verify(withAdmin)).isInstanceOf(InvalidTokenException.class);
            }
        }
    }

    /** A user table of the embedder's own, in memory. */
    static final class InMemoryUsers implements UserRepository {
        final Map<String, User> byEmail = new ConcurrentHashMap<>();

        @Override
        public void add(User user) {
            if (byEmail.putIfAbsent(user.email().value(), user) != null) {
                throw new EmailAlreadyRegisteredException();
            }
        }

        @Override
        public Optional<User> findByEmail(Email email) {
            return Optional.ofNullable(byEmail.get(email.value()));
        }

        @Override
        public Optional<User> findById(UserId id) {
            return byEmail.values().stream().filter(user -> user.id().equals(id)).findFirst();
        }

        @Override
        public void updatePasswordHash(UserId id, PasswordHash hash) {
            findById(id).ifPresent(user -> byEmail.put(user.email().value(), user.withPasswordHash(hash)));
        }

        @Override
        public List<User> list(String emailPrefix, Optional<Email> afterEmail, int limit) {
            return byEmail.values().stream()
                    .filter(user -> user.email().value().startsWith(emailPrefix))
                    .filter(user -> afterEmail.map(after -> user.email().value().compareTo(after.value()) > 0).orElse(true))
                    .sorted(java.util.Comparator.comparing(user -> user.email().value()))
                    .limit(limit)
                    .toList();
        }

        // What an administrator does is not what these tests are about: an embedder's own table that
        // offers it records the revocations its changes need, and their security events, as Inkan's own does.
        @Override
        public boolean grantRole(UserId id, Role role, SecurityEvent event) {
            throw new UnsupportedOperationException("not administered in this test");
        }

        @Override
        public boolean revokeRole(UserId id, Role role, Instant now, SecurityEvent event) {
            throw new UnsupportedOperationException("not administered in this test");
        }

        @Override
        public boolean disable(UserId id, Instant now, SecurityEvent event) {
            throw new UnsupportedOperationException("not administered in this test");
        }

        @Override
        public boolean enable(UserId id, SecurityEvent event) {
            throw new UnsupportedOperationException("not administered in this test");
        }

        @Override
        public boolean delete(UserId id, Instant now, SecurityEvent event) {
            throw new UnsupportedOperationException("not administered in this test");
        }

        @Override
        public List<SessionId> changePassword(UserId id, PasswordHash hash, SessionId keep, Instant now, SecurityEvent event) {
            throw new UnsupportedOperationException("no account flows in this test");
        }
    }

    /** A one-time token store that keeps nothing: the links it is given never work. */
    static final class NoOneTimeTokens implements OneTimeTokenStore {

        @Override
        public boolean issue(OneTimeToken token, Optional<SecurityEvent> event) {
            return true;
        }

        @Override
        public Optional<UserAccountChange> resetPassword(OneTimeTokenHash hash, PasswordHash newHash, Instant now, Events events) {
            return Optional.empty();
        }

        @Override
        public Optional<UserAccountChange> confirmEmail(OneTimeTokenHash hash, Instant now, Events events) {
            return Optional.empty();
        }
    }
}
