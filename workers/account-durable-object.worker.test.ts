import { env } from "cloudflare:workers";
import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { AccountDurableObject } from "./account-durable-object";

const ns = (env as unknown as { ACCOUNT: DurableObjectNamespace<AccountDurableObject> }).ACCOUNT;

describe("AccountDurableObject (real workerd, SQLite-backed storage)", () => {
  it("binds to its account on first use and counts calls durably", async () => {
    const stub = ns.get(ns.idFromName("user-a"));
    const first = await stub.touch("user-a");
    const second = await stub.touch("user-a");
    expect(first.accountId).toBe("user-a");
    expect(second.calls).toBe(first.calls + 1);
    expect(second.createdAt).toBe(first.createdAt);
    const stored = await runInDurableObject(stub, (_instance, state) =>
      state.storage.sql.exec<{ calls: number }>("SELECT calls FROM account").one(),
    );
    expect(stored.calls).toBe(second.calls);
  });

  it("keeps accounts apart: one object never answers for another account", async () => {
    const a = ns.get(ns.idFromName("user-b"));
    await a.touch("user-b");
    // Called inside the object (a thrown RPC error is reported by the pool as unhandled).
    await runInDurableObject(a, async (instance: AccountDurableObject) => {
      await expect(instance.touch("user-c")).rejects.toThrow(/another account/);
    });
    const c = ns.get(ns.idFromName("user-c"));
    expect((await c.touch("user-c")).calls).toBe(1);
  });

  it("refuses an empty account id", async () => {
    const stub = ns.get(ns.idFromName("user-d"));
    await runInDurableObject(stub, async (instance: AccountDurableObject) => {
      await expect(instance.touch("")).rejects.toThrow(/non-empty/);
    });
  });
});

describe("live stream count", () => {
  it("goes up and down and never below zero", async () => {
    const stub = ns.get(ns.idFromName("user-live"));
    expect(await stub.countLiveStream(1)).toBe(1);
    expect(await stub.countLiveStream(1)).toBe(2);
    expect((await stub.touch("user-live")).liveStreams).toBe(2);
    expect(await stub.countLiveStream(-1)).toBe(1);
    expect(await stub.countLiveStream(-1)).toBe(0);
    expect(await stub.countLiveStream(-1)).toBe(0);
  });
});
