package dev.inkan.server;

import dev.inkan.application.port.in.AdministerUsersUseCase;
import dev.inkan.application.port.in.RegisterCommand;
import dev.inkan.application.port.in.UserAccount;
import dev.inkan.application.port.in.UserPage;
import dev.inkan.application.port.out.StoreUnavailableException;
import dev.inkan.bootstrap.ConfigSource;
import dev.inkan.bootstrap.Inkan;
import dev.inkan.domain.Email;
import dev.inkan.domain.EmailAlreadyRegisteredException;
import dev.inkan.domain.RequestOrigin;
import dev.inkan.domain.WeakPasswordException;
import dev.inkan.domain.Role;
import dev.inkan.domain.TooManyRolesException;
import dev.inkan.domain.UserId;
import dev.inkan.domain.UserNotFoundException;
import java.io.PrintStream;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.h2.api.ErrorCode;

/**
 * The {@code users} commands: each checks its arguments first, then opens Inkan on the configured
 * database exactly as the server does (without HTTP), makes its one change through the use cases
 * and closes it again. What it prints on standard output is the result alone. Each change is in
 * the security log as the command line's ({@link RequestOrigin#cli()}).
 */
final class UserCommands {

    private UserCommands() {
    }

    /**
     * @param command one of the {@code users} commands
     * @return the exit code
     * @throws CommandFailure when the arguments are wrong or the change fails
     * @throws dev.inkan.bootstrap.ConfigException when the configuration is bad
     */
    static int run(Command command, Arguments arguments, Terminal terminal, Supplier<ConfigSource> config) {
        PrintStream out = terminal.out();
        switch (command) {
            case USERS_CREATE -> {
                Email email = email(command, arguments.positionals("EMAIL").get(0));
                // Opened first, so that a wrong configuration or a locked database is said before the password is typed.
                UserId id = withInkan(config, inkan -> {
                    RegisterCommand registration = registration(command, email, terminal.newPassword(command, "Password for " + email));
                    try {
                        return inkan.register().register(registration).id();
                    } catch (EmailAlreadyRegisteredException e) {
                        throw CommandFailure.failed(email + " is registered already");
                    } catch (WeakPasswordException e) {
                        // the password policy's own words, which never repeat the password
                        throw Arguments.usage(command, e.getMessage());
                    }
                });
                out.println(id);
            }
            case USERS_LIST -> {
                String prefix = arguments.option("--email").orElse("").strip().toLowerCase(Locale.ROOT);
                arguments.positionals();
                withInkan(config, inkan -> list(inkan.admin(), prefix, out));
            }
            case USERS_GRANT -> {
                List<String> emailAndRole = arguments.positionals("EMAIL", "ROLE");
                Email email = email(command, emailAndRole.get(0));
                Role role = role(command, emailAndRole.get(1));
                boolean granted = onUser(config, email, (admin, id) -> {
                    try {
                        return admin.grant(id, role, RequestOrigin.cli());
                    } catch (TooManyRolesException e) {
                        throw CommandFailure.failed(email + " holds " + Role.MAX_PER_USER + " roles already, the most a user may hold");
                    }
                });
                out.println(granted ? "granted " + role + " to " + email : email + " holds " + role + " already");
            }
            case USERS_REVOKE -> {
                List<String> emailAndRole = arguments.positionals("EMAIL", "ROLE");
                Email email = email(command, emailAndRole.get(0));
                Role role = role(command, emailAndRole.get(1));
                out.println(onUser(config, email, (admin, id) -> admin.revoke(id, role, RequestOrigin.cli()))
                        ? "revoked " + role + " from " + email + "; the access tokens issued to them before are refused"
                        : email + " does not hold " + role);
            }
            case USERS_DISABLE -> {
                Email email = email(command, arguments.positionals("EMAIL").get(0));
                out.println(onUser(config, email, (admin, id) -> admin.disable(id, RequestOrigin.cli()))
                        ? "disabled " + email + "; their sessions have ended" : email + " is disabled already");
            }
            case USERS_ENABLE -> {
                Email email = email(command, arguments.positionals("EMAIL").get(0));
                out.println(onUser(config, email, (admin, id) -> admin.enable(id, RequestOrigin.cli()))
                        ? "enabled " + email : email + " is not disabled");
            }
            case USERS_DELETE -> {
                Email email = email(command, arguments.positionals("EMAIL").get(0));
                onUser(config, email, (admin, id) -> {
                    admin.delete(id, RequestOrigin.cli());
                    return true;
                });
                out.println("deleted " + email);
            }
            default -> throw new IllegalArgumentException("not a users command: " + command);
        }
        return CommandFailure.OK;
    }

