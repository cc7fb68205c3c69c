import { expect, test, type Page } from "@playwright/test";
import { describeUserAgent } from "../../lib/auth/describe-user-agent";
import { buildTokenConnection } from "../../lib/connections/build-connection";
import { newItemId, sealProviderKey } from "../../lib/vault/vault-crypto";
import { signInWithCode, uniqueEmail } from "./helpers/accounts";
import { fakeReceived, resetFakes } from "./helpers/fakes";
import { expectFits } from "./helpers/fits";
import { addKeyAndToken, createApiPerson, createApiVault, proveAs, type ApiPerson } from "./helpers/signed-api";
import { createToken } from "./helpers/tokens-ui";
import { fakeKeys, unlockVault } from "./helpers/vault-ui";

// Issue 19, what a new user tripped over: pages that fit a phone, the model picker and the API's
// refusal of unknown models, field errors as sentences, budget refusals that say what would fit,
// fit output to budget through the gateway, the new token's base URL and curl line, the Overview,
// key tests as one series, the connection page's counts, sessions and activity.

const mini = "gpt-4o-mini";

function chat(baseURL: string, token: string, body: Record<string, unknown> = {}): Promise<Response> {
  return fetch(`${baseURL}/v1/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ model: mini, messages: [{ role: "user", content: "hello there" }], ...body }),
  });
}

async function signedTokenPolicy(person: ApiPerson, itemId: string, policy: Record<string, unknown>) {
  const { token, body } = buildTokenConnection({
    userId: person.userId,
    vaultKey: person.vaultKey,
    name: `Bot ${Math.random().toString(36).slice(2, 7)}`,
    grants: [{ provider: "openai", itemId, itemKeyVersion: 1, secret: fakeKeys.openai }],
    policy: { providers: ["openai"], models: [], budgetUsd: null, rpm: null, expiresAt: null, ...policy } as never,
  });
  return { token, body, response: await person.call("POST", "/api/connections", body) };
}

test.describe("daily use", () => {
  test("every dashboard page fits a phone and reads at 1280 px; the request log fits without scrolling sideways; footer and favicon on every page", async ({ browser, baseURL }, testInfo) => {
    test.setTimeout(180_000);
    const person = await createApiPerson({ browser, baseURL: baseURL!, label: "phone" });
    const { connectionId, token } = await addKeyAndToken({ person, name: "A bot with a rather long name for a narrow screen" });
    for (const body of [{}, { model: "gpt-4o" }, { model: "not-a-model" }, { stream: true }]) await (await chat(baseURL!, token, body)).text();
    const page = person.page;
    await page.goto("/dashboard");
    const sections = await page.locator('nav[aria-label="Dashboard"] a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute("href")!));
    expect(sections).toContain("/dashboard/usage");
    for (const path of [...sections, `/dashboard/connections/${connectionId}`, "/dashboard/apps/docs"]) {
      await page.goto(path);
      await expect(page.locator("main h1").first()).toBeVisible();
      await expect(page.locator("footer").getByRole("link", { name: "Privacy" })).toBeVisible();
      await expectFits(page, testInfo, path);
    }
    // The request log at 1280 px: every column in view, no sideways scroll; details on expand.
    await page.goto("/dashboard/usage");
    const row = page.getByTestId("usage-row").first();
    await expect(row).toBeVisible({ timeout: 20_000 });
    const wrap = page.locator(".request-table").locator("xpath=..");
    expect(await wrap.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    await row.getByRole("button", { name: /More/ }).click();
    await expect(page.getByTestId("usage-row-details").first()).toContainText("Tokens in / out");
    await expect(page.getByTestId("usage-row-details").first()).toContainText("Streamed");
    await expectFits(page, testInfo, "usage-expanded");
    // The public pages and the favicon (a local file).
    for (const path of ["/", "/security", "/privacy", "/signin"]) {
      await page.goto(path);
      await expect(page.locator("footer").getByRole("link", { name: "Contact" })).toBeVisible();
      await expectFits(page, testInfo, path === "/" ? "home" : path);
    }
    const icon = await page.locator('link[rel="icon"]').first().getAttribute("href");
    expect(icon).toMatch(/^\/icon\.svg/);
    const favicon = await page.request.get(icon!);
    expect(favicon.status()).toBe(200);
    expect(favicon.headers()["content-type"]).toContain("image/svg+xml");
  });

  test("models are picked from the catalogue; the API refuses unknown ones and says so in a sentence; a new token shows its base URL and a curl line that works", async ({ browser, baseURL }, testInfo) => {
    test.setTimeout(150_000);
    const person = await createApiPerson({ browser, baseURL: baseURL!, label: "picker" });
    const { itemId } = await addKeyAndToken({ person });
    // The API: a typo in a model name is refused with the nearest name; limits out of range, in words.
    const typo = await signedTokenPolicy(person, itemId, { v: 2, fitOutput: false, models: ["gpt-4o-mni"] });
    expect(typo.response.status()).toBe(400);
    expect(((await typo.response.json()) as { error: { field: string; message: string } }).error).toEqual({
      code: "bad_request",
      field: "policy.models",
      message: "The model “gpt-4o-mni” is not in 1Relay's catalogue for the providers of this connection, so no request could use it. Did you mean “gpt-4o-mini”?",
    });
    const huge = await signedTokenPolicy(person, itemId, { v: 2, fitOutput: false, budgetUsd: 2_000_000 });
    expect(((await huge.response.json()) as { error: { message: string } }).error.message).toBe("The monthly budget can be at most $1,000,000.00.");
    // Editing a policy is checked the same way.
    const made = await signedTokenPolicy(person, itemId, { v: 2, fitOutput: false, models: [mini] });
    expect(made.response.status()).toBe(201);
    const edit = { policy: { ...made.body.policy, models: ["gpt-4o-mni"] }, policyTag: made.body.policyTag, version: 1 };
    const edited = await person.call("POST", `/api/connections/${made.body.id}/policy`, { ...edit, proof: await proveAs({ person, action: "connection.policy.set", params: { ...edit, connectionId: made.body.id } }) });
    expect(edited.status()).toBe(400);
    expect(((await edited.json()) as { error: { message: string } }).error.message).toContain("Did you mean “gpt-4o-mini”?");

    // The token form: the picker, a budget's worth, field errors under their field.
    const page = person.page;
    await page.goto("/dashboard/vault");
    await unlockVault(page, person.password);
    await page.getByRole("link", { name: "Tokens", exact: true }).click();
    const form = page.getByRole("form", { name: "Create a token" });
    await form.getByLabel("OpenAI key").selectOption({ label: "Signed OpenAI" });
    await expect(form.getByTestId("models-summary")).toContainText("Any model of the chosen keys");
    await form.getByLabel("Search models").fill("4o-mini");
    const option = form.getByRole("checkbox", { name: /^gpt-4o-mini in \$0\.15 · out \$0\.60 per 1M tokens/ });
    await expect(option).toBeVisible();
    await expect(form.getByRole("checkbox", { name: /^claude/ })).toHaveCount(0);
    await option.check();
    await expect(form.getByTestId("models-summary")).toContainText("Only this model");
    await form.getByLabel("Monthly budget (USD)").fill("2");
    await expect(form.getByTestId("budget-buys")).toHaveText("$2.00 a month ≈ 2,600 gpt-4o-mini requests of 1,000 tokens in and 1,000 out.");
    await form.getByLabel("Name").fill("Picked bot");
    await form.getByLabel("Requests per minute").fill("1.5");
    await form.getByRole("button", { name: "Create token" }).click();
    await expect(form.locator("#token-rpm-error")).toHaveText("Requests per minute must be a whole number from 1 to 100,000 (leave it empty for no limit).");
    await form.getByLabel("Requests per minute").fill("60");
    await expectFits(page, testInfo, "token-form");
    await form.getByRole("button", { name: "Create token" }).click();
    const token = (await page.getByTestId("new-token").textContent())!;
    // The list shows it at once, with when and how it was made.
    const listed = page.getByTestId("connection-row").filter({ hasText: "Picked bot" });
    await expect(listed).toBeVisible();
    await expect(listed.getByTestId("connection-origin")).toContainText("in the dashboard · id ");
    await expect(listed).toContainText("models: gpt-4o-mini");
    // The notice: the base URL, and a curl line that works as it is.
    await expect(page.getByTestId("new-token-base-url")).toHaveText(`${baseURL}/v1`);
    const curl = (await page.getByTestId("new-token-curl").textContent())!;
    expect(curl).toContain(`curl ${baseURL}/v1/chat/completions`);
    expect(curl).toContain(`Authorization: Bearer ${token}`);
    const body = JSON.parse(/-d '(.*)'$/s.exec(curl)![1]!) as Record<string, unknown>;
    expect(body.model).toBe(mini);
    const answer = await fetch(`${baseURL}/v1/chat/completions`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });
    expect(answer.status).toBe(200);
    await expectFits(page, testInfo, "new-token-notice");
  });

  test("a budget that does not cover a request says what it could cost and which max_tokens fits; fit output to budget lowers the limit instead; streams show what was reserved", async ({ browser, baseURL }) => {
    test.setTimeout(150_000);
    const person = await createApiPerson({ browser, baseURL: baseURL!, label: "budget" });
    const { itemId } = await addKeyAndToken({ person });
    // $0.005: less than gpt-4o-mini's worst case without max_tokens (16,384 output tokens ≈ $0.0099).
    const strict = await signedTokenPolicy(person, itemId, { v: 1, budgetUsd: 0.005 });
    const refused = await chat(baseURL!, strict.token);
    expect(refused.status).toBe(429);
    const { error } = (await refused.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("insufficient_quota");
    expect(error.message).toMatch(/^This connection's monthly budget of \$0\.005 does not cover this request: it could cost up to \$0\.00\d+ \(no max_tokens was sent, so the model's maximum output, 16,384 tokens, was counted\), and \$0\.005 is left \(\$0\.00 spent\)\. Send max_tokens ≤ [\d,]+, or raise the budget\. It resets on \d{4}-\d{2}-01 00:00 UTC\.$/);
    const fits = Number(/max_tokens ≤ ([\d,]+)/.exec(error.message)![1]!.replace(/,/g, ""));
    expect((await chat(baseURL!, strict.token, { max_tokens: fits })).status).toBe(200);

    // The same budget with "fit output to budget", made in the token form (a signed v2 policy).
    const page = person.page;
    await page.goto("/dashboard/vault");
    await unlockVault(page, person.password);
    const token = await createToken(page, { name: "Fitting bot", keys: { openai: "Signed OpenAI" }, budget: "0.005", rpm: "", fitOutput: true });
    await resetFakes();
    const fitted = await chat(baseURL!, token);
    expect(fitted.status).toBe(200);
    const limit = Number(fitted.headers.get("x-1relay-output-limit-fitted"));
    expect(limit).toBeGreaterThanOrEqual(256);
    expect(limit).toBeLessThan(16_384);
    const sent = JSON.parse((await fakeReceived("openai")).at(-1)!.bodyText) as Record<string, unknown>;
    expect(sent.max_completion_tokens).toBe(limit);
    // Money stays within the cap: what was charged is at most what the budget had.
    expect(Number(fitted.headers.get("x-1relay-cost-usd"))).toBeLessThanOrEqual(0.005);

    // A stream's headers say what was reserved; its exact cost closes the stream.
    const stream = await chat(baseURL!, token, { stream: true, max_tokens: 50 });
    expect(stream.headers.get("x-1relay-cost-usd")).toBeNull();
    const reserved = Number(stream.headers.get("x-1relay-reserved-usd"));
    expect(reserved).toBeGreaterThan(0);
    const text = await stream.text();
    const exact = Number(/: x-1relay-cost-usd=([\d.]+)/.exec(text)![1]);
    expect(exact).toBeGreaterThan(0);
    expect(exact).toBeLessThanOrEqual(reserved);
  });

  test("Retry-After and x-ratelimit-reset-requests agree, and a success reports when a slot comes back", async ({ browser, baseURL }) => {
    const person = await createApiPerson({ browser, baseURL: baseURL!, label: "rpm" });
    const { itemId } = await addKeyAndToken({ person });
    const { token } = await signedTokenPolicy(person, itemId, { v: 1, rpm: 1 });
    const first = await chat(baseURL!, token, { max_tokens: 5 });
    expect(first.status).toBe(200);
    const seconds = (header: string | null) => {
      const m = /^(?:(\d+)m)?([\d.]+)(ms|s)$/.exec(header ?? "")!;
      return Number(m[1] ?? 0) * 60 + Number(m[2]) / (m[3] === "ms" ? 1000 : 1);
    };
    expect(seconds(first.headers.get("x-ratelimit-reset-requests"))).toBeGreaterThan(55);
    const second = await chat(baseURL!, token, { max_tokens: 5 });
    expect(second.status).toBe(429);
    const reset = seconds(second.headers.get("x-ratelimit-reset-requests"));
    expect(Number(second.headers.get("retry-after"))).toBe(Math.ceil(reset));
  });

  test("the Overview is the person's home; key tests count as one series; the connection page's counts agree with its table; sessions and activity say what and where", async ({ browser, baseURL }, testInfo) => {
    test.setTimeout(180_000);
    const email = uniqueEmail("home");
    const context = await browser.newContext({ baseURL });
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const page = await context.newPage();
    await signInWithCode(page, browser, email, baseURL!);
    await expect(page.getByTestId("next-step")).toHaveAttribute("data-step", "create-vault");
    const person = await createApiPersonOnPage(page, baseURL!);
    await page.goto("/dashboard");
    await expect(page.getByTestId("next-step")).toHaveAttribute("data-step", "make-connection");
    await expect(page.getByTestId("stat-vault")).toContainText("1 key");
    await expect(page.getByTestId("stat-vault")).toContainText("OpenAI");
    const { connectionId, token } = await addKeyAndTokenWith(person, "Home bot");
    await page.goto("/dashboard");
    await expect(page.getByTestId("next-step")).toHaveAttribute("data-step", "first-call");
    for (const body of [{}, { max_tokens: 5 }, { model: "claude-haiku-4-5" }]) await (await chat(baseURL!, token, body)).text();
    await expect(async () => {
      await page.goto("/dashboard");
      await expect(page.getByTestId("next-step")).toHaveCount(0);
    }).toPass({ timeout: 20_000 });
    await expect(page.getByTestId("newest-connections")).toContainText("Home bot");
    await expect(page.getByText("Account object")).toHaveCount(0);
    await expectFits(page, testInfo, "overview");

    // The connection page: its count is the table's (the refused request included).
    await page.goto(`/dashboard/connections/${connectionId}`);
    await expect(page.getByTestId("usage-row")).toHaveCount(3, { timeout: 20_000 });
    await expect(page.getByTestId("requests-this-month")).toHaveText("3 (1 refused or failed)", { timeout: 20_000 });

    // Key tests: two Test clicks are one "Key tests" series, never "(removed)" apps.
    await page.goto("/dashboard/vault");
    await unlockVault(page, person.password);
    for (let i = 0; i < 2; i += 1) {
      await page.getByTestId("vault-item").first().getByRole("button", { name: "Test" }).click();
      await expect(page.getByTestId("key-test-result")).toBeVisible({ timeout: 20_000 });
    }
    await page.getByRole("link", { name: "Usage", exact: true }).click();
    const byApp = page.getByTestId("by-app");
    await expect(byApp.locator('[data-testid="breakdown-row"][data-key="key-tests"]')).toContainText("Key tests", { timeout: 20_000 });
    await expect(byApp.locator('[data-testid="breakdown-row"][data-key="key-tests"] [data-cell="requests"]')).toHaveText("2");
    await expect(page.getByText("(removed)")).toHaveCount(0);
    const csv = await (await page.request.get("/api/usage?view=csv&range=month")).text();
    expect(csv).toContain(",Key tests,");
    expect(csv).not.toContain("(removed)");

    // Pause and resume are in the activity list; sessions say on what and from where.
    await page.getByRole("link", { name: "Tokens", exact: true }).click();
    const row = page.getByTestId("connection-row").filter({ hasText: "Home bot" });
    await row.getByRole("button", { name: "Pause" }).click();
    await expect(row).toHaveAttribute("data-status", "paused");
    await row.getByRole("button", { name: "Resume" }).click();
    await expect(row).toHaveAttribute("data-status", "active");
    await page.goto("/dashboard/settings");
    const activity = page.getByTestId("activity-event");
    await expect(activity.filter({ hasText: "Connection paused: “Home bot”" })).toHaveCount(1);
    await expect(activity.filter({ hasText: "Connection resumed: “Home bot”" })).toHaveCount(1);
    const session = page.getByTestId("session").filter({ hasText: "This session" });
    // The browser's own User-Agent, described (Playwright's "Desktop Chrome" says Windows).
    await expect(session.getByTestId("session-device")).toHaveText(describeUserAgent(await page.evaluate(() => navigator.userAgent)));
    await expect(session.getByTestId("session-from")).toHaveText(/^ from \S+/);
    await expectFits(page, testInfo, "settings");
    await context.close();
  });
});

/** The person of `page` (already signed in) gets a vault and an OpenAI key through the API. */
async function createApiPersonOnPage(page: Page, baseURL: string): Promise<ApiPerson> {
  const person = await createApiVault({ page, baseURL, email: "" });
  const itemId = newItemId();
  const sealedKey = sealProviderKey({ userId: person.userId, vaultKey: person.vaultKey, itemId, provider: "openai", keyVersion: 1, secret: fakeKeys.openai });
  expect((await person.call("POST", "/api/vault/items", { id: itemId, provider: "openai", label: "Signed OpenAI", sealedKey })).status()).toBe(201);
  return person;
}

async function addKeyAndTokenWith(person: ApiPerson, name: string): Promise<{ connectionId: string; token: string }> {
  const { items } = (await (await person.call("GET", "/api/vault")).json()) as { items: { id: string }[] };
  const { token, body } = buildTokenConnection({
    userId: person.userId,
    vaultKey: person.vaultKey,
    name,
    grants: [{ provider: "openai", itemId: items[0]!.id, itemKeyVersion: 1, secret: fakeKeys.openai }],
    policy: { v: 2, providers: ["openai"], models: [], budgetUsd: 1, rpm: null, expiresAt: null, fitOutput: false },
  });
  expect((await person.call("POST", "/api/connections", body)).status()).toBe(201);
  return { connectionId: body.id, token };
}
