import { describe, expect, it, vi } from "vitest";
import { formatConnectionId } from "../../../lib/crypto/connection-id";
import { encodeHex } from "../../../lib/crypto/encoding";
import { parseRelayToken } from "../../../lib/crypto/relay-token";
import { connectInBrowser } from "./browser-exchange.js";
import { BASE_URL, fakeHost, fakeRelay } from "./fake-relay.testing.js";

const CLIENT_ID = "app_0123456789abcdef01234567";
const REDIRECT_URI = "https://chat.example/";
const noX25519 = { generateKey: async () => Promise.reject(new DOMException("no", "NotSupportedError")) } as unknown as SubtleCrypto;

/** The consent page approving at once: the fake relay reads the popup's URL, the popup posts the code back. */
function approvingRelay({ tamper, iss = BASE_URL }: { tamper?: (body: Record<string, unknown>) => void; iss?: string } = {}) {
  let relay: ReturnType<typeof fakeRelay> | undefined;
  const fetchImpl = vi.fn((input: RequestInfo | URL, init?: RequestInit) => relay!.fetchImpl(input, init));
  const window = fakeHost({
    onOpen: (url) => {
      relay = fakeRelay({ url, tamper });
      const state = new URL(url).searchParams.get("state");
      queueMicrotask(() => window.post({ type: "1relay:authorize", code: "the-code", state, iss }));
    },
  });
  return { window, fetchImpl, relay: () => relay! };
}

const connect = (setup: ReturnType<typeof approvingRelay>, subtle?: SubtleCrypto) =>
  connectInBrowser({ baseUrl: BASE_URL, clientId: CLIENT_ID, redirectUri: REDIRECT_URI, scope: "openai", suggested: { budgetUsd: 5 }, fetchImpl: setup.fetchImpl, host: setup.window.host, subtle });

describe("connectInBrowser", () => {
  for (const [kind, subtle] of [
    ["webcrypto", undefined],
    ["noble", noX25519],
  ] as const) {
    it(`${kind}: popup → code → exchange by fetch → the sealed secret opens into the relay token`, async () => {
      const setup = approvingRelay();
      const grant = await connect(setup, subtle);
      const relay = setup.relay();
      expect(grant.keyKind).toBe(kind);
      const parts = parseRelayToken(grant.token);
      expect(encodeHex(parts.connectionId)).toBe(encodeHex(relay.connectionId));
      expect(encodeHex(parts.secret)).toBe(encodeHex(relay.secret));
      expect(grant.connectionId).toBe(formatConnectionId(relay.connectionId));
      const opened = new URL(setup.window.opened[0]!);
      expect(opened.searchParams.get("display")).toBe("popup");
      expect(opened.searchParams.get("budget_usd")).toBe("5");
      expect(opened.searchParams.get("redirect_uri")).toBe(REDIRECT_URI);
      // A public client: the verifier, no secret; and nothing secret in the popup's URL.
      const sent = new URLSearchParams(relay.calls[0]!.body);
      expect(sent.get("client_secret")).toBeNull();
      expect(sent.get("code")).toBe("the-code");
      expect(setup.window.opened[0]).not.toContain(sent.get("code_verifier")!);
    });
  }

  it("a sealed secret for another client or connection does not open (seal_failed), nor a tampered one", async () => {
    for (const tamper of [
      (body: Record<string, unknown>) => void (body.connection_id = "0".repeat(32)),
      (body: Record<string, unknown>) => void (body.sealed_secret = String(body.sealed_secret).replace(/.$/, (c) => (c === "A" ? "B" : "A"))),
      (body: Record<string, unknown>) => void (body.sealed_secret = "v1.not.sealed"),
    ]) {
      await expect(connect(approvingRelay({ tamper }))).rejects.toMatchObject({ code: "seal_failed" });
    }
  });

  it("checks the answer's shape before opening anything", async () => {
    await expect(connect(approvingRelay({ tamper: (body) => void (body.token_type = "bearer") }))).rejects.toMatchObject({ code: "invalid_response" });
  });

  it("a code from another issuer is never exchanged", async () => {
    const setup = approvingRelay({ iss: "https://evil.example" });
    await expect(connect(setup)).rejects.toMatchObject({ code: "iss_mismatch" });
    expect(setup.fetchImpl).not.toHaveBeenCalled();
  });

  it("the server's OAuth error comes back as a ConnectError with its code", async () => {
    const setup = approvingRelay();
    setup.fetchImpl.mockImplementation(async () => new Response(JSON.stringify({ error: "invalid_grant", error_description: "code expired" }), { status: 400 }));
    await expect(connect(setup)).rejects.toMatchObject({ code: "invalid_grant", status: 400, message: "1Relay answered 400 invalid_grant: code expired" });
  });

  it("refuses bad options before opening a window", async () => {
    const setup = approvingRelay();
    await expect(connectInBrowser({ baseUrl: "relay.example", clientId: CLIENT_ID, redirectUri: REDIRECT_URI, scope: "openai", host: setup.window.host })).rejects.toThrow(TypeError);
    await expect(connectInBrowser({ baseUrl: BASE_URL, clientId: CLIENT_ID, redirectUri: REDIRECT_URI, scope: "mistralai", host: setup.window.host })).rejects.toThrow(RangeError);
    expect(setup.window.opened).toEqual([]);
  });
});
