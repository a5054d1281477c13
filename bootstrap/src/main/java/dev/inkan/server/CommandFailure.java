package dev.inkan.server;

/**
 * Why a command of the operator's command line stops, and the exit code that says so. Its message
 * is the one line the operator reads after {@code inkan: }; it never holds a password or a key.
 */
final class CommandFailure extends RuntimeException {

    /** Exit code: the command did what it was asked. */
    static final int OK = 0;
    /** Exit code: the operation failed (no such user, e-mail taken, too many roles, database unreachable). */
    static final int FAILED = 1;
    /** Exit code: the command line or the configuration is wrong. */
    static final int USAGE = 2;

    private final int exitCode;

    private CommandFailure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    /** @return the failure of an operation that was well asked for: exit code {@link #FAILED} */
    static CommandFailure failed(String message) {
        return new CommandFailure(FAILED, message);
    }

    /** @return the failure of a command line that is wrong: exit code {@link #USAGE} */
    static CommandFailure usage(String message) {
        return new CommandFailure(USAGE, message);
    }

    int exitCode() {
        return exitCode;
    }
}
