-- App authorization (security model, "App authorization"): registered apps (OAuth clients)
-- owned by a developer account, and authorization requests from /connect/authorize through
-- the consent page to the one-time code exchange at /connect/token.

CREATE TABLE apps (
  client_id TEXT PRIMARY KEY NOT NULL,       -- app_ + 24 hex
  owner_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  homepage TEXT NOT NULL,                    -- https URL
  description TEXT NOT NULL,                 -- shown on the consent page
  redirect_uris TEXT NOT NULL,               -- JSON array of exact URIs
  logo_type TEXT,                            -- image/png, image/jpeg, image/webp, image/gif
  logo_data TEXT,                            -- base64 of the uploaded image (served from our origin)
  logo_version INTEGER NOT NULL DEFAULT 0,
  secret_hash TEXT,                          -- hex SHA-256 of the client secret (confidential clients)
  secret_hint TEXT,                          -- its last four characters
  secret_created_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX apps_owner ON apps(owner_id, created_at);

CREATE TABLE authorization_requests (
  id TEXT PRIMARY KEY NOT NULL,              -- 32 hex, random; the consent page refers to it
  client_id TEXT NOT NULL REFERENCES apps(client_id) ON DELETE CASCADE,
  redirect_uri TEXT NOT NULL,                -- exactly as the app sent it (matched when stored)
  state TEXT NOT NULL,
  code_challenge TEXT NOT NULL,              -- S256
  scope TEXT NOT NULL,                       -- canonical scope requested
  app_key TEXT NOT NULL,                     -- the app's X25519 public key, base64url
  suggested TEXT NOT NULL,                   -- JSON {budgetUsd?, rpm?}
  display TEXT NOT NULL CHECK (display IN ('page', 'popup')),
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'denied', 'exchanged')),
  user_id TEXT REFERENCES users(id) ON DELETE CASCADE,   -- who approved
  connection_id TEXT,                        -- the connection built at approval
  connection_body TEXT,                      -- its wrapped material until the exchange (deleted then)
  granted_scope TEXT,
  sealed_secret TEXT,                        -- K sealed to app_key: the server cannot open it (deleted at exchange)
  code_hash TEXT UNIQUE,                     -- hex SHA-256 of the one-time code
  code_expires_at INTEGER,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL                -- the consent page must be answered by then
);
CREATE INDEX authorization_requests_expiry ON authorization_requests(expires_at);
