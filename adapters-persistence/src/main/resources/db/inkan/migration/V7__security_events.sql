-- Runs unchanged on H2 2.x and PostgreSQL 15.
--
-- The security log: one row per security event, written in the same transaction as the change it
-- records (a login, a logout, a role granted, an account deleted, ...), or on its own for what
-- changes nothing (a failed login). Never a password, token, hash or e-mail address. user_id is
-- null only for a failed login with an e-mail nobody registered; actor_user_id names the
-- administrator who acted, and nobody else. Rows go once older than INKAN_EVENT_RETENTION, and
-- with their user when the account is deleted (but for the deletion's own event).
CREATE TABLE security_events (
    id             UUID                     NOT NULL,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    type           VARCHAR(32)              NOT NULL,
    user_id        UUID,
    actor_kind     VARCHAR(16)              NOT NULL,
    actor_user_id  UUID,
    session_id     UUID,
    role           VARCHAR(64),
    client_address VARCHAR(64),
    user_agent     VARCHAR(256),
    request_id     VARCHAR(64),
    CONSTRAINT security_events_pk PRIMARY KEY (id),
    CONSTRAINT security_events_actor_ck CHECK ((actor_kind = 'admin') = (actor_user_id IS NOT NULL))
);

-- a user's events newest first (GET /me/events, and an administrator's filter by user)
CREATE INDEX security_events_user_idx ON security_events (user_id, occurred_at DESC, id DESC);
-- every event newest first (GET /admin/events), and the purge of the old ones
CREATE INDEX security_events_occurred_at_idx ON security_events (occurred_at);
-- the events an administrator caused, whose client address and user agent go when their account does
CREATE INDEX security_events_actor_idx ON security_events (actor_user_id);
