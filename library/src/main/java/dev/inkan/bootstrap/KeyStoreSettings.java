package dev.inkan.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the signing keys are kept: in the file and environment sources ({@code INKAN_JWT_KEYS_FILE},
 * {@code INKAN_JWT_SECRET}, or keys generated in the data folder), fixed while Inkan runs; or in the
 * database ({@code INKAN_KEY_STORE=database}), encrypted under a key-encryption key that is never
 * stored there ({@code INKAN_KEY_ENCRYPTION_KEY} or {@code INKAN_KEY_ENCRYPTION_KEY_FILE}), and
 * rotating while it runs, each new key published {@code INKAN_KEY_PUBLISH_DELAY} before it signs.
 *
 * @param encryptionKey the key-encryption key (32 bytes) when the keys are in the database; empty when
 *     they come from the file sources
 * @param encryptionKeyOrigin where the key-encryption key came from, as messages name it
 * @param publishDelay how long a new key is in the JWKS before it signs; the JWKS is cacheable for no longer
 */
public record KeyStoreSettings(Optional<byte[]> encryptionKey, String encryptionKeyOrigin, Duration publishDelay) {

    static final String STORE = "INKAN_KEY_STORE";
    static final String ENCRYPTION_KEY = "INKAN_KEY_ENCRYPTION_KEY";
    static final String ENCRYPTION_KEY_FILE = "INKAN_KEY_ENCRYPTION_KEY_FILE";
    static final String PUBLISH_DELAY = "INKAN_KEY_PUBLISH_DELAY";
    /** Ten minutes: longer than any sane cache of a JWKS keeps it. */
    public static final Duration DEFAULT_PUBLISH_DELAY = Duration.ofMinutes(10);
    /** The length of the key-encryption key: AES-256. */
    public static final int ENCRYPTION_KEY_LENGTH = 32;
    /** The keys of the file sources, and the default publish delay. */
    public static final KeyStoreSettings FILES = new KeyStoreSettings(Optional.empty(), "", DEFAULT_PUBLISH_DELAY);

    /** @throws IllegalArgumentException when the key-encryption key is not 32 bytes or the delay is negative */
    public KeyStoreSettings {
        encryptionKey = Objects.requireNonNull(encryptionKey, "encryptionKey").map(byte[]::clone);
        Objects.requireNonNull(encryptionKeyOrigin, "encryptionKeyOrigin");
        if (encryptionKey.isPresent() && encryptionKey.get().length != ENCRYPTION_KEY_LENGTH) {
            throw new IllegalArgumentException(encryptionKeyOrigin + ": the key-encryption key must be " + ENCRYPTION_KEY_LENGTH
                    + " bytes (AES-256), not " + encryptionKey.get().length);
        }
        if (Objects.requireNonNull(publishDelay, "publishDelay").isNegative()) {
            throw new IllegalArgumentException("the publish delay cannot be negative, not " + publishDelay);
        }
    }

    /** @return a copy of the key-encryption key */
    @Override
    public Optional<byte[]> encryptionKey() {
        return encryptionKey.map(byte[]::clone);
    }

    /** @return whether the keys are kept in the database */
    public boolean inDatabase() {
        return encryptionKey.isPresent();
    }

    /** @throws ConfigException naming the variable at fault, never showing the key-encryption key */
    static KeyStoreSettings from(ConfigSource config) {
        Store store = config.choice(STORE, Store.FILE, Store.class, Store::parse);
        Duration delay = config.duration(PUBLISH_DELAY, DEFAULT_PUBLISH_DELAY);
        if (delay.isNegative()) {
            throw new ConfigException(PUBLISH_DELAY + " must be a duration of zero or more, such as PT10M, not '"
                    + config.optional(PUBLISH_DELAY).orElse("") + "'");
        }
        if (store == Store.FILE) {
            return new KeyStoreSettings(Optional.empty(), "", delay);
        }
        Optional<String> inline = config.optional(ENCRYPTION_KEY);
        Optional<String> file = config.optional(ENCRYPTION_KEY_FILE);
        if (inline.isPresent() == file.isPresent()) {
            throw new ConfigException(STORE + "=database keeps the signing keys encrypted under a key-encryption key: give it in"
                    + " exactly one of " + ENCRYPTION_KEY + " and " + ENCRYPTION_KEY_FILE + " (" + (inline.isPresent()
                    ? "both are set" : "neither is set") + "), as the unpadded base64url of 32 random bytes");
        }
        String origin = inline.isPresent() ? ENCRYPTION_KEY : ENCRYPTION_KEY_FILE;
        String text = inline.orElseGet(() -> read(Path.of(file.orElseThrow())));
        byte[] key = KeyRingLoader.base64Url(text, origin, "the key-encryption key");
        if (key.length != ENCRYPTION_KEY_LENGTH) {
            throw new ConfigException(origin + " must be the unpadded base64url of exactly " + ENCRYPTION_KEY_LENGTH
                    + " bytes (AES-256), not of " + key.length);
        }
        return new KeyStoreSettings(Optional.of(key), origin, delay);
    }

    /** The file's text without its trailing line break, as {@code echo} or an editor leaves it. */
    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).replaceFirst("\\r?\\n\\z", "");
        } catch (IOException e) {
            throw new ConfigException(ENCRYPTION_KEY_FILE + ": cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public String toString() {
        return "KeyStoreSettings[" + (inDatabase() ? "database, key-encryption key from " + encryptionKeyOrigin : "files")
                + ", publish delay " + publishDelay + "]";
    }

    /** The values of {@code INKAN_KEY_STORE}. */
    enum Store {
        FILE, DATABASE;

        static Store parse(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
