import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fakeURLs } from "../../playwright.config";
import { signInWithCode, uniqueEmail } from "./helpers/accounts";
import { fakeReceived, resetFakes } from "./helpers/fakes";
import { allLocalStateFiles, waitForRows } from "./helpers/local-d1";
import { secondServerPort, startSecondServer, type SecondServer } from "./helpers/second-server";
import { createToken } from "./helpers/tokens-ui";
import { addKey, createVault, fakeKeys } from "./helpers/vault-ui";
import { sendRaw } from "./hostile/raw-http";
import { connectionIdOf } from "./hostile/setup";

// Issue 8, faults: upstream 500, 429 (retry-after passed on), timeouts, a stream cut mid-way,
// a slow reader; and what must never cross the gateway (cookies and hop-by-hop headers up,
// set-cookie down, a key echoed in an upstream error). Each time: a clean error or a clean
// end, usage recorded, the reservation settled, and the next request works.

const DEADLINE = { signal: () => AbortSignal.timeout(30_000) };

function chat(baseURL: string, token: string, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${baseURL}/v1/chat/completions`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers }, body: JSON.stringify(body), signal: DEADLINE.signal() });
}
const ask = (model: string, extra: Record<string, unknown> = {}) => ({ model, messages: [{ role: "user", content: "one two three four five six seven eight" }], ...extra });

async function scriptFake(behaviour: unknown): Promise<void> {
  const response = await fetch(`${fakeURLs.openai}/__fake/script`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ behaviour, times: 1 }) });
  expect(response.status).toBe(204);
}

async function reservedOf(page: Page, token: string): Promise<number> {
  const list = (await (await page.request.get("/api/connections")).json()) as { connections: { id: string; spend: { reservedMicroUsd: number } }[] };
  return list.connections.find((c) => c.id === connectionIdOf(token))!.spend.reservedMicroUsd;
}

type Row = { status: number; error_code: string | null; cost_micro_usd: number };
const rowsOf = (token: string, n: number) =>
  waitForRows<Row>("SELECT status, error_code, cost_micro_usd FROM usage_records WHERE connection_id = ? ORDER BY created_at", [connectionIdOf(token)], (r) => r.length >= n);

async function expectNextWorks(baseURL: string, token: string): Promise<void> {
  const next = await chat(baseURL, token, ask("gpt-4o-mini"));
  expect(next.status).toBe(200);
  expect(((await next.json()) as { choices: { message: { content: string } }[] }).choices[0]!.message.content).toMatch(/^You said:/);
}

test.describe.serial("faults upstream, and what never crosses the gateway", () => {
  let page: Page;
  let free: string; // no budget: the fakes' magic (unpriced) model names
  let budgeted: string; // a budget: reservations, with scripted faults on a priced model

  test.beforeAll(async ({ browser, baseURL }) => {
    test.setTimeout(180_000);
    page = await browser.newPage({ baseURL });
    await signInWithCode(page, browser, uniqueEmail("faults"), baseURL!);
    await createVault(page, "copper delta 52 mirth harbor");
    await addKey(page, "openai", "Faults OpenAI", fakeKeys.openai);
    free = await createToken(page, { name: "Free bot", keys: { openai: "Faults OpenAI" }, budget: "", rpm: "" });
    budgeted = await createToken(page, { name: "Budget bot", keys: { openai: "Faults OpenAI" }, budget: "5", rpm: "" });
  });

  test.beforeEach(async () => {
    await resetFakes();
  });

  test("upstream 500: a 502 in OpenAI's shape, recorded, nothing left reserved, and the next request works", async ({ baseURL }) => {
    const magic = await chat(baseURL!, free, ask("gpt-4o-mini-fake-500"));
    expect(magic.status).toBe(502);
    expect(((await magic.json()) as { error: { type: string } }).error.type).toBeTruthy();
    await scriptFake({ kind: "error", status: 500 });
    const scripted = await chat(baseURL!, budgeted, ask("gpt-4o-mini"));
    expect(scripted.status).toBe(502);
    const body = (await scripted.json()) as { error: { message: string; type: string; code: string | null } };
    expect(Object.keys(body.error).sort()).toEqual(["code", "message", "param", "type"]);
    const [row] = await rowsOf(budgeted, 1);
    expect(row!.status).toBe(502);
    expect(await reservedOf(page, budgeted)).toBe(0);
    await expectNextWorks(baseURL!, budgeted);
  });

  test("upstream 429: passed on with its retry-after, recorded, nothing left reserved", async ({ baseURL }) => {
    const magic = await chat(baseURL!, free, ask("gpt-4o-mini-fake-429-7"));
    expect(magic.status).toBe(429);
    expect(magic.headers.get("retry-after")).toBe("7");
    await magic.body?.cancel();
    await scriptFake({ kind: "rate-limit", retryAfterSeconds: 3 });
    const scripted = await chat(baseURL!, budgeted, ask("gpt-4o-mini"));
    expect(scripted.status).toBe(429);
    expect(scripted.headers.get("retry-after")).toBe("3");
    expect(((await scripted.json()) as { error: { type: string } }).error).toBeTruthy();
    await expect.poll(async () => (await rowsOf(budgeted, 2)).some((r) => r.status === 429)).toBe(true);
    expect(await reservedOf(page, budgeted)).toBe(0);
    await expectNextWorks(baseURL!, budgeted);
  });

  test("a stream cut mid-way ends with an error event (no [DONE]); usage is charged for what arrived and the reservation released", async ({ baseURL }) => {
    const magic = await chat(baseURL!, free, ask("gpt-4o-mini-fake-drop-3", { stream: true }));
    expect(magic.status).toBe(200);
    const magicFrames = (await magic.text()).split("\n\n").filter(Boolean);
    expect(magicFrames.at(-1)).toMatch(/^data: \{"error":\{/);
    const before = (await rowsOf(budgeted, 0)).length;
    await scriptFake({ dropAfterChunks: 3 });
    const cut = await chat(baseURL!, budgeted, ask("gpt-4o-mini", { stream: true, stream_options: { include_usage: true } }));
    expect(cut.status).toBe(200);
    const frames = (await cut.text()).split("\n\n").filter(Boolean);
    expect(frames).not.toContain("data: [DONE]");
    expect(frames.at(-1)).toMatch(/^data: \{"error":\{/);
    const rows = await rowsOf(budgeted, before + 1);
    expect(rows.at(-1)!.cost_micro_usd).toBeGreaterThan(0);
    expect(await reservedOf(page, budgeted)).toBe(0);
    await expectNextWorks(baseURL!, budgeted);
  });

  test("a non-streamed answer cut halfway is a 502, not a hang, and settles", async ({ baseURL }) => {
    await scriptFake({ dropAfterChunks: 1 });
    const cut = await chat(baseURL!, budgeted, ask("gpt-4o-mini"));
    expect(cut.status).toBe(502);
    expect(((await cut.json()) as { error: { code: string } }).error.code).toBe("upstream_protocol_error");
    expect(await reservedOf(page, budgeted)).toBe(0);
    await expectNextWorks(baseURL!, budgeted);
  });

  test("a slow reader (pauses between reads) still gets the whole stream, cleanly ended, and it settles", async ({ baseURL }) => {
    const words = Array.from({ length: 30 }, (_, i) => `w${i}`).join(" ");
    const response = await chat(baseURL!, budgeted, { model: "gpt-4o-mini", stream: true, messages: [{ role: "user", content: words }] });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    for (;;) {
      await new Promise((r) => setTimeout(r, 150));
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    const frames = text.split("\n\n").filter(Boolean);
    expect(frames.at(-1)).toBe("data: [DONE]");
    const content = frames.filter((f) => f.startsWith("data: {")).map((f) => (JSON.parse(f.slice(6)) as { choices: { delta?: { content?: string } }[] }).choices[0]?.delta?.content ?? "").join("");
    expect(content).toBe(`You said: ${words}`);
    await expect.poll(() => reservedOf(page, budgeted)).toBe(0);
    await expectNextWorks(baseURL!, budgeted);
  });

  test("cookies and hop-by-hop headers are not forwarded; set-cookie and the provider's headers are not passed back", async ({ baseURL }) => {
    // Raw bytes: fetch itself refuses to send te, keep-alive and trailer.
    const body = JSON.stringify(ask("gpt-4o-mini"));
    const port = new URL(baseURL!).port;
    const hostile = ["Cookie: authjs.session-token=secret-session", "Proxy-Authorization: Basic c2VjcmV0", "X-Forwarded-For: 10.0.0.1", "Forwarded: for=10.0.0.1", "TE: trailers", "Keep-Alive: timeout=5", "Trailer: X-Late", "X-Api-Key: sk-client-supplied", "OpenAI-Organization: org-evil"];
    const answer = await sendRaw({
      port: Number(port),
      payload: `POST /v1/chat/completions HTTP/1.1\r\nHost: localhost:${port}\r\nConnection: close\r\nAuthorization: Bearer ${free}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${hostile.join("\r\n")}\r\n\r\n${body}`,
    });
    expect(answer.status, answer.head).toBe(200);
    expect(answer.head).not.toMatch(/^set-cookie:/im);
    expect(answer.head).not.toMatch(/^openai-organization:/im);
    const [received] = await fakeReceived("openai");
    const leaked = ["cookie", "proxy-authorization", "x-forwarded-for", "forwarded", "te", "keep-alive", "trailer", "x-api-key", "openai-organization"].filter((h) => h in received!.headers);
    expect(leaked).toEqual([]);
    expect(received!.headers.authorization).toBe(`Bearer ${fakeKeys.openai}`);
    expect(JSON.stringify(received!.headers)).not.toContain(free);
    // And through fetch, the fake's set-cookie stays behind too.
    const viaFetch = await chat(baseURL!, free, ask("gpt-4o-mini"), { cookie: "a=b" });
    expect(viaFetch.headers.get("set-cookie")).toBeNull();
    expect(viaFetch.status).toBe(200);
  });

  test("an upstream error that echoes the key is scrubbed before it reaches the client", async ({ baseURL }) => {
    const response = await chat(baseURL!, free, ask("gpt-4o-mini-fake-key-echo"));
    expect(response.status).toBeLessThan(600);
    const text = await response.text();
    expect(text).not.toContain(fakeKeys.openai);
    expect(text).not.toContain(fakeKeys.openai.slice(8, 30));
    expect((JSON.parse(text) as { error: { message: string } }).error.message).toBeTruthy();
    await expectNextWorks(baseURL!, free);
  });

  test.describe("with a 2 s upstream timeout (a second server)", () => {
    let server: SecondServer;
    let timed: Page;
    let token: string;
    let geminiToken: string;

    test.beforeAll(async ({ browser }) => {
      test.setTimeout(240_000);
      server = await startSecondServer({ port: secondServerPort(106), vars: { UPSTREAM_TIMEOUT_MS: "2000", OPENAI_BASE_URL: `${fakeURLs.openai}/v1`, GEMINI_BASE_URL: fakeURLs.gemini } });
      timed = await browser.newPage({ baseURL: server.baseURL });
      await signInWithCode(timed, browser, uniqueEmail("timeout"), server.baseURL);
      await createVault(timed, "willow quarry 38 nimbus atlas");
      await addKey(timed, "openai", "Timeout OpenAI", fakeKeys.openai);
      await addKey(timed, "gemini", "Timeout Gemini", fakeKeys.gemini);
      token = await createToken(timed, { name: "Timeout bot", keys: { openai: "Timeout OpenAI" }, budget: "5", rpm: "" });
      geminiToken = await createToken(timed, { name: "Query-key bot", keys: { openai: "Not allowed", gemini: "Timeout Gemini" }, budget: "5", rpm: "" });
    });

    test.afterAll(async () => {
      await timed?.close();
      await server?.stop();
    });

    test("a Gemini-style ?key= token is served but never reaches the server's log, its stored state, or the provider", async () => {
      const at = (p: string) => `${server.baseURL}${p}${p.includes("?") ? "&" : "?"}key=${geminiToken}`;
      const body = (extra: Record<string, unknown> = {}) => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ contents: [{ parts: [{ text: "hello" }] }], ...extra }), signal: DEADLINE.signal() });
      const script = (behaviour: unknown) => fetch(`${fakeURLs.gemini}/__fake/script`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ behaviour, times: 1 }) });
      const statuses: number[] = [];
      const send = async (url: string, init?: RequestInit) => {
        const response = await fetch(url, init);
        await response.text();
        statuses.push(response.status);
      };
      await send(at("/v1beta/models/gemini-2.5-flash:generateContent"), body());
      await send(at("/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse"), body());
      await send(at("/v1beta/models/gemini-2.5-flash:countTokens"), body());
      await send(at("/v1beta/models"));
      await send(at("/v1beta/models/gemini-2.5-flash:generateContent"), body({ tools: [{ googleSearch: {} }] }));
      await send(at("/v1beta/models/gemini-2.5-flash:predictLongRunning"), body());
      await script({ kind: "error", status: 500 });
      await send(at("/v1beta/models/gemini-2.5-flash:generateContent"), body());
      await script({ delayMs: 5_000 });
      await send(at("/v1beta/models/gemini-2.5-flash:generateContent"), body());
      await send(`${server.baseURL}/v1beta/models/gemini-2.5-flash:generateContent?key=${geminiToken.slice(0, -2)}xx`, body());
      expect(statuses).toEqual([200, 200, 200, 200, 400, 404, 502, 504, 401]);
      const upstream = await fakeReceived("gemini");
      expect(upstream.length).toBe(5);
      for (const r of upstream) {
        expect(r.path).not.toContain("key=");
        expect(JSON.stringify(r)).not.toContain(geminiToken.slice(3, 40));
      }
      // Everything the server printed, and every byte it stored (D1, the account object), after the usage records landed.
      await expect.poll(async () => JSON.stringify(await (await timed.request.get("/api/usage?view=log")).json()), { timeout: 15_000 }).toContain('"status":504');
      const secretPart = geminiToken.slice(3, 50);
      expect(server.log()).not.toContain(secretPart);
      const stateDir = path.resolve(`.wrangler/e2e-state-${secondServerPort(106)}`);
      const leaking = allLocalStateFiles(stateDir).filter((file) => readFileSync(file).includes(secretPart));
      expect(leaking).toEqual([]);
    });

    test("a provider slower than the timeout: 504 upstream_timeout, the reservation released, the next request works", async () => {
      await scriptFake({ delayMs: 5_000 });
      const started = Date.now();
      const response = await chat(server.baseURL, token, ask("gpt-4o-mini"));
      expect(response.status).toBe(504);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("upstream_timeout");
      expect(Date.now() - started).toBeLessThan(15_000);
      await expect.poll(() => reservedOf(timed, token)).toBe(0);
      // Usage records reach D1 about a second later, batched by the account's Durable Object.
      await expect.poll(async () => JSON.stringify(await (await timed.request.get("/api/usage")).json()), { timeout: 15_000 }).toContain(`"status":504`);
      await expectNextWorks(server.baseURL, token);
    });
  });
});
