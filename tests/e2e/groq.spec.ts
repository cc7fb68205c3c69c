import { expect, test } from "@playwright/test";
import { signInWithCode, uniqueEmail } from "./helpers/accounts";
import { fakeReceived, resetFakes } from "./helpers/fakes";
import { createToken } from "./helpers/tokens-ui";
import { addKey, createVault, fakeKeys } from "./helpers/vault-ui";
import { expectFitsBothWidths } from "./helpers/screenshots";

// Issue 16, in the browser: add a Groq key to the vault, make a token for Groq only, call
// groq/<model> with it, and see the call on the Usage page.

const PASSWORD = "saffron harbour 73 quill meadow";
const MODEL = "llama-3.3-70b-versatile";

test("a Groq key, a token for Groq only, a call to groq/<model>, and the call on the Usage page", async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(150_000);
  await signInWithCode(page, browser, uniqueEmail("groq"), baseURL!);
  await createVault(page, PASSWORD);

  // The add-key form knows every provider, and says what a Groq key looks like and where to make one.
  const form = page.getByRole("form", { name: "Add a key" });
  const options = await form.getByLabel("Provider").locator("option").allTextContents();
  expect(options).toEqual(["OpenAI", "Anthropic", "Google Gemini", "Mistral", "Groq", "xAI (Grok)", "DeepSeek", "OpenRouter", "Together AI", "Fireworks AI", "Cerebras", "Perplexity"]);
  await form.getByLabel("Provider").selectOption("groq");
  await expect(form.getByTestId("key-hint")).toContainText("gsk_…");
  await expect(form.getByRole("link", { name: "console.groq.com" })).toHaveAttribute("href", "https://console.groq.com/keys");
  // A key of another provider is caught before it is sealed.
  await form.getByLabel("Label").fill("Wrong");
  await form.getByLabel("API key").fill(fakeKeys.openai);
  await form.getByRole("button", { name: "Add key" }).click();
  await expect(page.locator(".alert.error[role=alert]")).toContainText("looks like a OpenAI key, not a Groq key");
  await addKey(page, "groq", "My Groq", fakeKeys.groq);
  await expectFitsBothWidths(page, testInfo, "vault-with-groq");

  const token = await createToken(page, { name: "Groq bot", keys: { groq: "My Groq" }, budget: "2" });
  await expectFitsBothWidths(page, testInfo, "tokens-with-groq");

  await resetFakes();
  const response = await fetch(`${baseURL}/v1/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ model: `groq/${MODEL}`, messages: [{ role: "user", content: "fast hello from the browser test" }] }),
  });
  expect(response.status).toBe(200);
  expect(((await response.json()) as { choices: { message: { content: string } }[] }).choices[0]!.message.content).toBe("You said: fast hello from the browser test");
  const [received] = await fakeReceived("groq");
  expect(received!.path).toBe("/openai/v1/chat/completions");
  expect(received!.headers.authorization).toBe(`Bearer ${fakeKeys.groq}`);
  // The same token may not reach another provider.
  const elsewhere = await fetch(`${baseURL}/v1/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] }),
  });
  expect(elsewhere.status).toBe(403);

  await page.getByRole("link", { name: "Usage", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Usage", level: 1 })).toBeVisible();
  await page.getByLabel("Provider", { exact: true }).selectOption("groq");
  const rows = page.getByTestId("usage-row");
  await expect(rows.filter({ hasText: MODEL }).filter({ hasText: "200" })).toHaveCount(1, { timeout: 20_000 });
  await expect(rows.first()).toContainText("groq");
  await expect(rows.first()).toContainText("Groq bot");
  await expect(rows.filter({ hasText: "gpt-4o-mini" })).toHaveCount(0);
  // The totals and the breakdown by provider catch up with the log (both are polled).
  await expect(page.locator('[data-testid="breakdown-row"][data-key="groq"]')).toBeVisible({ timeout: 20_000 });
  await expectFitsBothWidths(page, testInfo, "usage-groq");
});
