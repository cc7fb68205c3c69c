import { describe, expect, it } from "vitest";
import type { ViewGrant } from "../account/gateway-view";
import { findPrice } from "../limits/pricing";
import { createGatewayContext } from "./context";
import { createSettlement } from "./settlement";
import type { PlannedCall } from "./stages/plan-call";
import { admitted, chatRequest, createFakeWorld, makeConnection, policyOf } from "./test-support";

const usage = { inputTokens: 1000, outputTokens: 500, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 };
const price = findPrice({ provider: "openai", model: "gpt-4o-mini" })!;
const call = { parsed: { call: {}, model: "gpt-4o-mini", stream: false }, target: { provider: "openai", upstreamModel: "gpt-4o-mini" }, bounds: { maxInputTokens: 2000, maxOutputTokens: 800, images: 0 }, price, costMicroUsd: 999 } as PlannedCall<unknown>;
const grant: ViewGrant = { provider: "openai", itemId: "item", itemKeyVersion: 3, sealedKey: "x", keyStatus: "ok" };

function setup(policy = policyOf({ budgetUsd: 2 })) {
  const world = createFakeWorld({ connection: makeConnection() });
  const ctx = createGatewayContext({ request: chatRequest({ token: null, body: {} }), deps: world.deps });
  return { world, settlement: createSettlement({ ctx, api: "chat", accountId: "acct", connectionId: "conn", policy, call }) };
}

describe("a request's settlement", () => {
  it("settles exactly once, at the real cost, and tells the object after answering", async () => {
    const { world, settlement } = setup();
    settlement.hold(admitted({ reservedMicroUsd: 999, budgetRemainingMicroUsd: 1_000_000 }) as never);
    const first = settlement.settle({ status: 200, errorCode: null, outcome: { kind: "complete", usage, deliveredBytes: 0 } });
    const again = settlement.settle({ status: 499, errorCode: "client_closed", outcome: { kind: "not_sent" } });
    expect(again).toBe(first);
    expect(first.costMicroUsd).toBeGreaterThan(0);
    expect(first.budgetRemainingMicroUsd).toBe(1_000_000 + 999 - first.costMicroUsd);
    await world.drain();
    expect(world.calls.finish).toHaveLength(1);
    expect(world.calls.finish[0]).toMatchObject({ accountId: "acct", reservationId: "res-1", budgetMicroUsd: 2_000_000, entry: { connectionId: "conn", provider: "openai", model: "gpt-4o-mini", status: 200, inputTokens: 1000, outputTokens: 500, costMicroUsd: first.costMicroUsd } });
  });

  it("records a request refused before admission at no cost and no hold", async () => {
    const { world, settlement } = setup(policyOf());
    expect(settlement.settle({ status: 403, errorCode: "model_not_allowed", outcome: { kind: "not_sent" } })).toEqual({ costMicroUsd: 0, budgetRemainingMicroUsd: undefined });
    await world.drain();
    expect(world.calls.finish[0]).toMatchObject({ reservationId: null, budgetMicroUsd: null, entry: { status: 403, costMicroUsd: 0 } });
  });

  it("does nothing for a request the object already recorded", async () => {
    const { world, settlement } = setup();
    settlement.markRecorded();
    settlement.settle({ status: 429, errorCode: "rate_limit_exceeded", outcome: { kind: "not_sent" } });
    await world.drain();
    expect(world.calls.finish).toEqual([]);
  });

  it("sends the key's verdict only when it differs from what the object had", async () => {
    const same = setup();
    same.settlement.useGrant(grant);
    same.settlement.noteKeyVerdict("ok");
    same.settlement.settle({ status: 200, errorCode: null, outcome: { kind: "complete", usage, deliveredBytes: 0 } });
    const changed = setup();
    changed.settlement.useGrant(grant);
    changed.settlement.noteKeyVerdict("rejected");
    changed.settlement.settle({ status: 401, errorCode: "provider_key_invalid", outcome: { kind: "provider_error" } });
    await same.world.drain();
    await changed.world.drain();
    expect(same.world.calls.finish[0]!.keyVerdict).toBeUndefined();
    expect(changed.world.calls.finish[0]!.keyVerdict).toEqual({ itemId: "item", keyVersion: 3, status: "rejected" });
  });

  it("charges an interrupted request at the bound rule, never below what was delivered", async () => {
    const { world, settlement } = setup();
    settlement.settle({ status: 499, errorCode: "client_closed", outcome: { kind: "interrupted", partial: null, deliveredBytes: 120 } });
    await world.drain();
    expect(world.calls.finish[0]!.entry).toMatchObject({ inputTokens: 2000, outputTokens: 120 });
  });
});
