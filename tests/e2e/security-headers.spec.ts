import { expect, test, type APIResponse } from "@playwright/test";
import { signInWithCode, uniqueEmail } from "./helpers/accounts";

const publicPages = ["/", "/signin", "/signin/code", "/signin/error?error=Verification", "/dev/mailbox", "/no-such-page"];
const dashboardPages = [
  "/dashboard",
  "/dashboard/vault",
  "/dashboard/connections",
  "/dashboard/tokens",
  "/dashboard/usage",
  "/dashboard/apps",
  "/dashboard/settings",
];

function cspDirectives(response: APIResponse): Map<string, string[]> {
  const csp = response.headers()["content-security-policy"];
  expect(csp, "Content-Security-Policy header").toBeTruthy();
  return new Map(csp!.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

async function expectSecurePage(response: APIResponse): Promise<string> {
  const headers = response.headers();
  const csp = cspDirectives(response);
  const nonceSource = csp.get("script-src")?.find((v) => v.startsWith("'nonce-"));
  expect(nonceSource, "script-src has a nonce").toBeTruthy();
  expect(csp.get("script-src")).toContain("'strict-dynamic'");
  expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
  expect(csp.get("script-src")).not.toContain("'unsafe-eval'");
  expect(csp.get("object-src")).toEqual(["'none'"]);
  expect(csp.get("base-uri")).toEqual(["'none'"]);
  expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");

  // Every script in the page carries this response's nonce; none comes from elsewhere.
  const nonce = nonceSource!.slice("'nonce-".length, -1);
  const html = await response.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) {
    expect(tag).toContain(`nonce="${nonce}"`);
    const src = /\ssrc="([^"]+)"/.exec(tag)?.[1];
    if (src) expect(src.startsWith("/")).toBe(true);
  }
  expect(html).not.toMatch(/fonts\.googleapis|googletagmanager|google-analytics|cdn\.|unpkg|jsdelivr/);
  return nonce;
}

test.describe("security headers on every page", () => {
  test("public pages send a strict CSP with a fresh nonce and no referrer", async ({ request }) => {
    const nonces = new Set<string>();
    for (const path of publicPages) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect([200, 404], path).toContain(response.status());
      nonces.add(await expectSecurePage(response));
      nonces.add(await expectSecurePage(await request.get(path, { maxRedirects: 0 })));
    }
    expect(nonces.size).toBe(publicPages.length * 2);
  });

  test("dashboard pages too, and the redirect to sign-in sends no referrer", async ({ page, browser, baseURL, request }) => {
    const redirect = await request.get("/dashboard/vault", { maxRedirects: 0 });
    expect(redirect.status()).toBe(307);
    expect(redirect.headers()["referrer-policy"]).toBe("no-referrer");

    await signInWithCode(page, browser, uniqueEmail("headers"), baseURL!);
    for (const path of dashboardPages) {
      const response = await page.request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(200);
      await expectSecurePage(response);
    }
  });

  test("a page loads nothing from another origin and runs no blocked script", async ({ page, browser, baseURL }) => {
    const foreign: string[] = [];
    const violations: string[] = [];
    page.on("request", (req) => {
      const url = new URL(req.url());
      if (url.origin !== new URL(baseURL!).origin) foreign.push(req.url());
    });
    page.on("console", (msg) => {
      if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
    });
    await page.goto("/");
    await signInWithCode(page, browser, uniqueEmail("origin"), baseURL!);
    for (const path of dashboardPages) await page.goto(path);
    expect(foreign).toEqual([]);
    expect(violations).toEqual([]);
  });

  test("no page can be framed", async ({ page, baseURL }) => {
    await page.setContent(`<iframe id="f" src="${baseURL}/signin" width="400" height="300"></iframe>`);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(frame, "the iframe exists").toBeDefined();
    // The frame never shows the sign-in form: the browser refuses to render it.
    await page.waitForTimeout(1500);
    expect(await frame!.locator("#email").count()).toBe(0);
    // While the same page, opened directly, does.
    await page.goto("/signin");
    await expect(page.locator("#email")).toBeVisible();
  });
});

test("the gateway's answers (served by the worker entry, not Next) carry the API security headers", async ({ request }) => {
  const answers = [
    await request.post("/v1/chat/completions", { headers: { authorization: "Bearer 1r_not-a-token" }, data: { model: "gpt-4o-mini", messages: [] } }),
    await request.get("/v1/models", { headers: { authorization: "Bearer 1r_not-a-token" } }),
  ];
  for (const response of answers) {
    expect(response.status()).toBe(401);
    expect((await response.json()).error.code).toBe("invalid_api_key");
    const headers = response.headers();
    expect(headers["x-1relay-request-id"]).toMatch(/^req_[0-9a-f]{24}$/);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("no-referrer");
    expect(headers["x-frame-options"]).toBe("DENY");
    const csp = cspDirectives(response);
    expect(csp.get("default-src")).toEqual(["'none'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.has("sandbox")).toBe(true);
  }
  // Anything but the exact method and path still goes to Next: its 405, with the middleware's headers.
  const wrongMethod = await request.get("/v1/chat/completions");
  expect(wrongMethod.status()).toBe(405);
  expect(wrongMethod.headers()["x-content-type-options"]).toBe("nosniff");
});
