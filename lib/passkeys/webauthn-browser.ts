// The browser's two WebAuthn calls (navigator.credentials.create / get, WebAuthn L3 §5.1.3 and
// §5.1.4) with the PRF extension (§10.1.4), turned into our wire format (base64url) and the raw
// PRF output, which never leaves this page. Browser only; no secret is logged.
import { decodeBase64Url, encodeBase64Url } from "../crypto/encoding";
import { PRF_OUTPUT_BYTES } from "../crypto/passkey-key";
import { ACCEPTED_ALGORITHMS } from "../webauthn/cose-key";
import type { AssertionResponseWire, RegistrationOptions } from "./wire";

/** How long the browser waits for the person (within the server challenge's five minutes). */
const TIMEOUT_MS = 120_000;

const buffer = (b64url: string) => new Uint8Array(decodeBase64Url(b64url));
const b64 = (data: ArrayBuffer) => encodeBase64Url(new Uint8Array(data));

export function passkeysSupported(): boolean {
  return typeof window !== "undefined" && typeof window.PublicKeyCredential === "function" && typeof navigator.credentials?.create === "function";
}

/**
 * The PRF output, copied out of the extension results (32 bytes) and wiped there, or null if the
 * authenticator gave none. Read once per credential: a second read finds zeros.
 */
function prfOutputOf(credential: PublicKeyCredential): Uint8Array | null {
  const first = credential.getClientExtensionResults().prf?.results?.first;
  if (!first) return null;
  const source = first instanceof ArrayBuffer ? new Uint8Array(first) : new Uint8Array(first.buffer, first.byteOffset, first.byteLength);
  const out = source.slice();
  source.fill(0);
  return out.length === PRF_OUTPUT_BYTES && out.some((b) => b !== 0) ? out : null;
}

export interface CreatedPasskey {
  response: { id: string; clientDataJSON: string; attestationObject: string };
  /** The authenticator supports PRF (even if it could not evaluate it while creating). */
  prfEnabled: boolean;
  prfOutput: Uint8Array | null;
}

/** Creates a discoverable, user-verifying passkey, asking its PRF for `prfSalt` at once where it can. */
export async function createPasskey({ options, prfSalt }: { options: RegistrationOptions; prfSalt: Uint8Array }): Promise<CreatedPasskey> {
  const credential = (await navigator.credentials.create({
    publicKey: {
      challenge: buffer(options.challenge),
      rp: options.rp,
      user: { id: buffer(options.user.id), name: options.user.name, displayName: options.user.displayName },
      pubKeyCredParams: ACCEPTED_ALGORITHMS.map((alg) => ({ type: "public-key" as const, alg })),
      authenticatorSelection: { residentKey: "required", requireResidentKey: true, userVerification: "required" },
      attestation: "none",
      excludeCredentials: options.excludeCredentials.map((id) => ({ type: "public-key" as const, id: buffer(id) })),
      timeout: TIMEOUT_MS,
      extensions: { prf: { eval: { first: new Uint8Array(prfSalt) } } },
    },
  })) as PublicKeyCredential | null;
  if (!credential) throw new DOMException("No passkey was created.", "NotAllowedError");
  const response = credential.response as AuthenticatorAttestationResponse;
  const prfOutput = prfOutputOf(credential);
  return {
    response: { id: credential.id, clientDataJSON: b64(response.clientDataJSON), attestationObject: b64(response.attestationObject) },
    prfEnabled: credential.getClientExtensionResults().prf?.enabled === true || prfOutput !== null,
    prfOutput,
  };
}

export interface PasskeyAssertion {
  response: AssertionResponseWire;
  prfOutput: Uint8Array | null;
}

/**
 * Asks for an assertion over the server's challenge. With `allow`, only those passkeys, each
 * evaluating its PRF with its own salt (unlock: one touch gives the signature and the key); without,
 * any discoverable passkey of ours (sign-in), no PRF.
 */
export async function getPasskeyAssertion({ challenge, rpId, allow }: { challenge: string; rpId: string; allow?: { credentialId: string; prfSalt: string }[] }): Promise<PasskeyAssertion> {
  const credential = (await navigator.credentials.get({
    publicKey: {
      challenge: buffer(challenge),
      rpId,
      userVerification: "required",
      timeout: TIMEOUT_MS,
      ...(allow
        ? {
            allowCredentials: allow.map((p) => ({ type: "public-key" as const, id: buffer(p.credentialId) })),
            extensions: { prf: { evalByCredential: Object.fromEntries(allow.map((p) => [p.credentialId, { first: buffer(p.prfSalt) }])) } },
          }
        : {}),
    },
  })) as PublicKeyCredential | null;
  if (!credential) throw new DOMException("No passkey was used.", "NotAllowedError");
  const response = credential.response as AuthenticatorAssertionResponse;
  return {
    response: {
      id: credential.id,
      clientDataJSON: b64(response.clientDataJSON),
      authenticatorData: b64(response.authenticatorData),
      signature: b64(response.signature),
      userHandle: response.userHandle ? b64(response.userHandle) : null,
    },
    prfOutput: prfOutputOf(credential),
  };
}

/** Tells the browser's passkey manager that a credential is gone here (where the browser can: Signal API). */
export function forgetPasskey({ rpId, credentialId }: { rpId: string; credentialId: string }): void {
  const signal = (PublicKeyCredential as unknown as { signalUnknownCredential?: (o: { rpId: string; credentialId: string }) => Promise<void> }).signalUnknownCredential;
  void signal?.call(PublicKeyCredential, { rpId, credentialId }).catch(() => {});
}

/** A message for what navigator.credentials threw (the person cancelled, or nothing matched). */
export function describeWebAuthnFailure(error: unknown): string | null {
  if (!(error instanceof DOMException)) return null;
  if (error.name === "NotAllowedError" || error.name === "AbortError") return "The passkey request was cancelled or timed out. Try again, or use your master password.";
  if (error.name === "InvalidStateError") return "This authenticator already holds a passkey for your account.";
  if (error.name === "NotSupportedError") return "This browser or authenticator cannot make a passkey here.";
  if (error.name === "SecurityError") return "Passkeys only work on this site's own address.";
  return null;
}
