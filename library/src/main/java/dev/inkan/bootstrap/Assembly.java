package dev.inkan.bootstrap;

import dev.inkan.adapter.crypto.BouncyCastleArgon2PasswordHasher;
import dev.inkan.adapter.crypto.ConcurrencyLimitedPasswordHasher;
import dev.inkan.adapter.crypto.JcaMacAlgorithm;
import dev.inkan.adapter.crypto.SecureRandomSource;
import dev.inkan.adapter.crypto.Sha256TokenHasher;
import dev.inkan.adapter.mail.MailSettings;
import dev.inkan.adapter.mail.QueuedMailSender;
import dev.inkan.adapter.crypto.ZxcvbnCommonPasswords;
import dev.inkan.adapter.persistence.JdbiDatabase;
import dev.inkan.adapter.persistence.JdbiOneTimeTokenStore;
import dev.inkan.adapter.persistence.JdbiRevocationFeed;
import dev.inkan.adapter.persistence.JdbiSecurityEventLog;
import dev.inkan.adapter.persistence.JdbiSessionStore;
import dev.inkan.adapter.persistence.JdbiUserRepository;
import dev.inkan.application.port.out.MailSender;
import dev.inkan.application.port.out.OneTimeTokenStore;
import dev.inkan.application.port.out.PasswordHasher;
import dev.inkan.application.port.out.RandomSource;
import dev.inkan.application.port.out.RevocationFeed;
import dev.inkan.application.port.out.SecurityEventLog;
import dev.inkan.application.port.out.SessionStore;
import dev.inkan.application.port.out.UserRepository;
import dev.inkan.application.service.AdministerUsersService;
import dev.inkan.application.service.CountSecurityEventsService;
import dev.inkan.application.service.ChangeEmailService;
import dev.inkan.application.service.ChangePasswordService;
import dev.inkan.application.service.DeleteAccountService;
import dev.inkan.application.service.EndSessionService;
import dev.inkan.application.service.GetUserProfileService;
import dev.inkan.application.service.IssueGatewayTokenService;
import dev.inkan.application.service.ListSecurityEventsService;
import dev.inkan.application.service.ListSessionsService;
import dev.inkan.application.service.LoginService;
import dev.inkan.application.service.LogoutEverywhereService;
import dev.inkan.application.service.LogoutService;
import dev.inkan.application.service.NewPasswords;
import dev.inkan.application.service.RefreshTokensService;
import dev.inkan.application.service.RegisterUserService;
import dev.inkan.application.service.RequestPasswordResetService;
import dev.inkan.application.service.ResendVerificationService;
import dev.inkan.application.service.ResetPasswordService;
import dev.inkan.application.service.StreamRevocationsService;
import dev.inkan.application.service.VerifyAccessTokenService;
import dev.inkan.application.service.VerifyEmailService;
import dev.inkan.application.tokens.AccessTokens;
import dev.inkan.application.tokens.LinkTokens;
import dev.inkan.application.tokens.SuccessorTokens;
import dev.inkan.application.tokens.TokenIssuer;
import dev.inkan.domain.RevocationRegistry;
import dev.inkan.domain.TokenPolicy;
import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.SigningKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Makes an {@link Inkan} of resolved {@link Choices}: the adapters, the services, and the housekeeping. */
final class Assembly {

    private static final Logger LOG = LoggerFactory.getLogger(Assembly.class);
    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(10);
    /** The name of the secret the refresh successors are derived from, in the database. */
    private static final String SUCCESSOR_SECRET = "refresh-successor";

    private Assembly() {
    }

