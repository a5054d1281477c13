package dev.inkan.examples.plain;

import dev.inkan.application.port.in.IssuedTokens;
import dev.inkan.application.port.in.LoginCommand;
import dev.inkan.application.port.in.RegisterCommand;
import dev.inkan.bootstrap.Inkan;
import dev.inkan.domain.AccessTokenClaims;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Inkan with no HTTP at all: register, log in and verify through the use cases. The crypto provider
 * is the first argument ({@code jca} or {@code bouncycastle}); everything else is configuration.
 */
public final class PlainJavaExample {

    private PlainJavaExample() {
    }

    public static void main(String[] args) {
        String provider = args.length > 0 ? args[0] : "jca";
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> configuration = new HashMap<>();
        configuration.put("INKAN_DB_URL", "jdbc:h2:mem:plain-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        configuration.put("INKAN_JWT_SECRET", Base64.getUrlEncoder().withoutPadding().encodeToString(key));
        configuration.put("INKAN_CRYPTO_PROVIDER", provider);

        try (Inkan inkan = Inkan.builder().configuration(configuration).build()) {
            inkan.register().register(RegisterCommand.of("ann@example.com", "correct horse battery"));
            IssuedTokens tokens = inkan.login().login(LoginCommand.of("ann@example.com", "correct horse battery"));
            AccessTokenClaims claims = inkan.verify().verify(tokens.accessToken());
            System.out.println("verified with " + provider + ": user " + claims.subject() + ", session " + claims.sessionId());
        }
    }
}
