-- Runs unchanged on H2 2.x and PostgreSQL 15.
--
-- The signing keys, when INKAN_KEY_STORE=database: every instance on this database signs and
-- verifies with them, and follows each rotation and retirement without a restart. seq is the order
-- the keys were made in, given by whoever adds one; two instances that make the first keys of an
-- empty table at once both write seq 1, and the primary key keeps the first of them. The secret part
-- (an HMAC secret, or the private key of a pair, whose public key is derived from it again) is
-- sealed with AES-256-GCM under a key-encryption key that is never stored here: base64url of the
-- 12-byte nonce, the ciphertext and the 16-byte tag, authenticated with the key's alg and kid.
CREATE TABLE signing_keys (
    seq        INTEGER                  NOT NULL,
    kid        VARCHAR(128)             NOT NULL,
    alg        VARCHAR(16)              NOT NULL,
    sealed_key VARCHAR(256)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    signs_from TIMESTAMP WITH TIME ZONE NOT NULL,
    retire_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT signing_keys_pk PRIMARY KEY (seq),
    CONSTRAINT signing_keys_kid_uq UNIQUE (kid),
    CONSTRAINT signing_keys_alg_ck CHECK (alg IN ('HS256', 'HS384', 'HS512', 'EdDSA', 'Ed25519', 'ES256'))
);

-- One more kind of revocation: 'key', a signing key retired before its time, whose tokens are
-- refused until the last of them expires.
ALTER TABLE revocations DROP CONSTRAINT revocations_kind_ck;
ALTER TABLE revocations ADD CONSTRAINT revocations_kind_ck
    CHECK (kind IN ('token', 'session', 'user', 'roles', 'deleted', 'key'));
