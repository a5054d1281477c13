package dev.inkan.application.service;

import dev.inkan.application.port.in.RegisterCommand;
import dev.inkan.application.port.in.RegisterUserUseCase;
import dev.inkan.application.port.in.RegisteredUser;
import dev.inkan.application.port.out.PasswordHasher;
import dev.inkan.application.port.out.RandomSource;
import dev.inkan.application.port.out.UserRepository;
import dev.inkan.domain.EmailAlreadyRegisteredException;
import dev.inkan.domain.User;
import dev.inkan.domain.UserId;
import java.time.Clock;
import java.util.Objects;

/** Registers users: the e-mail must be free, and the password is stored only as an Argon2id hash. */
public final class RegisterUserService implements RegisterUserUseCase {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final RandomSource random;
    private final Clock clock;

    public RegisterUserService(UserRepository users, PasswordHasher hasher, RandomSource random, Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public RegisteredUser register(RegisterCommand command) {
        // Checked first so a taken e-mail costs no Argon2 run; the store's unique key still decides races.
        if (users.findByEmail(command.email()).isPresent()) {
            throw new EmailAlreadyRegisteredException();
        }
        User user = User.register(new UserId(random.uuid()), command.email(), hasher.hash(command.password()),
                clock.instant());
        users.add(user);
        return new RegisteredUser(user.id(), user.email());
    }
}
