import { runBatch } from "./batch";
import { createDb, type Db } from "./client";
import { AppError } from "../errors/app-error";
import { canonicalizePolicy } from "../crypto/policy";
import { CompiledQuery } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/sqlite";
import type { ConnectionGrantsTable, ConnectionsTable, VaultItemsTable } from "./schema";
import { CREATED_VIA, type ConnectionPolicy, type ConnectionSummary, type CreatedVia, type CreateTokenBody } from "../connections/wire";
import type { StoredConnectionRow } from "../account/gateway-view";

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
    createdVia: (CREATED_VIA as readonly string[]).includes(row.created_via ?? "") ? (row.created_via as CreatedVia) : null,
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
  /** For a connection an app receives through the consent flow (and whether the page or its popup). */
  app?: { clientId: string; display: "page" | "popup" | "device" };
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
    created_via: app ? ({ page: "consent-page", popup: "consent-popup", device: "device" } as const)[app.display] : "dashboard",
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

// The account object's one read of a connection (decision 014): the row with its grants (and
// each grant's key verdict) in a single statement, compiled once per isolate. Only ciphertext,
// signed data and the verifier; the object decides what it may take from it.
let storedQuery: { sql: string } | null = null;

function compileStoredQuery(db: Db): { sql: string } {
  const query = db
    .selectFrom("connections as c")
    .select(["c.user_id", "c.status", "c.verifier", "c.ck_server", "c.sk_id", "c.policy", "c.policy_tag"])
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom("connection_grants as g")
          .leftJoin("vault_items as v", (join) => join.onRef("v.id", "=", "g.item_id").onRef("v.key_version", "=", "g.item_key_version").onRef("v.user_id", "=", "c.user_id"))
          .select(["g.provider", "g.item_id", "g.item_key_version", "g.sealed_key", "v.key_status"])
          .whereRef("g.connection_id", "=", "c.id"),
      ).as("grants"),
    )
    .where("c.id", "=", "?")
    .compile();
  if (query.parameters.length !== 1) throw new Error("the connection query must take exactly the connection id");
  return { sql: query.sql };
}

type StoredGrantRow = Pick<ConnectionGrantsTable, "provider" | "item_id" | "item_key_version" | "sealed_key"> & { key_status: VaultItemsTable["key_status"] };
type StoredRow = Pick<ConnectionsTable, "user_id" | "status" | "verifier" | "ck_server" | "sk_id" | "policy" | "policy_tag"> & { grants: string | StoredGrantRow[] };

export async function loadStoredConnection({ db, connectionId }: { db: Db; connectionId: string }): Promise<StoredConnectionRow | null> {
  storedQuery ??= compileStoredQuery(db);
  const { rows } = await db.executeQuery<StoredRow>(CompiledQuery.raw(storedQuery.sql, [connectionId]));
  const found = rows[0];
  if (!found) return null;
  // D1 returns the JSON aggregate as text.
  const grants = typeof found.grants === "string" ? (JSON.parse(found.grants) as StoredGrantRow[]) : found.grants;
  return {
    userId: found.user_id,
    status: found.status,
    verifier: found.verifier,
    ckServer: found.ck_server,
    skId: found.sk_id,
    policy: found.policy,
    policyTag: found.policy_tag,
    grants: grants.map((g) => ({ provider: g.provider, itemId: g.item_id, itemKeyVersion: g.item_key_version, sealedKey: g.sealed_key, keyStatus: g.key_status })),
  };
}

let accountQuery: { sql: string } | null = null;

/** Whose connection this is (never changes): what the gateway needs to reach the account's object. */
export async function findConnectionAccount({ db, connectionId }: { db: Db; connectionId: string }): Promise<string | null> {
  accountQuery ??= { sql: db.selectFrom("connections").select("user_id").where("id", "=", "?").compile().sql };
  const { rows } = await db.executeQuery<{ user_id: string }>(CompiledQuery.raw(accountQuery.sql, [connectionId]));
  return rows[0]?.user_id ?? null;
}

/** The SK layer re-made with the current secret (the gateway does it on use); only over the layer it replaces. */
export async function replaceServerWrapRow({ db, userId, connectionId, fromSkId, ckServer, skId }: { db: Db; userId: string; connectionId: string; fromSkId: string; ckServer: string; skId: string }): Promise<void> {
  await db
    .updateTable("connections")
    .set({ ck_server: ckServer, sk_id: skId })
    .where("id", "=", connectionId)
    .where("user_id", "=", userId)
    .where("sk_id", "=", fromSkId)
    .where("status", "!=", "revoked")
    .execute();
}
