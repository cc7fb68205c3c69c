import { expect, test } from "@playwright/test";
import { readConfirmationCode, signInWithCode, uniqueEmail } from "./helpers/accounts";
import { openLocalD1 } from "./helpers/local-d1";
import { createToken } from "./helpers/tokens-ui";
import { addKey, createVault, fakeKeys } from "./helpers/vault-ui";

// Issue 7, the account: sessions and signing out everywhere, the security activity list,
// resetting a forgotten vault (and revoking everything with it), deleting the account.

function chat(baseURL: string, token: string): Promise<Response> {
  return fetch(`${baseURL}/v1/chat/completions`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] }) });
}

test("settings: activity, sessions, vault key rotation, vault reset and account deletion", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const email = uniqueEmail("settings");
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signInWithCode(page, browser, email, baseURL!);
  await createVault(page, "walnut prism 71 glacier ferry");
  await addKey(page, "openai", "Settings OpenAI", fakeKeys.openai);
  const token = await createToken(page, { name: "Settings bot", keys: { openai: "Settings OpenAI" }, budget: "", rpm: "" });
  expect((await chat(baseURL!, token)).status).toBe(200);

  // A second session (another browser) for the same person.
  const other = await browser.newContext({ baseURL });
  const otherPage = await other.newPage();
  await signInWithCode(otherPage, browser, email, baseURL!);

  await page.goto("/dashboard/settings");
  const activity = page.getByTestId("activity");
  for (const kind of ["sign_in", "vault_created", "key_added", "connection_created"]) await expect(activity.locator(`[data-kind="${kind}"]`).first()).toBeVisible();
  await expect(activity).toContainText("Key added: openai “Settings OpenAI”");
  await expect(activity).toContainText("Token created: “Settings bot”");

  await expect(page.getByTestId("session")).toHaveCount(2);
  await expect(page.getByTestId("session").filter({ hasText: "This session" })).toHaveCount(1);
  await page.getByRole("button", { name: "End other sessions" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Ended" })).toContainText("Ended 1 other session");
  await expect(page.getByTestId("session")).toHaveCount(1);
  await otherPage.goto("/dashboard");
  await expect(otherPage).toHaveURL(/\/signin/);
  await other.close();

  // Rotate the vault key: the stored envelopes change, the key still opens, the token still works.
  const before = (await (await page.request.get("/api/vault")).json()) as { vault: { wrappedVaultKey: string }; items: { sealedKey: string }[] };
  await page.getByLabel("Master password", { exact: true }).fill("walnut prism 71 glacier ferry");
  await page.getByRole("button", { name: "Unlock" }).click();
  const rotate = page.getByRole("form", { name: "Rotate the vault key" });
  await rotate.getByLabel("Master password", { exact: true }).fill("walnut prism 71 glacier ferry");
  await rotate.getByRole("button", { name: "Rotate vault key" }).click();
  await expect(rotate.getByRole("status")).toContainText("Vault key rotated", { timeout: 30_000 });
  const after = (await (await page.request.get("/api/vault")).json()) as typeof before;
  expect(after.vault.wrappedVaultKey).not.toBe(before.vault.wrappedVaultKey);
  expect(after.items[0]!.sealedKey).not.toBe(before.items[0]!.sealedKey);
  expect((await chat(baseURL!, token)).status).toBe(200);
  await page.goto("/dashboard/vault");
  await page.getByLabel("Master password", { exact: true }).fill("walnut prism 71 glacier ferry");
  await page.getByRole("button", { name: "Unlock" }).click();
  await expect(page.getByTestId("vault-item").filter({ hasText: "Settings OpenAI" }).getByTestId("key-value")).toContainText("XYZW");
  await page.goto("/dashboard/settings");

  // Forgotten master password: reset the vault and revoke everything with it.
  await page.getByRole("button", { name: "Reset vault…" }).click();
  // A session alone cannot reset the vault: a fresh emailed code is needed.
  await expect(page.getByRole("button", { name: "Yes, delete my vault" })).toBeDisabled();
  await page.getByRole("button", { name: "Email me a code" }).click();
  await page.getByLabel("Code from the email").fill(await readConfirmationCode(browser, email, baseURL!));
  await page.getByRole("button", { name: "Yes, delete my vault" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Vault reset" })).toContainText("Revoked 1 connections");
  expect((await chat(baseURL!, token)).status).toBe(401);
  await page.goto("/dashboard/vault");
  await expect(page.getByLabel("Master password again")).toBeVisible();

  // Delete the account: typed confirmation; afterwards nothing of it remains.
  await page.goto("/dashboard/settings");
  await page.getByRole("button", { name: "Delete account…" }).click();
  const confirm = page.getByRole("button", { name: "Delete my account" });
  await expect(confirm).toBeDisabled();
  await page.getByLabel(`Type ${email} to confirm`).fill(email);
  await expect(confirm).toBeDisabled();
  await page.getByRole("button", { name: "Email me a code" }).click();
  await page.getByLabel("Code from the email").fill(await readConfirmationCode(browser, email, baseURL!));
  await confirm.click();
  await expect(page).toHaveURL(`${baseURL}/`);
  const db = openLocalD1();
  try {
    const user = db.prepare("SELECT id FROM users WHERE email = ?").get(email);
    expect(user).toBeUndefined();
    for (const table of ["vaults", "vault_items", "connections", "usage_records", "sessions", "audit_events"]) {
      const orphans = db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE user_id NOT IN (SELECT id FROM users)`).get() as { n: number };
      expect(orphans.n, table).toBe(0);
    }
  } finally {
    db.close();
  }
  expect((await page.request.get("/api/vault")).status()).toBe(401);
  await context.close();
});
