package dev.inkan.bootstrap;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * Raw configuration: environment variables, over an optional properties file named by
 * {@code INKAN_CONFIG_FILE} (keys spelled like the variables). Every accessor fails with a message
 * naming the variable.
 */
public final class ConfigSource {

    static final String CONFIG_FILE = "INKAN_CONFIG_FILE";

    private final Map<String, String> values;

    private ConfigSource(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** Configuration from exactly these values (the embedder's or a test's). */
    public static ConfigSource of(Map<String, String> values) {
        Map<String, String> merged = new HashMap<>();
        String file = values.get(CONFIG_FILE);
        if (file != null && !file.isBlank()) {
            merged.putAll(readProperties(Path.of(file)));
        }
        values.forEach((key, value) -> {
            if (value != null) {
                merged.put(key, value);
            }
        });
        return new ConfigSource(merged);
    }

    /** Configuration from the process environment. */
    public static ConfigSource fromEnvironment() {
        return of(System.getenv());
    }

    private static Map<String, String> readProperties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException(CONFIG_FILE + ": cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        Map<String, String> map = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name).strip()));
        return map;
    }

    /** @return every value, environment over file */
    public Map<String, String> values() {
        return values;
    }

    /** @return the trimmed value, if set and not blank */
    public Optional<String> optional(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    public String string(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    public int integer(String name, int fallback, int min, int max) {
        return parsed(name, fallback, text -> {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new IllegalArgumentException();
            }
            return value;
        }, "a whole number from " + min + " to " + max);
    }

    public boolean bool(String name, boolean fallback) {
        return parsed(name, fallback, text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException();
        }, "true or false");
    }

    public Duration duration(String name, Duration fallback) {
        return parsed(name, fallback, Duration::parse, "an ISO-8601 duration such as PT15M or P7D");
    }

    /** Looks {@code name} up among {@code choices} (case-insensitive); the message lists the choices. */
    public <E extends Enum<E>> E choice(String name, E fallback, Class<E> type, Function<String, E> lookup) {
        return parsed(name, fallback, lookup, "one of " + choicesOf(type));
    }

    private static <E extends Enum<E>> String choicesOf(Class<E> type) {
        StringBuilder names = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            names.append(names.length() == 0 ? "" : ", ").append(constant.toString());
        }
        return names.toString();
    }

    private <T> T parsed(String name, T fallback, Function<String, T> parser, String expected) {
        Optional<String> text = optional(name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            T value = parser.apply(text.get());
            if (value == null) {
                throw new IllegalArgumentException();
            }
            return value;
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
            throw new ConfigException(name + " must be " + expected + ", not '" + text.get() + "'");
        }
    }
}
