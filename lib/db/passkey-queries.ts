import { sql } from "kysely";
import { AppError } from "../errors/app-error";
import type { Db } from "./client";
import type { PasskeysTable } from "./schema";
import { MAX_PASSKEYS } from "../passkeys/limits";
import type { PasskeyRecord } from "../passkeys/wire";

// Passkey rows, always scoped to their owner, except the one lookup sign-in makes by credential id
// (it does not know the account yet: the credential's signature decides). Nothing here opens VK.


export type { PasskeyRecord };

/** What verifies a passkey's assertions. */
export interface PasskeyCredential {
  credentialId: string;
  userId: string;
  name: string;
  publicKey: string;
  signCount: number;
}

const toRecord = (row: Pick<PasskeysTable, "credential_id" | "name" | "prf_salt" | "wrapped_vault_key" | "created_at" | "last_used_at">): PasskeyRecord => ({
  credentialId: row.credential_id,
  name: row.name,
  prfSalt: row.prf_salt,
  wrappedVaultKey: row.wrapped_vault_key,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
});

export async function listPasskeys({ db, userId }: { db: Db; userId: string }): Promise<PasskeyRecord[]> {
  const rows = await db.selectFrom("passkeys").select(["credential_id", "name", "prf_salt", "wrapped_vault_key", "created_at", "last_used_at"]).where("user_id", "=", userId).orderBy("created_at").orderBy("credential_id").execute();
  return rows.map(toRecord);
}

/** Stores a new passkey: refused if the credential is already registered (to anyone) or the account holds MAX_PASSKEYS. */
export async function insertPasskey({
  db,
  userId,
  passkey,
  now,
}: {
  db: Db;
  userId: string;
  passkey: { credentialId: string; name: string; publicKey: string; signCount: number; prfSalt: string; wrappedVaultKey: string };
  now: number;
}): Promise<PasskeyRecord> {
  const p = passkey;
  // One statement: the count and the insert cannot be raced past the limit.
  const result = await sql`INSERT INTO passkeys (credential_id, user_id, name, public_key, sign_count, prf_salt, wrapped_vault_key, created_at, last_used_at)
    SELECT ${p.credentialId}, ${userId}, ${p.name}, ${p.publicKey}, ${p.signCount}, ${p.prfSalt}, ${p.wrappedVaultKey}, ${now}, NULL
    WHERE (SELECT COUNT(*) FROM passkeys WHERE user_id = ${userId}) < ${MAX_PASSKEYS}
    ON CONFLICT (credential_id) DO NOTHING`.execute(db);
  if (Number(result.numAffectedRows ?? 0) !== 1) {
    const taken = await db.selectFrom("passkeys").select("user_id").where("credential_id", "=", p.credentialId).executeTakeFirst();
    if (taken) throw new AppError({ code: "conflict", message: "This passkey is already registered." });
    throw new AppError({ code: "conflict", message: `You have ${MAX_PASSKEYS} passkeys already. Remove one first.` });
  }
  return toRecord({ credential_id: p.credentialId, name: p.name, prf_salt: p.prfSalt, wrapped_vault_key: p.wrappedVaultKey, created_at: now, last_used_at: null });
}

/** Removes one of the account's passkeys (its wrapped VK with it). False if it has no such passkey. */
export async function deletePasskey({ db, userId, credentialId }: { db: Db; userId: string; credentialId: string }): Promise<{ name: string } | null> {
  const row = await db.deleteFrom("passkeys").where("credential_id", "=", credentialId).where("user_id", "=", userId).returning("name").executeTakeFirst();
  return row ?? null;
}

const credentialColumns = ["credential_id", "user_id", "name", "public_key", "sign_count"] as const;
const toCredential = (row: { credential_id: string; user_id: string; name: string; public_key: string; sign_count: number }): PasskeyCredential => ({
  credentialId: row.credential_id,
  userId: row.user_id,
  name: row.name,
  publicKey: row.public_key,
  signCount: row.sign_count,
});

/** The account's passkey, to verify an assertion made while signed in (unlock). */
export async function readAccountPasskey({ db, userId, credentialId }: { db: Db; userId: string; credentialId: string }): Promise<PasskeyCredential | undefined> {
  const row = await db.selectFrom("passkeys").select(credentialColumns).where("credential_id", "=", credentialId).where("user_id", "=", userId).executeTakeFirst();
  return row ? toCredential(row) : undefined;
}

/** Sign-in: the passkey by its credential id, with its account's address (the credential's signature decides). */
export async function readPasskeyForSignIn({ db, credentialId }: { db: Db; credentialId: string }): Promise<(PasskeyCredential & { email: string }) | undefined> {
  const row = await db
    .selectFrom("passkeys")
    .innerJoin("users", "users.id", "passkeys.user_id")
    .select(["passkeys.credential_id", "passkeys.user_id", "passkeys.name", "passkeys.public_key", "passkeys.sign_count", "users.email"])
    .where("passkeys.credential_id", "=", credentialId)
    .executeTakeFirst();
  return row ? { ...toCredential(row), email: row.email } : undefined;
}

/** Records a verified use: the new counter and the time, only if the counter is still the one verified against (two uses of one count: one wins). */
export async function recordPasskeyUse({ db, userId, credentialId, verifiedAgainst, signCount, now }: { db: Db; userId: string; credentialId: string; verifiedAgainst: number; signCount: number; now: number }): Promise<boolean> {
  const result = await db
    .updateTable("passkeys")
    .set({ sign_count: signCount, last_used_at: now })
    .where("credential_id", "=", credentialId)
    .where("user_id", "=", userId)
    .where("sign_count", "=", verifiedAgainst)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
