import { callJson } from "../http/client-json";
import type { VaultProof } from "../vault/wire";
import type { AddPasskeyBody, AssertionOptions, AssertionResponseWire, PasskeyRecord, RegistrationOptions } from "./wire";

// The browser's calls to the passkey routes. Bodies carry WebAuthn responses and envelopes only:
// never a PRF output, a wrapping key or the vault key.

export const passkeyApi = {
  list: () => callJson<{ passkeys: PasskeyRecord[] }>("/api/passkeys"),
  registrationOptions: () => callJson<RegistrationOptions>("/api/passkeys/challenge", { method: "POST", body: { purpose: "register" } }),
  unlockOptions: () => callJson<AssertionOptions>("/api/passkeys/challenge", { method: "POST", body: { purpose: "unlock" } }),
  add: (body: Omit<AddPasskeyBody, "proof"> & { proof: VaultProof }) => callJson<PasskeyRecord>("/api/passkeys", { method: "POST", body }),
  remove: (credentialId: string) => callJson<void>(`/api/passkeys/${encodeURIComponent(credentialId)}`, { method: "DELETE" }),
  unlocked: (credential: AssertionResponseWire) => callJson<{ lastUsedAt: number }>("/api/passkeys/unlocked", { method: "POST", body: { credential } }),
  signInOptions: () => callJson<AssertionOptions>("/api/passkeys/sign-in/challenge", { method: "POST" }),
  signIn: (body: { credential: AssertionResponseWire; callbackUrl: string }) => callJson<{ next: string }>("/api/passkeys/sign-in", { method: "POST", body }),
};
