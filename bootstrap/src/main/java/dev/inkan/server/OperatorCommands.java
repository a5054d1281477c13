package dev.inkan.server;

import dev.inkan.adapter.crypto.KeyPairs;
import dev.inkan.adapter.crypto.SecureRandomSource;
import dev.inkan.application.port.out.RandomSource;
import dev.inkan.bootstrap.ConfigException;
import dev.inkan.bootstrap.ConfigSource;
import dev.inkan.token.JwsAlgorithm;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The operator's command line: {@code users …} on the configured database without a running
 * server, {@code keys generate}, {@code keys rotate}, {@code list} and {@code retire} on the keys in
 * the database, and the help of every command. Each run returns its exit code
 * ({@link CommandFailure#OK}, {@link CommandFailure#FAILED}, {@link CommandFailure#USAGE}) and
 * says what went wrong in one line on standard error, after {@code inkan: }; only {@link Main} exits.
 */
final class OperatorCommands {

    private OperatorCommands() {
    }

    /**
     * @param args the command line, {@code serve} (which {@link Main} runs itself) only with {@code --help}
     * @param config read only by the commands that open the database, so that a bad configuration
     *     is no reason to refuse help or a key
     * @return the exit code
     */
    static int run(List<String> args, Terminal terminal, Supplier<ConfigSource> config) {
        return run(args, terminal, config, new SecureRandomSource());
    }

    static int run(List<String> args, Terminal terminal, Supplier<ConfigSource> config, RandomSource random) {
        try {
            return dispatch(args, terminal, config, random);
        } catch (CommandFailure e) {
            return fail(terminal, e.getMessage(), e.exitCode());
        } catch (ConfigException e) {
            return fail(terminal, "configuration error: " + e.getMessage(), CommandFailure.USAGE);
        } catch (RuntimeException e) {
            // Its message could hold anything the database or a library put there: only its kind is shown.
            return fail(terminal, "failed unexpectedly (" + e.getClass().getName() + ")", CommandFailure.FAILED);
        }
    }

    private static int dispatch(List<String> args, Terminal terminal, Supplier<ConfigSource> config, RandomSource random) {
        if (args.isEmpty() || args.get(0).equals("help") || Arguments.isHelp(args.get(0))) {
            return help(terminal, Command.helpOf(""));
        }
        String group = args.get(0);
        if (Command.of(group).isEmpty()) {
            Command single = Command.named(group).filter(command -> !command.words().contains(" ")).orElseThrow(() ->
                    CommandFailure.usage("unknown command '" + group + "' (see java -jar inkan.jar --help)"));
            return run(single, args.subList(1, args.size()), terminal, config, random);
        }
        if (args.size() == 1) {
            throw CommandFailure.usage(group + ": missing COMMAND (see java -jar inkan.jar " + group + " --help)");
        }
        if (Arguments.isHelp(args.get(1))) {
            return help(terminal, Command.helpOf(group));
        }
        Command command = Command.named(group + " " + args.get(1)).orElseThrow(() -> CommandFailure.usage("unknown command '"
                + group + " " + args.get(1) + "' (see java -jar inkan.jar " + group + " --help)"));
        return run(command, args.subList(2, args.size()), terminal, config, random);
    }

    private static int run(Command command, List<String> args, Terminal terminal, Supplier<ConfigSource> config,
                           RandomSource random) {
        Arguments arguments = Arguments.parse(command, args);
        if (arguments.help()) {
            return help(terminal, command.help());
        }
        return switch (command) {
            case SERVE -> throw Arguments.usage(command, "it takes no arguments");
            case KEYS_GENERATE -> generateKey(command, arguments, terminal, random);
            case KEYS_ROTATE, KEYS_LIST, KEYS_RETIRE -> KeyCommands.run(command, arguments, terminal, config);
            default -> UserCommands.run(command, arguments, terminal, config);
        };
    }

    /**
     * Prints a JWK Set of one fresh key for {@code INKAN_JWT_KEYS_FILE}: a secret as long as its
     * algorithm's MAC (RFC 7518 3.2), or a key pair with its private member.
     */
    private static int generateKey(Command command, Arguments arguments, Terminal terminal, RandomSource random) {
        JwsAlgorithm algorithm = algorithmOption(command, arguments).orElse(JwsAlgorithm.HS256);
        arguments.positionals();
        terminal.out().print(algorithm.isHmac() ? OctetJwkSet.of(random.bytes(algorithm.macLength()), Optional.of(algorithm))
                : KeyPairJwkSet.of(KeyPairs.generate(algorithm, random)));
        return CommandFailure.OK;
    }

    /**
     * @return the algorithm {@code --alg} names, if it is given
     * @throws CommandFailure (usage) when it names none
     */
    static Optional<JwsAlgorithm> algorithmOption(Command command, Arguments arguments) {
        return arguments.option("--alg").map(name -> algorithmNamed(name.strip()).orElseThrow(() -> Arguments.usage(command,
                "--alg must be HS256, HS384, HS512, EdDSA, Ed25519 or ES256, not '" + name + "'")));
    }

    private static Optional<JwsAlgorithm> algorithmNamed(String name) {
        return Arrays.stream(JwsAlgorithm.values()).filter(algorithm -> algorithm.jwsName().equalsIgnoreCase(name)).findFirst();
    }

    private static int help(Terminal terminal, String text) {
        terminal.out().print(text);
        return CommandFailure.OK;
    }

    private static int fail(Terminal terminal, String message, int exitCode) {
        terminal.err().println("inkan: " + message);
        return exitCode;
    }
}
