package dev.inkan.application.port.out;

import dev.inkan.domain.Password;
import dev.inkan.domain.PasswordHash;

/** Driven port: a slow, salted password hash (Argon2id) in PHC string format. */
public interface PasswordHasher {

    /** @return a new salted hash of {@code password} with the configured parameters */
    PasswordHash hash(Password password);

    /**
     * @return whether {@code password} matches {@code hash}; a hash this hasher cannot read does not
     *     match (and is not an error), so one odd row cannot break logins for everyone
     */
    boolean verify(PasswordHash hash, Password password);

    /** @return whether {@code hash} was made with weaker parameters than are now configured */
    boolean needsRehash(PasswordHash hash);
}
