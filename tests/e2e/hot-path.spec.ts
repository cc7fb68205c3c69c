import { expect, test, type Page } from "@playwright/test";
import { buildTokenConnection } from "../../lib/connections/build-connection";
import { assembleRelayToken } from "../../lib/crypto/assemble-token";
import { formatConnectionId } from "../../lib/crypto/connection-id";
import { decodeBase64Url } from "../../lib/crypto/encoding";
import { signPolicy } from "../../lib/crypto/policy";
import { newKey } from "../../lib/crypto/random";
import { parseRelayToken } from "../../lib/crypto/relay-token";
import { startAuthorization } from "../../lib/connect/app-client";
import { readConfirmationCode, signInWithCode, uniqueEmail } from "./helpers/accounts";
import { answerConsent, captureProbe, PROBE_REDIRECT, registerApp } from "./helpers/connect-flow";
import { fakeReceived, resetFakes } from "./helpers/fakes";
import { openLocalD1 } from "./helpers/local-d1";
import { createToken } from "./helpers/tokens-ui";
import { addKey, createVault, fakeKeys, resetVaultInSettings, unlockVault } from "./helpers/vault-ui";

// Decision 014: the account's Durable Object holds each connection's sealed material and answers
// authentication and admission in one call. Every writer keeps it true, so the very next request
// sees each change (revocation lag 0), and someone who can write the database alone cannot undo
// a change: the object never takes an older policy, a resume or a replaced key from D1 unless a
// writer announced exactly that.

const PASSWORD = "saffron kettle 83 harbor vine";
const replacement = `sk-proj-${"H0tPathN3wK3y".repeat(3)}MNOP`;
const connectionIdOf = (token: string) => formatConnectionId(parseRelayToken(token).connectionId);

function chat(baseURL: string, token: string): Promise<Response> {
  return fetch(`${baseURL}/v1/chat/completions`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] }) });
}

async function codeOf(response: Response): Promise<string | null> {
  return response.status === 200 ? null : ((await response.json()) as { error: { code: string } }).error.code;
}

