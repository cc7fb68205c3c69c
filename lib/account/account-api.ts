import type { AuditEvent } from "../audit/audit-kinds";
import type { SessionInfo } from "../db/account-queries";
import { callJson } from "../http/client-json";

/** Settings → account (browser side). */
export const accountApi = {
  sessions: async () => (await callJson<{ sessions: SessionInfo[] }>("/api/account/sessions")).sessions,
  signOutEverywhere: (includingThis: boolean) => callJson<{ signedOut: number }>("/api/account/sessions", { method: "DELETE", body: { includingThis } }),
  activity: async () => (await callJson<{ events: AuditEvent[] }>("/api/account/activity")).events,
  resetVault: (revokeConnections: boolean) => callJson<{ revoked: number }>("/api/account/vault", { method: "DELETE", body: { revokeConnections } }),
  deleteAccount: (confirmEmail: string) => callJson<{ deleted: boolean }>("/api/account", { method: "DELETE", body: { confirmEmail } }),
};
