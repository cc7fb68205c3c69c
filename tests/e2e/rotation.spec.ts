import { expect, test } from "@playwright/test";
import { signInWithCode, uniqueEmail } from "./helpers/accounts";
import { fakeReceived, resetFakes } from "./helpers/fakes";
import { createToken } from "./helpers/tokens-ui";
import { addKey, createVault, fakeKeys } from "./helpers/vault-ui";

// Issue 7: replacing (rotating) a provider key re-encrypts the grant of every connection that
// uses it in one update; apps keep their tokens and the next call uses the new key. Deleting a
// key that connections use asks first, names them, and they lose that provider.

const rotated = `sk-proj-${"R0tat3dK3y".repeat(4)}QRST`;

function chat(baseURL: string, token: string): Promise<Response> {
  return fetch(`${baseURL}/v1/chat/completions`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: "which key?" }] }) });
}

test("rotating a key: the provider gets the old key, then the new one, through the same token; deleting it asks first", async ({ page, browser, baseURL }) => {
  await signInWithCode(page, browser, uniqueEmail("rotate"), baseURL!);
  await createVault(page, "copper meadow 62 signal harbor");
  await addKey(page, "openai", "Work OpenAI", fakeKeys.openai);
  const token = await createToken(page, { name: "Rotate bot", keys: { openai: "Work OpenAI" }, budget: "", rpm: "" });
  const second = await createToken(page, { name: "Second bot", keys: { openai: "Work OpenAI" }, budget: "", rpm: "" });

  await resetFakes();
  expect((await chat(baseURL!, token)).status).toBe(200);

  await page.getByRole("link", { name: "Vault", exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard\/vault$/);
  const row = page.getByTestId("vault-item").filter({ hasText: "Work OpenAI" });
  await expect(row.getByTestId("key-used-by")).toContainText("“Rotate bot”");
  await expect(row.getByTestId("key-used-by")).toContainText("“Second bot”");
  await row.getByRole("button", { name: "Replace" }).click();
  await row.getByLabel("New API key for Work OpenAI").fill(rotated);
  await row.getByRole("button", { name: "Save new key" }).click();
  await expect(page.getByTestId("vault-item").filter({ hasText: "Work OpenAI" }).getByTestId("key-value")).toContainText("QRST");

  expect((await chat(baseURL!, token)).status).toBe(200);
  expect((await chat(baseURL!, second)).status).toBe(200);
  const keys = (await fakeReceived("openai")).map((r) => r.headers.authorization);
  expect(keys).toEqual([`Bearer ${fakeKeys.openai}`, `Bearer ${rotated}`, `Bearer ${rotated}`]);

  // Deleting it: the confirmation names the connections that lose OpenAI; then they do.
  const after = page.getByTestId("vault-item").filter({ hasText: "Work OpenAI" });
  await after.getByRole("button", { name: "Delete" }).click();
  await expect(after).toContainText(/(“Rotate bot”, “Second bot”|“Second bot”, “Rotate bot”) will lose OpenAI/);
  await after.getByRole("button", { name: "Yes, delete" }).click();
  await expect(page.getByTestId("vault-item").filter({ hasText: "Work OpenAI" })).toHaveCount(0);
  const refused = await chat(baseURL!, token);
  expect(refused.status).toBe(403);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("provider_not_allowed");
});
