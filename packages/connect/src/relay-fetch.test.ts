import { describe, expect, it, vi } from "vitest";
import { ConnectError } from "./errors.js";
import { readRelayError, RelayApiError } from "./relay-error.js";
import { createRelayFetch, resolveRelayUrl } from "./relay-fetch.js";

const BASE = "https://relay.example";
const TOKEN = `1r_${"a".repeat(71)}`;
const json = (status: number, body: unknown, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

describe("resolveRelayUrl", () => {
  it("puts paths on the relay, with or without a leading slash, keeping a base path", () => {
    expect(resolveRelayUrl(BASE, "/v1/models")).toBe(`${BASE}/v1/models`);
    expect(resolveRelayUrl(BASE, "v1/models")).toBe(`${BASE}/v1/models`);
    expect(resolveRelayUrl("https://example.com/relay", "/v1/models")).toBe("https://example.com/relay/v1/models");
    expect(resolveRelayUrl(BASE, `${BASE}/v1/models?x=1`)).toBe(`${BASE}/v1/models?x=1`);
  });
  it("never sends the token to another origin", () => {
    expect(() => resolveRelayUrl(BASE, "https://evil.example/v1/models")).toThrow(TypeError);
    expect(() => resolveRelayUrl(BASE, "//evil.example/v1/models")).toThrow(TypeError);
    expect(() => resolveRelayUrl(BASE, "http://relay.example/v1/models")).toThrow(TypeError);
  });
});

describe("createRelayFetch", () => {
  it("adds the token, sends no cookies and returns a 2xx answer as it is", async () => {
    const fetchImpl = vi.fn(async () => json(200, { ok: true }));
    const relayFetch = createRelayFetch({ baseUrl: `${BASE}/`, token: async () => TOKEN, fetchImpl });
    const response = await relayFetch("/v1/chat/completions", { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer other" }, body: "{}" });
    expect(await response.json()).toEqual({ ok: true });
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(`${BASE}/v1/chat/completions`);
    expect(new Headers(init.headers).get("authorization")).toBe(`Bearer ${TOKEN}`);
    expect(new Headers(init.headers).get("content-type")).toBe("application/json");
    expect(init.credentials).toBe("omit");
    expect(init.method).toBe("POST");
  });
  it("without a token: not_connected, and nothing is sent", async () => {
    const fetchImpl = vi.fn();
    await expect(createRelayFetch({ baseUrl: BASE, token: () => null, fetchImpl })("/v1/models")).rejects.toMatchObject({ code: "not_connected" });
    expect(fetchImpl).not.toHaveBeenCalled();
  });
  it("a network failure (or a CORS refusal, which looks the same to a page) is a network_error", async () => {
    const relayFetch = createRelayFetch({ baseUrl: BASE, token: TOKEN, fetchImpl: async () => Promise.reject(new TypeError("Failed to fetch")) });
    const error = await relayFetch("/v1/models").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectError);
    expect(error).toMatchObject({ code: "network_error" });
  });
  it.each([
    [401, { error: { message: "Incorrect or revoked relay token provided.", type: "invalid_request_error", code: "invalid_api_key" } }, "unauthorized", "invalid_api_key"],
    [402, {}, "payment_required", "payment_required"],
    [403, { error: { message: "This page's origin is not allowed for this connection.", type: "invalid_request_error", code: "origin_not_allowed" } }, "forbidden", "origin_not_allowed"],
    [429, { error: { message: "This connection's monthly budget is used up.", type: "insufficient_quota", code: "insufficient_quota" } }, "rate_limited", "insufficient_quota"],
  ] as const)("%i becomes a RelayApiError (%s) with the server's words", async (status, body, kind, code) => {
    const relayFetch = createRelayFetch({ baseUrl: BASE, token: TOKEN, fetchImpl: async () => json(status, body, { "x-1relay-request-id": "req_1", "retry-after": "7" }) });
    const error = (await relayFetch("/v1/models").catch((e: unknown) => e)) as RelayApiError;
    expect(error).toBeInstanceOf(RelayApiError);
    expect(error).toMatchObject({ status, kind, code, requestId: "req_1", retryAfterSeconds: 7 });
    const words = (body as { error?: { message?: string } }).error?.message;
    if (words) expect(error.message).toBe(words);
    else expect(error.message).toMatch(/payment required/);
  });
});

describe("readRelayError", () => {
  it("reads Anthropic's and Gemini's error shapes too", () => {
    expect(readRelayError({ status: 403, body: { type: "error", error: { type: "permission_error", message: "Model not granted." } } })).toMatchObject({ code: "permission_error", message: "Model not granted.", kind: "forbidden" });
    expect(readRelayError({ status: 429, body: { error: { code: 429, message: "Budget used up.", status: "RESOURCE_EXHAUSTED" } } })).toMatchObject({ code: "RESOURCE_EXHAUSTED", message: "Budget used up.", kind: "rate_limited" });
  });
  it("an answer without a body still says what happened, and long or odd values are not echoed", () => {
    expect(readRelayError({ status: 502, body: undefined })).toMatchObject({ kind: "server_error", code: "server_error", message: "1Relay could not answer. Try again." });
    const odd = readRelayError({ status: 400, body: { error: { code: "<b>", message: "x".repeat(2000) } } });
    expect(odd.code).toBe("bad_request");
    expect(odd.message).toHaveLength(500);
  });
});
