import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeAnthropic } from "./anthropic";
import { REDACTED_THINKING_TOKENS } from "./anthropic-thinking";
import { countWords } from "./conversation";
import { shapeDiffAny } from "./shape";
import { collectSse, fixtureEvents, fixtureJson, jsonData, postJson } from "./test-helpers";
import type { FakeServer } from "./types";

// What Claude Code and the Anthropic SDKs use beyond the basics: extended thinking (with its
// signature, omitted display, redacted blocks), count_tokens, 1-hour cache writes, the
// thinking-token-count beta, and Claude Code's own first request.

const HEADERS = { "x-api-key": "sk-ant-test-0123456789", "anthropic-version": "2023-06-01" };
let fake: FakeServer;
const post = (path: string, body: unknown, headers: Record<string, string> = {}) => postJson(`${fake.url}${path}`, body, { ...HEADERS, ...headers });
const ask = (over: Record<string, unknown> = {}) => ({ model: "claude-sonnet-4-5", max_tokens: 4096, messages: [{ role: "user", content: "What is the GCD of 1071 and 462?" }], ...over });
const thinking = { type: "enabled", budget_tokens: 2048 };

beforeAll(async () => {
  fake = await startFakeAnthropic();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe("fake Anthropic: extended thinking", () => {
  it("streams a thinking block (thinking_delta, then signature_delta) before the text, in the documented shapes, and bills the thought", async () => {
    const events = await collectSse(await post("/v1/messages", ask({ stream: true, thinking })));
    const data = jsonData(events);
    const documented = jsonData(fixtureEvents("anthropic", "stream-thinking.sse"));
    for (const d of data.filter((d) => d.type === "content_block_start" || d.type === "content_block_delta")) expect(shapeDiffAny(documented, d)).toEqual([]);
    const starts = data.filter((d) => d.type === "content_block_start").map((d) => (d.content_block as { type: string }).type);
    expect(starts).toEqual(["thinking", "text"]);
    const deltas = data.filter((d) => d.type === "content_block_delta" && d.index === 0).map((d) => d.delta as Record<string, string>);
    expect(deltas.at(-1)!.type).toBe("signature_delta");
    const thought = deltas.filter((d) => d.type === "thinking_delta").map((d) => d.thinking).join("");
    expect(thought).toBe("Thinking about: What is the GCD of 1071 and 462?");
    const usage = data.find((d) => d.type === "message_delta")!.usage as { output_tokens: number };
    expect(usage.output_tokens).toBe(countWords(thought) + countWords("You said: What is the GCD of 1071 and 462?"));
  });

  it("with display omitted sends an empty thought with its signature, and still bills it", async () => {
    const res = await post("/v1/messages", ask({ thinking: { ...thinking, display: "omitted" } }));
    const body = await res.json();
    expect(body.content[0]).toMatchObject({ type: "thinking", thinking: "" });
    expect(body.content[0].signature).toMatch(/^EqSig/);
    expect(body.usage.output_tokens).toBe(countWords("Thinking about: What is the GCD of 1071 and 462?") + countWords("You said: What is the GCD of 1071 and 462?"));
  });

  it("adds a redacted_thinking block (whole in its start event) when scripted, and says how much was thinking with the beta", async () => {
    fake.script({ redactedThinking: true });
    const events = await collectSse(await post("/v1/messages", ask({ stream: true, thinking }), { "anthropic-beta": "thinking-token-count-2026-05-13" }));
    const data = jsonData(events);
    const redacted = data.find((d) => d.type === "content_block_start" && (d.content_block as { type: string }).type === "redacted_thinking")!;
    expect((redacted.content_block as { data: string }).data).toMatch(/^EmRedacted/);
    expect(data.filter((d) => d.type === "content_block_delta" && d.index === redacted.index)).toEqual([]);
    const usage = data.find((d) => d.type === "message_delta")!.usage as { output_tokens_details: { thinking_tokens: number } };
    expect(usage.output_tokens_details.thinking_tokens).toBe(countWords("Thinking about: What is the GCD of 1071 and 462?") + REDACTED_THINKING_TOKENS);
  });

  it("refuses a thinking budget that is not below max_tokens, unless interleaved thinking is on", async () => {
    const over = ask({ max_tokens: 2048, thinking });
    const refused = await post("/v1/messages", over);
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.message).toMatch(/max_tokens.*budget_tokens/);
    expect((await post("/v1/messages", over, { "anthropic-beta": "interleaved-thinking-2025-05-14" })).status).toBe(200);
  });
});

describe("fake Anthropic: count_tokens, cache TTLs and Claude Code's request", () => {
  it("counts the prompt's tokens by the token rule, without the generation settings", async () => {
    const res = await post("/v1/messages/count_tokens", { model: "claude-haiku-4-5", system: "Be brief.", messages: [{ role: "user", content: "What is two plus two?" }] });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ input_tokens: 7 });
    const withMax = await post("/v1/messages/count_tokens", { model: "claude-haiku-4-5", max_tokens: 5, messages: [{ role: "user", content: "x" }] });
    expect(withMax.status).toBe(400);
    expect((await withMax.json()).error.message).toBe("max_tokens: Extra inputs are not permitted");
  });

  it("reports cache writes as 1-hour writes when the request asked for an hour", async () => {
    fake.script({ cacheWriteFraction: 0.5 }, { times: 2 });
    const system = (ttl: string) => [{ type: "text", text: "A long stable system prompt of eight words.", cache_control: { type: "ephemeral", ttl } }];
    const hour = await (await post("/v1/messages", ask({ system: system("1h") }))).json();
    expect(hour.usage.cache_creation).toEqual({ ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: hour.usage.cache_creation_input_tokens });
    expect(hour.usage.cache_creation_input_tokens).toBeGreaterThan(0);
    const five = await (await post("/v1/messages", ask({ system: system("5m") }))).json();
    expect(five.usage.cache_creation.ephemeral_1h_input_tokens).toBe(0);
  });

  it("answers a scripted replyText even when tools are offered", async () => {
    fake.script({ replyText: "Hi from the fake." });
    const body = await (await post("/v1/messages", ask({ tools: [{ name: "Bash", input_schema: { type: "object", properties: { command: { type: "string" } } } }] }))).json();
    expect(body.content).toEqual([{ type: "text", text: "Hi from the fake." }]);
    expect(body.stop_reason).toBe("end_turn");
  });

  it("accepts Claude Code 2.1's first request as recorded (every field and header) and streams an answer", async () => {
    const recorded = fixtureJson<{ headers: Record<string, string> }>("anthropic", "claude-code-headers.json");
    const res = await postJson(`${fake.url}/v1/messages?beta=true`, fixtureJson("anthropic", "claude-code-request.json"), { ...recorded.headers, "x-api-key": HEADERS["x-api-key"] });
    expect(res.status).toBe(200);
    const data = jsonData(await collectSse(res));
    expect(data[0]!.type).toBe("message_start");
    expect(data.at(-1)!.type).toBe("message_stop");
  });

  it("takes a system turn in the conversation only with the mid-conversation beta, as Claude Code sends it for other models", async () => {
    const body = { ...fixtureJson<Record<string, unknown>>("anthropic", "claude-code-other-model-request.json"), model: "claude-haiku-4-5", stream: false };
    expect((await post("/v1/messages", body)).status).toBe(400);
    expect((await post("/v1/messages", body, { "anthropic-beta": "mid-conversation-tool-changes-2026-07-01" })).status).toBe(200);
  });
});
