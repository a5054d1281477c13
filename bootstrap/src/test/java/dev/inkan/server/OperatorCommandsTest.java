package dev.inkan.server;

import static dev.inkan.server.CommandRun.run;
import static dev.inkan.server.CommandRun.withConfig;
import static dev.inkan.server.CommandRun.withInput;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.bootstrap.ConfigSource;
import dev.inkan.bootstrap.Inkan;
import dev.inkan.domain.Email;
import dev.inkan.domain.Role;
import dev.inkan.domain.UserId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the command line says when it is asked for help or used wrongly: help on standard output
 * with exit 0; every mistake in one line on standard error, after {@code inkan: }, with exit 2 for
 * a wrong command line or configuration and 1 for an operation that failed; never a stack trace,
 * never the password.
 */
class OperatorCommandsTest {

    private static final String PASSWORD = "correct horse battery";
    /** Help and usage errors must come without reading any configuration. */
    private static final Supplier<ConfigSource> NO_CONFIG = () -> {
        throw new AssertionError("read the configuration");
    };

    @TempDir
    Path dataDir;

    private Map<String, String> env;

    @BeforeEach
    void configure() {
        env = Map.of("INKAN_DATA_DIR", dataDir.resolve("data").toString(), "INKAN_JWT_SECRET", TestTokens.b64(TestTokens.randomKey(32)));
    }

    static Stream<List<String>> everyHelp() {
        List<List<String>> asked = new ArrayList<>();
        for (String help : List.of("--help", "-h")) {
            asked.add(List.of(help));
            asked.add(List.of("users", help));
            asked.add(List.of("keys", help));
            for (Command command : Command.values()) {
                List<String> words = new ArrayList<>(Arrays.asList(command.words().split(" ")));
                words.add(help);
                asked.add(words);
            }
        }
        asked.add(List.of("help"));
        asked.add(List.of());
        asked.add(List.of("users", "grant", "ann@example.com", "--help"));
        return asked.stream();
    }

    @ParameterizedTest
    @MethodSource("everyHelp")
    void help_onEveryCommand_isPrintedOnStdout_withExitZero(List<String> args) {
        CommandRun help = withConfig(NO_CONFIG, "", args.toArray(String[]::new));

        assertThat(help.exitCode()).as(help.toString()).isZero();
        assertThat(help.out()).startsWith("usage: java -jar inkan.jar ").contains("Exit codes: 0 done, 1 the operation failed, 2");
        assertThat(help.err()).isEmpty();
    }

    @Test
    void theHelpOfACommand_namesItsArguments_andTheJarsHelp_namesEveryCommand() {
        assertThat(run(env, "users", "grant", "--help").out()).startsWith("usage: java -jar inkan.jar users grant EMAIL ROLE\n");
        assertThat(run(env, "keys", "generate", "-h").out())
                .startsWith("usage: java -jar inkan.jar keys generate [--alg HS256|HS384|HS512|EdDSA|Ed25519|ES256]\n");
        String all = run(env, "--help").out();
        for (Command command : Command.values()) {
            assertThat(all).contains("  " + command.words());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"frobnicate", "users frobnicate", "keys frobnicate", "users", "keys", "serve now",
        "keys rotate --alg RS256", "keys rotate extra", "keys list extra", "keys list --alg HS256", "keys retire",
        "keys retire a b",
        "users create", "users grant ann@example.com", "users revoke", "users disable", "users enable", "users delete",
        "users list extra", "users list --email", "users list --bogus x", "users disable ann@example.com bob@example.com",
        "keys generate --alg RS256", "keys generate --alg", "keys generate extra", "users create not-an-email",
        "users grant ann@example.com Admin", "users revoke ann@example.com 9lives", "users grant ann@example.com role/with/slashes"})
    void aWrongCommandLine_isOneLineOnStderr_withExitTwo_andNoConfigurationRead(String line) {
        CommandRun wrong = withConfig(NO_CONFIG, "", line.split(" "));

        assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(2);
        assertThat(wrong.out()).isEmpty();
        assertThat(wrong.err()).startsWith("inkan: ").endsWith("\n").hasLineCount(1).doesNotContain("Exception");
    }

    @Test
    void theMessages_sayWhatIsWrong_andWhereTheHelpIs() {
        assertThat(run(env, "frobnicate").err()).isEqualTo("inkan: unknown command 'frobnicate' (see java -jar inkan.jar --help)\n");
        assertThat(run(env, "users", "grant", "ann@example.com").err())
                .isEqualTo("inkan: users grant: missing ROLE (usage: java -jar inkan.jar users grant EMAIL ROLE; more with --help)\n");
        assertThat(run(env, "users", "grant", "ann@example.com", "Admin").err())
                .startsWith("inkan: users grant: ROLE: a role is 1 to 64 characters of a-z");
        assertThat(run(env, "users", "create", "ann").err()).startsWith("inkan: users create: EMAIL: email must look like name@domain");
        assertThat(run(env, "users").err()).isEqualTo("inkan: users: missing COMMAND (see java -jar inkan.jar users --help)\n");
    }

    @Test
    void aPasswordGivenAsAnArgument_isRefused_andNeverRepeated() {
        CommandRun refused = withInput(env, PASSWORD + "\n", "users", "create", "ann@example.com", "hunter2-secret");
        CommandRun asOption = withInput(env, PASSWORD + "\n", "users", "create", "ann@example.com", "--password=hunter2-secret");

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("too many arguments");
        assertThat(asOption.exitCode()).isEqualTo(2);
        assertThat(asOption.err()).contains("it takes no options");
        assertThat(refused.toString() + asOption).doesNotContain("hunter2").doesNotContain(PASSWORD);
        assertThat(run(env, "users", "list").out()).as("nobody was created").isEmpty();
    }

