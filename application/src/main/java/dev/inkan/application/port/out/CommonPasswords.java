package dev.inkan.application.port.out;

import dev.inkan.domain.Password;

/**
 * Driven port: the most common passwords (at least the 10,000 most common), which a new password
 * must not be, as NIST SP 800-63B asks. Loaded once; a lookup is a set lookup.
 */
@FunctionalInterface
public interface CommonPasswords {

    /** @return whether {@code password}, compared without regard to case, is one of the most common passwords */
    boolean contains(Password password);
}
