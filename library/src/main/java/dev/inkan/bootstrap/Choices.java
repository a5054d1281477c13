package dev.inkan.bootstrap;

import dev.inkan.adapter.crypto.Argon2Parameters;
import dev.inkan.adapter.persistence.DatabaseSettings;
import dev.inkan.application.port.out.CustomClaims;
import dev.inkan.application.port.out.MacAlgorithm;
import dev.inkan.application.port.out.MailSender;
import dev.inkan.application.port.out.OneTimeTokenStore;
import dev.inkan.application.port.out.PasswordHasher;
import dev.inkan.application.port.out.RevocationFeed;
import dev.inkan.application.port.out.SecurityEventLog;
import dev.inkan.application.port.out.SessionStore;
import dev.inkan.application.port.out.UserRepository;
import dev.inkan.domain.TokenPolicy;
import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.TokenRules;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;

/** What an {@link InkanBuilder} resolved: one value for every choice, before anything is made of them. */
record Choices(
        Optional<KeySource> keys,
        JwsAlgorithm algorithm,
        Optional<MacAlgorithm> macAlgorithm,
        CryptoProvider cryptoProvider,
        Optional<PasswordHasher> passwordHasher,
        PasswordHasherChoice passwordHasherChoice,
        Argon2Parameters argon2,
        int hashConcurrency,
        int hashQueue,
        TokenRules rules,
        TokenPolicy policy,
        Duration refreshReuseGrace,
        Optional<byte[]> successorSecret,
        Optional<DatabaseSettings> database,
        Optional<DataSource> dataSource,
        Clock clock,
        Optional<UserRepository> users,
        Optional<SessionStore> sessions,
        Optional<RevocationFeed> revocationFeed,
        Optional<SecurityEventLog> securityEventLog,
        Duration eventRetention,
        CustomClaims customClaims,
        Optional<MailSender> mailSender,
        Optional<Path> mailOutbox,
        MailConfiguration mail,
        Optional<OneTimeTokenStore> oneTimeTokens,
        AccountSettings accounts,
        KeyStoreSettings keyStore) {

    /** @return whether any store is Inkan's own, or the successor secret or the signing keys must come from the database */
    boolean needsDatabase() {
        return users.isEmpty() || sessions.isEmpty() || securityEventLog.isEmpty() || successorSecret.isEmpty()
                || keyStore.inDatabase();
    }
}
