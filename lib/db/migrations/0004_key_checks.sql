-- What the provider last said about a vault key (non-secret): 'ok' or 'rejected', set by
-- the gateway when it used the key; and temporary connections made by a key's Test button.
ALTER TABLE vault_items ADD COLUMN key_status TEXT CHECK (key_status IN ('ok', 'rejected'));
ALTER TABLE vault_items ADD COLUMN key_checked_at INTEGER;
ALTER TABLE connections ADD COLUMN is_key_test INTEGER NOT NULL DEFAULT 0;
