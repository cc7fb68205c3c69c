import { callJson } from "../http/client-json";
import type { VaultProof } from "../vault/wire";
import type { ConnectionSummary, UpdatePolicyBody } from "./wire";

export interface ConnectionsList {
  connections: ConnectionSummary[];
  month: string;
  resetsAt: number;
  accountCapMicroUsd: number | null;
  accountSpentMicroUsd: number;
}

const action = (id: string, name: string, body?: unknown) => callJson<unknown>(`/api/connections/${encodeURIComponent(id)}/${name}`, { method: "POST", body });

export const connectionsApi = {
  listAll: () => callJson<ConnectionsList>("/api/connections"),
  list: async () => (await callJson<ConnectionsList>("/api/connections")).connections,
  create: (body: unknown) => callJson<ConnectionSummary>("/api/connections", { method: "POST", body }),
  revoke: (id: string) => action(id, "revoke"),
  pause: (id: string) => action(id, "pause"),
  /** Loosening: carries the vault signing key's proof ("connection.resume"). */
  resume: (id: string, proof: VaultProof) => action(id, "resume", { proof }),
  updatePolicy: (id: string, body: UpdatePolicyBody) => action(id, "policy", body),
  revokeAll: () => callJson<{ revoked: number }>("/api/connections", { method: "DELETE" }),
  /** Raising or removing the cap needs the vault signing key's proof ("account.cap.set"); lowering it does not. */
  setAccountCap: (monthlyCapUsd: number | null, proof?: VaultProof) => callJson<unknown>("/api/account", { method: "PUT", body: { monthlyCapUsd, ...(proof ? { proof } : {}) } }),
};
