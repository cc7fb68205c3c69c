// The gateway's key path, in the security model's order: check the token's form and
// checksum (before any database read) → load the connection → compare the verifier in
// constant time → status, expiry → TK = HKDF(K) → remove the SK layer, open CK → verify the
// policy. The caller wipes the returned CK when done.
import { buildCkTokenAad } from "../crypto/aad";
import { wipeBytes } from "../crypto/bytes";
import { equalBytes } from "../crypto/compare";
import { formatConnectionId } from "../crypto/connection-id";
import { computeVerifier, deriveTokenWrapKey } from "../crypto/derive-keys";
import { decodeHex } from "../crypto/encoding";
import { openEnvelope } from "../crypto/envelope";
import { isCryptoError } from "../crypto/errors";
import { verifyPolicy, type Policy } from "../crypto/policy";
import { parseRelayToken } from "../crypto/relay-token";
import { unwrapForServer, type ServerSecret } from "../connections/server-wrap";
import type { ConnectionPolicy } from "../connections/wire";
import type { Db } from "../db/client";
import { loadGatewayConnection, type GatewayConnection } from "../db/connection-queries";
import { encodeHex } from "../crypto/encoding";
import { randomBytes } from "../crypto/random";
import { GatewayError, invalidToken } from "./gateway-error";

export interface OpenedConnection {
  connectionId: string;
  userId: string;
  /** "paused" only when the caller asked for paused connections too (allowPaused). */
  status: "active" | "paused";
  ck: Uint8Array;
  policy: ConnectionPolicy;
  grants: GatewayConnection["grants"];
}

export function bearerToken(header: string | null): string {
  const match = /^Bearer ([^\s]+)$/.exec(header ?? "");
  if (!match) throw invalidToken("You didn't provide a relay token. Send it as Authorization: Bearer 1r_…");
  return match[1]!;
}

export async function openConnection({
  token,
  load,
  sk,
  nowSeconds,
  allowPaused = false,
}: {
  token: string;
  load: (connectionId: string) => Promise<GatewayConnection | null>;
  sk: ServerSecret;
  nowSeconds: number;
  /** Return a paused connection (its status says so) instead of refusing it, so the caller can record the refusal. */
  allowPaused?: boolean;
}): Promise<OpenedConnection> {
  let parts: { connectionId: Uint8Array; secret: Uint8Array };
  try {
    parts = parseRelayToken(token);
  } catch (error) {
    if (isCryptoError(error) || error instanceof TypeError) throw invalidToken();
    throw error;
  }
  const connectionId = formatConnectionId(parts.connectionId);
  let tk: Uint8Array | undefined;
  try {
    const found = await load(connectionId);
    const verifier = computeVerifier(parts.secret);
    const stored = found ? decodeHex(found.row.verifier) : new Uint8Array(verifier.length);
    const matches = equalBytes(verifier, stored);
    if (!found || !matches) throw invalidToken();
    const { row } = found;
    if (row.status === "revoked" || !row.ck_server) throw invalidToken("This relay token has been revoked.");
    if (row.status === "paused" && !allowPaused) throw connectionPaused();
    tk = deriveTokenWrapKey({ secret: parts.secret, connectionId: parts.connectionId });
    let ck: Uint8Array;
    try {
      const ckToken = unwrapForServer({ sk, connectionId, ckServer: row.ck_server });
      ck = openEnvelope({ key: tk, envelope: ckToken, aad: buildCkTokenAad({ connectionId }) });
    } catch (error) {
      if (isCryptoError(error)) throw invalidToken();
      throw error;
    }
    const policy = JSON.parse(row.policy) as ConnectionPolicy;
    if (!verifyPolicy({ ck, policy: policy as Policy, tag: row.policy_tag })) {
      wipeBytes(ck);
      throw new GatewayError({ status: 403, type: "invalid_request_error", code: "connection_policy_invalid", message: "This connection's limits fail their signature check, so it is refused. Its owner can re-save it." });
    }
    if (policy.expiresAt !== null && policy.expiresAt <= nowSeconds) {
      wipeBytes(ck);
      throw invalidToken("This relay token has expired.");
    }
    return { connectionId, userId: row.user_id, status: row.status === "paused" ? "paused" : "active", ck, policy, grants: found.grants };
  } finally {
    wipeBytes(parts.secret, parts.connectionId, tk);
  }
}

export const connectionPaused = () =>
  new GatewayError({ status: 403, type: "invalid_request_error", code: "connection_paused", message: "This connection is paused by its owner." });

/** A fresh id for one gateway request, sent back as x-1relay-request-id. */
export function newRequestId(): string {
  return `req_${encodeHex(randomBytes(12))}`;
}

/** openConnection for an incoming gateway request: its bearer token, the connection from D1, now. */
export function openRequestConnection({ request, db, sk, allowPaused = false }: { request: Request; db: Db; sk: ServerSecret; allowPaused?: boolean }): Promise<OpenedConnection> {
  return openConnection({
    token: bearerToken(request.headers.get("authorization")),
    load: (connectionId) => loadGatewayConnection({ db, connectionId }),
    sk,
    nowSeconds: Math.floor(Date.now() / 1000),
    allowPaused,
  });
}
