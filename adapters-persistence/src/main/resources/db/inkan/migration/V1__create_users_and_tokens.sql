-- Runs unchanged on H2 2.x and PostgreSQL 15: plain SQL types only, every constraint named.
-- Instants are TIMESTAMP WITH TIME ZONE, written at UTC by the adapter.

CREATE TABLE users (
    id                 UUID                     NOT NULL,
    email              VARCHAR(254)             NOT NULL,
    password_hash      VARCHAR(512)             NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    tokens_valid_after TIMESTAMP WITH TIME ZONE,
    CONSTRAINT users_pk PRIMARY KEY (id),
    CONSTRAINT users_email_uq UNIQUE (email)
);

CREATE TABLE refresh_tokens (
    id            UUID                     NOT NULL,
    user_id       UUID                     NOT NULL,
    family_id     UUID                     NOT NULL,
    token_hash    CHAR(64)                 NOT NULL,
    issued_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at       TIMESTAMP WITH TIME ZONE,
    revoked_at    TIMESTAMP WITH TIME ZONE,
    revoke_reason VARCHAR(32),
    CONSTRAINT refresh_tokens_pk PRIMARY KEY (id),
    CONSTRAINT refresh_tokens_token_hash_uq UNIQUE (token_hash),
    CONSTRAINT refresh_tokens_user_fk FOREIGN KEY (user_id) REFERENCES users (id),
    -- a revocation always says why
    CONSTRAINT refresh_tokens_revoke_reason_ck CHECK (
        (revoked_at IS NULL AND revoke_reason IS NULL) OR (revoked_at IS NOT NULL AND revoke_reason IS NOT NULL))
);

CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);
-- for loading recent revocations at start-up and for purging expired rows
CREATE INDEX refresh_tokens_revoked_at_idx ON refresh_tokens (revoked_at);
CREATE INDEX refresh_tokens_expires_at_idx ON refresh_tokens (expires_at);

CREATE TABLE revoked_access_tokens (
    jti        VARCHAR(128)             NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT revoked_access_tokens_pk PRIMARY KEY (jti)
);

CREATE INDEX revoked_access_tokens_expires_at_idx ON revoked_access_tokens (expires_at);
