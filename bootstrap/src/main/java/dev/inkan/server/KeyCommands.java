package dev.inkan.server;

import dev.inkan.application.port.in.AdministerKeysUseCase;
import dev.inkan.application.port.in.KeyRetirement;
import dev.inkan.application.port.in.KeyRotation;
import dev.inkan.application.port.in.KeySummary;
import dev.inkan.bootstrap.ConfigSource;
import dev.inkan.bootstrap.Inkan;
import dev.inkan.domain.KeyNotFoundException;
import dev.inkan.token.JwsAlgorithm;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The commands on the signing keys kept in the database: {@code keys rotate}, {@code keys list} and
 * {@code keys retire}. Each checks its arguments and the configuration first (the keys must be kept
 * in the database, and rotation needs PostgreSQL), then opens Inkan on that database exactly as the
 * server does, makes its one change through the use case and closes it again; running servers follow
 * the change within a second. What it prints on standard output is the result alone, with key ids
 * and times, never a key.
 */
final class KeyCommands {

    private KeyCommands() {
    }

    /**
     * @param command one of the {@code keys} commands on the database's keys
     * @return the exit code
     * @throws CommandFailure when the arguments or the configuration are wrong, or the change fails
     * @throws dev.inkan.bootstrap.ConfigException when the configuration is bad
     */
    static int run(Command command, Arguments arguments, Terminal terminal, Supplier<ConfigSource> config) {
        PrintStream out = terminal.out();
        switch (command) {
            case KEYS_ROTATE -> {
                Optional<JwsAlgorithm> algorithm = OperatorCommands.algorithmOption(command, arguments);
                arguments.positionals();
                InkanSettings settings = keysInDatabase(command, config);
                if (settings.database().kind().equals("H2")) {
                    throw CommandFailure.usage(command.words() + ": rotation needs PostgreSQL: the embedded H2 database serves one"
                            + " process, whose server could not hear of the new key; set INKAN_DB_URL to a PostgreSQL database");
                }
                KeyRotation rotation = UserCommands.withInkan(settings, inkan -> {
                    try {
                        return administration(inkan).rotate(algorithm);
                    } catch (IllegalArgumentException e) {
                        throw Arguments.usage(command, e.getMessage());
                    }
                });
                KeySummary added = rotation.added();
                out.println("published key " + added.keyId() + " (" + added.algorithm().jwsName() + "); it signs from "
                        + added.signsFrom());
                rotation.rescheduled().forEach(old -> out.println("key " + old.keyId() + " retires at " + retireAt(old)));
            }
            case KEYS_LIST -> {
                arguments.positionals();
                InkanSettings settings = keysInDatabase(command, config);
                List<KeySummary> keys = UserCommands.withInkan(settings, inkan -> administration(inkan).list());
                keys.forEach(key -> out.println(line(key)));
            }
            case KEYS_RETIRE -> {
                String keyId = arguments.positionals("KID").get(0);
                InkanSettings settings = keysInDatabase(command, config);
                KeyRetirement retirement = UserCommands.withInkan(settings, inkan -> {
                    try {
                        return administration(inkan).retire(keyId);
                    } catch (KeyNotFoundException e) {
                        throw CommandFailure.failed("no key has the id '" + keyId + "' (see java -jar inkan.jar keys list)");
                    } catch (IllegalStateException e) {
                        throw CommandFailure.failed(e.getMessage());
                    }
                });
                out.println("retired key " + keyId + "; the tokens it signed are refused");
                retirement.successor().ifPresent(next -> out.println((retirement.successorIsNew() ? "made key " : "key ")
                        + next.keyId() + " (" + next.algorithm().jwsName() + "), which signs from now"));
            }
            default -> throw new IllegalArgumentException("not a command on the database's keys: " + command);
        }
        return CommandFailure.OK;
    }

    /** @return key id, alg, state, signs from, retires at (or {@code -}); tab-separated */
    static String line(KeySummary key) {
        return key.keyId() + "\t" + key.algorithm().jwsName() + "\t" + key.state() + "\t" + key.signsFrom() + "\t" + retireAt(key);
    }

    private static String retireAt(KeySummary key) {
        return key.retireAt().map(Instant::toString).orElse("-");
    }

    /** @throws CommandFailure (usage) when the configuration keeps the keys in the files, which the commands cannot change */
    private static InkanSettings keysInDatabase(Command command, Supplier<ConfigSource> config) {
        InkanSettings settings = InkanSettings.from(config.get());
        if (!settings.library().keyStore().inDatabase()) {
            throw CommandFailure.usage(command.words() + ": the signing keys are not kept in the database: they come from"
                    + " INKAN_JWT_KEYS_FILE, INKAN_JWT_SECRET or the data folder, which Inkan does not change; set"
                    + " INKAN_KEY_STORE=database (with INKAN_KEY_ENCRYPTION_KEY or INKAN_KEY_ENCRYPTION_KEY_FILE) to keep them"
                    + " there");
        }
        return settings;
    }

    private static AdministerKeysUseCase administration(Inkan inkan) {
        return inkan.keys().orElseThrow(() -> new IllegalStateException(
                "the keys are in the database, yet Inkan has no use case for them"));
    }
}
