-- PostgreSQL only: Bucket4j's rate-limit buckets, shared by every instance on this database.
CREATE TABLE inkan_rate_limit_buckets (
    id         VARCHAR(512) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
