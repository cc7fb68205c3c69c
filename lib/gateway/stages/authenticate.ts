// Stage "authenticate", in the security model's order: the token's form and checksum (no I/O)
// → whose connection it is → ONE call to the account object, which compares the verifier in
// constant time and answers with the connection's sealed material, its status and (when asked)
// the admission → TK = HKDF(K) → the SK layer (the secret its row names) → CK → the policy's tag
// over exactly the object's bytes → expiry. An admission whose connection fails any of these is
// released before the error is answered: nothing is decrypted, reserved or sent for it.
import type { AdmissionRequest, ViewGrant } from "../../account/gateway-view";
import type { BeginResult } from "../../account/ledger-types";
import { buildCkTokenAad } from "../../crypto/aad";
import { wipeBytes } from "../../crypto/bytes";
import { formatConnectionId } from "../../crypto/connection-id";
import { computeVerifier, deriveTokenWrapKey } from "../../crypto/derive-keys";
import { encodeHex } from "../../crypto/encoding";
import { openEnvelope } from "../../crypto/envelope";
import { isCryptoError } from "../../crypto/errors";
import { parseRelayToken } from "../../crypto/relay-token";
import { findServerSecret, unwrapForServer, wrapForServer } from "../../connections/server-wrap";
import { policyOriginsOf, type ConnectionPolicy } from "../../connections/wire";
import { isOriginAllowed } from "../../http/origins";
import { allowCors } from "../cors";
import { logError } from "../../errors/log-error";
import type { GatewayContext } from "../context";
import { GatewayError, invalidToken, originNotAllowed } from "../gateway-error";
import { isPolicyExpired } from "../scope";
import { verifyConnectionPolicy } from "../verified-policy";

/** A well-formed token, split (no I/O yet). The caller's secret bytes are wiped by authenticate. */
export interface Credentials {
  connectionId: string;
  connectionIdBytes: Uint8Array;
  secret: Uint8Array;
  /** Hex SHA-256("1relay/v1/verify" ‖ K): what the object compares. */
  verifier: string;
}

export interface OpenedConnection {
  accountId: string;
  connectionId: string;
  status: "active" | "paused";
  /** The caller wipes it once the grant is open. */
  ck: Uint8Array;
  policy: ConnectionPolicy;
  grants: ViewGrant[];
}

export interface Authenticated {
  connection: OpenedConnection;
  /** The object's decision on the admission asked for (null: none asked, or out of scope). */
  admission: BeginResult | null;
}

/** The token's prefix, length, alphabet and CRC, before any read. */
export function readCredentials(token: string | null): Credentials {
  if (token === null) throw invalidToken("You didn't provide a relay token. Send it as Authorization: Bearer 1r_…");
  let parts: { connectionId: Uint8Array; secret: Uint8Array };
  try {
    parts = parseRelayToken(token);
  } catch (error) {
    if (isCryptoError(error) || error instanceof TypeError) throw invalidToken();
    throw error;
  }
  return { connectionId: formatConnectionId(parts.connectionId), connectionIdBytes: parts.connectionId, secret: parts.secret, verifier: encodeHex(computeVerifier(parts.secret)) };
}

function refusalOf(reason: "unknown" | "revoked" | "origin"): GatewayError {
  if (reason === "origin") return originNotAllowed();
  return reason === "revoked" ? invalidToken("This relay token has been revoked.") : invalidToken();
}

const policyUnsupported = () =>
  new GatewayError({ status: 403, type: "invalid_request_error", code: "connection_policy_unsupported", message: "This connection's limits are in a newer format than this server knows, so it is refused. Update 1Relay, or have its owner re-save the limits." });

const policyInvalid = () =>
  new GatewayError({ status: 403, type: "invalid_request_error", code: "connection_policy_invalid", message: "This connection's limits fail their signature check, so it is refused. Its owner can re-save it." });

/** Opens CK from the object's SK layer; a retired secret or a layer that does not open is a bad token. */
function openConnectionKey({ ctx, credentials, ckServer, skId }: { ctx: GatewayContext; credentials: Credentials; ckServer: string; skId: string }): { ck: Uint8Array; ckToken: string } {
  const sk = findServerSecret(ctx.deps.keyring, skId);
  if (!sk) {
    logError({ where: "gateway", error: new Error(`a connection is stored under the wrapping secret "${skId}", which is no longer configured (RELAY_WRAPPING_PREVIOUS_KEYS)`) });
    throw invalidToken("This relay token can no longer be opened by this server.");
  }
  const tk = deriveTokenWrapKey({ secret: credentials.secret, connectionId: credentials.connectionIdBytes });
  try {
    const ckToken = unwrapForServer({ sk, connectionId: credentials.connectionId, ckServer });
    return { ck: openEnvelope({ key: tk, envelope: ckToken, aad: buildCkTokenAad({ connectionId: credentials.connectionId }) }), ckToken };
  } catch (error) {
    if (isCryptoError(error)) throw invalidToken();
    throw error;
  } finally {
    wipeBytes(tk);
  }
}

export async function authenticate({ ctx, credentials, accountId, request }: { ctx: GatewayContext; credentials: Credentials; accountId: string | null; request: AdmissionRequest | null }): Promise<Authenticated> {
  const { connectionId } = credentials;
  try {
    if (accountId === null) throw invalidToken();
    const object = ctx.deps.account(accountId);
    const answer = await ctx.timer.time("admit", () => object.admit({ accountId, connectionId, verifier: credentials.verifier, request, origin: ctx.origin }));
    if (!answer.ok) throw refusalOf(answer.reason);
    const { material, admission } = answer;
    const held: { ck?: Uint8Array } = {};
    try {
      return await ctx.timer.time("auth", () => {
        const opened = openConnectionKey({ ctx, credentials, ckServer: material.ckServer, skId: material.skId });
        const ck = (held.ck = opened.ck);
        const policy = verifyConnectionPolicy({ ck, ckServer: material.ckServer, policy: material.policy, policyTag: material.policyTag });
        if (policy === "unsupported") throw policyUnsupported();
        if (!policy) throw policyInvalid();
        // The object judged the origin on the bytes it holds; the signed policy has the last word.
        if (ctx.origin !== null) {
          if (!isOriginAllowed({ origin: ctx.origin, allowed: policyOriginsOf(policy) })) throw originNotAllowed();
          allowCors(ctx.request);
        }
        if (isPolicyExpired({ policy, nowSeconds: Math.floor(ctx.deps.now() / 1000) })) throw invalidToken("This relay token has expired.");
        const current = ctx.deps.keyring.current;
        if (material.skId !== current.keyId) {
          // SK rotation: the layer moves to the current secret (the object's copy and D1), off the answer's path.
          const ckServer = wrapForServer({ sk: current, connectionId, ckToken: opened.ckToken });
          ctx.deps.waitUntil(object.replaceServerWrap({ accountId, connectionId, fromSkId: material.skId, ckServer, skId: current.keyId }).catch((error: unknown) => logError({ where: "gateway rewrap", error })));
        }
        return { connection: { accountId, connectionId, status: answer.status, ck, policy, grants: material.grants }, admission };
      });
    } catch (error) {
      wipeBytes(held.ck);
      if (admission?.ok) ctx.deps.waitUntil(object.release({ accountId, connectionId, reservationId: admission.reservationId }).catch(() => {}));
      throw error;
    }
  } finally {
    wipeBytes(credentials.secret, credentials.connectionIdBytes);
  }
}