    /** @return how many users it printed: every page of them */
    private static int list(AdministerUsersUseCase admin, String prefix, PrintStream out) {
        int printed = 0;
        Optional<Email> after = Optional.empty();
        do {
            UserPage page = admin.list(prefix, after, AdministerUsersUseCase.MAX_PAGE);
            page.users().forEach(user -> out.println(line(user)));
            printed += page.users().size();
            after = page.next();
        } while (after.isPresent());
        return printed;
    }

    /** @return id, e-mail, roles (comma-separated, {@code -} for none), enabled or disabled; tab-separated */
    static String line(UserAccount user) {
        String roles = user.roles().isEmpty() ? "-" : user.roles().stream().map(Role::name).collect(Collectors.joining(","));
        return user.id() + "\t" + user.email() + "\t" + roles + "\t" + (user.disabledAt().isPresent() ? "disabled" : "enabled");
    }

    private static Email email(Command command, String text) {
        try {
            return new Email(text);
        } catch (IllegalArgumentException e) {
            throw Arguments.usage(command, "EMAIL: " + e.getMessage());
        }
    }

    private static Role role(Command command, String text) {
        try {
            return new Role(text);
        } catch (IllegalArgumentException e) {
            throw Arguments.usage(command, "ROLE: " + e.getMessage());
        }
    }

    private static RegisterCommand registration(Command command, Email email, String password) {
        try {
            return RegisterCommand.of(email.value(), password);
        } catch (IllegalArgumentException e) {
            // the password rules' own words, which never repeat the password
            throw Arguments.usage(command, e.getMessage());
        }
    }

    /** Looks the user up by e-mail and changes them; a user who is not there (any more) fails the command. */
    private static <T> T onUser(Supplier<ConfigSource> config, Email email, BiFunction<AdministerUsersUseCase, UserId, T> change) {
        return withInkan(config, inkan -> {
            AdministerUsersUseCase admin = inkan.admin();
            try {
                return change.apply(admin, admin.get(email).account().id());
            } catch (UserNotFoundException e) {
                throw CommandFailure.failed("no user has the e-mail " + email);
            }
        });
    }

    private static <T> T withInkan(Supplier<ConfigSource> config, Function<Inkan, T> work) {
        return withInkan(InkanSettings.from(config.get()), work);
    }

    /**
     * Opens Inkan on {@code settings} as the server does, runs {@code work} and closes it again.
     *
     * @throws CommandFailure when the database is unavailable, saying what to do
     */
    static <T> T withInkan(InkanSettings settings, Function<Inkan, T> work) {
        try (Inkan inkan = InkanApplication.open(settings)) {
            return work.apply(inkan);
        } catch (StoreUnavailableException e) {
            throw CommandFailure.failed(databaseProblem(e, settings));
        }
    }

    /** @return what keeps the database from the command, in words an operator can act on, never showing the URL's secrets */
    static String databaseProblem(StoreUnavailableException e, InkanSettings settings) {
        if (heldByAnotherProcess(e)) {
            String where = settings.library().database().isEmpty()
                    ? "the embedded H2 database in " + settings.server().dataDir() : "the H2 database of INKAN_DB_URL";
            return where + " is in use, most likely by a running Inkan server: stop the server first, or set INKAN_DB_URL to a"
                    + " PostgreSQL database, where the commands work while servers run";
        }
        return e.getMessage() + sqlState(e).map(state -> " (SQL state " + state + ")").orElse("")
                + "; check INKAN_DB_URL, INKAN_DB_USER, INKAN_DB_PASSWORD";
    }

    /** H2 refuses to open a file database that another process has open: error 90020, whatever its text says. */
    private static boolean heldByAnotherProcess(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }
}
