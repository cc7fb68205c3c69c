import { callJson } from "../http/client-json";
import type { ConnectionSummary } from "./wire";

export const connectionsApi = {
  list: async () => (await callJson<{ connections: ConnectionSummary[] }>("/api/connections")).connections,
  create: (body: unknown) => callJson<ConnectionSummary>("/api/connections", { method: "POST", body }),
  revoke: (id: string) => callJson<void>(`/api/connections/${encodeURIComponent(id)}/revoke`, { method: "POST" }),
};
