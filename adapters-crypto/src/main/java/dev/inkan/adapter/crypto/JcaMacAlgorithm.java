package dev.inkan.adapter.crypto;

import dev.inkan.application.port.out.MacAlgorithm;
import dev.inkan.token.SigningKey;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HS256/HS384/HS512 through the JDK's {@code javax.crypto.Mac}, one initialised {@code Mac} per thread and key. */
public final class JcaMacAlgorithm implements MacAlgorithm {

    @Override
    public dev.inkan.token.Mac keyed(SigningKey key) {
        String jcaName = switch (key.algorithm()) {
            case HS256 -> "HmacSHA256";
            case HS384 -> "HmacSHA384";
            case HS512 -> "HmacSHA512";
            default -> throw new IllegalArgumentException(key.algorithm().jwsName() + " is not an HMAC");
        };
        SecretKeySpec spec = new SecretKeySpec(key.secret(), jcaName);
        Mac prototype = newMac(spec);
        ThreadLocal<Mac> perThread = ThreadLocal.withInitial(() -> copyOf(prototype, spec));
        return (input, offset, length) -> {
            Mac mac = perThread.get();
            mac.update(input, offset, length);
            return mac.doFinal();
        };
    }

    private static Mac newMac(SecretKeySpec spec) {
        try {
            Mac mac = Mac.getInstance(spec.getAlgorithm());
            mac.init(spec);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(spec.getAlgorithm() + " is not available in this JDK", e);
        }
    }

    /** Cloning skips the key schedule; a provider whose Mac cannot clone gets a fresh init instead. */
    private static Mac copyOf(Mac prototype, SecretKeySpec spec) {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return newMac(spec);
        }
    }
}
