-- Issue 19. Sessions say on what and from where they were made (Settings → Signed-in sessions),
-- and an app can carry its operator's verification (shown on the consent page).

ALTER TABLE sessions ADD COLUMN user_agent TEXT;      -- the browser's User-Agent at sign-in, at most 256 characters
ALTER TABLE sessions ADD COLUMN created_ip TEXT;      -- the client address that signed in (kept only as long as the session)
ALTER TABLE sessions ADD COLUMN created_place TEXT;   -- "City, CC" from Cloudflare, when known

-- How each connection was made, so two connections of the same app can be told apart:
-- 'dashboard' (the token form), 'consent-page' or 'consent-popup' (an app, by redirect or widget);
-- NULL for connections made before.
ALTER TABLE connections ADD COLUMN created_via TEXT;

-- Set by whoever runs this deployment after checking who runs the app (docs: lib/connect/README.md);
-- cleared by any change to the name, homepage or redirect URIs the person is shown.
ALTER TABLE apps ADD COLUMN verified_at INTEGER;
