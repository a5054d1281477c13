package dev.inkan.bootstrap;

import java.util.Locale;

/** {@code INKAN_CRYPTO_PROVIDER}: which library computes the token HMACs and signatures. */
public enum CryptoProvider {
    JCA,
    BOUNCYCASTLE;

    static CryptoProvider parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
