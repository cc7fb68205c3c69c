import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { FinishInput } from "../../account/ledger-types";
import { chatCompletionsEndpoint } from "../chat/chat-endpoint";
import { createGatewayContext } from "../context";
import type { GatewayError } from "../gateway-error";
import { createSettlement } from "../settlement";
import { admitted, chatRequest, createFakeWorld, makeConnection, policyOf } from "../test-support";
import { forward } from "./forward";
import { planCall, readCallBody } from "./plan-call";

const fixture = (name: string) => readFileSync(new URL(`../../../tests/fakes/fixtures/openai/${name}`, import.meta.url), "utf8");

async function setup({ fetch, stream = false, signal, forwarder = chatCompletionsEndpoint.forwarder }: { fetch: (url: string, init: RequestInit) => Response | Promise<Response>; stream?: boolean; signal?: AbortSignal; forwarder?: typeof chatCompletionsEndpoint.forwarder }) {
  const world = createFakeWorld({ connection: makeConnection(), fetch });
  const request = chatRequest({ token: null, body: { model: "gpt-4o-mini", max_tokens: 50, stream, messages: [{ role: "user", content: "hi" }] }, signal });
  const ctx = createGatewayContext({ request, deps: world.deps });
  const plan = await planCall({ ctx, parser: chatCompletionsEndpoint.parser, body: readCallBody(request) });
  if (!plan.ok) throw plan.error;
  const settlement = createSettlement({ ctx, api: "chat", accountId: "a", connectionId: "c", policy: policyOf(), call: plan.call });
  settlement.hold(admitted({ reservedMicroUsd: 500 }) as never);
  settlement.useGrant({ provider: "openai", itemId: "i", itemKeyVersion: 1, sealedKey: "x", keyStatus: "ok" });
  const run = () => forward({ ctx, forwarder, call: plan.call, grant: { upstream: { url: "https://openai.test/v1/chat/completions", headers: {}, body: "{}" }, secrets: ["sk-secret"] }, settlement });
  const finished = async (): Promise<FinishInput[]> => {
    await world.drain();
    return world.calls.finish;
  };
  return { run, settlement, world, finished };
}

const failure = async (promise: Promise<unknown>) => (await promise.then(() => null, (e: unknown) => e)) as GatewayError;

describe("stage forward", () => {
  it("maps a refused connection, a timeout and a client that left to 502 / 504 / 499 with the right outcome", async () => {
    const unreachable = await failure((await setup({ fetch: () => Promise.reject(new TypeError("connect ECONNREFUSED")) })).run());
    expect(unreachable).toMatchObject({ httpStatus: 502, openaiCode: "upstream_unreachable", outcome: { kind: "not_sent" } });
    const timeout = await failure((await setup({ fetch: () => Promise.reject(Object.assign(new Error("t"), { name: "TimeoutError" })) })).run());
    expect(timeout).toMatchObject({ httpStatus: 504, openaiCode: "upstream_timeout", outcome: { kind: "interrupted" } });
    const controller = new AbortController();
    const left = await setup({ fetch: () => { controller.abort(); return Promise.reject(new Error("aborted")); }, signal: controller.signal });
    expect(await failure(left.run())).toMatchObject({ httpStatus: 499, openaiCode: "client_closed" });
  });

  it("never follows a redirect", async () => {
    const { run } = await setup({ fetch: () => new Response(null, { status: 307, headers: { location: "https://elsewhere.test/" } }) });
    expect(await failure(run())).toMatchObject({ httpStatus: 502, openaiCode: "upstream_redirect", outcome: { kind: "provider_error" } });
  });

  it("reads a non-streamed answer, settles at the provider's usage, and notes the key as fine (unchanged: not sent)", async () => {
    const { run, finished } = await setup({ fetch: () => new Response(fixture("chat-response.json")) });
    const response = await run();
    expect(response.status).toBe(200);
    const [finish] = await finished();
    expect(finish).toMatchObject({ entry: { inputTokens: 19, outputTokens: 10, status: 200 } });
    expect(finish!.keyVerdict).toBeUndefined();
  });

  it("charges an answer without usage for at least what it delivered, and an unreadable one as interrupted", async () => {
    // A forwarder whose provider reported no usage for a complete answer.
    const base = chatCompletionsEndpoint.forwarder;
    const forwarder = { ...base, readAnswer: (input: Parameters<typeof base.readAnswer>[0]) => ({ ...base.readAnswer(input), usage: null }) };
    const noUsage = await setup({ fetch: () => new Response(fixture("chat-response.json")), forwarder });
    expect((await noUsage.run()).status).toBe(200);
    const [charged] = await noUsage.finished();
    expect(charged!.entry.outputTokens).toBeGreaterThanOrEqual("Hello! How can I assist you today?".length);
    const garbled = await setup({ fetch: () => new Response("<html>oops</html>") });
    expect(await failure(garbled.run())).toMatchObject({ httpStatus: 502, openaiCode: "upstream_protocol_error", outcome: { kind: "interrupted" } });
  });

  it("ends a stream cut by the provider with the error event, charged for what was delivered", async () => {
    const cut = fixture("chat-stream.sse").split("\n\n").slice(0, 3).join("\n\n") + "\n\n";
    const { run, finished } = await setup({ stream: true, fetch: () => new Response(cut, { headers: { "content-type": "text/event-stream" } }) });
    const text = await (await run()).text();
    expect(text).toMatch(/: x-1relay-cost-usd=[\d.]+\n\ndata: \{"error"/);
    expect(text).not.toContain("[DONE]");
    const [finish] = await finished();
    expect(finish!.entry).toMatchObject({ status: 200, errorCode: "upstream_stream_error", streamed: true });
    expect(finish!.entry.outputTokens).toBeGreaterThan(0);
  });
});
