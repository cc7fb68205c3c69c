import { expect, test } from "@playwright/test";
import { readSignInMail, requestCode, signInWithCode, uniqueEmail } from "./helpers/accounts";
import { formError } from "./helpers/form-error";
import { openLocalD1 } from "./helpers/local-d1";

test.describe("signing up and in with an emailed code or link", () => {
  test("a new person signs up with the code, signs out, and signs in again with the link", async ({ page, browser, baseURL }) => {
    const email = uniqueEmail("newcomer");
    await signInWithCode(page, browser, email, baseURL!);
    await expect(page).toHaveURL(/\/dashboard$/);
    // The Overview is the person's home: a new account is shown its next step.
    await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
    await expect(page.getByTestId("next-step")).toHaveAttribute("data-step", "create-vault");

    // The account's Durable Object answers through a route handler, for this account only.
    const first = await (await page.request.get("/api/account")).json();
    const second = await (await page.request.get("/api/account")).json();
    expect(first.accountId).toBe(second.accountId);
    expect(second.calls).toBe(first.calls + 1);

    // The navigation of the dashboard shell.
    for (const label of ["Vault", "Connections", "Tokens", "Usage", "Apps (developers)", "Settings"]) {
      await page.getByRole("link", { name: label, exact: true }).click();
      await expect(page.getByRole("heading", { level: 1, name: label })).toBeVisible();
    }

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard/);
    expect((await page.request.get("/api/account")).status()).toBe(401);

    // Sign in again through the link in a fresh email: same account.
    await requestCode(page, email);
    const mail = await readSignInMail(browser, email, baseURL!);
    await page.goto(mail.link);
    await expect(page.getByTestId("signed-in-as")).toHaveText(email);
    const again = await (await page.request.get("/api/account")).json();
    expect(again.accountId).toBe(first.accountId);
  });

  test("the email carries a code and a link, and never asks for a master password", async ({ page, browser, baseURL }) => {
    const email = uniqueEmail("mail");
    await page.goto("/signin");
    await requestCode(page, email);
    const mail = await readSignInMail(browser, email, baseURL!);
    expect(mail.text).toContain(mail.code);
    expect(new URL(mail.link).searchParams.get("token")).toBe(mail.code.replace("-", ""));
    expect(mail.text).toMatch(/never asks for your master password/);
  });

  test("a wrong code is refused with the tries left, and five wrong codes burn it", async ({ page, browser, baseURL }) => {
    const email = uniqueEmail("typo");
    await page.goto("/signin");
    await requestCode(page, email);
    const { code } = await readSignInMail(browser, email, baseURL!);
    const wrong = code.startsWith("0") ? "1" + code.slice(1) : "0" + code.slice(1);

    for (let left = 4; left >= 1; left -= 1) {
      await page.getByLabel("Sign-in code").fill(wrong);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(formError(page)).toHaveText(`That code is not right. ${left} ${left === 1 ? "try" : "tries"} left.`);
    }
    await page.getByLabel("Sign-in code").fill(wrong);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(formError(page)).toHaveText("Too many wrong codes. Ask for a new code.");

    // Even the right code no longer works, by form or by link.
    await page.getByLabel("Sign-in code").fill(code);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(formError(page)).toHaveText("Too many wrong codes. Ask for a new code.");
    const { link } = await readSignInMail(browser, email, baseURL!);
    await page.goto(link);
    await expect(formError(page)).toContainText("wrong, expired or already used");
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/signin/);
  });

  test("a malformed code gets a clear message", async ({ page }) => {
    await page.goto("/signin");
    await requestCode(page, uniqueEmail("short"));
    await page.getByLabel("Sign-in code").fill("ABC");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(formError(page)).toContainText("8 letters and digits");
  });

  test("an expired code is refused, and so is its link", async ({ page, browser, baseURL }) => {
    const email = uniqueEmail("late");
    await page.goto("/signin");
    await requestCode(page, email);
    const mail = await readSignInMail(browser, email, baseURL!);
    const db = openLocalD1();
    try {
      const changed = db.prepare("UPDATE verification_tokens SET expires = ? WHERE identifier = ?").run(Date.now() - 1000, email);
      expect(changed.changes).toBe(1);
    } finally {
      db.close();
    }
    await page.getByLabel("Sign-in code").fill(mail.code);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(formError(page)).toHaveText("That code has expired. Ask for a new one.");
    await page.goto(mail.link);
    await expect(formError(page)).toContainText("wrong, expired or already used");
  });

  test("a used link cannot sign in twice", async ({ page, browser, baseURL }) => {
    const email = uniqueEmail("replay");
    await page.goto("/signin");
    await requestCode(page, email);
    const mail = await readSignInMail(browser, email, baseURL!);
    await page.goto(mail.link);
    await expect(page.getByTestId("signed-in-as")).toHaveText(email);
    const other = await browser.newContext({ baseURL });
    const replay = await other.newPage();
    await replay.goto(mail.link);
    // Another browser: asked first whose account this is, then the used code is refused.
    await replay.getByRole("button", { name: `Continue as ${email}` }).click();
    await expect(formError(replay)).toContainText("wrong, expired or already used");
    await other.close();
  });

  test("a sign-in link opened in a browser that did not ask for it says whose account it is and needs a click (login CSRF)", async ({ browser, baseURL }) => {
    const email = uniqueEmail("csrf-victim-sees");
    const asker = await browser.newContext({ baseURL });
    const askerPage = await asker.newPage();
    await askerPage.goto("/signin");
    await requestCode(askerPage, email);
    const mail = await readSignInMail(browser, email, baseURL!);

    // Someone else's browser opens the link (sent to it, or a page that navigates to it).
    const other = await browser.newContext({ baseURL });
    const page = await other.newPage();
    await page.goto(mail.link);
    await expect(page).toHaveURL(/\/signin\/link\?/);
    await expect(page.getByTestId("link-sign-in-as")).toHaveText(email);
    await expect(page.getByText("This browser did not ask for this sign-in")).toBeVisible();
    expect((await page.request.get("/api/account")).status()).toBe(401);
    // A crafted callback URL straight to Auth.js stops at the same page.
    await page.goto(`/api/auth/callback/email?${new URLSearchParams({ callbackUrl: "/dashboard", token: mail.code.replace("-", ""), email })}`);
    await expect(page.getByTestId("link-sign-in-as")).toHaveText(email);
    expect((await page.request.get("/api/account")).status()).toBe(401);
    // The person's own click signs in.
    await page.getByRole("button", { name: `Continue as ${email}` }).click();
    await expect(page.getByTestId("signed-in-as")).toHaveText(email);
    await Promise.all([asker.close(), other.close()]);
  });

  test("parallel guesses at a code through the API count one by one: no more than five are judged", async ({ page, browser, baseURL }) => {
    const email = uniqueEmail("parallel");
    await page.goto("/signin");
    await requestCode(page, email);
    const { code } = await readSignInMail(browser, email, baseURL!);
    const right = code.replace("-", "");
    const wrong = Array.from({ length: 15 }, (_, i) => {
      const candidate = `${String(i).padStart(2, "0")}ZZZZZZ`;
      return candidate === right ? "ZZZZZZ99" : candidate;
    });
    const answers = await Promise.all(
      [...wrong, right].map((guess) => page.request.post("/api/signin/verify", { data: { email, code: guess } }).then(async (r) => ({ status: r.status(), body: (await r.json()) as { next?: string; error?: { message: string } } }))),
    );
    // The right guess may be judged before the wrong ones (then it works) or after five of them
    // (then it is refused): never are more than five wrong guesses judged.
    expect(answers.filter((a) => /(tries|try) left/.test(a.body.error?.message ?? ""))).toHaveLength(4);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(answers.at(-1)!.status === 200 ? 11 : 12);
    // Five wrong guesses were counted, not fifteen, and they burnt the code.
    expect((await page.request.post("/api/signin/verify", { data: { email, code: right } })).status()).toBe(429);
    const db = openLocalD1();
    try {
      expect((db.prepare("SELECT attempts FROM verification_tokens WHERE identifier = ?").get(email) as { attempts: number }).attempts).toBe(5);
    } finally {
      db.close();
    }
  });

  test("an unauthenticated visit goes to sign-in and comes back after it", async ({ page, browser, baseURL }) => {
    await page.goto("/dashboard/usage?range=month");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard%2Fusage%3Frange%3Dmonth/);
    const email = uniqueEmail("returning");
    await requestCode(page, email);
    const { code } = await readSignInMail(browser, email, baseURL!);
    await page.getByLabel("Sign-in code").fill(code.toLowerCase());
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/dashboard\/usage\?range=month$/);
    await expect(page.getByRole("heading", { level: 1, name: "Usage" })).toBeVisible();
  });

  test("sign-in cannot be turned into an open redirect", async ({ page, browser, baseURL }) => {
    await page.goto("/signin?callbackUrl=https%3A%2F%2Fevil.example%2F");
    const email = uniqueEmail("redirect");
    await requestCode(page, email);
    const { code } = await readSignInMail(browser, email, baseURL!);
    await page.getByLabel("Sign-in code").fill(code);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${baseURL}/dashboard`);
  });

  test("sign-in emails are limited per address", async ({ page }) => {
    const email = uniqueEmail("flood");
    for (let i = 0; i < 5; i += 1) {
      await page.goto("/signin");
      await requestCode(page, email);
    }
    await page.goto("/signin");
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Email me a sign-in code" }).click();
    await expect(formError(page)).toContainText("Too many sign-in emails were asked for. Try again in 15 minutes");
  });

  test("an invalid address is refused before anything is sent", async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("Email address").fill("not-an-address");
    await page.getByRole("button", { name: "Email me a sign-in code" }).click();
    await expect(formError(page)).toContainText("valid email address");
  });

  test("email sign-in cannot be started around the form's limits", async ({ request }) => {
    const response = await request.post("/api/auth/signin/email", { form: { email: uniqueEmail("bypass") } });
    expect(response.status()).toBe(404);
  });
});
