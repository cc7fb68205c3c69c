import { describe, expect, it } from "vitest";
import { formatConnectionId } from "../../../lib/crypto/connection-id";
import { newConnectionId, newKey } from "../../../lib/crypto/random";
import { formatRelayToken } from "../../../lib/crypto/relay-token";
import { parseAppPublicKey, sealToApp } from "../../../lib/crypto/seal";
import { verifyPkceS256 } from "../../../lib/connect/pkce";
import { ConnectError, pollDeviceToken, requestDeviceCode, type PendingDevice } from "./device.js";

const BASE = "https://relay.example";
type Step = { status: number; body: unknown } | "network";

/** A fake 1Relay: /connect/device answers like the server; /connect/token plays `steps` in order, then seals K to the program's key. */
function fakeRelay({ steps = [], deviceAnswer }: { steps?: Step[]; deviceAnswer?: (form: URLSearchParams) => { status: number; body: unknown } } = {}) {
  const sent: { url: string; form: URLSearchParams; headers: Headers }[] = [];
  const connectionId = newConnectionId();
  const secret = newKey();
  let key = "";
  let challenge = "";
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const form = new URLSearchParams(String(init?.body));
    sent.push({ url: String(input), form, headers: new Headers(init?.headers) });
    if (String(input) === `${BASE}/connect/device`) {
      key = form.get("key")!;
      challenge = form.get("code_challenge")!;
      const answer = deviceAnswer?.(form) ?? { status: 200, body: { device_code: "d".repeat(43), user_code: "WDJB-MJHT", verification_uri: `${BASE}/device`, verification_uri_complete: `${BASE}/device?user_code=WDJB-MJHT`, expires_in: 600, interval: 5 } };
      return json(answer.status, answer.body);
    }
    expect(form.get("grant_type")).toBe("urn:ietf:params:oauth:grant-type:device_code");
    expect(verifyPkceS256({ verifier: form.get("code_verifier")!, challenge })).toBe(true);
    const step = steps.shift();
    if (step === "network") throw new TypeError("fetch failed");
    if (step) return json(step.status, step.body);
    const sealed = sealToApp({ clientId: form.get("client_id")!, connectionId, appPublicKey: parseAppPublicKey(key), secret });
    return json(200, { token_type: "relay", connection_id: formatConnectionId(connectionId), sealed_secret: sealed, scope: "openai", limits: { budget_usd: 20, rpm: 60, models: [], expires_at: null } });
  }) as typeof fetch;
  return { fetchImpl, sent, expectedToken: () => formatRelayToken({ connectionId, secret }) };
}

const pending = (error: string) => ({ status: 400, body: { error, error_description: "…" } });

async function start(relay: ReturnType<typeof fakeRelay>, now = () => 1_000) {
  return requestDeviceCode({ baseUrl: `${BASE}/`, clientId: "1relay-cli", scope: "anthropic openai", suggested: { budgetUsd: 20, rpm: 60 }, deviceName: "laptop", userAgent: "1relay-cli/test", fetchImpl: relay.fetchImpl, now });
}

function clock() {
  let t = 1_000;
  const sleeps: number[] = [];
  return { now: () => t, sleep: async (ms: number) => void (sleeps.push(ms), (t += ms)), sleeps };
}

describe("requestDeviceCode (RFC 8628 §3.1-3.2)", () => {
  it("sends the client, its own X25519 key, an S256 challenge, the canonical scope and its name; returns what to show", async () => {
    const relay = fakeRelay();
    const device = await start(relay);
    const [request] = relay.sent;
    expect(request!.url).toBe(`${BASE}/connect/device`);
    expect(Object.fromEntries(request!.form)).toEqual({ client_id: "1relay-cli", scope: "openai anthropic", key: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), code_challenge_method: "S256", device_name: "laptop", budget_usd: "20", rpm: "60" });
    expect(request!.headers.get("user-agent")).toBe("1relay-cli/test");
    expect(device).toMatchObject({ userCode: "WDJB-MJHT", verificationUri: `${BASE}/device`, verificationUriComplete: `${BASE}/device?user_code=WDJB-MJHT`, expiresIn: 600 });
    expect(device.pending).toMatchObject({ baseUrl: BASE, clientId: "1relay-cli", interval: 5, expiresAt: 601_000 });
    // Neither the verifier nor the private key was sent.
    expect(String(request!.form)).not.toContain(device.pending.codeVerifier);
    expect(String(request!.form)).not.toContain(device.pending.privateKey);
  });

  it("refuses a scope outside the grammar before sending anything, and malformed answers after", async () => {
    const relay = fakeRelay();
    await expect(requestDeviceCode({ baseUrl: BASE, clientId: "1relay-cli", scope: "nosuch", fetchImpl: relay.fetchImpl })).rejects.toThrow(RangeError);
    expect(relay.sent).toHaveLength(0);
    const odd = fakeRelay({ deviceAnswer: () => ({ status: 200, body: { device_code: "d".repeat(43), user_code: "WDJB-MJHT", verification_uri: "javascript:alert(1)", expires_in: 600 } }) });
    await expect(start(odd)).rejects.toMatchObject({ code: "invalid_response" });
    const html = fakeRelay({ deviceAnswer: () => ({ status: 404, body: "<html>" }) });
    await expect(start(html)).rejects.toMatchObject({ code: "server_error", status: 404 });
    const refused = fakeRelay({ deviceAnswer: () => ({ status: 400, body: { error: "invalid_client", error_description: "Unknown client." } }) });
    await expect(start(refused)).rejects.toMatchObject({ code: "invalid_client", message: "1Relay answered 400 invalid_client: Unknown client." });
  });
});

