-- Decision 024 (atomic vault reset). When the account's first vault was created; set once, never
-- cleared. POST /api/vault creates a vault only where this is NULL: an account that ever had a
-- vault gets a new one only through the reset (PUT /api/account/vault), which checks a fresh
-- emailed code and replaces the vault in the same batch. Otherwise a stolen session cookie could
-- create the vault left absent by a reset and install its own signing key.
ALTER TABLE users ADD COLUMN vault_first_created_at INTEGER;

-- Every account that has a vault, or had one: a vault row, a vault_created or vault_reset audit
-- event, or a connection (only an unlocked vault makes one). An account reset before this change
-- (no vault now) counts as having had one.
UPDATE users SET vault_first_created_at = COALESCE(
  (SELECT created_at FROM vaults WHERE vaults.user_id = users.id),
  (SELECT MIN(created_at) FROM audit_events WHERE audit_events.user_id = users.id AND kind IN ('vault_created', 'vault_reset')),
  (SELECT MIN(created_at) FROM connections WHERE connections.user_id = users.id)
);
