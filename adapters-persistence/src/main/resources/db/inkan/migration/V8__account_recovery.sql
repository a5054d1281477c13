-- Runs unchanged on H2 2.x and PostgreSQL 15.
--
-- When a user proved that their address is theirs (a mailed link was used). Accounts made before
-- this version are not verified: nothing proved their addresses.
ALTER TABLE users ADD COLUMN email_verified_at TIMESTAMP WITH TIME ZONE;

-- The one-time tokens of mailed links, as SHA-256 hashes only: a password reset, the verification
-- of an address, a change of address (with the address the account moves to). A token is deleted
-- when it is used, when a newer one of the same user and purpose is issued, and, expired, by the
-- periodic purge; an expired one never works.
CREATE TABLE one_time_tokens (
    token_hash CHAR(64)                 NOT NULL,
    user_id    UUID                     NOT NULL,
    purpose    VARCHAR(16)              NOT NULL,
    new_email  VARCHAR(254),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT one_time_tokens_pk PRIMARY KEY (token_hash),
    CONSTRAINT one_time_tokens_user_fk FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT one_time_tokens_purpose_ck CHECK (purpose IN ('password_reset', 'verify_email', 'change_email')),
    CONSTRAINT one_time_tokens_new_email_ck CHECK ((purpose = 'change_email') = (new_email IS NOT NULL))
);

CREATE INDEX one_time_tokens_user_purpose_idx ON one_time_tokens (user_id, purpose);
CREATE INDEX one_time_tokens_expires_at_idx ON one_time_tokens (expires_at);
