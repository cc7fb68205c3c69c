import { z } from "zod";
import { PROVIDER_IDS, type ProviderId } from "../providers/registry/provider-ids";
import { MAX_ORIGINS, normaliseOrigin } from "../http/origins";
import { envelopeSchema, itemIdSchema, providerIdSchema, vaultProofSchema } from "../vault/wire";

// Connections on the wire between the browser and the server (zod, both sides).
// Secrets are already wrapped in the browser; K itself never appears here.

export const connectionIdSchema = z.string().regex(/^[0-9a-f]{32}$/, "must be 32 lowercase hex characters");

/** Segments of letters, digits and . _ : @ - joined by single "/" (at most four), no "..". */
const policyModelSchema = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[A-Za-z0-9._:@-]+(\/[A-Za-z0-9._:@-]+){0,4}$/)
  .refine((model) => !model.includes(".."), 'must not contain ".."');

/** The bounds of a policy's limits (the forms and the server check the same). */
export const POLICY_LIMITS = { maxBudgetUsd: 1_000_000, maxRpm: 100_000, maxModels: 50 } as const;

const policyV1Fields = {
  providers: z.array(providerIdSchema).min(1).max(PROVIDER_IDS.length),
  /** Upstream model ids (the provider's own, which may hold "/": "meta-llama/llama-4-scout-17b-16e-instruct"). */
  models: z.array(policyModelSchema).max(POLICY_LIMITS.maxModels),
  budgetUsd: z.number().min(0).max(POLICY_LIMITS.maxBudgetUsd).nullable(),
  rpm: z.number().int().min(1).max(POLICY_LIMITS.maxRpm).nullable(),
  expiresAt: z.number().int().positive().nullable(),
};

/** A policy's web origins (decision 022): each in its normal form, no repeats, at most MAX_ORIGINS. */
export const policyOriginsSchema = z
  .array(z.string())
  .max(MAX_ORIGINS, `List at most ${MAX_ORIGINS} web origins.`)
  .superRefine((origins, ctx) => {
    origins.forEach((origin, index) => {
      const check = normaliseOrigin(origin);
      if (!check.ok) ctx.addIssue({ code: "custom", path: [index], message: check.message });
      else if (check.origin !== origin) ctx.addIssue({ code: "custom", path: [index], message: `Write the origin in its normal form: ${check.origin}` });
      else if (origins.indexOf(origin) !== index) ctx.addIssue({ code: "custom", path: [index], message: `Origin ${index + 1} is listed twice.` });
    });
  });

/**
 * The signed policy (lib/crypto/policy.ts): v1; v2 with `fitOutput` ("fit output to budget",
 * contract v1.1 "Policy fields", decision 019); v3 with `origins`, the web origins a browser page
 * may use the token from (decision 022). New policies are v3; v1 and v2 policies keep working
 * (they list no origin: a request carrying a foreign `Origin` is refused).
 */
export const policySchema = z.discriminatedUnion("v", [
  z.strictObject({ v: z.literal(1), ...policyV1Fields }),
  z.strictObject({ v: z.literal(2), ...policyV1Fields, fitOutput: z.boolean() }),
  z.strictObject({ v: z.literal(3), ...policyV1Fields, fitOutput: z.boolean(), origins: policyOriginsSchema }),
]);
export type ConnectionPolicy = z.infer<typeof policySchema>;
export type PolicyV1 = Extract<ConnectionPolicy, { v: 1 }>;
export type PolicyV2 = Extract<ConnectionPolicy, { v: 2 }>;
export type PolicyV3 = Extract<ConnectionPolicy, { v: 3 }>;

/** The web origins a policy allows (none before v3). */
export function policyOriginsOf(policy: { v: number; origins?: readonly string[] }): string[] {
  return policy.v === 3 && policy.origins ? [...policy.origins] : [];
}

/** Whether the policy fits output to the budget (v2 and later). */
export const policyFitsOutput = (policy: ConnectionPolicy): boolean => policy.v !== 1 && policy.fitOutput;

/** What a person sets on a connection (every policy field but its version and providers). */
export interface PolicyLimits {
  models: string[];
  budgetUsd: number | null;
  rpm: number | null;
  expiresAt: number | null;
  /** Lower a request's output limit to what the budget affords rather than refuse it (policy v2). */
  fitOutput: boolean;
  /** Web origins a browser page may use the token from, in normal form (policy v3; [] = none). */
  origins: string[];
}

