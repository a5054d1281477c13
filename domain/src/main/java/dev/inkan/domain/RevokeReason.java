package dev.inkan.domain;

/** Why a refresh token family was revoked; stored with the tokens for the audit trail. */
public enum RevokeReason {
    LOGOUT,
    LOGOUT_EVERYWHERE,
    REUSE_DETECTED,
    SESSION_ENDED,
    ACCOUNT_DISABLED,
    ACCOUNT_DELETED,
    /** The user changed their password: every other session ends. */
    PASSWORD_CHANGED,
    /** A password-reset link set a new password: every session ends. */
    PASSWORD_RESET
}
