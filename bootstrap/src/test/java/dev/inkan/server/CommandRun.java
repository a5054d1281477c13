package dev.inkan.server;

import dev.inkan.bootstrap.ConfigSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Test helper: one command of the operator's command line, run in-process as {@link Main} runs it, and what it printed. */
record CommandRun(int exitCode, String out, String err) {

    /** Runs {@code args} on the configuration {@code env}, with nothing on standard input. */
    static CommandRun run(Map<String, String> env, String... args) {
        return withInput(env, "", args);
    }

    /** Runs {@code args} on the configuration {@code env}, with {@code stdin} on standard input. */
    static CommandRun withInput(Map<String, String> env, String stdin, String... args) {
        return withConfig(() -> ConfigSource.of(env), stdin, args);
    }

    static CommandRun withConfig(Supplier<ConfigSource> config, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Terminal terminal = Terminal.of(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        int exitCode = OperatorCommands.run(List.of(args), terminal, config);
        return new CommandRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** @return what it printed on standard output, one line per element */
    List<String> lines() {
        return out.lines().toList();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
