package dev.inkan.server;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The commands of the runnable jar: their words, their arguments, the options they take and their
 * help, from which the help of {@code users} and of the jar itself are made.
 */
enum Command {

    SERVE("serve", "", Set.of(), "run the Inkan HTTP API", """
            Runs the Inkan HTTP API, and its metrics on the management port, until it is stopped
            (SIGTERM or Ctrl-C). Configuration comes from INKAN_* environment variables (see the
            README); INKAN_CONFIG_FILE may name a properties file with the same keys.
            """),
    USERS_CREATE("users create", "EMAIL", Set.of(), "register a user and print their id", """
            Registers a user and prints their id. The password is never an argument: in a terminal
            it is asked for twice, without echo; otherwise it is the first line of standard input
            (UTF-8), so that a script can pipe it in:

              printf '%s\\n' "$PASSWORD" | java -jar inkan.jar users create ann@example.com

            The password follows the rules of POST /auth/register (at least 8 characters).
            """),
    USERS_LIST("users list", "[--email PREFIX]", Set.of("--email"), "list users: id, e-mail, roles, enabled or disabled", """
            Prints the users in e-mail order, one a line, tab-separated: id, e-mail, roles
            (comma-separated; - for none), and enabled or disabled.

              --email PREFIX   only the users whose e-mail starts with PREFIX
            """),
    USERS_GRANT("users grant", "EMAIL ROLE", Set.of(), "give a user a role (admin: the admin API)", """
            Gives the user ROLE: 1 to 64 characters of a-z, 0-9, '_', '-', '.' and ':', starting
            with a letter. The role admin opens the admin API (/admin/...). The user's next login or
            refresh carries the role.
            """),
    USERS_REVOKE("users revoke", "EMAIL ROLE", Set.of(), "take a role away; tokens issued before are refused", """
            Takes ROLE away from the user. No access token issued to them before is accepted any
            more; their next refresh gets one without the role.
            """),
    USERS_DISABLE("users disable", "EMAIL", Set.of(), "refuse a user's logins and end their sessions", """
            Disables the account: every session of the user ends, their access tokens are refused,
            and login is refused until users enable.
            """),
    USERS_ENABLE("users enable", "EMAIL", Set.of(), "let a disabled user log in again", """
            Enables a disabled account: the user may log in again.
            """),
    USERS_DELETE("users delete", "EMAIL", Set.of(), "delete a user and their sessions", """
            Deletes the user and their sessions; their access tokens stay refused. There is no undo.
            """),
    KEYS_GENERATE("keys generate", "[--alg HS256|HS384|HS512|EdDSA|Ed25519|ES256]", Set.of("--alg"),
            "print a new JWK Set for INKAN_JWT_KEYS_FILE", """
            Prints a JWK Set of one new random key to standard output: 32, 48 or 64 bytes for
            HS256 (the default), HS384 or HS512, or a key pair with its private member "d" for
            EdDSA or Ed25519 (an OKP Ed25519 key) or ES256 (an EC P-256 key), with the RFC 7638
            thumbprint of the key (of the public key, for a pair) as its key id. It needs no
            configuration and opens no database. The server takes the file as
            INKAN_JWT_KEYS_FILE, with INKAN_JWT_ALG set to the key's alg:

              (umask 077; java -jar inkan.jar keys generate --alg EdDSA > jwks.json)
              INKAN_JWT_KEYS_FILE=jwks.json INKAN_JWT_ALG=EdDSA \\
                INKAN_ISSUER=https://auth.example.com java -jar inkan.jar serve

              --alg ALG   HS256, HS384, HS512, EdDSA, Ed25519 or ES256 (any case)
            """),
    KEYS_ROTATE("keys rotate", "[--alg HS256|HS384|HS512|EdDSA|Ed25519|ES256]", Set.of("--alg"),
            "publish a new signing key, which signs after INKAN_KEY_PUBLISH_DELAY", """
            Makes a new signing key in the database and publishes it at once in the JWKS of every
            instance; it starts signing INKAN_KEY_PUBLISH_DELAY later (10 minutes by default), once
            every cache of the JWKS holds it. The key that signs until then keeps verifying until
            the longest access token it signed has expired (INKAN_ACCESS_TTL and INKAN_LEEWAY
            after), then retires. Prints the new key id and when it starts signing:

              java -jar inkan.jar keys rotate --alg EdDSA

              --alg ALG   HS256, HS384, HS512, EdDSA, Ed25519 or ES256 (any case); INKAN_JWT_ALG
                          by default
            """),
    KEYS_LIST("keys list", "", Set.of(), "list the signing keys: kid, alg, state, signs from, retires at", """
            Prints the signing keys in the order they were made, one a line, tab-separated: key id,
            alg, state (published: in the JWKS, not signing yet; signing; verifying: the tokens it
            signed until they expire; retired), when it signs from, and when it retires (- for not
            yet decided).
            """),
    KEYS_RETIRE("keys retire", "KID", Set.of(), "end one key at once (an emergency): its tokens are refused", """
            Retires the key KID at once: within a second it leaves the key ring and the JWKS of
            every instance, so every token it signed is refused, and resource servers following
            the revocation feed learn of it. When KID is the signing key, the key published to sign
            next signs from now on; when there is none, a new key of INKAN_JWT_ALG is made to sign
            at once. Either way some key always signs. Users whose access token KID signed get a
            new one at their next refresh.
            """);

