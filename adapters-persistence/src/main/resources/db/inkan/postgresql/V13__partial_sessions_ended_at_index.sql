-- PostgreSQL only (H2 has no partial indexes).
--
-- Sessions are looked up by ended_at only to purge the ended ones (ended_at < a cut-off), so the
-- index holds ended sessions alone. A live session is written without touching it, and a statement
-- that finds a session by its id "AND ended_at IS NULL", as every refresh does, cannot be planned
-- through it: on a young table (no statistics yet) the planner could take that path and read every
-- live session, instead of the one its primary key names.
DROP INDEX sessions_ended_at_idx;
CREATE INDEX sessions_ended_at_idx ON sessions (ended_at) WHERE ended_at IS NOT NULL;
