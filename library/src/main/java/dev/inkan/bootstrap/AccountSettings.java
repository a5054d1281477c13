package dev.inkan.bootstrap;

import dev.inkan.domain.PasswordPolicy;
import java.util.Objects;

/**
 * Typed account configuration: the password policy of new passwords
 * ({@code INKAN_PASSWORD_MIN_LENGTH}) and whether an account must verify its address before it
 * logs in ({@code INKAN_REQUIRE_VERIFIED_EMAIL}).
 */
public record AccountSettings(PasswordPolicy passwordPolicy, boolean requireVerifiedEmail) {

    public AccountSettings {
        Objects.requireNonNull(passwordPolicy, "passwordPolicy");
    }

    /** The defaults: passwords of at least 15 characters, unverified addresses may log in. */
    public static AccountSettings defaults() {
        return new AccountSettings(PasswordPolicy.defaults(), false);
    }

    /** @throws ConfigException naming the variable of a bad value */
    static AccountSettings from(ConfigSource config) {
        int minLength = config.integer("INKAN_PASSWORD_MIN_LENGTH", PasswordPolicy.DEFAULT_MIN_LENGTH,
                PasswordPolicy.LOWEST_MIN_LENGTH, PasswordPolicy.HIGHEST_MIN_LENGTH);
        return new AccountSettings(new PasswordPolicy(minLength), config.bool("INKAN_REQUIRE_VERIFIED_EMAIL", false));
    }
}
