package dev.inkan.adapter.web;

/**
 * A verified caller without the role a route needs: 403 with {@code insufficient_scope} (RFC 6750
 * 3.1). It names neither the role nor what the route holds.
 */
final class InsufficientRoleException extends RuntimeException {

    InsufficientRoleException() {
        super("insufficient role", null, false, false);
    }
}
