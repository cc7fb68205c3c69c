import { describe, expect, it, vi } from "vitest";
import { createRelayClient, memoryStorage, type TokenStorage } from "./browser.js";
import { BASE_URL, fakeHost, fakeRelay } from "./fake-relay.testing.js";

const CLIENT_ID = "app_0123456789abcdef01234567";

/** A client whose popup approves at once and whose relay answers the token, revoke and gateway calls. */
function setup({ storage, gateway }: { storage?: TokenStorage; gateway?: (init?: RequestInit) => Response }) {
  let relay: ReturnType<typeof fakeRelay> | undefined;
  const window = fakeHost({
    onOpen: (url) => {
      relay = fakeRelay({ url });
      queueMicrotask(() => window.post({ type: "1relay:authorize", code: "c", state: new URL(url).searchParams.get("state"), iss: BASE_URL }));
    },
  });
  const fetchImpl = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => (String(input).includes("/v1/") ? gateway!(init) : relay!.fetchImpl(input, init)));
  const client = createRelayClient({ baseUrl: BASE_URL, clientId: CLIENT_ID, redirectUri: "https://chat.example/", scope: "openai", storage, fetchImpl, host: window.host });
  return { client, fetchImpl, relay: () => relay! };
}

describe("createRelayClient", () => {
  it("keeps the token in memory by default and calls the relay with it", async () => {
    const { client, fetchImpl } = setup({ gateway: () => new Response("{}", { status: 200 }) });
    expect(await client.token()).toBeNull();
    const grant = await client.connect();
    expect(await client.token()).toBe(grant.token);
    expect(client.openAIBaseUrl).toBe(`${BASE_URL}/v1`);
    await client.fetch("/v1/models");
    expect(new Headers((fetchImpl.mock.calls.at(-1) as unknown as [string, RequestInit])[1].headers).get("authorization")).toBe(`Bearer ${grant.token}`);
  });

  it("hands the grant to the app's storage callbacks", async () => {
    const saved: string[] = [];
    const storage: TokenStorage = { load: () => saved.at(-1) ?? null, save: (g) => void saved.push(g.token), clear: () => void (saved.length = 0) };
    const { client } = setup({ storage });
    const grant = await client.connect();
    expect(saved).toEqual([grant.token]);
  });

  it("a 401 (revoked from the dashboard) forgets the stored token; other refusals keep it", async () => {
    let status = 429;
    const { client } = setup({ gateway: () => new Response(JSON.stringify({ error: { message: "no", code: "x" } }), { status }) });
    await client.connect();
    await expect(client.fetch("/v1/models")).rejects.toMatchObject({ kind: "rate_limited" });
    expect(await client.token()).not.toBeNull();
    status = 401;
    await expect(client.fetch("/v1/models")).rejects.toMatchObject({ kind: "unauthorized" });
    expect(await client.token()).toBeNull();
  });

  it("disconnect revokes the token at 1Relay and forgets it, even when 1Relay cannot be reached", async () => {
    const { client, relay, fetchImpl } = setup({});
    const grant = await client.connect();
    await client.disconnect();
    const revoke = relay().calls.find((c) => c.url.endsWith("/connect/revoke"))!;
    expect(new URLSearchParams(revoke.body).get("token")).toBe(grant.token);
    expect(await client.token()).toBeNull();
    await client.connect();
    fetchImpl.mockImplementationOnce(async () => Promise.reject(new TypeError("offline")));
    await expect(client.disconnect()).rejects.toMatchObject({ code: "network_error" });
    expect(await client.token()).toBeNull();
  });

  it("refuses storage that cannot forget a token", () => {
    const partial = { load: () => null, save: () => undefined } as unknown as TokenStorage;
    expect(() => createRelayClient({ baseUrl: BASE_URL, clientId: CLIENT_ID, redirectUri: "https://chat.example/", scope: "openai", storage: partial })).toThrow(TypeError);
    const memory = memoryStorage();
    memory.save({ token: "t", connectionId: "c", scope: "openai", limits: null });
    expect(memory.load()).toBe("t");
  });
});
