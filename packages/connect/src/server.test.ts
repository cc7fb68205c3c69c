import { describe, expect, it, vi } from "vitest";
import { BASE_URL, fakeRelay as fakeServer } from "./fake-relay.testing.js";
import { formatConnectionId } from "../../../lib/crypto/connection-id";
import { decodeBase64Url, encodeHex } from "../../../lib/crypto/encoding";
import { newConnectionId } from "../../../lib/crypto/random";
import { parseRelayToken } from "../../../lib/crypto/relay-token";
import { ConnectError, exchangeCode, revokeToken, startAuthorization, type PendingAuthorization } from "./server.js";
import { parseAuthorizeQuery } from "../../../lib/connect/authorize-request";
import { verifyPkceS256 } from "../../../lib/connect/pkce";

const CLIENT_ID = "app_0123456789abcdef01234567";
const REDIRECT_URI = "https://app.example.com/cb";

function start(overrides: Partial<Parameters<typeof startAuthorization>[0]> = {}) {
  return startAuthorization({ baseUrl: BASE_URL, clientId: CLIENT_ID, redirectUri: REDIRECT_URI, scope: "openai anthropic:claude-sonnet-4-5", ...overrides });
}

describe("startAuthorization", () => {
  it("builds an authorization URL the server accepts", () => {
    const { url, pending, params } = start({ suggested: { budgetUsd: 12.345, rpm: 60 }, display: "popup" });
    expect(url.startsWith(`${BASE_URL}/connect/authorize?`)).toBe(true);
    const parsed = parseAuthorizeQuery(new URL(url).searchParams);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.request).toMatchObject({
      clientId: CLIENT_ID,
      redirectUri: REDIRECT_URI,
      state: pending.state,
      codeChallenge: params.codeChallenge,
      key: params.key,
      suggested: { budgetUsd: 12.35, rpm: 60 },
      display: "popup",
    });
    expect(new URL(url).searchParams.get("scope")).toBe("openai anthropic:claude-sonnet-4-5");
    expect(verifyPkceS256({ verifier: pending.codeVerifier, challenge: params.codeChallenge })).toBe(true);
    expect(params.state).toBe(pending.state);
    expect(decodeBase64Url(pending.appPrivateKey)).toHaveLength(32);
    expect(url).not.toContain(pending.codeVerifier);
    expect(url).not.toContain(pending.appPrivateKey);
  });
  it("draws fresh values every time", () => {
    const a = start();
    const b = start();
    expect(a.pending.state).not.toBe(b.pending.state);
    expect(a.pending.codeVerifier).not.toBe(b.pending.codeVerifier);
    expect(a.params.key).not.toBe(b.params.key);
  });
  it("accepts a base URL with a trailing slash or a path", () => {
    expect(start({ baseUrl: "https://relay.example/" }).url.startsWith("https://relay.example/connect/authorize?")).toBe(true);
    expect(start({ baseUrl: "https://example.com/relay/" }).url.startsWith("https://example.com/relay/connect/authorize?")).toBe(true);
  });
  it("refuses bad input", () => {
    expect(() => start({ baseUrl: "relay.example" })).toThrow(TypeError);
    expect(() => start({ baseUrl: "ftp://relay.example" })).toThrow(TypeError);
    expect(() => start({ baseUrl: "https://relay.example/?x=1" })).toThrow(TypeError);
    expect(() => start({ scope: "mistralai" })).toThrow(RangeError);
    expect(() => start({ clientId: "" })).toThrow(TypeError);
    expect(() => start({ suggested: { budgetUsd: -1 } })).toThrow(RangeError);
    expect(() => start({ suggested: { budgetUsd: Number.NaN } })).toThrow(RangeError);
    expect(() => start({ suggested: { rpm: 1.5 } })).toThrow(RangeError);
    expect(() => start({ display: "tab" as "page" })).toThrow(RangeError);
  });
});

