-- Issue 18 (decision 022). The web origins an app's pages run on: JSON array of origins in their
-- normal form (lib/http/origins.ts). A connection made through the app signs them into its policy
-- (v3); /connect/token and /connect/revoke answer CORS for them only.
ALTER TABLE apps ADD COLUMN origins TEXT NOT NULL DEFAULT '[]';
