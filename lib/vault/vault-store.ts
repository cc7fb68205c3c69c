// The vault as the browser holds it. The vault key (VK) lives only in this module's
// memory: never in localStorage, IndexedDB, cookies or URLs. Locking wipes it; a reload
// starts locked (and asks the open tabs of the same signed-in session for the key:
// vault-share.ts); locking in one tab locks all tabs; idle time locks.
import { wipeBytes } from "../crypto/bytes";
import { isCryptoError } from "../crypto/errors";
import { needsParamUpgrade } from "../crypto/kdf";
import { openLockChannel, readAutoLockMinutes, watchIdle, writeAutoLockMinutes } from "./auto-lock";
import { askOpenTabs, browserChannel, serveVaultKey } from "./vault-share";
import { deriveInWorker } from "./derive-in-worker";
import { checkProviderKey, providerNames } from "./provider-keys";
import { PROVIDER_IDS, PROVIDERS } from "../providers/registry";
import { routableModelId } from "../providers/routing";
import { connectionsApi } from "../connections/connections-api";
import { buildTokenConnection } from "../connections/build-connection";
import { regrantItem, rewrapConnectionKey } from "../connections/regrant";
import { newKey } from "../crypto/random";
import { resignPolicy } from "../connections/resign-policy";
import { connectApi } from "../connect/connect-api";
import type { ConsentOutcome } from "../connect/consent-wire";
import { parseRelayToken } from "../crypto/relay-token";
import { parseAppPublicKey, sealToApp } from "../crypto/seal";
import { buildPolicy, type ConnectionSummary, type PolicyLimits } from "../connections/wire";
import { vaultApi } from "./vault-api";
import { createVaultKey, newItemId, openProviderKey, openVaultKey, sealProviderKey, wrapVaultKey, type DeriveKey, type WrappedVault } from "./vault-crypto";
import type { ProviderId, VaultItemRecord, VaultProof, VaultRecord } from "./wire";
import type { JsonValue } from "../crypto/canonical-json";
import { deriveVaultSigningPublicKey, signVaultRequest } from "../crypto/vault-signing";
import { SIGNED_ACTIONS, signedParams, type SignedAction } from "./signed-actions";

export type VaultStatus = "loading" | "error" | "absent" | "locked" | "unlocked";

export interface VaultSnapshot {
  status: VaultStatus;
  userId: string | null;
  vault: VaultRecord | null;
  items: VaultItemRecord[];
  error: string | null;
  autoLockMinutes: number;
  /** How this tab was last unlocked: with the password (and how long stretching it took), or by an open tab. */
  unlockedBy?: { via: "password" | "tab"; ms: number | null } | null;
  /** Asking the open tabs for the key (a moment after loading, while locked). */
  askingTabs?: boolean;
  /** The account had a vault before: with none now, a new one needs an emailed code (resetVault), not createVault. */
  hadVault?: boolean;
}

export class VaultUserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "VaultUserError";
  }
}

const deriveKey: DeriveKey = deriveInWorker;
let vaultKey: Uint8Array | null = null;
let stopIdle: (() => void) | null = null;
let channel: ReturnType<typeof openLockChannel> | null = null;
/** This signed-in session's tag (GET /api/vault): tabs share the vault key only within it. */
let sessionTag: string | null = null;
let sharing: (() => void) | null = null;
let snapshot: VaultSnapshot = { status: "loading", userId: null, vault: null, items: [], error: null, autoLockMinutes: 15 };
const listeners = new Set<() => void>();

function set(patch: Partial<VaultSnapshot>): void {
  snapshot = { ...snapshot, ...patch };
  for (const listener of listeners) listener();
}

