import { createDb, type Db } from "./client";
import { runBatch } from "./batch";
import { AppError } from "../errors/app-error";
import { formatArgon2Params, parseArgon2Params } from "../crypto/kdf";
import type { VaultItemsTable, VaultsTable } from "./schema";
import type { ProviderId, VaultItemRecord, VaultRecord } from "../vault/wire";

// Vault rows, always scoped to their owner: every query has `user_id = ?`, so one
// account can never read or change another's vault or items, whatever ids it sends.
// Writes compare and swap on `version`.

const notFound = () => new AppError({ code: "not_found", message: "No such key in your vault." });
const stale = () =>
  new AppError({ code: "conflict", message: "Your vault changed in another tab or device. Reload and try again." });

function toVault(row: VaultsTable): VaultRecord {
  return {
    salt: row.salt,
    kdfParams: parseArgon2Params(row.kdf_params),
    wrappedVaultKey: row.wrapped_vault_key,
    signingPublicKey: row.signing_public_key ?? null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toItem(row: VaultItemsTable): VaultItemRecord {
  return {
    id: row.id,
    provider: row.provider,
    label: row.label,
    sealedKey: row.sealed_key,
    keyVersion: row.key_version,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    keyStatus: row.key_status ?? null,
    keyCheckedAt: row.key_checked_at ?? null,
  };
}

export async function readVault({ db, userId }: { db: Db; userId: string }): Promise<{ vault: VaultRecord | null; items: VaultItemRecord[] }> {
  const [vault, items] = await Promise.all([
    db.selectFrom("vaults").selectAll().where("user_id", "=", userId).executeTakeFirst(),
    db.selectFrom("vault_items").selectAll().where("user_id", "=", userId).orderBy("created_at").orderBy("id").execute(),
  ]);
  return { vault: vault ? toVault(vault) : null, items: items.map(toItem) };
}

/** Whether the account ever had a vault (migration 0017): then POST /api/vault refuses it (decision 024). */
export async function hadVault({ db, userId }: { db: Db; userId: string }): Promise<boolean> {
  const row = await db.selectFrom("users").select("vault_first_created_at").where("id", "=", userId).executeTakeFirst();
  return row?.vault_first_created_at != null;
}

/** What a new vault is made of (the browser's createVaultSchema). */
export interface NewVault {
  salt: string;
  kdfParams: { m: number; t: number; p: number };
  wrappedVaultKey: string;
  signingPublicKey: string;
}

/** A new vault's row, at version 1. */
export function newVaultRow({ userId, vault, now }: { userId: string; vault: NewVault; now: number }): VaultsTable {
  return {
    user_id: userId,
    salt: vault.salt,
    kdf_params: formatArgon2Params(vault.kdfParams),
    wrapped_vault_key: vault.wrappedVaultKey,
    version: 1,
    created_at: now,
    updated_at: now,
    signing_public_key: vault.signingPublicKey,
  };
}

/**
 * The account's FIRST vault, with the session alone (decision 024): refused if the account has a
 * vault or ever had one. A vault after a reset comes only with the reset's emailed code
 * (lib/db/vault-reset.ts), so a stolen session cookie can never install a signing key on an
 * account whose vault was reset. One batch: the guarded insert, and the account marked.
 */
export async function createVault({ d1, userId, now, ...vault }: { d1: D1Database; userId: string; now: number } & NewVault): Promise<VaultRecord> {
  const row = newVaultRow({ userId, vault, now });
  const [inserted] = await runBatch({
    d1,
    statements: [
      d1
        .prepare(
          `INSERT INTO vaults (user_id, salt, kdf_params, wrapped_vault_key, version, created_at, updated_at, signing_public_key)
           SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7 FROM users WHERE id = ?1 AND vault_first_created_at IS NULL
           ON CONFLICT (user_id) DO NOTHING`,
        )
        .bind(row.user_id, row.salt, row.kdf_params, row.wrapped_vault_key, row.version, now, row.signing_public_key),
      createDb(d1).updateTable("users").set({ vault_first_created_at: now }).where("id", "=", userId).where("vault_first_created_at", "is", null),
    ],
  });
  if (inserted?.meta.changes !== 1) {
    const existing = await createDb(d1).selectFrom("vaults").select("user_id").where("user_id", "=", userId).executeTakeFirst();
    if (existing) throw new AppError({ code: "conflict", message: "You already have a vault. Unlock it instead." });
    throw new AppError({
      code: "conflict",
      message: "Your vault was reset. A new vault is made together with a code we email you: Settings → Reset vault.",
    });
  }
  return toVault(row);
}

/** Password change or parameter upgrade: a new salt, parameters and wrapped VK (VK itself is unchanged). */
export async function rewrapVault({
  db,
  userId,
  salt,
  kdfParams,
  wrappedVaultKey,
  expectedVersion,
  now,
}: {
  db: Db;
  userId: string;
  salt: string;
  kdfParams: { m: number; t: number; p: number };
  wrappedVaultKey: string;
  expectedVersion: number;
  now: number;
}): Promise<VaultRecord> {
  const row = await db
    .updateTable("vaults")
    .set({ salt, kdf_params: formatArgon2Params(kdfParams), wrapped_vault_key: wrappedVaultKey, version: expectedVersion + 1, updated_at: now })
    .where("user_id", "=", userId)
    .where("version", "=", expectedVersion)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw stale();
  return toVault(row);
}

/** The vault's signing public key: undefined without a vault, null for a vault not yet confirmed (made before v1.1). */
export async function readSigningPublicKey({ db, userId }: { db: Db; userId: string }): Promise<string | null | undefined> {
  const row = await db.selectFrom("vaults").select("signing_public_key").where("user_id", "=", userId).executeTakeFirst();
  return row ? (row.signing_public_key ?? null) : undefined;
}

/** Installs the first signing key of a vault made before v1.1 (never replaces one). False if it already has one. */
export async function installSigningPublicKey({ db, userId, signingPublicKey, now }: { db: Db; userId: string; signingPublicKey: string; now: number }): Promise<boolean> {
  const result = await db.updateTable("vaults").set({ signing_public_key: signingPublicKey, updated_at: now }).where("user_id", "=", userId).where("signing_public_key", "is", null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function addVaultItem({
  db,
  userId,
  item,
  now,
}: {
  db: Db;
  userId: string;
  item: { id: string; provider: ProviderId; label: string; sealedKey: string };
  now: number;
}): Promise<VaultItemRecord> {
  const hasVault = await db.selectFrom("vaults").select("user_id").where("user_id", "=", userId).executeTakeFirst();
  if (!hasVault) throw new AppError({ code: "conflict", message: "Create your vault before adding keys." });
  const row: VaultItemsTable = {
    id: item.id,
    user_id: userId,
    provider: item.provider,
    label: item.label,
    sealed_key: item.sealedKey,
    key_version: 1,
    version: 1,
    created_at: now,
    updated_at: now,
    key_status: null,
    key_checked_at: null,
  };
  const inserted = await db.insertInto("vault_items").values(row).onConflict((oc) => oc.column("id").doNothing()).executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) {
    throw new AppError({ code: "conflict", message: "A key with this id already exists. Try again." });
  }
  return toItem(row);
}

export async function updateVaultItem({
  db,
  userId,
  itemId,
  change,
  now,
}: {
  db: Db;
  userId: string;
  itemId: string;
  change: { label?: string; sealedKey?: string; keyVersion?: number; expectedVersion: number };
  now: number;
}): Promise<VaultItemRecord> {
  const current = await db
    .selectFrom("vault_items")
    .select(["version", "key_version"])
    .where("id", "=", itemId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (!current) throw notFound();
  if (current.version !== change.expectedVersion) throw stale();
  if (change.keyVersion !== undefined && change.keyVersion !== current.key_version + 1) {
    throw new AppError({ code: "bad_request", field: "keyVersion", message: "A replaced key must be sealed for the next key version." });
  }
  const row = await db
    .updateTable("vault_items")
    .set({
      ...(change.label !== undefined ? { label: change.label } : {}),
      ...(change.sealedKey !== undefined ? { sealed_key: change.sealedKey, key_version: change.keyVersion, key_status: null, key_checked_at: null } : {}),
      version: change.expectedVersion + 1,
      updated_at: now,
    })
    .where("id", "=", itemId)
    .where("user_id", "=", userId)
    .where("version", "=", change.expectedVersion)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw stale();
  return toItem(row);
}

export async function deleteVaultItem({ db, userId, itemId }: { db: Db; userId: string; itemId: string }): Promise<void> {
  const result = await db.deleteFrom("vault_items").where("id", "=", itemId).where("user_id", "=", userId).executeTakeFirst();
  if (Number(result.numDeletedRows) !== 1) throw notFound();
}
