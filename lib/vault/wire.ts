import { z } from "zod";
import { ARGON2_PARAM_BOUNDS } from "../crypto/kdf";
import { PROVIDER_IDS } from "../providers/registry/provider-ids";
import { MAX_PASSKEYS } from "../passkeys/limits";

// The vault's wire format between browser and server (zod, used on both sides).
// Everything secret is already sealed in the browser: these are envelopes and metadata.

/** The provider registry's one list of ids (lib/providers/registry/provider-ids.ts). */
export const providerIds = PROVIDER_IDS;
export const providerIdSchema = z.enum(PROVIDER_IDS);
export type ProviderId = z.infer<typeof providerIdSchema>;

/** `v1.<12-byte nonce b64url>.<ciphertext‖tag b64url>`, bounded in size. */
export const envelopeSchema = z
  .string()
  .max(4096, "envelope is too large")
  .regex(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22,}$/, "must be an envelope v1.<nonce>.<ciphertext>");

export const saltSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, "must be 16 bytes in base64url");

const { m, t, p } = ARGON2_PARAM_BOUNDS;
export const kdfParamsSchema = z.object({
  m: z.number().int().min(m.min).max(m.max),
  t: z.number().int().min(t.min).max(t.max),
  p: z.number().int().min(p.min).max(p.max),
});

export const itemIdSchema = z.string().regex(/^[0-9a-f]{32}$/, "must be 32 lowercase hex characters");
export const labelSchema = z.string().trim().min(1, "Give the key a label.").max(80, "Keep the label under 80 characters.");
export const versionSchema = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

/** A WebAuthn credential id: unpadded base64url of 16–1023 bytes (lib/crypto/passkey-key.ts). */
export const credentialIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22,1364}$/, "must be a credential id (base64url)");

/** VSK's Ed25519 public key (security model v1.1), 32 bytes in base64url. */
export const signingPublicKeySchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "must be an Ed25519 public key (32 bytes, base64url)");

/**
 * Proof that the vault is unlocked in the browser that sends a request (security model v1.1):
 * a single-use server nonce (POST /api/vault/nonce) and the vault signing key's Ed25519 signature
 * over canonical JSON {action, accountId, params, nonce} (lib/vault/signed-actions.ts).
 */
export const vaultProofSchema = z.strictObject({
  nonce: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "must be a nonce from POST /api/vault/nonce"),
  signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/, "must be an Ed25519 signature (64 bytes, base64url)"),
});
export type VaultProof = z.infer<typeof vaultProofSchema>;

const wrappedVaultShape = { salt: saltSchema, kdfParams: kdfParamsSchema, wrappedVaultKey: envelopeSchema };

/** A new vault registers its signing public key with it. */
export const createVaultSchema = z.strictObject({ ...wrappedVaultShape, signingPublicKey: signingPublicKeySchema });

/**
 * Forgotten master password (decision 024): the new vault (as createVaultSchema) with the fresh
 * emailed code, in one request, so the account is never without a vault a session could create.
 */
export const resetVaultSchema = createVaultSchema.extend({ emailCode: z.string().max(20), revokeConnections: z.boolean() });

/** Password change or parameter upgrade: VK re-wrapped (signed: it replaces vault material). */
export const rewrapVaultSchema = z.strictObject({ ...wrappedVaultShape, expectedVersion: versionSchema, proof: vaultProofSchema.optional() });

/**
 * Rotate the vault key: a new VK wrapped under the password, every item and every connection's CK
 * re-sealed under it, and the new VK's signing public key; signed with the old one.
 */
export const rotateVaultSchema = z.strictObject({
  ...wrappedVaultShape,
  expectedVersion: versionSchema,
  signingPublicKey: signingPublicKeySchema,
  items: z.array(z.strictObject({ id: itemIdSchema, sealedKey: envelopeSchema, expectedVersion: versionSchema })).max(500),
  connections: z.array(z.strictObject({ id: z.string().regex(/^[0-9a-f]{32}$/), ckVault: envelopeSchema })).max(1000),
  /** The new VK wrapped for each passkey kept (lib/passkeys); every other passkey is removed. Absent: none kept. */
  passkeys: z.array(z.strictObject({ credentialId: credentialIdSchema, wrappedVaultKey: envelopeSchema })).max(MAX_PASSKEYS).optional(),
  proof: vaultProofSchema.optional(),
});

/** An existing vault (made before v1.1) registers its signing key, confirmed with a fresh emailed code. */
export const installSigningKeySchema = z.strictObject({ signingPublicKey: signingPublicKeySchema, emailCode: z.string().max(20) });

export const addItemSchema = z.strictObject({
  id: itemIdSchema,
  provider: providerIdSchema,
  label: labelSchema,
  sealedKey: envelopeSchema,
});

/** A replaced key re-sealed under one connection's CK (the browser opened CK with the vault key). */
export const regrantSchema = z.strictObject({ connectionId: z.string().regex(/^[0-9a-f]{32}$/), sealedKey: envelopeSchema });

export const updateItemSchema = z
  .strictObject({
    label: labelSchema.optional(),
    sealedKey: envelopeSchema.optional(),
    keyVersion: versionSchema.optional(),
    expectedVersion: versionSchema,
    /** With a replaced key: the new key for every live connection that uses this item, in the same update. */
    grants: z.array(regrantSchema).max(1000).optional(),
    /** Required with a replaced key (it replaces vault material): see vaultProofSchema. */
    proof: vaultProofSchema.optional(),
  })
  .refine((u) => (u.sealedKey === undefined) === (u.keyVersion === undefined), {
    message: "sealedKey and keyVersion go together",
    path: ["keyVersion"],
  })
  .refine((u) => u.label !== undefined || u.sealedKey !== undefined, { message: "nothing to change" });

export interface VaultRecord {
  salt: string;
  kdfParams: { m: number; t: number; p: number };
  wrappedVaultKey: string;
  /** VSK's public key; null for a vault made before v1.1 until it is confirmed with an emailed code. */
  signingPublicKey: string | null;
  version: number;
  createdAt: number;
  updatedAt: number;
}

export interface VaultItemRecord {
  id: string;
  provider: ProviderId;
  label: string;
  sealedKey: string;
  keyVersion: number;
  version: number;
  createdAt: number;
  updatedAt: number;
  /** What the provider last said about this key when the gateway used it. */
  keyStatus: "ok" | "rejected" | null;
  keyCheckedAt: number | null;
}

export interface VaultState {
  userId: string;
  vault: VaultRecord | null;
  items: VaultItemRecord[];
  /**
   * The account had a vault before (decision 024): with none now (reset before the reset became one
   * request), a new one is made only with an emailed code (PUT /api/account/vault), never POST /api/vault.
   */
  hadVault?: boolean;
  /** GET /api/vault only: this signed-in session's tag, so open tabs share the vault key within it (lib/vault/vault-share.ts). */
  sessionTag?: string | null;
}
