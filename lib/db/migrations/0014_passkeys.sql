-- Issue 20, security model v1.1 "Passkey unlock (WebAuthn PRF)": a passkey both signs in and
-- unlocks the vault. The server keeps only what verifies its signatures and the vault key wrapped
-- under a key derived in the browser from the passkey's PRF output, which it never sees.

CREATE TABLE passkeys (
  credential_id TEXT PRIMARY KEY NOT NULL,   -- the WebAuthn credential id, unpadded base64url
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name TEXT NOT NULL,                        -- the person's label ("Laptop")
  public_key TEXT NOT NULL,                  -- the credential's COSE_Key (ES256 or EdDSA), base64url
  sign_count INTEGER NOT NULL DEFAULT 0,     -- the authenticator's signature counter, last seen
  prf_salt TEXT NOT NULL,                    -- 32 random bytes drawn per credential, base64url
  wrapped_vault_key TEXT NOT NULL,           -- envelope v1 of VK under PRK, aad 1relay/v1/vault-passkey/<userId>/<credentialId>
  created_at INTEGER NOT NULL,
  last_used_at INTEGER
);
CREATE INDEX passkeys_user ON passkeys(user_id, created_at);

-- WebAuthn challenges: 32 random bytes, single use (burnt by DELETE … RETURNING), 5 minutes.
-- 'register' and 'unlock' belong to a signed-in account; 'sign_in' to nobody yet.
CREATE TABLE webauthn_challenges (
  challenge TEXT PRIMARY KEY NOT NULL,       -- base64url, as the browser echoes it in clientDataJSON
  purpose TEXT NOT NULL CHECK (purpose IN ('register', 'unlock', 'sign_in')),
  user_id TEXT REFERENCES users(id) ON DELETE CASCADE,
  expires_at INTEGER NOT NULL,
  CHECK ((purpose = 'sign_in') = (user_id IS NULL))
);
CREATE INDEX webauthn_challenges_expiry ON webauthn_challenges(expires_at);
CREATE INDEX webauthn_challenges_user ON webauthn_challenges(user_id, purpose, expires_at);
