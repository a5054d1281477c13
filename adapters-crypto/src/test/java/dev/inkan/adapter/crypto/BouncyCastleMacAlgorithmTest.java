package dev.inkan.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.application.port.out.MacAlgorithm;
import dev.inkan.token.JwsAlgorithm;
import org.bouncycastle.crypto.CryptoServicesRegistrar;
import org.bouncycastle.crypto.NativeServices;
import org.junit.jupiter.api.Test;

/** {@link MacAlgorithmContract} for Bouncy Castle's lightweight {@code HMac}. */
class BouncyCastleMacAlgorithmTest extends MacAlgorithmContract {

    @Override
    MacAlgorithm create() {
        return new BouncyCastleMacAlgorithm();
    }

    /** The contract above then covers the native digest too, wherever this machine has it. */
    @Test
    void hs256_usesBouncyCastlesNativeSha256_whereverBouncyCastleOffersIt() {
        boolean offered = CryptoServicesRegistrar.getNativeServices().hasService(NativeServices.SHA256);

        assertThat(BouncyCastleMacAlgorithm.implementation(JwsAlgorithm.HS256))
                .isEqualTo(offered ? "SHA256NativeDigest" : "SHA256Digest");
    }
}
