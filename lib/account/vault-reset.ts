import type { z } from "zod";
import { createDb } from "../db/client";
import { cancelAccountAuthorizations } from "../db/authorization-queries";
import { replaceVault } from "../db/vault-reset";
import type { resetVaultSchema } from "../vault/wire";
import { checkEmailConfirmation } from "./confirmation-check";

// Forgotten master password (decision 024), without the request's context: the service
// (account-service.ts resetVaultFor) passes D1, AUTH_SECRET and how to revoke every connection.

export type ResetVaultBody = z.infer<typeof resetVaultSchema>;

/**
 * Checks the fresh emailed code first (a wrong one changes nothing), then revokes every connection
 * or only cancels apps' codes approved but not yet exchanged, then replaces the vault with the new
 * one the browser made, in one batch (lib/db/vault-reset.ts).
 */
export async function resetVaultWithCode({
  d1,
  secret,
  userId,
  body,
  revokeAll,
  now,
}: {
  d1: D1Database;
  secret: string;
  userId: string;
  body: ResetVaultBody;
  /** Revokes every connection (the account object first); returns how many. It cancels pending authorizations itself. */
  revokeAll: () => Promise<number>;
  now: number;
}): Promise<{ revoked: number; passkeys: number }> {
  const { emailCode, revokeConnections, ...vault } = body;
  const db = createDb(d1);
  await checkEmailConfirmation({ db, secret, userId, purpose: "vault_reset", code: emailCode, now });
  let revoked = 0;
  if (revokeConnections) revoked = await revokeAll();
  else await cancelAccountAuthorizations({ db, userId });
  const { passkeys } = await replaceVault({ d1, userId, vault, now });
  return { revoked, passkeys };
}
