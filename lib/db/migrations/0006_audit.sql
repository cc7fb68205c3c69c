-- Security events the person can see (never a secret, a key or a prompt): vault created,
-- password changed, key added / replaced / deleted, connection created / revoked, sign-ins.
CREATE TABLE audit_events (
  id TEXT PRIMARY KEY NOT NULL,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  detail TEXT NOT NULL,                      -- JSON: labels, names, providers; nothing secret
  created_at INTEGER NOT NULL
);
CREATE INDEX audit_user_time ON audit_events(user_id, created_at);
