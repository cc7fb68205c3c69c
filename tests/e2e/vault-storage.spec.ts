import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { signInWithCode, uniqueEmail } from "./helpers/accounts";
import { decryptStoredVault } from "./helpers/independent-decryptor";
import { allLocalStateFiles, openLocalD1 } from "./helpers/local-d1";
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
    await signInWithCode(page, browser, email, baseURL!);
    await createVault(page, password);
    await addKey(page, "openai", "Stored OpenAI", keys.openai);
    await addKey(page, "anthropic", "Stored Anthropic", keys.anthropic);
    await addKey(page, "gemini", "Stored Gemini", keys.gemini);

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
    } finally {
      db.close();
    }
  });
});
