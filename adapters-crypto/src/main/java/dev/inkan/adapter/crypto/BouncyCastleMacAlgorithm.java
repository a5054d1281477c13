package dev.inkan.adapter.crypto;

import dev.inkan.application.port.out.MacAlgorithm;
import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.Mac;
import dev.inkan.token.SigningKey;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.ExtendedDigest;
import org.bouncycastle.crypto.digests.GeneralDigest;
import org.bouncycastle.crypto.digests.LongDigest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * HS256/HS384/HS512 through Bouncy Castle's lightweight {@code HMac}, one keyed instance per thread
 * and key. The digests come from {@code newInstance()}: on Linux x86_64 and ARM64 the Bouncy Castle
 * LTS build serves SHA-2 from its native library (CPU SHA extensions), elsewhere from pure Java;
 * {@link #implementation(JwsAlgorithm)} says which.
 */
public final class BouncyCastleMacAlgorithm implements MacAlgorithm {

    /** @return the class of the digest {@code algorithm} uses here, such as {@code SHA256NativeDigest} or {@code SHA256Digest} */
    public static String implementation(JwsAlgorithm algorithm) {
        return digest(algorithm).getClass().getSimpleName();
    }

    @Override
    public Mac keyed(SigningKey key) {
        JwsAlgorithm algorithm = key.algorithm();
        KeyParameter parameter = new KeyParameter(key.secret());
        ThreadLocal<HMac> perThread = ThreadLocal.withInitial(() -> {
            HMac hmac = new HMac(forHmac(digest(algorithm)));
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

    private static ExtendedDigest digest(JwsAlgorithm algorithm) {
        return switch (algorithm) {
            case HS256 -> SHA256Digest.newInstance();
            case HS384 -> SHA384Digest.newInstance();
            case HS512 -> SHA512Digest.newInstance();
            default -> throw new IllegalArgumentException(algorithm.jwsName() + " is not an HMAC");
        };
    }

    /**
     * {@code HMac} saves the keyed pad states of a {@code Memoable} digest and copies them back after
     * every MAC. For Bouncy Castle's pure-Java digests that saves hashing two blocks; for the native
     * ones each copy is three JNI calls that cost more than those two blocks (in the benchmarks), so
     * {@code HMac} gets them as plain digests and hashes the pads again.
     */
    private static Digest forHmac(ExtendedDigest digest) {
        return digest instanceof GeneralDigest || digest instanceof LongDigest ? digest : new PlainDigest(digest);
    }

    /** A digest with nothing but the {@link ExtendedDigest} methods. */
    private record PlainDigest(ExtendedDigest digest) implements ExtendedDigest {

        @Override
        public int getByteLength() {
            return digest.getByteLength();
        }

        @Override
        public String getAlgorithmName() {
            return digest.getAlgorithmName();
        }

        @Override
        public int getDigestSize() {
            return digest.getDigestSize();
        }

        @Override
        public void update(byte in) {
            digest.update(in);
        }

        @Override
        public void update(byte[] in, int inOff, int len) {
            digest.update(in, inOff, len);
        }

        @Override
        public int doFinal(byte[] out, int outOff) {
            return digest.doFinal(out, outOff);
        }

        @Override
        public void reset() {
            digest.reset();
        }
    }
}
