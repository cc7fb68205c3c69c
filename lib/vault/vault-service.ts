import "server-only";
import { createDb } from "../db/client";
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

export function updateItemFor({
  userId,
  itemId,
  body,
}: {
  userId: string;
  itemId: string;
  body: z.infer<typeof updateItemSchema>;
}): Promise<VaultItemRecord> {
  return queries.updateVaultItem({ db: db(), userId, itemId, change: body, now: Date.now() });
}

export function deleteItemFor({ userId, itemId }: { userId: string; itemId: string }): Promise<void> {
  return queries.deleteVaultItem({ db: db(), userId, itemId });
}
