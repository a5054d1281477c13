package dev.inkan.adapter.mail;

import jakarta.mail.internet.AddressException;
import java.util.regex.Pattern;

/**
 * Why a message did not go, for the log: the exception's type and message and its root cause's, with anything that looks like an e-mail address masked, and no message at all from an
 * {@link AddressException}, whose message is the address it could not parse. A token never
 * reaches an exception message: nothing that fails reads the body.
 */
final class Reasons {

    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:@]+@[^\\s<>\"'(),;]+");
    private static final int MAX_DEPTH = 10;

    private Reasons() {
    }

    /** @return {@code Type: message} of {@code failure}, and of its root cause when it has one */
    static String of(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < MAX_DEPTH; depth++) {
            root = root.getCause();
        }
        return root == failure ? describe(failure) : describe(failure) + ", caused by " + describe(root);
    }

    private static String describe(Throwable failure) {
        String type = failure.getClass().getSimpleName();
        String message = failure.getMessage();
        if (failure instanceof AddressException || message == null || message.isBlank()) {
            return type;
        }
        return type + ": " + ADDRESS.matcher(message.strip()).replaceAll("<address>");
    }
}
