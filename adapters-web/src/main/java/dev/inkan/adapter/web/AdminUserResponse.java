package dev.inkan.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.inkan.application.port.in.UserAccount;
import dev.inkan.application.port.in.UserDetails;
import dev.inkan.application.port.in.UserPage;
import dev.inkan.domain.Email;
import dev.inkan.domain.Role;
import java.time.Instant;
import java.util.List;

/** Response bodies of the admin API: a user, with their sessions when shown alone, and a page of users. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AdminUserResponse(String id, String email, String createdAt, List<String> roles, boolean disabled,
                         String disabledAt, List<SessionsResponse.Item> sessions, Integer sessionCount) {

    static AdminUserResponse from(UserDetails details) {
        List<SessionsResponse.Item> sessions = details.sessions().stream()
                .map(session -> new SessionsResponse.Item(session.id().toString(), session.createdAt().toString(),
                        session.lastUsedAt().toString(), session.userAgent().orElse(null), null))
                .toList();
        return of(details.account(), sessions, details.sessionCount());
    }

    private static AdminUserResponse of(UserAccount account, List<SessionsResponse.Item> sessions, Integer sessionCount) {
        return new AdminUserResponse(account.id().toString(), account.email().value(), account.createdAt().toString(),
                account.roles().stream().map(Role::name).toList(), account.disabledAt().isPresent(),
                account.disabledAt().map(Instant::toString).orElse(null), sessions, sessionCount);
    }

    /** {@code GET /admin/users}: the page, and the {@code after} of the next one when there is one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Page(List<AdminUserResponse> users, String next) {

        static Page from(UserPage page) {
            return new Page(page.users().stream().map(account -> of(account, null, null)).toList(),
                    page.next().map(Email::value).orElse(null));
        }
    }
}
