import { expect, type Browser, type Page } from "@playwright/test";
import { hashCode } from "../../../lib/connect/codes";
import { challengeFromVerifier } from "../../../lib/connect/pkce";
import { formatConnectionId } from "../../../lib/crypto/connection-id";
import { parseRelayToken } from "../../../lib/crypto/relay-token";
import { signInWithCode, uniqueEmail } from "../helpers/accounts";
import { PROBE_REDIRECT, registerApp } from "../helpers/connect-flow";
import { openLocalD1 } from "../helpers/local-d1";
import { createToken } from "../helpers/tokens-ui";
import { addKey, createVault, fakeKeys } from "../helpers/vault-ui";
import type { HostileContext } from "./case";

// One owner (OpenAI and Anthropic keys; a live, a revoked and an expired token; an app), one
// other person (a Gemini key and token), and authorization codes planted in D1.

export const connectionIdOf = (token: string) => formatConnectionId(parseRelayToken(token).connectionId);

/** A token whose policy expires on `day` (YYYY-MM-DD), signed while the page's clock says it is earlier. */
async function createExpiredToken(page: Page): Promise<string | null> {
  try {
    const past = new Date(Date.now() - 5 * 86_400_000);
    await page.clock.setFixedTime(past);
    await page.getByRole("link", { name: "Tokens", exact: true }).click();
    const earlier = page.getByTestId("new-token");
    if (await earlier.isVisible()) await page.getByRole("button", { name: "Done" }).click();
    const form = page.getByRole("form", { name: "Create a token" });
    await form.getByLabel("Name").fill("Expired bot");
    await form.getByLabel("OpenAI key").selectOption({ label: "Hostile OpenAI" });
    await form.getByLabel("Monthly budget (USD)").fill("");
    await form.getByLabel("Expires (optional)").fill(new Date(past.getTime() + 86_400_000).toISOString().slice(0, 10));
    await form.getByRole("button", { name: "Create token" }).click();
    const token = (await page.getByTestId("new-token").textContent({ timeout: 15_000 }))!;
    await page.getByRole("button", { name: "Done" }).click();
    return /^1r_[0-9A-Za-z]{71}$/.test(token) ? token : null;
  } catch {
    return null;
  }
}

function plantCode({ ownerToken, clientId, redirectUri, code, verifier, expiresAt }: { ownerToken: string; clientId: string; redirectUri: string; code: string; verifier: string; expiresAt: number }): void {
  const db = openLocalD1();
  try {
    const now = Date.now();
    const { user_id: userId } = db.prepare("SELECT user_id FROM connections WHERE id = ?").get(connectionIdOf(ownerToken)) as { user_id: string };
    db.prepare(
      `INSERT INTO authorization_requests (id, client_id, redirect_uri, state, code_challenge, scope, app_key, suggested, display, status, user_id, connection_id,
         connection_body, granted_scope, sealed_secret, code_hash, code_expires_at, created_at, expires_at)
       VALUES (?, ?, ?, 'st', ?, 'openai', 'k', '{}', 'page', 'approved', ?, NULL, '{}', 'openai', 'v1.sealed', ?, ?, ?, ?)`,
    ).run(crypto.randomUUID().replace(/-/g, ""), clientId, redirectUri, challengeFromVerifier(verifier), userId, hashCode(code), expiresAt, now, now + 900_000);
  } finally {
    db.close();
  }
}

const randomCode = () => Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url");

export async function setUpHostileContext(browser: Browser, baseURL: string): Promise<{ ctx: HostileContext; owner: Page }> {
  const owner = await browser.newPage({ baseURL });
  await signInWithCode(owner, browser, uniqueEmail("hostile"), baseURL);
  await createVault(owner, "sable thicket 61 orbit canyon");
  await addKey(owner, "openai", "Hostile OpenAI", fakeKeys.openai);
  await addKey(owner, "anthropic", "Hostile Anthropic", fakeKeys.anthropic);
  const token = await createToken(owner, { name: "Hostile bot", keys: { openai: "Hostile OpenAI", anthropic: "Hostile Anthropic" }, budget: "", rpm: "" });
  const revokedToken = await createToken(owner, { name: "Revoked bot", keys: { openai: "Hostile OpenAI" }, budget: "", rpm: "" });
  const revoke = await owner.request.post(`/api/connections/${connectionIdOf(revokedToken)}/revoke`, { headers: { origin: baseURL } });
  expect(revoke.status()).toBe(204);
  const clientId = await registerApp(owner, baseURL, { name: "Hostile app", redirectUris: [PROBE_REDIRECT] });
  const cookie = (await owner.context().cookies()).filter((c) => c.name.includes("authjs.session-token")).map((c) => `${c.name}=${c.value}`).join("; ");
  expect(cookie).not.toBe("");

  const other = await browser.newPage({ baseURL });
  await signInWithCode(other, browser, uniqueEmail("hostile-other"), baseURL);
  await createVault(other, "quartz ember 27 lantern fjord");
  await addKey(other, "gemini", "Their Gemini", fakeKeys.gemini);
  const otherToken = await createToken(other, { name: "Their bot", keys: { gemini: "Their Gemini" }, budget: "", rpm: "" });
  const otherVault = (await (await other.request.get("/api/vault")).json()) as { items: { id: string }[] };
  await other.close();

  const expiredCode = randomCode();
  const liveCode = randomCode();
  const liveVerifier = randomCode();
  plantCode({ ownerToken: token, clientId, redirectUri: PROBE_REDIRECT, code: expiredCode, verifier: liveVerifier, expiresAt: Date.now() - 1000 });
  plantCode({ ownerToken: token, clientId, redirectUri: PROBE_REDIRECT, code: liveCode, verifier: liveVerifier, expiresAt: Date.now() + 3_600_000 });

  const expiredToken = await createExpiredToken(owner);
  return {
    owner,
    ctx: { baseURL, token, revokedToken, expiredToken, otherToken, cookie, otherItemId: otherVault.items[0]!.id, clientId, redirectUri: PROBE_REDIRECT, expiredCode, liveCode, liveVerifier },
  };
}
