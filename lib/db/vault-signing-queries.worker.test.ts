import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { insertTestUser } from "./test-users";
import { createDb } from "./client";
import { consumeEmailConfirmation, MAX_CONFIRMATION_ATTEMPTS, replaceEmailConfirmation } from "./email-confirmation-queries";
import { consumeVaultNonce, insertVaultNonce, MAX_OUTSTANDING_NONCES } from "./vault-nonce-queries";
import { createVault, installSigningPublicKey, readSigningPublicKey } from "./vault-queries";

const d1 = (env as unknown as { DB: D1Database }).DB;
const db = createDb(d1);

const newUser = (label: string) => insertTestUser({ db, label });

describe("vault nonces", () => {
  it("are single-use, per account, and expire", async () => {
    const alice = await newUser("alice");
    const bob = await newUser("bob");
    const now = Date.now();
    await insertVaultNonce({ db, userId: alice, nonce: "n-alice", expiresAt: now + 60_000, now });
    await insertVaultNonce({ db, userId: alice, nonce: "n-old", expiresAt: now + 10, now });
    expect(await consumeVaultNonce({ db, userId: bob, nonce: "n-alice", now })).toBe(false);
    const [one, two] = await Promise.all([consumeVaultNonce({ db, userId: alice, nonce: "n-alice", now }), consumeVaultNonce({ db, userId: alice, nonce: "n-alice", now })]);
    expect([one, two].filter(Boolean)).toHaveLength(1);
    expect(await consumeVaultNonce({ db, userId: alice, nonce: "n-old", now: now + 10 })).toBe(false);
  });

  it("an account holds a bounded number: asking for more drops the oldest", async () => {
    const carol = await newUser("carol");
    const now = Date.now();
    for (let i = 0; i < MAX_OUTSTANDING_NONCES + 5; i++) await insertVaultNonce({ db, userId: carol, nonce: `c-${i}`, expiresAt: now + 60_000 + i, now });
    const rows = await db.selectFrom("vault_nonces").select("nonce").where("user_id", "=", carol).execute();
    expect(rows).toHaveLength(MAX_OUTSTANDING_NONCES);
    expect(await consumeVaultNonce({ db, userId: carol, nonce: "c-0", now })).toBe(false);
    expect(await consumeVaultNonce({ db, userId: carol, nonce: `c-${MAX_OUTSTANDING_NONCES + 4}`, now })).toBe(true);
  });
});

describe("the vault's signing public key", () => {
  it("is stored at creation; a vault without one (made before v1.1) gets one once, never a replacement", async () => {
    const dave = await newUser("dave");
    expect(await readSigningPublicKey({ db, userId: dave })).toBeUndefined();
    await createVault({ d1, userId: dave, salt: "A".repeat(22), kdfParams: { m: 65536, t: 3, p: 4 }, wrappedVaultKey: "v1.x.y", signingPublicKey: "K".repeat(43), now: 1 });
    expect(await readSigningPublicKey({ db, userId: dave })).toBe("K".repeat(43));
    expect(await installSigningPublicKey({ db, userId: dave, signingPublicKey: "E".repeat(43), now: 2 })).toBe(false);
    expect(await readSigningPublicKey({ db, userId: dave })).toBe("K".repeat(43));

    await db.updateTable("vaults").set({ signing_public_key: null }).where("user_id", "=", dave).execute();
    expect(await readSigningPublicKey({ db, userId: dave })).toBeNull();
    const [a, b] = await Promise.all([installSigningPublicKey({ db, userId: dave, signingPublicKey: "P".repeat(43), now: 3 }), installSigningPublicKey({ db, userId: dave, signingPublicKey: "Q".repeat(43), now: 3 })]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
  });
});

describe("emailed confirmation codes", () => {
  it("work once, for their account and purpose only", async () => {
    const erin = await newUser("erin");
    const frank = await newUser("frank");
    const now = Date.now();
    await replaceEmailConfirmation({ db, userId: erin, purpose: "vault_reset", codeHash: "right", expiresAt: now + 60_000 });
    expect(await consumeEmailConfirmation({ db, userId: frank, purpose: "vault_reset", codeHash: "right", now })).toEqual({ status: "none" });
    expect(await consumeEmailConfirmation({ db, userId: erin, purpose: "account_delete", codeHash: "right", now })).toEqual({ status: "none" });
    expect(await consumeEmailConfirmation({ db, userId: erin, purpose: "vault_reset", codeHash: "right", now })).toEqual({ status: "ok" });
    expect(await consumeEmailConfirmation({ db, userId: erin, purpose: "vault_reset", codeHash: "right", now })).toEqual({ status: "none" });
  });

  it("count parallel wrong guesses atomically and burn after five; expire", async () => {
    const gina = await newUser("gina");
    const now = Date.now();
    await replaceEmailConfirmation({ db, userId: gina, purpose: "account_delete", codeHash: "right", expiresAt: now + 60_000 });
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => consumeEmailConfirmation({ db, userId: gina, purpose: "account_delete", codeHash: `wrong-${i}`, now })));
    expect(results.filter((r) => r.status === "wrong")).toHaveLength(MAX_CONFIRMATION_ATTEMPTS - 1);
    expect(await consumeEmailConfirmation({ db, userId: gina, purpose: "account_delete", codeHash: "right", now })).toEqual({ status: "locked" });
    await replaceEmailConfirmation({ db, userId: gina, purpose: "account_delete", codeHash: "late", expiresAt: now - 1 });
    expect(await consumeEmailConfirmation({ db, userId: gina, purpose: "account_delete", codeHash: "late", now })).toEqual({ status: "expired" });
  });
});
