import { expect, test, type Page } from "@playwright/test";
import { signInWithCode, uniqueEmail } from "./helpers/accounts";
import { resetFakes } from "./helpers/fakes";
import { addKey, createVault, fakeKeys } from "./helpers/vault-ui";

// The "Use with agents" page: each agent's set-up names this deployment's origin; the button makes
// a token for the agent (the existing token form, filled in for it, built and signed in the
// browser with the vault unlocked), the token lands in the snippet and works; no sideways scroll
// on a phone.

const PASSWORD = "copper meadow 74 orbit tundra";

async function noSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

test.describe.serial("Use with agents", () => {
  let page: Page;

  test.beforeAll(async ({ browser, baseURL }) => {
    page = await browser.newPage({ baseURL });
    await signInWithCode(page, browser, uniqueEmail("agents"), baseURL!);
    await createVault(page, PASSWORD);
    await addKey(page, "anthropic", "Agent Anthropic", fakeKeys.anthropic);
  });

  test.afterAll(async () => {
    await page?.close();
  });

  test("is in the nav, and shows each agent's set-up with this deployment's origin and a placeholder for the token", async ({ baseURL }) => {
    await page.getByRole("link", { name: "Use with agents" }).click();
    await expect(page).toHaveURL(/\/dashboard\/agents$/);
    await expect(page.getByRole("heading", { name: "Use with agents", level: 1 })).toBeVisible();
    for (const name of ["Claude Code", "Codex CLI", "Gemini CLI", "Any OpenAI-compatible tool"]) await expect(page.getByRole("heading", { name, level: 2 })).toBeVisible();
    await expect(page.getByTestId("snippet-claude-code-0")).toHaveText(`export ANTHROPIC_BASE_URL="${baseURL}"\nexport ANTHROPIC_AUTH_TOKEN="<your 1r_ token>"\nunset ANTHROPIC_API_KEY\nclaude`);
    await expect(page.getByTestId("snippet-codex-0")).toContainText(`base_url = "${baseURL}/v1"`);
    await expect(page.getByTestId("snippet-gemini-cli-1")).toContainText(`export GOOGLE_GEMINI_BASE_URL="${baseURL}"`);
    // Without a Gemini key, the Gemini CLI button says what is missing.
    await expect(page.getByTestId("agent-gemini-cli").getByRole("button", { name: "Make a token for Gemini CLI" })).toBeDisabled();
    await expect(page.getByTestId("agent-gemini-cli")).toContainText("Add your Google Gemini key to the vault first.");
  });

  test("the button makes a token for Claude Code with its limits filled in, puts it in the snippet, and the token works", async ({ baseURL }) => {
    const card = page.getByTestId("agent-claude-code");
    await card.getByRole("button", { name: "Make a token for Claude Code" }).click();
    const form = card.getByRole("form", { name: "A token for Claude Code" });
    await expect(form.getByLabel("Name")).toHaveValue("Claude Code");
    await expect(form.getByLabel("Anthropic key")).toHaveValue(/.+/);
    await expect(form.getByLabel("Monthly budget (USD)")).toHaveValue("20");
    await expect(form.getByLabel("Requests per minute")).toHaveValue("120");
    await form.getByRole("button", { name: "Create token" }).click();
    const snippet = card.getByTestId("snippet-claude-code-0");
    await expect(snippet).toContainText(/export ANTHROPIC_AUTH_TOKEN="1r_[0-9A-Za-z]{71}"/);
    await expect(card.getByRole("status")).toContainText("shown only once");
    const token = /ANTHROPIC_AUTH_TOKEN="(1r_[0-9A-Za-z]{71})"/.exec((await snippet.textContent())!)![1]!;

    await resetFakes();
    const response = await fetch(`${baseURL}/v1/messages?beta=true`, { method: "POST", headers: { authorization: `Bearer ${token}`, "anthropic-version": "2023-06-01", "content-type": "application/json" }, body: JSON.stringify({ model: "claude-haiku-4-5", max_tokens: 32, messages: [{ role: "user", content: "hi" }] }) });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-1relay-budget-remaining-usd")).toMatch(/^19\.9\d+$/);

    await page.getByRole("link", { name: "Tokens", exact: true }).click();
    await expect(page.getByTestId("connection-row").filter({ hasText: "Claude Code" })).toContainText(`${token.slice(0, 9)}…`);
  });

  test("with the vault locked it asks to unlock first, and no page scrolls sideways at 390 px or 1280 px", async () => {
    await page.goto("/dashboard/agents");
    await expect(page.getByLabel("Master password", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: /Make a token/ })).toHaveCount(0);
    await page.getByLabel("Master password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Unlock" }).click();
    await expect(page.getByRole("button", { name: "Make a token for Claude Code" })).toBeVisible({ timeout: 30_000 });
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.getByTestId("agent-claude-code").getByRole("button", { name: "Make a token for Claude Code" }).click();
      await noSidewaysScroll(page);
      await page.getByTestId("agent-claude-code").screenshot({ path: `test-results/agents-page-${width}.png` });
      await page.getByRole("button", { name: "Cancel" }).click();
    }
  });
});
