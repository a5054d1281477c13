package dev.inkan.domain;

import java.util.Objects;

/** A new password breaks the password policy; the message says which rule, and never repeats the password. */
public final class WeakPasswordException extends AuthException {

    /** The rules a new password can break. */
    public enum Rule { TOO_SHORT, TOO_COMMON }

    private final Rule rule;

    /** @param minLength the policy's minimum, for the message */
    public WeakPasswordException(Rule rule, int minLength) {
        super(switch (Objects.requireNonNull(rule, "rule")) {
            case TOO_SHORT -> "the password must be at least " + minLength + " characters";
            case TOO_COMMON -> "the password is one of the most common passwords; choose another";
        });
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }
}
