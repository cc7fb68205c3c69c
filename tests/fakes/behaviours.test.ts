// Scripted behaviours, the same for the three fakes: errors, 429s, slow streams, drops, leaky
// headers, key echo, the control endpoint and the magic model names.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { findLeakedHeaders, startFakeProviders, type FakeProviders } from "./index";
import { readSse, type ReadSseEvent } from "./sse-read";
import { collectSse, get, postJson } from "./test-helpers";
import type { FakeServer } from "./types";

const KEY = "secret-key-0123456789-abcdefghij";
let fakes: FakeProviders;

interface Case {
  provider: "openai" | "anthropic" | "gemini";
  model: string;
  call(s: FakeServer, o?: { model?: string; stream?: boolean; headers?: Record<string, string> }): Promise<Response>;
  /** The error's type/status name in the provider's own shape. */
  errorKind(body: unknown): string;
}

const text = "alpha beta gamma";
const cases: Case[] = [
  {
    provider: "openai",
    model: "gpt-4o",
    call: (s, o = {}) => postJson(`${s.url}/v1/chat/completions`, { model: o.model ?? "gpt-4o", messages: [{ role: "user", content: text }], stream: o.stream ?? false }, { authorization: `Bearer ${KEY}`, ...o.headers }),
    errorKind: (b) => (b as { error: { type: string } }).error.type,
  },
  {
    provider: "anthropic",
    model: "claude-sonnet-4-5",
    call: (s, o = {}) => postJson(`${s.url}/v1/messages`, { model: o.model ?? "claude-sonnet-4-5", max_tokens: 100, messages: [{ role: "user", content: text }], stream: o.stream ?? false }, { "x-api-key": KEY, "anthropic-version": "2023-06-01", ...o.headers }),
    errorKind: (b) => (b as { error: { type: string } }).error.type,
  },
  {
    provider: "gemini",
    model: "gemini-2.5-flash",
    call: (s, o = {}) => {
      const method = o.stream ? "streamGenerateContent?alt=sse" : "generateContent";
      return postJson(`${s.url}/v1beta/models/${o.model ?? "gemini-2.5-flash"}:${method}`, { contents: [{ role: "user", parts: [{ text }] }] }, { "x-goog-api-key": KEY, ...o.headers });
    },
    errorKind: (b) => (b as { error: { status: string } }).error.status,
  },
];

beforeAll(async () => {
  fakes = await startFakeProviders();
});
afterAll(() => fakes.close());
beforeEach(() => fakes.reset());

/** Reads events with their arrival times; a broken stream ends the list and sets `error`. */
async function timedEvents(res: Response) {
  const events: { at: number; e: ReadSseEvent }[] = [];
  let error: unknown;
  try {
    for await (const e of readSse(res.body)) events.push({ at: Date.now(), e });
  } catch (err) {
    error = err;
  }
  return { events, error };
}

async function until(check: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
}

describe.each(cases)("fake $provider", (c) => {
  const server = () => fakes[c.provider];

  it("answers 500 in its own error shape when scripted, once", async () => {
    server().script("500", { times: 1 });
    const res = await c.call(server());
    expect(res.status).toBe(500);
    expect(c.errorKind(await res.json())).toBe({ openai: "server_error", anthropic: "api_error", gemini: "INTERNAL" }[c.provider]);
    expect((await c.call(server())).status).toBe(200);
  });

  it("answers 429 with retry-after for the magic model name", async () => {
    const res = await c.call(server(), { model: `${c.model}-fake-429-7` });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("7");
    expect(c.errorKind(await res.json())).toBe({ openai: "requests", anthropic: "rate_limit_error", gemini: "RESOURCE_EXHAUSTED" }[c.provider]);
  });

  it("streams slowly, event by event, when the x-fake-behaviour header asks", async () => {
    const started = Date.now();
    const { events, error } = await timedEvents(await c.call(server(), { stream: true, headers: { "x-fake-behaviour": "slow-120" } }));
    expect(error).toBeUndefined();
    expect(events.length).toBeGreaterThanOrEqual(3);
    const gaps = events.slice(1).map((x, i) => x.at - (events[i]?.at ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(90);
    expect((events[0]?.at ?? 0) - started).toBeLessThan(100 * events.length);
    expect(server().received[0]?.behaviour).toEqual({ delayMs: 120 });
  });

  it("drops the connection mid-stream after N events", async () => {
    const { events, error } = await timedEvents(await c.call(server(), { stream: true, model: `${c.model}-fake-drop-2` }));
    expect(events).toHaveLength(2);
    expect(error).toBeInstanceOf(Error);
    expect(server().received[0]?.outcome).toBe("dropped");
  });

  it("drops a non-streamed response halfway through the body", async () => {
    server().script({ dropAfterChunks: 0 });
    const res = await c.call(server());
    await expect(res.json()).rejects.toThrow();
  });

  it("sends an in-stream error event when scripted", async () => {
    server().script({ kind: "stream-error", errorAfterChunks: 1 });
    const events = await collectSse(await c.call(server(), { stream: true }));
    expect(events).toHaveLength(2);
    const last = events[1];
    if (c.provider === "anthropic") expect(last?.event).toBe("error");
    expect(JSON.parse(last?.data ?? "{}")).toHaveProperty("error");
  });

  it("echoes the full key in an error for the key-echo behaviour", async () => {
    const res = await c.call(server(), { model: `${c.model}-fake-key-echo` });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await res.text()).toContain(KEY);
  });

  it("sends set-cookie and rate-limit headers on replies and errors", async () => {
    for (const res of [await c.call(server()), await c.call(server(), { model: `${c.model}-fake-503` })]) {
      expect(res.headers.get("set-cookie")).toMatch(/^__cf_bm=/);
      expect(res.headers.get("x-ratelimit-remaining-requests")).toBeTruthy();
    }
  });

  it("records a client that hangs up mid-stream as client-closed", async () => {
    const res = await c.call(server(), { stream: true, model: `${c.model}-fake-slow-200` });
    for await (const _ of readSse(res.body)) break;
    await until(() => server().received[0]?.outcome === "client-closed");
    expect(server().received[0]?.outcome).toBe("client-closed");
  });

  it("takes behaviours and reports requests over HTTP (/__fake/script, /received, /reset)", async () => {
    const script = await postJson(`${server().url}/__fake/script`, { behaviour: { kind: "error", status: 502 }, times: 1 });
    expect(script.status).toBe(204);
    expect((await c.call(server(), { headers: { cookie: "a=b" } })).status).toBe(502);
    expect((await c.call(server())).status).toBe(200);
    const received = await (await get(`${server().url}/__fake/received`)).json();
    expect(received).toHaveLength(2);
    expect(received[0]).toMatchObject({ provider: c.provider, apiKey: KEY, method: "POST", behaviour: { kind: "error", status: 502 } });
    expect(findLeakedHeaders(received[0])).toEqual(["cookie"]);
    expect(findLeakedHeaders(received[1])).toEqual([]);
    expect((await fetch(`${server().url}/__fake/reset`, { method: "POST" })).status).toBe(204);
    expect(server().received).toHaveLength(0);
    expect((await postJson(`${server().url}/__fake/script`, { behaviour: "no-such-preset" })).status).toBe(400);
  });
});