export function subscribeVault(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getVaultSnapshot(): VaultSnapshot {
  return snapshot;
}

/** The channel to the other tabs, opened once: a lock from any of them locks this one. */
function listenForLocks(): ReturnType<typeof openLockChannel> {
  channel ??= openLockChannel(() => lockVault({ broadcast: false }));
  return channel;
}

function requireKey(): { key: Uint8Array; userId: string } {
  if (!vaultKey || !snapshot.userId) throw new VaultUserError("Unlock your vault first.");
  return { key: vaultKey, userId: snapshot.userId };
}

function startUnlockedSession(key: Uint8Array, unlockedBy: VaultSnapshot["unlockedBy"] = null): void {
  vaultKey = key;
  const minutes = readAutoLockMinutes();
  stopIdle?.();
  stopIdle = watchIdle({ minutes, onIdle: () => lockVault() });
  listenForLocks();
  set({ status: "unlocked", autoLockMinutes: minutes, error: null, unlockedBy });
}

/** Whether `key` is this vault's key: its signing key matches (or, for a vault made before v1.1, it opens a key). */
function isThisVaultsKey(key: Uint8Array): boolean {
  const { vault, userId, items } = snapshot;
  if (!vault || !userId) return false;
  if (vault.signingPublicKey !== null) return vault.signingPublicKey === deriveVaultSigningPublicKey(key);
  if (items.length === 0) return false;
  try {
    openProviderKey({ userId, vaultKey: key, item: items[0]! });
    return true;
  } catch {
    return false;
  }
}

/** Gives this tab's key (only while unlocked) to the tabs of this session that ask, and asks them when this tab is locked. */
async function shareWithOtherTabs(): Promise<void> {
  const tabs = browserChannel();
  if (!tabs) return;
  sharing ??= serveVaultKey({ channel: tabs, state: () => ({ vaultKey, userId: snapshot.userId, sessionTag }) });
  const { userId, vault } = snapshot;
  if (vaultKey || !vault || !userId || !sessionTag) return;
  set({ askingTabs: true });
  const key = await askOpenTabs({ channel: tabs, userId, sessionTag, accept: isThisVaultsKey }).finally(() => set({ askingTabs: false }));
  if (!key) return;
  if (vaultKey || snapshot.userId !== userId) return wipeBytes(key); // unlocked meanwhile, or signed out
  startUnlockedSession(key, { via: "tab", ms: null });
}

/**
 * Proof that this browser holds the unlocked vault (security model v1.1): a fresh single-use
 * nonce from the server, and the vault signing key's signature over {action, accountId, params,
 * nonce}. What loosens a limit or replaces vault material carries it; the person sees nothing.
 */
export async function signVaultAction({ action, params }: { action: SignedAction; params: JsonValue }): Promise<VaultProof> {
  if (!vaultKey) throw new VaultUserError("Unlock your vault first: this change is signed in your browser.");
  const { nonce } = await vaultApi.nonce();
  const { key, userId } = requireKey(); // still unlocked after the round trip
  return { nonce, signature: signVaultRequest({ vaultKey: key, action, accountId: userId, params, nonce }) };
}

/** The same proof with a vault key not yet in the store (the unlock in progress). */
async function signWithKey({ key, userId, action, params }: { key: Uint8Array; userId: string; action: SignedAction; params: JsonValue }): Promise<VaultProof> {
  const { nonce } = await vaultApi.nonce();
  return { nonce, signature: signVaultRequest({ vaultKey: key, action, accountId: userId, params, nonce }) };
}

/** A body with its signature: what it signs is the body itself (lib/vault/signed-actions.ts). */
async function signed<B extends object>({ action, body, ids }: { action: SignedAction; body: B; ids?: Record<string, string> }): Promise<B & { proof: VaultProof }> {
  return { ...body, proof: await signVaultAction({ action, params: signedParams({ body, ids }) }) };
}

/**
 * Whether this vault can sign: "missing" for a vault made before v1.1 until it is confirmed with
 * an emailed code (confirmVaultOnThisDevice), "mismatch" if the stored key is not this vault's.
 */
export function vaultSigningState(): "ok" | "missing" | "mismatch" | "locked" {
  if (!vaultKey || !snapshot.vault) return "locked";
  if (snapshot.vault.signingPublicKey === null) return "missing";
  return snapshot.vault.signingPublicKey === deriveVaultSigningPublicKey(vaultKey) ? "ok" : "mismatch";
}

/** Registers this vault's signing key with the emailed code (its parameters are upgraded at the next unlock). */
export async function confirmVaultOnThisDevice({ emailCode }: { emailCode: string }): Promise<void> {
  const { key } = requireKey();
  const state = await vaultApi.installSigningKey({ signingPublicKey: deriveVaultSigningPublicKey(key), emailCode });
  set({ vault: state.vault, items: state.items });
}

/**
 * Re-wraps VK at today's default Argon2id parameters when the vault's are older: a signed
 * re-wrap, so only for a vault whose signing key is this one (a vault made before v1.1 is
 * upgraded at the first unlock after it is confirmed).
 */
async function upgradeParamsIfOld({ key, userId, password, onProgress }: { key: Uint8Array; userId: string; password: string; onProgress?: (f: number) => void }): Promise<void> {
  const vault = snapshot.vault;
  if (!vault || !needsParamUpgrade(vault.kdfParams) || vault.signingPublicKey !== deriveVaultSigningPublicKey(key)) return;
  const wrapped = await wrapVaultKey({ userId, vaultKey: key, password, deriveKey, onProgress });
  const body = { ...wrapped, expectedVersion: vault.version };
  set({ vault: await vaultApi.rewrap({ ...body, proof: await signWithKey({ key, userId, action: SIGNED_ACTIONS.rewrapVault, params: signedParams({ body }) }) }) });
}

/** Loads the vault's public state (envelopes and metadata) from the server. */
export async function loadVault(): Promise<void> {
  listenForLocks();
  try {
    const state = await vaultApi.load();
    sessionTag = state.sessionTag ?? null;
    set({
      userId: state.userId,
      vault: state.vault,
      items: state.items,
      hadVault: state.hadVault ?? state.vault !== null,
      status: !state.vault ? "absent" : vaultKey ? "unlocked" : "locked",
      autoLockMinutes: readAutoLockMinutes(),
      error: null,
    });
    void shareWithOtherTabs();
  } catch (error) {
    set({ status: "error", error: error instanceof Error ? error.message : "Could not load your vault." });
  }
}

/**
 * A new vault key wrapped under `password` (the one way a vault is made in this browser), sent
 * with its signing public key by `send`; the key is wiped if that fails. Only envelopes and the
 * public key leave the browser.
 */
async function makeVault<R>({ password, onProgress, send }: { password: string; onProgress?: (f: number) => void; send: (body: WrappedVault & { signingPublicKey: string }) => Promise<R> }): Promise<{ key: Uint8Array; result: R }> {
  const userId = snapshot.userId;
  if (!userId) throw new VaultUserError("Sign in again.");
  const { wrapped, vaultKey: key } = await createVaultKey({ userId, password, deriveKey, onProgress });
  try {
    return { key, result: await send({ ...wrapped, signingPublicKey: deriveVaultSigningPublicKey(key) }) };
  } catch (error) {
    wipeBytes(key);
    throw error;
  }
}

/** The account's first vault; open at once. */
export async function createVault({ password, onProgress }: { password: string; onProgress?: (f: number) => void }): Promise<void> {
  const { key, result: vault } = await makeVault({ password, onProgress, send: vaultApi.create });
  set({ vault, items: [] });
  startUnlockedSession(key);
}

/**
 * Forgotten master password (decision 024): a new vault made exactly as createVault makes one,
 * sent with the fresh emailed code in the one request that replaces the old vault. A wrong code
 * changes nothing (and the new key is wiped). Afterwards the old key is locked in every tab and
 * the new vault is open here.
 */
export async function resetVault({ password, emailCode, revokeConnections, onProgress }: { password: string; emailCode: string; revokeConnections: boolean; onProgress?: (f: number) => void }): Promise<{ revoked: number }> {
  const { key, result } = await makeVault({ password, onProgress, send: (body) => vaultApi.reset({ ...body, emailCode, revokeConnections }) });
  lockVault();
  set({ vault: result.vault, items: result.items, hadVault: true });
  startUnlockedSession(key);
  return { revoked: result.revoked };
}

/**
 * Unlocks with the master password: all local. A wrong password fails the GCM tag
 * here and sends nothing. Parameters below today's default are upgraded afterwards (a signed
 * re-wrap: for a vault made before v1.1, once it is confirmed on this device).
 */
export async function unlockVault({ password, onProgress }: { password: string; onProgress?: (f: number, phase: "unlock" | "upgrade") => void }): Promise<void> {
  const { vault, userId } = snapshot;
  if (!vault || !userId) throw new VaultUserError("There is no vault to unlock.");
  let key: Uint8Array;
  const started = performance.now();
  try {
    key = await openVaultKey({ userId, vault, password, deriveKey, onProgress: (f) => onProgress?.(f, "unlock") });
  } catch (error) {
    if (isCryptoError(error, "decrypt_failed")) throw new VaultUserError("That master password does not open this vault.");
    throw error;
  }
  const stretchMs = Math.round(performance.now() - started);
  try {
    await upgradeParamsIfOld({ key, userId, password, onProgress: (f) => onProgress?.(f, "upgrade") });
  } catch (error) {
    // The server refused the upgrade (another tab changed the vault…): it is tried at the next unlock.
    if (!(error instanceof Error && error.name === "ApiError")) {
      wipeBytes(key);
      throw error;
    }
  }
  startUnlockedSession(key, { via: "password", ms: stretchMs });
}

/** Runs `run` with the unlocked vault key (to wrap it for a passkey, lib/passkeys); the key is not kept. */
export function withVaultKey<T>(run: (input: { vaultKey: Uint8Array; userId: string }) => T): T {
  const { key, userId } = requireKey();
  return run({ vaultKey: key, userId });
}

/**
 * Unlocks with a vault key opened another way than the master password (a passkey's PRF,
 * lib/passkeys): it must be this vault's key, checked against the vault's signing public key.
 */
export function unlockWithVaultKey({ vaultKey: key }: { vaultKey: Uint8Array }): void {
  const vault = snapshot.vault;
  if (!vault || vault.signingPublicKey !== deriveVaultSigningPublicKey(key)) {
    wipeBytes(key);
    throw new VaultUserError("This passkey holds an older vault key. Unlock with your master password, then add the passkey again.");
  }
  if (vaultKey && vaultKey !== key) wipeBytes(vaultKey);
  startUnlockedSession(key);
}

/** Wipes the vault key. Other tabs lock too unless this lock came from them. */
export function lockVault({ broadcast = true }: { broadcast?: boolean } = {}): void {
  if (vaultKey) wipeBytes(vaultKey);
  vaultKey = null;
  stopIdle?.();
  stopIdle = null;
  if (broadcast) {
    // Even a tab that never opened the vault (say, on another dashboard page) tells the others.
    listenForLocks().announce();
  }
  if (snapshot.status === "unlocked") set({ status: "locked" });
}

/** Re-wraps VK under a new password; the current one must still open the vault. */
export async function changeMasterPassword({
  currentPassword,
  newPassword,
  onProgress,
}: {
  currentPassword: string;
  newPassword: string;
  onProgress?: (f: number, phase: "check" | "rewrap") => void;
}): Promise<void> {
  const { key, userId } = requireKey();
  const vault = snapshot.vault!;
  try {
    const check = await openVaultKey({ userId, vault, password: currentPassword, deriveKey, onProgress: (f) => onProgress?.(f, "check") });
    wipeBytes(check);
  } catch (error) {
    if (isCryptoError(error, "decrypt_failed")) throw new VaultUserError("Your current master password is not right.");
    throw error;
  }
  const wrapped = await wrapVaultKey({ userId, vaultKey: key, password: newPassword, deriveKey, onProgress: (f) => onProgress?.(f, "rewrap") });
  set({ vault: await vaultApi.rewrap(await signed({ action: SIGNED_ACTIONS.rewrapVault, body: { ...wrapped, expectedVersion: vault.version } })) });
}

/**
 * Rotates the vault key: a new VK, wrapped under the (re-entered) master password; every key in
 * the vault and every connection's CK re-sealed under it; one atomic server update.
 */
export async function rotateVaultKey({
  password,
  onProgress,
  rewrapPasskeys,
}: {
  password: string;
  onProgress?: (f: number, phase: "check" | "rewrap") => void;
  /** The new VK wrapped for each passkey the person kept (lib/passkeys); the others are removed with the rotation. */
  rewrapPasskeys?: (input: { userId: string; vaultKey: Uint8Array }) => { credentialId: string; wrappedVaultKey: string }[];
}): Promise<void> {
  const { key: oldKey, userId } = requireKey();
  const vault = snapshot.vault!;
  try {
    wipeBytes(await openVaultKey({ userId, vault, password, deriveKey, onProgress: (f) => onProgress?.(f, "check") }));
  } catch (error) {
    if (isCryptoError(error, "decrypt_failed")) throw new VaultUserError("Your master password is not right.");
    throw error;
  }
  const newVaultKey = newKey();
  try {
    const wrapped = await wrapVaultKey({ userId, vaultKey: newVaultKey, password, deriveKey, onProgress: (f) => onProgress?.(f, "rewrap") });
    const items = snapshot.items.map((item) => ({
      id: item.id,
      sealedKey: sealProviderKey({ userId, vaultKey: newVaultKey, itemId: item.id, provider: item.provider, keyVersion: item.keyVersion, secret: openProviderKey({ userId, vaultKey: oldKey, item }) }),
      expectedVersion: item.version,
    }));
    const connections = (await connectionsApi.list())
      .filter((c) => c.status !== "revoked" && c.ckVault)
      .map((c) => ({ id: c.id, ckVault: rewrapConnectionKey({ userId, connectionId: c.id, ckVault: c.ckVault!, from: oldKey, to: newVaultKey }) }));
    const passkeys = rewrapPasskeys?.({ userId, vaultKey: newVaultKey }) ?? [];
    // Signed with the old vault key; it installs the new one's public key.
    const body = { ...wrapped, expectedVersion: vault.version, signingPublicKey: deriveVaultSigningPublicKey(newVaultKey), items, connections, passkeys };
    const state = await vaultApi.rotate(await signed({ action: SIGNED_ACTIONS.rotateVault, body }));
    vaultKey = newVaultKey;
    wipeBytes(oldKey);
    set({ vault: state.vault, items: state.items });
  } catch (error) {
    if (vaultKey !== newVaultKey) wipeBytes(newVaultKey);
    throw error;
  }
}

export async function addProviderKey({ provider, label, secret }: { provider: ProviderId; label: string; secret: string }): Promise<void> {
  const { key, userId } = requireKey();
  const problem = checkProviderKey({ provider, key: secret });
  if (problem) throw new VaultUserError(problem);
  const id = newItemId();
  const sealedKey = sealProviderKey({ userId, vaultKey: key, itemId: id, provider, keyVersion: 1, secret });
  const item = await vaultApi.addItem({ id, provider, label, sealedKey });
  set({ items: [...snapshot.items, item] });
}

export async function replaceProviderKey({ itemId, secret }: { itemId: string; secret: string }): Promise<void> {
  const { key, userId } = requireKey();
  const item = snapshot.items.find((i) => i.id === itemId);
  if (!item) throw new VaultUserError("That key is no longer in your vault.");
  const problem = checkProviderKey({ provider: item.provider, key: secret });
  if (problem) throw new VaultUserError(problem);
  const keyVersion = item.keyVersion + 1;
  const sealedKey = sealProviderKey({ userId, vaultKey: key, itemId, provider: item.provider, keyVersion, secret });
  // Every connection using this key gets the new one in the same update: apps keep their tokens.
  let grants;
  try {
    grants = regrantItem({ userId, vaultKey: key, connections: await connectionsApi.list(), itemId, keyVersion, secret });
  } catch (error) {
    if (error instanceof TypeError) throw new VaultUserError(`This key cannot be replaced yet: ${error.message}.`);
    throw error;
  }
  const updated = await vaultApi.updateItem(itemId, await signed({ action: SIGNED_ACTIONS.replaceItemKey, body: { sealedKey, keyVersion, expectedVersion: item.version, grants }, ids: { itemId } }));
  set({ items: snapshot.items.map((i) => (i.id === itemId ? updated : i)) });
}

export async function renameProviderKey({ itemId, label }: { itemId: string; label: string }): Promise<void> {
  const item = snapshot.items.find((i) => i.id === itemId);
  if (!item) throw new VaultUserError("That key is no longer in your vault.");
  const updated = await vaultApi.updateItem(itemId, { label, expectedVersion: item.version });
  set({ items: snapshot.items.map((i) => (i.id === itemId ? updated : i)) });
}

export async function deleteProviderKey({ itemId }: { itemId: string }): Promise<void> {
  await vaultApi.deleteItem(itemId);
  set({ items: snapshot.items.filter((i) => i.id !== itemId) });
}

/** The plaintext key, for reveal or copy while unlocked. The caller drops it at once. */
export function revealProviderKey({ itemId }: { itemId: string }): string {
  const { key, userId } = requireKey();
  const item = snapshot.items.find((i) => i.id === itemId);
  if (!item) throw new VaultUserError("That key is no longer in your vault.");
  return openProviderKey({ userId, vaultKey: key, item });
}

export function setAutoLockMinutes(minutes: number): void {
  writeAutoLockMinutes(minutes);
  set({ autoLockMinutes: minutes });
  if (vaultKey) {
    stopIdle?.();
    stopIdle = watchIdle({ minutes, onIdle: () => lockVault() });
  }
}

/**
 * Makes a scoped token for a bot or agent from the chosen vault keys: built here, with
 * the vault unlocked; the server gets wrapped material only. Returns the token (shown once).
 */
/** Builds a connection in this browser from vault items (the relay token and the server's wrapped body). */
function buildConnectionFromVault({ name, itemIds, policy }: { name: string; itemIds: string[]; policy: PolicyLimits }) {
  const { key, userId } = requireKey();
  const chosen = itemIds.map((id) => snapshot.items.find((i) => i.id === id));
  if (chosen.length === 0 || chosen.some((i) => !i)) throw new VaultUserError("Choose at least one key from your vault.");
  const items = chosen as VaultItemRecord[];
  if (new Set(items.map((i) => i.provider)).size !== items.length) throw new VaultUserError("Choose one key per provider.");
  const grants = items.map((item) => ({ provider: item.provider, itemId: item.id, itemKeyVersion: item.keyVersion, secret: openProviderKey({ userId, vaultKey: key, item }) }));
  return buildTokenConnection({ userId, vaultKey: key, name, grants, policy: buildPolicy({ providers: items.map((i) => i.provider), limits: policy }) });
}

export async function createScopedToken({
  name,
  itemIds,
  policy,
  save,
}: {
  name: string;
  itemIds: string[];
  policy: PolicyLimits;
  save: (body: unknown) => Promise<ConnectionSummary>;
}): Promise<{ token: string; connection: ConnectionSummary }> {
  const { token, body } = buildConnectionFromVault({ name, itemIds, policy });
  return { token, connection: await save(body) };
}

/** What the consent page grants: keys, models and limits (the providers follow from the keys). */
export interface ConsentGrant {
  name: string;
  itemIds: string[];
  policy: PolicyLimits;
}

/** Builds the connection from the vault and seals K to the app's or program's key (AAD names the client and the connection). */
function sealConnection({ clientId, appKey, grant }: { clientId: string; appKey: string; grant: ConsentGrant }) {
  const appPublicKey = parseAppPublicKey(appKey);
  const { token, body } = buildConnectionFromVault(grant);
  const parts = parseRelayToken(token);
  try {
    return { connection: body, sealedSecret: sealToApp({ clientId, connectionId: parts.connectionId, appPublicKey, secret: parts.secret }) };
  } finally {
    wipeBytes(parts.secret, parts.connectionId);
  }
}

/**
 * Approves an app's authorization request: builds the connection here and seals the token
 * secret K to the app's X25519 key (security model, "Consent"); the server gets the sealed
 * value, which it cannot open, and answers with the one-time code's redirect.
 */
export async function approveAppRequest({ requestId, clientId, appKey, ...grant }: { requestId: string; clientId: string; appKey: string } & ConsentGrant): Promise<ConsentOutcome> {
  return connectApi.approve({ requestId, ...sealConnection({ clientId, appKey, grant }) });
}

/** A program's device authorization (decision 021): the same connection and seal; the program fetches it by polling. */
export async function approveDeviceRequest({ requestId, clientId, appKey, ...grant }: { requestId: string; clientId: string; appKey: string } & ConsentGrant): Promise<void> {
  await connectApi.approveDevice({ requestId, ...sealConnection({ clientId, appKey, grant }) });
}

/** Saves new limits for a connection, MACed here with its CK and signed with the vault key. */
export async function updateConnectionLimits({ connection, limits }: { connection: ConnectionSummary; limits: PolicyLimits }): Promise<void> {
  const { key, userId } = requireKey();
  const body = resignPolicy({ userId, vaultKey: key, connection, policy: buildPolicy({ providers: connection.policy.providers, limits }) });
  await connectionsApi.updatePolicy(connection.id, await signed({ action: SIGNED_ACTIONS.setConnectionPolicy, body, ids: { connectionId: connection.id } }));
}

/** A cheap current chat model of each provider, for a key's Test button (the registry rows' keyTestModel). */
export const KEY_TEST_MODELS = Object.fromEntries(PROVIDER_IDS.map((id) => [id, PROVIDERS[id].keyTestModel])) as Record<ProviderId, string>;

/**
 * Tests a key through the real gateway path: a temporary token for this key alone (one
 * model, 5 requests a minute, one cent, five minutes) makes one tiny call and is revoked.
 * The key never leaves the browser unsealed; the provider's verdict is kept on the item.
 */
export async function testProviderKey({ itemId }: { itemId: string }): Promise<{ ok: boolean; message: string }> {
  const item = snapshot.items.find((i) => i.id === itemId);
  if (!item) throw new VaultUserError("That key is no longer in your vault.");
  const model = KEY_TEST_MODELS[item.provider];
  // The name that routes to this provider ("groq/openai/gpt-oss-20b" where a bare name would not).
  const requested = routableModelId({ provider: item.provider, model });
  const { token, connection } = await createScopedToken({
    name: `Key test: ${item.label}`.slice(0, 80),
    itemIds: [itemId],
    policy: { models: [model], budgetUsd: 0.01, rpm: 5, expiresAt: Math.floor(Date.now() / 1000) + 300, fitOutput: false, origins: [] },
    save: (body) => connectionsApi.create({ ...(body as object), keyTest: true }),
  });
  try {
    const response = await fetch("/v1/chat/completions", {
      method: "POST",
      credentials: "omit",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ model: requested, max_tokens: 16, messages: [{ role: "user", content: "Reply with the word OK." }] }),
    });
    const body = (await response.json().catch(() => null)) as { choices?: { message?: { content?: string | null } }[]; error?: { message?: string } } | null;
    if (response.ok) {
      const answer = body?.choices?.[0]?.message?.content ?? "";
      return { ok: true, message: `${providerNames[item.provider]} answered (${model}): “${answer.slice(0, 120)}”` };
    }
    return { ok: false, message: body?.error?.message ?? `The test call failed (${response.status}).` };
  } finally {
    await connectionsApi.revoke(connection.id).catch(() => {});
    await loadVault();
  }
}
