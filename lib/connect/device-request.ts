/**
 * The body of `POST /connect/device` (RFC 8628 §3.1, with the seal key and PKCE of decision 021),
 * form-encoded or JSON:
 *
 *   client_id              a registered public app, or the built-in CLI client (`1relay-cli`)
 *   scope                  optional, the v1.1 scope grammar; absent = every provider of the registry
 *   key                    the program's X25519 public key (32 bytes, base64url)
 *   code_challenge         PKCE S256 challenge; code_challenge_method=S256 (required)
 *   budget_usd, rpm        optional suggestions (the person decides)
 *   device_name            optional: where the program says it runs, shown as self-reported
 *
 * A parameter sent twice is invalid_request (RFC 6749 §3.2); client credentials are refused
 * (the device flow is for public clients: a program on someone's laptop cannot keep a secret).
 */
import { z } from "zod";
import { PROVIDER_IDS } from "../providers/registry/provider-ids";
import { authorizeQuerySchema } from "./authorize-request";
import { formatScope, parseScope, type ParsedScope } from "./scope";
import { readClient, readParams, type ParseFailure } from "./token-request";

const DEVICE_PARAMS = ["client_id", "client_secret", "scope", "key", "code_challenge", "code_challenge_method", "budget_usd", "rpm", "device_name"] as const;
/** Printable text without quotes, angle brackets or backslashes: it is shown on the approval page and stored in a connection's name. */
const DEVICE_NAME_SYNTAX = /^[\x20-\x7e]{1,60}$/;

const q = authorizeQuerySchema.shape;
const deviceSchema = z.object({
  client_id: q.client_id,
  code_challenge_method: q.code_challenge_method,
  code_challenge: q.code_challenge,
  scope: q.scope.optional(),
  key: q.key,
  budget_usd: q.budget_usd,
  rpm: q.rpm,
  device_name: z
    .string()
    .regex(DEVICE_NAME_SYNTAX, "device_name must be 1-60 printable ASCII characters")
    .refine((v) => !/["<>\\`]/.test(v), "device_name must not contain quotes, backslashes or angle brackets")
    .optional(),
});

export interface DeviceRequest {
  clientId: string;
  scope: ParsedScope;
  scopeText: string;
  codeChallenge: string;
  /** The program's X25519 public key, base64url (43 characters). */
  key: string;
  suggested: { budgetUsd?: number; rpm?: number };
  deviceName?: string;
}

export type ParseDeviceResult = { ok: true; request: DeviceRequest } | ParseFailure;

const fail = (error: ParseFailure["error"], description: string, viaHeader = false): ParseFailure => ({ ok: false, error, description, status: error === "invalid_client" && viaHeader ? 401 : 400, viaHeader });

/** Every provider the registry knows: what a program that names no scope asks for. */
export function defaultDeviceScope(): ParsedScope {
  const parsed = parseScope(PROVIDER_IDS.join(" "));
  if (!parsed.ok) throw new Error("the registry's providers do not form a scope");
  return parsed.scope;
}

export function parseDeviceRequest({ body, authorization }: { body: unknown; authorization?: string | null }): ParseDeviceResult {
  const read = readParams({ body, names: DEVICE_PARAMS });
  if (!read.ok) return read;
  const client = readClient({ params: read.value, authorization });
  if (!client.ok) return client;
  if (client.value.authMethod !== "none") {
    return fail("invalid_client", "the device flow is for public clients: send no client secret", client.value.authMethod === "client_secret_basic");
  }
  const parsed = deviceSchema.safeParse(read.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const param = String(issue.path[0]);
    return fail(param === "scope" ? "invalid_scope" : "invalid_request", issue.message);
  }
  const d = parsed.data;
  const scope = d.scope ?? defaultDeviceScope();
  const suggested: DeviceRequest["suggested"] = {};
  if (d.budget_usd !== undefined) suggested.budgetUsd = d.budget_usd;
  if (d.rpm !== undefined) suggested.rpm = d.rpm;
  const request: DeviceRequest = { clientId: client.value.clientId, scope, scopeText: formatScope(scope), codeChallenge: d.code_challenge, key: d.key, suggested };
  if (d.device_name !== undefined) request.deviceName = d.device_name.trim() || undefined;
  if (request.deviceName === undefined) delete request.deviceName;
  return { ok: true, request };
}
