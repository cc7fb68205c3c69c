import { callJson } from "../http/client-json";
import type { VaultItemRecord, VaultProof, VaultRecord, VaultState } from "./wire";

// The browser's calls to the vault routes. Bodies carry envelopes and metadata only.

type WrappedVault = Pick<VaultRecord, "salt" | "kdfParams" | "wrappedVaultKey">;

export const vaultApi = {
  load: () => callJson<VaultState>("/api/vault"),
  create: (body: WrappedVault & { signingPublicKey: string }) => callJson<VaultRecord>("/api/vault", { method: "POST", body }),
  /** Forgotten master password (decision 024): the new vault with the emailed code, replacing the old one in one request. */
  reset: (body: WrappedVault & { signingPublicKey: string; emailCode: string; revokeConnections: boolean }) => callJson<VaultState & { revoked: number }>("/api/account/vault", { method: "PUT", body }),
  rewrap: (body: WrappedVault & { expectedVersion: number; proof: VaultProof }) => callJson<VaultRecord>("/api/vault", { method: "PUT", body }),
  rotate: (body: WrappedVault & { expectedVersion: number; signingPublicKey: string; items: unknown[]; connections: unknown[]; passkeys: unknown[]; proof: VaultProof }) => callJson<VaultState>("/api/vault", { method: "PATCH", body }),
  /** A single-use nonce for the next signed request (security model v1.1). */
  nonce: () => callJson<{ nonce: string; expiresAt: number }>("/api/vault/nonce", { method: "POST" }),
  /** A vault made before v1.1 registers its signing key, with a fresh emailed code. */
  installSigningKey: (body: { signingPublicKey: string; emailCode: string }) => callJson<VaultState>("/api/vault/signing-key", { method: "PUT", body }),
  addItem: (body: { id: string; provider: string; label: string; sealedKey: string }) => callJson<VaultItemRecord>("/api/vault/items", { method: "POST", body }),
  updateItem: (id: string, body: { label?: string; sealedKey?: string; keyVersion?: number; expectedVersion: number; grants?: { connectionId: string; sealedKey: string }[]; proof?: VaultProof }) =>
    callJson<VaultItemRecord>(`/api/vault/items/${encodeURIComponent(id)}`, { method: "PUT", body }),
  deleteItem: (id: string) => callJson<void>(`/api/vault/items/${encodeURIComponent(id)}`, { method: "DELETE" }),
};
