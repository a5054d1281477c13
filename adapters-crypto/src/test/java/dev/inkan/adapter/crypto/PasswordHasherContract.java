package dev.inkan.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.application.port.out.PasswordHasher;
import dev.inkan.domain.Password;
import dev.inkan.domain.PasswordHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The contract both Argon2id hashers keep: the same PHC strings, each verifying the other's hashes. */
abstract class PasswordHasherContract {

    /** Small costs for the tests that are not about costs, to keep the suite quick. */
    static final Argon2Parameters CHEAP = new Argon2Parameters(1024, 1, 1);

    abstract PasswordHasher create(Argon2Parameters parameters);

    /** The other implementation, for cross-verification. */
    abstract PasswordHasher other(Argon2Parameters parameters);

    @Test
    void defaults_areOwaspsMinimum_inStandardPhcFormat() {
        PasswordHash hash = create(Argon2Parameters.OWASP_MINIMUM).hash(new Password("correct horse battery"));

        assertThat(hash.value()).matches("^\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}$");
    }

    @Test
    void theRightPassword_verifies_andAWrongOneDoesNot() {
        PasswordHasher hasher = create(CHEAP);
        PasswordHash hash = hasher.hash(new Password("correct horse battery"));

        assertThat(hasher.verify(hash, new Password("correct horse battery"))).isTrue();
        assertThat(hasher.verify(hash, new Password("correct horse batterY"))).isFalse();
        assertThat(hasher.verify(hash, new Password("correct horse battery "))).isFalse();
    }

    @Test
    void unicodePasswords_areHashedAsUtf8() {
        PasswordHasher hasher = create(CHEAP);
        PasswordHash hash = hasher.hash(new Password("pässwörd 印鑑 🔑"));

        assertThat(hasher.verify(hash, new Password("pässwörd 印鑑 🔑"))).isTrue();
        assertThat(other(CHEAP).verify(hash, new Password("pässwörd 印鑑 🔑"))).isTrue();
    }

    @Test
    void hashesMadeByTheOtherImplementation_verify_bothWays() {
        Password password = new Password("correct horse battery");

        assertThat(create(CHEAP).verify(other(CHEAP).hash(password), password)).isTrue();
        assertThat(other(CHEAP).verify(create(CHEAP).hash(password), password)).isTrue();
        assertThat(create(CHEAP).verify(other(CHEAP).hash(password), new Password("wrong"))).isFalse();
    }

    @Test
    void theSamePassword_hashesDifferentlyEachTime() {
        PasswordHasher hasher = create(CHEAP);

        assertThat(hasher.hash(new Password("same password"))).isNotEqualTo(hasher.hash(new Password("same password")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "$argon2id$v=19$m=1024,t=1,p=1$c29tZXNhbHQ",
        "$argon2id$v=19$m=1024,t=1,p=1$c29tZXNhbHQ$!!!!",
        "$argon2id$v=16$m=1024,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$wWKIMhR9lyDFvRz9YTZweHKfbftvj+qf+YFY4NeBbtA",
        "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
        "$garbage"
    })
    void anUnreadableHash_doesNotVerify_andDoesNotThrow(String phc) {
        assertThat(create(CHEAP).verify(new PasswordHash(phc), new Password("password"))).isFalse();
        assertThat(create(CHEAP).needsRehash(new PasswordHash(phc))).isTrue();
    }

    @Test
    void needsRehash_whenAnyCostIsWeakerThanConfigured() {
        PasswordHasher configured = create(new Argon2Parameters(2048, 2, 2));
        Password password = new Password("correct horse battery");

        assertThat(configured.needsRehash(other(new Argon2Parameters(1024, 2, 2)).hash(password))).isTrue();
        assertThat(configured.needsRehash(other(new Argon2Parameters(2048, 1, 2)).hash(password))).isTrue();
        assertThat(configured.needsRehash(other(new Argon2Parameters(2048, 2, 1)).hash(password))).isTrue();
        assertThat(configured.needsRehash(other(new Argon2Parameters(2048, 2, 2)).hash(password))).isFalse();
        assertThat(configured.needsRehash(other(new Argon2Parameters(4096, 3, 2)).hash(password))).isFalse();
    }
}
