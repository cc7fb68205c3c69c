import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createDb } from "./client";
import { MAX_PASSKEYS } from "../passkeys/limits";
import { deletePasskey, insertPasskey, listPasskeys, readAccountPasskey, readPasskeyForSignIn, recordPasskeyUse } from "./passkey-queries";
import { insertTestUser } from "./test-users";
import { createVault } from "./vault-queries";
import { replaceVault } from "./vault-reset";
import { purgeStaleRecords } from "./purge-stale";
import { rotateVaultKey } from "./vault-rotation";
import { consumeWebAuthnChallenge, insertWebAuthnChallenge, MAX_OUTSTANDING_CHALLENGES } from "./webauthn-challenge-queries";

// Passkey rows belong to one account: another account cannot read, use or remove them, nor
// touch them through a rotation. Challenges are single-use, per purpose and account, and expire.

const d1 = (env as unknown as { DB: D1Database }).DB;
const db = createDb(d1);
const newUser = (label: string) => insertTestUser({ db, label });
let counter = 0;
const passkey = (name: string) => ({ credentialId: `cred${String(++counter).padStart(4, "0")}${"A".repeat(20)}`, name, publicKey: "pk", signCount: 0, prfSalt: "S".repeat(43), wrappedVaultKey: `v1.${"n".repeat(16)}.${name}` });

describe("passkey rows", () => {
  it("belong to their account: another one cannot list, use (for unlock) or remove them", async () => {
    const alice = await newUser("alice");
    const mallory = await newUser("mallory");
    const key = passkey("Alice laptop");
    await insertPasskey({ db, userId: alice, passkey: key, now: 1 });
    expect((await listPasskeys({ db, userId: alice })).map((p) => p.name)).toEqual(["Alice laptop"]);
    expect(await listPasskeys({ db, userId: mallory })).toEqual([]);
    expect(await readAccountPasskey({ db, userId: mallory, credentialId: key.credentialId })).toBeUndefined();
    expect(await recordPasskeyUse({ db, userId: mallory, credentialId: key.credentialId, verifiedAgainst: 0, signCount: 5, now: 2 })).toBe(false);
    expect(await deletePasskey({ db, userId: mallory, credentialId: key.credentialId })).toBeNull();
    // The same credential cannot be registered again, to anyone.
    await expect(insertPasskey({ db, userId: mallory, passkey: key, now: 3 })).rejects.toThrow(/already registered/);
    expect((await readPasskeyForSignIn({ db, credentialId: key.credentialId }))?.userId).toBe(alice);
    expect(await deletePasskey({ db, userId: alice, credentialId: key.credentialId })).toEqual({ name: "Alice laptop" });
    expect(await readPasskeyForSignIn({ db, credentialId: key.credentialId })).toBeUndefined();
  });

  it("record a use once per counter value (compare-and-swap)", async () => {
    const bob = await newUser("bob");
    const key = passkey("Bob phone");
    await insertPasskey({ db, userId: bob, passkey: key, now: 1 });
    const [a, b] = await Promise.all([0, 1].map(() => recordPasskeyUse({ db, userId: bob, credentialId: key.credentialId, verifiedAgainst: 0, signCount: 7, now: 9 })));
    expect([a, b].filter(Boolean)).toHaveLength(1);
    expect(await readAccountPasskey({ db, userId: bob, credentialId: key.credentialId })).toMatchObject({ signCount: 7 });
    expect((await listPasskeys({ db, userId: bob }))[0]!.lastUsedAt).toBe(9);
  });

  it(`an account holds at most ${MAX_PASSKEYS}`, async () => {
    const carol = await newUser("carol");
    for (let i = 0; i < MAX_PASSKEYS; i++) await insertPasskey({ db, userId: carol, passkey: passkey(`key ${i}`), now: i });
    await expect(insertPasskey({ db, userId: carol, passkey: passkey("one more"), now: 99 })).rejects.toThrow(/Remove one first/);
  });

  it("go with a vault reset (each holds a copy of the old vault key)", async () => {
    const dave = await newUser("dave");
    const other = await newUser("erin");
    await createVault({ d1, userId: dave, salt: "A".repeat(22), kdfParams: { m: 65536, t: 3, p: 4 }, wrappedVaultKey: "v1.x.y", signingPublicKey: "K".repeat(43), now: 1 });
    await insertPasskey({ db, userId: dave, passkey: passkey("Dave 1"), now: 1 });
    await insertPasskey({ db, userId: dave, passkey: passkey("Dave 2"), now: 2 });
    await insertPasskey({ db, userId: other, passkey: passkey("Erin"), now: 2 });
    expect(await replaceVault({ d1, userId: dave, vault: { salt: "B".repeat(22), kdfParams: { m: 65536, t: 3, p: 4 }, wrappedVaultKey: "v1.new.vault", signingPublicKey: "N".repeat(43) }, now: 2 })).toEqual({ connections: 0, passkeys: 2 });
    expect(await listPasskeys({ db, userId: dave })).toEqual([]);
    expect(await listPasskeys({ db, userId: other })).toHaveLength(1);
  });
});

