package dev.inkan.application.service;

import static dev.inkan.application.service.Fixtures.ANN;
import static dev.inkan.application.service.Fixtures.RULES;
import static dev.inkan.application.service.Fixtures.SESSION;
import static dev.inkan.application.service.Fixtures.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.application.port.out.KeyGenerator;
import dev.inkan.application.port.out.SigningKeyChange;
import dev.inkan.application.port.out.StoredSigningKey;
import dev.inkan.application.port.out.UnreadableKeyException;
import dev.inkan.application.service.KeyStoreFakes.MemoryStore;
import dev.inkan.application.service.KeyStoreFakes.RememberingEncryption;
import dev.inkan.application.tokens.AccessTokens;
import dev.inkan.application.tokens.StoredKeyRing;
import dev.inkan.domain.InvalidTokenException;
import dev.inkan.domain.InvalidTokenException.Reason;
import dev.inkan.domain.ScheduledKey;
import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.SigningKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The key ring of the database's keys: the first keys stored on an empty store, a change heard at
 * once, and the switch to a new signing key (and the end of a retired one) at its instant, without
 * being told; the access tokens over the ring follow every change.
 */
class StoredKeyRingTest {

    private static final Duration REACH = Duration.ofMinutes(15).plusSeconds(30);

    private final MemoryStore store = new MemoryStore();
    private final RememberingEncryption encryption = new RememberingEncryption();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void anEmptyStore_getsTheFirstKeys_signsWithTheFirst_andTheOthersVerifyOneTokenReach() {
        MutableClock clock = new MutableClock(Fixtures.NOW);
        SigningKey signing = key("signing");
        SigningKey older = key("older");

        StoredKeyRing ring = open(List.of(signing, older), clock);

        assertThat(ring.keys()).containsExactly(signing, older);
        assertThat(store.keys()).extracting(StoredSigningKey::schedule).containsExactly(
                new ScheduledKey("older", Fixtures.NOW, Optional.of(Fixtures.NOW.plus(REACH))),
                new ScheduledKey("signing", Fixtures.NOW, Optional.empty()));
        assertThat(open(List.of(key("ignored")), clock).keys()).as("a store with keys keeps them").containsExactly(signing, older);
    }

    @Test
    void aChangeTheStoreTellsOf_isInTheRingAtOnce_andTheAccessTokensUseIt() {
        Clock clock = Clock.systemUTC();
        StoredKeyRing ring = open(List.of(key("a")), clock);
        AccessTokens tokens = new AccessTokens(ring, Fixtures.hs256(), RULES, Duration.ofMinutes(15));
        AtomicInteger told = new AtomicInteger();
        ring.onChange(told::incrementAndGet);
        String underA = tokens.sign(tokens.claimsFor(ANN, SESSION, "jti-a", Map.of(), clock.instant()));

        rotate(clock.instant(), "b", Duration.ofHours(1));

        assertThat(ring.keys()).extracting(SigningKey::keyId).containsExactly("a", "b");
        assertThat(told).hasValue(1);
        assertThat(tokens.verify(underA, clock.instant()).tokenId()).isEqualTo("jti-a");
    }

    @Test
    void atTheInstantThePublishedKeyStartsSigning_theRingSwitches_withoutBeingTold() throws Exception {
        Clock clock = Clock.systemUTC();
        StoredKeyRing ring = open(List.of(key("a")), clock);
        AccessTokens tokens = new AccessTokens(ring, Fixtures.hs256(), RULES, Duration.ofMinutes(15));
        String underA = tokens.sign(tokens.claimsFor(ANN, SESSION, "jti-a", Map.of(), clock.instant()));

        rotate(clock.instant(), "b", Duration.ofMillis(300));
        assertThat(kidOf(tokens.sign(tokens.claimsFor(ANN, SESSION, "jti-1", Map.of(), clock.instant())))).isEqualTo("a");

        // The ring switches first and then tells the access tokens, so wait for what a caller sees: the kid signed with.
        await(() -> kidOf(tokens.sign(tokens.claimsFor(ANN, SESSION, "jti-2", Map.of(), clock.instant()))).equals("b"));
        assertThat(ring.keys().get(0).keyId()).isEqualTo("b");
        assertThat(tokens.verify(underA, clock.instant()).tokenId()).as("the old key still verifies").isEqualTo("jti-a");
    }

