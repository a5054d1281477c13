package dev.inkan.bootstrap;

import dev.inkan.adapter.web.AccountUseCases;
import dev.inkan.adapter.web.InkanJavalinPlugin;
import dev.inkan.adapter.web.RateLimitBuckets;
import dev.inkan.adapter.web.WebUseCases;
import java.util.function.Consumer;

/**
 * Inkan's use cases handed to its web adapter. Kept apart from {@link Inkan}, which only calls it,
 * so that an application without {@code inkan-adapters-web} on its class path never loads a class
 * of it.
 */
final class JavalinWiring {

    private JavalinWiring() {
    }

    static WebUseCases useCases(Inkan inkan) {
        return new WebUseCases(inkan.register(), inkan.login(), inkan.refresh(), inkan.logout(), inkan.logoutEverywhere(),
                inkan.verify(), inkan.profile(), inkan.listSessions(), inkan.endSession(), inkan.admin(), inkan.events(),
                inkan.eventCounts(),
                new AccountUseCases(inkan.changePassword(), inkan.requestPasswordReset(), inkan.resetPassword(), inkan.verifyEmail(),
                        inkan.resendVerification(), inkan.changeEmail(), inkan.deleteAccount()),
                inkan::databaseUp, inkan.publicKeys(), inkan.gatewayTokens(), java.util.Optional.of(inkan.revocations()));
    }

    static RateLimitBuckets buckets(Inkan inkan) {
        return inkan.sharedRateLimits().map(SharedRateLimits::buckets).orElseGet(RateLimitBuckets::inMemory);
    }

    static InkanJavalinPlugin plugin(Inkan inkan, Consumer<InkanJavalinPlugin.Config> configure) {
        RateLimitBuckets buckets = buckets(inkan);
        return new InkanJavalinPlugin(useCases(inkan), config -> {
            config.rateLimitBuckets = buckets;
            configure.accept(config);
        });
    }
}
