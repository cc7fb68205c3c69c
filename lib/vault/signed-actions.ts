import type { JsonValue } from "../crypto/canonical-json";

// The requests that need proof of an unlocked vault (security model v1.1): everything that
// loosens a limit or replaces vault material. A session cookie alone still restricts (pause,
// revoke, lower a cap). Each action names exactly what it signs, built the same way in the
// browser (before sending) and on the server (from the parsed request): the request body without
// its `proof`, plus the path's ids.

export const SIGNED_ACTIONS = {
  /** PUT /api/account: raise or remove the account-wide monthly cap. */
  setAccountCap: "account.cap.set",
  /** POST /api/connections/:id/resume. */
  resumeConnection: "connection.resume",
  /** POST /api/connections/:id/policy: new limits (also MACed with the connection's key). */
  setConnectionPolicy: "connection.policy.set",
  /** PUT /api/vault: password change or parameter upgrade (VK re-wrapped). */
  rewrapVault: "vault.rewrap",
  /** PATCH /api/vault: vault key rotation (signed with the old key; installs the new public key; re-wraps the kept passkeys). */
  rotateVault: "vault.rotate",
  /** PUT /api/vault/items/:id with a replaced key. */
  replaceItemKey: "vault.item.replace",
  /** POST /api/passkeys: a new passkey, with VK wrapped under its PRF-derived key (a new wrapping of VK). */
  addPasskey: "vault.passkey.add",
} as const;

export type SignedAction = (typeof SIGNED_ACTIONS)[keyof typeof SIGNED_ACTIONS];

/** What a request signs: its body without `proof` (absent fields left out), with the path's ids. */
export function signedParams({ body, ids = {} }: { body: object; ids?: Record<string, string> }): JsonValue {
  const params: Record<string, JsonValue> = { ...ids };
  for (const [name, value] of Object.entries(body)) if (name !== "proof" && value !== undefined) params[name] = value as JsonValue;
  return params;
}
