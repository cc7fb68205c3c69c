// npm run demo: against a running local app, makes a new demo account with a vault, one key
// per provider and a scoped token, using the same client-side crypto and HTTP APIs as the
// browser, and prints {"baseUrl", "token", "email"} on one line.
import { buildTokenConnection } from "../../lib/connections/build-connection";
import { deriveMasterKey } from "../../lib/crypto/kdf";
import { newKey } from "../../lib/crypto/random";
import { newItemId, sealProviderKey, wrapVaultKey } from "../../lib/vault/vault-crypto";
import type { ProviderId } from "../../lib/vault/wire";

const base = (process.env.BASE_URL ?? `http://localhost:${process.env.PORT ?? 8787}`).replace(/\/+$/, "");
const keys: Record<ProviderId, string> = {
  openai: process.env.DEMO_OPENAI_KEY ?? `sk-proj-demo${"0".repeat(40)}`,
  anthropic: process.env.DEMO_ANTHROPIC_KEY ?? `sk-ant-api03-demo${"0".repeat(40)}`,
  gemini: process.env.DEMO_GEMINI_KEY ?? `AIza${"D".repeat(35)}`,
};
const budgetUsd = Number(process.env.DEMO_BUDGET_USD ?? 100);
const rpm = Number(process.env.DEMO_RPM ?? 600);
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

async function signUp(email: string): Promise<void> {
  await call("/api/signin/request", { method: "POST", json: { email } });
  const mailbox = await call<string>("/dev/mailbox");
  const after = mailbox.slice(mailbox.indexOf(`data-to="${email}"`));
  const code = /\b([0-9A-Z]{4}-[0-9A-Z]{4})\b/.exec(after)?.[1];
  if (!code) throw new Error("No sign-in code in the local mailbox: is the app running with EMAIL_TRANSPORT=local (npm start)?");
  const { next } = await call<{ next: string }>("/api/signin/verify", { method: "POST", json: { email, code } });
  await call(next);
  if (!cookie) throw new Error("Signing in did not set a session cookie.");
}

async function main(): Promise<void> {
  const email = `demo-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@example.com`;
  await signUp(email);
  const { userId } = await call<{ userId: string }>("/api/vault");
  const vaultKey = newKey();
  const password = `demo ${Buffer.from(newKey()).toString("base64url")}`;
  await call("/api/vault", { method: "POST", json: await wrapVaultKey({ userId, vaultKey, password, deriveKey: deriveMasterKey }) });
  const grants = [];
  for (const provider of Object.keys(keys) as ProviderId[]) {
    const id = newItemId();
    const sealedKey = sealProviderKey({ userId, vaultKey, itemId: id, provider, keyVersion: 1, secret: keys[provider] });
    await call("/api/vault/items", { method: "POST", json: { id, provider, label: `Demo ${provider}`, sealedKey } });
    grants.push({ provider, itemId: id, itemKeyVersion: 1, secret: keys[provider] });
  }
  const { token, body } = buildTokenConnection({
    userId,
    vaultKey,
    name: "Demo token",
    grants,
    policy: { v: 1, providers: grants.map((g) => g.provider), models: [], budgetUsd, rpm, expiresAt: null },
  });
  await call("/api/connections", { method: "POST", json: body });
  vaultKey.fill(0);
  // The demo vault's random master password is not kept anywhere: the account exists to hold the token.
  console.log(JSON.stringify({ baseUrl: `${base}/v1`, token, email }));
}

main().catch((error: unknown) => {
  console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
