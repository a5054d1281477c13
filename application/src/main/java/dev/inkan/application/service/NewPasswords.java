package dev.inkan.application.service;

import dev.inkan.application.port.out.CommonPasswords;
import dev.inkan.application.port.out.PasswordHasher;
import dev.inkan.domain.Password;
import dev.inkan.domain.PasswordHash;
import dev.inkan.domain.PasswordPolicy;
import dev.inkan.domain.WeakPasswordException;
import java.util.Objects;

/**
 * A password being set (registration, change, reset) meets the password policy before it is hashed:
 * long enough, and not one of the most common passwords. A password checked at login is never held
 * to it, so an older, shorter password keeps working until it is changed.
 */
public final class NewPasswords {

    private final PasswordPolicy policy;
    private final CommonPasswords common;
    private final PasswordHasher hasher;

    public NewPasswords(PasswordPolicy policy, CommonPasswords common, PasswordHasher hasher) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.common = Objects.requireNonNull(common, "common");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
    }

    /** @throws WeakPasswordException naming the rule it breaks */
    public void check(Password password) {
        policy.requireLongEnough(password);
        if (common.contains(password)) {
            throw new WeakPasswordException(WeakPasswordException.Rule.TOO_COMMON, policy.minLength());
        }
    }

    /**
     * @return the hash of a password that meets the policy
     * @throws WeakPasswordException naming the rule it breaks, before any hashing
     */
    public PasswordHash hash(Password password) {
        check(password);
        return hasher.hash(password);
    }
}
