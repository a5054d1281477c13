package dev.inkan.domain;

/** No key of the key store has that key id. */
public final class KeyNotFoundException extends AuthException {

    private final String keyId;

    public KeyNotFoundException(String keyId) {
        super("no key has the id '" + keyId + "'");
        this.keyId = keyId;
    }

    /** @return the key id that was asked for */
    public String keyId() {
        return keyId;
    }
}
