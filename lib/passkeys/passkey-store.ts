// The account's passkeys as the browser holds them: names, dates, PRF salts and wrapped vault
// keys (envelopes, public to this account). Loaded once per page, refreshed after each change.
import { passkeyApi } from "./passkey-api";
import type { PasskeyRecord } from "./wire";

export interface PasskeySnapshot {
  status: "idle" | "loading" | "ready" | "error";
  passkeys: PasskeyRecord[];
}

let snapshot: PasskeySnapshot = { status: "idle", passkeys: [] };
const listeners = new Set<() => void>();

export function setPasskeys(passkeys: PasskeyRecord[]): void {
  snapshot = { status: "ready", passkeys };
  for (const listener of listeners) listener();
}

function setStatus(status: PasskeySnapshot["status"]): void {
  snapshot = { ...snapshot, status };
  for (const listener of listeners) listener();
}

export function subscribePasskeys(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getPasskeySnapshot(): PasskeySnapshot {
  return snapshot;
}

/** Loads (or reloads) the account's passkeys. */
export async function loadPasskeys(): Promise<PasskeyRecord[]> {
  if (snapshot.status === "idle") setStatus("loading");
  try {
    const { passkeys } = await passkeyApi.list();
    setPasskeys(passkeys);
    return passkeys;
  } catch (error) {
    setStatus("error");
    throw error;
  }
}

/** The passkeys, loading them first if this page has not yet. */
export async function currentPasskeys(): Promise<PasskeyRecord[]> {
  return snapshot.status === "ready" ? snapshot.passkeys : loadPasskeys();
}

/** Removes a passkey (and its wrapped vault key) on the server, then here. */
export async function removePasskey({ credentialId }: { credentialId: string }): Promise<void> {
  await passkeyApi.remove(credentialId);
  setPasskeys(snapshot.passkeys.filter((p) => p.credentialId !== credentialId));
}

/** Notes a use the server recorded (its time), without reloading. */
export function markPasskeyUsed({ credentialId, lastUsedAt }: { credentialId: string; lastUsedAt: number }): void {
  setPasskeys(snapshot.passkeys.map((p) => (p.credentialId === credentialId ? { ...p, lastUsedAt } : p)));
}
