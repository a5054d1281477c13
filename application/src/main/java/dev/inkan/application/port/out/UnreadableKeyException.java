package dev.inkan.application.port.out;

/**
 * A stored signing key did not decrypt: the key-encryption key is not the one that encrypted it, or
 * what is stored was altered or belongs to another key. Its message names the key id, never a key.
 */
public final class UnreadableKeyException extends RuntimeException {

    private final String keyId;

    public UnreadableKeyException(String keyId) {
        super("the stored key '" + keyId + "' cannot be decrypted: the key-encryption key is not the one it was encrypted"
                + " with, or what is stored was altered or moved from another key", null, false, false);
        this.keyId = keyId;
    }

    /** @return the id of the key that did not decrypt */
    public String keyId() {
        return keyId;
    }
}
