import { sql } from "kysely";
import { runBatch } from "./batch";
import { createDb } from "./client";
import { newVaultRow, type NewVault } from "./vault-queries";

// Forgotten master password (decision 024): the old vault goes and the new one arrives in ONE D1
// batch (one transaction), after the emailed code was checked. There is never a moment where the
// account has no vault, so there is never one where a session cookie alone could create it and
// install its own signing key (POST /api/vault makes only an account's first vault).

export interface ReplacedVault {
  /** Passkeys removed: each held a copy of the old vault key. */
  passkeys: number;
  /** Live connections whose CK under the old vault key was cleared (they keep working until revoked). */
  connections: number;
}

/**
 * Replaces the account's vault with `vault`, whether it has one or not (an account reset before
 * decision 024 has none): its items and passkeys are deleted, live connections lose their CK
 * under the old vault key (useless now: they can no longer be rotated or edited), outstanding
 * nonces are burnt, and the vault row is overwritten in place. Its version keeps rising, so a
 * compare-and-swap prepared against the old vault (a re-wrap, a rotation) can never match the new one.
 */
export async function replaceVault({ d1, userId, vault, now }: { d1: D1Database; userId: string; vault: NewVault; now: number }): Promise<ReplacedVault> {
  const db = createDb(d1);
  const row = newVaultRow({ userId, vault, now });
  const [passkeys, , , connections] = await runBatch({
    d1,
    statements: [
      db.deleteFrom("passkeys").where("user_id", "=", userId),
      db.deleteFrom("vault_items").where("user_id", "=", userId),
      db.deleteFrom("vault_nonces").where("user_id", "=", userId),
      db.updateTable("connections").set({ ck_vault: null }).where("user_id", "=", userId).where("status", "!=", "revoked"),
      db
        .insertInto("vaults")
        .values(row)
        .onConflict((oc) =>
          oc.column("user_id").doUpdateSet((eb) => ({
            salt: eb.ref("excluded.salt"),
            kdf_params: eb.ref("excluded.kdf_params"),
            wrapped_vault_key: eb.ref("excluded.wrapped_vault_key"),
            signing_public_key: eb.ref("excluded.signing_public_key"),
            version: sql<number>`vaults.version + 1`,
            created_at: eb.ref("excluded.created_at"),
            updated_at: eb.ref("excluded.updated_at"),
          })),
        ),
      db.updateTable("users").set({ vault_first_created_at: now }).where("id", "=", userId).where("vault_first_created_at", "is", null),
    ],
  });
  return { passkeys: passkeys?.meta.changes ?? 0, connections: connections?.meta.changes ?? 0 };
}
