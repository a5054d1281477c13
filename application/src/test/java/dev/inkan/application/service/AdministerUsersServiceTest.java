package dev.inkan.application.service;

import static dev.inkan.application.service.Fixtures.CLOCK;
import static dev.inkan.application.service.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.inkan.application.port.in.UserPage;
import dev.inkan.application.port.out.SessionStore;
import dev.inkan.application.port.out.UserRepository;
import dev.inkan.domain.Actor;
import dev.inkan.domain.Email;
import dev.inkan.domain.PasswordHash;
import dev.inkan.domain.RequestOrigin;
import dev.inkan.domain.RevokeReason;
import dev.inkan.domain.Role;
import dev.inkan.domain.SecurityEvent;
import dev.inkan.domain.SecurityEventType;
import dev.inkan.domain.User;
import dev.inkan.domain.UserId;
import dev.inkan.domain.UserNotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class AdministerUsersServiceTest {

    private final UserRepository users = mock(UserRepository.class);
    private final SessionStore sessions = mock(SessionStore.class);
    private final AdministerUsersService service = new AdministerUsersService(users, sessions, Fixtures.uuids(), CLOCK);

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
    void changesGoToTheStore_atTheClocksTime_eachWithItsEvent_ofTheAdministrator() {
        UserId id = new UserId(UUID.randomUUID());
        RequestOrigin admin = RequestOrigin.of(Actor.admin(new UserId(UUID.randomUUID())), "192.0.2.1", "Firefox", "req-7");
        when(users.grantRole(eq(id), eq(Role.ADMIN), any())).thenReturn(true);
        when(users.revokeRole(eq(id), eq(Role.ADMIN), eq(NOW), any())).thenReturn(true);
        when(users.disable(eq(id), eq(NOW), any())).thenReturn(true);
        when(users.enable(eq(id), any())).thenReturn(true);
        when(users.delete(eq(id), eq(NOW), any())).thenReturn(true);
        when(users.findById(id)).thenReturn(Optional.of(user("x@example.com")));

        assertThat(service.grant(id, Role.ADMIN, admin)).isTrue();
        assertThat(service.revoke(id, Role.ADMIN, admin)).isTrue();
        assertThat(service.disable(id, admin)).isTrue();
        assertThat(service.enable(id, admin)).isTrue();
        service.delete(id, admin);
        service.logoutEverywhere(id, admin);

        ArgumentCaptor<SecurityEvent> granted = ArgumentCaptor.forClass(SecurityEvent.class);
        ArgumentCaptor<SecurityEvent> revoked = ArgumentCaptor.forClass(SecurityEvent.class);
        ArgumentCaptor<SecurityEvent> disabled = ArgumentCaptor.forClass(SecurityEvent.class);
        ArgumentCaptor<SecurityEvent> enabled = ArgumentCaptor.forClass(SecurityEvent.class);
        ArgumentCaptor<SecurityEvent> deleted = ArgumentCaptor.forClass(SecurityEvent.class);
        ArgumentCaptor<SecurityEvent> loggedOut = ArgumentCaptor.forClass(SecurityEvent.class);
        verify(users).grantRole(eq(id), eq(Role.ADMIN), granted.capture());
        verify(users).revokeRole(eq(id), eq(Role.ADMIN), eq(NOW), revoked.capture());
        verify(users).disable(eq(id), eq(NOW), disabled.capture());
        verify(users).enable(eq(id), enabled.capture());
        verify(users).delete(eq(id), eq(NOW), deleted.capture());
        verify(sessions).endAllOfUser(eq(id), eq(NOW), eq(RevokeReason.LOGOUT_EVERYWHERE), loggedOut.capture());
        assertThat(List.of(granted, revoked, disabled, enabled, deleted, loggedOut)).extracting(event -> event.getValue().type())
                .containsExactly(SecurityEventType.ROLE_GRANTED, SecurityEventType.ROLE_REVOKED, SecurityEventType.ACCOUNT_DISABLED,
                        SecurityEventType.ACCOUNT_ENABLED, SecurityEventType.ACCOUNT_DELETED, SecurityEventType.LOGOUT_ALL);
        assertThat(List.of(granted, revoked, disabled, enabled, deleted, loggedOut)).allSatisfy(event -> {
            assertThat(event.getValue().userId()).contains(id);
            assertThat(event.getValue().occurredAt()).isEqualTo(NOW);
            assertThat(event.getValue().origin().actor()).isEqualTo(admin.actor());
        });
        assertThat(granted.getValue().role()).contains(Role.ADMIN);
        assertThat(revoked.getValue().role()).contains(Role.ADMIN);
        assertThat(disabled.getValue().origin()).isEqualTo(admin);
        assertThat(deleted.getValue().origin()).as("a deletion keeps no client address or user agent")
                .isEqualTo(RequestOrigin.of(admin.actor(), null, null, "req-7"));
    }

    @Test
    void aChangeWithoutAnOrigin_isTheEmbeddingApplications() {
        UserId id = new UserId(UUID.randomUUID());

        service.disable(id);

        ArgumentCaptor<SecurityEvent> event = ArgumentCaptor.forClass(SecurityEvent.class);
        verify(users).disable(eq(id), eq(NOW), event.capture());
        assertThat(event.getValue().origin()).isEqualTo(RequestOrigin.of(Actor.application()));
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
