package dev.inkan.domain;

import java.util.regex.Pattern;

/**
 * Value object: a role, what a user may do, by name: {@code admin}, {@code billing:read}. A name is
 * one to 64 characters: lower-case ASCII letters, digits and {@code _ - . :}, starting with a letter,
 * so that it reads the same in a token, a URL path and a log line.
 */
public record Role(String name) implements Comparable<Role> {

    /** How many roles one user may hold: enough for any real scheme, and few enough to keep tokens small. */
    public static final int MAX_PER_USER = 64;
    static final int MAX_LENGTH = 64;
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_.:-]{0," + (MAX_LENGTH - 1) + "}");
    /** The role that may use the admin API. */
    public static final Role ADMIN = new Role("admin");

    /** @throws IllegalArgumentException when the name is not a role name */
    public Role {
        if (!isName(name)) {
            throw new IllegalArgumentException("a role is 1 to " + MAX_LENGTH
                    + " characters of a-z, 0-9, '_', '-', '.' and ':', starting with a letter");
        }
    }

    /** @return whether {@code name} is a role name, as the constructor would have it */
    public static boolean isName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    @Override
    public int compareTo(Role other) {
        return name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
