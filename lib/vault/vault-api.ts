import { callJson } from "../http/client-json";
import type { VaultItemRecord, VaultRecord, VaultState } from "./wire";

// The browser's calls to the vault routes. Bodies carry envelopes and metadata only.

type WrappedVault = Pick<VaultRecord, "salt" | "kdfParams" | "wrappedVaultKey">;

export const vaultApi = {
  load: () => callJson<VaultState>("/api/vault"),
  create: (body: WrappedVault) => callJson<VaultRecord>("/api/vault", { method: "POST", body }),
  rewrap: (body: WrappedVault & { expectedVersion: number }) => callJson<VaultRecord>("/api/vault", { method: "PUT", body }),
  rotate: (body: WrappedVault & { expectedVersion: number; items: unknown[]; connections: unknown[] }) => callJson<VaultState>("/api/vault", { method: "PATCH", body }),
  addItem: (body: { id: string; provider: string; label: string; sealedKey: string }) => callJson<VaultItemRecord>("/api/vault/items", { method: "POST", body }),
  updateItem: (id: string, body: { label?: string; sealedKey?: string; keyVersion?: number; expectedVersion: number; grants?: { connectionId: string; sealedKey: string }[] }) =>
    callJson<VaultItemRecord>(`/api/vault/items/${encodeURIComponent(id)}`, { method: "PUT", body }),
  deleteItem: (id: string) => callJson<void>(`/api/vault/items/${encodeURIComponent(id)}`, { method: "DELETE" }),
};
