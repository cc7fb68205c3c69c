import { sql } from "kysely";
import type { Db } from "./client";
import { AppError } from "../errors/app-error";
import { toStatement } from "./batch";

// Rotating the vault key (security model: "draws a new VK and re-wraps every item and every
// connection's CK, in one atomic batch"). One D1 batch (one transaction): the vault's
// compare-and-swap, every item, every live connection's ck_vault, every passkey's wrapped VK (a
// passkey the browser did not re-wrap is deleted: its copy would hold the old VK), and a final guard
// that fails the whole batch (so it rolls back) unless every row moved. Nothing is left half-rotated.

export interface RotateVaultInput {
  salt: string;
  kdfParams: string;
  wrappedVaultKey: string;
  /** The new VK's signing public key (security model v1.1), installed in the same statement. */
  signingPublicKey: string;
  expectedVersion: number;
  items: { id: string; sealedKey: string; expectedVersion: number }[];
  connections: { id: string; ckVault: string }[];
  /** The new VK wrapped for each passkey the person kept (touched before rotating); the others are removed. */
  passkeys: { credentialId: string; wrappedVaultKey: string }[];
}

const stale = () => new AppError({ code: "conflict", message: "Your vault changed in another tab. Reload and try again." });

/** Every statement that re-wraps or removes the account's passkeys, run only if the vault row rotated. */
function passkeyStatements({ db, userId, passkeys, rotated }: { db: Db; userId: string; passkeys: RotateVaultInput["passkeys"]; rotated: ReturnType<typeof sql<boolean>> }) {
  const kept = passkeys.map((p) => p.credentialId);
  let removal = db.deleteFrom("passkeys").where("user_id", "=", userId).where(rotated);
  if (kept.length > 0) removal = removal.where("credential_id", "not in", kept);
  return [
    ...passkeys.map((p) => db.updateTable("passkeys").set({ wrapped_vault_key: p.wrappedVaultKey }).where("credential_id", "=", p.credentialId).where("user_id", "=", userId).where(rotated)),
    removal,
  ];
}

/** Rotates in one batch; returns how many passkeys were removed (not re-wrapped). */
export async function rotateVaultKey({ d1, db, userId, input, now }: { d1: D1Database; db: Db; userId: string; input: RotateVaultInput; now: number }): Promise<{ passkeysRemoved: number }> {
  const items = await db.selectFrom("vault_items").select(["id", "version"]).where("user_id", "=", userId).execute();
  const live = await db.selectFrom("connections").select("id").where("user_id", "=", userId).where("status", "!=", "revoked").where("ck_vault", "is not", null).execute();
  const sameSet = (a: string[], b: string[]) => a.length === b.length && new Set(a).size === a.length && a.every((x) => b.includes(x));
  if (!sameSet(input.items.map((i) => i.id), items.map((i) => i.id)) || !sameSet(input.connections.map((c) => c.id), live.map((c) => c.id))) throw stale();
  const newVersion = input.expectedVersion + 1;
  const rotated = sql<boolean>`EXISTS (SELECT 1 FROM vaults WHERE user_id = ${userId} AND version = ${newVersion} AND wrapped_vault_key = ${input.wrappedVaultKey})`;
  const queries = [
    db.updateTable("vaults").set({ salt: input.salt, kdf_params: input.kdfParams, wrapped_vault_key: input.wrappedVaultKey, signing_public_key: input.signingPublicKey, version: newVersion, updated_at: now }).where("user_id", "=", userId).where("version", "=", input.expectedVersion),
    ...input.items.map((i) =>
      db.updateTable("vault_items").set({ sealed_key: i.sealedKey, version: i.expectedVersion + 1, updated_at: now }).where("id", "=", i.id).where("user_id", "=", userId).where("version", "=", i.expectedVersion).where(rotated),
    ),
    ...input.connections.map((c) => db.updateTable("connections").set({ ck_vault: c.ckVault }).where("id", "=", c.id).where("user_id", "=", userId).where("status", "!=", "revoked").where(rotated)),
    ...passkeyStatements({ db, userId, passkeys: input.passkeys, rotated }),
  ];
  const stored = await db.selectFrom("passkeys").select("credential_id").where("user_id", "=", userId).execute();
  const passkeysRemoved = stored.filter((p) => !input.passkeys.some((k) => k.credentialId === p.credential_id)).length;
  const statements = queries.map((q) => toStatement(d1, q));
  // The guard: json('') raises an error unless every item and connection now matches, which aborts the batch.
  const expectedItems = input.items.length;
  statements.push(
    d1
      .prepare(
        `SELECT CASE WHEN (SELECT COUNT(*) FROM vaults WHERE user_id = ?1 AND version = ?2) = 1
          AND (SELECT COUNT(*) FROM vault_items WHERE user_id = ?1 AND updated_at = ?3) >= ?4
          THEN 1 ELSE json('rotation incomplete') END AS ok`,
      )
      .bind(userId, newVersion, now, expectedItems),
  );
  try {
    await d1.batch(statements);
  } catch {
    throw stale();
  }
  return { passkeysRemoved };
}
