package dev.inkan.adapter.web;

import java.time.Duration;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The routes that cost an Argon2id hash (login, registration, changing a password or an address,
 * using a reset link) run no more at once than the password
 * hasher can take; more wait their turn without holding a thread, for at most {@link #MAX_WAIT}, and
 * beyond {@link #MAX_WAITING} waiting they get 503 at once. Every other route goes past untouched,
 * so a flood of logins takes neither the request threads, nor the CPU, nor the database pool that
 * token checks, refreshes and health probes need; and the flood itself slows down, since its
 * requests wait instead of being answered at once (and sent again at once).
 */
final class PasswordRouteLimit extends QoSHandler {

    static final Duration MAX_WAIT = Duration.ofSeconds(5);
    private static final int MAX_WAITING = 4096;

    /** @param atOnce how many logins and registrations may run at once */
    PasswordRouteLimit(int atOnce) {
        // "/x/*" also matches "/x" itself, and "/x/", which Javalin routes to the same handler.
        includePath("/auth/login/*");
        includePath("/auth/register/*");
        includePath("/auth/password/*");
        includePath("/auth/password-reset/confirm/*");
        includePath("/auth/email/*");
        setMaxRequestCount(atOnce);
        setMaxSuspendedRequestCount(MAX_WAITING);
        setMaxSuspend(MAX_WAIT);
    }

    @Override
    protected void reject(Request request, Response response, Callback callback, int status) {
        response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
        super.reject(request, response, callback, status);
    }

    @Override
    protected void expireSuspended(Request request, Response response, Callback callback) {
        response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
        super.expireSuspended(request, response, callback);
    }
}
