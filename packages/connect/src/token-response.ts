// The token endpoint's answer to both grants, `{token_type: "relay", connection_id,
// sealed_secret, scope, limits}`, checked and opened with the private key made for this
// authorization (security model, "Consent"): the relay token is assembled here, K wiped.
// The server entry opens with a private key in memory (noble); the browser entry with a shared
// secret its non-extractable WebCrypto key computed: both go through grantFromTokenResponse.
import { buildSealAad } from "../../../lib/crypto/aad";
import { wipeBytes } from "../../../lib/crypto/bytes";
import { decodeBase64Url } from "../../../lib/crypto/encoding";
import { isCryptoError } from "../../../lib/crypto/errors";
import { formatRelayToken } from "../../../lib/crypto/relay-token";
import { openSealedWith, SEAL_INFO } from "../../../lib/crypto/seal";
import { ConnectError } from "./errors.js";
import { invalidResponse, objectBody, type FormAnswer } from "./oauth-http.js";

export interface RelayGrant {
  /** The relay token, `1r_…`: store it like a password. */
  token: string;
  connectionId: string;
  /** What the person granted, possibly narrower than asked. */
  scope: string;
  /** `{budget_usd, rpm, models, expires_at}` as the person set them. */
  limits: unknown;
}

/** The answer's fields, checked; `sealed` still closed. */
export interface CheckedTokenResponse {
  status: number;
  connectionId: string;
  sealed: string;
  scope: string;
  limits: unknown;
}

export function decodePrivateKey(text: string, name = "pending.appPrivateKey"): Uint8Array {
  let key: Uint8Array;
  try {
    key = decodeBase64Url(text);
  } catch {
    throw new TypeError(`${name} is not base64url`);
  }
  if (key.length !== 32) {
    wipeBytes(key);
    throw new RangeError(`${name} must be 32 bytes`);
  }
  return key;
}

/** Checks the answer's fields (a relay token type, a 32-hex connection id, a bounded sealed secret, a scope). */
export function checkTokenResponse(answer: FormAnswer): CheckedTokenResponse {
  const { status } = answer;
  const record = objectBody(answer);
  const { token_type: tokenType, connection_id: connectionId, sealed_secret: sealed, scope, limits } = record;
  if (tokenType !== "relay") throw invalidResponse('token_type must be "relay"', status);
  if (typeof connectionId !== "string" || !/^[0-9a-f]{32}$/.test(connectionId)) throw invalidResponse("connection_id is malformed", status);
  if (typeof sealed !== "string" || sealed.length > 1024) throw invalidResponse("sealed_secret is malformed", status);
  if (typeof scope !== "string") throw invalidResponse("scope is missing", status);
  return { status, connectionId, sealed, scope, limits };
}

/** A crypto failure while opening → ConnectError seal_failed; anything else unchanged. */
export function sealFailure(error: unknown, status?: number): unknown {
  return isCryptoError(error) ? new ConnectError({ code: "seal_failed", status, message: "the sealed secret does not open with this authorization's key" }) : error;
}

/**
 * Opens K with `openSecret` (given the seal's AAD, which names the client and the connection),
 * assembles the relay token and wipes K.
 */
export function grantFromTokenResponse({ checked, clientId, openSecret }: { checked: CheckedTokenResponse; clientId: string; openSecret: (aad: string) => Uint8Array }): RelayGrant {
  const { status, connectionId, scope, limits } = checked;
  let secret: Uint8Array;
  try {
    secret = openSecret(buildSealAad({ clientId, connectionId }));
  } catch (error) {
    throw sealFailure(error, status);
  }
  try {
    return { token: formatRelayToken({ connectionId, secret }), connectionId, scope, limits };
  } finally {
    wipeBytes(secret);
  }
}

/** Checks the answer's fields, then opens the sealed secret with a base64url private key (the server entry). */
export function openTokenResponse({ answer, clientId, privateKey }: { answer: FormAnswer; clientId: string; privateKey: string }): RelayGrant {
  const checked = checkTokenResponse(answer);
  const appPrivateKey = decodePrivateKey(privateKey);
  try {
    return grantFromTokenResponse({ checked, clientId, openSecret: (aad) => openSealedWith({ privateKey: appPrivateKey, sealed: checked.sealed, info: SEAL_INFO, aad }) });
  } finally {
    wipeBytes(appPrivateKey);
  }
}
