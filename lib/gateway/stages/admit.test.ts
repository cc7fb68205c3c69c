import { describe, expect, it } from "vitest";
import type { BeginResult } from "../../account/ledger-types";
import { createGatewayContext } from "../context";
import { createSettlement } from "../settlement";
import { admitted, chatRequest, createFakeWorld, makeConnection, policyOf } from "../test-support";
import { admit, refusePaused } from "./admit";
import type { Authenticated } from "./authenticate";

function setup(admission: BeginResult | null, status: "active" | "paused" = "active") {
  const world = createFakeWorld({ connection: makeConnection() });
  const ctx = createGatewayContext({ request: chatRequest({ token: null, body: {} }), deps: world.deps });
  const settlement = createSettlement({ ctx, api: "chat", accountId: "a", connectionId: "c", policy: policyOf(), call: null });
  const auth: Authenticated = { connection: { accountId: "a", connectionId: "c", status, ck: new Uint8Array(32), policy: policyOf(), grants: [] }, admission };
  return { world, settlement, auth };
}

describe("stage admit", () => {
  it("holds the object's admission in the settlement", () => {
    const { auth, settlement } = setup(admitted({ reservedMicroUsd: 10 }));
    expect(admit({ auth, settlement })).toMatchObject({ reservationId: "res-1" });
    expect(settlement.admitted?.reservedMicroUsd).toBe(10);
  });

  it("turns a refusal into its error and leaves the record to the object", async () => {
    const { auth, settlement, world } = setup({ ok: false, reason: "budget_exhausted", rate: null, limitMicroUsd: 1_000_000, spentMicroUsd: 990_000, reservedMicroUsd: 0, resetsAt: Date.UTC(2027, 0, 1) });
    expect(() => admit({ auth, settlement })).toThrow(expect.objectContaining({ httpStatus: 429, openaiCode: "insufficient_quota", headers: { "x-should-retry": "false" } }));
    settlement.settle({ status: 429, errorCode: "insufficient_quota", outcome: { kind: "not_sent" } });
    await world.drain();
    expect(world.calls.finish).toEqual([]);
  });

  it("refuses as expired an in-scope request the object declined (its clock saw the policy expire)", () => {
    const { auth, settlement } = setup(null);
    expect(() => admit({ auth, settlement })).toThrow(expect.objectContaining({ httpStatus: 401, message: "This relay token has expired." }));
  });

  it("refuses a paused connection, recorded by the object only when it refused an admission", async () => {
    const asked = setup({ ok: false, reason: "paused", rate: null, resetsAt: 0 }, "paused");
    expect(() => refusePaused(asked)).toThrow(expect.objectContaining({ openaiCode: "connection_paused" }));
    asked.settlement.settle({ status: 403, errorCode: "connection_paused", outcome: { kind: "not_sent" } });
    const notAsked = setup(null, "paused");
    expect(() => refusePaused(notAsked)).toThrow(expect.objectContaining({ openaiCode: "connection_paused" }));
    notAsked.settlement.settle({ status: 403, errorCode: "connection_paused", outcome: { kind: "not_sent" } });
    await asked.world.drain();
    await notAsked.world.drain();
    expect(asked.world.calls.finish).toEqual([]);
    expect(notAsked.world.calls.finish).toHaveLength(1);
    expect(() => refusePaused(setup(admitted()))).not.toThrow();
  });
});
