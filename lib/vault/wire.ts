import { z } from "zod";
import { ARGON2_PARAM_BOUNDS } from "../crypto/kdf";
import { PROVIDER_IDS } from "../providers/registry/provider-ids";

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

export const createVaultSchema = z.strictObject({ salt: saltSchema, kdfParams: kdfParamsSchema, wrappedVaultKey: envelopeSchema });
export const rewrapVaultSchema = createVaultSchema.extend({ expectedVersion: versionSchema });

/** Rotate the vault key: a new VK wrapped under the password, every item and every connection's CK re-sealed under it. */
export const rotateVaultSchema = rewrapVaultSchema.extend({
  items: z.array(z.strictObject({ id: itemIdSchema, sealedKey: envelopeSchema, expectedVersion: versionSchema })).max(500),
  connections: z.array(z.strictObject({ id: z.string().regex(/^[0-9a-f]{32}$/), ckVault: envelopeSchema })).max(1000),
});

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
}
