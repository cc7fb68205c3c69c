/**
 * clientDataJSON (WebAuthn L3 §5.8.1), parsed as JSON and checked against what this relying party
 * expects (§7.1 steps 7–9, §7.2 steps 11–13): the ceremony's type, our exact origin, and not from
 * a cross-origin frame. The challenge is returned for the caller to match (and burn) against the
 * one it issued: sign-in only knows which challenge it is by reading it here.
 */
import { WebAuthnError } from "./webauthn-error";

export type CeremonyType = "webauthn.create" | "webauthn.get";

export interface ClientData {
  type: CeremonyType;
  challenge: string;
  origin: string;
}

const malformed = (why: string) => new WebAuthnError("malformed", `client data: ${why}`);

/** Parses clientDataJSON and checks its type and origin; returns the challenge (base64url, as sent). */
export function checkClientData({ clientDataJSON, type, origin }: { clientDataJSON: Uint8Array; type: CeremonyType; origin: string }): ClientData {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(clientDataJSON));
  } catch {
    throw malformed("not UTF-8 JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw malformed("not an object");
  const data = parsed as Record<string, unknown>;
  if (typeof data.type !== "string" || typeof data.challenge !== "string" || typeof data.origin !== "string") throw malformed("type, challenge and origin must be strings");
  if (data.type !== type) throw new WebAuthnError("bad_type", `This is a ${data.type} response, not ${type}.`);
  if (data.origin !== origin) throw new WebAuthnError("bad_origin", "This passkey response was made for another site.");
  // §5.8.1: crossOrigin true (or a topOrigin) means a frame of another origin asked for it.
  if (data.crossOrigin === true || data.topOrigin !== undefined) throw new WebAuthnError("bad_origin", "This passkey response was made inside another site's frame.");
  return { type, challenge: data.challenge, origin: data.origin };
}

/** True when the response's challenge is the issued one (both unpadded base64url; compared in constant time). */
export function sameChallenge(received: string, issued: string): boolean {
  if (received.length !== issued.length) return false;
  let diff = 0;
  for (let i = 0; i < received.length; i += 1) diff |= received.charCodeAt(i) ^ issued.charCodeAt(i);
  return diff === 0;
}
