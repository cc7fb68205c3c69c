import { expect, test } from "@playwright/test";
import { deriveMasterKey } from "../../lib/crypto/kdf";
import { deriveVaultSigningPublicKey } from "../../lib/crypto/vault-signing";
import { wrapVaultKey } from "../../lib/vault/vault-crypto";
import { signInWithCode, uniqueEmail } from "./helpers/accounts";
import { openLocalD1 } from "./helpers/local-d1";
import { unlockVault } from "./helpers/vault-ui";

const password = "saffron tunnel 72 glacier poem";

test.describe("vault upkeep", () => {
  test("unlocking a vault stored with weaker Argon2id parameters upgrades them to today's default", async ({ page, browser, baseURL }) => {
    const email = uniqueEmail("upgrade");
    await signInWithCode(page, browser, email, baseURL!);
    const { userId } = await (await page.request.get("/api/vault")).json();
    // A vault made years ago, at the old minimum (19 MiB, t=2, p=1).
    const vaultKey = crypto.getRandomValues(new Uint8Array(32));
    const old = await wrapVaultKey({ userId, vaultKey, password, params: { m: 19 * 1024, t: 2, p: 1 }, deriveKey: deriveMasterKey });
    expect((await page.request.post("/api/vault", { data: { ...old, signingPublicKey: deriveVaultSigningPublicKey(vaultKey) } })).status()).toBe(201);

    await page.goto("/dashboard/vault");
    await unlockVault(page, password);
    const db = openLocalD1();
    try {
      const row = db.prepare("SELECT kdf_params, salt, version FROM vaults WHERE user_id = ?").get(userId) as { kdf_params: string; salt: string; version: number };
      expect(row.kdf_params).toBe("m=65536,t=3,p=4");
      expect(row.salt).not.toBe(old.salt);
      expect(row.version).toBe(2);
    } finally {
      db.close();
    }
    await page.reload();
    await unlockVault(page, password);
  });

  test("signing out locks the vault in every tab", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL });
    const first = await context.newPage();
    await signInWithCode(first, browser, uniqueEmail("signout"), baseURL!);
    const { userId } = await (await first.request.get("/api/vault")).json();
    const vaultKey = crypto.getRandomValues(new Uint8Array(32));
    const made = await wrapVaultKey({ userId, vaultKey, password, deriveKey: deriveMasterKey });
    expect((await first.request.post("/api/vault", { data: { ...made, signingPublicKey: deriveVaultSigningPublicKey(vaultKey) } })).status()).toBe(201);
    const second = await context.newPage();
    await second.goto("/dashboard/vault");
    await unlockVault(second, password);
    await first.getByRole("button", { name: "Sign out" }).click();
    await expect(second.getByTestId("vault-status")).toHaveText("Locked");
    await context.close();
  });
});
