package dev.inkan.adapter.persistence;

import dev.inkan.domain.Revocation;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The listeners of one instance's revocation feed. Delivery is synchronous, in the delivering
 * thread, and a listener that throws does not keep the revocation from the others.
 */
final class RevocationSubscribers {

    private static final System.Logger LOG = System.getLogger(RevocationSubscribers.class.getName());

    private final List<Consumer<Revocation>> listeners = new CopyOnWriteArrayList<>();

    void add(Consumer<Revocation> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    void deliver(Revocation revocation) {
        for (Consumer<Revocation> listener : listeners) {
            try {
                listener.accept(revocation);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a revocation listener failed; the other listeners still get the revocation", e);
            }
        }
    }
}