    @Test
    void aPasswordTooShort_orMissing_isAUsageError_thatNeverShowsIt() {
        CommandRun tooShort = withInput(env, "short7!\n", "users", "create", "ann@example.com");
        CommandRun none = withInput(env, "", "users", "create", "ann@example.com");

        assertThat(tooShort.exitCode()).isEqualTo(2);
        assertThat(tooShort.err()).startsWith("inkan: users create: the password must be at least 15 characters").doesNotContain("short7!");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).startsWith("inkan: users create: no password on standard input");
        assertThat(run(env, "users", "list").out()).isEmpty();
    }

    @Test
    void onlyTheFirstLineOfStdin_isThePassword_spacesAndAll() {
        withInput(env, "  spaced out password  \r\nsecond line\n", "users", "create", "ann@example.com");

        try (InkanApplication app = InkanApplication.start(ConfigSource.of(server()))) {
            assertThat(new HttpJson(app.port()).post("/auth/login", HttpJson.credentials("ann@example.com", "  spaced out password  ")).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anEmailTaken_isAFailedOperation_withExitOne() {
        withInput(env, PASSWORD + "\n", "users", "create", "ann@example.com");

        CommandRun again = withInput(env, "another password\n", "users", "create", "ANN@example.com");

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.out()).isEmpty();
        assertThat(again.err()).isEqualTo("inkan: ann@example.com is registered already\n");
    }

    @Test
    void anUnknownEmail_isAFailedOperation_withExitOne_forEveryCommandOnAUser() {
        for (String[] args : List.of(new String[] {"users", "grant", "nobody@example.com", "admin"},
                new String[] {"users", "revoke", "nobody@example.com", "admin"}, new String[] {"users", "disable", "nobody@example.com"},
                new String[] {"users", "enable", "nobody@example.com"}, new String[] {"users", "delete", "nobody@example.com"})) {
            CommandRun unknown = run(env, args);

            assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(1);
            assertThat(unknown.out()).isEmpty();
            assertThat(unknown.err()).isEqualTo("inkan: no user has the e-mail nobody@example.com\n");
        }
    }

    @Test
    void theSixtyFifthRole_isAFailedOperation_withExitOne() {
        withInput(env, PASSWORD + "\n", "users", "create", "ann@example.com");
        try (Inkan inkan = InkanApplication.open(InkanSettings.from(ConfigSource.of(env)))) {
            UserId id = inkan.admin().get(new Email("ann@example.com")).account().id();
            for (int i = 0; i < Role.MAX_PER_USER; i++) {
                inkan.admin().grant(id, new Role("role" + i));
            }
        }

        CommandRun tooMany = run(env, "users", "grant", "ann@example.com", "one-more");

        assertThat(tooMany.exitCode()).isEqualTo(1);
        assertThat(tooMany.err()).isEqualTo("inkan: ann@example.com holds 64 roles already, the most a user may hold\n");
    }

    @Test
    void aBadConfiguration_isAUsageError_namingTheVariable() {
        CommandRun badPort = run(Map.of("INKAN_DATA_DIR", dataDir.toString(), "INKAN_PORT", "eighty"), "users", "list");
        CommandRun badUrl = run(Map.of("INKAN_DB_URL", "jdbc:mysql://db/inkan"), "users", "list");
        CommandRun badFile = run(Map.of("INKAN_CONFIG_FILE", dataDir.resolve("missing.properties").toString()), "users", "list");

        assertThat(List.of(badPort, badUrl, badFile)).allSatisfy(bad -> {
            assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(2);
            assertThat(bad.err()).startsWith("inkan: configuration error: ").hasLineCount(1);
        });
        assertThat(badPort.err()).contains("INKAN_PORT");
        assertThat(badUrl.err()).contains("INKAN_DB_URL");
        assertThat(badFile.err()).contains("INKAN_CONFIG_FILE");
    }

    @Test
    void anUnreachableDatabase_isAFailedOperation_withExitOne_andItsPasswordIsNeverShown() {
        CommandRun unreachable = run(Map.of("INKAN_DATA_DIR", dataDir.toString(), "INKAN_DB_URL", "jdbc:postgresql://127.0.0.1:1/inkan",
                "INKAN_DB_USER", "inkan", "INKAN_DB_PASSWORD", "db-secret-pw", "INKAN_JWT_SECRET", env.get("INKAN_JWT_SECRET")),
                "users", "list");

        assertThat(unreachable.exitCode()).isEqualTo(1);
        assertThat(unreachable.err()).startsWith("inkan: database could not be started").contains("SQL state 08001")
                .contains("check INKAN_DB_URL").hasLineCount(1).doesNotContain("db-secret-pw").doesNotContain(env.get("INKAN_JWT_SECRET"));
    }

    @Test
    void theUsageErrors_andKeysGenerate_touchNoDatabase_andMakeNoDataFolder() {
        run(env, "users", "grant", "ann@example.com", "Admin");
        run(env, "users", "create", "not-an-email");
        run(env, "keys", "generate");

        assertThat(Files.exists(dataDir.resolve("data"))).isFalse();
    }

    private Map<String, String> server() {
        Map<String, String> server = new HashMap<>(env);
        server.put("INKAN_HOST", "127.0.0.1");
        server.put("INKAN_PORT", "0");
        server.put("INKAN_MANAGEMENT_PORT", "off");
        return server;
    }
}
