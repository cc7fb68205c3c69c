import { expect, type Page } from "@playwright/test";
import type { ProviderId } from "../../../lib/providers/registry/provider-ids";

export { fakeKeys } from "./fake-keys";

export async function createVault(page: Page, password: string): Promise<void> {
  await page.goto("/dashboard/vault");
  await page.getByLabel("Master password", { exact: true }).fill(password);
  await page.getByLabel("Master password again").fill(password);
  await expect(page.locator(".strength-label")).toHaveText(/Strong|Very strong/);
  await page.getByLabel("I understand").check();
  await page.getByRole("button", { name: "Create vault" }).click();
  // Argon2id runs in a Web Worker: the page shows its progress and stays responsive.
  // The page keeps rendering while it works: the bar moves past 0 before it is done.
  const bar = page.getByRole("progressbar", { name: "Stretching your password" });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute("aria-valuenow", /^([1-9]|[1-9][0-9])$/);
  await expect(page.getByTestId("vault-status")).toHaveText("Unlocked", { timeout: 30_000 });
}

/** Waits until the page has asked the open tabs for the key (lib/vault/vault-share.ts), so the password form is the one to use. */
export async function settleTabAsk(page: Page): Promise<void> {
  await expect(page.getByTestId("asking-tabs")).toHaveCount(0, { timeout: 10_000 });
}

export async function unlockVault(page: Page, password: string): Promise<void> {
  await settleTabAsk(page);
  await page.getByLabel("Master password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Unlock" }).click();
  await expect(page.getByTestId("vault-status")).toHaveText("Unlocked", { timeout: 30_000 });
}

export async function addKey(page: Page, provider: ProviderId, label: string, key: string): Promise<void> {
  const form = page.getByRole("form", { name: "Add a key" });
  await form.getByLabel("Provider").selectOption(provider);
  await form.getByLabel("Label").fill(label);
  await form.getByLabel("API key").fill(key);
  await form.getByRole("button", { name: "Add key" }).click();
  await expect(page.getByTestId("vault-item").filter({ hasText: label })).toBeVisible();
}

/**
 * Settings → Danger zone → Reset vault (decision 024): the emailed code and a new master password
 * in one form; afterwards the new vault is open. `readCode` reads the code the form had emailed.
 */
export async function resetVaultInSettings(page: Page, { password, readCode, revoke }: { password: string; readCode: () => Promise<string>; revoke: boolean }): Promise<void> {
  await page.goto("/dashboard/settings");
  await page.getByRole("button", { name: "Reset vault…" }).click();
  const form = page.getByRole("form", { name: "Reset vault" });
  // A session alone cannot reset the vault: a fresh emailed code is needed.
  await expect(form.getByRole("button", { name: "Reset my vault" })).toBeDisabled();
  await form.getByRole("button", { name: "Email me a code" }).click();
  await form.getByLabel("Code from the email").fill(await readCode());
  await form.getByLabel("New master password", { exact: true }).fill(password);
  await form.getByLabel("New master password again").fill(password);
  await expect(form.locator(".strength-label")).toHaveText(/Strong|Very strong/);
  const revokeBox = form.getByLabel("Also revoke all tokens and apps");
  if (revoke) await revokeBox.check();
  else await revokeBox.uncheck();
  await form.getByRole("button", { name: "Reset my vault" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Vault reset" })).toContainText("Your new vault is open", { timeout: 30_000 });
}
