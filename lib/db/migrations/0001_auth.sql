-- Accounts and sign-in (Auth.js with an emailed code or link; never the master password).
-- Times are integer milliseconds since the epoch (UTC).

CREATE TABLE users (
  id TEXT PRIMARY KEY NOT NULL,
  email TEXT NOT NULL UNIQUE,
  email_verified INTEGER,
  name TEXT,
  image TEXT,
  created_at INTEGER NOT NULL
);

-- Auth.js linked accounts (unused by email sign-in, kept for the adapter contract).
CREATE TABLE accounts (
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  provider TEXT NOT NULL,
  provider_account_id TEXT NOT NULL,
  refresh_token TEXT,
  access_token TEXT,
  expires_at INTEGER,
  token_type TEXT,
  scope TEXT,
  id_token TEXT,
  session_state TEXT,
  PRIMARY KEY (provider, provider_account_id)
);
CREATE INDEX accounts_user ON accounts(user_id);

-- Database sessions. The cookie holds a random token; only its SHA-256 is stored,
-- so a database leak does not hand out live sessions.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY NOT NULL,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  expires INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

-- Sign-in codes. Auth.js hands us the code already hashed with AUTH_SECRET; at most
-- one outstanding code per address, with a count of wrong attempts against it.
CREATE TABLE verification_tokens (
  identifier TEXT NOT NULL,
  token TEXT NOT NULL,
  expires INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (identifier, token)
);

-- Fixed-window counters for abuse limits (sign-in emails per address, …).
CREATE TABLE rate_limits (
  key TEXT PRIMARY KEY NOT NULL,
  window_start INTEGER NOT NULL,
  count INTEGER NOT NULL
);

-- The local mailbox: written only when EMAIL_TRANSPORT=local (never in a deployment).
CREATE TABLE dev_mailbox (
  id TEXT PRIMARY KEY NOT NULL,
  to_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  text_body TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX dev_mailbox_to ON dev_mailbox(to_address, created_at);
