import { expect, type Browser, type Page } from "@playwright/test";

export function uniqueEmail(label = "person"): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

export interface SignInMail {
  code: string;
  link: string;
  text: string;
}

/** The text of the newest email to `email` in the local mailbox that contains `hasText`, read in a separate page. */
export async function readNewestMail({ browser, email, baseURL, hasText }: { browser: Browser; email: string; baseURL: string; hasText: string }): Promise<string> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  try {
    await page.goto("/dev/mailbox");
    const mail = page.locator(`[data-testid="mail"][data-to="${email}"]`).filter({ hasText }).first();
    await expect(mail).toBeVisible();
    return (await mail.locator(".mail").textContent()) ?? "";
  } finally {
    await context.close();
  }
}

/** Reads the newest sign-in email for `email` from the local mailbox. */
export async function readSignInMail(browser: Browser, email: string, baseURL: string): Promise<SignInMail> {
  const text = await readNewestMail({ browser, email, baseURL, hasText: "Your 1Relay sign-in code" });
  const code = /\b([0-9A-Z]{4}-[0-9A-Z]{4})\b/.exec(text)?.[1];
  const link = /(https?:\/\/\S+\/api\/auth\/callback\/email\?\S+)/.exec(text)?.[1];
  if (!code || !link) throw new Error(`no code or link in the mail:\n${text}`);
  return { code, link, text };
}

/** The newest confirmation code emailed to `email` (confirming the vault, resetting it, deleting the account). */
export async function readConfirmationCode(browser: Browser, email: string, baseURL: string): Promise<string> {
  const text = await readNewestMail({ browser, email, baseURL, hasText: "Your confirmation code" });
  const code = /Your confirmation code: ([0-9A-Z]{4}-[0-9A-Z]{4})/.exec(text)?.[1];
  if (!code) throw new Error("no confirmation code in the mail");
  return code;
}

/** Asks for a sign-in email on /signin and lands on the code page. */
export async function requestCode(page: Page, email: string): Promise<void> {
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in code" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
}

/** Full sign-up / sign-in with the emailed code; ends on the dashboard. */
export async function signInWithCode(page: Page, browser: Browser, email: string, baseURL: string): Promise<void> {
  await page.goto("/signin");
  await requestCode(page, email);
  const mail = await readSignInMail(browser, email, baseURL);
  await page.getByLabel("Sign-in code").fill(mail.code);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText(email);
}
