package dev.inkan.application.port.out;

/** The messages Inkan sends; each has its templates (plain text and HTML) in the mail adapter. */
public enum MailKind {

    /** After registering: a link that verifies the address (24 hours). */
    VERIFY_EMAIL(true),
    /** A change of address was asked for: a link, sent to the new address, that makes the change. */
    CONFIRM_NEW_EMAIL(true),
    /** To the old address: someone asked to move this account to another address. */
    EMAIL_CHANGE_REQUESTED(false),
    /** A link that sets a new password (30 minutes). */
    PASSWORD_RESET(true),
    /** Notice: the account's password was changed or reset. */
    PASSWORD_CHANGED(false),
    /** Someone tried to register the address of an existing account. */
    ACCOUNT_EXISTS(false);

    private final boolean hasLink;

    MailKind(boolean hasLink) {
        this.hasLink = hasLink;
    }

    /** @return whether the message carries a link with a one-time token */
    public boolean hasLink() {
        return hasLink;
    }
}
