package dev.inkan.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a {@link SecurityEvent} records. Each type has a wire name, its snake_case name in the
 * security log's JSON, its table and its metrics, that stays the same whatever the constant is
 * called in code.
 */
public enum SecurityEventType {

    /** A login with the right password started a session. */
    LOGIN_SUCCEEDED("login_succeeded"),
    /** A login was refused: an unknown e-mail (the event has no user then), a wrong password, a disabled account. */
    LOGIN_FAILED("login_failed"),
    /** A spent refresh token was presented again, so its session ended. */
    REFRESH_REUSE_DETECTED("refresh_reuse_detected"),
    /** The session an access token belongs to was logged out. */
    LOGOUT("logout"),
    /** Every session of the user ended, and every access token issued to them so far is refused. */
    LOGOUT_ALL("logout_all"),
    /** One session of the user's was ended from another (the session list's "log out that device"). */
    SESSION_ENDED("session_ended"),
    /** The user changed their password. */
    PASSWORD_CHANGED("password_changed"),
    /** A password reset link was sent for the account. */
    PASSWORD_RESET_REQUESTED("password_reset_requested"),
    /** A password reset link was used and the password set. */
    PASSWORD_RESET_COMPLETED("password_reset_completed"),
    /** The account's e-mail address was verified. */
    EMAIL_VERIFIED("email_verified"),
    /** The account's e-mail address was changed. */
    EMAIL_CHANGED("email_changed"),
    /** The account was deleted; the only event of the account that stays. */
    ACCOUNT_DELETED("account_deleted"),
    /** The user was given a role (the event names it). */
    ROLE_GRANTED("role_granted"),
    /** A role was taken from the user (the event names it). */
    ROLE_REVOKED("role_revoked"),
    /** The account was disabled: its sessions ended and its logins are refused. */
    ACCOUNT_DISABLED("account_disabled"),
    /** A disabled account was enabled again. */
    ACCOUNT_ENABLED("account_enabled");

    private final String wireName;

    SecurityEventType(String wireName) {
        this.wireName = wireName;
    }

    /** @return the type's name in JSON, in the table and in metric labels: {@code login_succeeded} */
    public String wireName() {
        return wireName;
    }

    /** @return the type with this wire name, if there is one */
    public static Optional<SecurityEventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }

    /** @return whether an event of this type may have no user: only a failed login for an e-mail nobody registered */
    public boolean mayLackUser() {
        return this == LOGIN_FAILED;
    }

    /** @return whether an event of this type names the role it is about (and only these do) */
    public boolean namesARole() {
        return this == ROLE_GRANTED || this == ROLE_REVOKED;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
