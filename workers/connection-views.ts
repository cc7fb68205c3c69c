// The account object's copy of its connections as the gateway needs them (decision 014): the
// verifier, the SK layer, the signed policy and the sealed grants (ciphertext and signed data
// only), on the object's SQLite with a parsed copy in memory. A connection the object never saw
// is read from D1; a change a writer announced makes the next use re-read D1 first; what may
// be taken from D1 is decided by lib/account/reconcile-connection.ts.
import type { ConnectionChange, ConnectionMaterial, KnownConnection, KeyVerdict, StoredConnectionRow, ViewIntent } from "../lib/account/gateway-view";
import { reconcileConnection } from "../lib/account/reconcile-connection";
import { assertPolicy } from "../lib/crypto/policy";
import type { ConnectionStatus } from "../lib/limits/admission";
import { usdToMicroUsd } from "../lib/money/money";

/** An announced change is considered by every re-read for this long, then dropped at the next one. */
export const INTENT_TTL_MS = 2 * 60_000;

const SCHEMA = [
  "CREATE TABLE IF NOT EXISTS gateway_connections (connection_id TEXT PRIMARY KEY, verifier TEXT NOT NULL, material TEXT)",
  "CREATE TABLE IF NOT EXISTS connection_intents (intent_id TEXT NOT NULL, connection_id TEXT NOT NULL, at INTEGER NOT NULL, intent TEXT NOT NULL, PRIMARY KEY (intent_id, connection_id))",
  "CREATE INDEX IF NOT EXISTS connection_intents_connection ON connection_intents(connection_id)",
];

/** The policy's limits and scope, parsed once per change. */
export interface PolicyFacts {
  budgetMicroUsd: number | null;
  rpm: number | null;
  providers: string[];
  models: string[];
  expiresAt: number | null;
  /** Policy v2's "fit output to budget" (false for v1). */
  fitOutput: boolean;
  /** Policy v3's web origins (none before v3). */
  origins: string[];
}

export interface ViewEntry extends KnownConnection {
  /** null when the stored policy cannot be read (nothing is admitted then; the gateway refuses its tag). */
  facts: PolicyFacts | null;
  /** A writer announced a change that is not confirmed yet: re-read D1 before use. */
  dirty: boolean;
}

export interface StatusStore {
  status(connectionId: string): ConnectionStatus;
  setStatus(connectionId: string, status: ConnectionStatus, now: number): void;
}

function factsOf(material: ConnectionMaterial | null): PolicyFacts | null {
  if (!material) return null;
  try {
    const policy: unknown = JSON.parse(material.policy);
    assertPolicy(policy);
    return {
      budgetMicroUsd: policy.budgetUsd === null ? null : usdToMicroUsd(policy.budgetUsd),
      rpm: policy.rpm,
      providers: [...policy.providers],
      models: [...policy.models],
      expiresAt: policy.expiresAt,
      fitOutput: policy.v !== 1 && policy.fitOutput,
      origins: policy.v === 3 ? [...policy.origins] : [],
    };
  } catch {
    return null;
  }
}

export class ConnectionViews {
  private readonly cache = new Map<string, ViewEntry>();
  /** One re-read at a time per connection, in order (a late answer never overwrites a newer one). */
  private readonly rereads = new Map<string, Promise<unknown>>();

  constructor(
    private readonly sql: SqlStorage,
    private readonly statuses: StatusStore,
    private readonly loadRow: (connectionId: string) => Promise<StoredConnectionRow | null>,
  ) {
    for (const statement of SCHEMA) sql.exec(statement);
  }

  /** The object's copy, or null when it never saw the connection. */
  get(connectionId: string): ViewEntry | null {
    const cached = this.cache.get(connectionId);
    if (cached) return cached;
    const row = this.sql.exec<{ verifier: string; material: string | null }>("SELECT verifier, material FROM gateway_connections WHERE connection_id = ?", connectionId).toArray()[0];
    if (!row) return null;
    const material = row.material === null ? null : (JSON.parse(row.material) as ConnectionMaterial);
    const entry: ViewEntry = { verifier: row.verifier, material, facts: factsOf(material), dirty: this.hasIntents(connectionId) };
    this.cache.set(connectionId, entry);
    return entry;
  }

  /** Re-reads D1 and takes what may be taken from it. */
  reread({ accountId, connectionId }: { accountId: string; connectionId: string }): Promise<ViewEntry | null> {
    const previous = this.rereads.get(connectionId) ?? Promise.resolve();
    const next = previous.then(() => this.rereadNow({ accountId, connectionId }));
    const settled = next.catch(() => {});
    this.rereads.set(connectionId, settled);
    void settled.then(() => {
      if (this.rereads.get(connectionId) === settled) this.rereads.delete(connectionId);
    });
    return next;
  }

