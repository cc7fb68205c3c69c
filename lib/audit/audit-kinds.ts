// The security events a person sees in Settings → Activity. Data, not prose: the page words them.
// Details hold labels, names and providers only — never a key, token, secret or prompt.

export const AUDIT_KINDS = {
  sign_in: "Signed in",
  vault_created: "Vault created",
  vault_password_changed: "Master password changed",
  vault_reset: "Vault reset (forgotten master password)",
  vault_key_rotated: "Vault key rotated",
  key_added: "Key added",
  key_replaced: "Key replaced",
  key_deleted: "Key deleted",
  connection_created: "Token created",
  app_connected: "App connected",
  connection_revoked: "Connection revoked",
  connections_revoked_all: "Everything revoked",
  sessions_signed_out: "Signed out everywhere",
  vault_signing_key_installed: "Vault confirmed for signed changes",
  account_cap_changed: "Account-wide cap changed",
  connection_resumed: "Connection resumed",
  passkey_added: "Passkey added",
  passkey_removed: "Passkey removed",
  passkey_sign_in: "Signed in with a passkey",
  passkey_refused: "Passkey refused (its signature counter went back: a copied authenticator or a replay)",
  connection_paused: "Connection paused",
  origin_refused: "Token refused on a web page it does not allow",
} as const;

export type AuditKind = keyof typeof AUDIT_KINDS;

export type AuditDetail = Record<string, string | number | boolean | null>;

export interface AuditEvent {
  id: string;
  kind: AuditKind;
  title: string;
  detail: AuditDetail;
  at: number;
}

const passkeysText = (n: number) => `${n} passkey${n === 1 ? "" : "s"}`;

/** Rotation and reset say what happened to the passkeys: re-wrapped, or removed with the old vault key. */
function describePasskeyCounts({ kind, detail: d }: { kind: AuditKind; detail: AuditDetail }): string {
  if (kind === "vault_reset" && typeof d.passkeys === "number" && d.passkeys > 0) return `(${passkeysText(d.passkeys)} removed)`;
  if (kind !== "vault_key_rotated") return "";
  const parts = [];
  if (typeof d.passkeys === "number" && d.passkeys > 0) parts.push(`${passkeysText(d.passkeys)} re-wrapped`);
  if (typeof d.passkeysRemoved === "number" && d.passkeysRemoved > 0) parts.push(`${passkeysText(d.passkeysRemoved)} removed`);
  return parts.length > 0 ? `(${parts.join(", ")})` : "";
}

/** One line for a person: "Key added: OpenAI “Work key”". */
export function describeAuditEvent(event: { kind: AuditKind; detail: AuditDetail }): string {
  const d = event.detail;
  const name = typeof d.name === "string" ? `“${d.name}”` : typeof d.label === "string" ? `“${d.label}”` : "";
  const provider = typeof d.provider === "string" ? `${d.provider} ` : "";
  const count = typeof d.count === "number" ? `${d.count} connection${d.count === 1 ? "" : "s"}` : "";
  const origin = typeof d.origin === "string" ? `from ${d.origin}` : "";
  const rest = [provider + name, origin, count, describePasskeyCounts(event)].filter((s) => s.trim() !== "").join(" ");
  return rest ? `${AUDIT_KINDS[event.kind]}: ${rest.trim()}` : AUDIT_KINDS[event.kind];
}
