import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { newClientId } from "../connect/codes";
import { insertApp } from "./app-queries";
import { cancelAccountAuthorizations, findByCodeHash, getAuthorizationRequest, insertAuthorizationRequest, markApproved, markExchanged, type AuthorizationRow } from "./authorization-queries";
import { insertTestUser } from "./test-users";
import { createDb } from "./client";
import { purgeStaleRecords } from "./purge-stale";

const db = createDb((env as unknown as { DB: D1Database }).DB);

const newUser = (label: string) => insertTestUser({ db, label });

async function newRequest({ clientId, now, ttl = 15 * 60_000 }: { clientId: string; now: number; ttl?: number }): Promise<string> {
  const id = crypto.randomUUID().replaceAll("-", "");
  const row: AuthorizationRow = {
    id, client_id: clientId, redirect_uri: "https://acme.example/cb", state: "s", code_challenge: "c", scope: "openai", app_key: "k", suggested: "{}", display: "page",
    status: "pending", user_id: null, connection_id: null, connection_body: null, granted_scope: null, sealed_secret: null, code_hash: null, code_expires_at: null, created_at: now, expires_at: now + ttl,
  };
  await insertAuthorizationRequest({ db, row });
  return id;
}

async function approve({ id, userId, now, code }: { id: string; userId: string; now: number; code: string }) {
  expect(await markApproved({ db, id, userId, connectionId: `conn-${id}`, connectionBody: '{"wrapped":"material"}', grantedScope: "openai", sealedSecret: "v1.sealed", codeHash: code, codeExpiresAt: now + 60_000, now })).toBe(true);
}

async function setUp() {
  const owner = await newUser("dev");
  const clientId = newClientId();
  await insertApp({ db, ownerId: owner, clientId, body: { name: "Acme", homepage: "https://acme.example", description: "", redirectUris: ["https://acme.example/cb"] }, now: 1 });
  return clientId;
}

describe("authorization requests: the purge", () => {
  it("deletes unanswered requests past their time and approved ones whose code expired, sealed K with them", async () => {
    const clientId = await setUp();
    const person = await newUser("person");
    const now = Date.now();
    const live = await newRequest({ clientId, now });
    const unanswered = await newRequest({ clientId, now: now - 20 * 60_000 });
    const approvedLive = await newRequest({ clientId, now });
    await approve({ id: approvedLive, userId: person, now, code: `h-${approvedLive}` });
    const approvedExpired = await newRequest({ clientId, now: now - 5 * 60_000 });
    await approve({ id: approvedExpired, userId: person, now: now - 5 * 60_000, code: `h-${approvedExpired}` });

    await purgeStaleRecords({ db, now });
    expect(await getAuthorizationRequest({ db, id: live })).not.toBeNull();
    expect(await getAuthorizationRequest({ db, id: approvedLive })).toMatchObject({ status: "approved", sealed_secret: "v1.sealed" });
    expect(await getAuthorizationRequest({ db, id: unanswered })).toBeNull();
    // The code lived 60 s: a minute later nothing of it is kept, the sealed K least of all.
    expect(await getAuthorizationRequest({ db, id: approvedExpired })).toBeNull();
  });
});

describe("authorization requests: cancelled with revoke everything, vault reset and account deletion", () => {
  it("an approved, unexchanged code can no longer be exchanged, and only this account's are touched", async () => {
    const clientId = await setUp();
    const alice = await newUser("alice");
    const bob = await newUser("bob");
    const now = Date.now();
    const mine = await newRequest({ clientId, now });
    await approve({ id: mine, userId: alice, now, code: `h-${mine}` });
    const theirs = await newRequest({ clientId, now });
    await approve({ id: theirs, userId: bob, now, code: `h-${theirs}` });
    const exchanged = await newRequest({ clientId, now });
    await approve({ id: exchanged, userId: alice, now, code: `h-${exchanged}` });
    expect(await markExchanged({ db, id: exchanged })).toBe(true);

    const { cancelled, exchangedConnectionIds } = await cancelAccountAuthorizations({ db, userId: alice });
    expect(cancelled).toBe(1);
    // A connection an exchange may still be writing is named, so the account object refuses it.
    expect(exchangedConnectionIds).toEqual([`conn-${exchanged}`]);
    expect(await findByCodeHash({ db, codeHash: `h-${mine}` })).toBeNull();
    expect(await getAuthorizationRequest({ db, id: mine })).toMatchObject({ status: "denied", sealed_secret: null, connection_body: null, code_hash: null });
    expect(await markExchanged({ db, id: mine })).toBe(false);
    expect(await getAuthorizationRequest({ db, id: theirs })).toMatchObject({ status: "approved", sealed_secret: "v1.sealed" });
  });
});
