package dev.inkan.application.port.out;

import java.util.List;
import java.util.function.Function;

/**
 * Driven port: signing keys kept in the database that every instance on it shares, each with its
 * secret part sealed by {@link KeyEncryption} and its schedule. Changes are serialised by a lock, and
 * every instance on the database hears of each within a second.
 */
public interface SigningKeyStore {

    /**
     * @return every key, retired ones too, in the order they were made
     * @throws StoreUnavailableException when the database failed
     */
    List<StoredSigningKey> keys();

    /**
     * Stores the first keys, in this order, unless the store holds keys already. Of instances that
     * start at once on an empty store, one stores its keys and the others store none.
     *
     * @return the keys held afterwards: these, or those that were there or came first
     * @throws StoreUnavailableException when the database failed
     */
    List<StoredSigningKey> addFirst(List<StoredSigningKey> first);

    /**
     * Changes the keys in one transaction: {@code decide} sees them as they are, under a lock that no
     * other change holds meanwhile, and what it returns is written with them (a retired key's
     * revocation in the revocation log); then every instance is told.
     *
     * @return what {@code decide} returned, once it is written
     * @throws StoreUnavailableException when the database failed; nothing is written then
     * @throws RuntimeException what {@code decide} throws, with nothing written
     */
    SigningKeyChange change(Function<List<StoredSigningKey>, SigningKeyChange> decide);

    /**
     * Asks to be told after each change of the keys, by this instance or another, and after each
     * reconnection to the other instances (when one may have been missed).
     *
     * @param listener called on the thread that learnt of the change; it should return quickly
     */
    void onChange(Runnable listener);
}
