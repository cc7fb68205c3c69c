import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { seedAccount, seedConnection } from "../../tests/support/d1-seed";
import { deleteAccount } from "./account-queries";
import { createDb } from "./client";
import { revokeAllConnections, revokeConnection } from "./connection-revocation";

// The multi-row writes the security model calls one D1 batch (revoke, revoke everything,
// connection creation, account deletion) are all or nothing: a statement that fails midway
// (forced here by a trigger) leaves every row as it was.

const d1 = (env as unknown as { DB: D1Database }).DB;
const db = createDb(d1);

/** Makes the next matching statement fail inside the batch; returns the trigger's remover. */
async function failOn({ name, table, event, when }: { name: string; table: string; event: "DELETE" | "INSERT"; when: string }): Promise<() => Promise<void>> {
  await d1.prepare(`CREATE TRIGGER ${name} BEFORE ${event} ON ${table} WHEN ${when} BEGIN SELECT RAISE(ABORT, 'forced failure'); END`).run();
  return async () => void (await d1.prepare(`DROP TRIGGER ${name}`).run());
}

const connectionRow = (id: string) => db.selectFrom("connections").select(["status", "ck_server", "sk_id"]).where("id", "=", id).executeTakeFirst();
const grantCount = async (id: string) => (await db.selectFrom("connection_grants").select("provider").where("connection_id", "=", id).execute()).length;

describe("one D1 batch per multi-row write", () => {
  it("revoke: when deleting the grants fails, the connection is not marked revoked either", async () => {
    const account = await seedAccount({ d1, label: "revoke-batch" });
    const { connectionId } = await seedConnection({ d1, account });
    const drop = await failOn({ name: "fail_revoke", table: "connection_grants", event: "DELETE", when: `OLD.connection_id = '${connectionId}'` });
    await expect(revokeConnection({ d1, userId: account.userId, connectionId, now: 5 })).rejects.toThrow(/forced failure/);
    await drop();
    expect(await connectionRow(connectionId)).toMatchObject({ status: "active", sk_id: "sk-test-1" });
    expect(await grantCount(connectionId)).toBe(1);
    await revokeConnection({ d1, userId: account.userId, connectionId, now: 6 });
    expect(await connectionRow(connectionId)).toEqual({ status: "revoked", ck_server: null, sk_id: null });
    expect(await grantCount(connectionId)).toBe(0);
  });

  it("revoke everything: one failing connection leaves all of them as they were", async () => {
    const account = await seedAccount({ d1, label: "revoke-all-batch" });
    const a = await seedConnection({ d1, account, name: "A" });
    const b = await seedConnection({ d1, account, name: "B" });
    const drop = await failOn({ name: "fail_revoke_all", table: "connection_grants", event: "DELETE", when: `OLD.connection_id = '${b.connectionId}'` });
    await expect(revokeAllConnections({ d1, userId: account.userId, connectionIds: [a.connectionId, b.connectionId], now: 5 })).rejects.toThrow(/forced failure/);
    await drop();
    for (const { connectionId } of [a, b]) {
      expect((await connectionRow(connectionId))?.status).toBe("active");
      expect(await grantCount(connectionId)).toBe(1);
    }
    await revokeAllConnections({ d1, userId: account.userId, connectionIds: [a.connectionId, b.connectionId], now: 6 });
    for (const { connectionId } of [a, b]) expect(await grantCount(connectionId)).toBe(0);
  });

  it("revoke everything: more connections than one statement may bind are revoked together", async () => {
    const account = await seedAccount({ d1, label: "revoke-many" });
    const ids = Array.from({ length: 120 }, (_, i) => `${account.userId.replaceAll("-", "").slice(0, 29)}${String(i).padStart(3, "0")}`);
    for (const id of ids) {
      await db
        .insertInto("connections")
        .values({ id, user_id: account.userId, kind: "token", name: id, client_id: null, verifier: "0".repeat(64), ck_vault: null, ck_server: "x", sk_id: "sk", policy: "{}", policy_tag: "t", token_hint: "abcd", status: "active", version: 1, created_at: 1, last_used_at: null, revoked_at: null, is_key_test: 0 })
        .execute();
    }
    await revokeAllConnections({ d1, userId: account.userId, connectionIds: ids, now: 7 });
    const statuses = await db.selectFrom("connections").select("status").where("user_id", "=", account.userId).execute();
    expect(statuses.filter((s) => s.status === "revoked")).toHaveLength(120);
  });

  it("revoking another account's connection changes nothing", async () => {
    const owner = await seedAccount({ d1, label: "owner" });
    const other = await seedAccount({ d1, label: "other" });
    const { connectionId } = await seedConnection({ d1, account: owner });
    await expect(revokeConnection({ d1, userId: other.userId, connectionId, now: 5 })).rejects.toMatchObject({ code: "not_found" });
    await revokeAllConnections({ d1, userId: other.userId, connectionIds: [connectionId], now: 5 });
    expect((await connectionRow(connectionId))?.status).toBe("active");
    expect(await grantCount(connectionId)).toBe(1);
  });

  it("connection creation: when a grant cannot be stored, the connection is not stored either", async () => {
    const account = await seedAccount({ d1, label: "create-batch" });
    const drop = await failOn({ name: "fail_create", table: "connection_grants", event: "INSERT", when: `NEW.item_id = '${account.item.itemId}'` });
    await expect(seedConnection({ d1, account })).rejects.toThrow(/forced failure/);
    await drop();
    expect(await db.selectFrom("connections").select("id").where("user_id", "=", account.userId).execute()).toEqual([]);
  });

  it("account deletion: when the last statement fails, nothing of the account is gone", async () => {
    const account = await seedAccount({ d1, label: "delete-batch" });
    const { connectionId } = await seedConnection({ d1, account });
    const drop = await failOn({ name: "fail_delete", table: "users", event: "DELETE", when: `OLD.id = '${account.userId}'` });
    await expect(deleteAccount({ d1, userId: account.userId })).rejects.toThrow(/forced failure/);
    await drop();
    expect((await connectionRow(connectionId))?.status).toBe("active");
    expect(await db.selectFrom("vault_items").select("id").where("user_id", "=", account.userId).execute()).toHaveLength(1);
    await deleteAccount({ d1, userId: account.userId });
    expect(await connectionRow(connectionId)).toBeUndefined();
    expect(await grantCount(connectionId)).toBe(0);
    expect(await db.selectFrom("users").select("id").where("id", "=", account.userId).execute()).toEqual([]);
  });
});
