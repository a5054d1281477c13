-- Roles, what each user may do; a roles version that every removal of a role raises, so that the
-- access tokens issued before it (which carry the older version) are refused; and disabled accounts.
ALTER TABLE users ADD COLUMN roles_version BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE users ADD COLUMN disabled_at TIMESTAMP WITH TIME ZONE;

CREATE TABLE user_roles (
    user_id    UUID                     NOT NULL,
    role       VARCHAR(64)              NOT NULL,
    granted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT user_roles_pk PRIMARY KEY (user_id, role),
    CONSTRAINT user_roles_user_fk FOREIGN KEY (user_id) REFERENCES users (id)
);

-- Two more kinds of revocation: 'roles' refuses a user's tokens below a roles version, 'deleted'
-- every token of a deleted user (the tombstone that outlives the user's rows until those tokens expire).
ALTER TABLE revocations ADD COLUMN roles_version BIGINT;
ALTER TABLE revocations DROP CONSTRAINT revocations_kind_ck;
ALTER TABLE revocations ADD CONSTRAINT revocations_kind_ck CHECK (kind IN ('token', 'session', 'user', 'roles', 'deleted'));
ALTER TABLE revocations ADD CONSTRAINT revocations_roles_version_ck CHECK ((kind = 'roles') = (roles_version IS NOT NULL));
