import { expect, test } from "@playwright/test";
import { signInWithCode, uniqueEmail } from "./helpers/accounts";
import { createVault, settleTabAsk, unlockVault } from "./helpers/vault-ui";

// Unlock once per browser session (issue 19, lib/vault/vault-share.ts): a new tab gets the vault
// key from an unlocked tab of the same signed-in session instead of another Argon2id run; locking
// anywhere locks everywhere; a tab of another session (or a locked one) gets nothing by asking.

const PASSWORD = "cinder haven 64 marlin quartz";

test("a new tab opens unlocked from an open one, the stretch time is shown once, one lock locks every tab, and another session gets nothing", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const email = uniqueEmail("tabs");
  const context = await browser.newContext({ baseURL });
  const first = await context.newPage();
  await signInWithCode(first, browser, email, baseURL!);
  await createVault(first, PASSWORD);

  // Alone, a reloaded tab asks, hears nothing, and needs the password; then it says how long stretching took.
  await first.reload();
  await expect(first.getByTestId("vault-status")).toHaveText("Locked");
  await unlockVault(first, PASSWORD);
  await expect(first.getByTestId("unlock-note")).toContainText(/^Unlocked in \d+\.\d s\. The wait is on purpose: your master password is stretched with Argon2id/);
  // Once: another page of the same tab does not explain it again.
  await first.getByRole("link", { name: "Tokens", exact: true }).click();
  await expect(first.getByRole("heading", { name: "Tokens", level: 1 })).toBeVisible();
  await expect(first.getByTestId("unlock-note")).toHaveCount(0);

  // A new tab: unlocked by the open one, no password typed.
  const second = await context.newPage();
  await second.goto("/dashboard/vault");
  await expect(second.getByTestId("vault-status")).toHaveText("Unlocked");
  await expect(second.getByTestId("unlock-note")).toHaveText(/^Unlocked by another open tab of this browser, in the same sign-in/);
  await expect(second.getByTestId("vault-item")).toHaveCount(0);
  await expect(second.getByRole("form", { name: "Add a key" })).toBeVisible();

  // Locking anywhere locks everywhere; a tab opened then stays locked (no tab has the key to give).
  await second.getByRole("button", { name: "Lock vault" }).click();
  await expect(second.getByTestId("vault-status")).toHaveText("Locked");
  await first.getByRole("link", { name: "Vault", exact: true }).click();
  await expect(first.getByTestId("vault-status")).toHaveText("Locked");
  const third = await context.newPage();
  await third.goto("/dashboard/vault");
  await settleTabAsk(third);
  await expect(third.getByTestId("vault-status")).toHaveText("Locked");
  await third.close();

  // Another session of the same person in this browser: the first tab, still showing the old
  // session's page, is unlocked again; a tab of the new session asks it and gets nothing.
  await second.getByRole("button", { name: "Sign out" }).click();
  await expect(second).toHaveURL(/\/signin/);
  await signInWithCode(second, browser, email, baseURL!);
  await unlockVault(first, PASSWORD); // the old page opens its vault locally
  await second.goto("/dashboard/vault");
  await settleTabAsk(second);
  await expect(second.getByTestId("vault-status")).toHaveText("Locked");
  // Nothing about the vault key is kept in web storage or cookies, in either tab.
  for (const page of [first, second]) {
    const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
    expect(storage).not.toMatch(/[A-Za-z0-9_-]{40,}/);
  }
  // Within the new session, sharing works again.
  await unlockVault(second, PASSWORD);
  const fourth = await context.newPage();
  await fourth.goto("/dashboard/vault");
  await expect(fourth.getByTestId("vault-status")).toHaveText("Unlocked");
  await context.close();
});
