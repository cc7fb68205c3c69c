-- Issue 13, security model v1.1 "Vault signing key": a session cookie alone can restrict but
-- never loosen a limit or replace vault material.

-- The Ed25519 public key of VSK = HKDF(VK, "1relay/v1/vault-sign"), base64url (43 characters).
-- Set when the vault is created; NULL for a vault made before v1.1 until its owner unlocks it
-- and confirms a fresh emailed code. Replaced only with vault key rotation (signed by the old key).
ALTER TABLE vaults ADD COLUMN signing_public_key TEXT;

-- Single-use server nonces that signed requests carry (5 minutes; burnt by a DELETE … RETURNING).
CREATE TABLE vault_nonces (
  nonce TEXT PRIMARY KEY NOT NULL,           -- 32 random bytes, base64url
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  expires_at INTEGER NOT NULL
);
CREATE INDEX vault_nonces_user ON vault_nonces(user_id, expires_at);

-- Fresh emailed codes that confirm what a cookie alone must not do: install the first signing
-- key on an existing vault, reset the vault, delete the account. One per account and purpose.
CREATE TABLE email_confirmations (
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  purpose TEXT NOT NULL CHECK (purpose IN ('vault_signing_key', 'vault_reset', 'account_delete')),
  code_hash TEXT NOT NULL,                   -- hex SHA-256 of a domain prefix, the purpose, the account, the code and AUTH_SECRET
  expires_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (user_id, purpose)
);