/** Writes D1 directly, as someone holding the database (not the app) could. */
function writeD1(sql: string, ...params: (string | number)[]): void {
  const db = openLocalD1();
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

function readD1<T>(sql: string, ...params: (string | number)[]): T {
  const db = openLocalD1();
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

test.describe.serial("the hot path: every writer's change on the very next request", () => {
  let page: Page;
  const email = uniqueEmail("hotpath");

  test.beforeAll(async ({ browser, baseURL }) => {
    page = await browser.newPage({ baseURL });
    await signInWithCode(page, browser, email, baseURL!);
    await createVault(page, PASSWORD);
    await addKey(page, "openai", "Hot OpenAI", fakeKeys.openai);
  });

  test.afterEach(async () => {
    await resetFakes();
  });

  test("a lowered budget holds on the next request, and restoring the older signed policy in D1 does not undo it", async ({ baseURL }) => {
    const token = await createToken(page, { name: "Budget edit bot", keys: { openai: "Hot OpenAI" }, budget: "5", rpm: "" });
    expect((await chat(baseURL!, token)).status).toBe(200);
    const before = readD1<{ policy: string; policy_tag: string }>("SELECT policy, policy_tag FROM connections WHERE id = ?", connectionIdOf(token));
    const row = page.getByTestId("connection-row").filter({ hasText: "Budget edit bot" });
    await row.getByRole("button", { name: "Edit limits" }).click();
    await row.getByLabel("Monthly budget (USD)").fill("0");
    await row.getByRole("button", { name: "Save limits" }).click();
    await expect(row.getByTestId("spend")).toContainText("of $0.00 this month");
    expect(await codeOf(await chat(baseURL!, token))).toBe("insufficient_quota");
    // The database is set back to the $5 policy with its valid tag: still refused…
    writeD1("UPDATE connections SET policy = ?, policy_tag = ? WHERE id = ?", before.policy, before.policy_tag, connectionIdOf(token));
    expect(await codeOf(await chat(baseURL!, token))).toBe("insufficient_quota");
    // …also after the object re-reads D1 for another writer's change (pause and resume).
    await row.getByRole("button", { name: "Pause" }).click();
    await expect(row).toHaveAttribute("data-status", "paused");
    expect(await codeOf(await chat(baseURL!, token))).toBe("connection_paused");
    await row.getByRole("button", { name: "Resume" }).click();
    await expect(row).toHaveAttribute("data-status", "active");
    expect(await codeOf(await chat(baseURL!, token))).toBe("insufficient_quota");
  });

  test("a pause holds on the next request even when D1 is set back to active; resuming serves the next one", async ({ baseURL }) => {
    const token = await createToken(page, { name: "Pause bot", keys: { openai: "Hot OpenAI" }, budget: "", rpm: "" });
    const row = page.getByTestId("connection-row").filter({ hasText: "Pause bot" });
    await row.getByRole("button", { name: "Pause" }).click();
    await expect(row).toHaveAttribute("data-status", "paused");
    expect(await codeOf(await chat(baseURL!, token))).toBe("connection_paused");
    writeD1("UPDATE connections SET status = 'active' WHERE id = ?", connectionIdOf(token));
    expect(await codeOf(await chat(baseURL!, token))).toBe("connection_paused");
    writeD1("UPDATE connections SET status = 'paused' WHERE id = ?", connectionIdOf(token));
    await row.getByRole("button", { name: "Resume" }).click();
    await expect(row).toHaveAttribute("data-status", "active");
    expect((await chat(baseURL!, token)).status).toBe(200);
    await row.getByRole("button", { name: "Revoke" }).click();
    await row.getByRole("button", { name: "Yes, revoke" }).click();
    await expect(row).toHaveAttribute("data-status", "revoked");
    expect(await codeOf(await chat(baseURL!, token))).toBe("invalid_api_key");
  });

  test("a replaced key is used on the next request, and the old grant restored in D1 is not; a deleted key's provider is refused next", async ({ baseURL }) => {
    await page.getByRole("link", { name: "Vault", exact: true }).click();
    await addKey(page, "openai", "Rotating OpenAI", fakeKeys.openai);
    const token = await createToken(page, { name: "Key bot", keys: { openai: "Rotating OpenAI" }, budget: "", rpm: "" });
    const oldGrant = readD1<{ item_key_version: number; sealed_key: string }>("SELECT item_key_version, sealed_key FROM connection_grants WHERE connection_id = ?", connectionIdOf(token));
    await page.getByRole("link", { name: "Vault", exact: true }).click();
    const item = page.getByTestId("vault-item").filter({ hasText: "Rotating OpenAI" });
    await item.getByRole("button", { name: "Replace" }).click();
    await item.getByLabel("New API key for Rotating OpenAI").fill(replacement);
    await item.getByRole("button", { name: "Save new key" }).click();
    await expect(page.getByTestId("vault-item").filter({ hasText: "Rotating OpenAI" }).getByTestId("key-value")).toContainText("MNOP");
    await resetFakes();
    expect((await chat(baseURL!, token)).status).toBe(200);
    writeD1("UPDATE connection_grants SET item_key_version = ?, sealed_key = ? WHERE connection_id = ?", oldGrant.item_key_version, oldGrant.sealed_key, connectionIdOf(token));
    expect((await chat(baseURL!, token)).status).toBe(200);
    expect((await fakeReceived("openai")).map((r) => r.headers.authorization)).toEqual([`Bearer ${replacement}`, `Bearer ${replacement}`]);
    const after = page.getByTestId("vault-item").filter({ hasText: "Rotating OpenAI" });
    await after.getByRole("button", { name: "Delete" }).click();
    await after.getByRole("button", { name: "Yes, delete" }).click();
    await expect(after).toHaveCount(0);
    expect(await codeOf(await chat(baseURL!, token))).toBe("provider_not_allowed");
  });

  test("a connection stored with a policy its key did not sign is refused (403) and nothing is sent", async ({ baseURL }) => {
    const { userId, items } = (await (await page.request.get("/api/vault")).json()) as { userId: string; items: { id: string; label: string; provider: "openai"; keyVersion: number }[] };
    const item = items.find((i) => i.label === "Hot OpenAI")!;
    const policy = { v: 1 as const, providers: ["openai" as const], models: [], budgetUsd: 1, rpm: null, expiresAt: null };
    const { token, body } = buildTokenConnection({ userId, vaultKey: newKey(), name: "Forged limits", grants: [{ provider: "openai", itemId: item.id, itemKeyVersion: item.keyVersion, secret: fakeKeys.openai }], policy });
    // The stored tag is for a $1 budget under another key: it does not verify for this connection.
    const forged = { ...body, policyTag: signPolicy({ ck: newKey(), policy }) };
    expect((await page.request.post("/api/connections", { headers: { origin: baseURL! }, data: forged })).status()).toBe(201);
    const refused = await chat(baseURL!, token);
    expect(await codeOf(refused)).toBe("connection_policy_invalid");
    expect(await fakeReceived("openai")).toEqual([]);
    // (Its CK is not under this vault's key either: revoked, so vault rotation below leaves it alone.)
    expect((await page.request.post(`/api/connections/${body.id}/revoke`, { headers: { origin: baseURL! } })).status()).toBe(204);
  });

  test("vault key rotation and a vault reset that keeps connections: the next request is still served", async ({ browser, baseURL }) => {
    const token = await createToken(page, { name: "Vault bot", keys: { openai: "Hot OpenAI" }, budget: "", rpm: "" });
    await page.goto("/dashboard/settings");
    await page.getByLabel("Master password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Unlock" }).click();
    const rotate = page.getByRole("form", { name: "Rotate the vault key" });
    await rotate.getByLabel("Master password", { exact: true }).fill(PASSWORD);
    await rotate.getByRole("button", { name: "Rotate vault key" }).click();
    await expect(rotate.getByRole("status")).toContainText("Vault key rotated", { timeout: 30_000 });
    expect((await chat(baseURL!, token)).status).toBe(200);
    // The reset brings the new vault (decision 024), with the same password here.
    await resetVaultInSettings(page, { password: PASSWORD, readCode: () => readConfirmationCode(browser, email, baseURL!), revoke: false });
    expect((await chat(baseURL!, token)).status).toBe(200);
  });

  test("an app's connection outlives the app's deletion; Revoke everything refuses every token on the next request", async ({ baseURL }) => {
    await page.goto("/dashboard/vault");
    await unlockVault(page, PASSWORD);
    await addKey(page, "openai", "After reset OpenAI", fakeKeys.openai);
    const clientId = await registerApp(page, baseURL!, { name: "Hot path app", redirectUris: [PROBE_REDIRECT] });
    const { url, pending } = startAuthorization({ baseUrl: baseURL!, clientId, redirectUri: PROBE_REDIRECT, scope: "openai", suggested: { budgetUsd: 3, rpm: 20 }, display: "page" });
    const probe = await captureProbe(page);
    await page.goto(url);
    await answerConsent(page, { password: PASSWORD });
    await expect.poll(() => probe()).not.toBeNull();
    await page.unroute(`${PROBE_REDIRECT}**`);
    const exchanged = await fetch(`${baseURL}/connect/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "authorization_code", code: probe()!.searchParams.get("code")!, code_verifier: pending.codeVerifier, client_id: clientId, redirect_uri: PROBE_REDIRECT }),
    });
    const answer = (await exchanged.json()) as { connection_id: string; sealed_secret: string };
    const appToken = assembleRelayToken({ clientId, connectionId: answer.connection_id, appPrivateKey: decodeBase64Url(pending.appPrivateKey), sealed: answer.sealed_secret });
    expect((await chat(baseURL!, appToken)).status).toBe(200);
    expect((await page.request.delete(`/api/apps/${clientId}`, { headers: { origin: baseURL! } })).status()).toBeLessThan(300);
    expect((await chat(baseURL!, appToken)).status).toBe(200);

    await page.goto("/dashboard/vault");
    await unlockVault(page, PASSWORD);
    const botToken = await createToken(page, { name: "Last bot", keys: { openai: "After reset OpenAI" }, budget: "", rpm: "" });
    await page.getByRole("link", { name: "Connections", exact: true }).click();
    await page.getByRole("button", { name: "Revoke everything" }).click();
    await page.getByRole("button", { name: "Yes, revoke everything" }).click();
    await expect(page.getByRole("status")).toContainText(/Revoked \d+ connections/);
    for (const token of [appToken, botToken]) expect(await codeOf(await chat(baseURL!, token))).toBe("invalid_api_key");
  });

  test("account deletion refuses the account's tokens on the next request", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL });
    const other = await context.newPage();
    const doomed = uniqueEmail("hotpath-delete");
    await signInWithCode(other, browser, doomed, baseURL!);
    await createVault(other, PASSWORD);
    await addKey(other, "openai", "Doomed OpenAI", fakeKeys.openai);
    const token = await createToken(other, { name: "Doomed bot", keys: { openai: "Doomed OpenAI" }, budget: "", rpm: "" });
    expect((await chat(baseURL!, token)).status).toBe(200);
    await other.goto("/dashboard/settings");
    await other.getByRole("button", { name: "Delete account…" }).click();
    await other.getByLabel(`Type ${doomed} to confirm`).fill(doomed);
    await other.getByRole("button", { name: "Email me a code" }).click();
    await other.getByLabel("Code from the email").fill(await readConfirmationCode(browser, doomed, baseURL!));
    await other.getByRole("button", { name: "Delete my account" }).click();
    await expect(other).toHaveURL(`${baseURL}/`);
    expect(await codeOf(await chat(baseURL!, token))).toBe("invalid_api_key");
    await context.close();
  });
});

