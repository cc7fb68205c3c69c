// A new account on a running local app, made over HTTP the way the browser makes one: sign-up
// through the local mailbox (EMAIL_TRANSPORT=local), a vault sealed with the project's own
// client-side crypto, and provider keys added to it. Used by `npm run demo` and `npm run bench`.
import { deriveMasterKey } from "../../lib/crypto/kdf";
import { newKey } from "../../lib/crypto/random";
import { deriveVaultSigningPublicKey } from "../../lib/crypto/vault-signing";
import { newItemId, sealProviderKey, wrapVaultKey } from "../../lib/vault/vault-crypto";
import type { ProviderId } from "../../lib/vault/wire";

export type Call = <T>(path: string, init?: RequestInit & { json?: unknown }) => Promise<T>;

export interface LocalAccount {
  /** Calls the app with this account's session cookie; JSON in and out. */
  call: Call;
  userId: string;
  /** The vault key in memory: the caller wipes it when done. */
  vaultKey: Uint8Array;
}

/** Signs `email` up and creates its vault (with a random master password nobody keeps). */
export async function createLocalAccount({ base, email }: { base: string; email: string }): Promise<LocalAccount> {
  // The cookies a browser would keep: the session, and the pending sign-in that proves this
  // client asked for the emailed code (its link then signs in without a confirmation page).
  const jar = new Map<string, string>();
  const call: Call = async <T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> => {
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
    const response = await fetch(`${base}${path}`, {
      ...init,
      redirect: "manual",
      body: init.json === undefined ? init.body : JSON.stringify(init.json),
      headers: { ...(init.json === undefined ? {} : { "content-type": "application/json" }), ...(cookie ? { cookie } : {}) },
    });
    if (!response.ok && response.status !== 302) throw new Error(`${init.method ?? "GET"} ${path}: ${response.status} ${await response.text()}`);
    for (const setCookie of response.headers.getSetCookie()) {
      const pair = setCookie.split(";")[0]!;
      const at = pair.indexOf("=");
      if (at > 0) jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const type = response.headers.get("content-type") ?? "";
    return (type.includes("json") ? await response.json() : await response.text()) as T;
  };

  await call("/api/signin/request", { method: "POST", json: { email } });
  const mailbox = await call<string>("/dev/mailbox");
  const code = /\b([0-9A-Z]{4}-[0-9A-Z]{4})\b/.exec(mailbox.slice(mailbox.indexOf(`data-to="${email}"`)))?.[1];
  if (!code) throw new Error("No sign-in code in the local mailbox: is the app running with EMAIL_TRANSPORT=local (npm start)?");
  const { next } = await call<{ next: string }>("/api/signin/verify", { method: "POST", json: { email, code } });
  await call(next);
  if (![...jar.keys()].some((name) => name.includes("session-token"))) throw new Error("Signing in did not set a session cookie.");

  const { userId } = await call<{ userId: string }>("/api/vault");
  const vaultKey = newKey();
  const password = `local ${Buffer.from(newKey()).toString("base64url")}`;
  const wrapped = await wrapVaultKey({ userId, vaultKey, password, deriveKey: deriveMasterKey });
  await call("/api/vault", { method: "POST", json: { ...wrapped, signingPublicKey: deriveVaultSigningPublicKey(vaultKey) } });
  return { call, userId, vaultKey };
}

/** Seals `secret` in the vault as a new key; returns the grant a token for it needs. */
export async function addProviderKey({ account, provider, label, secret }: { account: LocalAccount; provider: ProviderId; label: string; secret: string }) {
  const { call, userId, vaultKey } = account;
  const itemId = newItemId();
  const sealedKey = sealProviderKey({ userId, vaultKey, itemId, provider, keyVersion: 1, secret });
  await call("/api/vault/items", { method: "POST", json: { id: itemId, provider, label, sealedKey } });
  return { provider, itemId, itemKeyVersion: 1, secret };
}
