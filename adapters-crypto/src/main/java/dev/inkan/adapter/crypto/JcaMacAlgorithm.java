package dev.inkan.adapter.crypto;

import dev.inkan.application.port.out.MacAlgorithm;
import dev.inkan.token.JdkCrypto;
import dev.inkan.token.SigningKey;

/**
 * HS256/HS384/HS512 through the JDK's {@code javax.crypto.Mac}, one initialised {@code Mac} per thread
 * and key: the token module's {@link JdkCrypto#hmac}, the one a resource server's verifier uses too.
 */
public final class JcaMacAlgorithm implements MacAlgorithm {

    @Override
    public dev.inkan.token.Mac keyed(SigningKey key) {
        return JdkCrypto.hmac(key);
    }
}
