import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { cancelAccountAuthorizations } from "./authorization-queries";
import { createDb } from "./client";
import {
  clearDeviceMaterial,
  findByDeviceCodeHash,
  findPendingByUserCodeHash,
  getDeviceAuthorization,
  insertDeviceAuthorization,
  markDeviceApproved,
  markDeviceDenied,
  markDeviceExchanged,
  recordDevicePoll,
  type DeviceRow,
} from "./device-queries";
import { purgeStaleRecords } from "./purge-stale";
import { insertTestUser } from "./test-users";

const db = createDb((env as unknown as { DB: D1Database }).DB);
const newUser = (label: string) => insertTestUser({ db, label });
const hex = () => crypto.randomUUID().replaceAll("-", "");

async function newDevice({ now, ttl = 600_000, userCodeHash = hex() + hex() }: { now: number; ttl?: number; userCodeHash?: string }): Promise<DeviceRow> {
  const row: DeviceRow = {
    id: hex(), client_id: "1relay-cli", device_code_hash: hex() + hex(), user_code_hash: userCodeHash, code_challenge: "c", scope: "openai", program_key: "k", suggested: "{}",
    device_name: null, requester_ip: "203.0.113.7", requester_location: null, requester_agent: "test", status: "pending", interval_seconds: 5, last_polled_at: now,
    user_id: null, connection_id: null, connection_body: null, granted_scope: null, sealed_secret: null, created_at: now, expires_at: now + ttl,
  };
  expect(await insertDeviceAuthorization({ db, row })).toBe(true);
  return row;
}

const approve = ({ row, userId, now, holdMs = 60_000 }: { row: DeviceRow; userId: string; now: number; holdMs?: number }) =>
  markDeviceApproved({ db, id: row.id, userId, connectionId: `conn-${row.id}`, connectionBody: '{"wrapped":"material"}', grantedScope: "openai", sealedSecret: "v1.sealed", now, holdMs });

describe("device authorizations in D1", () => {
  it("a user code is taken once: a second request drawing the same code is refused (the service draws again)", async () => {
    const now = Date.now();
    const first = await newDevice({ now });
    const clash = { ...first, id: hex(), device_code_hash: hex() + hex() };
    expect(await insertDeviceAuthorization({ db, row: clash })).toBe(false);
  });

  it("a user code finds its request only while it is pending and in time", async () => {
    const now = Date.now();
    const row = await newDevice({ now, ttl: 1_000 });
    expect((await findPendingByUserCodeHash({ db, userCodeHash: row.user_code_hash, now }))?.id).toBe(row.id);
    expect(await findPendingByUserCodeHash({ db, userCodeHash: row.user_code_hash, now: now + 1_000 })).toBeNull();
    expect(await markDeviceDenied({ db, id: row.id, now })).toBe(true);
    expect(await findPendingByUserCodeHash({ db, userCodeHash: row.user_code_hash, now })).toBeNull();
    expect(await markDeviceDenied({ db, id: row.id, now })).toBe(false);
  });

  it("records a poll only if no other poll came in between (two at once: one of them is slowed down)", async () => {
    const now = Date.now();
    const row = await newDevice({ now: now - 10_000 });
    const polls = await Promise.all([0, 1].map(() => recordDevicePoll({ db, id: row.id, seenPolledAt: row.last_polled_at, intervalSeconds: 5, now })));
    expect(polls.sort()).toEqual([false, true]);
    expect(await recordDevicePoll({ db, id: row.id, seenPolledAt: now, intervalSeconds: 10, now: now + 1 })).toBe(true);
    expect(await getDeviceAuthorization({ db, id: row.id })).toMatchObject({ last_polled_at: now + 1, interval_seconds: 10 });
  });

  it("an approval near the end keeps the request a minute longer; the device code is burnt once", async () => {
    const person = await newUser("device-person");
    const now = Date.now();
    const row = await newDevice({ now: now - 590_000 });
    expect(await approve({ row, userId: person, now })).toBe(true);
    expect(await approve({ row, userId: person, now })).toBe(false);
    const approved = await findByDeviceCodeHash({ db, deviceCodeHash: row.device_code_hash });
    expect(approved).toMatchObject({ status: "approved", user_id: person, sealed_secret: "v1.sealed", expires_at: now + 60_000 });
    const burns = await Promise.all([0, 1, 2].map(() => markDeviceExchanged({ db, id: row.id, now: now + 1 })));
    expect(burns.filter(Boolean)).toHaveLength(1);
    await clearDeviceMaterial({ db, id: row.id });
    expect(await getDeviceAuthorization({ db, id: row.id })).toMatchObject({ status: "exchanged", sealed_secret: null, connection_body: null });
  });

  it("an approval cannot be fetched after its time", async () => {
    const person = await newUser("device-late");
    const now = Date.now();
    const row = await newDevice({ now });
    expect(await approve({ row, userId: person, now, holdMs: 0 })).toBe(true);
    expect(await markDeviceExchanged({ db, id: row.id, now: row.expires_at })).toBe(false);
  });
});