describe("pollDeviceToken (RFC 8628 §3.4-3.5)", () => {
  it("waits while pending, slows down by 5 seconds when told, and opens the sealed token once approved", async () => {
    const relay = fakeRelay({ steps: [pending("authorization_pending"), pending("slow_down"), pending("authorization_pending")] });
    const device = await start(relay);
    const time = clock();
    const grant = await pollDeviceToken({ pending: device.pending, fetchImpl: relay.fetchImpl, sleep: time.sleep, now: time.now });
    expect(time.sleeps).toEqual([5_000, 5_000, 10_000, 10_000]);
    expect(grant).toEqual({ token: relay.expectedToken(), connectionId: expect.stringMatching(/^[0-9a-f]{32}$/), scope: "openai", limits: { budget_usd: 20, rpm: 60, models: [], expires_at: null } });
  });

  it("a denied request and an expired code end with their own errors", async () => {
    for (const [error, code] of [["access_denied", "access_denied"], ["expired_token", "expired_token"]] as const) {
      const relay = fakeRelay({ steps: [pending("authorization_pending"), pending(error)] });
      const device = await start(relay);
      const time = clock();
      const failure = await pollDeviceToken({ pending: device.pending, fetchImpl: relay.fetchImpl, sleep: time.sleep, now: time.now }).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(ConnectError);
      expect(failure).toMatchObject({ code });
    }
  });

  it("stops by itself once the code has expired, without asking again", async () => {
    const relay = fakeRelay({ steps: Array.from({ length: 200 }, () => pending("authorization_pending")) });
    const device = await start(relay);
    const time = clock();
    await expect(pollDeviceToken({ pending: device.pending, fetchImpl: relay.fetchImpl, sleep: time.sleep, now: time.now })).rejects.toMatchObject({ code: "expired_token" });
    expect(relay.sent.length - 1).toBe(119); // 600 s at 5 s: the 120th wait ends at the deadline
  });

  it("rides out a few network failures in a row, then gives up with network_error", async () => {
    const flaky = fakeRelay({ steps: ["network", "network", pending("authorization_pending")] });
    const time = clock();
    const grant = await pollDeviceToken({ pending: (await start(flaky)).pending, fetchImpl: flaky.fetchImpl, sleep: time.sleep, now: time.now });
    expect(grant.token).toBe(flaky.expectedToken());
    const down = fakeRelay({ steps: ["network", "network", "network"] });
    const time2 = clock();
    await expect(pollDeviceToken({ pending: (await start(down)).pending, fetchImpl: down.fetchImpl, sleep: time2.sleep, now: time2.now, networkRetries: 2 })).rejects.toMatchObject({ code: "network_error" });
  });

  it("a sealed secret that does not open with this request's key is refused (another client's seal)", async () => {
    const relay = fakeRelay();
    const device = await start(relay);
    const other: PendingDevice = { ...device.pending, clientId: "app_other" };
    // The server seals with the client id it was sent: the program checks the AAD names its own client.
    const time = clock();
    const wrongAad = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await relay.fetchImpl(input, { ...init, body: String(init?.body).replace("client_id=app_other", "client_id=1relay-cli") });
      return response;
    }) as typeof fetch;
    await expect(pollDeviceToken({ pending: other, fetchImpl: wrongAad, sleep: time.sleep, now: time.now })).rejects.toMatchObject({ code: "seal_failed" });
  });
});
