import "server-only";
import { createDb } from "../db/client";
import { deleteItemGrants, replaceItemKey } from "../db/key-rotation";
import * as queries from "../db/vault-queries";
import { getServerEnv } from "../env/server-env";
import type { z } from "zod";
import type { addItemSchema, createVaultSchema, rewrapVaultSchema, updateItemSchema, VaultItemRecord, VaultRecord, VaultState } from "./wire";

// Server side of the vault: what the route handlers call, always for the signed-in
// user's id. It stores and returns only envelopes and metadata.

const db = () => createDb(getServerEnv().DB);

export async function getVaultState({ userId }: { userId: string }): Promise<VaultState> {
  return { userId, ...(await queries.readVault({ db: db(), userId })) };
}

export function createVaultFor({ userId, body }: { userId: string; body: z.infer<typeof createVaultSchema> }): Promise<VaultRecord> {
  return queries.createVault({ db: db(), userId, ...body, now: Date.now() });
}

export function rewrapVaultFor({ userId, body }: { userId: string; body: z.infer<typeof rewrapVaultSchema> }): Promise<VaultRecord> {
  return queries.rewrapVault({ db: db(), userId, ...body, now: Date.now() });
}

export function addItemFor({ userId, body }: { userId: string; body: z.infer<typeof addItemSchema> }): Promise<VaultItemRecord> {
  return queries.addVaultItem({ db: db(), userId, item: body, now: Date.now() });
}

export async function updateItemFor({
  userId,
  itemId,
  body,
}: {
  userId: string;
  itemId: string;
  body: z.infer<typeof updateItemSchema>;
}): Promise<VaultItemRecord> {
  const { grants, sealedKey, keyVersion, label, expectedVersion } = body;
  if (sealedKey === undefined || keyVersion === undefined) return queries.updateVaultItem({ db: db(), userId, itemId, change: { label, expectedVersion }, now: Date.now() });
  // A replaced key: the item and every connection's grant of it, in one batch.
  await replaceItemKey({ d1: getServerEnv().DB, db: db(), userId, itemId, sealedKey, keyVersion, expectedVersion, grants: grants ?? [], now: Date.now() });
  const updated = label === undefined ? null : await queries.updateVaultItem({ db: db(), userId, itemId, change: { label, expectedVersion: expectedVersion + 1 }, now: Date.now() });
  return updated ?? (await queries.readVault({ db: db(), userId })).items.find((i) => i.id === itemId)!;
}

/** Deletes a key and its grants: connections that used it lose that provider. */
export async function deleteItemFor({ userId, itemId }: { userId: string; itemId: string }): Promise<void> {
  await queries.deleteVaultItem({ db: db(), userId, itemId });
  await deleteItemGrants({ db: db(), userId, itemId });
}
