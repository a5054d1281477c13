package dev.inkan.application.service;

import dev.inkan.application.port.in.AdministerUsersUseCase;
import dev.inkan.application.port.in.UserAccount;
import dev.inkan.application.port.in.UserDetails;
import dev.inkan.application.port.in.UserPage;
import dev.inkan.application.port.out.RandomSource;
import dev.inkan.application.port.out.SessionStore;
import dev.inkan.application.port.out.UserRepository;
import dev.inkan.domain.Email;
import dev.inkan.domain.RequestOrigin;
import dev.inkan.domain.RevokeReason;
import dev.inkan.domain.Role;
import dev.inkan.domain.SecurityEvent;
import dev.inkan.domain.SecurityEventType;
import dev.inkan.domain.Session;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.User;
import dev.inkan.domain.UserId;
import dev.inkan.domain.UserNotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Administers users: lists and shows them, changes their roles, disables, enables and deletes
 * them, each change with its event in the security log, recorded by the store with the change.
 */
public final class AdministerUsersService implements AdministerUsersUseCase {

    private final UserRepository users;
    private final SessionStore sessions;
    private final RandomSource random;
    private final Clock clock;

    public AdministerUsersService(UserRepository users, SessionStore sessions, RandomSource random, Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public UserPage list(String emailPrefix, Optional<Email> after, int limit) {
        Objects.requireNonNull(emailPrefix, "emailPrefix");
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("a page holds 1 to " + MAX_PAGE + " users");
        }
        // One more than asked for tells whether there is a next page.
        List<User> found = users.list(emailPrefix, after, limit + 1);
        List<User> page = found.subList(0, Math.min(limit, found.size()));
        Optional<Email> next = found.size() > limit ? Optional.of(page.get(page.size() - 1).email()) : Optional.empty();
        return new UserPage(page.stream().map(UserAccount::of).toList(), next);
    }

    @Override
    public UserDetails get(UserId id) {
        return details(users.findById(id).orElseThrow(UserNotFoundException::new));
    }

    @Override
    public UserDetails get(Email email) {
        return details(users.findByEmail(email).orElseThrow(UserNotFoundException::new));
    }

    @Override
    public boolean grant(UserId id, Role role, RequestOrigin origin) {
        return users.grantRole(id, role,
                SecurityEvent.ofRole(random.uuid(), clock.instant(), SecurityEventType.ROLE_GRANTED, id, role, origin));
    }

    @Override
    public boolean revoke(UserId id, Role role, RequestOrigin origin) {
        Instant now = clock.instant();
        return users.revokeRole(id, role, now, SecurityEvent.ofRole(random.uuid(), now, SecurityEventType.ROLE_REVOKED, id, role, origin));
    }

    @Override
    public boolean disable(UserId id, RequestOrigin origin) {
        Instant now = clock.instant();
        return users.disable(id, now, event(SecurityEventType.ACCOUNT_DISABLED, id, now, origin));
    }

    @Override
    public boolean enable(UserId id, RequestOrigin origin) {
        return users.enable(id, event(SecurityEventType.ACCOUNT_ENABLED, id, clock.instant(), origin));
    }

    @Override
    public void delete(UserId id, RequestOrigin origin) {
        Instant now = clock.instant();
        if (!users.delete(id, now, event(SecurityEventType.ACCOUNT_DELETED, id, now, origin))) {
            throw new UserNotFoundException();
        }
    }

    @Override
    public List<SessionId> logoutEverywhere(UserId id, RequestOrigin origin) {
        users.findById(id).orElseThrow(UserNotFoundException::new);
        Instant now = clock.instant();
        return sessions.endAllOfUser(id, now, RevokeReason.LOGOUT_EVERYWHERE, event(SecurityEventType.LOGOUT_ALL, id, now, origin));
    }

    private SecurityEvent event(SecurityEventType type, UserId user, Instant now, RequestOrigin origin) {
        return SecurityEvent.of(random.uuid(), now, type, user, origin);
    }

    private UserDetails details(User user) {
        List<Session> live = sessions.liveSessionsOf(user.id(), clock.instant());
        return new UserDetails(UserAccount.of(user), live.subList(0, Math.min(live.size(), UserDetails.MAX_SESSIONS)), live.size());
    }
}
