import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { AdmitInput } from "../account/gateway-view";
import type { BeginResult } from "../account/ledger-types";
import { decideAdmission } from "../limits/admission";
import { costOfOutput } from "../limits/pricing";
import { usdToMicroUsd } from "../money/money";
import { policyFitsOutput, type ConnectionPolicy } from "../connections/wire";
import { handleChatCompletion } from "./chat-completion";
import { chatRequest, createFakeWorld, makeConnection, policyOf, policyV2Of } from "./test-support";

// Fit output to budget (policy v2) and the budget refusal's figures, through the whole pipeline.
// The fake account object decides with the real admission maths, from the policy it holds.

const fixture = (name: string) => readFileSync(new URL(`../../tests/fakes/fixtures/openai/${name}`, import.meta.url), "utf8");
const okAnswer = () => new Response(fixture("chat-response.json"), { headers: { "content-type": "application/json" } });
const hello = { model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] };

/** An account object that has `spentMicroUsd` of the policy's budget settled this month. */
function objectWith(policy: ConnectionPolicy, spentMicroUsd: number) {
  return (input: AdmitInput): BeginResult => {
    const request = input.request!;
    const decision = decideAdmission({
      now: 0,
      status: "active",
      budgetMicroUsd: policy.budgetUsd === null ? null : usdToMicroUsd(policy.budgetUsd),
      rpm: null,
      accountCapMicroUsd: null,
      connection: { spentMicroUsd, reservedMicroUsd: 0 },
      account: { spentMicroUsd, reservedMicroUsd: 0 },
      rateLog: [],
      costMicroUsd: request.costMicroUsd,
      fit: request.fit ?? null,
      fitOutput: policyFitsOutput(policy),
    });
    if (!decision.ok) {
      const { ok: _, ...refusal } = decision;
      return { ok: false, ...refusal, resetsAt: Date.UTC(2027, 0, 1) };
    }
    return { ok: true, reservationId: "res-1", rate: null, budgetRemainingMicroUsd: decision.budgetRemainingMicroUsd, reservedMicroUsd: decision.reserveMicroUsd, fitted: decision.fitted };
  };
}

async function send(policy: ConnectionPolicy, spentMicroUsd: number, body: object) {
  const connection = makeConnection({ policy });
  const world = createFakeWorld({ connection, decide: objectWith(policy, spentMicroUsd), fetch: okAnswer });
  const response = await handleChatCompletion({ request: chatRequest({ token: connection.token, body }), deps: world.deps });
  await world.drain();
  return { response, world, sent: world.upstream.map((u) => JSON.parse(u.init.body as string) as Record<string, unknown>) };
}

describe("a budget that does not cover a request's worst case", () => {
  it("is refused with what the request could cost and which max_tokens would fit", async () => {
    const { response, world } = await send(policyOf({ budgetUsd: 0.05 }), 45_000, hello);
    expect(response.status).toBe(429);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("insufficient_quota");
    expect(error.message).toMatch(/^This connection's monthly budget of \$0\.05 does not cover this request: it could cost up to \$0\.00\d+ \(no max_tokens was sent, so the model's maximum output, 16,384 tokens, was counted\), and \$0\.005 is left \(\$0\.045 spent\)\. Send max_tokens ≤ [\d,]+, or raise the budget\. It resets on 2027-01-01 00:00 UTC\.$/);
    const fits = Number(/max_tokens ≤ ([\d,]+)/.exec(error.message)![1]!.replace(/,/g, ""));
    // The suggestion is right: that limit is admitted, one more is not.
    expect((await send(policyOf({ budgetUsd: 0.05 }), 45_000, { ...hello, max_tokens: fits })).response.status).toBe(200);
    expect((await send(policyOf({ budgetUsd: 0.05 }), 45_000, { ...hello, max_tokens: fits + 1 })).response.status).toBe(429);
    expect(world.upstream).toEqual([]);
  });

  it("names the client's own limit when it set one", async () => {
    const { response } = await send(policyOf({ budgetUsd: 0.05 }), 45_000, { ...hello, max_tokens: 12_000 });
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/it could cost up to \$[\d.]+ with max_tokens 12,000, and/);
  });

  it("with fit output to budget, runs with the output limit lowered, says so, and holds no more than is left", async () => {
    const policy = policyV2Of({ budgetUsd: 0.05, fitOutput: true });
    const { response, world, sent } = await send(policy, 45_000, { ...hello, max_tokens: 12_000 });
    expect(response.status).toBe(200);
    const fitted = Number(response.headers.get("x-1relay-output-limit-fitted"));
    expect(fitted).toBeGreaterThanOrEqual(256);
    expect(fitted).toBeLessThan(12_000);
    // What the provider received is the lowered limit, in the field the client used.
    expect(sent[0]!.max_tokens).toBe(fitted);
    const admit = world.calls.admit[0]!.request!;
    expect(costOfOutput({ curve: admit.fit!.curve, outputTokens: fitted })).toBeLessThanOrEqual(5_000);
    expect(costOfOutput({ curve: admit.fit!.curve, outputTokens: fitted + 1 })).toBeGreaterThan(5_000);
    expect(Number(response.headers.get("x-1relay-cost-usd"))).toBeLessThanOrEqual(0.005);
  });

  it("lowers the model's maximum too when the client sent no limit (max_completion_tokens upstream)", async () => {
    const { response, sent } = await send(policyV2Of({ budgetUsd: 0.05, fitOutput: true }), 45_000, hello);
    expect(response.status).toBe(200);
    expect(sent[0]!.max_completion_tokens).toBe(Number(response.headers.get("x-1relay-output-limit-fitted")));
  });

  it("does nothing to a request that fits, and nothing without the option", async () => {
    const roomy = await send(policyV2Of({ budgetUsd: 0.05, fitOutput: true }), 0, { ...hello, max_tokens: 100 });
    expect(roomy.response.headers.get("x-1relay-output-limit-fitted")).toBeNull();
    expect(roomy.sent[0]!.max_tokens).toBe(100);
    const off = await send(policyV2Of({ budgetUsd: 0.05, fitOutput: false }), 45_000, hello);
    expect(off.response.status).toBe(429);
  });

  it("still refuses when less than the minimum would fit", async () => {
    const { response } = await send(policyV2Of({ budgetUsd: 0.05, fitOutput: true }), 49_800, hello);
    expect(response.status).toBe(429);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/"Fit output to budget" lowers it only to 256 tokens or more/);
  });
});
