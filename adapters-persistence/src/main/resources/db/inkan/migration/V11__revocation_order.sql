-- Runs unchanged on H2 2.x and PostgreSQL 15.
--
-- The order of the revocation log. Every transaction that records a revocation first locks this one
-- row, and holds the lock until it commits or rolls back, so transactions that record revocations
-- take their seq and commit one after the other: a revocation's seq is then also its place in the
-- order of commits. A reader that has seen seq N has seen every revocation below N that will ever be
-- committed, which is what lets a resource server follow the log from a seq (GET /auth/revocations,
-- Last-Event-ID) and miss nothing. (Without the lock, a transaction could take seq 5, another seq 6
-- and commit first, and a reader would pass 5 by.) A revoking transaction records its revocations
-- last, after every other row it locks, so that no two of them wait for each other.
CREATE TABLE revocation_order (
    id INTEGER NOT NULL,
    CONSTRAINT revocation_order_pk PRIMARY KEY (id),
    CONSTRAINT revocation_order_one_row_ck CHECK (id = 1)
);

INSERT INTO revocation_order (id) VALUES (1);
