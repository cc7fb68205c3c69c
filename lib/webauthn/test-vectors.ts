// The WebAuthn vectors the tests check against: made by Python (tests/vectors/generate_passkey_vectors.py)
// and captured from Chromium's virtual authenticator (tests/vectors/capture-chromium-webauthn.mjs).
import chromiumFile from "../../tests/vectors/chromium_webauthn_vectors.json";
import passkeyFile from "../../tests/vectors/passkey_vectors.json";
import type { AssertionResponse } from "./verify-assertion";
import type { RegistrationResponse } from "./verify-registration";
import type { WebAuthnErrorCode } from "./webauthn-error";

export interface RegistrationVector {
  name: string;
  alg: number;
  rpId: string;
  origin: string;
  challenge: string;
  response: RegistrationResponse;
  publicKey: string;
}

export interface AssertionVector {
  name: string;
  alg: number;
  rpId: string;
  origin: string;
  challenge: string;
  publicKey: string;
  userId: string;
  response: AssertionResponse;
  signCount: number;
  refuse: WebAuthnErrorCode | null;
}

export interface ChromiumVector {
  alg: number;
  userId: string;
  rpId: string;
  origin: string;
  registration: { challenge: string; response: RegistrationResponse };
  assertion: { challenge: string; response: AssertionResponse };
}

export const pythonVectors = passkeyFile as unknown as { registrations: RegistrationVector[]; assertions: AssertionVector[] };
export const chromiumVectors = (chromiumFile as unknown as { vectors: ChromiumVector[] }).vectors;

export const rpOf = (v: { rpId: string; origin: string }) => ({ id: v.rpId, origin: v.origin, name: "1Relay" });

/** The error code `run` throws, or null. */
export function refusal(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}
