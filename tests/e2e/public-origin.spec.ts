import { expect, test, type Browser } from "@playwright/test";
import { readNewestMail, uniqueEmail } from "./helpers/accounts";
import { sendRaw } from "./hostile/raw-http";

// Issue 13, "emailed links come from the configured origin": the e2e server runs with
// PUBLIC_URL = its own origin (scripts/serve-e2e.mjs). Whatever Host or X-Forwarded-* a request
// carries, the link in the email it triggers points there.

const port = Number(process.env.E2E_PORT ?? 8799);

/** The link in the newest sign-in email for `email` (whatever its origin), read from the local mailbox. */
async function emailedLink(browser: Browser, baseURL: string, email: string): Promise<URL> {
  const text = await readNewestMail({ browser, email, baseURL, hasText: "Your 1Relay sign-in code" });
  const link = /(\S+\/api\/auth\/callback\/email\?\S+)/.exec(text)?.[1];
  if (!link) throw new Error(`no link in the mail:\n${text}`);
  return new URL(link);
}

test.describe("emailed links come from PUBLIC_URL, never from the request", () => {
  test("a sign-in request with forged X-Forwarded-Host and X-Forwarded-Proto", async ({ request, browser, baseURL }) => {
    const email = uniqueEmail("forwarded");
    const response = await request.post("/api/signin/request", {
      headers: { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", "x-forwarded-port": "443", forwarded: "host=evil.example;proto=https" },
      data: { email },
    });
    expect(response.status()).toBe(202);
    const link = await emailedLink(browser, baseURL!, email);
    expect(link.origin).toBe(baseURL);
    expect(link.searchParams.get("callbackUrl")).toBe("/dashboard");
  });

  test("the sign-in form in a browser whose requests carry a forged X-Forwarded-Host", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" } });
    const page = await context.newPage();
    const email = uniqueEmail("forwarded-form");
    await page.goto("/signin");
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Email me a sign-in code" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    expect((await emailedLink(browser, baseURL!, email)).origin).toBe(baseURL);
    await context.close();
  });

  test("a sign-in request with a forged Host header (the local runtime lets it through)", async ({ browser, baseURL }) => {
    const email = uniqueEmail("forged-host");
    const body = JSON.stringify({ email });
    const answer = await sendRaw({
      port,
      payload: `POST /api/signin/request HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    });
    expect(answer.status).toBe(202);
    expect((await emailedLink(browser, baseURL!, email)).origin).toBe(baseURL);
  });
});

test.describe("API clients get JSON, never an HTML page", () => {
  test("an unknown path under /v1/ answers OpenAI's error shape", async ({ request }) => {
    for (const [method, path, status, code] of [
      ["GET", "/v1/nope", 404, "unknown_url"],
      ["POST", "/v1/images/generations", 404, "unknown_url"],
      ["POST", "/v1/chat/completion", 404, "unknown_url"],
      ["GET", "/v1/chat/completions", 405, "method_not_allowed"],
    ] as const) {
      const response = await request.fetch(path, { method, headers: { authorization: "Bearer 1r_x", "content-type": "application/json" }, data: method === "POST" ? "{}" : undefined });
      expect(response.status(), `${method} ${path}`).toBe(status);
      expect(response.headers()["content-type"], `${method} ${path}`).toMatch(/^application\/json/);
      const body = (await response.json()) as { error: { message: string; type: string; param: unknown; code: string } };
      expect(Object.keys(body.error).sort()).toEqual(["code", "message", "param", "type"]);
      expect(body.error).toMatchObject({ type: "invalid_request_error", code, param: null });
    }
  });

  test("pages elsewhere still get the HTML 404 page", async ({ request }) => {
    const response = await request.get("/no-such-page");
    expect(response.status()).toBe(404);
    expect(response.headers()["content-type"]).toMatch(/^text\/html/);
  });
});
