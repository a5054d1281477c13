package dev.inkan.application.port.out;

import dev.inkan.domain.Password;
import dev.inkan.domain.PasswordHash;

/**
 * Driven port: a slow, salted password hash (Argon2id) in PHC string format. A hasher that limits
 * how many hashes run at once may refuse one with {@link PasswordHashingBusyException} instead of
 * making its caller wait without bound.
 */
public interface PasswordHasher {

    /**
     * @return a new salted hash of {@code password} with the configured parameters
     * @throws PasswordHashingBusyException when too many hashes are running and waiting already
     */
    PasswordHash hash(Password password);

    /**
     * @return whether {@code password} matches {@code hash}; a hash this hasher cannot read does not
     *     match (and is not an error), so one odd row cannot break logins for everyone
     * @throws PasswordHashingBusyException when too many hashes are running and waiting already
     */
    boolean verify(PasswordHash hash, Password password);

    /** @return whether {@code hash} was made with weaker parameters than are now configured */
    boolean needsRehash(PasswordHash hash);
}
