package dev.inkan.application.service;

import dev.inkan.domain.InvalidTokenException.Reason;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** How many access tokens were refused, by reason: for operators and metrics, never for the caller. */
public final class TokenRefusals {

    private final Map<Reason, LongAdder> counts = new EnumMap<>(Reason.class);

    public TokenRefusals() {
        for (Reason reason : Reason.values()) {
            counts.put(reason, new LongAdder());
        }
    }

    void record(Reason reason) {
        counts.get(reason).increment();
    }

    /** @return refusals for {@code reason} since start-up */
    public long count(Reason reason) {
        return counts.get(reason).sum();
    }

    /** @return every reason with its count since start-up */
    public Map<Reason, Long> snapshot() {
        Map<Reason, Long> snapshot = new EnumMap<>(Reason.class);
        counts.forEach((reason, count) -> snapshot.put(reason, count.sum()));
        return snapshot;
    }
}
