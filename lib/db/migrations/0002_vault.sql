-- The zero-knowledge vault. Only what the security model allows: the salt, the Argon2id
-- parameters, the vault key wrapped under the master key, and provider keys sealed under
-- the vault key, with non-secret metadata (provider, label, dates). Nothing here opens
-- without the master password.

CREATE TABLE vaults (
  user_id TEXT PRIMARY KEY NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  salt TEXT NOT NULL,                 -- 16 bytes, base64url
  kdf_params TEXT NOT NULL,           -- "m=65536,t=3,p=4" (bound into the wrapped key's AAD)
  wrapped_vault_key TEXT NOT NULL,    -- envelope v1 of VK under MK
  version INTEGER NOT NULL,           -- compare-and-swap on every write
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE vault_items (
  id TEXT PRIMARY KEY NOT NULL,       -- 32 hex, drawn in the browser (it is part of the AAD)
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  provider TEXT NOT NULL CHECK (provider IN ('openai', 'anthropic', 'gemini')),
  label TEXT NOT NULL,
  sealed_key TEXT NOT NULL,           -- envelope v1 of the provider key under VK
  key_version INTEGER NOT NULL,       -- the AAD's itemVersion: +1 whenever the key is replaced
  version INTEGER NOT NULL,           -- compare-and-swap on every write
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX vault_items_user ON vault_items(user_id, created_at);
