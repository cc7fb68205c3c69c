import { createServer, type Server } from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { startAuthorization } from "../../lib/connect/app-client";
import { assembleRelayToken } from "../../lib/crypto/assemble-token";
import { formatConnectionId } from "../../lib/crypto/connection-id";
import { parseRelayToken } from "../../lib/crypto/relay-token";
import { decodeBase64Url } from "../../lib/crypto/encoding";
import { signInWithCode, uniqueEmail } from "./helpers/accounts";
import { answerConsent, captureProbe, PROBE_REDIRECT } from "./helpers/connect-flow";
import { fakeReceived, resetFakes } from "./helpers/fakes";
import { expectFits } from "./helpers/fits";
import { secondServerPort } from "./helpers/second-server";
import { createToken } from "./helpers/tokens-ui";
import { addKey, createVault, fakeKeys } from "./helpers/vault-ui";

// Issue 18, the server side (decision 022): a page on an origin its token lists calls the
// gateway with fetch (JSON and a stream) and reads the exposed headers; a page on another origin
// is refused before anything reaches a provider, and the person sees it in the security activity.
// The pages are a blank page served by two tiny local servers: two loopback origins.

const PASSWORD = "copper lantern 27 violet orchard";
const appOrigin = `http://127.0.0.1:${secondServerPort(41)}`;
const otherOrigin = `http://127.0.0.1:${secondServerPort(42)}`;
const hello = { model: "gpt-4o-mini", messages: [{ role: "user", content: "hello from a page" }] };

/** A static page on `port` (what a browser app with no server of its own is). */
async function serveBlankPage(port: number): Promise<Server> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end("<!doctype html><title>A browser app</title><p>app</p>");
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", resolve));
  return server;
}

