-- Connections: a scoped token for a bot or agent, or (later) an app the person authorized.
-- Stored per the security model: the verifier of the token secret K (never K), CK wrapped
-- under the vault key (for the owner's browser) and, for the gateway, CK wrapped under
-- TK = HKDF(K) inside a layer under the worker's secret SK; the policy as canonical JSON
-- with its browser-made tag; and each granted provider key sealed under CK.

CREATE TABLE connections (
  id TEXT PRIMARY KEY NOT NULL,          -- 16 random bytes, 32 hex, drawn in the browser
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('token', 'app')),
  name TEXT NOT NULL,
  client_id TEXT,                        -- for app connections (a later issue)
  verifier TEXT NOT NULL,                -- hex SHA-256("1relay/v1/verify" ‖ K)
  ck_vault TEXT,                         -- envelope of CK under VK (NULL once revoked)
  ck_server TEXT,                        -- envelope under SK of the envelope of CK under TK (NULL once revoked)
  sk_id TEXT,                            -- which worker secret made ck_server
  policy TEXT NOT NULL,                  -- canonical JSON {v, providers, models, budgetUsd, rpm, expiresAt}
  policy_tag TEXT NOT NULL,              -- HMAC-SHA256(PK, policy), base64url
  token_hint TEXT NOT NULL,              -- the token's last four characters, for lists
  status TEXT NOT NULL CHECK (status IN ('active', 'paused', 'revoked')),
  version INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  last_used_at INTEGER,
  revoked_at INTEGER
);
CREATE INDEX connections_user ON connections(user_id, created_at);

CREATE TABLE connection_grants (
  connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
  provider TEXT NOT NULL CHECK (provider IN ('openai', 'anthropic', 'gemini')),
  item_id TEXT NOT NULL,                 -- the vault item the key came from
  item_key_version INTEGER NOT NULL,     -- and its key version (both in the AAD)
  sealed_key TEXT NOT NULL,              -- envelope of the provider key under CK
  PRIMARY KEY (connection_id, provider)
);

-- One row per gateway request: never the prompt or the completion.
CREATE TABLE usage_records (
  id TEXT PRIMARY KEY NOT NULL,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  connection_id TEXT NOT NULL,
  provider TEXT NOT NULL,
  model TEXT NOT NULL,
  status INTEGER NOT NULL,               -- HTTP status returned to the client
  error_code TEXT,
  input_tokens INTEGER NOT NULL,
  output_tokens INTEGER NOT NULL,
  cached_tokens INTEGER NOT NULL,
  cost_micro_usd INTEGER NOT NULL,       -- millionths of a dollar
  latency_ms INTEGER NOT NULL,
  streamed INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX usage_user_time ON usage_records(user_id, created_at);
CREATE INDEX usage_connection_time ON usage_records(connection_id, created_at);
