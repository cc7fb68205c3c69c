import { z } from "zod";
import { credentialIdSchema, envelopeSchema, vaultProofSchema } from "../vault/wire";

// Passkeys on the wire between browser and server (zod, both sides). WebAuthn's binary fields
// travel as unpadded base64url; the vault key only ever as an envelope the server cannot open.

const b64url = (max: number) => z.string().max(max).regex(/^[A-Za-z0-9_-]*$/, "must be base64url");

export { credentialIdSchema };

/** A new credential, as navigator.credentials.create() returned it (WebAuthn L3 §5.2.1). */
export const registrationResponseSchema = z.strictObject({
  id: credentialIdSchema,
  clientDataJSON: b64url(4096),
  attestationObject: b64url(16384),
});

/** An assertion, as navigator.credentials.get() returned it (WebAuthn L3 §5.2.2). */
export const assertionResponseSchema = z.strictObject({
  id: credentialIdSchema,
  clientDataJSON: b64url(4096),
  authenticatorData: b64url(4096),
  signature: b64url(1024),
  userHandle: b64url(128).nullable().optional(),
});
export type AssertionResponseWire = z.infer<typeof assertionResponseSchema>;

export const passkeyNameSchema = z.string().trim().min(1, "Give the passkey a name.").max(60, "Keep the name under 60 characters.");

/** 32 random bytes per credential, base64url (the PRF input). */
export const prfSaltSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "must be 32 bytes in base64url");

/**
 * Adding a passkey installs a new wrapping of VK: signed with the vault signing key
 * (`vault.passkey.add`, over this body without `proof`), so a session cookie alone cannot add one.
 */
export const addPasskeySchema = z.strictObject({
  credential: registrationResponseSchema,
  name: passkeyNameSchema,
  prfSalt: prfSaltSchema,
  wrappedVaultKey: envelopeSchema,
  proof: vaultProofSchema.optional(),
});
export type AddPasskeyBody = z.infer<typeof addPasskeySchema>;

export const challengeRequestSchema = z.strictObject({ purpose: z.enum(["register", "unlock"]) });

export const unlockedSchema = z.strictObject({ credential: assertionResponseSchema });

export const signInSchema = z.strictObject({ credential: assertionResponseSchema, callbackUrl: z.string().max(2048).optional() });

/** What the browser needs to create a passkey (WebAuthn L3 §5.4), for this account. */
export interface RegistrationOptions {
  challenge: string;
  expiresAt: number;
  rp: { id: string; name: string };
  /** The account id as UTF-8, base64url: the credential's user handle. */
  user: { id: string; name: string; displayName: string };
  excludeCredentials: string[];
}

export interface AssertionOptions {
  challenge: string;
  expiresAt: number;
  rpId: string;
}

export interface PasskeyRecord {
  credentialId: string;
  name: string;
  prfSalt: string;
  wrappedVaultKey: string;
  createdAt: number;
  lastUsedAt: number | null;
}
