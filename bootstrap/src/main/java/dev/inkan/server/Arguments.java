package dev.inkan.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The arguments of one command, split into its options ({@code --email PREFIX} or
 * {@code --email=PREFIX}), its positional arguments, and whether its help was asked for
 * ({@code --help}, {@code -h}, anywhere). Its messages name what is wrong but never repeat an
 * argument, which could be a password typed in the wrong place.
 */
final class Arguments {

    private final Command command;
    private final boolean help;
    private final Map<String, String> options;
    private final List<String> positionals;

    private Arguments(Command command, boolean help, Map<String, String> options, List<String> positionals) {
        this.command = command;
        this.help = help;
        this.options = options;
        this.positionals = positionals;
    }

    /**
     * @param args what follows the command's words
     * @throws CommandFailure (usage) on an option the command does not take or one without its value
     */
    static Arguments parse(Command command, List<String> args) {
        if (args.stream().anyMatch(Arguments::isHelp)) {
            return new Arguments(command, true, Map.of(), List.of());
        }
        Map<String, String> options = new HashMap<>();
        List<String> positionals = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("-")) {
                positionals.add(arg);
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (!command.options().contains(name)) {
                throw usage(command, command.options().isEmpty() ? "it takes no options" : "it takes no option but "
                        + String.join(", ", command.options()));
            }
            if (equals >= 0) {
                options.put(name, arg.substring(equals + 1));
            } else if (i + 1 < args.size()) {
                options.put(name, args.get(++i));
            } else {
                throw usage(command, name + " needs a value");
            }
        }
        return new Arguments(command, false, options, positionals);
    }

    static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h");
    }

    /** @return whether the command's help was asked for */
    boolean help() {
        return help;
    }

    /** @return the value of {@code name}, if it was given */
    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    /**
     * @param names what the positional arguments are, as the usage line names them
     * @return exactly that many positional arguments
     * @throws CommandFailure (usage) naming the first one missing, or saying there are too many
     */
    List<String> positionals(String... names) {
        if (positionals.size() < names.length) {
            throw usage(command, "missing " + names[positionals.size()]);
        }
        if (positionals.size() > names.length) {
            throw usage(command, "too many arguments");
        }
        return positionals;
    }

    /** @return a usage failure of {@code command}: what is wrong, and where its help is */
    static CommandFailure usage(Command command, String problem) {
        return CommandFailure.usage(command.words() + ": " + problem + " (usage: " + command.usage() + "; more with --help)");
    }
}
