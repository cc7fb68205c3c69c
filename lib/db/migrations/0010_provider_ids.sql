-- Provider ids come from the provider registry (lib/providers/registry/provider-ids.ts) and are
-- checked with zod at every boundary; the tables no longer list them (they said 'openai',
-- 'anthropic', 'gemini'), so adding a provider needs no migration. The column keeps a check on
-- the form of an id. SQLite cannot change a CHECK in place: both tables are rebuilt, every row
-- copied as it is (ids, ciphertext, versions, key status), and the index recreated.
PRAGMA defer_foreign_keys = true;

CREATE TABLE vault_items_next (
  id TEXT PRIMARY KEY NOT NULL,       -- 32 hex, drawn in the browser (it is part of the AAD)
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  provider TEXT NOT NULL CHECK (length(provider) BETWEEN 2 AND 32 AND provider NOT GLOB '*[^a-z0-9]*'),
  label TEXT NOT NULL,
  sealed_key TEXT NOT NULL,           -- envelope v1 of the provider key under VK
  key_version INTEGER NOT NULL,       -- the AAD's itemVersion: +1 whenever the key is replaced
  version INTEGER NOT NULL,           -- compare-and-swap on every write
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  key_status TEXT CHECK (key_status IN ('ok', 'rejected')),
  key_checked_at INTEGER
);
INSERT INTO vault_items_next (id, user_id, provider, label, sealed_key, key_version, version, created_at, updated_at, key_status, key_checked_at)
  SELECT id, user_id, provider, label, sealed_key, key_version, version, created_at, updated_at, key_status, key_checked_at FROM vault_items;
DROP TABLE vault_items;
ALTER TABLE vault_items_next RENAME TO vault_items;
CREATE INDEX vault_items_user ON vault_items(user_id, created_at);

CREATE TABLE connection_grants_next (
  connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
  provider TEXT NOT NULL CHECK (length(provider) BETWEEN 2 AND 32 AND provider NOT GLOB '*[^a-z0-9]*'),
  item_id TEXT NOT NULL,                 -- the vault item the key came from
  item_key_version INTEGER NOT NULL,     -- and its key version (both in the AAD)
  sealed_key TEXT NOT NULL,              -- envelope of the provider key under CK
  PRIMARY KEY (connection_id, provider)
);
INSERT INTO connection_grants_next (connection_id, provider, item_id, item_key_version, sealed_key)
  SELECT connection_id, provider, item_id, item_key_version, sealed_key FROM connection_grants;
DROP TABLE connection_grants;
ALTER TABLE connection_grants_next RENAME TO connection_grants;
