import "server-only";
import { listAudit } from "../db/audit-queries";
import { createDb } from "../db/client";
import { deleteAccount, deleteSessions, listSessions, resetVault, type SessionInfo } from "../db/account-queries";
import { getServerEnv } from "../env/server-env";
import { currentSessionHash } from "../auth/current-session";
import { AppError } from "../errors/app-error";
import { audit } from "../audit/record-audit";
import type { AuditEvent } from "../audit/audit-kinds";
import { revokeAllFor } from "../connections/connection-service";
import { cancelAccountAuthorizations } from "../db/authorization-queries";
import { accountObject } from "./account-object";
import { requireEmailConfirmation } from "./email-confirmation";

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
 * Forgotten master password: vault and keys go, after a fresh emailed code (a session alone must
 * not be able to wipe the vault, nor clear the way to install its own signing key). Apps' codes
 * approved but not yet exchanged are cancelled; optionally every connection is revoked too.
 */
export async function resetVaultFor({ userId, revokeConnections, emailCode }: { userId: string; revokeConnections: boolean; emailCode: string }): Promise<{ revoked: number }> {
  await requireEmailConfirmation({ userId, purpose: "vault_reset", code: emailCode });
  // revokeAllFor cancels the pending authorizations itself.
  if (!revokeConnections) await cancelAccountAuthorizations({ db: db(), userId });
  const revoked = revokeConnections ? await revokeAllFor({ userId }) : 0;
  const { passkeys } = await resetVault({ db: db(), userId });
  await audit(userId, "vault_reset", { count: revoked, passkeys });
  return { revoked };
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
