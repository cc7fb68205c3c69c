import type { AuditEvent } from "../audit/audit-kinds";
import type { SessionInfo } from "../db/account-queries";
import { callJson } from "../http/client-json";

/** Settings → account (browser side). */
export const accountApi = {
  sessions: async () => (await callJson<{ sessions: SessionInfo[] }>("/api/account/sessions")).sessions,
  signOutEverywhere: (includingThis: boolean) => callJson<{ signedOut: number }>("/api/account/sessions", { method: "DELETE", body: { includingThis } }),
  activity: async () => (await callJson<{ events: AuditEvent[] }>("/api/account/activity")).events,
  /** Emails a fresh confirmation code for what a session alone may not do. */
  requestConfirmation: (purpose: "vault_signing_key" | "vault_reset" | "account_delete") => callJson<{ sent: boolean }>("/api/account/confirmations", { method: "POST", body: { purpose } }),
  deleteAccount: (confirmEmail: string, emailCode: string) => callJson<{ deleted: boolean }>("/api/account", { method: "DELETE", body: { confirmEmail, emailCode } }),
};
