// Rows for the workerd tests (real D1, real Durable Objects): an account with a vault item, and
// connections built with the browser's own code (lib/connections/build-connection.ts) and
// stored by the server's own query, so the gateway meets exactly what production stores.
import { buildTokenConnection } from "../../lib/connections/build-connection";
import { wrapForServer, type ServerSecret } from "../../lib/connections/server-wrap";
import type { ConnectionPolicy, PolicyV1, PolicyV2, PolicyV3 } from "../../lib/connections/wire";
import { createDb } from "../../lib/db/client";
import { insertTokenConnection } from "../../lib/db/connection-queries";
import { newKey } from "../../lib/crypto/random";
import { newItemId, sealProviderKey } from "../../lib/vault/vault-crypto";

export const TEST_SK: ServerSecret = { secret: "c2stdGVzdC0xLXRoaXJ0eS10d28tYnl0ZXMtbG9uZyE", keyId: "sk-test-1" };

export interface SeededAccount {
  userId: string;
  vaultKey: Uint8Array;
  item: { itemId: string; provider: "openai"; keyVersion: number; secret: string };
}

/** A user with one OpenAI key in the vault. */
export async function seedAccount({ d1, label }: { d1: D1Database; label: string }): Promise<SeededAccount> {
  const db = createDb(d1);
  const userId = crypto.randomUUID();
  await db.insertInto("users").values({ id: userId, email: `${label}-${userId}@example.com`, email_verified: null, name: null, image: null, created_at: 1 }).execute();
  const vaultKey = newKey();
  const itemId = newItemId();
  const secret = `sk-proj-${label}-${"k".repeat(40)}`;
  await db
    .insertInto("vault_items")
    .values({ id: itemId, user_id: userId, provider: "openai", label, sealed_key: sealProviderKey({ userId, vaultKey, itemId, provider: "openai", keyVersion: 1, secret }), key_version: 1, version: 1, created_at: 1, updated_at: 1, key_status: null, key_checked_at: null })
    .execute();
  return { userId, vaultKey, item: { itemId, provider: "openai", keyVersion: 1, secret } };
}

export const openPolicy = (over: Partial<Omit<PolicyV1, "v">> = {}): ConnectionPolicy => ({ v: 1, providers: ["openai"], models: [], budgetUsd: null, rpm: null, expiresAt: null, ...over });
export const openPolicyV2 = (over: Partial<Omit<PolicyV2, "v">> = {}): ConnectionPolicy => ({ v: 2, providers: ["openai"], models: [], budgetUsd: null, rpm: null, expiresAt: null, fitOutput: false, ...over });
export const openPolicyV3 = (over: Partial<Omit<PolicyV3, "v">> = {}): ConnectionPolicy => ({ v: 3, providers: ["openai"], models: [], budgetUsd: null, rpm: null, expiresAt: null, fitOutput: false, origins: [], ...over });

/** A token connection for the account's key, stored under `sk`; returns the relay token too. */
export async function seedConnection({ d1, account, policy = openPolicy(), sk = TEST_SK, name = "Seeded bot" }: { d1: D1Database; account: SeededAccount; policy?: ConnectionPolicy; sk?: ServerSecret; name?: string }) {
  const { item } = account;
  const { token, body } = buildTokenConnection({
    userId: account.userId,
    vaultKey: account.vaultKey,
    name,
    grants: [{ provider: item.provider, itemId: item.itemId, itemKeyVersion: item.keyVersion, secret: item.secret }],
    policy,
  });
  await insertTokenConnection({ d1, userId: account.userId, body, ckServer: wrapForServer({ sk, connectionId: body.id, ckToken: body.ckToken }), skId: sk.keyId, now: Date.now() });
  return { token, connectionId: body.id, body };
}
