package dev.inkan.application.port.out;

import dev.inkan.domain.Email;
import dev.inkan.domain.EmailAlreadyRegisteredException;
import dev.inkan.domain.PasswordHash;
import dev.inkan.domain.User;
import dev.inkan.domain.UserId;
import java.util.Optional;

/** Driven port: where users are kept. Every method may throw {@link StoreUnavailableException}. */
public interface UserRepository {

    /**
     * Stores a new user.
     *
     * @throws EmailAlreadyRegisteredException when a user with the same e-mail exists
     */
    void add(User user);

    /** @return the user registered with {@code email}, if any */
    Optional<User> findByEmail(Email email);

    /** @return the user with {@code id}, if any */
    Optional<User> findById(UserId id);

    /** Replaces a user's password hash (after a rehash with stronger parameters). */
    void updatePasswordHash(UserId id, PasswordHash hash);
}
