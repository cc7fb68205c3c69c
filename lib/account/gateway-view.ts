// The gateway's view of a connection, held by the account's Durable Object (decision 014), and
// what the gateway and the writers exchange with it. Plain data only (structured clone over
// RPC). Ciphertext and signed data only: the object never holds a key in clear, and K never
// reaches it (the gateway sends the token's verifier, as D1 stores it).
import type { GatewayApi } from "../gateway/endpoint";
import type { OutputFit } from "../limits/fit-output";
import type { BeginResult } from "./ledger-types";

export type KeyVerdict = "ok" | "rejected";

export interface ViewGrant {
  provider: string;
  itemId: string;
  itemKeyVersion: number;
  /** The provider key sealed under CK. */
  sealedKey: string;
  /** What the provider last said about the vault key behind it (null: not yet asked). */
  keyStatus: KeyVerdict | null;
}

/** What opening a connection needs: the SK layer, the signed policy, the sealed grants. */
export interface ConnectionMaterial {
  /** SK layer around the TK-wrapped CK, and the id of the SK that made it. */
  ckServer: string;
  skId: string;
  /** The policy's canonical JSON, exactly the bytes its tag covers, and the tag. */
  policy: string;
  policyTag: string;
  grants: ViewGrant[];
}

/** The object's copy of one connection. `material` is null once the connection is revoked. */
export interface KnownConnection {
  /** Lowercase hex SHA-256("1relay/v1/verify" ‖ K). */
  verifier: string;
  material: ConnectionMaterial | null;
}

/** The connection as D1 holds it (lib/db/connection-queries.ts, loadStoredConnection). */
export interface StoredConnectionRow {
  userId: string;
  status: "active" | "paused" | "revoked";
  verifier: string;
  ckServer: string | null;
  skId: string | null;
  policy: string;
  policyTag: string;
  grants: ViewGrant[];
}

/**
 * A change a writer is about to make in D1 that the object may not take from D1 on its own
 * (it never takes a loosening or an unannounced policy or grant from D1: a database writer
 * could otherwise restore an older policy with its old tag). Restricting changes need no
 * announcement; an empty intent still marks the connection for a re-read.
 */
export interface ViewIntent {
  /** Paused → active. */
  resume?: true;
  /** The new canonical policy and its tag. */
  policy?: { policy: string; policyTag: string };
  /** New or replaced grants. */
  grants?: Omit<ViewGrant, "keyStatus">[];
}

export interface ConnectionChange {
  connectionId: string;
  intent: ViewIntent;
}

/** What the gateway asks to reserve, decided in the same call as authentication. */
export interface AdmissionRequest {
  provider: string;
  /** The upstream model id (routing's upstreamModel). */
  model: string;
  /** Worst-case cost; null when the model has no price. */
  costMicroUsd: number | null;
  /** How the cost falls with a lower output limit, so the object can fit it to the budget or say what would fit (null: unpriced). */
  fit?: OutputFit | null;
  leaseMs: number;
  streamed: boolean;
  /** The API the request used (for the record written if it is refused or its lease runs out). */
  api: GatewayApi;
}

export interface AdmitInput {
  accountId: string;
  connectionId: string;
  /** The verifier of the token's K (hex), compared by the object in constant time. */
  verifier: string;
  /** null: authenticate only (GET /v1/models, or a request refused before admission). */
  request: AdmissionRequest | null;
  /** The `Origin` of another site's page that sent the request (decision 022); absent or null: not from such a page. */
  origin?: string | null;
}

export type AdmitResult =
  /** unknown: no such connection in this account, or the verifier does not match. origin: a page's origin the policy does not list (nothing returned, nothing reserved). */
  | { ok: false; reason: "unknown" | "revoked" | "origin" }
  | {
      ok: true;
      status: "active" | "paused";
      material: ConnectionMaterial;
      /** The object's decision for `request` (null: none asked, or out of the policy's scope or time). */
      admission: BeginResult | null;
    };
