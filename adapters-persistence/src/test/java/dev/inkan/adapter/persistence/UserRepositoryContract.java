package dev.inkan.adapter.persistence;

import static dev.inkan.adapter.persistence.TestData.NOW;
import static dev.inkan.adapter.persistence.TestData.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.inkan.domain.Email;
import dev.inkan.domain.EmailAlreadyRegisteredException;
import dev.inkan.domain.PasswordHash;
import dev.inkan.domain.User;
import dev.inkan.domain.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract of {@link JdbiUserRepository}, run on every supported database. */
abstract class UserRepositoryContract extends DatabaseTest {

    private JdbiUserRepository users;

    @BeforeEach
    void createRepository() {
        users = TestData.users(testDatabase().database());
    }

    @Test
    void addedUser_isFoundByEmailAndById_unchanged() {
        User alice = user("alice@example.com");

        users.add(alice);

        assertEquals(Optional.of(alice), users.findByEmail(new Email("alice@example.com")));
        assertEquals(Optional.of(alice), users.findById(alice.id()));
    }

    @Test
    void emailInAnotherCase_findsTheSameUser_becauseEmailsAreNormalised() {
        User alice = user("alice@example.com");
        users.add(alice);

        assertEquals(Optional.of(alice), users.findByEmail(new Email("  Alice@EXAMPLE.com ")));
    }

    @Test
    void unknownUser_isNotFound() {
        users.add(user("alice@example.com"));

        assertEquals(Optional.empty(), users.findByEmail(new Email("bob@example.com")));
        assertEquals(Optional.empty(), users.findById(new UserId(UUID.randomUUID())));
    }

    @Test
    void duplicateEmail_isRejected_withEmailAlreadyRegistered() {
        User first = user("alice@example.com");
        users.add(first);

        assertThrows(EmailAlreadyRegisteredException.class, () -> users.add(user("alice@example.com")));
        assertEquals(Optional.of(first), users.findByEmail(first.email()));
    }

    @Test
    void emailsDifferingOnlyInCase_areOneEmail_soTheSecondIsRejected() {
        users.add(user("alice@example.com"));

        assertThrows(EmailAlreadyRegisteredException.class, () -> users.add(user("ALICE@Example.Com")));
    }

    @Test
    void concurrentRegistrations_ofOneEmail_exactlyOneSucceeds() throws Exception {
        List<Boolean> added = Race.run(8, i -> {
            try {
                users.add(user("race@example.com"));
                return true;
            } catch (EmailAlreadyRegisteredException e) {
                return false;
            }
        });

        assertEquals(1, added.stream().filter(Boolean::booleanValue).count());
    }

    @Test
    void updatePasswordHash_replacesTheHash_andNothingElse() {
        User alice = user("alice@example.com");
        users.add(alice);
        PasswordHash stronger = new PasswordHash("$argon2id$v=19$m=65536,t=3,p=1$bmV3c2FsdA$bmV3aGFzaA");

        users.updatePasswordHash(alice.id(), stronger);

        assertEquals(Optional.of(alice.withPasswordHash(stronger)), users.findById(alice.id()));
    }

    @Test
    void updatesOfOneUser_leaveOtherUsersAlone() {
        User alice = user("alice@example.com");
        User bob = user("bob@example.com");
        users.add(alice);
        users.add(bob);

        users.updatePasswordHash(alice.id(), new PasswordHash("$argon2id$other"));

        assertEquals(Optional.of(bob), users.findById(bob.id()));
    }
}
