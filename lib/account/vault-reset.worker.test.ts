import type { D1Migration } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { createDb } from "../db/client";
import { replaceEmailConfirmation } from "../db/email-confirmation-queries";
import { insertTestUser } from "../db/test-users";
import { createVault, hadVault, readVault } from "../db/vault-queries";
import { replaceVault } from "../db/vault-reset";
import { hashConfirmationCode } from "./confirmation-check";
import { resetVaultWithCode } from "./vault-reset";

// Decision 024: a vault reset and the new vault are ONE request. The reset checks the fresh
// emailed code, then replaces the vault in one batch; a wrong code changes nothing; and
// POST /api/vault (createVault) makes only an account's first vault, so a session cookie alone
// can never install a signing key on an account whose vault was reset.

const testEnv = env as unknown as { DB: D1Database; TEST_MIGRATIONS: D1Migration[] };
const d1 = testEnv.DB;
const db = createDb(d1);
const secret = "test-secret-for-vault-reset";

const firstVault = { salt: "A".repeat(22), kdfParams: { m: 65536, t: 3, p: 4 }, wrappedVaultKey: "v1.aaaaaaaaaaaaaaaa.first", signingPublicKey: "O".repeat(43) };
const ownersVault = { salt: "B".repeat(22), kdfParams: { m: 65536, t: 3, p: 4 }, wrappedVaultKey: "v1.bbbbbbbbbbbbbbbb.owner", signingPublicKey: "N".repeat(43) };
const thiefsVault = { salt: "C".repeat(22), kdfParams: { m: 65536, t: 3, p: 4 }, wrappedVaultKey: "v1.cccccccccccccccc.thief", signingPublicKey: "T".repeat(43) };

