import type { D1Migration } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

// Migration 0010 lifts the tables' fixed list of providers (openai, anthropic, gemini) by
// rebuilding them. This rebuilds the old tables, fills them, runs 0010 again and checks that
// every row survived as it was, that new provider ids are taken and malformed ones refused.

const testEnv = env as unknown as { DB: D1Database; TEST_MIGRATIONS: D1Migration[] };
const db = testEnv.DB;
const migration = testEnv.TEST_MIGRATIONS.find((m) => m.name.startsWith("0010_"))!;

const OLD_TABLES = [
  "DROP TABLE IF EXISTS connection_grants",
  "DROP TABLE IF EXISTS vault_items",
  `CREATE TABLE vault_items (id TEXT PRIMARY KEY NOT NULL, user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    provider TEXT NOT NULL CHECK (provider IN ('openai', 'anthropic', 'gemini')), label TEXT NOT NULL, sealed_key TEXT NOT NULL,
    key_version INTEGER NOT NULL, version INTEGER NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
    key_status TEXT CHECK (key_status IN ('ok', 'rejected')), key_checked_at INTEGER)`,
  "CREATE INDEX vault_items_user ON vault_items(user_id, created_at)",
  `CREATE TABLE connection_grants (connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
    provider TEXT NOT NULL CHECK (provider IN ('openai', 'anthropic', 'gemini')), item_id TEXT NOT NULL, item_key_version INTEGER NOT NULL,
    sealed_key TEXT NOT NULL, PRIMARY KEY (connection_id, provider))`,
];

const user = "0f0e0d0c-0b0a-4908-8706-050403020100";
const connection = "c".repeat(32);

async function run(statements: string[]): Promise<void> {
  for (const sql of statements) await db.prepare(sql).run();
}

async function seedOldTables(): Promise<void> {
  await run(OLD_TABLES);
  await db.prepare("INSERT OR IGNORE INTO users (id, email, created_at) VALUES (?, ?, 1)").bind(user, "migration@example.com").run();
  await db
    .prepare(
      `INSERT OR IGNORE INTO connections (id, user_id, kind, name, verifier, ck_vault, ck_server, sk_id, policy, policy_tag, token_hint, status, version, created_at)
       VALUES (?, ?, 'token', 'Bot', ?, 'v1.a.b', 'v1.c.d', 'sk1', '{}', 'tag', 'abcd', 'active', 1, 1)`,
    )
    .bind(connection, user, "0".repeat(64))
    .run();
  await db.batch([
    db.prepare("INSERT INTO vault_items VALUES ('a1', ?, 'openai', 'Work', 'v1.sealed.one', 3, 5, 10, 20, 'ok', 30)").bind(user),
    db.prepare("INSERT INTO vault_items VALUES ('a2', ?, 'gemini', 'Home', 'v1.sealed.two', 1, 1, 11, 21, NULL, NULL)").bind(user),
    db.prepare("INSERT INTO connection_grants VALUES (?, 'openai', 'a1', 3, 'v1.grant.one')").bind(connection),
  ]);
}

describe("migration 0010 (provider ids from the registry)", () => {
  it("keeps every vault item and grant as it was", async () => {
    await seedOldTables();
    const items = (await db.prepare("SELECT * FROM vault_items ORDER BY id").all()).results;
    const grants = (await db.prepare("SELECT * FROM connection_grants").all()).results;
    await run(migration.queries);
    expect((await db.prepare("SELECT * FROM vault_items ORDER BY id").all()).results).toEqual(items);
    expect((await db.prepare("SELECT * FROM connection_grants").all()).results).toEqual(grants);
    const index = await db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'vault_items_user'").first();
    expect(index).not.toBeNull();
  });

  it("takes the new providers' ids and refuses malformed ones", async () => {
    await db.prepare("INSERT INTO vault_items VALUES ('b1', ?, 'groq', 'Groq', 'v1.x.y', 1, 1, 1, 1, NULL, NULL)").bind(user).run();
    await db.prepare("INSERT INTO connection_grants VALUES (?, 'perplexity', 'b1', 1, 'v1.g.h')").bind(connection).run();
    for (const bad of ["Groq", "groq!", "g", "", "x".repeat(33), "open ai"]) {
      await expect(db.prepare("INSERT INTO vault_items VALUES ('b2', ?, ?, 'Bad', 'v1.x.y', 1, 1, 1, 1, NULL, NULL)").bind(user, bad).run(), bad).rejects.toThrow();
    }
  });

  it("still deletes a connection's grants with it", async () => {
    await db.prepare("DELETE FROM connections WHERE id = ?").bind(connection).run();
    expect((await db.prepare("SELECT COUNT(*) AS n FROM connection_grants WHERE connection_id = ?").bind(connection).first<{ n: number }>())?.n).toBe(0);
  });
});
