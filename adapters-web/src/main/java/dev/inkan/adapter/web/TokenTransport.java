package dev.inkan.adapter.web;

import java.util.Locale;

/** {@code INKAN_TOKEN_TRANSPORT}: how tokens travel between Inkan and its clients. */
public enum TokenTransport {
    /** In JSON bodies and {@code Authorization: Bearer} headers only: for mobile apps and services. */
    BEARER,
    /** In {@code HttpOnly} cookies only, with a CSRF proof on unsafe requests: for browsers. */
    COOKIE,
    /** Both: bodies carry the tokens and cookies are set too. */
    BOTH;

    boolean acceptsBearer() {
        return this != COOKIE;
    }

    boolean usesCookies() {
        return this != BEARER;
    }

    /** @throws IllegalArgumentException for anything but bearer, cookie or both */
    public static TokenTransport parse(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