    /** What the help of a command that opens the database says about it. */
    private static final String DATABASE = """

            The users commands work on the database the server is configured with (the same INKAN_*
            variables), without a running server: on the embedded H2 database, stop the server
            first; on PostgreSQL, running servers see each change within a second.""";
    /** What the help of a command on the keys in the database says about it. */
    private static final String KEYS_DATABASE = """

            It works on the keys in the database the server is configured with, with the same
            INKAN_* variables (INKAN_KEY_STORE=database and the key-encryption key among them),
            while servers run: each sees a change within a second. keys rotate needs PostgreSQL;
            keys list and keys retire work on the embedded H2 database too, with the server stopped.""";
    private static final String EXIT_CODES = """

            Exit codes: 0 done, 1 the operation failed, 2 a usage or configuration error.
            """;

    private final String words;
    private final String synopsis;
    private final Set<String> options;
    private final String summary;
    private final String details;

    Command(String words, String synopsis, Set<String> options, String summary, String details) {
        this.words = words;
        this.synopsis = synopsis;
        this.options = options;
        this.summary = summary;
        this.details = details;
    }

    /** @return the words that name the command: {@code users grant} */
    String words() {
        return words;
    }

    /** @return the options it takes, each with a value */
    Set<String> options() {
        return options;
    }

    /** @return its help: its usage line, what it does, its options */
    String help() {
        return "usage: " + usage() + "\n\n" + details + (words.startsWith("users ") ? DATABASE : "")
                + (this == KEYS_ROTATE || this == KEYS_LIST || this == KEYS_RETIRE ? KEYS_DATABASE : "") + EXIT_CODES;
    }

    /** @return the line of its usage that a message points to: {@code java -jar inkan.jar users grant EMAIL ROLE} */
    String usage() {
        return "java -jar inkan.jar " + line();
    }

    private String line() {
        return synopsis.isEmpty() ? words : words + " " + synopsis;
    }

    /** @return the command named by these words, if one is */
    static Optional<Command> named(String words) {
        return Arrays.stream(values()).filter(command -> command.words.equals(words)).findFirst();
    }

    /** @return the commands whose words start with {@code group}: {@code users}; every command for {@code ""} */
    static List<Command> of(String group) {
        return Arrays.stream(values()).filter(command -> group.isEmpty() || command.words.startsWith(group + " ")).toList();
    }

    /** @return the help of a group of commands ({@code users}), or of the jar for {@code ""}: one line per command */
    static String helpOf(String group) {
        List<Command> commands = of(group);
        int width = commands.stream().mapToInt(command -> command.line().length()).max().orElse(0);
        StringBuilder help = new StringBuilder("usage: java -jar inkan.jar " + (group.isEmpty() ? "" : group + " ")
                + "COMMAND [ARGUMENTS]\n\n");
        for (Command command : commands) {
            help.append("  ").append(String.format("%-" + width + "s", command.line())).append("   ")
                    .append(command.summary).append('\n');
        }
        help.append("\nRun java -jar inkan.jar ").append(group.isEmpty() ? "" : group + " ").append("COMMAND --help for more.\n");
        return help.append(group.equals("keys") ? KEYS_DATABASE.replace("It works", "Rotate, list and retire work")
                : DATABASE).append(EXIT_CODES).toString();
    }
}
