package dev.inkan.server;

import dev.inkan.application.port.out.StoreUnavailableException;
import dev.inkan.bootstrap.ConfigException;
import dev.inkan.bootstrap.ConfigSource;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The runnable jar: {@code java -jar inkan.jar serve} runs the server; every other command
 * ({@code users …}, {@code keys generate}, {@code --help}) is one of {@link OperatorCommands}.
 */
public final class Main {

    /** The log of a command: warnings and errors only, on standard error, so standard output holds the result alone. */
    private static final String COMMAND_LOG = "logback-command.xml";
    private static final String LOGBACK_CONFIGURATION = "logback.configurationFile";

    private Main() {
    }

    public static void main(String[] args) {
        List<String> arguments = List.of(args);
        if (arguments.equals(List.of("serve"))) {
            serve();
            return;
        }
        // Before anything logs, since logback reads its configuration once, on the first logger; one the operator chose wins.
        if (System.getProperty(LOGBACK_CONFIGURATION) == null) {
            System.setProperty(LOGBACK_CONFIGURATION, COMMAND_LOG);
        }
        System.exit(OperatorCommands.run(arguments, Terminal.system(), ConfigSource::fromEnvironment));
    }

    private static void serve() {
        InkanApplication application;
        try {
            application = InkanApplication.start(ConfigSource.fromEnvironment());
        } catch (ConfigException e) {
            System.err.println("inkan: configuration error: " + e.getMessage());
            System.exit(2);
            return;
        } catch (StoreUnavailableException e) {
            System.err.println("inkan: cannot start: " + e.getMessage() + " (check INKAN_DB_URL, INKAN_DB_USER, INKAN_DB_PASSWORD)");
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            application.close();
            stopped.countDown();
        }, "inkan-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
