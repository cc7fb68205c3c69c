import "server-only";
import { audit } from "../audit/record-audit";
import { createDb } from "../db/client";
import { writeConnections } from "../connections/object-sync";
import { connectionsUsingItem, deleteItemGrants, replaceItemKey } from "../db/key-rotation";
import * as queries from "../db/vault-queries";
import { getServerEnv } from "../env/server-env";
import type { z } from "zod";
import { formatArgon2Params } from "../crypto/kdf";
import { rotateVaultKey } from "../db/vault-rotation";
import { requireEmailConfirmation } from "../account/email-confirmation";
import { AppError } from "../errors/app-error";
import { SIGNED_ACTIONS, signedParams } from "./signed-actions";
import { requireVaultProof } from "./vault-proof";
import type { addItemSchema, createVaultSchema, installSigningKeySchema, rewrapVaultSchema, rotateVaultSchema, updateItemSchema, VaultItemRecord, VaultRecord, VaultState } from "./wire";

// Server side of the vault: what the route handlers call, always for the signed-in
// user's id. It stores and returns only envelopes and metadata. What replaces vault material
// (re-wrap, rotation, a replaced key) must carry the vault signing key's proof (v1.1).

const db = () => createDb(getServerEnv().DB);

export async function getVaultState({ userId }: { userId: string }): Promise<VaultState> {
  const state = await queries.readVault({ db: db(), userId });
  return { userId, ...state, hadVault: state.vault !== null || (await queries.hadVault({ db: db(), userId })) };
}

/** The account's first vault: refused (409) if it has or ever had one (decision 024: a reset brings its own). */
export async function createVaultFor({ userId, body }: { userId: string; body: z.infer<typeof createVaultSchema> }): Promise<VaultRecord> {
  const vault = await queries.createVault({ d1: getServerEnv().DB, userId, ...body, now: Date.now() });
  await audit(userId, "vault_created");
  return vault;
}

/**
 * A vault made before v1.1 gets its signing key on its owner's next unlock, confirmed with a
 * fresh emailed code: a session cookie alone can never install the first key.
 */
export async function installSigningKeyFor({ userId, body }: { userId: string; body: z.infer<typeof installSigningKeySchema> }): Promise<VaultState> {
  const current = await queries.readSigningPublicKey({ db: db(), userId });
  if (current === undefined) throw new AppError({ code: "conflict", message: "Create your vault first." });
  if (current !== null) throw new AppError({ code: "conflict", message: "Your vault is already confirmed." });
  await requireEmailConfirmation({ userId, purpose: "vault_signing_key", code: body.emailCode });
  if (!(await queries.installSigningPublicKey({ db: db(), userId, signingPublicKey: body.signingPublicKey, now: Date.now() }))) {
    throw new AppError({ code: "conflict", message: "Your vault is already confirmed." });
  }
  await audit(userId, "vault_signing_key_installed");
  return getVaultState({ userId });
}

export async function rewrapVaultFor({ userId, body }: { userId: string; body: z.infer<typeof rewrapVaultSchema> }): Promise<VaultRecord> {
  await requireVaultProof({ userId, action: SIGNED_ACTIONS.rewrapVault, params: signedParams({ body }), proof: body.proof });
  const { salt, kdfParams, wrappedVaultKey, expectedVersion } = body;
  const vault = await queries.rewrapVault({ db: db(), userId, salt, kdfParams, wrappedVaultKey, expectedVersion, now: Date.now() });
  await audit(userId, "vault_password_changed");
  return vault;
}

/** Rotates the vault key: one atomic batch (lib/db/vault-rotation.ts). */
export async function rotateVaultFor({ userId, body }: { userId: string; body: z.infer<typeof rotateVaultSchema> }): Promise<VaultState> {
  // Signed with the old vault key: the new public key is installed only by someone who held it.
  await requireVaultProof({ userId, action: SIGNED_ACTIONS.rotateVault, params: signedParams({ body }), proof: body.proof });
  const { proof: _proof, passkeys = [], ...input } = body;
  const { passkeysRemoved } = await rotateVaultKey({ d1: getServerEnv().DB, db: db(), userId, input: { ...input, passkeys, kdfParams: formatArgon2Params(body.kdfParams) }, now: Date.now() });
  await audit(userId, "vault_key_rotated", { items: body.items.length, connections: body.connections.length, passkeys: passkeys.length, passkeysRemoved });
  return getVaultState({ userId });
}

export async function addItemFor({ userId, body }: { userId: string; body: z.infer<typeof addItemSchema> }): Promise<VaultItemRecord> {
  const item = await queries.addVaultItem({ db: db(), userId, item: body, now: Date.now() });
  await audit(userId, "key_added", { provider: item.provider, label: item.label });
  return item;
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
  // A replaced key replaces vault material: only from a browser holding the unlocked vault.
  await requireVaultProof({ userId, action: SIGNED_ACTIONS.replaceItemKey, params: signedParams({ body, ids: { itemId } }), proof: body.proof });
  // A replaced key: the item and every connection's grant of it, in one batch, announced to the
  // account object (exactly these grants) so the next request of each connection uses the new key.
  const using = await connectionsUsingItem({ db: db(), userId, itemId });
  const changes = (grants ?? []).flatMap((g) => {
    const provider = using.find((u) => u.connectionId === g.connectionId)?.provider;
    return provider ? [{ connectionId: g.connectionId, intent: { grants: [{ provider, itemId, itemKeyVersion: keyVersion, sealedKey: g.sealedKey }] } }] : [];
  });
  await writeConnections({ userId, changes, write: () => replaceItemKey({ d1: getServerEnv().DB, db: db(), userId, itemId, sealedKey, keyVersion, expectedVersion, grants: grants ?? [], now: Date.now() }) });
  const updated = label === undefined ? null : await queries.updateVaultItem({ db: db(), userId, itemId, change: { label, expectedVersion: expectedVersion + 1 }, now: Date.now() });
  const item = updated ?? (await queries.readVault({ db: db(), userId })).items.find((i) => i.id === itemId)!;
  await audit(userId, "key_replaced", { provider: item.provider, label: item.label, connections: grants?.length ?? 0 });
  return item;
}

/** Deletes a key and its grants: connections that used it lose that provider. */
export async function deleteItemFor({ userId, itemId }: { userId: string; itemId: string }): Promise<void> {
  const item = (await queries.readVault({ db: db(), userId })).items.find((i) => i.id === itemId);
  await queries.deleteVaultItem({ db: db(), userId, itemId });
  if (item) await audit(userId, "key_deleted", { provider: item.provider, label: item.label });
  // Removing grants restricts: the account object takes it from D1 at its next read.
  const holding = await connectionsUsingItem({ db: db(), userId, itemId, includeKeyTests: true });
  await writeConnections({ userId, changes: holding.map(({ connectionId }) => ({ connectionId, intent: {} })), write: () => deleteItemGrants({ db: db(), userId, itemId }) });
}
