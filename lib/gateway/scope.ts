// The scope a verified policy gives a connection: which providers and models it may use, and
// until when. Pure; the gateway checks it after verifying the policy, and the account object
// checks the same before it reserves anything (decision 014).

export type ScopeRefusal = "provider_not_allowed" | "model_not_allowed" | "no_grant";

export interface ScopedPolicy {
  providers: readonly string[];
  models: readonly string[];
  expiresAt: number | null;
}

/** Why a call to `provider`'s `model` is out of scope, or null when it is in scope. */
export function findScopeRefusal({ policy, grants, provider, model }: { policy: ScopedPolicy; grants: readonly { provider: string }[]; provider: string; model: string }): ScopeRefusal | null {
  if (!policy.providers.includes(provider)) return "provider_not_allowed";
  if (policy.models.length > 0 && !policy.models.includes(model)) return "model_not_allowed";
  if (!grants.some((g) => g.provider === provider)) return "no_grant";
  return null;
}

export function isPolicyExpired({ policy, nowSeconds }: { policy: Pick<ScopedPolicy, "expiresAt">; nowSeconds: number }): boolean {
  return policy.expiresAt !== null && policy.expiresAt <= nowSeconds;
}
