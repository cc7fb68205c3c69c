// Typed view of the D1 schema (lib/db/migrations). Keep in step with the SQL.
import type { Generated } from "kysely";
import type { ProviderId } from "../providers/registry/provider-ids";

export interface UsersTable {
  id: string;
  email: string;
  email_verified: number | null;
  name: string | null;
  image: string | null;
  created_at: number;
  /** When the account's first vault was created (migration 0017): set once, never cleared. */
  vault_first_created_at?: number | null;
}

export interface AccountsTable {
  user_id: string;
  type: string;
  provider: string;
  provider_account_id: string;
  refresh_token: string | null;
  access_token: string | null;
  expires_at: number | null;
  token_type: string | null;
  scope: string | null;
  id_token: string | null;
  session_state: string | null;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  expires: number;
  created_at: number;
  /** Migration 0013: the browser's User-Agent, the client address and place at sign-in. */
  user_agent: string | null;
  created_ip: string | null;
  created_place: string | null;
}

export interface VerificationTokensTable {
  identifier: string;
  token: string;
  expires: number;
  attempts: Generated<number>;
}

export interface RateLimitsTable {
  key: string;
  window_start: number;
  count: number;
}

export interface DevMailboxTable {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  created_at: number;
}

export interface VaultsTable {
  user_id: string;
  salt: string;
  kdf_params: string;
  wrapped_vault_key: string;
  version: number;
  created_at: number;
  updated_at: number;
  /** VSK's Ed25519 public key (base64url); null for a vault made before v1.1 until it is confirmed. */
  signing_public_key: string | null;
}

export interface VaultItemsTable {
  id: string;
  user_id: string;
  provider: ProviderId;
  label: string;
  sealed_key: string;
  key_version: number;
  version: number;
  created_at: number;
  updated_at: number;
  key_status: "ok" | "rejected" | null;
  key_checked_at: number | null;
}

export interface ConnectionsTable {
  id: string;
  user_id: string;
  kind: "token" | "app";
  name: string;
  client_id: string | null;
  verifier: string;
  ck_vault: string | null;
  ck_server: string | null;
  sk_id: string | null;
  policy: string;
  policy_tag: string;
  /** Display hint derived from the connection id (lib/crypto/token-hint.ts); '' for rows made before. */
  token_hint: string;
  status: "active" | "paused" | "revoked";
  version: number;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
  is_key_test: number;
  /** Migration 0013: how it was made (ConnectionSummary.createdVia); null before. */
  created_via: string | null;
}

export interface ConnectionGrantsTable {
  connection_id: string;
  provider: ProviderId;
  item_id: string;
  item_key_version: number;
  sealed_key: string;
}

export interface UsageRecordsTable {
  id: string;
  user_id: string;
  connection_id: string;
  provider: string;
  model: string;
  status: number;
  error_code: string | null;
  input_tokens: number;
  output_tokens: number;
  cached_tokens: number;
  cost_micro_usd: number;
  latency_ms: number;
  streamed: number;
  /** Which API the request used (GatewayApi; migration 0011, "chat" before it). */
  api: string;
  created_at: number;
}

export interface AppsTable {
  client_id: string;
  owner_id: string;
  name: string;
  homepage: string;
  description: string;
  redirect_uris: string;
  logo_type: string | null;
  logo_data: string | null;
  logo_version: Generated<number>;
  secret_hash: string | null;
  secret_hint: string | null;
  secret_created_at: number | null;
  created_at: number;
  updated_at: number;
  /** Migration 0013: when the operator verified the app (null: unverified; cleared when its details change). */
  verified_at: number | null;
  /** Migration 0016: JSON array of the web origins its pages run on (decision 022). */
  origins: Generated<string>;
}

export interface AuthorizationRequestsTable {
  id: string;
  client_id: string;
  redirect_uri: string;
  state: string;
  code_challenge: string;
  scope: string;
  app_key: string;
  suggested: string;
  display: "page" | "popup";
  status: "pending" | "approved" | "denied" | "exchanged";
  user_id: string | null;
  connection_id: string | null;
  connection_body: string | null;
  granted_scope: string | null;
  sealed_secret: string | null;
  code_hash: string | null;
  code_expires_at: number | null;
  created_at: number;
  expires_at: number;
}

/** Device authorization (RFC 8628, decision 021): migration 0015. */
export interface DeviceAuthorizationsTable {
  id: string;
  client_id: string;
  device_code_hash: string;
  user_code_hash: string;
  code_challenge: string;
  scope: string;
  program_key: string;
  suggested: string;
  device_name: string | null;
  requester_ip: string | null;
  requester_location: string | null;
  requester_agent: string | null;
  status: "pending" | "approved" | "denied" | "exchanged";
  interval_seconds: number;
  last_polled_at: number;
  user_id: string | null;
  connection_id: string | null;
  connection_body: string | null;
  granted_scope: string | null;
  sealed_secret: string | null;
  created_at: number;
  expires_at: number;
}

export interface AuditEventsTable {
  id: string;
  user_id: string;
  kind: string;
  detail: string;
  created_at: number;
}

export interface VaultNoncesTable {
  nonce: string;
  user_id: string;
  expires_at: number;
}

export type EmailConfirmationPurpose = "vault_signing_key" | "vault_reset" | "account_delete";

export interface EmailConfirmationsTable {
  user_id: string;
  purpose: EmailConfirmationPurpose;
  code_hash: string;
  expires_at: number;
  attempts: Generated<number>;
}

/** A passkey (security model v1.1): signs in, and unlocks through VK wrapped under its PRF-derived key. */
export interface PasskeysTable {
  credential_id: string;
  user_id: string;
  name: string;
  /** The credential's COSE_Key, base64url. */
  public_key: string;
  sign_count: Generated<number>;
  /** 32 random bytes, base64url: the PRF input for this credential. */
  prf_salt: string;
  /** Envelope v1 of VK under PRK = HKDF(prf, credentialId, "1relay/v1/passkey"). */
  wrapped_vault_key: string;
  created_at: number;
  last_used_at: number | null;
}

export type WebAuthnChallengePurpose = "register" | "unlock" | "sign_in";

export interface WebAuthnChallengesTable {
  challenge: string;
  purpose: WebAuthnChallengePurpose;
  /** The account it was issued to; null for sign-in. */
  user_id: string | null;
  expires_at: number;
}

export interface Database {
  passkeys: PasskeysTable;
  webauthn_challenges: WebAuthnChallengesTable;
  vault_nonces: VaultNoncesTable;
  email_confirmations: EmailConfirmationsTable;
  audit_events: AuditEventsTable;
  apps: AppsTable;
  authorization_requests: AuthorizationRequestsTable;
  device_authorizations: DeviceAuthorizationsTable;
  users: UsersTable;
  accounts: AccountsTable;
  sessions: SessionsTable;
  verification_tokens: VerificationTokensTable;
  rate_limits: RateLimitsTable;
  dev_mailbox: DevMailboxTable;
  vaults: VaultsTable;
  vault_items: VaultItemsTable;
  connections: ConnectionsTable;
  connection_grants: ConnectionGrantsTable;
  usage_records: UsageRecordsTable;
}
