// The token endpoint's answer to both grants, `{token_type: "relay", connection_id,
// sealed_secret, scope, limits}`, checked and opened with the private key made for this
// authorization (security model, "Consent"): the relay token is assembled here, K wiped.
import { assembleRelayToken } from "../../../lib/crypto/assemble-token";
import { wipeBytes } from "../../../lib/crypto/bytes";
import { decodeBase64Url } from "../../../lib/crypto/encoding";
import { isCryptoError } from "../../../lib/crypto/errors";
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

/** Checks the answer's fields, then opens the sealed secret (AAD names the client and the connection). */
export function openTokenResponse({ answer, clientId, privateKey }: { answer: FormAnswer; clientId: string; privateKey: string }): RelayGrant {
  const { status } = answer;
  const record = objectBody(answer);
  const { token_type: tokenType, connection_id: connectionId, sealed_secret: sealed, scope, limits } = record;
  if (tokenType !== "relay") throw invalidResponse('token_type must be "relay"', status);
  if (typeof connectionId !== "string" || !/^[0-9a-f]{32}$/.test(connectionId)) throw invalidResponse("connection_id is malformed", status);
  if (typeof sealed !== "string" || sealed.length > 1024) throw invalidResponse("sealed_secret is malformed", status);
  if (typeof scope !== "string") throw invalidResponse("scope is missing", status);
  const appPrivateKey = decodePrivateKey(privateKey);
  try {
    const token = assembleRelayToken({ clientId, connectionId, appPrivateKey, sealed });
    return { token, connectionId, scope, limits };
  } catch (error) {
    if (isCryptoError(error)) throw new ConnectError({ code: "seal_failed", status, message: "the sealed secret does not open with this authorization's key" });
    throw error;
  } finally {
    wipeBytes(appPrivateKey);
  }
}
