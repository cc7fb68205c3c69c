-- Device authorization (security model v1.1, "Device authorization"; RFC 8628; decision 021):
-- a program without a browser (the 1relay CLI, an agent, a bot) asks POST /connect/device for a
-- device code and a short user code; the person enters the user code at /device, approves on the
-- consent page, and the program polls /connect/token with the device code and its PKCE verifier.
-- Both codes are stored only as hashes; the sealed K and the wrapped material live here from the
-- approval until the program's next poll (then they are deleted), or until the purge.

CREATE TABLE device_authorizations (
  id TEXT PRIMARY KEY NOT NULL,              -- 32 hex, random; the approval page refers to it
  client_id TEXT NOT NULL,                   -- a registered public app, or the built-in CLI client (1relay-cli)
  device_code_hash TEXT NOT NULL UNIQUE,     -- hex SHA-256 of a domain prefix and the device code
  user_code_hash TEXT NOT NULL UNIQUE,       -- hex HMAC-SHA256 (AUTH_SECRET) of the canonical user code
  code_challenge TEXT NOT NULL,              -- PKCE S256
  scope TEXT NOT NULL,                       -- canonical scope requested
  program_key TEXT NOT NULL,                 -- the program's X25519 public key, base64url
  suggested TEXT NOT NULL,                   -- JSON {budgetUsd?, rpm?}
  device_name TEXT,                          -- what the program says it runs on (shown as self-reported)
  requester_ip TEXT,                         -- where the request came from, shown on the approval page
  requester_location TEXT,                   -- approximate (city, country) when the platform knows it
  requester_agent TEXT,                      -- the program's User-Agent, truncated
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'denied', 'exchanged')),
  interval_seconds INTEGER NOT NULL,         -- the polling interval (RFC 8628 §3.5: +5 after each slow_down)
  last_polled_at INTEGER NOT NULL,           -- the last poll (the request's creation before the first)
  user_id TEXT REFERENCES users(id) ON DELETE CASCADE,   -- who approved
  connection_id TEXT,                        -- the connection built at approval
  connection_body TEXT,                      -- its wrapped material until the exchange (deleted then)
  granted_scope TEXT,
  sealed_secret TEXT,                        -- K sealed to program_key: the server cannot open it (deleted at exchange)
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL                -- the codes stop working then (an approval extends it to give one more poll)
);
CREATE INDEX device_authorizations_expiry ON device_authorizations(expires_at);
CREATE INDEX device_authorizations_user ON device_authorizations(user_id, status);
