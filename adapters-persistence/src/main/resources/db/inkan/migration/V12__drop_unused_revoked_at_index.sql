-- Runs unchanged on H2 2.x and PostgreSQL 15.
--
-- No statement has looked refresh tokens up by revoked_at since version 5: what is revoked is read
-- from the revocation log. The index only cost a write for every token stored, and on PostgreSQL a
-- young table (no statistics yet) let the planner reach the token a refresh spends through it,
-- reading every unrevoked token, instead of through the token's own unique hash.
DROP INDEX refresh_tokens_revoked_at_idx;