/** A policy's limits, whatever its version (a v1 policy never fits output; before v3 none lists an origin). */
export function policyLimitsOf(policy: ConnectionPolicy): PolicyLimits {
  return { models: [...policy.models], budgetUsd: policy.budgetUsd, rpm: policy.rpm, expiresAt: policy.expiresAt, fitOutput: policyFitsOutput(policy), origins: policyOriginsOf(policy) };
}

/** A new policy (always the newest version) for these providers and limits. */
export function buildPolicy({ providers, limits }: { providers: readonly ProviderId[]; limits: PolicyLimits }): ConnectionPolicy {
  return { v: 3, providers: [...providers], models: [...limits.models], budgetUsd: limits.budgetUsd, rpm: limits.rpm, expiresAt: limits.expiresAt, fitOutput: limits.fitOutput, origins: [...limits.origins] };
}

export const grantSchema = z.strictObject({
  provider: providerIdSchema,
  itemId: itemIdSchema,
  itemKeyVersion: z.number().int().min(1),
  sealedKey: envelopeSchema,
});

export const createTokenSchema = z
  .strictObject({
    id: connectionIdSchema,
    name: z.string().trim().min(1, "Give the token a name.").max(80),
    verifier: z.string().regex(/^[0-9a-f]{64}$/),
    ckVault: envelopeSchema,
    ckToken: envelopeSchema,
    policy: policySchema,
    policyTag: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    /** Ignored: the server derives the hint from the connection id (lib/crypto/token-hint.ts). */
    tokenHint: z.string().regex(/^[0-9A-Za-z]{4,8}$/),
    grants: z.array(grantSchema).min(1).max(PROVIDER_IDS.length),
    /** A temporary connection made by a vault key's Test button: never listed, revoked after the test; its usage shows as "Key tests". */
    keyTest: z.boolean().optional(),
  })
  .refine((b) => new Set(b.grants.map((g) => g.provider)).size === b.grants.length, { message: "one key per provider", path: ["grants"] })
  .refine((b) => b.grants.every((g) => b.policy.providers.includes(g.provider)) && b.policy.providers.every((p) => b.grants.some((g) => g.provider === p)), {
    message: "the policy's providers must be exactly the granted ones",
    path: ["policy", "providers"],
  });
export type CreateTokenBody = z.infer<typeof createTokenSchema>;

export const CREATED_VIA = ["dashboard", "consent-page", "consent-popup", "device"] as const;
export type CreatedVia = (typeof CREATED_VIA)[number];

export interface ConnectionSummary {
  id: string;
  kind: "token" | "app";
  name: string;
  /** How the token starts after `1r_`, from the connection id (never the token's tail, a CRC of K). */
  tokenHint: string;
  status: "active" | "paused" | "revoked";
  policy: ConnectionPolicy;
  providers: string[];
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
  /** CK under the vault key, for the owner's browser to re-sign the policy (null once revoked). */
  ckVault: string | null;
  version: number;
  /** The app's client id, for app connections. */
  clientId: string | null;
  /** Which vault item (and key version) each granted provider key came from. */
  grantItems: { provider: string; itemId: string; itemKeyVersion: number }[];
  /** For app connections whose app has a logo (served from /connect/logo). */
  appLogo?: { clientId: string; version: number };
  /** How it was made: the dashboard's token form, or an app through the consent page or its popup (null: before this was recorded). */
  createdVia: CreatedVia | null;
  /** This month's spend from the account's Durable Object (added by the list endpoint). */
  spend?: { spentMicroUsd: number; reservedMicroUsd: number; requests: number };
}

/** A new policy for an existing connection, signed in the browser with the connection's PK. */
export const updatePolicySchema = z.strictObject({
  policy: policySchema,
  policyTag: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  version: z.number().int().min(1),
  /** The vault signing key's proof (lib/vault/signed-actions.ts, "connection.policy.set"). */
  proof: vaultProofSchema.optional(),
});

/** Resuming a paused connection loosens it: the vault signing key's proof ("connection.resume"). */
export const resumeSchema = z.strictObject({ proof: vaultProofSchema.optional() });
export type UpdatePolicyBody = z.infer<typeof updatePolicySchema>;

export const connectionActionSchema = z.enum(["revoke", "pause", "resume", "policy"]);
