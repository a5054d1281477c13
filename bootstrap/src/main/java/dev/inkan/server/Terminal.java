package dev.inkan.server;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a command talks to its operator: standard input, output and error, and the console to ask
 * for a password on, when the operator sits at one.
 */
record Terminal(InputStream in, PrintStream out, PrintStream err, Optional<Console> console) {

    Terminal {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(console, "console");
    }

    /** @return the process's own streams, and its console if it is an interactive terminal */
    static Terminal system() {
        return new Terminal(System.in, System.out, System.err, interactiveConsole());
    }

    /** @return these streams and no console, as a script or a test runs a command */
    static Terminal of(InputStream in, PrintStream out, PrintStream err) {
        return new Terminal(in, out, err, Optional.empty());
    }

    /**
     * @param command the command that asks, for messages
     * @param prompt what to ask on the console
     * @return a new password: typed twice on the console without echo, or else the first line of
     *     standard input (UTF-8)
     * @throws CommandFailure (usage) when none comes, or the two typed differ
     */
    String newPassword(Command command, String prompt) {
        return console.map(terminal -> typedTwice(terminal, command, prompt)).orElseGet(() -> firstLine(command));
    }

    private static String typedTwice(Console console, Command command, String prompt) {
        char[] first = console.readPassword("%s: ", prompt);
        char[] second = first == null ? null : console.readPassword("The same again: ");
        try {
            if (second == null) {
                throw Arguments.usage(command, "no password was typed");
            }
            if (!Arrays.equals(first, second)) {
                throw Arguments.usage(command, "the two passwords differ; nothing was changed");
            }
            return new String(first);
        } finally {
            wipe(first);
            wipe(second);
        }
    }

    private String firstLine(Command command) {
        String line;
        try {
            // Not closed: standard input is the process's, not this command's.
            line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            throw CommandFailure.failed(command.words() + ": cannot read standard input (" + e.getClass().getSimpleName() + ")");
        }
        if (line == null) {
            throw Arguments.usage(command, "no password on standard input: pipe it in as one line, or run this in a terminal"
                    + " to be asked for it");
        }
        return line;
    }

    private static void wipe(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * JDK 17 to 21 have a console only when standard input and output are a terminal. From JDK 22
     * on there is one even when they are pipes, and its {@code isTerminal()} (which JDK 17 lacks,
     * hence the reflection) tells; a piped password must then still come from standard input.
     */
    private static Optional<Console> interactiveConsole() {
        Console console = System.console();
        if (console == null) {
            return Optional.empty();
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return Boolean.TRUE.equals(isTerminal.invoke(console)) ? Optional.of(console) : Optional.empty();
        } catch (NoSuchMethodException e) {
            return Optional.of(console);
        } catch (ReflectiveOperationException e) {
            return Optional.empty();
        }
    }
}
