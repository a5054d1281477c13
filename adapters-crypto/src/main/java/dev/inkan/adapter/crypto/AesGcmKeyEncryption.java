package dev.inkan.adapter.crypto;

import dev.inkan.application.port.out.KeyEncryption;
import dev.inkan.application.port.out.UnreadableKeyException;
import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret part of signing keys encrypted at rest with AES-256-GCM (JCA) under a key-encryption key
 * of 32 bytes: each key gets a fresh random 96-bit nonce, and the additional authenticated data binds
 * the sealed secret to its key's algorithm and id, so it cannot be moved to another key. A sealed
 * secret is the nonce, then the ciphertext with its 128-bit tag. A key pair is stored as its private
 * key alone; its public key is derived again when it is opened.
 */
public final class AesGcmKeyEncryption implements KeyEncryption {

    /** The length of the key-encryption key: AES-256. */
    public static final int KEY_LENGTH = 32;
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final String AAD_PREFIX = "inkan signing key|";

    private final SecretKeySpec keyEncryptionKey;
    private final SecureRandom random;

    /**
     * @param keyEncryptionKey exactly {@value #KEY_LENGTH} bytes, copied
     * @param random where the nonces come from
     * @throws IllegalArgumentException when the key is not {@value #KEY_LENGTH} bytes long (saying how long it is, nothing more)
     */
    public AesGcmKeyEncryption(byte[] keyEncryptionKey, SecureRandom random) {
        Objects.requireNonNull(keyEncryptionKey, "keyEncryptionKey");
        if (keyEncryptionKey.length != KEY_LENGTH) {
            throw new IllegalArgumentException("the key-encryption key must be " + KEY_LENGTH + " bytes (AES-256), not "
                    + keyEncryptionKey.length);
        }
        this.keyEncryptionKey = new SecretKeySpec(keyEncryptionKey, "AES");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public byte[] seal(SigningKey key) {
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        byte[] secret = key.secret();
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, key.keyId(), key.algorithm());
            byte[] sealed = Arrays.copyOf(nonce, NONCE_LENGTH + cipher.getOutputSize(secret.length));
            cipher.doFinal(secret, 0, secret.length, sealed, NONCE_LENGTH);
            return sealed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed to encrypt key '" + key.keyId() + "' ("
                    + e.getClass().getSimpleName() + ")");
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    @Override
    public SigningKey open(String keyId, JwsAlgorithm algorithm, byte[] sealed) {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(algorithm, "algorithm");
        if (sealed.length < NONCE_LENGTH + TAG_BITS / 8 + 1) {
            throw new UnreadableKeyException(keyId);
        }
        byte[] secret;
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, NONCE_LENGTH), keyId, algorithm);
            secret = cipher.doFinal(sealed, NONCE_LENGTH, sealed.length - NONCE_LENGTH);
        } catch (AEADBadTagException e) {
            throw new UnreadableKeyException(keyId);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed to decrypt key '" + keyId + "' ("
                    + e.getClass().getSimpleName() + ")");
        }
        try {
            return algorithm.isHmac() ? new SigningKey(keyId, algorithm, secret) : KeyPairs.ofPrivateKey(keyId, algorithm, secret);
        } catch (IllegalArgumentException e) {
            // authentic, yet not a key of its algorithm: only a key-encryption key's holder could have made it
            throw new UnreadableKeyException(keyId);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String keyId, JwsAlgorithm algorithm) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, keyEncryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
        // the algorithm's name holds no '|', so the key id after it is read back unambiguously, whatever it holds
        cipher.updateAAD((AAD_PREFIX + algorithm.jwsName() + "|" + keyId).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    @Override
    public String toString() {
        return "AesGcmKeyEncryption[AES-256-GCM]";
    }
}
