import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { signInWithCode, uniqueEmail } from "./helpers/accounts";
import { decryptStoredItems, decryptStoredVault, derivePasskeyKey, openPasskeyWrappedVaultKey, openStoredVaultKey } from "./helpers/independent-decryptor";
import { allLocalStateFiles, openLocalD1 } from "./helpers/local-d1";
import { addPasskeyInSettings, addVirtualAuthenticator, byteForms, evaluatePrf, readPasskeyRows } from "./helpers/passkeys";
import { keyForms, secretForms } from "./helpers/secret-forms";
import { addKey, createVault } from "./helpers/vault-ui";

const password = "granite willow 58 comet ribbon";
const keys = {
  openai: `sk-proj-${"StoredOpenAiKey".repeat(3)}WXYZ`,
  anthropic: `sk-ant-api03-${"StoredAnthropicKey".repeat(4)}-QRST`,
  gemini: `AIza${"StoredGeminiKey".repeat(3)}`.slice(0, 39),
};

test.describe("what the server stores", () => {
  test("no key is in the database or Durable Object files, and the stored envelopes open with an independent decryptor", async ({ page, browser, baseURL }) => {
    const email = uniqueEmail("storage");
    await addVirtualAuthenticator(page);
    await signInWithCode(page, browser, email, baseURL!);
    await createVault(page, password);
    await addKey(page, "openai", "Stored OpenAI", keys.openai);
    await addKey(page, "anthropic", "Stored Anthropic", keys.anthropic);
    await addKey(page, "gemini", "Stored Gemini", keys.gemini);
    // A passkey too: its copy of the vault key is stored wrapped under a key only its PRF output gives.
    await addPasskeyInSettings(page, "Stored passkey");

    // 2. Read every file of the local D1 and Durable Object state, WAL included.
    const files = allLocalStateFiles();
    const contents = files.map((f) => readFileSync(f).toString("latin1"));
    expect(files.some((f) => f.includes("/d1/"))).toBe(true);
    expect(files.some((f) => f.includes("/do/"))).toBe(true);
    // The scan reads the right data: the labels and address are there, as they should be.
    expect(contents.some((c) => c.includes("Stored Anthropic"))).toBe(true);
    expect(contents.some((c) => c.includes(email))).toBe(true);
    for (const [provider, key] of Object.entries(keys)) {
      for (const form of keyForms(key)) {
        expect(contents.some((c) => c.includes(form)), `${provider} key found in local state`).toBe(false);
      }
    }
    for (const form of secretForms(password)) expect(contents.some((c) => c.includes(form))).toBe(false);

    // 4. Open what is stored, knowing only the documented format and the password.
    const db = openLocalD1();
    try {
      const user = db.prepare("SELECT id FROM users WHERE email = ?").get(email) as { id: string };
      const vault = db.prepare("SELECT salt, kdf_params, wrapped_vault_key FROM vaults WHERE user_id = ?").get(user.id) as {
        salt: string;
        kdf_params: string;
        wrapped_vault_key: string;
      };
      const items = db.prepare("SELECT id, provider, key_version, sealed_key FROM vault_items WHERE user_id = ?").all(user.id) as {
        id: string;
        provider: string;
        key_version: number;
        sealed_key: string;
      }[];
      expect(vault.kdf_params).toBe("m=65536,t=3,p=4");
      const opened = await decryptStoredVault({ userId: user.id, password, vault, items });
      expect(Object.values(opened).sort()).toEqual(Object.values(keys).sort());
      for (const item of items) expect(opened[item.id]).toBe(keys[item.provider as keyof typeof keys]);
      await expect(decryptStoredVault({ userId: user.id, password: "a different password 1", vault, items })).rejects.toThrow();

      // 5. The passkey's row opens with its PRF output alone (evaluated like any WebAuthn client
      // would) to the same vault key; with any other PRF output it opens nothing; and neither the
      // PRF output, the key derived from it nor the vault key is anywhere in the local state.
      const [passkey] = readPasskeyRows(user.id);
      const prfOutput = await evaluatePrf(page, { credentialId: passkey!.credential_id, prfSalt: passkey!.prf_salt });
      const viaPasskey = await openPasskeyWrappedVaultKey({ userId: user.id, credentialId: passkey!.credential_id, prfOutput, wrappedVaultKey: passkey!.wrapped_vault_key });
      const viaPassword = await openStoredVaultKey({ userId: user.id, password, vault });
      expect(Buffer.from(viaPasskey).equals(Buffer.from(viaPassword))).toBe(true);
      expect(Object.values(await decryptStoredItems({ userId: user.id, vaultKey: viaPasskey, items })).sort()).toEqual(Object.values(keys).sort());
      const otherPrf = crypto.getRandomValues(new Uint8Array(32));
      await expect(openPasskeyWrappedVaultKey({ userId: user.id, credentialId: passkey!.credential_id, prfOutput: otherPrf, wrappedVaultKey: passkey!.wrapped_vault_key })).rejects.toThrow();
      const prk = await derivePasskeyKey({ prfOutput, credentialId: passkey!.credential_id });
      const stateNow = allLocalStateFiles().map((f) => readFileSync(f).toString("latin1"));
      expect(stateNow.some((c) => c.includes(passkey!.wrapped_vault_key))).toBe(true);
      for (const form of [prfOutput, prk, viaPasskey].flatMap(byteForms)) expect(stateNow.some((c) => c.includes(form)), "a passkey secret found in local state").toBe(false);
    } finally {
      db.close();
    }
  });
});
