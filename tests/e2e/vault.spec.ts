import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { readConfirmationCode, signInWithCode, uniqueEmail } from "./helpers/accounts";
import { formError } from "./helpers/form-error";
import { findLeak, recordRequests } from "./helpers/request-recorder";
import { keyForms, secretForms } from "./helpers/secret-forms";
import { addKey, createVault, fakeKeys, resetVaultInSettings, unlockVault } from "./helpers/vault-ui";

const firstPassword = "velvet cactus orbit 47 lantern";
const secondPassword = "quiet harbor 93 maple frequency";

test.describe.serial("the zero-knowledge vault", () => {
  let context: BrowserContext;
  let page: Page;
  let email: string;

  test.beforeAll(async ({ browser, baseURL }) => {
    context = await browser.newContext({ baseURL });
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    page = await context.newPage();
    email = uniqueEmail("vault");
    await signInWithCode(page, browser, email, baseURL!);
  });
  test.afterAll(async () => {
    await context.close();
  });

  test("no master password, hash of it, or provider key ever leaves the browser", async () => {
    const recorder = recordRequests(context);

    await createVault(page, firstPassword);
    await addKey(page, "openai", "Personal OpenAI", fakeKeys.openai);
    await addKey(page, "anthropic", "Work Anthropic", fakeKeys.anthropic);
    await addKey(page, "gemini", "Gemini", fakeKeys.gemini);

    // Masked while unlocked; revealed on request; copied to the clipboard.
    const openaiRow = page.getByTestId("vault-item").filter({ hasText: "Personal OpenAI" });
    await expect(openaiRow.getByTestId("key-value")).toHaveText(`sk-proj-••••${fakeKeys.openai.slice(-4)}`);
    await openaiRow.getByRole("button", { name: "Reveal" }).click();
    await expect(openaiRow.getByTestId("key-value")).toHaveText(fakeKeys.openai);
    await openaiRow.getByRole("button", { name: "Hide" }).click();
    await openaiRow.getByRole("button", { name: "Copy" }).click();
    await expect(openaiRow.getByRole("status")).toHaveText("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(fakeKeys.openai);

    // Lock, unlock, change the master password, lock, unlock with the new one.
    await page.getByRole("button", { name: "Lock vault" }).first().click();
    await expect(page.getByTestId("vault-status")).toHaveText("Locked");
    await expect(openaiRow.getByTestId("key-value")).toHaveText("••••••••");
    await unlockVault(page, firstPassword);
    await page.getByRole("link", { name: "Settings", exact: true }).click();
    await expect(page).toHaveURL(/\/dashboard\/settings$/);
    await page.getByLabel("Current master password").fill(firstPassword);
    await page.getByLabel("New master password", { exact: true }).fill(secondPassword);
    await page.getByLabel("New master password again").fill(secondPassword);
    await page.getByRole("button", { name: "Change master password" }).click();
    await expect(page.getByRole("status")).toHaveText("Master password changed.", { timeout: 30_000 });
    await page.getByRole("link", { name: "Vault", exact: true }).click();
    await expect(page).toHaveURL(/\/dashboard\/vault$/);
    await page.getByRole("button", { name: "Lock vault" }).first().click();
    await page.getByLabel("Master password", { exact: true }).fill(firstPassword);
    await page.getByRole("button", { name: "Unlock" }).click();
    await expect(formError(page)).toHaveText("That master password does not open this vault.", { timeout: 30_000 });
    await unlockVault(page, secondPassword);
    await expect(page.getByTestId("vault-item")).toHaveCount(3);

    await recorder.settle();
    expect(recorder.all.filter((r) => r.url.includes("/api/vault")).length).toBeGreaterThanOrEqual(6);
    // The recorder really sees bodies: the sealed items went out as envelopes.
    const itemPosts = recorder.all.filter((r) => r.method === "POST" && r.url.endsWith("/api/vault/items"));
    expect(itemPosts).toHaveLength(3);
    for (const post of itemPosts) expect(post.body).toMatch(/"sealedKey":"v1\.[A-Za-z0-9_-]{16}\./);
    const secrets = [...secretForms(firstPassword), ...secretForms(secondPassword), ...Object.values(fakeKeys).flatMap(keyForms)];
    expect(findLeak(recorder.all, secrets)).toBeNull();
  });

  test("a wrong master password fails locally, with a clear message and no request", async () => {
    await page.reload();
    await expect(page.getByTestId("vault-status")).toHaveText("Locked");
    // Let the page finish loading (Next prefetches the navigation's pages), then watch.
    await page.waitForLoadState("networkidle");
    const recorder = recordRequests(context);
    await page.getByLabel("Master password", { exact: true }).fill("not my password at all 123");
    await page.getByRole("button", { name: "Unlock" }).click();
    await expect(formError(page)).toHaveText("That master password does not open this vault.", { timeout: 30_000 });
    await recorder.settle();
    expect(recorder.all.map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  test("a reload starts locked, and locking one tab locks every tab", async () => {
    await unlockVault(page, secondPassword);
    const other = await context.newPage();
    await other.goto("/dashboard/vault");
    // Unlock once per browser session: the new tab gets the key from the open one (lib/vault/vault-share.ts).
    await expect(other.getByTestId("vault-status")).toHaveText("Unlocked");
    await page.getByRole("button", { name: "Lock vault" }).first().click();
    await expect(other.getByTestId("vault-status")).toHaveText("Locked");
    await expect(other.getByTestId("key-value").first()).toHaveText("••••••••");
    // Nothing about the vault key is kept in web storage or cookies.
    const storage = await other.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
    expect(storage).not.toMatch(/[A-Za-z0-9_-]{40,}/);
    await other.close();
  });

  test("auto-lock after the idle time the person sets", async () => {
    await page.clock.install();
    await page.reload();
    await page.getByRole("link", { name: "Settings", exact: true }).click();
    await expect(page).toHaveURL(/\/dashboard\/settings$/);
    await page.getByLabel("Lock the vault after").selectOption("1");
    await page.getByRole("link", { name: "Vault", exact: true }).click();
    await expect(page).toHaveURL(/\/dashboard\/vault$/);
    await unlockVault(page, secondPassword);
    await expect(page.getByText("Locks after 1 minute idle.")).toBeVisible();
    await page.clock.fastForward(61_000);
    await expect(page.getByTestId("vault-status")).toHaveText("Locked");
  });

  test("keys are validated, replaced and deleted", async () => {
    await page.clock.install();
    await page.reload();
    await unlockVault(page, secondPassword);
    const form = page.getByRole("form", { name: "Add a key" });
    await form.getByLabel("Provider").selectOption("gemini");
    await form.getByLabel("Label").fill("Wrong one");
    await form.getByLabel("API key").fill(fakeKeys.openai);
    await form.getByRole("button", { name: "Add key" }).click();
    await expect(form.locator(".alert.error")).toHaveText("That looks like a OpenAI key, not a Google Gemini key.");

    // Several keys per provider.
    await addKey(page, "openai", "Second OpenAI", `sk-proj-${"S3cond".repeat(6)}QRST`);
    const row = page.getByTestId("vault-item").filter({ hasText: "Second OpenAI" });
    await row.getByRole("button", { name: "Replace" }).click();
    await row.getByPlaceholder("New API key").fill(`sk-proj-${"R3placed".repeat(5)}LMNO`);
    await row.getByRole("button", { name: "Save new key" }).click();
    await expect(page.getByTestId("vault-item").filter({ hasText: "Second OpenAI" }).getByTestId("key-value")).toHaveText("sk-proj-••••LMNO");
    await page.getByTestId("vault-item").filter({ hasText: "Second OpenAI" }).getByRole("button", { name: "Delete" }).click();
    await page.getByRole("button", { name: "Yes, delete" }).click();
    await expect(page.getByTestId("vault-item").filter({ hasText: "Second OpenAI" })).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId("vault-item")).toHaveCount(3);
  });
});

test("a vault reset sends the new vault with the emailed code, never the master passwords or a hash of them", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const email = uniqueEmail("vault-reset");
  await signInWithCode(page, browser, email, baseURL!);
  await createVault(page, firstPassword);
  await addKey(page, "openai", "Before reset", fakeKeys.openai);

  const recorder = recordRequests(context);
  await resetVaultInSettings(page, { password: secondPassword, readCode: () => readConfirmationCode(browser, email, baseURL!), revoke: true });
  await page.getByRole("link", { name: "Vault", exact: true }).click();
  await expect(page.getByTestId("vault-status")).toHaveText("Unlocked");
  await expect(page.getByTestId("vault-item")).toHaveCount(0);

  await recorder.settle();
  // The one reset request: the new vault's envelope and signing public key with the code.
  const resets = recorder.all.filter((r) => r.method === "PUT" && r.url.endsWith("/api/account/vault"));
  expect(resets).toHaveLength(1);
  expect(resets[0]!.body).toMatch(/"wrappedVaultKey":"v1\.[A-Za-z0-9_-]{16}\./);
  expect(resets[0]!.body).toMatch(/"signingPublicKey":"[A-Za-z0-9_-]{43}"/);
  expect(resets[0]!.body).toMatch(/"emailCode":"[0-9A-Z]{4}-[0-9A-Z]{4}"/);
  const secrets = [...secretForms(firstPassword), ...secretForms(secondPassword), ...keyForms(fakeKeys.openai)];
  expect(findLeak(recorder.all, secrets)).toBeNull();
  await context.close();
});