    @Test
    void atTheInstantAKeyRetires_itLeavesTheRing_andItsTokensAreRefused() throws Exception {
        Clock clock = Clock.systemUTC();
        StoredKeyRing ring = open(List.of(key("a")), clock);
        AccessTokens tokens = new AccessTokens(ring, Fixtures.hs256(), RULES, Duration.ofMinutes(15));
        String underA = tokens.sign(tokens.claimsFor(ANN, SESSION, "jti-a", Map.of(), clock.instant()));
        Instant now = clock.instant();
        StoredSigningKey a = store.keys().get(0);
        store.change(held -> new SigningKeyChange(
                List.of(stored(key("b"), new ScheduledKey("b", now, Optional.empty()))),
                List.of(new ScheduledKey("a", a.schedule().signsFrom(), Optional.of(now.plusMillis(300)))), Optional.empty()));
        assertThat(ring.keys()).extracting(SigningKey::keyId).containsExactly("b", "a");

        await(() -> ring.keys().size() == 1);
        await(() -> refuses(tokens, underA, clock)); // the ring leaves the key first, then tells the access tokens
        assertThat(ring.keys()).extracting(SigningKey::keyId).containsExactly("b");
        assertThatThrownBy(() -> tokens.verify(underA, clock.instant())).isInstanceOf(InvalidTokenException.class)
                .extracting(e -> ((InvalidTokenException) e).reason()).isEqualTo(Reason.UNKNOWN_KEY);
    }

    /** An emergency retirement heard while the database is briefly away must not leave the key verifying until the next change. */
    @Test
    void aKeyRetiredWhileTheStoreCannotBeRead_leavesTheRingOnceItCanBe() throws Exception {
        Clock clock = Clock.systemUTC();
        StoredKeyRing ring = open(List.of(key("a")), clock);
        AccessTokens tokens = new AccessTokens(ring, Fixtures.hs256(), RULES, Duration.ofMinutes(15));
        String underA = tokens.sign(tokens.claimsFor(ANN, SESSION, "jti-a", Map.of(), clock.instant()));
        store.failNextReads(1);

        new AdministerKeysService(store, encryption, new KeyStoreFakes.NumberedKeys(), JwsAlgorithm.HS256, algorithm -> { },
                Duration.ofMinutes(10), REACH, clock).retire("a");

        await(() -> refuses(tokens, underA, clock));
        assertThat(ring.keys()).extracting(SigningKey::keyId).containsExactly("new-1");
    }

    @Test
    void aKeyThatDoesNotDecrypt_stopsTheOpening_butLaterOnlyLeavesTheKeysInUse() {
        Clock clock = Clock.systemUTC();
        StoredKeyRing ring = open(List.of(key("a")), clock);
        StoredSigningKey a = store.keys().get(0);
        store.replace(new StoredSigningKey(a.algorithm(), new byte[] {9, 9, 9, 9}, a.createdAt(), a.schedule()));

        assertThatThrownBy(() -> StoredKeyRing.open(store, new RememberingEncryption(), List::of, REACH, clock, scheduler))
                .isInstanceOf(UnreadableKeyException.class).hasMessageContaining("'a'");
        store.tellListeners();
        assertThat(ring.keys()).as("the ring that was open goes on with the key it had").extracting(SigningKey::keyId)
                .containsExactly("a");
    }

    @Test
    void aStoreWhereNoKeySigns_isRefusedAtOpening() {
        Instant now = Fixtures.NOW;
        store.addFirst(List.of(stored(key("later"), new ScheduledKey("later", now.plusSeconds(60), Optional.empty()))));

        assertThatThrownBy(() -> open(List.of(), new MutableClock(now))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no stored signing key signs");
    }

    private StoredKeyRing open(List<SigningKey> first, Clock clock) {
        return StoredKeyRing.open(store, encryption, () -> first, REACH, clock, scheduler);
    }

    /** A rotation as the use case makes one: {@code keyId} published now, signing {@code delay} later. */
    private void rotate(Instant now, String keyId, Duration delay) {
        new AdministerKeysService(store, encryption, generatorOf(keyId), JwsAlgorithm.HS256, algorithm -> { },
                delay, REACH, Clock.fixed(now, ZoneOffset.UTC)).rotate(Optional.empty());
    }

    private static KeyGenerator generatorOf(String keyId) {
        return algorithm -> key(keyId);
    }

    private StoredSigningKey stored(SigningKey key, ScheduledKey schedule) {
        return new StoredSigningKey(key.algorithm(), encryption.seal(key), Fixtures.NOW, schedule);
    }

    private static boolean refuses(AccessTokens tokens, String token, Clock clock) {
        try {
            tokens.verify(token, clock.instant());
            return false;
        } catch (InvalidTokenException e) {
            return true;
        }
    }

    private static String kidOf(String token) {
        String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.UTF_8);
        return header.replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1");
    }

    /** Polls {@code condition} until it holds, for at most five seconds: the transition is timed by the ring, not the test. */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(5);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited for the ring").isBefore(deadline);
            Thread.sleep(10);
        }
    }
}
