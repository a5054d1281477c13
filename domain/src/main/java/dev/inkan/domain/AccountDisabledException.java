package dev.inkan.domain;

/** The e-mail and password were right, but an administrator disabled the account: no login. */
public final class AccountDisabledException extends AuthException {

    public AccountDisabledException() {
        super("this account is disabled");
    }
}
