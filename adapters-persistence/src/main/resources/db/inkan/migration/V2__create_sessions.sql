-- The sessions people see in their session list: one per login, the family of its refresh tokens.
CREATE TABLE sessions (
    id           UUID PRIMARY KEY,
    user_id      UUID NOT NULL REFERENCES users (id),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE NOT NULL,
    user_agent   VARCHAR(256)
);

CREATE INDEX sessions_user_id ON sessions (user_id);
