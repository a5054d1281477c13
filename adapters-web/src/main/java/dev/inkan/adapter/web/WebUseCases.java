package dev.inkan.adapter.web;

import dev.inkan.application.port.in.AdministerUsersUseCase;
import dev.inkan.application.port.in.CountSecurityEventsUseCase;
import dev.inkan.application.port.in.EndSessionUseCase;
import dev.inkan.application.port.in.GetPublicKeysUseCase;
import dev.inkan.application.port.in.GetUserProfileUseCase;
import dev.inkan.application.port.in.IssueGatewayTokenUseCase;
import dev.inkan.application.port.in.ListSecurityEventsUseCase;
import dev.inkan.application.port.in.ListSessionsUseCase;
import dev.inkan.application.port.in.LoginUseCase;
import dev.inkan.application.port.in.LogoutEverywhereUseCase;
import dev.inkan.application.port.in.LogoutUseCase;
import dev.inkan.application.port.in.PublicKeys;
import dev.inkan.application.port.in.RefreshTokensUseCase;
import dev.inkan.application.port.in.RegisterUserUseCase;
import dev.inkan.application.port.in.StreamRevocationsUseCase;
import dev.inkan.application.port.in.VerifyAccessTokenUseCase;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The driving ports the HTTP API calls (the account flows among them), and the health probe it reports.
 *
 * @param events the security log, for {@code GET /me/events} and {@code GET /admin/events}
 * @param eventCounts the security events recorded by type, for the management listener's metrics
 * @param publicKeys what the JWKS and the discovery documents publish
 * @param gatewayTokens what mints the tokens forward-auth hands to upstreams whose rule names an audience
 * @param revocations the revocation log for resource servers ({@code GET /auth/revocations}); empty
 *     where it cannot be followed, and the route answers 404
 */
public record WebUseCases(
        RegisterUserUseCase register,
        LoginUseCase login,
        RefreshTokensUseCase refresh,
        LogoutUseCase logout,
        LogoutEverywhereUseCase logoutEverywhere,
        VerifyAccessTokenUseCase verify,
        GetUserProfileUseCase profile,
        ListSessionsUseCase listSessions,
        EndSessionUseCase endSession,
        AdministerUsersUseCase admin,
        ListSecurityEventsUseCase events,
        CountSecurityEventsUseCase eventCounts,
        AccountUseCases account,
        HealthProbe health,
        GetPublicKeysUseCase publicKeys,
        IssueGatewayTokenUseCase gatewayTokens,
        Optional<StreamRevocationsUseCase> revocations) {

    public WebUseCases {
        Objects.requireNonNull(register, "register");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(refresh, "refresh");
        Objects.requireNonNull(logout, "logout");
        Objects.requireNonNull(logoutEverywhere, "logoutEverywhere");
        Objects.requireNonNull(verify, "verify");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(listSessions, "listSessions");
        Objects.requireNonNull(endSession, "endSession");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(eventCounts, "eventCounts");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(publicKeys, "publicKeys");
        Objects.requireNonNull(gatewayTokens, "gatewayTokens");
        Objects.requireNonNull(revocations, "revocations");
    }

    /** The same use cases without gateway tokens or the revocation log ({@code GET /auth/revocations} answers 404). */
    public WebUseCases(RegisterUserUseCase register, LoginUseCase login, RefreshTokensUseCase refresh, LogoutUseCase logout,
                       LogoutEverywhereUseCase logoutEverywhere, VerifyAccessTokenUseCase verify, GetUserProfileUseCase profile,
                       ListSessionsUseCase listSessions, EndSessionUseCase endSession, AdministerUsersUseCase admin,
                       ListSecurityEventsUseCase events, CountSecurityEventsUseCase eventCounts, AccountUseCases account,
                       HealthProbe health, GetPublicKeysUseCase publicKeys) {
        this(register, login, refresh, logout, logoutEverywhere, verify, profile, listSessions, endSession, admin, events,
                eventCounts, account, health, publicKeys, IssueGatewayTokenUseCase.NONE, Optional.empty());
    }

    /** The same use cases without public keys (the JWKS is empty and there is no discovery document), gateway tokens or the revocation log. */
    public WebUseCases(RegisterUserUseCase register, LoginUseCase login, RefreshTokensUseCase refresh, LogoutUseCase logout,
                       LogoutEverywhereUseCase logoutEverywhere, VerifyAccessTokenUseCase verify, GetUserProfileUseCase profile,
                       ListSessionsUseCase listSessions, EndSessionUseCase endSession, AdministerUsersUseCase admin,
                       ListSecurityEventsUseCase events, CountSecurityEventsUseCase eventCounts, AccountUseCases account,
                       HealthProbe health) {
        this(register, login, refresh, logout, logoutEverywhere, verify, profile, listSessions, endSession, admin, events,
                eventCounts, account, health, () -> new PublicKeys("", List.of()), IssueGatewayTokenUseCase.NONE, Optional.empty());
    }
}