/** What an emailed code does: its hash stored for the account and purpose (lib/account/email-confirmation.ts). */
async function emailCode(userId: string, code = "7KQ2M9XD", purpose: "vault_reset" | "account_delete" = "vault_reset"): Promise<string> {
  await replaceEmailConfirmation({ db, userId, purpose, codeHash: hashConfirmationCode({ userId, purpose, code, secret }), expiresAt: Date.now() + 60_000 });
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

async function snapshot(userId: string): Promise<string> {
  const [vault, items, passkeys, connections, nonces, user] = await Promise.all([
    db.selectFrom("vaults").selectAll().where("user_id", "=", userId).execute(),
    db.selectFrom("vault_items").selectAll().where("user_id", "=", userId).execute(),
    db.selectFrom("passkeys").selectAll().where("user_id", "=", userId).execute(),
    db.selectFrom("connections").select(["id", "ck_vault", "status"]).where("user_id", "=", userId).execute(),
    db.selectFrom("vault_nonces").selectAll().where("user_id", "=", userId).execute(),
    db.selectFrom("users").selectAll().where("id", "=", userId).execute(),
  ]);
  return JSON.stringify({ vault, items, passkeys, connections, nonces, user });
}

const reset = ({ userId, code, vault = ownersVault, revokeConnections = false, revokeAll = async () => 0 }: { userId: string; code: string; vault?: typeof ownersVault; revokeConnections?: boolean; revokeAll?: () => Promise<number> }) =>
  resetVaultWithCode({ d1, secret, userId, body: { ...vault, emailCode: code, revokeConnections }, revokeAll, now: Date.now() });

let userId: string;

beforeEach(async () => {
  userId = await insertTestUser({ db, label: "reset" });
  await createVault({ d1, userId, ...firstVault, now: 1 });
  await db
    .insertInto("vault_items")
    .values({ id: crypto.randomUUID().replaceAll("-", ""), user_id: userId, provider: "openai", label: "Old key", sealed_key: "v1.x.y", key_version: 1, version: 1, created_at: 1, updated_at: 1, key_status: null, key_checked_at: null })
    .execute();
  await db
    .insertInto("passkeys")
    .values({ credential_id: `cred-${crypto.randomUUID()}`, user_id: userId, name: "Laptop", public_key: "pk", sign_count: 0, prf_salt: "S".repeat(43), wrapped_vault_key: "v1.p.k", created_at: 1, last_used_at: null })
    .execute();
  await db
    .insertInto("connections")
    .values({ id: crypto.randomUUID().replaceAll("-", ""), user_id: userId, kind: "token", name: "Kept bot", verifier: "v", ck_vault: "v1.ck.old", ck_server: "v1.c.d", sk_id: "sk1", policy: "{}", policy_tag: "tag", token_hint: "abcd", status: "paused", version: 1, created_at: 1, client_id: null, last_used_at: null, revoked_at: null, is_key_test: 0, created_via: null })
    .execute();
  await db.insertInto("vault_nonces").values({ nonce: `n-${crypto.randomUUID()}`, user_id: userId, expires_at: Date.now() + 60_000 }).execute();
});

describe("vault reset in one request", () => {
  it("with a wrong code, another account's code or another purpose's code changes nothing", async () => {
    const before = await snapshot(userId);
    let revokes = 0;
    const revokeAll = async () => ++revokes;
    await emailCode(userId);
    await expect(reset({ userId, code: "ABCD-EFGH", revokeConnections: true, revokeAll })).rejects.toMatchObject({ code: "forbidden", field: "emailCode", message: expect.stringContaining("not right") });
    const other = await insertTestUser({ db, label: "reset-other" });
    await expect(reset({ userId, code: await emailCode(other, "ZZZZ2222"), revokeConnections: true, revokeAll })).rejects.toMatchObject({ code: "forbidden" });
    await expect(reset({ userId, code: await emailCode(userId, "DDDD3333", "account_delete"), revokeConnections: true, revokeAll })).rejects.toMatchObject({ code: "forbidden" });
    expect(revokes).toBe(0);
    expect(await snapshot(userId)).toBe(before);
  });

  it("with the right code replaces the vault at once: new signing key, no old item, passkey, nonce or CK", async () => {
    const result = await reset({ userId, code: await emailCode(userId) });
    expect(result).toEqual({ revoked: 0, passkeys: 1 });
    const { vault, items } = await readVault({ db, userId });
    expect(vault).toMatchObject({ salt: ownersVault.salt, wrappedVaultKey: ownersVault.wrappedVaultKey, signingPublicKey: ownersVault.signingPublicKey, version: 2 });
    expect(items).toEqual([]);
    expect(await db.selectFrom("passkeys").select("credential_id").where("user_id", "=", userId).execute()).toEqual([]);
    expect(await db.selectFrom("vault_nonces").select("nonce").where("user_id", "=", userId).execute()).toEqual([]);
    // The kept connection stays (paused), without its CK under the old vault key.
    expect(await db.selectFrom("connections").select(["status", "ck_vault"]).where("user_id", "=", userId).execute()).toEqual([{ status: "paused", ck_vault: null }]);
    // The code is used up.
    await expect(reset({ userId, code: "7KQ2-M9XD", vault: thiefsVault })).rejects.toMatchObject({ code: "forbidden" });
    expect((await readVault({ db, userId })).vault?.signingPublicKey).toBe(ownersVault.signingPublicKey);
  });

  it("revokes every connection only when asked", async () => {
    let revokes = 0;
    expect(await reset({ userId, code: await emailCode(userId), revokeConnections: true, revokeAll: async () => ++revokes })).toMatchObject({ revoked: 1 });
    expect(revokes).toBe(1);
  });

  it("is one transaction: if writing the new vault fails, the old vault, keys and passkeys are all still there", async () => {
    const before = await snapshot(userId);
    const broken = { ...ownersVault, salt: null as unknown as string };
    await expect(replaceVault({ d1, userId, vault: broken, now: Date.now() })).rejects.toThrow();
    expect(await snapshot(userId)).toBe(before);
  });

  it("after a reset, POST /api/vault (createVault) is refused: a session alone cannot install a signing key", async () => {
    await reset({ userId, code: await emailCode(userId) });
    await expect(createVault({ d1, userId, ...thiefsVault, now: 5 })).rejects.toMatchObject({ code: "conflict" });
    // Even with no vault row (an account reset before decision 024): refused, and said so.
    await db.deleteFrom("vaults").where("user_id", "=", userId).execute();
    await expect(createVault({ d1, userId, ...thiefsVault, now: 6 })).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("Your vault was reset") });
    expect(await readVault({ db, userId })).toMatchObject({ vault: null });
    expect(await hadVault({ db, userId })).toBe(true);
    // The owner, with a code, gets the new vault.
    await reset({ userId, code: await emailCode(userId) });
    expect((await readVault({ db, userId })).vault?.signingPublicKey).toBe(ownersVault.signingPublicKey);
  });

  it("a first vault is still made with the session alone, once", async () => {
    const newcomer = await insertTestUser({ db, label: "first-vault" });
    expect(await hadVault({ db, userId: newcomer })).toBe(false);
    await createVault({ d1, userId: newcomer, ...ownersVault, now: 1 });
    expect(await hadVault({ db, userId: newcomer })).toBe(true);
    await expect(createVault({ d1, userId: newcomer, ...thiefsVault, now: 2 })).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("already have a vault") });
    expect((await readVault({ db, userId: newcomer })).vault?.signingPublicKey).toBe(ownersVault.signingPublicKey);
  });
});

describe("migration 0017", () => {
  it("marks every account that has or had a vault (a vault row, a vault_created or vault_reset event, a connection), and no other", async () => {
    const migration = testEnv.TEST_MIGRATIONS.find((m) => m.name.startsWith("0017_"))!;
    const withVault = await insertTestUser({ db, label: "m-vault" });
    await createVault({ d1, userId: withVault, ...firstVault, now: 11 });
    const resetBefore = await insertTestUser({ db, label: "m-reset" });
    await db.insertInto("audit_events").values({ id: crypto.randomUUID(), user_id: resetBefore, kind: "vault_reset", detail: "{}", created_at: 22 }).execute();
    const never = await insertTestUser({ db, label: "m-never" });
    await db.updateTable("users").set({ vault_first_created_at: null }).where("id", "in", [withVault, resetBefore, never]).execute();
    for (const query of migration.queries.filter((q) => !/ALTER TABLE/i.test(q))) await d1.prepare(query).run();
    const marks = await db.selectFrom("users").select(["id", "vault_first_created_at"]).where("id", "in", [withVault, resetBefore, never]).execute();
    expect(Object.fromEntries(marks.map((m) => [m.id, m.vault_first_created_at]))).toEqual({ [withVault]: 11, [resetBefore]: 22, [never]: null });
    await expect(createVault({ d1, userId: resetBefore, ...thiefsVault, now: 33 })).rejects.toMatchObject({ code: "conflict" });
  });
});
