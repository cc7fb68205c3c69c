import { expect, type APIResponse, type Browser, type Page } from "@playwright/test";
import type { JsonValue } from "../../../lib/crypto/canonical-json";
import { deriveMasterKey } from "../../../lib/crypto/kdf";
import { deriveVaultSigningPublicKey, signVaultRequest } from "../../../lib/crypto/vault-signing";
import { buildTokenConnection } from "../../../lib/connections/build-connection";
import type { ConnectionSummary } from "../../../lib/connections/wire";
import type { SignedAction } from "../../../lib/vault/signed-actions";
import { newItemId, sealProviderKey, wrapVaultKey } from "../../../lib/vault/vault-crypto";
import type { VaultItemRecord, VaultProof, VaultRecord } from "../../../lib/vault/wire";
import { signInWithCode, uniqueEmail } from "./accounts";
import { fakeKeys } from "./fake-keys";

// A person driven over the HTTP API the way the browser drives it, with the vault key in the
// test's hands: so a test can sign requests (or sign them wrongly) itself.

/** The minimum Argon2id parameters: quick in tests (and below the default, so unlocking upgrades them). */
export const QUICK_PARAMS = { m: 19 * 1024, t: 2, p: 1 };

export interface ApiPerson {
  page: Page;
  email: string;
  userId: string;
  password: string;
  vaultKey: Uint8Array;
  /** JSON calls with this person's session cookie (and our own origin, as the browser sends it). */
  call: (method: string, path: string, data?: unknown) => Promise<APIResponse>;
}

export async function createApiPerson({ browser, baseURL, label, password }: { browser: Browser; baseURL: string; label: string; password?: string }): Promise<ApiPerson> {
  const page = await browser.newPage({ baseURL });
  const email = uniqueEmail(label);
  await signInWithCode(page, browser, email, baseURL);
  return createApiVault({ page, baseURL, email, password });
}

/** Creates the vault of the person signed in on `page`, over the API, at QUICK_PARAMS. */
export async function createApiVault({ page, baseURL, email, password = "marble cobalt 47 lagoon spire" }: { page: Page; baseURL: string; email: string; password?: string }): Promise<ApiPerson> {
  const { userId } = (await (await page.request.get("/api/vault")).json()) as { userId: string };
  const vaultKey = crypto.getRandomValues(new Uint8Array(32));
  const wrapped = await wrapVaultKey({ userId, vaultKey, password, params: QUICK_PARAMS, deriveKey: deriveMasterKey });
  const call = (method: string, path: string, data?: unknown) => page.request.fetch(path, { method, headers: { origin: baseURL }, ...(data === undefined ? {} : { data }) });
  expect((await call("POST", "/api/vault", { ...wrapped, signingPublicKey: deriveVaultSigningPublicKey(vaultKey) })).status()).toBe(201);
  return { page, email, userId, password, vaultKey, call };
}

/** A proof for `person`'s next signed request: a nonce from their session, signed with `key` (theirs unless a test says otherwise). */
export async function proveAs({ person, action, params, key = person.vaultKey }: { person: ApiPerson; action: SignedAction; params: JsonValue; key?: Uint8Array }): Promise<VaultProof> {
  const response = await person.call("POST", "/api/vault/nonce");
  expect(response.status()).toBe(200);
  const { nonce } = (await response.json()) as { nonce: string };
  return { nonce, signature: signVaultRequest({ vaultKey: key, action, accountId: person.userId, params, nonce }) };
}

export async function readVault(person: ApiPerson): Promise<{ vault: VaultRecord; items: VaultItemRecord[] }> {
  return (await (await person.call("GET", "/api/vault")).json()) as { vault: VaultRecord; items: VaultItemRecord[] };
}

export async function readConnections(person: ApiPerson): Promise<{ connections: ConnectionSummary[]; accountCapMicroUsd: number | null }> {
  return (await (await person.call("GET", "/api/connections")).json()) as { connections: ConnectionSummary[]; accountCapMicroUsd: number | null };
}

/** Adds an OpenAI key to the vault and makes a token for it; returns the item and the connection's id. */
export async function addKeyAndToken({ person, name = "Signed bot" }: { person: ApiPerson; name?: string }): Promise<{ itemId: string; connectionId: string; token: string }> {
  const itemId = newItemId();
  const sealedKey = sealProviderKey({ userId: person.userId, vaultKey: person.vaultKey, itemId, provider: "openai", keyVersion: 1, secret: fakeKeys.openai });
  expect((await person.call("POST", "/api/vault/items", { id: itemId, provider: "openai", label: "Signed OpenAI", sealedKey })).status()).toBe(201);
  const { token, body } = buildTokenConnection({
    userId: person.userId,
    vaultKey: person.vaultKey,
    name,
    grants: [{ provider: "openai", itemId, itemKeyVersion: 1, secret: fakeKeys.openai }],
    policy: { v: 1, providers: ["openai"], models: [], budgetUsd: 1, rpm: 30, expiresAt: null },
  });
  expect((await person.call("POST", "/api/connections", body)).status()).toBe(201);
  return { itemId, connectionId: body.id, token };
}