    static Inkan assemble(Choices choices) {
        // Keys of the files are read first, so that a problem with them is told before the database is opened.
        Optional<SigningKeys> fixedKeys = choices.keyStore().inDatabase() ? Optional.empty()
                : Optional.of(SigningKeys.fixed(choices));
        if (choices.sessions().isPresent() != choices.revocationFeed().isPresent()) {
            throw new IllegalStateException("a session store of your own records the revocations of the sessions it ends,"
                    + " so it comes with a revocation feed of your own: give sessionStore(…) and revocationFeed(…), or neither");
        }
        if (choices.securityEventLog().isPresent() && (choices.users().isEmpty() || choices.sessions().isEmpty())) {
            throw new IllegalStateException("Inkan's own stores record their security events in Inkan's log, so a security event"
                    + " log of your own comes with stores of your own: give securityEventLog(…) with userRepository(…) and"
                    + " sessionStore(…), or leave it out");
        }
        if (choices.users().isPresent() != choices.oneTimeTokens().isPresent()) {
            throw new IllegalStateException("the one-time tokens of password resets and address verifications act on the users"
                    + " they belong to, so a user store of your own comes with a one-time token store of your own:"
                    + " give userRepository(…) and oneTimeTokenStore(…), or neither");
        }
        if (choices.needsDatabase() && choices.database().isEmpty() && choices.dataSource().isEmpty()) {
            throw new IllegalStateException("no database: call jdbcUrl(…), dataSource(…) or configuration(…) with INKAN_DB_URL,"
                    + " or give every store of your own (the security event log among them) and a successorSecret(…)");
        }
        PasswordHasher hasher = choices.passwordHasher().orElseGet(() -> hasherOf(choices));
        var hashing = new ConcurrencyLimitedPasswordHasher(hasher, choices.hashConcurrency(), choices.hashQueue());
        Optional<QueuedMailSender> ownMail = Optional.empty();
        Optional<JdbiDatabase> database = Optional.empty();
        Optional<SigningKeys> keys = fixedKeys;
        try {
            ownMail = ownMail(choices);
            database = choices.needsDatabase() ? Optional.of(start(choices)) : Optional.empty();
            if (keys.isEmpty()) {
                keys = Optional.of(SigningKeys.stored(choices, database.orElseThrow()));
            }
            MailSender mail = choices.mailSender().isPresent() ? choices.mailSender().get()
                    : ownMail.isPresent() ? ownMail.get() : new UnconfiguredMail();
            return wire(choices, keys.get(), hashing, database, mail, ownMail);
        } catch (RuntimeException | Error e) {
            ownMail.ifPresent(QueuedMailSender::close);
            hashing.close();
            keys.ifPresent(SigningKeys::close);
            database.ifPresent(JdbiDatabase::close);
            throw e;
        }
    }

    /**
     * Inkan's own mail sender, unless the application gave one: into the outbox folder of
     * {@code mailOutbox(…)}, else to the SMTP server of {@code INKAN_SMTP_HOST}, else none.
     *
     * @throws IllegalStateException when the outbox has no public URL for its links
     * @throws IllegalArgumentException when the outbox folder cannot be made
     */
    private static Optional<QueuedMailSender> ownMail(Choices choices) {
        if (choices.mailSender().isPresent()) {
            return Optional.empty();
        }
        MailConfiguration mail = choices.mail();
        if (choices.mailOutbox().isPresent()) {
            MailSettings settings = new MailSettings(mail.from().orElse(MailSettings.LOCAL_FROM),
                    mail.publicUrl().orElseThrow(() -> new IllegalStateException("mailOutbox(…) needs publicUrl(…) or "
                            + MailConfiguration.PUBLIC_URL + ": every link in a message starts with it")),
                    mail.perRecipientPerHour());
            try {
                return Optional.of(QueuedMailSender.outbox(choices.mailOutbox().get(), settings, choices.clock()));
            } catch (java.io.UncheckedIOException e) {
                throw new IllegalArgumentException("mailOutbox(…): " + e.getMessage() + " ("
                        + e.getCause().getClass().getSimpleName() + ")", e);
            }
        }
        return mail.smtp().map(smtp -> QueuedMailSender.smtp(smtp,
                new MailSettings(mail.from().orElseThrow(), mail.publicUrl().orElseThrow(), mail.perRecipientPerHour()),
                choices.clock()));
    }

    /** @throws IllegalArgumentException when {@code secret} is too short to derive successors with HS256 */
    static SigningKey successorKey(byte[] secret) {
        return new SigningKey(SUCCESSOR_SECRET, JwsAlgorithm.HS256, secret);
    }

