import type { VaultItemRecord, VaultRecord, VaultState } from "./wire";

// The browser's calls to the vault routes. Bodies carry envelopes and metadata only.

export class VaultApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "VaultApiError";
  }
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, {
    ...init,
    headers: init.body ? { "content-type": "application/json" } : undefined,
    credentials: "same-origin",
    cache: "no-store",
  });
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  if (!response.ok) {
    throw new VaultApiError(response.status, body?.error?.code ?? "unknown", body?.error?.message ?? `Request failed (${response.status}).`);
  }
  return body as T;
}

const json = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body) });

export const vaultApi = {
  load: () => call<VaultState>("/api/vault"),
  create: (body: Pick<VaultRecord, "salt" | "kdfParams" | "wrappedVaultKey">) => call<VaultRecord>("/api/vault", json("POST", body)),
  rewrap: (body: Pick<VaultRecord, "salt" | "kdfParams" | "wrappedVaultKey"> & { expectedVersion: number }) =>
    call<VaultRecord>("/api/vault", json("PUT", body)),
  addItem: (body: { id: string; provider: string; label: string; sealedKey: string }) => call<VaultItemRecord>("/api/vault/items", json("POST", body)),
  updateItem: (id: string, body: { label?: string; sealedKey?: string; keyVersion?: number; expectedVersion: number }) =>
    call<VaultItemRecord>(`/api/vault/items/${encodeURIComponent(id)}`, json("PUT", body)),
  deleteItem: (id: string) => call<void>(`/api/vault/items/${encodeURIComponent(id)}`, { method: "DELETE" }),
};
