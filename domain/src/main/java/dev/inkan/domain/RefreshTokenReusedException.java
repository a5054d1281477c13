package dev.inkan.domain;

/** A refresh token that was already rotated came back: its whole family has been revoked. */
public final class RefreshTokenReusedException extends InvalidRefreshTokenException {

    private final SessionId family;

    public RefreshTokenReusedException(SessionId family) {
        super(Reason.REUSED);
        this.family = family;
    }

    public SessionId family() {
        return family;
    }
}
