import { expect, type Browser, type Page } from "@playwright/test";
import { readSignInMail } from "./accounts";

/** A redirect URI registered for the test app where nothing listens: the browser's visit is captured instead. */
export const PROBE_REDIRECT = "http://127.0.0.1:8794/cb";

/** Registers an app through the developer API (the Apps page's own endpoint). */
export async function registerApp(page: Page, baseURL: string, { name, redirectUris }: { name: string; redirectUris: string[] }): Promise<string> {
  const response = await page.request.post("/api/apps", {
    headers: { origin: baseURL },
    data: { name, homepage: "https://acme.example", description: "Takes notes and summarises them with your AI keys.", redirectUris },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { clientId: string }).clientId;
}

/** Captures the browser's arrival at PROBE_REDIRECT (the app's callback) and answers it. */
export async function captureProbe(page: Page): Promise<() => URL | null> {
  let seen: URL | null = null;
  await page.route(`${PROBE_REDIRECT}**`, async (route) => {
    seen = new URL(route.request().url());
    await route.fulfill({ status: 200, contentType: "text/plain", body: "the app got its callback" });
  });
  return () => seen;
}

/**
 * On the consent page (signed in): unlock the vault if needed, check the suggested limits, set
 * limits, approve or deny. `formName` is "Authorize this program" for a device request.
 */
export async function answerConsent(
  page: Page,
  { password, approve = true, budget, rpm, suggested, formName = "Authorize this app" }: { password: string; approve?: boolean; budget?: string; rpm?: string; suggested?: { budget: string; rpm: string }; formName?: string },
): Promise<void> {
  const form = page.getByRole("form", { name: formName });
  const unlock = page.getByLabel("Master password", { exact: true });
  await expect(form.or(unlock)).toBeVisible({ timeout: 20_000 });
  // An unlocked tab of this browser may hand the key over first (lib/vault/vault-share.ts).
  await expect(page.getByTestId("asking-tabs")).toHaveCount(0, { timeout: 10_000 });
  if (await unlock.isVisible()) {
    await unlock.fill(password);
    await page.getByRole("button", { name: "Unlock" }).click();
  }
  await expect(form).toBeVisible({ timeout: 30_000 });
  if (suggested) {
    await expect(form.getByLabel("Monthly budget (USD)")).toHaveValue(suggested.budget);
    await expect(form.getByLabel("Requests per minute")).toHaveValue(suggested.rpm);
  }
  if (budget !== undefined) await form.getByLabel("Monthly budget (USD)").fill(budget);
  if (rpm !== undefined) await form.getByLabel("Requests per minute").fill(rpm);
  await form.getByRole("button", { name: approve ? "Approve" : "Deny" }).click();
}

/** Signs in inside the consent page (an app's popup or redirect, or /device), reading the code from the local mailbox. */
export async function signInOnConsentPage(page: Page, browser: Browser, email: string, baseURL: string): Promise<void> {
  const section = page.getByRole("region", { name: "Sign in to 1Relay" });
  await section.getByLabel("Email address").fill(email);
  await section.getByRole("button", { name: "Email me a sign-in code" }).click();
  const mail = await readSignInMail(browser, email, baseURL);
  await section.getByLabel("Sign-in code").fill(mail.code);
  await section.getByRole("button", { name: "Sign in" }).click();
}
