import "server-only";
import { encodeBase64Url } from "../crypto/encoding";
import { randomBytes } from "../crypto/random";
import type { Db } from "../db/client";
import type { WebAuthnChallengePurpose } from "../db/schema";
import { consumeWebAuthnChallenge, insertWebAuthnChallenge } from "../db/webauthn-challenge-queries";
import { checkClientData, type CeremonyType } from "../webauthn/client-data";
import { fieldBytes } from "../webauthn/ceremony-checks";
import type { RelyingParty } from "../webauthn/relying-party";
import { staleChallenge, toPasskeyError } from "./passkey-errors";

// The server side of WebAuthn challenges: 32 random bytes, stored for one purpose (and account),
// five minutes, burnt by the first response that names them, whatever happens next.

export const CHALLENGE_TTL_MS = 5 * 60_000;
/** How long the browser waits for the person (WebAuthn `timeout`), within the challenge's life. */
export const CEREMONY_TIMEOUT_MS = 2 * 60_000;

export async function issueChallenge({ db, purpose, userId, now = Date.now() }: { db: Db; purpose: WebAuthnChallengePurpose; userId: string | null; now?: number }): Promise<{ challenge: string; expiresAt: number }> {
  const challenge = encodeBase64Url(randomBytes(32));
  const expiresAt = now + CHALLENGE_TTL_MS;
  await insertWebAuthnChallenge({ db, challenge, purpose, userId, expiresAt, now });
  return { challenge, expiresAt };
}

/**
 * Reads the challenge a response answers (after checking its client data's type and origin) and
 * burns it: refused unless it is live and was issued for this purpose and account.
 */
export async function burnChallenge({ db, clientDataJSON, type, rp, purpose, userId, now = Date.now() }: { db: Db; clientDataJSON: string; type: CeremonyType; rp: RelyingParty; purpose: WebAuthnChallengePurpose; userId: string | null; now?: number }): Promise<string> {
  let challenge: string;
  try {
    challenge = checkClientData({ clientDataJSON: fieldBytes(clientDataJSON, "clientDataJSON"), type, origin: rp.origin }).challenge;
  } catch (error) {
    throw toPasskeyError(error);
  }
  if (!(await consumeWebAuthnChallenge({ db, challenge, purpose, userId, now }))) throw staleChallenge();
  return challenge;
}
