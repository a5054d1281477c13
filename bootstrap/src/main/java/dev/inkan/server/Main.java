package dev.inkan.server;

import dev.inkan.application.port.out.StoreUnavailableException;
import dev.inkan.bootstrap.ConfigException;
import dev.inkan.bootstrap.ConfigSource;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/** The command line of the runnable jar: {@code java -jar inkan.jar serve}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "help" : args[0];
        switch (command) {
            case "serve" -> serve();
            case "help", "--help", "-h" -> usage(System.out);
            default -> {
                System.err.println("unknown command: " + command);
                usage(System.err);
                System.exit(2);
            }
        }
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

    private static void usage(PrintStream out) {
        out.println("usage: java -jar inkan.jar serve");
        out.println();
        out.println("Runs the Inkan HTTP API. Configuration comes from INKAN_* environment variables");
        out.println("(see the README); INKAN_CONFIG_FILE may name a properties file with the same keys.");
    }
}
