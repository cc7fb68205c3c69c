// Steps the two ceremonies share (WebAuthn L3 §7.1 steps 7–16, §7.2 steps 11–17): the wire's
// base64url fields as bytes, the client data, the rpId hash and the user flags.
import { sha256 } from "@noble/hashes/sha2.js";
import { equalBytes } from "../crypto/compare";
import { decodeBase64Url, encodeUtf8 } from "../crypto/encoding";
import type { AuthenticatorData } from "./authenticator-data";
import { checkClientData, sameChallenge, type CeremonyType } from "./client-data";
import type { RelyingParty } from "./relying-party";
import { WebAuthnError } from "./webauthn-error";

/** A base64url field of the response as bytes; "malformed" naming the field otherwise. */
export function fieldBytes(value: string, name: string): Uint8Array {
  try {
    return decodeBase64Url(value);
  } catch {
    throw new WebAuthnError("malformed", `${name} is not base64url`);
  }
}

/** Checks client data against the ceremony, our origin and the issued challenge. */
export function checkCeremonyClientData({ clientDataJSON, type, rp, challenge }: { clientDataJSON: Uint8Array; type: CeremonyType; rp: RelyingParty; challenge: string }): void {
  const data = checkClientData({ clientDataJSON, type, origin: rp.origin });
  if (!sameChallenge(data.challenge, challenge)) throw new WebAuthnError("bad_challenge", "This passkey response answers another challenge.");
}

/** The authenticator data is for our rpId, and the person was present and verified. */
export function checkRpAndUser({ data, rp }: { data: AuthenticatorData; rp: RelyingParty }): void {
  if (!equalBytes(data.rpIdHash, sha256(encodeUtf8(rp.id)))) throw new WebAuthnError("bad_rp_id", "This passkey belongs to another site.");
  if (!data.flags.userPresent) throw new WebAuthnError("no_user_presence", "The authenticator did not confirm you were present.");
  if (!data.flags.userVerified) {
    throw new WebAuthnError("no_user_verification", "The authenticator did not verify you (a fingerprint, face or PIN): a passkey that opens your vault must.");
  }
}