  /** A writer is about to change these connections in D1: they are re-read before their next use. */
  stage({ changes, now }: { changes: ConnectionChange[]; now: number }): string {
    const intentId = crypto.randomUUID();
    for (const { connectionId, intent } of changes) {
      this.sql.exec("INSERT OR REPLACE INTO connection_intents (intent_id, connection_id, at, intent) VALUES (?, ?, ?, ?)", intentId, connectionId, now, JSON.stringify(intent));
      const entry = this.cache.get(connectionId);
      if (entry) entry.dirty = true;
    }
    return intentId;
  }

  /** The writer is done: re-read its connections with its announcement, then forget the announcement. */
  async commit({ accountId, intentId }: { accountId: string; intentId: string }): Promise<void> {
    const ids = this.sql.exec<{ connection_id: string }>("SELECT DISTINCT connection_id FROM connection_intents WHERE intent_id = ?", intentId).toArray().map((r) => r.connection_id);
    await Promise.all(ids.map((connectionId) => this.reread({ accountId, connectionId })));
    this.sql.exec("DELETE FROM connection_intents WHERE intent_id = ?", intentId);
    for (const id of ids) {
      const entry = this.cache.get(id);
      if (entry) entry.dirty = this.hasIntents(id);
    }
  }

  /** Revocation: the material goes at once (the verifier stays, so the token hears it was revoked). */
  dropMaterial(connectionIds: string[]): void {
    for (const id of connectionIds) {
      this.sql.exec("UPDATE gateway_connections SET material = NULL WHERE connection_id = ?", id);
      const entry = this.cache.get(id);
      if (entry) Object.assign(entry, { material: null, facts: null });
    }
  }

  /** The gateway re-made the SK layer with the current secret. True if the copy changed. */
  replaceServerWrap({ connectionId, fromSkId, ckServer, skId }: { connectionId: string; fromSkId: string; ckServer: string; skId: string }): boolean {
    const entry = this.get(connectionId);
    if (!entry?.material || entry.material.skId !== fromSkId) return false;
    this.store(connectionId, { verifier: entry.verifier, material: { ...entry.material, ckServer, skId } });
    return true;
  }

  /** What the provider said about a vault key, on every grant of it. */
  recordKeyVerdict({ itemId, keyVersion, status }: { itemId: string; keyVersion: number; status: KeyVerdict }): void {
    const rows = this.sql.exec<{ connection_id: string }>("SELECT connection_id FROM gateway_connections WHERE material IS NOT NULL").toArray();
    for (const { connection_id: id } of rows) {
      const entry = this.get(id);
      if (!entry?.material?.grants.some((g) => g.itemId === itemId && g.itemKeyVersion === keyVersion && g.keyStatus !== status)) continue;
      const grants = entry.material.grants.map((g) => (g.itemId === itemId && g.itemKeyVersion === keyVersion ? { ...g, keyStatus: status } : g));
      this.store(id, { verifier: entry.verifier, material: { ...entry.material, grants } });
    }
  }

  private async rereadNow({ accountId, connectionId }: { accountId: string; connectionId: string }): Promise<ViewEntry | null> {
    const row = await this.loadRow(connectionId);
    // Everything below runs without awaiting, on the object's state as it is now.
    const now = Date.now();
    const intents = this.sql.exec<{ intent: string }>("SELECT intent FROM connection_intents WHERE connection_id = ?", connectionId).toArray().map((r) => JSON.parse(r.intent) as ViewIntent);
    const known = this.get(connectionId);
    const status = this.statuses.status(connectionId);
    const result = reconcileConnection({ accountId, status, known: known && { verifier: known.verifier, material: known.material }, row, intents });
    if (result.known) {
      this.store(connectionId, result.known);
      if (result.status !== status) this.statuses.setStatus(connectionId, result.status, now);
    }
    // Announcements past their time were considered once more; a later re-read does without them.
    this.sql.exec("DELETE FROM connection_intents WHERE connection_id = ? AND at <= ?", connectionId, now - INTENT_TTL_MS);
    const entry = this.get(connectionId);
    if (entry) entry.dirty = this.hasIntents(connectionId);
    return entry;
  }

  private store(connectionId: string, known: KnownConnection): void {
    this.sql.exec(
      "INSERT INTO gateway_connections (connection_id, verifier, material) VALUES (?, ?, ?) ON CONFLICT(connection_id) DO UPDATE SET verifier = excluded.verifier, material = excluded.material",
      connectionId,
      known.verifier,
      known.material === null ? null : JSON.stringify(known.material),
    );
    this.cache.set(connectionId, { ...known, facts: factsOf(known.material), dirty: this.hasIntents(connectionId) });
  }

  private hasIntents(connectionId: string): boolean {
    return this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM connection_intents WHERE connection_id = ?", connectionId).one().n > 0;
  }
}
