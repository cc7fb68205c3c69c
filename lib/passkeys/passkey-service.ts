import "server-only";
import { audit } from "../audit/record-audit";
import { encodeBase64Url, encodeUtf8 } from "../crypto/encoding";
import { createDb } from "../db/client";
import { deletePasskey, insertPasskey, listPasskeys, readAccountPasskey } from "../db/passkey-queries";
import { readSigningPublicKey } from "../db/vault-queries";
import { getServerEnv } from "../env/server-env";
import { AppError } from "../errors/app-error";
import { SIGNED_ACTIONS, signedParams } from "../vault/signed-actions";
import { requireVaultProof } from "../vault/vault-proof";
import { relyingPartyFor } from "../webauthn/relying-party";
import { verifyRegistration } from "../webauthn/verify-registration";
import { burnChallenge, issueChallenge } from "./challenges";
import { toPasskeyError, unknownPasskey } from "./passkey-errors";
import { verifyPasskeyUse } from "./passkey-use";
import type { AddPasskeyBody, AssertionOptions, AssertionResponseWire, PasskeyRecord, RegistrationOptions } from "./wire";

// Settings → Passkeys, for the signed-in account: list, add (a signed action: it installs a new
// wrapping of VK), remove (restricts: the session alone may), and the unlock's bookkeeping.

const db = () => createDb(getServerEnv().DB);
const rp = () => relyingPartyFor(getServerEnv().PUBLIC_URL);

export function listPasskeysFor({ userId }: { userId: string }): Promise<PasskeyRecord[]> {
  return listPasskeys({ db: db(), userId });
}

/** A challenge to create a passkey for this account (the vault must exist: a passkey is for it). */
export async function registrationOptionsFor({ userId, email }: { userId: string; email: string }): Promise<RegistrationOptions> {
  if ((await readSigningPublicKey({ db: db(), userId })) === undefined) throw new AppError({ code: "conflict", message: "Create your vault first: a passkey unlocks it." });
  const { challenge, expiresAt } = await issueChallenge({ db: db(), purpose: "register", userId });
  const existing = await listPasskeys({ db: db(), userId });
  const { id, name } = rp();
  return { challenge, expiresAt, rp: { id, name }, user: { id: encodeBase64Url(encodeUtf8(userId)), name: email, displayName: email }, excludeCredentials: existing.map((p) => p.credentialId) };
}

/** A challenge to unlock with one of this account's passkeys. */
export async function unlockOptionsFor({ userId }: { userId: string }): Promise<AssertionOptions> {
  return { ...(await issueChallenge({ db: db(), purpose: "unlock", userId })), rpId: rp().id };
}

/**
 * Adds a passkey: the vault signing key's proof over the whole body first (so a stolen session
 * cannot install a wrapping of its choosing, nor a way to sign in), then the registration itself.
 */
export async function addPasskeyFor({ userId, body }: { userId: string; body: AddPasskeyBody }): Promise<PasskeyRecord> {
  await requireVaultProof({ userId, action: SIGNED_ACTIONS.addPasskey, params: signedParams({ body }), proof: body.proof });
  const challenge = await burnChallenge({ db: db(), clientDataJSON: body.credential.clientDataJSON, type: "webauthn.create", rp: rp(), purpose: "register", userId });
  let verified;
  try {
    verified = verifyRegistration({ response: body.credential, challenge, rp: rp() });
  } catch (error) {
    throw toPasskeyError(error);
  }
  const passkey = await insertPasskey({ db: db(), userId, passkey: { ...verified, name: body.name, prfSalt: body.prfSalt, wrappedVaultKey: body.wrappedVaultKey }, now: Date.now() });
  await audit(userId, "passkey_added", { name: body.name });
  return passkey;
}

/** Removes a passkey and its wrapped VK. A session alone may: it only takes a way in away. */
export async function removePasskeyFor({ userId, credentialId }: { userId: string; credentialId: string }): Promise<void> {
  const removed = await deletePasskey({ db: db(), userId, credentialId });
  if (!removed) throw new AppError({ code: "not_found", message: "No such passkey." });
  await audit(userId, "passkey_removed", { name: removed.name });
}

/**
 * After the browser opened VK with a passkey (locally; the server cannot stop or help that), it
 * reports the assertion: verified like a sign-in (challenge, signature, counter), it records the use.
 */
export async function recordUnlockFor({ userId, response }: { userId: string; response: AssertionResponseWire }): Promise<{ lastUsedAt: number }> {
  const stored = await readAccountPasskey({ db: db(), userId, credentialId: response.id });
  if (!stored) throw unknownPasskey();
  const now = Date.now();
  await verifyPasskeyUse({ db: db(), rp: rp(), response, stored, purpose: "unlock", challengeOwner: userId, now });
  return { lastUsedAt: now };
}
