import "server-only";
import type { JsonValue } from "../crypto/canonical-json";
import { encodeBase64Url } from "../crypto/encoding";
import { randomBytes } from "../crypto/random";
import { verifyVaultSignature } from "../crypto/vault-signing";
import { createDb } from "../db/client";
import { consumeVaultNonce, insertVaultNonce } from "../db/vault-nonce-queries";
import { readSigningPublicKey } from "../db/vault-queries";
import { getServerEnv } from "../env/server-env";
import { AppError } from "../errors/app-error";
import type { SignedAction } from "./signed-actions";
import type { VaultProof } from "./wire";

// The server side of "proof that the vault is unlocked" (security model v1.1): single-use nonces,
// and the check every loosening or vault-replacing request passes before anything is written.

export const VAULT_NONCE_TTL_MS = 5 * 60_000;

const refused = (message: string) => new AppError({ code: "forbidden", field: "proof", message });

/** A fresh single-use nonce for the account's next signed request. */
export async function issueVaultNonce({ userId, now = Date.now() }: { userId: string; now?: number }): Promise<{ nonce: string; expiresAt: number }> {
  const db = createDb(getServerEnv().DB);
  const key = await readSigningPublicKey({ db, userId });
  if (key === undefined) throw new AppError({ code: "conflict", message: "Create your vault first." });
  const nonce = encodeBase64Url(randomBytes(32));
  const expiresAt = now + VAULT_NONCE_TTL_MS;
  await insertVaultNonce({ db, userId, nonce, expiresAt, now });
  return { nonce, expiresAt };
}

/**
 * Refuses (403, field "proof") unless `proof` is the account's vault signing key's signature over
 * exactly this action and these parameters, with a live nonce issued to this account, which it burns.
 */
export async function requireVaultProof({ userId, action, params, proof, now = Date.now() }: { userId: string; action: SignedAction; params: JsonValue; proof: VaultProof | undefined; now?: number }): Promise<void> {
  const db = createDb(getServerEnv().DB);
  const publicKey = await readSigningPublicKey({ db, userId });
  if (publicKey === undefined) throw refused("This needs your vault, and you have none yet.");
  if (publicKey === null) throw refused("Unlock your vault and confirm it with the code we email you first: then this change can be made.");
  if (!proof) throw refused("This change needs your vault unlocked. Unlock it and try again.");
  if (!verifyVaultSignature({ publicKey, signature: proof.signature, action, accountId: userId, params, nonce: proof.nonce })) {
    throw refused("This change was not signed by your vault. Unlock your vault and try again.");
  }
  if (!(await consumeVaultNonce({ db, userId, nonce: proof.nonce, now }))) throw refused("This signed request was already used or has expired. Try again.");
}
