package dev.inkan.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads where the keys come from out of the configuration: a JWK Set file ({@code INKAN_JWT_KEYS_FILE})
 * or a bare secret ({@code INKAN_JWT_SECRET}), never both; and the refresh-successor secret
 * ({@code INKAN_SUCCESSOR_SECRET}).
 */
final class KeyRingLoader {

    static final String KEYS_FILE = "INKAN_JWT_KEYS_FILE";
    static final String SECRET = "INKAN_JWT_SECRET";
    static final String SUCCESSOR_SECRET = "INKAN_SUCCESSOR_SECRET";

    private KeyRingLoader() {
    }

    /** @return the keys {@code INKAN_JWT_KEYS_FILE} or {@code INKAN_JWT_SECRET} name, if either is set */
    static Optional<KeySource> configured(ConfigSource config) {
        Optional<String> file = config.optional(KEYS_FILE);
        Optional<String> secret = config.optional(SECRET);
        if (file.isPresent() && secret.isPresent()) {
            throw new ConfigException("set either " + KEYS_FILE + " or " + SECRET + ", not both");
        }
        if (file.isPresent()) {
            return Optional.of(jwkSetFile(Path.of(file.get()), KEYS_FILE));
        }
        return secret.map(text -> new KeySource.Secret(base64Url(text, SECRET, "the key"), SECRET));
    }

    /**
     * @return the secret refresh successors are derived from, when {@code INKAN_SUCCESSOR_SECRET}
     *     holds one (base64url of at least 32 bytes); otherwise Inkan keeps one in its database
     */
    static Optional<byte[]> successorSecret(ConfigSource config) {
        return config.optional(SUCCESSOR_SECRET).map(text -> {
            byte[] secret = base64Url(text, SUCCESSOR_SECRET, "the secret");
            try {
                Assembly.successorKey(secret);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(SUCCESSOR_SECRET + ": " + e.getMessage());
            }
            return secret;
        });
    }

    /** @return the JWK Set in {@code file}, to be read as keys once the algorithm is known */
    static KeySource jwkSetFile(Path file, String origin) {
        try {
            return new KeySource.JwkSet(Files.readString(file, StandardCharsets.UTF_8), origin);
        } catch (IOException e) {
            throw new ConfigException(origin + ": cannot read the JWK Set at " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** @throws ConfigException naming {@code variable} when {@code text} is not unpadded base64url; never repeating it */
    static byte[] base64Url(String text, String variable, String what) {
        String stripped = text.strip();
        try {
            if (stripped.indexOf('=') < 0) {
                return Base64.getUrlDecoder().decode(stripped);
            }
        } catch (IllegalArgumentException e) {
            // not base64url: refused below, without repeating the text
        }
        throw new ConfigException(variable + " must be the unpadded base64url of " + what + "'s bytes");
    }
}
