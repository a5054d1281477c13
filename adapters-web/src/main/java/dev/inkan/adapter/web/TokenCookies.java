package dev.inkan.adapter.web;

import dev.inkan.application.port.in.IssuedTokens;
import dev.inkan.domain.SessionId;
import io.javalin.http.Context;
import jakarta.servlet.http.Cookie;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The browser side of the tokens: the access token in a {@code __Host-} cookie for every path, the
 * refresh token in a cookie only {@code /auth} sees, both {@code HttpOnly}, {@code Secure} and
 * {@code SameSite=Strict}; and a CSRF token cookie that scripts may read, to send back in a header
 * (double submit).
 *
 * <p>The refresh cookie cannot be {@code __Host-} (that needs {@code Path=/}, and the refresh token
 * would then travel with every request), so a sibling subdomain could plant one of its own with
 * {@code Domain=} the parent. The CSRF token is therefore bound to the session it was issued for
 * ({@code <session id>.<random>}): a refresh cookie of another session fails the proof, and cannot
 * switch the browser into another account.
 *
 * <p>With a cookie domain (several subdomains behind one gateway), the access and CSRF cookies are
 * {@code __Secure-} with {@code Domain=} that domain, so every host under it receives them and one
 * login covers them all; the refresh cookie stays on Inkan's own host, the only one that refreshes.
 */
final class TokenCookies {

    static final String ACCESS = "__Host-inkan_access";
    static final String REFRESH = "__Secure-inkan_refresh";
    static final String CSRF = "__Host-inkan_csrf";
    static final String SHARED_ACCESS = "__Secure-inkan_access";
    static final String SHARED_CSRF = "__Secure-inkan_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";

    /** One DRBG per thread: the default generator shares one lock among all its instances, which a flood queues behind. */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(TokenCookies::newGenerator);

    private final String access;
    private final String csrf;
    private final String domainAttribute;

    /** @param domain the domain the access and CSRF cookies are shared with, or empty for host-only cookies */
    TokenCookies(Optional<String> domain) {
        this.access = domain.isPresent() ? SHARED_ACCESS : ACCESS;
        this.csrf = domain.isPresent() ? SHARED_CSRF : CSRF;
        this.domainAttribute = domain.map(name -> "; Domain=" + name).orElse("");
    }

    /** @return the name of the access token's cookie */
    String access() {
        return access;
    }

    /** @return the name of the CSRF token's cookie */
    String csrf() {
        return csrf;
    }

    /**
     * Sets the three cookies for freshly issued tokens; the refresh cookie goes only to {@code prefix + "/auth"}.
     *
     * @return the new CSRF token
     */
    String set(Context ctx, IssuedTokens tokens, String prefix) {
        byte[] random = new byte[32];
        RANDOM.get().nextBytes(random);
        String token = tokens.claims().sessionId() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        long refreshSeconds = tokens.refreshExpiresIn().getSeconds();
        add(ctx, access, tokens.accessToken(), domainAttribute, "/", tokens.accessExpiresInSeconds(), true);
        add(ctx, REFRESH, tokens.refreshToken(), "", prefix + "/auth", refreshSeconds, true);
        add(ctx, csrf, token, domainAttribute, "/", refreshSeconds, false);
        return token;
    }

    /** Tells the browser to forget all three cookies. */
    void clear(Context ctx, String prefix) {
        add(ctx, access, "", domainAttribute, "/", 0, true);
        add(ctx, REFRESH, "", "", prefix + "/auth", 0, true);
        add(ctx, csrf, "", domainAttribute, "/", 0, false);
    }

    private static SecureRandom newGenerator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK since 9 has DRBG", e);
        }
    }

    static Optional<String> read(Context ctx, String name) {
        return Optional.ofNullable(ctx.cookie(name)).filter(value -> !value.isEmpty());
    }

    /** @return every non-empty value of the cookie {@code name}: a browser sends a planted one beside its own */
    static List<String> readAll(Context ctx, String name) {
        Cookie[] cookies = ctx.req().getCookies();
        if (cookies == null) {
            return List.of();
        }
        return Arrays.stream(cookies)
                .filter(cookie -> cookie.getName().equals(name) && !cookie.getValue().isEmpty())
                .map(Cookie::getValue)
                .distinct()
                .toList();
    }

    /** @return the session a CSRF token was issued for, if it names one */
    static Optional<SessionId> sessionOfCsrfToken(String csrf) {
        int dot = csrf.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(SessionId.parse(csrf.substring(0, dot)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void add(Context ctx, String name, String value, String domain, String path, long maxAgeSeconds,
                            boolean httpOnly) {
        ctx.res().addHeader("Set-Cookie", name + "=" + value + domain + "; Path=" + path + "; Max-Age=" + maxAgeSeconds
                + "; Secure" + (httpOnly ? "; HttpOnly" : "") + "; SameSite=Strict");
    }
}
