package dev.inkan.bootstrap;

/** A configuration value is missing or bad; the message names the variable and never echoes a secret. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message, null, false, false);
    }
}
