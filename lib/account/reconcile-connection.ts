// How the account object brings its copy of a connection in line with D1 (decision 014). Pure.
// The object re-reads D1 when it has never seen the connection, when a writer announced a
// change (and after it wrote), and when such an announcement was not confirmed. It takes from
// D1 everything that restricts (revocation, pause, a removed grant) and the SK layer (only
// the worker's secret can make one, and every layer opens to the same CK), but a loosening or
// a changed policy or grant only when a writer announced exactly that value. So whoever can
// write the database alone cannot restore an older policy with its old tag, resume a paused
// connection or bring back a replaced key.
import type { ConnectionStatus } from "../limits/admission";
import type { ConnectionMaterial, KnownConnection, StoredConnectionRow, ViewGrant, ViewIntent } from "./gateway-view";

export interface ReconcileInput {
  accountId: string;
  /** The object's status for the connection ("active" when it never had one). */
  status: ConnectionStatus;
  known: KnownConnection | null;
  /** D1's row, or null when D1 has none. */
  row: StoredConnectionRow | null;
  intents: readonly ViewIntent[];
}

export interface ReconcileResult {
  status: ConnectionStatus;
  /** null: the object still does not know the connection. */
  known: KnownConnection | null;
}

const sameGrant = (a: Omit<ViewGrant, "keyStatus">, b: Omit<ViewGrant, "keyStatus">) =>
  a.provider === b.provider && a.itemId === b.itemId && a.itemKeyVersion === b.itemKeyVersion && a.sealedKey === b.sealedKey;

function revoked(verifier: string | undefined): ReconcileResult {
  return { status: "revoked", known: verifier === undefined ? null : { verifier, material: null } };
}

function reconcilePolicy(known: ConnectionMaterial, row: StoredConnectionRow, intents: readonly ViewIntent[]): Pick<ConnectionMaterial, "policy" | "policyTag"> {
  const matches = (p: { policy: string; policyTag: string }) => p.policy === row.policy && p.policyTag === row.policyTag;
  if (matches(known) || intents.some((i) => i.policy && matches(i.policy))) return { policy: row.policy, policyTag: row.policyTag };
  return { policy: known.policy, policyTag: known.policyTag };
}

function reconcileGrants(known: ConnectionMaterial, row: StoredConnectionRow, intents: readonly ViewIntent[]): ViewGrant[] {
  const grants: ViewGrant[] = [];
  // A grant D1 no longer has is gone (a deleted key); one it has is taken when unchanged or announced.
  for (const stored of row.grants) {
    const mine = known.grants.find((g) => g.provider === stored.provider);
    if (mine && sameGrant(mine, stored)) grants.push({ ...mine, keyStatus: stored.keyStatus });
    else if (intents.some((i) => i.grants?.some((g) => sameGrant(g, stored)))) grants.push(stored);
    else if (mine) grants.push(mine);
  }
  return grants;
}

function reconcileStatus(status: ConnectionStatus, row: StoredConnectionRow, intents: readonly ViewIntent[]): ConnectionStatus {
  if (row.status === "paused") return "paused";
  return status === "active" || intents.some((i) => i.resume) ? "active" : "paused";
}

export function reconcileConnection({ accountId, status, known, row, intents }: ReconcileInput): ReconcileResult {
  if (status === "revoked") return revoked(known?.verifier ?? (row?.userId === accountId ? row.verifier : undefined));
  if (!row || row.userId !== accountId) {
    // Gone from D1 (account or key-test cleanup): what the object knew is revoked; what it never knew stays unknown.
    return known ? revoked(known.verifier) : { status, known: null };
  }
  if (row.status === "revoked" || row.ckServer === null || row.skId === null) return revoked(known?.verifier ?? row.verifier);
  const nextStatus = reconcileStatus(status, row, intents);
  if (!known?.material) {
    // First sight (a connection made before the object held views, or just created): taken as D1 has it.
    return { status: nextStatus, known: { verifier: row.verifier, material: { ckServer: row.ckServer, skId: row.skId, policy: row.policy, policyTag: row.policyTag, grants: row.grants } } };
  }
  return {
    status: nextStatus,
    known: {
      verifier: known.verifier,
      material: { ckServer: row.ckServer, skId: row.skId, ...reconcilePolicy(known.material, row, intents), grants: reconcileGrants(known.material, row, intents) },
    },
  };
}
