import { VaultApiError } from "../vault/vault-api";
import type { ConnectionSummary } from "./wire";

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, { ...init, headers: init.body ? { "content-type": "application/json" } : undefined, credentials: "same-origin", cache: "no-store" });
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  if (!response.ok) throw new VaultApiError(response.status, body?.error?.code ?? "unknown", body?.error?.message ?? `Request failed (${response.status}).`);
  return body as T;
}

export const connectionsApi = {
  list: async () => (await call<{ connections: ConnectionSummary[] }>("/api/connections")).connections,
  create: (body: unknown) => call<ConnectionSummary>("/api/connections", { method: "POST", body: JSON.stringify(body) }),
  revoke: (id: string) => call<void>(`/api/connections/${encodeURIComponent(id)}/revoke`, { method: "POST" }),
};