    /**
     * @param keys the key ring's access tokens and public keys, and their administration when the keys are in the database
     * @param mail the mail sender the account flows' services send through (the application's own,
     *     Inkan's queue to SMTP or the outbox, or one that drops every message with a warning)
     * @param ownMail Inkan's own mail sender, if {@code mail} is it, which {@link Inkan#close()} stops
     */
    private static Inkan wire(Choices choices, SigningKeys keys, ConcurrencyLimitedPasswordHasher hasher,
                              Optional<JdbiDatabase> database, MailSender mail, Optional<QueuedMailSender> ownMail) {
        AccessTokens accessTokens = keys.accessTokens();
        TokenPolicy policy = choices.policy();
        Duration leeway = choices.rules().leeway();
        Clock clock = choices.clock();
        RandomSource random = new SecureRandomSource();
        Optional<JdbiRevocationFeed> ownFeed = choices.revocationFeed().isPresent() ? Optional.empty()
                : Optional.of(database.orElseThrow().revocationFeed(policy.accessTtl(), leeway, clock));
        // Inkan's stores write their events to the database's log; the use cases read, and record failed logins in, the log in use.
        Optional<JdbiSecurityEventLog> ownEvents = choices.securityEventLog().isPresent() ? Optional.empty()
                : Optional.of(database.orElseThrow().securityEventLog());
        SecurityEventLog events = choices.securityEventLog().isPresent() ? choices.securityEventLog().get() : ownEvents.orElseThrow();
        // Inkan's user store records what it takes away (roles, disabled and deleted accounts) on the database's feed.
        Optional<JdbiRevocationFeed> usersFeed = choices.users().isPresent() ? Optional.empty()
                : Optional.of(database.orElseThrow().revocationFeed(policy.accessTtl(), leeway, clock));
        UserRepository users = choices.users().orElseGet(() -> new JdbiUserRepository(database.orElseThrow().jdbi(),
                usersFeed.orElseThrow(), ownEvents.orElseThrow()));
        Optional<JdbiSessionStore> ownSessions = ownFeed.map(feed ->
                new JdbiSessionStore(database.orElseThrow().jdbi(), feed, ownEvents.orElseThrow(), choices.users().isEmpty()));
        SessionStore sessions = choices.sessions().isPresent() ? choices.sessions().get() : ownSessions.orElseThrow();
        RevocationFeed feed = choices.revocationFeed().isPresent() ? choices.revocationFeed().get() : ownFeed.orElseThrow();
        byte[] successorSecret = choices.successorSecret()
                .orElseGet(() -> database.orElseThrow().sharedSecret(SUCCESSOR_SECRET, new SecureRandom()));

        Optional<JdbiOneTimeTokenStore> ownOneTimeTokens = usersFeed.map(own ->
                new JdbiOneTimeTokenStore(database.orElseThrow().jdbi(), own, ownEvents.orElseThrow()));
        OneTimeTokenStore oneTimeTokens = choices.oneTimeTokens().isPresent() ? choices.oneTimeTokens().get()
                : ownOneTimeTokens.orElseThrow();

        var tokenHasher = new Sha256TokenHasher();
        var successors = new SuccessorTokens(new JcaMacAlgorithm().keyed(successorKey(successorSecret)));
        var issuer = new TokenIssuer(accessTokens, policy, sessions, tokenHasher, successors, random, users,
                choices.customClaims(), clock);
        var revocations = new RevocationRegistry(clock, leeway);
        feed.follow(revocations, clock.instant());
        // With a revocation feed of the application's own, the registry hears Inkan's user store too.
        usersFeed.filter(own -> own != feed).ifPresent(own -> own.follow(revocations, clock.instant()));
        var eventCounts = new CountSecurityEventsService();
        events.subscribe(eventCounts);
        AccountSettings accounts = choices.accounts();
        var newPasswords = new NewPasswords(accounts.passwordPolicy(), new ZxcvbnCommonPasswords(), hasher);
        var links = new LinkTokens(oneTimeTokens, tokenHasher, random, mail, clock);
        UseCases useCases = new UseCases(
                new RegisterUserService(users, newPasswords, links, mail, random, clock, accounts.requireVerifiedEmail()),
                new LoginService(users, hasher, issuer, random, events, clock, accounts.requireVerifiedEmail()),
                new RefreshTokensService(sessions, tokenHasher, issuer, policy, choices.refreshReuseGrace(), random, clock),
                new LogoutService(sessions, feed, random, clock),
                new LogoutEverywhereService(sessions, random, clock),
                new VerifyAccessTokenService(accessTokens, revocations, clock),
                new GetUserProfileService(users),
                new ListSessionsService(sessions, clock),
                new EndSessionService(sessions, random, clock),
                new AdministerUsersService(users, sessions, random, clock),
                new ListSecurityEventsService(events),
                eventCounts,
                new ChangePasswordService(users, hasher, newPasswords, mail, random, clock),
                new RequestPasswordResetService(users, links, random, clock),
                new ResetPasswordService(oneTimeTokens, links, newPasswords, mail, random, clock),
                new VerifyEmailService(oneTimeTokens, links, random, clock),
                new ResendVerificationService(users, links),
                new ChangeEmailService(users, hasher, links, mail),
                new DeleteAccountService(users, hasher, random, clock),
                keys.publicKeys(),
                new IssueGatewayTokenService(accessTokens, choices.rules().audience(), random, clock),
                database.<java.util.function.BooleanSupplier>map(db -> db::isHealthy).orElse(() -> true),
                keys.administration(),
                new StreamRevocationsService(feed, clock));
        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "inkan-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        Inkan inkan = new Inkan(useCases, database, mail, () -> {
            housekeeping.shutdownNow();
            ownMail.ifPresent(QueuedMailSender::close);
            hasher.close();
            keys.close();
            database.ifPresent(JdbiDatabase::close);
        });
        Duration accessTokenReach = policy.accessTtl().plus(leeway);
        inkan.housekeeping(() -> purge(inkan, ownSessions, ownFeed, ownOneTimeTokens, events, accessTokenReach,
                choices.eventRetention(), clock));
        housekeeping.scheduleWithFixedDelay(inkan::housekeepNow, PURGE_INTERVAL.toSeconds(), PURGE_INTERVAL.toSeconds(),
                TimeUnit.SECONDS);
        return inkan;
    }

    /**
     * Rows go only once they cannot matter: a spent refresh token stays until well after it
     * expired (so presenting it again is still reuse), a revocation until nothing it refuses can
     * be accepted, a one-time token once it has expired, a security event once it is older than the
     * retention (from whichever log is in use).
     */
    private static void purge(Inkan inkan, Optional<JdbiSessionStore> sessions, Optional<JdbiRevocationFeed> feed,
                              Optional<JdbiOneTimeTokenStore> oneTimeTokens, SecurityEventLog events, Duration accessTokenReach,
                              Duration eventRetention, Clock clock) {
        try {
            sessions.ifPresent(store -> store.purgeExpired(clock.instant().minus(accessTokenReach)));
            oneTimeTokens.ifPresent(store -> store.purgeExpired(clock.instant()));
            feed.ifPresent(revocations -> revocations.purgeExpired(clock.instant()));
            events.purgeOlderThan(clock.instant().minus(eventRetention));
            inkan.purgeRateLimitBuckets();
        } catch (RuntimeException e) {
            LOG.warn("purging expired rows failed; will retry: {}", e.getMessage());
        }
    }

    private static JdbiDatabase start(Choices choices) {
        return choices.dataSource().map(JdbiDatabase::start).orElseGet(() -> JdbiDatabase.start(choices.database().orElseThrow()));
    }

    private static PasswordHasher hasherOf(Choices choices) {
        return switch (choices.passwordHasherChoice()) {
            case ARGON2_BC -> new BouncyCastleArgon2PasswordHasher(choices.argon2());
            case ARGON2_NATIVE -> NativeArgon2.hasher(choices.argon2());
        };
    }
}