async function openPageOn(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/`);
}

interface PageAnswer {
  ok: boolean;
  status?: number;
  headers?: Record<string, string | null>;
  text?: string;
  error?: string;
}

/** fetch() from inside the page, as a browser app would. */
function callFromPage(page: Page, { url, token, body, headers = {}, credentials = "omit" }: { url: string; token: string; body?: unknown; headers?: Record<string, string>; credentials?: RequestCredentials }): Promise<PageAnswer> {
  return page.evaluate(
    async ({ url, token, body, headers, credentials }) => {
      try {
        const response = await fetch(url, {
          method: body === undefined ? "GET" : "POST",
          credentials,
          headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const names = ["x-1relay-request-id", "x-1relay-cost-usd", "x-1relay-reserved-usd", "x-1relay-budget-remaining-usd", "x-ratelimit-remaining-requests", "x-ratelimit-limit-requests", "content-type"];
        // Read the stream chunk by chunk, as a chat page does.
        let text = "";
        const reader = response.body!.getReader();
        const decoder = new TextDecoder();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          text += decoder.decode(value, { stream: true });
        }
        return { ok: true, status: response.status, headers: Object.fromEntries(names.map((n) => [n, response.headers.get(n)])), text };
      } catch (error) {
        return { ok: false, error: String(error) };
      }
    },
    { url, token, body, headers, credentials },
  );
}

test.describe.serial("browser apps: the gateway and the token endpoint from a page (issue 18)", () => {
  let person: Page;
  let relay: string;
  let token: string;
  let pages: Server[] = [];

  test.beforeAll(async ({ browser, baseURL }) => {
    test.setTimeout(120_000);
    relay = baseURL!;
    pages = await Promise.all([serveBlankPage(secondServerPort(41)), serveBlankPage(secondServerPort(42))]);
    person = await browser.newPage({ baseURL });
    await signInWithCode(person, browser, uniqueEmail("browser-app"), baseURL!);
    await createVault(person, PASSWORD);
    await addKey(person, "openai", "Page OpenAI", fakeKeys.openai);
    token = await createToken(person, { name: "Web chat", keys: { openai: "Page OpenAI" }, budget: "5", rpm: "30", origins: `${appOrigin}/` });
  });

  test.afterAll(async () => {
    await person?.close();
    await Promise.all(pages.map((server) => new Promise((resolve) => server.close(resolve))));
  });

  test("a page on a listed origin calls /v1/chat/completions with fetch, JSON and streamed, and reads the exposed headers", async ({ browser }) => {
    await resetFakes();
    const page = await browser.newPage();
    await openPageOn(page, appOrigin);
    const json = await callFromPage(page, { url: `${relay}/v1/chat/completions`, token, body: hello });
    expect(json.ok, json.error).toBe(true);
    expect(json.status).toBe(200);
    expect(JSON.parse(json.text!).choices[0].message.content).toBeTruthy();
    expect(json.headers!["x-1relay-request-id"]).toMatch(/^req_[0-9a-f]{24}$/);
    expect(Number(json.headers!["x-1relay-cost-usd"])).toBeGreaterThan(0);
    expect(json.headers!["x-1relay-budget-remaining-usd"]).toMatch(/^\d/);
    expect(json.headers!["x-ratelimit-limit-requests"]).toBe("30");

    const stream = await callFromPage(page, { url: `${relay}/v1/chat/completions`, token, body: { ...hello, stream: true } });
    expect(stream.ok, stream.error).toBe(true);
    expect(stream.status).toBe(200);
    expect(stream.headers!["content-type"]).toMatch(/^text\/event-stream/);
    expect(Number(stream.headers!["x-1relay-reserved-usd"])).toBeGreaterThan(0);
    const deltas = stream.text!.split("\n").filter((line) => line.startsWith("data: {")).map((line) => JSON.parse(line.slice(6)) as { choices: { delta: { content?: string } }[] });
    expect(deltas.map((d) => d.choices[0]?.delta.content ?? "").join("")).not.toBe("");
    expect(stream.text).toContain("data: [DONE]");

    // The models list too (a GET with Authorization: preflighted like the rest).
    const models = await callFromPage(page, { url: `${relay}/v1/models`, token });
    expect(models.status).toBe(200);
    expect((await fakeReceived("openai")).filter((r) => r.path.endsWith("/chat/completions"))).toHaveLength(2);
    await page.close();
  });

  test("the browser itself refuses credentials mode and a header outside the allowlist, and nothing reaches the provider", async ({ browser }) => {
    await resetFakes();
    const page = await browser.newPage();
    await openPageOn(page, appOrigin);
    const withCookies = await callFromPage(page, { url: `${relay}/v1/chat/completions`, token, body: hello, credentials: "include" });
    expect(withCookies.ok).toBe(false);
    const oddHeader = await callFromPage(page, { url: `${relay}/v1/chat/completions`, token, body: hello, headers: { "x-evil": "1" } });
    expect(oddHeader.ok).toBe(false);
    // The SDKs' own headers pass the preflight.
    const sdkHeaders = await callFromPage(page, { url: `${relay}/v1/chat/completions`, token, body: hello, headers: { "x-stainless-os": "Linux", "x-stainless-lang": "js", "x-stainless-retry-count": "0" } });
    expect(sdkHeaders.status).toBe(200);
    expect((await fakeReceived("openai")).filter((r) => r.path.endsWith("/chat/completions"))).toHaveLength(1);
    await page.close();
  });

  test("a page on an unlisted origin is refused 403 origin_not_allowed, the provider receives nothing, and the person sees it in the security activity", async ({ browser }) => {
    await resetFakes();
    const page = await browser.newPage();
    await openPageOn(page, otherOrigin);
    const failed = page.waitForEvent("requestfailed", (r) => r.url() === `${relay}/v1/chat/completions` && r.method() === "POST");
    const refused = await callFromPage(page, { url: `${relay}/v1/chat/completions`, token, body: hello });
    // The 403 names no origin, so the page cannot even read it: to the page it is a failed request.
    expect(refused.ok).toBe(false);
    expect((await failed).failure()?.errorText).toMatch(/CORS|net::ERR_FAILED/);
    expect(await fakeReceived("openai")).toEqual([]);
    // What a server forging the same Origin is told.
    const forged = await fetch(`${relay}/v1/chat/completions`, { method: "POST", headers: { origin: otherOrigin, authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(hello) });
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe("origin_not_allowed");
    expect(forged.headers.get("access-control-allow-origin")).toBeNull();
    expect(await fakeReceived("openai")).toEqual([]);
    await page.close();

    await person.goto("/dashboard/settings");
    const signal = person.getByTestId("activity-event").filter({ hasText: `from ${otherOrigin}` });
    // The list is fetched after the page hydrates: count only once it has been read.
    await expect.poll(async () => {
      await person.reload();
      await expect(person.getByTestId("activity")).toBeVisible();
      return signal.count();
    }, { timeout: 30_000 }).toBe(1);
    await expect(signal).toContainText("Token refused on a web page it does not allow: “Web chat”");
  });

  test("an app's registered origins: shown on the consent page, signed into the connection; the code exchanged from the page; others refused", async ({ browser, baseURL }, testInfo) => {
    const developer = await browser.newPage({ baseURL });
    await signInWithCode(developer, browser, uniqueEmail("browser-dev"), baseURL!);
    const registered = await developer.request.post("/api/apps", {
      headers: { origin: baseURL! },
      data: { name: "Page Chat", homepage: appOrigin, description: "Chats in your browser.", redirectUris: [PROBE_REDIRECT], origins: [`${appOrigin}/`] },
    });
    expect(registered.status()).toBe(201);
    const app = (await registered.json()) as { clientId: string; origins: string[] };
    expect(app.origins).toEqual([appOrigin]);
    await developer.goto("/dashboard/apps");
    await expect(developer.getByTestId("app-origins").first()).toContainText(appOrigin);
    await expectFits(developer, testInfo, "apps page with web origins");
    await developer.close();

    // A tampered approval (other origins than the app's) is refused by the server.
    const first = startAuthorization({ baseUrl: relay, clientId: app.clientId, redirectUri: PROBE_REDIRECT, scope: "openai", display: "page" });
    await person.route("**/api/connect/approve", async (route) => {
      const body = JSON.parse(route.request().postData()!) as { connection: { policy: { origins: string[] } } };
      body.connection.policy.origins = ["https://evil.example"];
      await route.continue({ postData: JSON.stringify(body) });
    });
    await person.goto(first.url);
    await expect(person.getByText(`It will call 1Relay from ${appOrigin}.`)).toBeVisible({ timeout: 30_000 });
    await expectFits(person, testInfo, "consent page with web origins");
    await answerConsent(person, { password: PASSWORD });
    await expect(person.getByRole("alert").filter({ hasText: "not the ones this app registered" })).toBeVisible();
    await person.unroute("**/api/connect/approve");

    const { url, pending } = startAuthorization({ baseUrl: relay, clientId: app.clientId, redirectUri: PROBE_REDIRECT, scope: "openai", display: "page" });
    const probe = await captureProbe(person);
    await person.goto(url);
    await answerConsent(person, { password: PASSWORD });
    await expect.poll(() => probe()).not.toBeNull();
    await person.unroute(`${PROBE_REDIRECT}**`);
    const code = probe()!.searchParams.get("code")!;

    // The unlisted page cannot use the code (refused before it is spent); the app's page can.
    const form = new URLSearchParams({ grant_type: "authorization_code", code, code_verifier: pending.codeVerifier, client_id: app.clientId, redirect_uri: PROBE_REDIRECT }).toString();
    const exchangeFrom = async (origin: string) => {
      const page = await browser.newPage();
      await openPageOn(page, origin);
      const answer = await page.evaluate(
        async ({ url, form }) => {
          try {
            const response = await fetch(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: form });
            return { ok: true, status: response.status, body: (await response.json()) as { connection_id: string; sealed_secret: string } };
          } catch (error) {
            return { ok: false, error: String(error) };
          }
        },
        { url: `${relay}/connect/token`, form },
      );
      await page.close();
      return answer;
    };
    expect((await exchangeFrom(otherOrigin)).ok).toBe(false);
    const exchanged = await exchangeFrom(appOrigin);
    expect(exchanged.status).toBe(200);
    const appToken = assembleRelayToken({ clientId: app.clientId, connectionId: exchanged.body!.connection_id, appPrivateKey: decodeBase64Url(pending.appPrivateKey), sealed: exchanged.body!.sealed_secret });

    await resetFakes();
    const page = await browser.newPage();
    await openPageOn(page, appOrigin);
    expect((await callFromPage(page, { url: `${relay}/v1/chat/completions`, token: appToken, body: hello })).status).toBe(200);
    await page.close();
    const elsewhere = await fetch(`${relay}/v1/chat/completions`, { method: "POST", headers: { origin: otherOrigin, authorization: `Bearer ${appToken}`, "content-type": "application/json" }, body: JSON.stringify(hello) });
    expect(elsewhere.status).toBe(403);
    // A server (no Origin) may still use it, as before.
    const server = await fetch(`${relay}/v1/chat/completions`, { method: "POST", headers: { authorization: `Bearer ${appToken}`, "content-type": "application/json" }, body: JSON.stringify(hello) });
    expect(server.status).toBe(200);
    expect((await fakeReceived("openai")).filter((r) => r.path.endsWith("/chat/completions"))).toHaveLength(2);
  });

  test("a revoked token's refusal is readable by the page, so it can say so", async ({ browser }) => {
    const page = await browser.newPage();
    await openPageOn(page, appOrigin);
    const revoke = await person.request.post(`/api/connections/${formatConnectionId(parseRelayToken(token).connectionId)}/revoke`, { headers: { origin: relay } });
    expect(revoke.ok()).toBe(true);
    const answer = await callFromPage(page, { url: `${relay}/v1/chat/completions`, token, body: hello });
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.text!).error.message).toMatch(/revoked/);
    await page.close();
  });
});
