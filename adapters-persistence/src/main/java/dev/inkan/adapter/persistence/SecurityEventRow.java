package dev.inkan.adapter.persistence;

import dev.inkan.domain.Actor;
import dev.inkan.domain.RequestOrigin;
import dev.inkan.domain.Role;
import dev.inkan.domain.SecurityEvent;
import dev.inkan.domain.SecurityEventType;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * One row of {@code security_events}, and the one place where it is mapped to and from a
 * {@link SecurityEvent}. Types and actor kinds are stored by their wire names.
 */
record SecurityEventRow(UUID id, Instant occurredAt, String type, UUID userId, String actorKind, UUID actorUserId,
                        UUID sessionId, String role, String clientAddress, String userAgent, String requestId) {

    private static final System.Logger LOG = System.getLogger(SecurityEventRow.class.getName());

    /** The columns of {@code security_events}, in the order {@link #bindTo} names them. */
    static final String COLUMNS = "id, occurred_at, type, user_id, actor_kind, actor_user_id, session_id, role, "
            + "client_address, user_agent, request_id";
    /** The named parameters matching {@link #COLUMNS}. */
    static final String PARAMETERS = ":id, :occurredAt, :type, :userId, :actorKind, :actorUserId, :sessionId, :role, "
            + ":clientAddress, :userAgent, :requestId";

    static SecurityEventRow from(SecurityEvent event) {
        RequestOrigin origin = event.origin();
        return new SecurityEventRow(event.id(), event.occurredAt(), event.type().wireName(),
                event.userId().map(UserId::value).orElse(null), origin.actor().kind().wireName(),
                origin.actor().userId().map(UserId::value).orElse(null), event.sessionId().map(SessionId::value).orElse(null),
                event.role().map(Role::name).orElse(null), origin.clientAddress().orElse(null), origin.userAgent().orElse(null),
                origin.requestId().orElse(null));
    }

    /** Reads the {@link #COLUMNS} of the current row; usable as a JDBI row mapper. */
    static SecurityEventRow map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new SecurityEventRow(rs.getObject("id", UUID.class), Timestamps.read(rs, "occurred_at"), rs.getString("type"),
                rs.getObject("user_id", UUID.class), rs.getString("actor_kind"), rs.getObject("actor_user_id", UUID.class),
                rs.getObject("session_id", UUID.class), rs.getString("role"), rs.getString("client_address"),
                rs.getString("user_agent"), rs.getString("request_id"));
    }

    /** Binds the {@link #PARAMETERS}. */
    <S extends SqlStatement<S>> S bindTo(S statement) {
        return statement.bind("id", id)
                .bind("occurredAt", Timestamps.bind(occurredAt))
                .bind("type", type)
                .bind("userId", nullableUuid(userId))
                .bind("actorKind", actorKind)
                .bind("actorUserId", nullableUuid(actorUserId))
                .bind("sessionId", nullableUuid(sessionId))
                .bind("role", role)
                .bind("clientAddress", clientAddress)
                .bind("userAgent", userAgent)
                .bind("requestId", requestId);
    }

    /** A UUID, or a {@code NULL} that PostgreSQL takes for a {@code UUID} column (an untyped one it reads as text). */
    private static Argument nullableUuid(UUID value) {
        if (value == null) {
            return (position, statement, ctx) -> statement.setNull(position, Types.OTHER);
        }
        return (position, statement, ctx) -> statement.setObject(position, value);
    }

    /**
     * @return the event, or empty for a type or actor kind this version does not know (a later
     *     version wrote it): skipped, so that the rest of the log still reads
     */
    Optional<SecurityEvent> toEvent() {
        Optional<SecurityEventType> knownType = SecurityEventType.fromWireName(type);
        Optional<Actor.Kind> knownKind = Actor.Kind.fromWireName(actorKind);
        if (knownType.isEmpty() || knownKind.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "skipping a security event of unknown type or actor; upgrade this instance");
            return Optional.empty();
        }
        Actor actor = new Actor(knownKind.get(), Optional.ofNullable(actorUserId).map(UserId::new));
        RequestOrigin origin = new RequestOrigin(actor, Optional.ofNullable(clientAddress), Optional.ofNullable(userAgent),
                Optional.ofNullable(requestId));
        return Optional.of(new SecurityEvent(id, occurredAt, knownType.get(), Optional.ofNullable(userId).map(UserId::new),
                Optional.ofNullable(sessionId).map(SessionId::new), Optional.ofNullable(role).map(Role::new), origin));
    }
}
