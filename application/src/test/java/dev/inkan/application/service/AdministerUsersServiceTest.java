package dev.inkan.application.service;

import static dev.inkan.application.service.Fixtures.CLOCK;
import static dev.inkan.application.service.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.inkan.application.port.in.UserPage;
import dev.inkan.application.port.out.SessionStore;
import dev.inkan.application.port.out.UserRepository;
import dev.inkan.domain.Email;
import dev.inkan.domain.PasswordHash;
import dev.inkan.domain.RevokeReason;
import dev.inkan.domain.Role;
import dev.inkan.domain.User;
import dev.inkan.domain.UserId;
import dev.inkan.domain.UserNotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AdministerUsersServiceTest {

    private final UserRepository users = mock(UserRepository.class);
    private final SessionStore sessions = mock(SessionStore.class);
    private final AdministerUsersService service = new AdministerUsersService(users, sessions, CLOCK);

    @Test
    void aFullPage_saysWhereTheNextOneStarts_andTheLastSaysNothing() {
        List<User> three = IntStream.range(0, 3).mapToObj(i -> user("u" + i + "@example.com")).toList();
        when(users.list("u", Optional.empty(), 3)).thenReturn(three);
        when(users.list("u", Optional.of(new Email("u1@example.com")), 3)).thenReturn(three.subList(2, 3));

        UserPage first = service.list("u", Optional.empty(), 2);
        UserPage last = service.list("u", first.next(), 2);

        assertThat(first.users()).extracting(account -> account.email().value()).containsExactly("u0@example.com", "u1@example.com");
        assertThat(first.next()).contains(new Email("u1@example.com"));
        assertThat(last.users()).extracting(account -> account.email().value()).containsExactly("u2@example.com");
        assertThat(last.next()).isEmpty();
    }

    @Test
    void aPageOfNoneOrOverAHundred_isRefused_beforeTheStoreIsAsked() {
        assertThatThrownBy(() -> service.list("", Optional.empty(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> service.list("", Optional.empty(), 101)).isInstanceOf(IllegalArgumentException.class);
        verifyNoInteractions(users);
    }

    @Test
    void changesGoToTheStore_atTheClocksTime() {
        UserId id = new UserId(UUID.randomUUID());
        when(users.revokeRole(id, Role.ADMIN, NOW)).thenReturn(true);
        when(users.disable(id, NOW)).thenReturn(true);
        when(users.delete(id, NOW)).thenReturn(true);
        when(users.findById(id)).thenReturn(Optional.of(user("x@example.com")));

        assertThat(service.revoke(id, Role.ADMIN)).isTrue();
        assertThat(service.disable(id)).isTrue();
        service.delete(id);
        service.logoutEverywhere(id);

        verify(sessions).endAllOfUser(id, NOW, RevokeReason.LOGOUT_EVERYWHERE);
    }

    @Test
    void anUnknownUser_isNotFound() {
        UserId nobody = new UserId(UUID.randomUUID());
        when(users.findById(nobody)).thenReturn(Optional.empty());

        assertThatThrownBy(() -> service.get(nobody)).isInstanceOf(UserNotFoundException.class);
        assertThatThrownBy(() -> service.delete(nobody)).isInstanceOf(UserNotFoundException.class);
        assertThatThrownBy(() -> service.logoutEverywhere(nobody)).isInstanceOf(UserNotFoundException.class);
        verifyNoInteractions(sessions);
    }

    private static User user(String email) {
        return User.register(new UserId(UUID.randomUUID()), new Email(email), new PasswordHash("$argon2id$x"), NOW);
    }
}
