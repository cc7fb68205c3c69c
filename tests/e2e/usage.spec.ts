import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { exchangeCode, startAuthorization } from "../../lib/connect/app-client";
import { formatConnectionId } from "../../lib/crypto/connection-id";
import { parseRelayToken } from "../../lib/crypto/relay-token";
import { signInWithCode, uniqueEmail } from "./helpers/accounts";
import { answerConsent, captureProbe, PROBE_REDIRECT, registerApp } from "./helpers/connect-flow";
import { openLocalD1, waitForRows } from "./helpers/local-d1";
import { addKey, createVault, fakeKeys, unlockVault } from "./helpers/vault-ui";
import { expectFits } from "./helpers/fits";

// Issue 7 (usage): after gateway calls through two apps to two providers, the Usage page and
// its CSV export show the counts and spend per app, provider and model that the usage records
// hold; a new call appears without a reload; the connection page shows and controls one app.

const PASSWORD = "cobalt meadow 41 lantern quiver";
const APPS = ["Notes App", "Research App"] as const;

const connectionIdOf = (token: string) => formatConnectionId(parseRelayToken(token).connectionId);
const usd = (micro: number) => `$${(micro / 1_000_000).toFixed(6)}`;

function chat(baseURL: string, token: string, model: string, content: string): Promise<Response> {
  return fetch(`${baseURL}/v1/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ model, max_tokens: 50, messages: [{ role: "user", content }] }),
  });
}

interface Group {
  key: string;
  requests: number;
  cost: number;
}

/** Totals straight from the usage records in D1, per app (connection), provider or model. */
function expectedBy(column: "connection_id" | "provider" | "model", ids: string[]): Group[] {
  const db = openLocalD1();
  try {
    return db
      .prepare(`SELECT ${column} AS key, count(*) AS requests, sum(cost_micro_usd) AS cost FROM usage_records WHERE connection_id IN (${ids.map(() => "?").join(",")}) GROUP BY ${column}`)
      .all(...ids) as unknown as Group[];
  } finally {
    db.close();
  }
}

test.describe.serial("Usage: totals, charts, log and CSV per app, provider and model", () => {
  // Generous: two consents, a vault and Argon2id on a shared, busy machine.
  test.describe.configure({ timeout: 150_000 });
  let person: Page;
  const tokens: string[] = [];
  const ids: string[] = [];

  test.beforeAll(async ({ browser, baseURL }) => {
    test.setTimeout(420_000);
    const developer = await browser.newPage({ baseURL });
    await signInWithCode(developer, browser, uniqueEmail("usage-dev"), baseURL!);
    const clientIds = [];
    for (const name of APPS) clientIds.push(await registerApp(developer, baseURL!, { name, redirectUris: [PROBE_REDIRECT] }));
    await developer.close();

    person = await browser.newPage({ baseURL });
    await signInWithCode(person, browser, uniqueEmail("usage"), baseURL!);
    await createVault(person, PASSWORD);
    await addKey(person, "openai", "My OpenAI", fakeKeys.openai);
    await addKey(person, "anthropic", "My Anthropic", fakeKeys.anthropic);
    for (const clientId of clientIds) {
      const { url, pending } = startAuthorization({ baseUrl: baseURL!, clientId, redirectUri: PROBE_REDIRECT, scope: "openai anthropic", suggested: { budgetUsd: 5, rpm: 60 }, display: "page" });
      const probe = await captureProbe(person);
      await person.goto(url);
      await answerConsent(person, { password: PASSWORD, budget: "5", rpm: "60" });
      await expect.poll(() => probe()).not.toBeNull();
      await person.unroute(`${PROBE_REDIRECT}**`);
      const callback = probe()!;
      const { token } = await exchangeCode({ baseUrl: baseURL!, pending, code: callback.searchParams.get("code")!, state: pending.state, iss: callback.searchParams.get("iss")! });
      tokens.push(token);
      ids.push(connectionIdOf(token));
    }
  });

  test("after calls through two apps to two providers, the page and the CSV show the records' counts and spend", async ({ baseURL }, testInfo) => {
    const [notes, research] = tokens as [string, string];
    const calls: [string, string][] = [
      [notes, "gpt-4o-mini"],
      [notes, "gpt-4o-mini"],
      [notes, "claude-haiku-4-5"],
      [research, "claude-haiku-4-5"],
      [research, "claude-haiku-4-5"],
      [research, "gpt-4o-mini"],
    ];
    for (const [i, [token, model]] of calls.entries()) expect((await chat(baseURL!, token, model, `secret prompt number ${i}`)).status).toBe(200);
    await waitForRows<{ n: number }>(`SELECT count(*) AS n FROM usage_records WHERE connection_id IN (?, ?)`, ids, (r) => r[0]!.n === calls.length);

    await person.goto("/dashboard/usage");
    await expect(person.getByRole("heading", { name: "Usage", level: 1 })).toBeVisible();
    await expect(person.getByTestId("total-requests")).toHaveText(String(calls.length));
    const all = expectedBy("connection_id", ids);
    await expect(person.getByTestId("total-spend")).toHaveText(new RegExp(`^\\$${(all.reduce((s, g) => s + g.cost, 0) / 1e6).toFixed(6)}$|^\\$\\d+\\.\\d{2}$`));

    for (const [testId, column] of [["by-app", "connection_id"], ["by-provider", "provider"], ["by-model", "model"]] as const) {
      const expected = expectedBy(column, ids);
      expect(expected.length).toBe(2);
      const table = person.getByTestId(testId);
      await expect(table.getByTestId("breakdown-row")).toHaveCount(expected.length);
      for (const g of expected) {
        const row = table.locator(`[data-key="${g.key}"]`);
        await expect(row.locator('[data-cell="requests"]')).toHaveText(String(g.requests));
        await expect(row.locator('[data-cell="spend"]')).toHaveText(usd(g.cost));
        expect(g.cost).toBeGreaterThan(0);
      }
    }
    await expect(person.getByTestId("by-app")).toContainText(APPS[0]);
    await expect(person.getByTestId("by-app")).toContainText(APPS[1]);
    await expect(person.getByTestId("usage-row")).toHaveCount(calls.length);
    await expect(person.getByTestId("series-charts").locator(".recharts-bar-rectangle").first()).toBeVisible();
    await expect(person.getByTestId("budget-chart")).toBeVisible();
    await expect(person.locator("main")).not.toContainText("secret prompt");

    // Filter the log: one app and one provider.
    await person.getByLabel("App", { exact: true }).selectOption({ label: APPS[0] });
    await person.getByLabel("Provider", { exact: true }).selectOption("openai");
    await expect(person.getByTestId("usage-row")).toHaveCount(2);
    await expect(person.getByTestId("total-requests")).toHaveText("2");
    await person.getByLabel("App", { exact: true }).selectOption("");
    await person.getByLabel("Provider", { exact: true }).selectOption("");
    await expect(person.getByTestId("usage-row")).toHaveCount(calls.length);

    // The CSV, downloaded from the page: the same figures, and no prompt.
    const downloading = person.waitForEvent("download");
    await person.getByRole("link", { name: "Export CSV" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^1relay-usage-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}-utc\.csv$/);
    const text = readFileSync((await download.path())!, "utf8");
    expect(text).not.toContain("secret prompt");
    const [header, ...lines] = text.trimEnd().split("\r\n");
    const columns = header!.split(",");
    const records = lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [columns[i], v])) as Record<string, string>);
    expect(records).toHaveLength(calls.length);
    for (const [field, column] of [["connection_id", "connection_id"], ["provider", "provider"], ["model", "model"]] as const) {
      for (const g of expectedBy(column, ids)) {
        const mine = records.filter((r) => r[field] === g.key);
        expect(mine.length, `${field}=${g.key}`).toBe(g.requests);
        expect(mine.reduce((s, r) => s + Math.round(Number(r.cost_usd) * 1e6), 0), `${field}=${g.key}`).toBe(g.cost);
      }
    }
    expect(new Set(records.map((r) => r.app))).toEqual(new Set(APPS));

    const response = await person.request.get("/api/usage?view=csv&range=today");
    expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="1relay-usage-/);
    expect(response.headers()["content-type"]).toMatch(/^text\/csv/);

    await expectFits(person, testInfo, "usage", { settleMs: 600 });
  });

  test("a new call appears on the open Usage page without a reload", async ({ baseURL }) => {
    await expect(person.getByTestId("total-requests")).toHaveText("6");
    await person.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
    expect((await chat(baseURL!, tokens[1]!, "gpt-4o-mini", "one more please")).status).toBe(200);
    await expect(person.getByTestId("total-requests")).toHaveText("7", { timeout: 20_000 });
    await expect(person.getByTestId("usage-row")).toHaveCount(7);
    await expect(person.getByTestId("usage-row").first()).toContainText(APPS[1]);
    await expect(person.getByTestId("by-app").locator(`[data-key="${ids[1]}"] [data-cell="requests"]`)).toHaveText("4");
    expect(await person.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  });

  test("the connection page: spend against the cap, limits, models, recent requests, edit limits, pause", async ({ baseURL }, testInfo) => {
    await person.goto("/dashboard/vault");
    await unlockVault(person, PASSWORD);
    await person.getByRole("link", { name: "Connections", exact: true }).click();
    await person.getByRole("link", { name: `${APPS[0]}: usage and details` }).click();
    await expect(person).toHaveURL(new RegExp(`/dashboard/connections/${ids[0]}$`));
    await expect(person.getByRole("heading", { name: APPS[0], level: 1 })).toBeVisible();
    const details = person.getByTestId("connection-details");
    await expect(details).toContainText("60 requests per minute");
    await expect(details).toContainText(/anthropic, openai|openai, anthropic/);
    await expect(person.getByRole("progressbar", { name: /Spend this month/ })).toBeVisible();
    await expect(person.getByTestId("spend")).toContainText("of $5.00 this month");
    await expect(person.getByTestId("usage-row")).toHaveCount(3);
    const byModel = expectedBy("model", [ids[0]!]);
    for (const g of byModel) await expect(person.getByTestId("by-model").locator(`[data-key="${g.key}"] [data-cell="spend"]`)).toHaveText(usd(g.cost));

    // Edit limits: re-signed in this browser.
    await person.getByRole("button", { name: "Edit limits" }).click();
    const form = person.getByRole("form", { name: `Limits of ${APPS[0]}` });
    await form.getByLabel("Monthly budget (USD)").fill("7");
    await form.getByLabel("Requests per minute").fill("30");
    await form.getByRole("button", { name: "Save limits" }).click();
    await expect(details).toContainText("30 requests per minute");
    await expect(person.getByTestId("spend")).toContainText("of $7.00 this month");

    // Pause, and the very next call is refused; resume.
    await person.getByRole("button", { name: "Pause" }).click();
    await expect(details).toContainText("paused");
    expect((await chat(baseURL!, tokens[0]!, "gpt-4o-mini", "while paused")).status).toBe(403);
    await person.getByRole("button", { name: "Resume" }).click();
    await expect(details).toContainText("active");
    // A request refused for a paused connection never reaches a provider and is not a usage record.
    await expect(person.getByTestId("usage-row")).toHaveCount(3);

    // Keyboard: the controls are reachable and show focus.
    await person.getByRole("button", { name: "Pause" }).focus();
    await person.keyboard.press("Tab");
    await expect(person.getByRole("button", { name: "Revoke" })).toBeFocused();

    await expectFits(person, testInfo, "connection", { settleMs: 600 });
  });

  test("the Usage page has an empty state, and refuses a bad range clearly", async ({ browser, baseURL }) => {
    const fresh = await browser.newPage({ baseURL });
    await signInWithCode(fresh, browser, uniqueEmail("usage-empty"), baseURL!);
    await fresh.goto("/dashboard/usage");
    await expect(fresh.getByTestId("total-requests")).toHaveText("0");
    await expect(fresh.getByText("No requests match.")).toBeVisible();
    await expect(fresh.getByText("No requests in this range yet.")).toBeVisible();
    await fresh.getByRole("radio", { name: "Chosen days" }).check();
    await expect(fresh.getByLabel("From (UTC)")).toBeVisible();
    const bad = await fresh.request.get("/api/usage?view=summary&range=custom&from=2026-02-02&to=2026-01-01");
    expect(bad.status()).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/ends before/);
    expect((await fresh.request.get("/api/usage?view=log&prompt=1")).status()).toBe(400);
    await fresh.close();
  });
});
