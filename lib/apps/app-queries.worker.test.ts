import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { hashClientSecret, newClientId } from "../connect/codes";
import { insertTestUser } from "../db/test-users";
import { createDb } from "../db/client";
import * as q from "../db/app-queries";
import { encodeBase64 } from "./base64";

const db = createDb((env as unknown as { DB: D1Database }).DB);
const body = { name: "Acme", homepage: "https://acme.example", description: "Notes.", redirectUris: ["https://acme.example/cb", "http://127.0.0.1/cb"] };

const newOwner = (label: string) => insertTestUser({ db, label });

describe("app queries on D1", () => {
  it("keeps an operator's verification only while the details people are shown stay the same", async () => {
    const owner = await newOwner("verified");
    const clientId = newClientId();
    await q.insertApp({ db, ownerId: owner, clientId, body, now: 10 });
    await db.updateTable("apps").set({ verified_at: 20 }).where("client_id", "=", clientId).execute();
    expect((await q.getPublicApp({ db, clientId }))!.verifiedAt).toBe(20);
    // A new description keeps it; a new name, homepage, redirect URI or web origin clears it.
    expect((await q.updateApp({ db, ownerId: owner, clientId, body: { ...body, description: "Better notes." }, now: 21 })).verifiedAt).toBe(20);
    for (const change of [{ name: "Acme Pro" }, { homepage: "https://evil.example" }, { redirectUris: ["https://evil.example/cb"] }, { origins: ["https://evil.example"] }]) {
      await db.updateTable("apps").set({ verified_at: 20 }).where("client_id", "=", clientId).execute();
      expect((await q.updateApp({ db, ownerId: owner, clientId, body: { ...body, ...change }, now: 22 })).verifiedAt).toBeNull();
      expect((await q.getPublicApp({ db, clientId }))!.verifiedAt).toBeNull();
      await q.updateApp({ db, ownerId: owner, clientId, body, now: 23 });
    }
  });

  it("registers, lists, updates and deletes an app for its owner only", async () => {
    const alice = await newOwner("alice");
    const bob = await newOwner("bob");
    const clientId = newClientId();
    const created = await q.insertApp({ db, ownerId: alice, clientId, body, now: 10 });
    expect(created).toEqual({ clientId, ...body, origins: [], logoVersion: 0, hasLogo: false, confidential: false, secretHint: null, createdAt: 10, verifiedAt: null });
    expect(await q.listApps({ db, ownerId: alice })).toEqual([created]);
    expect(await q.listApps({ db, ownerId: bob })).toEqual([]);

    const notFound = { code: "not_found", message: "No such app." };
    const change = { ...body, name: "Pwned" };
    await expect(q.updateApp({ db, ownerId: bob, clientId, body: change, now: 11 })).rejects.toMatchObject(notFound);
    await expect(q.setClientSecret({ db, ownerId: bob, clientId, hash: "0".repeat(64), hint: "abcd", now: 11 })).rejects.toMatchObject(notFound);
    await expect(q.clearClientSecret({ db, ownerId: bob, clientId, now: 11 })).rejects.toMatchObject(notFound);
    await expect(q.setLogo({ db, ownerId: bob, clientId, type: "image/png", base64: "AAAA", now: 11 })).rejects.toMatchObject(notFound);
    await expect(q.deleteApp({ db, ownerId: bob, clientId })).rejects.toMatchObject(notFound);
    await expect(q.updateApp({ db, ownerId: alice, clientId: "app_missing", body: change, now: 11 })).rejects.toMatchObject(notFound);
    expect(await q.listApps({ db, ownerId: alice })).toEqual([created]);

    const updated = await q.updateApp({ db, ownerId: alice, clientId, body: { ...body, name: "Acme 2", redirectUris: ["https://acme.example/new"] }, now: 12 });
    expect(updated).toMatchObject({ name: "Acme 2", redirectUris: ["https://acme.example/new"], origins: [] });
    expect(await q.updateApp({ db, ownerId: alice, clientId, body: { ...body, origins: ["https://acme.example"] }, now: 13 })).toMatchObject({ origins: ["https://acme.example"] });
    expect((await q.getAppCredentials({ db, clientId }))!.origins).toEqual(["https://acme.example"]);
    // Another developer cannot change them.
    await expect(q.updateApp({ db, ownerId: bob, clientId, body: { ...body, origins: ["https://evil.example"] }, now: 14 })).rejects.toMatchObject(notFound);
    expect((await q.getAppCredentials({ db, clientId }))!.origins).toEqual(["https://acme.example"]);
    await q.deleteApp({ db, ownerId: alice, clientId });
    expect(await q.listApps({ db, ownerId: alice })).toEqual([]);
    expect(await q.getPublicApp({ db, clientId })).toBeNull();
  });

  it("stores the secret's hash, bumps the logo version, and serves the public reads", async () => {
    const owner = await newOwner("dev");
    const clientId = newClientId();
    await q.insertApp({ db, ownerId: owner, clientId, body, now: 20 });
    const hash = hashClientSecret(`1rs_${"a".repeat(43)}`);
    const withSecret = await q.setClientSecret({ db, ownerId: owner, clientId, hash, hint: "aaaa", now: 21 });
    expect(withSecret).toMatchObject({ confidential: true, secretHint: "aaaa" });
    expect(JSON.stringify(withSecret)).not.toContain(hash);
    expect(await q.getAppCredentials({ db, clientId })).toEqual({ clientId, redirectUris: body.redirectUris, origins: [], secretHash: hash });

    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    expect((await q.setLogo({ db, ownerId: owner, clientId, type: "image/png", base64: encodeBase64(png), now: 22 })).logoVersion).toBe(1);
    expect((await q.setLogo({ db, ownerId: owner, clientId, type: "image/png", base64: encodeBase64(png), now: 23 })).logoVersion).toBe(2);
    expect(await q.getAppLogo({ db, clientId })).toEqual({ type: "image/png", bytes: png });
    expect(await q.getAppLogo({ db, clientId: "app_missing" })).toBeNull();

    expect(await q.getPublicApp({ db, clientId })).toEqual({ clientId, ...body, origins: [], logoVersion: 2, hasLogo: true, confidential: true, verifiedAt: null });
    const cleared = await q.clearClientSecret({ db, ownerId: owner, clientId, now: 24 });
    expect(cleared).toMatchObject({ confidential: false, secretHint: null });
    expect((await q.getAppCredentials({ db, clientId }))?.secretHash).toBeNull();
    expect(await q.countApps({ db, ownerId: owner })).toBe(1);
  });

  it("deletes an app that has authorization requests (their cascade is not mistaken for a missing app)", async () => {
    const owner = await newOwner("cascade");
    const clientId = newClientId();
    await q.insertApp({ db, ownerId: owner, clientId, body, now: 30 });
    await db
      .insertInto("authorization_requests")
      .values({ id: crypto.randomUUID().replaceAll("-", ""), client_id: clientId, redirect_uri: body.redirectUris[0]!, state: "s", code_challenge: "c", scope: "openai", app_key: "k", suggested: "{}", display: "page", status: "pending", user_id: null, connection_id: null, connection_body: null, granted_scope: null, sealed_secret: null, code_hash: null, code_expires_at: null, created_at: 30, expires_at: 40 })
      .execute();
    await q.deleteApp({ db, ownerId: owner, clientId });
    expect(await q.getPublicApp({ db, clientId })).toBeNull();
    expect(await db.selectFrom("authorization_requests").select("id").where("client_id", "=", clientId).execute()).toEqual([]);
  });
});
