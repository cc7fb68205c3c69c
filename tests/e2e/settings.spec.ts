import { expect, test } from "@playwright/test";
import { readConfirmationCode, signInWithCode, uniqueEmail } from "./helpers/accounts";
import { expectFits } from "./helpers/fits";
import { openLocalD1 } from "./helpers/local-d1";
import { createToken } from "./helpers/tokens-ui";
import { addKey, createVault, fakeKeys, unlockVault } from "./helpers/vault-ui";

// Issue 7, the account: sessions and signing out everywhere, the security activity list,
// resetting a forgotten vault (and revoking everything with it), deleting the account.

function chat(baseURL: string, token: string): Promise<Response> {
  return fetch(`${baseURL}/v1/chat/completions`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] }) });
}

test("settings: activity, sessions, vault key rotation, vault reset and account deletion", async ({ browser, baseURL }, testInfo) => {
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

  // Forgotten master password: the emailed code and a new master password reset the vault in one
  // step (decision 024), revoking everything with it; the new vault is open afterwards.
  const oldVault = JSON.stringify(await (await page.request.get("/api/vault")).json());
  await page.getByRole("button", { name: "Reset vault…" }).click();
  const reset = page.getByRole("form", { name: "Reset vault" });
  // A session alone cannot reset the vault: a fresh emailed code is needed.
  await expect(reset.getByRole("button", { name: "Reset my vault" })).toBeDisabled();
  await reset.getByRole("button", { name: "Email me a code" }).click();
  const resetCode = await readConfirmationCode(browser, email, baseURL!);
  const newPassword = "harbor quartz 58 meadow lantern";
  // A weak password and two that differ are refused in the page, before anything is sent.
  await reset.getByLabel("Code from the email").fill(resetCode);
  await reset.getByLabel("New master password", { exact: true }).fill("password1");
  await reset.getByLabel("New master password again").fill("password1");
  await reset.getByRole("button", { name: "Reset my vault" }).click();
  await expect(reset.getByRole("alert")).toHaveText("Choose a stronger master password: see the advice under it.");
  await reset.getByLabel("New master password", { exact: true }).fill(newPassword);
  await reset.getByLabel("New master password again").fill(`${newPassword}!`);
  await expect(reset.locator(".strength-label")).toHaveText(/Strong|Very strong/);
  await reset.getByRole("button", { name: "Reset my vault" }).click();
  await expect(reset.getByRole("alert")).toHaveText("The two passwords do not match.");
  await expectFits(page, testInfo, "settings-reset-vault");
  // A wrong code: refused by the server, nothing changed, what was typed is kept.
  await reset.getByLabel("New master password again").fill(newPassword);
  await reset.getByLabel("Code from the email").fill(resetCode === "ABCD-EFGH" ? "ABCD-EFGJ" : "ABCD-EFGH");
  await reset.getByRole("button", { name: "Reset my vault" }).click();
  await expect(reset.getByRole("alert")).toContainText("That code is not right.", { timeout: 30_000 });
  expect(JSON.stringify(await (await page.request.get("/api/vault")).json())).toBe(oldVault);
  expect((await chat(baseURL!, token)).status).toBe(200);
  await expect(reset.getByLabel("New master password", { exact: true })).toHaveValue(newPassword);
  // The right code: one request, and the new vault is open.
  await reset.getByLabel("Code from the email").fill(resetCode);
  await reset.getByRole("button", { name: "Reset my vault" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Vault reset" })).toContainText("Your new vault is open", { timeout: 30_000 });
  await expect(page.getByRole("status").filter({ hasText: "Vault reset" })).toContainText("Revoked 1 connection.");
  expect((await chat(baseURL!, token)).status).toBe(401);
  await page.getByRole("link", { name: "Vault", exact: true }).click();
  await expect(page.getByTestId("vault-status")).toHaveText("Unlocked");
  await expect(page.getByTestId("vault-item")).toHaveCount(0);
  // The session alone cannot make another vault in its place.
  expect((await page.request.post("/api/vault", { headers: { origin: baseURL! }, data: { salt: "A".repeat(22), kdfParams: { m: 65536, t: 3, p: 4 }, wrappedVaultKey: `v1.${"a".repeat(16)}.${"A".repeat(40)}`, signingPublicKey: "T".repeat(43) } })).status()).toBe(409);
  // The new password opens it after a reload.
  await page.reload();
  await unlockVault(page, newPassword);

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
