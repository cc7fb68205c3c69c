import { expect, type Page } from "@playwright/test";
import type { ProviderId } from "../../../lib/providers/registry/provider-ids";
import { providerNames } from "../../../lib/vault/provider-keys";

/** Creates a scoped token in the dashboard (vault unlocked) and returns the token shown once. */
export async function createToken(
  page: Page,
  { name, keys, models = [], budget = "10", rpm = "60", fitOutput = false, origins = "" }: { name: string; keys: Partial<Record<ProviderId, string>>; models?: string[]; budget?: string; rpm?: string; fitOutput?: boolean; origins?: string },
): Promise<string> {
  await page.getByRole("link", { name: "Tokens", exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard\/tokens$/);
  // A notice still showing an earlier token would be read as this one: dismiss it first.
  const earlier = page.getByTestId("new-token");
  if (await earlier.isVisible()) {
    await page.getByRole("button", { name: "Done" }).click();
    await expect(earlier).toBeHidden();
  }
  const form = page.getByRole("form", { name: "Create a token" });
  await form.getByLabel("Name").fill(name);
  // The form keeps the keys chosen for the previous token: every key not named here is "Not allowed".
  for (const select of await form.locator('select[id^="token-key-"]').all()) await select.selectOption("");
  for (const [provider, label] of Object.entries(keys)) await form.getByLabel(`${providerNames[provider as ProviderId]} key`).selectOption({ label });
  // Models are picked from the catalogue (searched, then ticked), never typed.
  for (const model of models) {
    await form.getByLabel("Search models").fill(model);
    await form.getByRole("checkbox", { name: new RegExp(`^${model.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} in `) }).first().check();
  }
  if (fitOutput) await form.getByRole("checkbox", { name: /Fit output to the budget/ }).check();
  await form.getByLabel("Monthly budget (USD)").fill(budget);
  await form.getByLabel("Requests per minute").fill(rpm);
  await form.getByLabel("Allowed web origins (optional)").fill(origins);
  await form.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())!;
  expect(token).toMatch(/^1r_[0-9A-Za-z]{71}$/);
  return token;
}