describe("device authorizations: the purge", () => {
  it("drops an unfetched approval's sealed K at once, keeps expired requests 15 minutes for late polls, exchanged ones a day", async () => {
    const person = await newUser("device-purge");
    const now = Date.now();
    const live = await newDevice({ now });
    const late = await newDevice({ now: now - 700_000 });
    const gone = await newDevice({ now: now - 2_000_000 });
    const unfetched = await newDevice({ now: now - 650_000 });
    expect(await approve({ row: unfetched, userId: person, now: now - 640_000, holdMs: 0 })).toBe(true);
    const fetched = await newDevice({ now: now - 2_000_000 });
    expect(await approve({ row: fetched, userId: person, now: now - 1_999_000 })).toBe(true);
    expect(await markDeviceExchanged({ db, id: fetched.id, now: now - 1_998_000 })).toBe(true);

    await purgeStaleRecords({ db, now });
    expect(await getDeviceAuthorization({ db, id: live.id })).toMatchObject({ status: "pending" });
    expect(await getDeviceAuthorization({ db, id: late.id })).toMatchObject({ status: "pending" });
    expect(await getDeviceAuthorization({ db, id: gone.id })).toBeNull();
    expect(await getDeviceAuthorization({ db, id: unfetched.id })).toMatchObject({ status: "approved", sealed_secret: null, connection_body: null });
    expect(await getDeviceAuthorization({ db, id: fetched.id })).toMatchObject({ status: "exchanged" });
  });
});

describe("device authorizations: cancelled with revoke everything, vault reset and account deletion", () => {
  it("an approved, unfetched request can no longer be fetched; exchanged ones are named; only this account's are touched", async () => {
    const alice = await newUser("device-alice");
    const bob = await newUser("device-bob");
    const now = Date.now();
    const mine = await newDevice({ now });
    expect(await approve({ row: mine, userId: alice, now })).toBe(true);
    const theirs = await newDevice({ now });
    expect(await approve({ row: theirs, userId: bob, now })).toBe(true);
    const fetched = await newDevice({ now });
    expect(await approve({ row: fetched, userId: alice, now })).toBe(true);
    expect(await markDeviceExchanged({ db, id: fetched.id, now })).toBe(true);

    const { cancelled, exchangedConnectionIds } = await cancelAccountAuthorizations({ db, userId: alice });
    expect(cancelled).toBe(1);
    expect(exchangedConnectionIds).toEqual([`conn-${fetched.id}`]);
    expect(await getDeviceAuthorization({ db, id: mine.id })).toMatchObject({ status: "denied", sealed_secret: null, connection_body: null });
    expect(await markDeviceExchanged({ db, id: mine.id, now })).toBe(false);
    expect(await getDeviceAuthorization({ db, id: theirs.id })).toMatchObject({ status: "approved", sealed_secret: "v1.sealed" });
  });
});
