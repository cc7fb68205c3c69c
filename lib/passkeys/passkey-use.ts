import "server-only";
import { audit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { recordPasskeyUse, type PasskeyCredential } from "../db/passkey-queries";
import type { WebAuthnChallengePurpose } from "../db/schema";
import { AppError } from "../errors/app-error";
import type { RelyingParty } from "../webauthn/relying-party";
import { verifyAssertion } from "../webauthn/verify-assertion";
import { isWebAuthnError } from "../webauthn/webauthn-error";
import { burnChallenge } from "./challenges";
import { toPasskeyError } from "./passkey-errors";
import type { AssertionResponseWire } from "./wire";

/**
 * One verified use of a passkey (sign-in or unlock): the challenge it answers is burnt, the
 * assertion verified against the stored credential (origin, rpId, flags, signature, counter), and
 * the new counter and time recorded, compare-and-swap on the counter it was verified against.
 */
export async function verifyPasskeyUse({
  db,
  rp,
  response,
  stored,
  purpose,
  challengeOwner,
  now = Date.now(),
}: {
  db: Db;
  rp: RelyingParty;
  response: AssertionResponseWire;
  stored: PasskeyCredential;
  purpose: WebAuthnChallengePurpose;
  /** Whose challenge it must be: the signed-in account, or null for sign-in. */
  challengeOwner: string | null;
  now?: number;
}): Promise<void> {
  const challenge = await burnChallenge({ db, clientDataJSON: response.clientDataJSON, type: "webauthn.get", rp, purpose, userId: challengeOwner, now });
  let signCount: number;
  try {
    ({ signCount } = verifyAssertion({ response, challenge, rp, credential: stored }));
  } catch (error) {
    if (isWebAuthnError(error, "counter_regressed")) await audit(stored.userId, "passkey_refused", { name: stored.name });
    throw toPasskeyError(error);
  }
  if (!(await recordPasskeyUse({ db, userId: stored.userId, credentialId: stored.credentialId, verifiedAgainst: stored.signCount, signCount, now }))) {
    throw new AppError({ code: "conflict", field: "credential", message: "This passkey was used at the same moment elsewhere. Try again." });
  }
}
