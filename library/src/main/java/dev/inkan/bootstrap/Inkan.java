package dev.inkan.bootstrap;

import dev.inkan.adapter.persistence.JdbiDatabase;
import dev.inkan.adapter.web.InkanJavalinPlugin;
import dev.inkan.adapter.web.RateLimitBuckets;
import dev.inkan.adapter.web.WebUseCases;
import dev.inkan.application.port.in.AdministerKeysUseCase;
import dev.inkan.application.port.in.AdministerUsersUseCase;
import dev.inkan.application.port.in.CountSecurityEventsUseCase;
import dev.inkan.application.port.in.ChangeEmailUseCase;
import dev.inkan.application.port.in.ChangePasswordUseCase;
import dev.inkan.application.port.in.DeleteAccountUseCase;
import dev.inkan.application.port.in.RequestPasswordResetUseCase;
import dev.inkan.application.port.in.ResendVerificationUseCase;
import dev.inkan.application.port.in.ResetPasswordUseCase;
import dev.inkan.application.port.in.VerifyEmailUseCase;
import dev.inkan.application.port.in.EndSessionUseCase;
import dev.inkan.application.port.in.GetPublicKeysUseCase;
import dev.inkan.application.port.in.GetUserProfileUseCase;
import dev.inkan.application.port.in.IssueGatewayTokenUseCase;
import dev.inkan.application.port.in.ListSecurityEventsUseCase;
import dev.inkan.application.port.in.ListSessionsUseCase;
import dev.inkan.application.port.in.LoginUseCase;
import dev.inkan.application.port.in.LogoutEverywhereUseCase;
import dev.inkan.application.port.in.LogoutUseCase;
import dev.inkan.application.port.in.RefreshTokensUseCase;
import dev.inkan.application.port.in.RegisterUserUseCase;
import dev.inkan.application.port.in.StreamRevocationsUseCase;
import dev.inkan.application.port.in.VerifyAccessTokenUseCase;
import dev.inkan.application.port.out.MailSender;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Inkan as a library: its use cases, assembled by {@link #builder()} from explicit choices or the
 * server's {@code INKAN_*} configuration, for an application that embeds them with or without HTTP.
 * The standalone server is built the same way.
 *
 * <pre>{@code
 * try (Inkan inkan = Inkan.builder()
 *         .jdbcUrl("jdbc:h2:mem:app;DB_CLOSE_DELAY=-1", "", "")
 *         .secret(keyBytes)
 *         .cryptoProvider(CryptoProvider.BOUNCYCASTLE)
 *         .build()) {
 *     inkan.register().register(RegisterCommand.of("ann@example.com", "correct horse battery"));
 *     IssuedTokens tokens = inkan.login().login(LoginCommand.of("ann@example.com", "correct horse battery"));
 *     AccessTokenClaims claims = inkan.verify().verify(tokens.accessToken());
 * }
 * }</pre>
 *
 * <p>The library brings no HTTP server: {@link #javalinPlugin}, {@link #webUseCases()} and
 * {@link #rateLimitBuckets()} need {@code dev.inkan:inkan-adapters-web} (and Javalin) on the class
 * path, which an application adds when it wants them.
 */
public final class Inkan implements AutoCloseable {

    private final UseCases useCases;
    private final Optional<JdbiDatabase> database;
    private final MailSender mail;
    private final Runnable stop;
    /** Set once, by the assembly, before the housekeeping thread starts. */
    private volatile Runnable housekeeping = () -> { };
    private SharedRateLimits sharedRateLimits;

    Inkan(UseCases useCases, Optional<JdbiDatabase> database, MailSender mail, Runnable stop) {
        this.useCases = useCases;
        this.database = database;
        this.mail = mail;
        this.stop = stop;
    }

    /**
     * @return a builder with the defaults of DESIGN.md (HS256 with JCA, Argon2id at OWASP's minimum, 15
     *     minutes, 7 days)
     */
    public static InkanBuilder builder() {
        return new InkanBuilder();
    }

    /** @return the use case that registers users */
    public RegisterUserUseCase register() {
        return useCases.register();
    }

    /** @return the use case that logs users in */
    public LoginUseCase login() {
        return useCases.login();
    }

    /** @return the use case that rotates refresh tokens */
    public RefreshTokensUseCase refresh() {
        return useCases.refresh();
    }

    /** @return the use case that ends one session */
    public LogoutUseCase logout() {
        return useCases.logout();
    }

    /** @return the use case that ends every session of a user */
    public LogoutEverywhereUseCase logoutEverywhere() {
        return useCases.logoutEverywhere();
    }

    /** @return the use case that verifies access tokens, without touching the database */
    public VerifyAccessTokenUseCase verify() {
        return useCases.verify();
    }

    /** @return the use case that reads a user's profile */
    public GetUserProfileUseCase profile() {
        return useCases.profile();
    }

    /** @return the use case that lists a user's live sessions */
    public ListSessionsUseCase listSessions() {
        return useCases.listSessions();
    }

    /** @return the use case that ends one of a user's sessions */
    public EndSessionUseCase endSession() {
        return useCases.endSession();
    }

    /** @return the use case of the admin API and the command line: users, their roles, disabling and deleting them */
    public AdministerUsersUseCase admin() {
        return useCases.admin();
    }

    /** @return the use case that reads the security log: a user's own events, or every user's for an administrator */
    public ListSecurityEventsUseCase events() {
        return useCases.events();
    }

    /** @return how many security events of each type this instance has recorded, for its metrics */
    public CountSecurityEventsUseCase eventCounts() {
        return useCases.eventCounts();
    }
    /** @return the use case that changes a user's password, knowing the current one */
    public ChangePasswordUseCase changePassword() {
        return useCases.changePassword();
    }

    /** @return the use case that mails password-reset links */
    public RequestPasswordResetUseCase requestPasswordReset() {
        return useCases.requestPasswordReset();
    }

    /** @return the use case that sets a new password with a reset link's token */
    public ResetPasswordUseCase resetPassword() {
        return useCases.resetPassword();
    }

    /** @return the use case that verifies an address (or makes a change of address) with a link's token */
    public VerifyEmailUseCase verifyEmail() {
        return useCases.verifyEmail();
    }

    /** @return the use case that mails a new verification link */
    public ResendVerificationUseCase resendVerification() {
        return useCases.resendVerification();
    }

    /** @return the use case that starts a change of a user's address */
    public ChangeEmailUseCase changeEmail() {
        return useCases.changeEmail();
    }

    /** @return the use case that deletes a user's own account, knowing its password */
    public DeleteAccountUseCase deleteAccount() {
        return useCases.deleteAccount();
    }
    /** @return the use case that publishes the issuer and the public keys, for the JWKS and the discovery documents */
    public GetPublicKeysUseCase publicKeys() {
        return useCases.publicKeys();
    }

    /**
     * @return the use case that mints the short-lived tokens a gateway hands to an upstream (none
     *     while the signing key is an HMAC key)
     */
    public IssueGatewayTokenUseCase gatewayTokens() {
        return useCases.gatewayTokens();
    }

    /**
     * @return the use case that rotates, lists and retires the signing keys, when they are kept in the
     *     database ({@code INKAN_KEY_STORE=database}, or {@link InkanBuilder#keysInDatabase}); empty when
     *     they come from the file sources, which Inkan cannot change
     */
    public Optional<AdministerKeysUseCase> keys() {
        return useCases.keys();
    }

    /**
     * @return the use case that lets a resource server follow the revocation log
     *     ({@code GET /auth/revocations}); with a revocation feed of the application's own, which keeps
     *     no sequence, it is not {@linkplain StreamRevocationsUseCase#available() available}
     */
    public StreamRevocationsUseCase revocations() {
        return useCases.revocations();
    }

    /** @return whether the database answers a cheap query right now (always, when every store is the application's) */
    public boolean databaseUp() {
        return useCases.databaseUp().getAsBoolean();
    }

    /**
     * Inkan's routes for a host's Javalin 7, under a prefix, with the host's own routes protected
     * (needs {@code inkan-adapters-web}).
     *
     * @param configure sets the prefix, the protected paths and the edge settings
     * @return the plugin, for {@code config.registerPlugin(...)}
     */
    public InkanJavalinPlugin javalinPlugin(Consumer<InkanJavalinPlugin.Config> configure) {
        return JavalinWiring.plugin(this, configure);
    }

    /** @return the use cases as Inkan's web adapter takes them, for an HTTP server of the application's own (needs {@code inkan-adapters-web}) */
    public WebUseCases webUseCases() {
        return JavalinWiring.useCases(this);
    }

    /**
     * @return where the abuse limits count: in Inkan's PostgreSQL database, shared by every instance
     *     on it, or else in this instance's memory (needs {@code inkan-adapters-web})
     */
    public RateLimitBuckets rateLimitBuckets() {
        return JavalinWiring.buckets(this);
    }

    /** @return the mail sender the account flows send through */
    MailSender mailSender() {
        return mail;
    }

    /** @return the rate-limit store in Inkan's PostgreSQL database, made the first time it is asked for */
    synchronized Optional<SharedRateLimits> sharedRateLimits() {
        if (sharedRateLimits == null) {
            database.filter(JdbiDatabase::isPostgres).ifPresent(postgres -> sharedRateLimits = new SharedRateLimits(postgres));
        }
        return Optional.ofNullable(sharedRateLimits);
    }

    /** Sets the purge that the background housekeeping runs. */
    void housekeeping(Runnable purge) {
        this.housekeeping = purge;
    }

    /** Runs the background purge at once (a test's seam): expired rows, old security events, idle rate-limit buckets. */
    void housekeepNow() {
        housekeeping.run();
    }

    /** Deletes the shared rate-limit buckets that remember nothing any more; housekeeping. */
    synchronized void purgeRateLimitBuckets() {
        if (sharedRateLimits != null) {
            sharedRateLimits.purge();
        }
    }

    /**
     * Stops the background purge, the mail thread (giving the messages already due a few seconds)
     * and the password-hashing threads, and closes the database pool Inkan opened (never a data
     * source or mail sender passed in).
     */
    @Override
    public void close() {
        stop.run();
    }
}
