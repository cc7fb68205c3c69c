// The benchmark's account, over HTTP like the browser (and scripts/demo/main.ts): signs up
// through the local mailbox, creates a vault with one OpenAI key (a placeholder: the fake
// accepts any key) and makes two tokens for it: one with no budget and no rpm limit, one
// with a monthly budget (so the reservation and settlement of decision 008 are measured).
import { buildTokenConnection } from "../../lib/connections/build-connection";
import { deriveMasterKey } from "../../lib/crypto/kdf";
import { newKey } from "../../lib/crypto/random";
import { newItemId, sealProviderKey, wrapVaultKey } from "../../lib/vault/vault-crypto";

export interface BenchTokens {
  email: string;
  apiKey: string;
  unlimited: string;
  budget: string;
  budgetUsd: number;
}

export async function makeBenchTokens({ base, budgetUsd = 1000 }: { base: string; budgetUsd?: number }): Promise<BenchTokens> {
  let cookie = "";
  async function call<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
    const response = await fetch(`${base}${path}`, {
      ...init,
      redirect: "manual",
      body: init.json === undefined ? init.body : JSON.stringify(init.json),
      headers: { ...(init.json === undefined ? {} : { "content-type": "application/json" }), ...(cookie ? { cookie } : {}) },
    });
    if (!response.ok && response.status !== 302) throw new Error(`${init.method ?? "GET"} ${path}: ${response.status} ${await response.text()}`);
    for (const setCookie of response.headers.getSetCookie()) {
      const pair = setCookie.split(";")[0]!;
      if (pair.includes("session-token")) cookie = pair;
    }
    const type = response.headers.get("content-type") ?? "";
    return (type.includes("json") ? await response.json() : await response.text()) as T;
  }

  const email = `bench-${Date.now().toString(36)}@example.com`;
  await call("/api/signin/request", { method: "POST", json: { email } });
  const mailbox = await call<string>("/dev/mailbox");
  const code = /\b([0-9A-Z]{4}-[0-9A-Z]{4})\b/.exec(mailbox.slice(mailbox.indexOf(`data-to="${email}"`)))?.[1];
  if (!code) throw new Error("No sign-in code in the local mailbox (EMAIL_TRANSPORT must be local).");
  const { next } = await call<{ next: string }>("/api/signin/verify", { method: "POST", json: { email, code } });
  await call(next);
  if (!cookie) throw new Error("Signing in did not set a session cookie.");

  const { userId } = await call<{ userId: string }>("/api/vault");
  const vaultKey = newKey();
  const password = `bench ${Buffer.from(newKey()).toString("base64url")}`;
  await call("/api/vault", { method: "POST", json: await wrapVaultKey({ userId, vaultKey, password, deriveKey: deriveMasterKey }) });
  const apiKey = `sk-proj-bench${"0".repeat(40)}`;
  const itemId = newItemId();
  const sealedKey = sealProviderKey({ userId, vaultKey, itemId, provider: "openai", keyVersion: 1, secret: apiKey });
  await call("/api/vault/items", { method: "POST", json: { id: itemId, provider: "openai", label: "Bench OpenAI", sealedKey } });
  const grants = [{ provider: "openai" as const, itemId, itemKeyVersion: 1, secret: apiKey }];

  const makeToken = async (name: string, limit: number | null) => {
    const { token, body } = buildTokenConnection({
      userId,
      vaultKey,
      name,
      grants,
      policy: { v: 1, providers: ["openai"], models: [], budgetUsd: limit, rpm: null, expiresAt: null },
    });
    await call("/api/connections", { method: "POST", json: body });
    return token;
  };
  const unlimited = await makeToken("Bench: no limits", null);
  const budget = await makeToken("Bench: budget", budgetUsd);
  vaultKey.fill(0);
  return { email, apiKey, unlimited, budget, budgetUsd };
}
