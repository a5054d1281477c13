package dev.inkan.server;

import dev.inkan.application.port.in.RegisterCommand;
import dev.inkan.bootstrap.ConfigSource;
import dev.inkan.bootstrap.Inkan;
import dev.inkan.domain.Role;
import java.util.Map;

/** Test helper: an administrator made on the database of {@code env}, as an operator's first step on a new installation. */
final class FirstAdmin {

    private FirstAdmin() {
    }

    /** Registers {@code email} with {@code password} and gives them the role {@code admin}, through Inkan opened as the server opens it. */
    static void create(Map<String, String> env, String email, String password) {
        try (Inkan inkan = InkanApplication.open(InkanSettings.from(ConfigSource.of(env)))) {
            inkan.admin().grant(inkan.register().register(RegisterCommand.of(email, password)).id(), Role.ADMIN);
        }
    }
}
