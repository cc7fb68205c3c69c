import { runBatch } from "./batch";
import { createDb, type Db } from "./client";
import { AppError } from "../errors/app-error";
import { canonicalizePolicy } from "../crypto/policy";
import { CompiledQuery } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/sqlite";
import type { ConnectionGrantsTable, ConnectionsTable, VaultItemsTable } from "./schema";
import type { ConnectionPolicy, ConnectionSummary, CreateTokenBody } from "../connections/wire";

// Connection rows. Owner-facing queries are scoped by user id; the gateway's lookup by
// connection id is the one unscoped read, and it returns only wrapped material.

type GrantItem = ConnectionSummary["grantItems"][number];

function toSummary(row: ConnectionsTable, providers: string[], grantItems: GrantItem[] = []): ConnectionSummary {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    tokenHint: row.token_hint,
    status: row.status,
    policy: JSON.parse(row.policy) as ConnectionPolicy,
    providers,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    ckVault: row.ck_vault,
    version: row.version,
    clientId: row.client_id,
    grantItems,
  };
}

export async function insertTokenConnection({
  d1,
  userId,
  body,
  ckServer,
  skId,
  now,
  app,
}: {
  d1: D1Database;
  userId: string;
  body: CreateTokenBody;
  ckServer: string;
  skId: string;
  now: number;
  /** For a connection an app receives through the consent flow. */
  app?: { clientId: string };
}): Promise<ConnectionSummary> {
  const db = createDb(d1);
  // Every grant must name one of this person's vault items at its current key version.
  const items = await db
    .selectFrom("vault_items")
    .select(["id", "provider", "key_version"])
    .where("user_id", "=", userId)
    .where("id", "in", body.grants.map((g) => g.itemId))
    .execute();
  for (const grant of body.grants) {
    const item = items.find((i) => i.id === grant.itemId);
    if (!item || item.provider !== grant.provider || item.key_version !== grant.itemKeyVersion) {
      throw new AppError({ code: "conflict", field: "grants", message: "A chosen key changed or is gone. Reload your vault and try again." });
    }
  }
  const row: ConnectionsTable = {
    id: body.id,
    user_id: userId,
    kind: app ? "app" : "token",
    name: body.name,
    client_id: app?.clientId ?? null,
    verifier: body.verifier,
    ck_vault: body.ckVault,
    ck_server: ckServer,
    sk_id: skId,
    policy: canonicalizePolicy(body.policy),
    policy_tag: body.policyTag,
    token_hint: body.tokenHint,
    status: "active",
    version: 1,
    created_at: now,
    last_used_at: null,
    revoked_at: null,
    is_key_test: body.keyTest ? 1 : 0,
  };
  const grants: ConnectionGrantsTable[] = body.grants.map((g) => ({
    connection_id: body.id,
    provider: g.provider,
    item_id: g.itemId,
    item_key_version: g.itemKeyVersion,
    sealed_key: g.sealedKey,
  }));
  // One D1 batch: the connection and its grants land together or not at all.
  const exists = await db.selectFrom("connections").select("id").where("id", "=", body.id).executeTakeFirst();
  if (exists) throw new AppError({ code: "conflict", message: "A connection with this id already exists. Try again." });
  await runBatch({ d1, statements: [db.insertInto("connections").values(row), db.insertInto("connection_grants").values(grants)] });
  return toSummary(row, grants.map((g) => g.provider), grants.map((g) => ({ provider: g.provider, itemId: g.item_id, itemKeyVersion: g.item_key_version })));
}

export async function listConnections({ db, userId }: { db: Db; userId: string }): Promise<ConnectionSummary[]> {
  const rows = await db
    .selectFrom("connections")
    .selectAll()
    .where("user_id", "=", userId)
    .where("is_key_test", "=", 0)
    .orderBy("created_at", "desc")
    .execute();
  if (rows.length === 0) return [];
  const grants = await db
    .selectFrom("connection_grants")
    .select(["connection_id", "provider", "item_id", "item_key_version"])
    .where("connection_id", "in", rows.map((r) => r.id))
    .execute();
  return rows.map((r) => {
    const policy = JSON.parse(r.policy) as ConnectionPolicy;
    const mine = grants.filter((g) => g.connection_id === r.id);
    const granted = mine.map((g) => g.provider as string);
    return toSummary(r, granted.length > 0 ? granted : policy.providers, mine.map((g) => ({ provider: g.provider, itemId: g.item_id, itemKeyVersion: g.item_key_version })));
  });
}

/** Records what the provider said about the vault key behind a grant (the key's version must still match). */
export async function recordKeyCheck({
  db,
  userId,
  itemId,
  keyVersion,
  status,
  now,
}: {
  db: Db;
  userId: string;
  itemId: string;
  keyVersion: number;
  status: "ok" | "rejected";
  now: number;
}): Promise<void> {
  await db
    .updateTable("vault_items")
    .set({ key_status: status, key_checked_at: now })
    .where("id", "=", itemId)
    .where("user_id", "=", userId)
    .where("key_version", "=", keyVersion)
    .where("key_status", "is not", status)
    .execute();
}

export interface GatewayGrant extends ConnectionGrantsTable {
  /** What the provider last said about the vault key behind this grant (null: not yet asked). */
  key_status: VaultItemsTable["key_status"];
}

export interface GatewayConnection {
  row: ConnectionsTable;
  grants: GatewayGrant[];
}

// The gateway's one read per request: the connection with its grants (and each grant's key
// status) in a single statement, compiled once per isolate and bound to each connection id.
let gatewayQuery: { sql: string } | null = null;

function compileGatewayQuery(db: Db): { sql: string } {
  const query = db
    .selectFrom("connections as c")
    .selectAll("c")
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom("connection_grants as g")
          .leftJoin("vault_items as v", (join) => join.onRef("v.id", "=", "g.item_id").onRef("v.key_version", "=", "g.item_key_version").onRef("v.user_id", "=", "c.user_id"))
          .select(["g.connection_id", "g.provider", "g.item_id", "g.item_key_version", "g.sealed_key", "v.key_status"])
          .whereRef("g.connection_id", "=", "c.id"),
      ).as("grants"),
    )
    .where("c.id", "=", "?")
    .compile();
  if (query.parameters.length !== 1) throw new Error("the gateway query must take exactly the connection id");
  return { sql: query.sql };
}

export async function loadGatewayConnection({ db, connectionId }: { db: Db; connectionId: string }): Promise<GatewayConnection | null> {
  gatewayQuery ??= compileGatewayQuery(db);
  const { rows } = await db.executeQuery<ConnectionsTable & { grants: string | GatewayGrant[] }>(CompiledQuery.raw(gatewayQuery.sql, [connectionId]));
  const found = rows[0];
  if (!found) return null;
  const { grants, ...row } = found;
  // D1 returns the JSON aggregate as text.
  return { row, grants: typeof grants === "string" ? (JSON.parse(grants) as GatewayGrant[]) : grants };
}
