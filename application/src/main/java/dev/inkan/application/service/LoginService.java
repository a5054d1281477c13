package dev.inkan.application.service;

import dev.inkan.application.port.in.IssuedTokens;
import dev.inkan.application.port.in.LoginCommand;
import dev.inkan.application.port.in.LoginUseCase;
import dev.inkan.application.port.out.PasswordHasher;
import dev.inkan.application.port.out.PasswordHashingBusyException;
import dev.inkan.application.port.out.RandomSource;
import dev.inkan.application.port.out.SecurityEventLog;
import dev.inkan.application.port.out.UserRepository;
import dev.inkan.application.tokens.TokenIssuer;
import dev.inkan.domain.AccountDisabledException;
import dev.inkan.domain.EmailNotVerifiedException;
import dev.inkan.domain.InvalidCredentialsException;
import dev.inkan.domain.Password;
import dev.inkan.domain.PasswordHash;
import dev.inkan.domain.RequestOrigin;
import dev.inkan.domain.SecurityEvent;
import dev.inkan.domain.User;
import dev.inkan.domain.UserId;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Logs users in. An unknown e-mail costs the same Argon2 verification as a wrong password, so the
 * answer's timing does not tell which e-mails are registered. Every refused login is a
 * {@code login_failed} event in the security log (without a user for an unknown e-mail, and never
 * with the e-mail); a login that succeeds is recorded with its session.
 */
public final class LoginService implements LoginUseCase {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final TokenIssuer issuer;
    private final RandomSource random;
    private final SecurityEventLog events;
    private final Clock clock;
    private final boolean requireVerifiedEmail;
    private volatile PasswordHash dummyHash;

    /**
     * @param events where refused logins are recorded
     * @param requireVerifiedEmail whether an account must have verified its address to log in
     */
    public LoginService(UserRepository users, PasswordHasher hasher, TokenIssuer issuer, RandomSource random,
                        SecurityEventLog events, Clock clock, boolean requireVerifiedEmail) {
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.random = Objects.requireNonNull(random, "random");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.requireVerifiedEmail = requireVerifiedEmail;
    }

    @Override
    public IssuedTokens login(LoginCommand command) {
        Optional<User> found = users.findByEmail(command.email());
        if (found.isEmpty()) {
            hasher.verify(dummyHash(), command.password());
            throw failed(Optional.empty(), command.origin(), new InvalidCredentialsException());
        }
        User user = found.get();
        if (!hasher.verify(user.passwordHash(), command.password())) {
            throw failed(Optional.of(user.id()), command.origin(), new InvalidCredentialsException());
        }
        // Only after the password check: to anyone who does not know it, a disabled account looks like any other.
        if (user.isDisabled()) {
            throw failed(Optional.of(user.id()), command.origin(), new AccountDisabledException());
        }
        if (requireVerifiedEmail && !user.emailVerified()) {
            throw failed(Optional.of(user.id()), command.origin(), new EmailNotVerifiedException());
        }
        if (hasher.needsRehash(user.passwordHash())) {
            rehash(user, command.password());
        }
        try {
            return issuer.startSession(user, command.origin());
        } catch (AccountDisabledException e) {
            throw failed(Optional.of(user.id()), command.origin(), e); // disabled or deleted since it was read
        }
    }

    /** Records the refusal, then hands back {@code refusal} to throw. */
    private <E extends RuntimeException> E failed(Optional<UserId> user, RequestOrigin origin, E refusal) {
        events.record(SecurityEvent.loginFailed(random.uuid(), clock.instant(), user, origin));
        return refusal;
    }

    /**
     * A stronger hash is worth having, but not worth failing a right password over: when hashing is
     * busy, a later login rehashes.
     */
    private void rehash(User user, Password password) {
        PasswordHash stronger;
        try {
            stronger = hasher.hash(password);
        } catch (PasswordHashingBusyException busy) {
            return;
        }
        users.updatePasswordHash(user.id(), stronger);
    }

    /** A hash of a random password under the current parameters, made once: no password matches it. */
    private PasswordHash dummyHash() {
        PasswordHash hash = dummyHash;
        if (hash == null) {
            hash = hasher.hash(new Password(Base64.getUrlEncoder().withoutPadding().encodeToString(random.bytes(32))));
            dummyHash = hash;
        }
        return hash;
    }
}