describe("exchangeCode", () => {
  it("gets the relay token from a fake server", async () => {
    const { url, pending } = start();
    const server = fakeServer({ url });
    const result = await exchangeCode({ baseUrl: BASE_URL, pending, code: "the-code", state: pending.state, iss: BASE_URL, fetchImpl: server.fetchImpl });
    const parts = parseRelayToken(result.token);
    expect(encodeHex(parts.connectionId)).toBe(encodeHex(server.connectionId));
    expect(encodeHex(parts.secret)).toBe(encodeHex(server.secret));
    expect(result).toMatchObject({ connectionId: formatConnectionId(server.connectionId), scope: "anthropic:claude-sonnet-4-5", limits: { budgetUsd: 10, rpm: 60 } });
    const sent = new URLSearchParams(server.calls[0]!.body);
    expect(Object.fromEntries(sent)).toEqual({
      grant_type: "authorization_code",
      code: "the-code",
      code_verifier: pending.codeVerifier,
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT_URI,
    });
    expect(server.calls[0]!.init.redirect).toBe("manual");
  });
  it("sends the client secret of a confidential client", async () => {
    const { url, pending } = start();
    const server = fakeServer({ url, clientSecret: "1rs_secret" });
    await expect(exchangeCode({ baseUrl: BASE_URL, pending, code: "c", state: pending.state, fetchImpl: server.fetchImpl })).rejects.toMatchObject({
      code: "invalid_client",
      status: 400,
    });
    const result = await exchangeCode({ baseUrl: BASE_URL, pending, code: "c", state: pending.state, clientSecret: "1rs_secret", fetchImpl: server.fetchImpl });
    expect(result.token).toMatch(/^1r_/);
  });
  it("refuses a wrong state or iss before any request", async () => {
    const { url, pending } = start();
    const server = fakeServer({ url });
    await expect(exchangeCode({ baseUrl: BASE_URL, pending, code: "c", state: "other", fetchImpl: server.fetchImpl })).rejects.toMatchObject({ code: "state_mismatch" });
    await expect(exchangeCode({ baseUrl: BASE_URL, pending, code: "c", state: `${pending.state}x`, fetchImpl: server.fetchImpl })).rejects.toBeInstanceOf(ConnectError);
    await expect(
      exchangeCode({ baseUrl: BASE_URL, pending, code: "c", state: pending.state, iss: "https://evil.example", fetchImpl: server.fetchImpl }),
    ).rejects.toMatchObject({ code: "iss_mismatch" });
    await expect(
      exchangeCode({ baseUrl: BASE_URL, pending, code: "c", state: pending.state, iss: `${BASE_URL}/`, fetchImpl: server.fetchImpl }),
    ).rejects.toMatchObject({ code: "iss_mismatch" });
    expect(server.fetchImpl).not.toHaveBeenCalled();
  });
  it("passes the server's OAuth error on", async () => {
    const { url, pending } = start();
    const server = fakeServer({ url });
    const tampered: PendingAuthorization = { ...pending, codeVerifier: start().pending.codeVerifier };
    const error = await exchangeCode({ baseUrl: BASE_URL, pending: tampered, code: "c", state: pending.state, fetchImpl: server.fetchImpl }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectError);
    expect(error).toMatchObject({ code: "invalid_grant", status: 400, message: "1Relay answered 400 invalid_grant: PKCE verification failed" });
  });
  it("refuses a sealed secret made for another key, client or connection", async () => {
    const { url, pending } = start();
    const other = start();
    const server = fakeServer({ url });
    const wrongKey = { ...pending, appPrivateKey: other.pending.appPrivateKey };
    await expect(exchangeCode({ baseUrl: BASE_URL, pending: wrongKey, code: "c", state: pending.state, fetchImpl: server.fetchImpl })).rejects.toMatchObject({
      code: "seal_failed",
    });
    const swapped = fakeServer({ url, tamper: (body) => (body.connection_id = formatConnectionId(newConnectionId())) });
    await expect(exchangeCode({ baseUrl: BASE_URL, pending, code: "c", state: pending.state, fetchImpl: swapped.fetchImpl })).rejects.toMatchObject({
      code: "seal_failed",
    });
  });
  it.each([
    ["token_type", "bearer"],
    ["connection_id", "ABC"],
    ["sealed_secret", 42],
    ["scope", undefined],
  ])("refuses a response whose %s is %j", async (field, value) => {
    const { url, pending } = start();
    const server = fakeServer({ url, tamper: (body) => (body[field] = value) });
    await expect(exchangeCode({ baseUrl: BASE_URL, pending, code: "c", state: pending.state, fetchImpl: server.fetchImpl })).rejects.toMatchObject({
      code: "invalid_response",
    });
  });
  it("turns a malformed sealed secret into seal_failed", async () => {
    const { url, pending } = start();
    const server = fakeServer({ url, tamper: (body) => (body.sealed_secret = "v1.x.y.z") });
    await expect(exchangeCode({ baseUrl: BASE_URL, pending, code: "c", state: pending.state, fetchImpl: server.fetchImpl })).rejects.toMatchObject({
      code: "seal_failed",
    });
  });
  it("reports network errors, non-JSON answers and redirects", async () => {
    const { pending } = start();
    const args = { baseUrl: BASE_URL, pending, code: "c", state: pending.state };
    await expect(exchangeCode({ ...args, fetchImpl: async () => Promise.reject(new Error("offline")) })).rejects.toMatchObject({ code: "network_error" });
    await expect(exchangeCode({ ...args, fetchImpl: async () => new Response("<html>", { status: 502 }) })).rejects.toMatchObject({
      code: "server_error",
      status: 502,
    });
    await expect(exchangeCode({ ...args, fetchImpl: async () => new Response("not json", { status: 200 }) })).rejects.toMatchObject({
      code: "invalid_response",
    });
    await expect(exchangeCode({ ...args, fetchImpl: async () => new Response(null, { status: 302, headers: { location: "https://x" } }) })).rejects.toMatchObject({
      code: "server_error",
      status: 302,
    });
    await expect(
      exchangeCode({ ...args, fetchImpl: async () => new Response(JSON.stringify({ error: "<script>" }), { status: 400 }) }),
    ).rejects.toMatchObject({ code: "server_error" });
  });
  it("refuses a malformed pending authorization", async () => {
    const { pending } = start();
    const fetchImpl = vi.fn();
    await expect(exchangeCode({ baseUrl: BASE_URL, pending: { ...pending, codeVerifier: "" }, code: "c", state: pending.state, fetchImpl })).rejects.toThrow(TypeError);
    await expect(exchangeCode({ baseUrl: BASE_URL, pending, code: "", state: pending.state, fetchImpl })).rejects.toThrow(TypeError);
    await expect(exchangeCode({ baseUrl: BASE_URL, pending: { ...pending, appPrivateKey: "AAAA" }, code: "c", state: pending.state, fetchImpl })).rejects.toThrow(RangeError);
    await expect(exchangeCode({ baseUrl: BASE_URL, pending: { ...pending, appPrivateKey: "!!" }, code: "c", state: pending.state, fetchImpl })).rejects.toThrow(TypeError);
    expect(fetchImpl).not.toHaveBeenCalled();
  });
});

describe("revokeToken", () => {
  it("posts the token and client to /connect/revoke", async () => {
    const { url } = start();
    const server = fakeServer({ url });
    await revokeToken({ baseUrl: `${BASE_URL}/`, clientId: CLIENT_ID, token: "1r_abc", clientSecret: "1rs_x", fetchImpl: server.fetchImpl });
    expect(server.calls[0]!.url).toBe(`${BASE_URL}/connect/revoke`);
    expect(Object.fromEntries(new URLSearchParams(server.calls[0]!.body))).toEqual({ token: "1r_abc", client_id: CLIENT_ID, client_secret: "1rs_x" });
  });
  it("throws the server's error", async () => {
    const fetchImpl = async () => new Response(JSON.stringify({ error: "invalid_client" }), { status: 401 });
    await expect(revokeToken({ baseUrl: BASE_URL, clientId: CLIENT_ID, token: "1r_abc", fetchImpl })).rejects.toMatchObject({ code: "invalid_client", status: 401 });
  });
});
