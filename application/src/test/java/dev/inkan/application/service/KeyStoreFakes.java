package dev.inkan.application.service;

import dev.inkan.application.port.out.KeyEncryption;
import dev.inkan.application.port.out.KeyGenerator;
import dev.inkan.application.port.out.SigningKeyChange;
import dev.inkan.application.port.out.SigningKeyStore;
import dev.inkan.application.port.out.StoreUnavailableException;
import dev.inkan.application.port.out.StoredSigningKey;
import dev.inkan.application.port.out.UnreadableKeyException;
import dev.inkan.domain.Revocation.KeyRetired;
import dev.inkan.domain.ScheduledKey;
import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.SigningKey;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Test stand-ins for the ports of the keys in the database: a store in memory, an encryption that remembers, numbered keys. */
final class KeyStoreFakes {

    private KeyStoreFakes() {
    }

    /** A {@link SigningKeyStore} in memory, telling its listeners of each change; the retirements it recorded are kept. */
    static final class MemoryStore implements SigningKeyStore {
        private final List<StoredSigningKey> keys = new ArrayList<>();
        private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
        final List<KeyRetired> retired = new CopyOnWriteArrayList<>();
        private int failingReads;

        @Override
        public synchronized List<StoredSigningKey> keys() {
            if (failingReads > 0) {
                failingReads--;
                throw new StoreUnavailableException("signing key store unavailable", new RuntimeException("the test's outage"));
            }
            return List.copyOf(keys);
        }

        /** The next {@code reads} calls of {@link #keys()} fail, as a database that is briefly away; changes still succeed. */
        synchronized void failNextReads(int reads) {
            failingReads = reads;
        }

        @Override
        public synchronized List<StoredSigningKey> addFirst(List<StoredSigningKey> first) {
            if (keys.isEmpty()) {
                keys.addAll(first);
            }
            return keys();
        }

        @Override
        public SigningKeyChange change(Function<List<StoredSigningKey>, SigningKeyChange> decide) {
            SigningKeyChange change;
            synchronized (this) {
                change = decide.apply(List.copyOf(keys));
                for (ScheduledKey moved : change.rescheduled()) {
                    keys.replaceAll(key -> key.keyId().equals(moved.keyId()) ? key.rescheduled(moved) : key);
                }
                keys.addAll(change.added());
                change.retired().ifPresent(retired::add);
            }
            listeners.forEach(Runnable::run);
            return change;
        }

        @Override
        public void onChange(Runnable listener) {
            listeners.add(listener);
        }

        /** A change of the keys made elsewhere, that the store tells its listeners of. */
        synchronized void replace(StoredSigningKey key) {
            keys.replaceAll(held -> held.keyId().equals(key.keyId()) ? key : held);
        }

        void tellListeners() {
            listeners.forEach(Runnable::run);
        }
    }

    /** "Encrypts" by remembering each key under a number, which it binds to the key's id and algorithm. */
    static final class RememberingEncryption implements KeyEncryption {
        private final Map<Integer, SigningKey> sealed = new HashMap<>();
        private final AtomicInteger next = new AtomicInteger();

        @Override
        public synchronized byte[] seal(SigningKey key) {
            int number = next.incrementAndGet();
            sealed.put(number, key);
            return ByteBuffer.allocate(4).putInt(number).array();
        }

        @Override
        public synchronized SigningKey open(String keyId, JwsAlgorithm algorithm, byte[] bytes) {
            SigningKey key = bytes.length == 4 ? sealed.get(ByteBuffer.wrap(bytes).getInt()) : null;
            if (key == null || !key.keyId().equals(keyId) || key.algorithm() != algorithm) {
                throw new UnreadableKeyException(keyId);
            }
            return key;
        }
    }

    /** HMAC keys named {@code new-1}, {@code new-2}, …, as long as their MAC (this stand-in makes no key pairs). */
    static final class NumberedKeys implements KeyGenerator {
        private final AtomicInteger made = new AtomicInteger();

        @Override
        public SigningKey generate(JwsAlgorithm algorithm) {
            String keyId = "new-" + made.incrementAndGet();
            byte[] secret = new byte[algorithm.macLength()];
            java.util.Arrays.fill(secret, (byte) keyId.hashCode());
            return new SigningKey(keyId, algorithm, secret);
        }
    }
}
