package dev.inkan.adapter.persistence;

import static dev.inkan.adapter.persistence.Eventually.eventually;
import static dev.inkan.adapter.persistence.TestData.ACCESS_TTL;
import static dev.inkan.adapter.persistence.TestData.LEEWAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.application.port.out.SigningKeyChange;
import dev.inkan.domain.Revocation;
import dev.inkan.domain.Revocation.KeyRetired;
import dev.inkan.token.JwsAlgorithm;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link SigningKeyStoreContract} on PostgreSQL, in a schema of its own; and what only PostgreSQL
 * does: another instance on the schema hears each change within a second, and a change in another
 * schema of the same database (another Inkan) is not taken for one of its own.
 */
class PostgresSigningKeyStoreTest extends SigningKeyStoreContract {

    @Override
    TestDatabase openTestDatabase() {
        return TestDatabase.postgres();
    }

    @Test
    void aChangeOnOneInstance_isHeardOnAnother_withinASecond_withTheRetiredKeysRevocation() throws Exception {
        store.addFirst(List.of(key("a", JwsAlgorithm.HS256, Optional.empty())));
        try (JdbiDatabase other = JdbiDatabase.start(testDatabase().settings())) {
            JdbiRevocationFeed otherFeed = other.revocationFeed(ACCESS_TTL, LEEWAY, Clock.systemUTC());
            JdbiSigningKeyStore otherStore = other.signingKeyStore(ACCESS_TTL, LEEWAY, Clock.systemUTC());
            AtomicInteger told = new AtomicInteger();
            List<Revocation> heard = new CopyOnWriteArrayList<>();
            otherStore.onChange(told::incrementAndGet);
            otherFeed.subscribe(heard::add);
            assertThat(otherFeed.awaitListening(Duration.ofSeconds(10))).isTrue();
            int before = told.get();
            KeyRetired retired = new KeyRetired("a", Instant.now().plus(ACCESS_TTL).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));

            store.change(held -> new SigningKeyChange(List.of(key("b", JwsAlgorithm.EdDSA, Optional.empty())), List.of(),
                    Optional.of(retired)));

            eventually(Duration.ofSeconds(1), () -> {
                assertThat(told.get()).isGreaterThan(before);
                assertThat(heard).contains(retired);
            });
            assertThat(otherStore.keys()).extracting(key -> key.keyId()).containsExactly("a", "b");
        }
    }

    @Test
    void theSignalOfAnotherSchemasKeys_isNotTakenForThisOnes() throws Exception {
        try (JdbiDatabase other = JdbiDatabase.start(testDatabase().settings())) {
            JdbiRevocationFeed otherFeed = other.revocationFeed(ACCESS_TTL, LEEWAY, Clock.systemUTC());
            AtomicInteger told = new AtomicInteger();
            other.signingKeyStore(ACCESS_TTL, LEEWAY, Clock.systemUTC()).onChange(told::incrementAndGet);
            assertThat(otherFeed.awaitListening(Duration.ofSeconds(10))).isTrue();
            int before = told.get();
            String schema = jdbi().withHandle(handle -> handle.createQuery("SELECT current_schema()").mapTo(String.class).one());

            try (Connection connection = DriverManager.getConnection(testDatabase().settings().jdbcUrl(),
                    testDatabase().settings().user(), testDatabase().settings().password());
                 Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_notify('inkan_revocations', 'KEYS|not_" + schema + "')");
                statement.execute("SELECT pg_notify('inkan_revocations', 'KEYS|" + schema + "')");
            }

            eventually(Duration.ofSeconds(1), () -> assertThat(told.get()).isEqualTo(before + 1));
        }
    }
}
