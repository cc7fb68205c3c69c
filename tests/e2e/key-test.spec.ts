import { expect, test } from "@playwright/test";
import { signInWithCode, uniqueEmail } from "./helpers/accounts";
import { fakeReceived, resetFakes } from "./helpers/fakes";
import { addKey, createVault, fakeKeys } from "./helpers/vault-ui";

test("a key's Test button calls the provider through the gateway, and a rejected key is flagged", async ({ page, browser, baseURL }) => {
  await signInWithCode(page, browser, uniqueEmail("keytest"), baseURL!);
  await createVault(page, "ember glacier 64 walnut signal");
  const wrongGemini = `AIza${"WrongGeminiKey".repeat(3)}`.slice(0, 39);
  await addKey(page, "gemini", "Good Gemini", fakeKeys.gemini);
  await addKey(page, "gemini", "Stale Gemini", wrongGemini);
  await resetFakes();

  const good = page.getByTestId("vault-item").filter({ hasText: "Good Gemini" });
  await good.getByRole("button", { name: "Test" }).click();
  await expect(good.getByTestId("key-test-result")).toContainText("Google Gemini answered (gemini-2.5-flash-lite)");
  await expect(good.getByTestId("key-rejected")).toHaveCount(0);

  const stale = page.getByTestId("vault-item").filter({ hasText: "Stale Gemini" });
  await stale.getByRole("button", { name: "Test" }).click();
  await expect(stale.getByTestId("key-test-result")).toContainText("Gemini");
  await expect(stale.getByTestId("key-rejected")).toHaveText("Rejected by Google Gemini");

  // Both calls really reached the provider with the key in its header, nothing else.
  const received = await fakeReceived("gemini");
  expect(received.map((r) => r.headers["x-goog-api-key"])).toEqual([fakeKeys.gemini, wrongGemini]);
  // The temporary connections are gone: nothing new in the token list.
  await page.getByRole("link", { name: "Tokens", exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard\/tokens$/);
  await expect(page.getByText("No tokens yet.")).toBeVisible();
  // The flag survives a reload (it is stored with the key's metadata).
  await page.goto("/dashboard/vault");
  await expect(page.getByTestId("vault-item").filter({ hasText: "Stale Gemini" }).getByTestId("key-rejected")).toBeVisible();
});
