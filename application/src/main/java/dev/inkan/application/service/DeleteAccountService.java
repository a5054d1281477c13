package dev.inkan.application.service;

import dev.inkan.application.port.in.DeleteAccountUseCase;
import dev.inkan.application.port.out.PasswordHasher;
import dev.inkan.application.port.out.RandomSource;
import dev.inkan.application.port.out.UserRepository;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.InvalidCredentialsException;
import dev.inkan.domain.Password;
import dev.inkan.domain.RequestOrigin;
import dev.inkan.domain.SecurityEvent;
import dev.inkan.domain.SecurityEventType;
import dev.inkan.domain.User;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** Deletes the caller's own account, as an administrator's delete does, once the password proves who asks. */
public final class DeleteAccountService implements DeleteAccountUseCase {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final RandomSource random;
    private final Clock clock;

    public DeleteAccountService(UserRepository users, PasswordHasher hasher, RandomSource random, Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void deleteOwnAccount(AccessTokenClaims caller, Password password, RequestOrigin origin) {
        User user = Accounts.of(users, caller);
        if (!hasher.verify(user.passwordHash(), password)) {
            throw new InvalidCredentialsException();
        }
        Instant now = clock.instant();
        users.delete(user.id(), now, SecurityEvent.of(random.uuid(), now, SecurityEventType.ACCOUNT_DELETED, user.id(), origin));
    }
}
