-- Issue 13 (security model v1.1, "Encodings"): a token's display hint comes from the connection
-- id, never from the token's own characters (its tail is a CRC of the secret K). Hints stored
-- before held the token's last four characters: they are cleared; lists derive the hint from
-- the connection id (lib/crypto/token-hint.ts), and new rows store that.
UPDATE connections SET token_hint = '';