describe("vault key rotation and passkeys", () => {
  const vault = { salt: "A".repeat(22), kdfParams: { m: 65536, t: 3, p: 4 }, wrappedVaultKey: "v1.old.vault", signingPublicKey: "K".repeat(43) };
  const input = (passkeys: { credentialId: string; wrappedVaultKey: string }[]) => ({ salt: "B".repeat(22), kdfParams: "m=65536,t=3,p=4", wrappedVaultKey: `v1.new.${crypto.randomUUID()}`, signingPublicKey: "N".repeat(43), expectedVersion: 1, items: [], connections: [], passkeys });

  it("re-wraps the passkeys kept and removes the others, in the same batch; another account's passkey is untouched", async () => {
    const frank = await newUser("frank");
    const gina = await newUser("gina");
    await createVault({ d1, userId: frank, ...vault, now: 1 });
    const kept = passkey("kept");
    const dropped = passkey("dropped");
    const ginas = passkey("gina's");
    for (const [userId, p] of [[frank, kept], [frank, dropped], [gina, ginas]] as const) await insertPasskey({ db, userId, passkey: p, now: 1 });
    const result = await rotateVaultKey({ d1, db, userId: frank, input: input([{ credentialId: kept.credentialId, wrappedVaultKey: "v1.new.kept" }, { credentialId: ginas.credentialId, wrappedVaultKey: "v1.evil.wrap" }]), now: 5 });
    expect(result).toEqual({ passkeysRemoved: 1 });
    expect((await listPasskeys({ db, userId: frank })).map((p) => [p.name, p.wrappedVaultKey])).toEqual([["kept", "v1.new.kept"]]);
    expect((await listPasskeys({ db, userId: gina }))[0]!.wrappedVaultKey).toBe(ginas.wrappedVaultKey);
  });

  it("a rotation that fails its compare-and-swap changes no passkey", async () => {
    const hank = await newUser("hank");
    await createVault({ d1, userId: hank, ...vault, now: 1 });
    const p = passkey("hank");
    await insertPasskey({ db, userId: hank, passkey: p, now: 1 });
    await expect(rotateVaultKey({ d1, db, userId: hank, input: { ...input([]), expectedVersion: 7 }, now: 5 })).rejects.toThrow(/changed in another tab/);
    expect((await listPasskeys({ db, userId: hank }))[0]!.wrappedVaultKey).toBe(p.wrappedVaultKey);
  });
});

describe("WebAuthn challenges", () => {
  it("are single-use, for their purpose and account only, and expire", async () => {
    const ivan = await newUser("ivan");
    const judy = await newUser("judy");
    const now = Date.now();
    await insertWebAuthnChallenge({ db, challenge: "c-ivan", purpose: "unlock", userId: ivan, expiresAt: now + 60_000, now });
    await insertWebAuthnChallenge({ db, challenge: "c-signin", purpose: "sign_in", userId: null, expiresAt: now + 60_000, now });
    expect(await consumeWebAuthnChallenge({ db, challenge: "c-ivan", purpose: "unlock", userId: judy, now })).toBe(false);
    expect(await consumeWebAuthnChallenge({ db, challenge: "c-ivan", purpose: "register", userId: ivan, now })).toBe(false);
    expect(await consumeWebAuthnChallenge({ db, challenge: "c-ivan", purpose: "sign_in", userId: null, now })).toBe(false);
    expect(await consumeWebAuthnChallenge({ db, challenge: "c-signin", purpose: "unlock", userId: ivan, now })).toBe(false);
    const burns = await Promise.all([0, 1].map(() => consumeWebAuthnChallenge({ db, challenge: "c-ivan", purpose: "unlock", userId: ivan, now })));
    expect(burns.filter(Boolean)).toHaveLength(1);
    expect(await consumeWebAuthnChallenge({ db, challenge: "c-signin", purpose: "sign_in", userId: null, now: now + 60_000 })).toBe(false);
    expect(await consumeWebAuthnChallenge({ db, challenge: "c-signin", purpose: "sign_in", userId: null, now })).toBe(true);
  });

  it("are purged by the scheduled sweep once expired", async () => {
    const now = Date.now();
    await db.insertInto("webauthn_challenges").values([
      { challenge: "p-old", purpose: "sign_in", user_id: null, expires_at: now - 1 },
      { challenge: "p-live", purpose: "sign_in", user_id: null, expires_at: now + 60_000 },
    ]).execute();
    await purgeStaleRecords({ db, now });
    const left = await db.selectFrom("webauthn_challenges").select("challenge").where("challenge", "in", ["p-old", "p-live"]).execute();
    expect(left.map((r) => r.challenge)).toEqual(["p-live"]);
  });

  it("an account holds a bounded number per purpose: asking for more drops the oldest", async () => {
    const kim = await newUser("kim");
    const now = Date.now();
    for (let i = 0; i < MAX_OUTSTANDING_CHALLENGES + 3; i++) await insertWebAuthnChallenge({ db, challenge: `k-${i}`, purpose: "register", userId: kim, expiresAt: now + 60_000 + i, now });
    expect(await consumeWebAuthnChallenge({ db, challenge: "k-0", purpose: "register", userId: kim, now })).toBe(false);
    expect(await consumeWebAuthnChallenge({ db, challenge: `k-${MAX_OUTSTANDING_CHALLENGES + 2}`, purpose: "register", userId: kim, now })).toBe(true);
  });
});
