package dev.inkan.adapter.crypto;

import dev.inkan.application.port.out.MacAlgorithm;
import dev.inkan.domain.JwsAlgorithm;
import dev.inkan.domain.SigningKey;
import java.util.Objects;
import java.util.function.Supplier;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** HS256/HS384/HS512 through Bouncy Castle's lightweight {@code HMac}, one keyed instance per thread and key. */
public final class BouncyCastleMacAlgorithm implements MacAlgorithm {

    private final JwsAlgorithm algorithm;
    private final Supplier<Digest> digest;

    public BouncyCastleMacAlgorithm(JwsAlgorithm algorithm) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.digest = switch (algorithm) {
            case HS256 -> SHA256Digest::new;
            case HS384 -> SHA384Digest::new;
            case HS512 -> SHA512Digest::new;
        };
    }

    @Override
    public JwsAlgorithm algorithm() {
        return algorithm;
    }

    /** @throws IllegalArgumentException when the key is shorter than the algorithm allows */
    @Override
    public KeyedMac keyed(SigningKey key) {
        key.requireStrongEnoughFor(algorithm);
        KeyParameter parameter = new KeyParameter(key.secret());
        ThreadLocal<HMac> perThread = ThreadLocal.withInitial(() -> {
            HMac hmac = new HMac(digest.get());
            hmac.init(parameter);
            return hmac;
        });
        return (input, offset, length) -> {
            HMac hmac = perThread.get();
            hmac.update(input, offset, length);
            byte[] out = new byte[hmac.getMacSize()];
            hmac.doFinal(out, 0); // also resets to the keyed state for the next call
            return out;
        };
    }
}
