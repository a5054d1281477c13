package dev.inkan.domain;

/** Value object: a password hash in PHC string format ({@code $argon2id$v=19$m=...,t=...,p=...$salt$hash}), opaque to the domain. */
public record PasswordHash(String value) {

    public PasswordHash {
        if (value == null || !value.startsWith("$")) {
            throw new IllegalArgumentException("a password hash is a PHC string");
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[" + value.substring(0, Math.max(1, value.indexOf('$', 1))) + "...]";
    }
}
