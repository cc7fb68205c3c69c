import "server-only";
import { listAudit } from "../db/audit-queries";
import { createDb } from "../db/client";
import { deleteAccount, deleteSessions, listSessions, type SessionInfo } from "../db/account-queries";
import { getServerEnv } from "../env/server-env";
import { currentSessionHash } from "../auth/current-session";
import { AppError } from "../errors/app-error";
import { audit } from "../audit/record-audit";
import type { AuditEvent } from "../audit/audit-kinds";
import { revokeAllFor } from "../connections/connection-service";
import { accountObject } from "./account-object";
import { requireEmailConfirmation } from "./email-confirmation";
import { getVaultState } from "../vault/vault-service";
import type { VaultState } from "../vault/wire";
import { resetVaultWithCode, type ResetVaultBody } from "./vault-reset";

// Settings → account: sessions, sign out everywhere, the activity list, reset a forgotten
// vault, delete the account. Always for the signed-in person's id.

const db = () => createDb(getServerEnv().DB);

export async function listSessionsFor({ userId }: { userId: string }): Promise<SessionInfo[]> {
  return listSessions({ db: db(), userId, currentHash: await currentSessionHash() });
}

/** Signs out every other session (or all of them, this one included). */
export async function signOutEverywhereFor({ userId, includingThis }: { userId: string; includingThis: boolean }): Promise<{ signedOut: number }> {
  const signedOut = await deleteSessions({ db: db(), userId, keepHash: includingThis ? null : await currentSessionHash() });
  await audit(userId, "sessions_signed_out", { count: signedOut });
  return { signedOut };
}

export function listAuditFor({ userId }: { userId: string }): Promise<AuditEvent[]> {
  return listAudit({ db: db(), userId });
}

/**
 * Forgotten master password (decision 024): after a fresh emailed code, the old vault, its keys and
 * passkeys are replaced by the new vault the browser made, in one batch. The request carries the
 * new vault, so there is never a moment where a session alone could create it and install its own
 * signing key. Apps' codes approved but not yet exchanged are cancelled; optionally every
 * connection is revoked too. A wrong code changes nothing.
 */
export async function resetVaultFor({ userId, body }: { userId: string; body: ResetVaultBody }): Promise<VaultState & { revoked: number }> {
  const env = getServerEnv();
  const { revoked, passkeys } = await resetVaultWithCode({ d1: env.DB, secret: env.AUTH_SECRET, userId, body, revokeAll: () => revokeAllFor({ userId }), now: Date.now() });
  await audit(userId, "vault_reset", { count: revoked, passkeys });
  return { ...(await getVaultState({ userId })), revoked };
}

/** Deletes the account after the person typed their email address and a fresh emailed code. */
export async function deleteAccountFor({ userId, email, confirmEmail, emailCode }: { userId: string; email: string; confirmEmail: string; emailCode: string }): Promise<void> {
  if (confirmEmail.trim().toLowerCase() !== email.toLowerCase()) throw new AppError({ code: "bad_request", field: "confirmEmail", message: "Type your email address exactly to confirm." });
  await requireEmailConfirmation({ userId, purpose: "account_delete", code: emailCode });
  // Every connection and every app authorization not yet exchanged (revokeAllFor cancels those).
  await revokeAllFor({ userId });
  await accountObject(userId).erase({ accountId: userId });
  await deleteAccount({ d1: getServerEnv().DB, userId });
}
