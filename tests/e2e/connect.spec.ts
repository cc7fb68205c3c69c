import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { demoAppURL } from "../../playwright.config";
import { ConnectError, exchangeCode, revokeToken, startAuthorization, type PendingAuthorization } from "../../lib/connect/app-client";
import { assembleRelayToken } from "../../lib/crypto/assemble-token";
import { decodeBase64Url } from "../../lib/crypto/encoding";
import { readNewestMail, readSignInMail, signInWithCode, uniqueEmail } from "./helpers/accounts";
import { answerConsent, captureProbe, PROBE_REDIRECT, registerApp, signInOnConsentPage } from "./helpers/connect-flow";
import { fakeReceived, resetFakes } from "./helpers/fakes";
import { openLocalD1 } from "./helpers/local-d1";
import { findLeak, recordRequests } from "./helpers/request-recorder";
import { addKey, createVault, fakeKeys } from "./helpers/vault-ui";
import { sendRaw } from "./hostile/raw-http";

// Issue 5's proofs: a third-party app (examples/demo-app) gets a relay token through the
// consent page, by the widget's popup and by the redirect flow, and calls the gateway; and the
// protocol's guarantees hold (PKCE, one-time codes, exact redirect URIs, iss, no secret in any
// URL or stored row, no framing, postMessage only to the app's origin, app-side revocation).

const PASSWORD = "harbor quill 58 ember lattice";
const APP_NAME = "Acme Notes (demo)";

function chat(baseURL: string, token: string, content = "hello"): Promise<Response> {
  return fetch(`${baseURL}/v1/chat/completions`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content }] }) });
}

async function configureDemoApp(page: Page, clientId: string): Promise<void> {
  await page.goto(demoAppURL);
  // The app keeps its settings in memory: set once, shown (folded away) afterwards.
  if ((await page.getByTestId("configured-client-id").textContent())?.includes(clientId)) return;
  await page.getByLabel("Client ID").fill(clientId);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("configured-client-id")).toContainText(clientId);
}

test.describe.serial("Connect: third-party apps through the consent page", () => {
  let developer: Page;
  let clientId: string;
  let otherClientId: string;
  let personEmail: string;
  let personCtx: BrowserContext;
  let person: Page;

  test.beforeAll(async ({ browser, baseURL }) => {
    developer = await browser.newPage({ baseURL });
    await signInWithCode(developer, browser, uniqueEmail("developer"), baseURL!);
    clientId = await registerApp(developer, baseURL!, { name: APP_NAME, redirectUris: [`${demoAppURL}/callback`, PROBE_REDIRECT] });
    otherClientId = await registerApp(developer, baseURL!, { name: "Other app", redirectUris: [PROBE_REDIRECT] });
    personEmail = uniqueEmail("person");
    personCtx = await browser.newContext({ baseURL });
    person = await personCtx.newPage();
    await signInWithCode(person, browser, personEmail, baseURL!);
    await createVault(person, PASSWORD);
    await addKey(person, "openai", "Personal OpenAI", fakeKeys.openai);
    await addKey(person, "anthropic", "Personal Anthropic", fakeKeys.anthropic);
  });

  test("widget: the example app → popup → sign in → unlock → choose key, budget, rpm → approve → the app calls the gateway", async ({ browser, baseURL }) => {
    await resetFakes();
    const context = await browser.newContext();
    const recorder = recordRequests(context);
    const page = await context.newPage();
    await configureDemoApp(page, clientId);
    const popupPromise = page.waitForEvent("popup");
    await page.getByRole("button", { name: "Connect with 1Relay" }).click();
    const popup = await popupPromise;
    await expect(popup).toHaveURL(/\/connect\/authorize\?request=[0-9a-f]{32}$/);
    await expect(popup.getByRole("heading", { name: APP_NAME })).toBeVisible();
    await signInOnConsentPage(popup, browser, personEmail, baseURL!);
    const closed = popup.waitForEvent("close");
    await answerConsent(popup, { password: PASSWORD, budget: "5", rpm: "30" });
    await closed;
    await expect(page.getByTestId("status")).toHaveAttribute("data-connected", "true");
    await page.getByLabel("Prompt").fill("hello from the widget");
    await page.getByRole("button", { name: "Ask" }).click();
    await expect(page.getByTestId("answer")).toHaveText("You said: hello from the widget");
    const [upstream] = await fakeReceived("openai");
    expect(upstream!.headers.authorization).toBe(`Bearer ${fakeKeys.openai}`);
    // The code travelled by postMessage: no URL the browser loaded carried a code or a secret.
    await recorder.settle();
    expect(recorder.all.filter((r) => /[?&](code|sealed_secret|code_verifier)=/.test(r.url))).toEqual([]);
    await context.close();

    // The person is told by email, and the event is in their activity list.
    const mailbox = await browser.newPage({ baseURL });
    await mailbox.goto("/dev/mailbox");
    await expect(mailbox.locator(`[data-testid="mail"][data-to="${personEmail}"]`).filter({ hasText: `${APP_NAME} is now connected` }).first()).toBeVisible();
    await mailbox.close();

    // The person sees the app on the Connections page with its limits.
    await person.goto("/dashboard/connections");
    const row = person.getByTestId("connection-row").filter({ hasText: APP_NAME }).first();
    await expect(row).toBeVisible();
    await expect(row.getByTestId("spend")).toContainText("of $5.00 this month");
    await expect(row).toContainText("30 req/min");
  });

  test("redirect: the same journey in one tab, with code, state and iss on the callback and nothing else", async ({ browser, baseURL }) => {
    await resetFakes();
    const context = await browser.newContext();
    const page = await context.newPage();
    const callbacks: URL[] = [];
    page.on("request", (r) => {
      if (r.url().startsWith(`${demoAppURL}/callback`)) callbacks.push(new URL(r.url()));
    });
    await configureDemoApp(page, clientId);
    await page.getByRole("link", { name: "Connect with redirect" }).click();
    await expect(page).toHaveURL(/\/connect\/authorize\?request=/);
    await signInOnConsentPage(page, browser, personEmail, baseURL!);
    await answerConsent(page, { password: PASSWORD });
    await expect(page).toHaveURL(`${demoAppURL}/`);
    await expect(page.getByTestId("status")).toHaveAttribute("data-connected", "true");
    expect(callbacks).toHaveLength(1);
    expect([...callbacks[0]!.searchParams.keys()].sort()).toEqual(["code", "iss", "state"]);
    expect(callbacks[0]!.searchParams.get("iss")).toBe(baseURL);
    await page.getByLabel("Prompt").fill("hello by redirect");
    await page.getByRole("button", { name: "Ask" }).click();
    await expect(page.getByTestId("answer")).toHaveText("You said: hello by redirect");
    // The app revokes its own token (RFC 7009): its next call is refused.
    await page.getByRole("button", { name: "Disconnect" }).click();
    await expect(page.getByTestId("notice")).toContainText("revoked");
    await context.close();
  });

  /** The test plays the app's server with the helper module; the person answers in their browser. */
  async function authorize({ baseURL, approve = true, scope = "openai anthropic" }: { baseURL: string; approve?: boolean; scope?: string }): Promise<{ pending: PendingAuthorization; callback: URL }> {
    const { url, pending } = startAuthorization({ baseUrl: baseURL, clientId, redirectUri: PROBE_REDIRECT, scope, suggested: { budgetUsd: 3, rpm: 20 }, display: "page" });
    const probe = await captureProbe(person);
    await person.goto(url);
    await answerConsent(person, { password: PASSWORD, approve });
    await expect.poll(() => probe()).not.toBeNull();
    await person.unroute(`${PROBE_REDIRECT}**`);
    return { pending, callback: probe()! };
  }

  test("deny sends access_denied with the state back to the app", async ({ baseURL }) => {
    const { pending, callback } = await authorize({ baseURL: baseURL!, approve: false });
    expect(callback.searchParams.get("error")).toBe("access_denied");
    expect(callback.searchParams.get("state")).toBe(pending.state);
    expect(callback.searchParams.get("iss")).toBe(baseURL);
    expect(callback.searchParams.get("code")).toBeNull();
  });

  test("the token exchange: wrong verifier refused, then the real one; the sealed secret leaves no trace; a reused code revokes the connection", async ({ baseURL }) => {
    const recorder = recordRequests(personCtx);
    const { pending, callback } = await authorize({ baseURL: baseURL! });
    const code = callback.searchParams.get("code")!;
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits
    expect(callback.searchParams.get("state")).toBe(pending.state);

    const exchange = (verifier: string, redirectUri = PROBE_REDIRECT) =>
      fetch(`${baseURL}/connect/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ grant_type: "authorization_code", code, code_verifier: verifier, client_id: clientId, redirect_uri: redirectUri }),
      });
    const wrongVerifier = await exchange("x".repeat(43));
    expect(wrongVerifier.status).toBe(400);
    expect(await wrongVerifier.json()).toMatchObject({ error: "invalid_grant" });
    expect(wrongVerifier.headers.get("cache-control")).toBe("no-store");
    const wrongRedirect = await exchange(pending.codeVerifier, `${demoAppURL}/callback`);
    expect(await wrongRedirect.json()).toMatchObject({ error: "invalid_grant" });

    const ok = await exchange(pending.codeVerifier);
    expect(ok.status).toBe(200);
    const answer = (await ok.json()) as { token_type: string; connection_id: string; sealed_secret: string; scope: string; limits: Record<string, unknown> };
    expect(answer).toMatchObject({ token_type: "relay", scope: "openai anthropic", limits: { budget_usd: 3, rpm: 20 } });
    const token = assembleRelayToken({ clientId, connectionId: answer.connection_id, appPrivateKey: decodeBase64Url(pending.appPrivateKey), sealed: answer.sealed_secret });
    expect((await chat(baseURL!, token)).status).toBe(200);

    // The server no longer holds the sealed secret; neither it nor K nor the code is in any URL.
    const db = openLocalD1();
    try {
      const row = db.prepare("SELECT sealed_secret, connection_body, status FROM authorization_requests WHERE connection_id = ?").get(answer.connection_id);
      expect(row).toEqual({ sealed_secret: null, connection_body: null, status: "exchanged" });
    } finally {
      db.close();
    }
    const anywhere = openLocalD1();
    try {
      expect(anywhere.prepare("SELECT COUNT(*) AS n FROM authorization_requests WHERE sealed_secret IS NOT NULL AND connection_id = ?").get(answer.connection_id)).toEqual({ n: 0 });
    } finally {
      anywhere.close();
    }
    await recorder.settle();
    // The token (and K inside it) never left anywhere in the browser; the sealed value only in the approve body, never in a URL.
    expect(findLeak(recorder.all, [token, token.slice(3), pending.codeVerifier])).toBeNull();
    expect(recorder.all.filter((r) => r.url.includes(answer.sealed_secret))).toEqual([]);

    // The code again: refused, and the connection it made is revoked.
    const reused = await exchange(pending.codeVerifier);
    expect(reused.status).toBe(400);
    expect(await reused.json()).toMatchObject({ error: "invalid_grant" });
    expect((await chat(baseURL!, token)).status).toBe(401);
  });

  test("an expired code is refused", async ({ baseURL }) => {
    const { pending, callback } = await authorize({ baseURL: baseURL! });
    const db = openLocalD1();
    try {
      db.prepare("UPDATE authorization_requests SET code_expires_at = ? WHERE state = ?").run(Date.now() - 1, pending.state);
    } finally {
      db.close();
    }
    const error = await exchangeCode({ baseUrl: baseURL!, pending, code: callback.searchParams.get("code")!, state: pending.state, iss: baseURL }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectError);
    expect((error as ConnectError).code).toBe("invalid_grant");
  });

  test("an app can revoke its own token, and only its own", async ({ baseURL }) => {
    const { pending, callback } = await authorize({ baseURL: baseURL! });
    const { token } = await exchangeCode({ baseUrl: baseURL!, pending, code: callback.searchParams.get("code")!, state: pending.state, iss: callback.searchParams.get("iss")! });
    expect((await chat(baseURL!, token)).status).toBe(200);
    // Another app presenting this token: 200 (RFC 7009) but nothing happens.
    await revokeToken({ baseUrl: baseURL!, clientId: otherClientId, token });
    expect((await chat(baseURL!, token)).status).toBe(200);
    await revokeToken({ baseUrl: baseURL!, clientId, token });
    expect((await chat(baseURL!, token)).status).toBe(401);
  });

  test("iss and the app-connected email's manage link come from PUBLIC_URL, whatever Host or X-Forwarded-* the requests carry (issue 13)", async ({ browser, baseURL }) => {
    await personCtx.setExtraHTTPHeaders({ "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    let pending: PendingAuthorization;
    let callback: URL;
    try {
      ({ pending, callback } = await authorize({ baseURL: baseURL! }));
    } finally {
      await personCtx.setExtraHTTPHeaders({});
    }
    expect(callback.searchParams.get("iss")).toBe(baseURL);
    // The app's token request arrives with a forged Host and X-Forwarded-Host.
    const body = new URLSearchParams({ grant_type: "authorization_code", code: callback.searchParams.get("code")!, code_verifier: pending.codeVerifier, client_id: clientId, redirect_uri: PROBE_REDIRECT }).toString();
    const answer = await sendRaw({
      port: Number(new URL(baseURL!).port),
      payload: `POST /connect/token HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Host: evil2.example\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    });
    expect(answer.status).toBe(200);
    const text = await readNewestMail({ browser, email: personEmail, baseURL: baseURL!, hasText: "is now connected" });
    const manage = /(\S+\/dashboard\/connections)\b/.exec(text)?.[1];
    expect(manage).toBe(`${baseURL}/dashboard/connections`);
  });

  test("revoking everything also cancels a code approved a moment before: it can no longer mint a connection (issue 13)", async ({ baseURL }) => {
    const { pending, callback } = await authorize({ baseURL: baseURL! });
    const revoked = await person.request.delete("/api/connections", { headers: { origin: baseURL! } });
    expect(revoked.status()).toBe(200);
    const error = await exchangeCode({ baseUrl: baseURL!, pending, code: callback.searchParams.get("code")!, state: pending.state, iss: baseURL }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectError);
    expect((error as ConnectError).code).toBe("invalid_grant");
    const db = openLocalD1();
    try {
      const row = db.prepare("SELECT status, sealed_secret, connection_body, connection_id FROM authorization_requests WHERE state = ?").get(pending.state) as { status: string; sealed_secret: string | null; connection_body: string | null; connection_id: string };
      expect(row).toMatchObject({ status: "denied", sealed_secret: null, connection_body: null });
      expect(db.prepare("SELECT COUNT(*) AS n FROM connections WHERE id = ?").get(row.connection_id)).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  test("bad authorization requests get an error page, never a redirect; a bad scope goes back to the app", async ({ baseURL }) => {
    const { url } = startAuthorization({ baseUrl: baseURL!, clientId, redirectUri: PROBE_REDIRECT, scope: "openai", display: "page" });
    const good = new URL(url);
    const variant = (edit: (q: URLSearchParams) => void) => {
      const u = new URL(good);
      edit(u.searchParams);
      return fetch(u, { redirect: "manual" });
    };
    const cases: [string, (q: URLSearchParams) => void, RegExp][] = [
      ["unknown client", (q) => q.set("client_id", "app_000000000000000000000000"), /Unknown app/],
      ["unregistered redirect URI", (q) => q.set("redirect_uri", "http://127.0.0.1:8794/elsewhere"), /Unregistered redirect address/],
      ["redirect URI with a different path", (q) => q.set("redirect_uri", `${PROBE_REDIRECT}/../evil`), /Unregistered redirect address/],
      ["missing PKCE", (q) => q.delete("code_challenge"), /invalid request/],
      ["plain PKCE", (q) => q.set("code_challenge_method", "plain"), /invalid request/],
      ["missing key", (q) => q.delete("key"), /invalid request/],
      ["missing state", (q) => q.delete("state"), /invalid request/],
    ];
    for (const [name, edit, text] of cases) {
      const response = await variant(edit);
      expect(response.status, name).toBe(200);
      expect(response.headers.get("location"), name).toBeNull();
      expect(await response.text(), name).toMatch(text);
    }
    const badScope = await variant((q) => q.set("scope", "openai mistralai"));
    expect(badScope.status).toBe(307);
    const location = new URL(badScope.headers.get("location")!);
    expect(`${location.origin}${location.pathname}`).toBe(PROBE_REDIRECT);
    expect(location.searchParams.get("error")).toBe("invalid_scope");
    expect(location.searchParams.get("state")).toBe(good.searchParams.get("state"));
    expect(location.searchParams.get("iss")).toBe(baseURL);
  });

  test("the consent page cannot be framed and is never cached", async ({ baseURL }) => {
    const { url } = startAuthorization({ baseUrl: baseURL!, clientId, redirectUri: PROBE_REDIRECT, scope: "openai", display: "page" });
    const response = await fetch(url);
    const page = new URL(response.url);
    const consent = await fetch(page);
    expect(consent.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(consent.headers.get("x-frame-options")).toBe("DENY");
    expect(consent.headers.get("cache-control")).toContain("no-store");
    // In a real browser: a page of another origin that frames it gets nothing.
    const framer = await person.context().newPage();
    await framer.route("http://framer.localhost:8793/**", (route) => route.fulfill({ contentType: "text/html", body: `<iframe id="f" src="${page.href}"></iframe>` }));
    await framer.goto("http://framer.localhost:8793/");
    await framer.waitForTimeout(1500);
    const frame = framer.frames().find((f) => f !== framer.mainFrame());
    const framedText = frame ? await frame.evaluate(() => document.body?.innerText ?? "").catch(() => "") : "";
    expect(framedText).not.toContain(APP_NAME);
    await framer.close();
  });

  test("the code is posted only to the app's registered origin, never to another opener", async ({ baseURL }) => {
    const { url } = startAuthorization({ baseUrl: baseURL!, clientId, redirectUri: PROBE_REDIRECT, scope: "openai", display: "popup" });
    const evil = await person.context().newPage();
    await evil.route("http://evil.localhost:8793/**", (route) =>
      route.fulfill({ contentType: "text/html", body: `<script>window.got = []; addEventListener("message", (e) => window.got.push(e.data));</script>` }),
    );
    await evil.goto("http://evil.localhost:8793/");
    const popupPromise = evil.waitForEvent("popup");
    await evil.evaluate((u) => void window.open(u, "consent", "popup"), url);
    const popup = await popupPromise;
    const closed = popup.waitForEvent("close");
    await answerConsent(popup, { password: PASSWORD });
    await closed;
    await evil.waitForTimeout(1000);
    expect(await evil.evaluate(() => (window as unknown as { got: unknown[] }).got)).toEqual([]);
    await evil.close();
  });

  test("the consent page shows 1Relay's brand and whether the app is verified; a change to what people are shown clears a verification", async ({ baseURL }, testInfo) => {
    const open = async () => {
      const { url } = startAuthorization({ baseUrl: baseURL!, clientId, redirectUri: PROBE_REDIRECT, scope: "openai", display: "page" });
      await person.goto(url);
      await expect(person.getByTestId("consent-brand")).toContainText("1Relay");
      return person.getByTestId("app-verification");
    };
    let verification = await open();
    await expect(verification).toHaveAttribute("data-verified", "false");
    await expect(verification).toContainText("Unverified app");
    await expect(verification).toContainText("Continue only if you trust acme.example");
    for (const [label, size] of [["desktop", { width: 1280, height: 800 }], ["phone", { width: 390, height: 844 }]] as const) {
      await person.setViewportSize(size);
      expect(await person.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
      const path = testInfo.outputPath(`consent-${label}.png`);
      await person.screenshot({ path, fullPage: true });
      await testInfo.attach(`consent-${label}`, { path, contentType: "image/png" });
    }
    await person.setViewportSize({ width: 1280, height: 800 });
    // The operator verifies the app (lib/connect/README.md): the consent page says so.
    const db = openLocalD1();
    db.prepare("UPDATE apps SET verified_at = ? WHERE client_id = ?").run(Date.UTC(2026, 10, 30), clientId);
    verification = await open();
    await expect(verification).toHaveAttribute("data-verified", "true");
    await expect(verification).toContainText("checked who runs Acme Notes (demo) on 2026-11-30");
    // The developer renames it: people must not read a verified badge over an unchecked name.
    const app = (await (await developer.request.get("/api/apps")).json()) as { apps: { clientId: string; homepage: string; description: string; redirectUris: string[] }[] };
    const mine = app.apps.find((a) => a.clientId === clientId)!;
    const renamed = await developer.request.put(`/api/apps/${clientId}`, { headers: { origin: baseURL! }, data: { name: "Acme Notes (demo) 2", homepage: mine.homepage, description: mine.description, redirectUris: mine.redirectUris } });
    expect(renamed.status()).toBe(200);
    verification = await open();
    await expect(verification).toHaveAttribute("data-verified", "false");
    const back = await developer.request.put(`/api/apps/${clientId}`, { headers: { origin: baseURL! }, data: { name: APP_NAME, homepage: mine.homepage, description: mine.description, redirectUris: mine.redirectUris } });
    expect(back.status()).toBe(200);
  });

  test("signing in on the consent page: another email, and a new code that replaces the first", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    const { url } = startAuthorization({ baseUrl: baseURL!, clientId, redirectUri: PROBE_REDIRECT, scope: "openai", display: "page" });
    await page.goto(url);
    const section = page.getByRole("region", { name: "Sign in to 1Relay" });
    await section.getByLabel("Email address").fill(uniqueEmail("typo"));
    await section.getByRole("button", { name: "Email me a sign-in code" }).click();
    await section.getByRole("button", { name: "Use another email" }).click();
    // A newcomer (the person's own address has had its five emails for this quarter hour).
    const newcomer = uniqueEmail("newcomer");
    await section.getByLabel("Email address").fill(newcomer);
    await section.getByRole("button", { name: "Email me a sign-in code" }).click();
    await expect(section.getByTestId("code-sent-to")).toContainText(newcomer);
    const first = await readSignInMail(browser, newcomer, baseURL!);
    await section.getByRole("button", { name: "Send a new code" }).click();
    await expect(section.getByRole("status")).toHaveText("We sent a new code. Only the newest one works.");
    const second = await readSignInMail(browser, newcomer, baseURL!);
    expect(second.code).not.toBe(first.code);
    await section.getByLabel("Sign-in code").fill(first.code);
    await section.getByRole("button", { name: "Sign in" }).click();
    await expect(section.getByRole("alert")).toBeVisible();
    await section.getByLabel("Sign-in code").fill(second.code);
    await section.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText(`Signed in as ${newcomer}.`)).toBeVisible();
    await context.close();
  });

  test("the example app notices a revoked token: Disconnected, with a reconnect button; two connections of the app are told apart", async ({ browser }) => {
    // Already signed in to 1Relay in this browser (the person's session).
    const context = await browser.newContext({ storageState: await personCtx.storageState() });
    const page = await context.newPage();
    await configureDemoApp(page, clientId);
    await page.getByRole("link", { name: "Connect with redirect" }).click();
    await answerConsent(page, { password: PASSWORD });
    await expect(page.getByTestId("status")).toHaveAttribute("data-connected", "true");
    const connectionId = (await page.getByTestId("connection-id").textContent())!.trim();
    // The person revokes it in their dashboard.
    await person.goto("/dashboard/connections");
    const rows = person.getByTestId("connection-row").filter({ hasText: APP_NAME });
    const row = person.locator(`[data-testid="connection-row"][data-connection-id="${connectionId}"]`);
    await expect(row.getByTestId("connection-origin")).toContainText(`on the consent page · id ${connectionId.slice(0, 8)}`);
    // The widget's connection, made earlier, reads differently.
    await expect(rows.getByTestId("connection-origin").filter({ hasText: "in the consent popup" }).first()).toBeVisible();
    await row.getByRole("button", { name: "Revoke" }).click();
    await row.getByRole("button", { name: "Yes, revoke" }).click();
    await expect(row).toHaveAttribute("data-status", "revoked");
    // The app's next call: Disconnected, and a way back.
    await page.getByLabel("Prompt").fill("are you there?");
    await page.getByRole("button", { name: "Ask" }).click();
    await expect(page.getByTestId("status")).toHaveAttribute("data-disconnected", "true");
    await expect(page.getByTestId("status")).toContainText("Disconnected.");
    await expect(page.getByRole("button", { name: "Reconnect with 1Relay" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Reconnect with redirect" })).toBeVisible();
    await context.close();
  });

  test("the integration docs carry the developer's own client ID and redirect URI; a localhost homepage is accepted", async ({ baseURL }) => {
    const local = await developer.request.post("/api/apps", { headers: { origin: baseURL! }, data: { name: "Local dev app", homepage: "http://localhost:3000", description: "In development.", redirectUris: ["http://localhost:3000/callback"] } });
    expect(local.status()).toBe(201);
    await developer.goto(`/dashboard/apps/docs?app=${clientId}`);
    await expect(developer.getByTestId("docs-app")).toContainText(clientId);
    await expect(developer.getByTestId("docs-app")).toContainText(`${demoAppURL}/callback`);
    await expect(developer.locator("pre").filter({ hasText: "client_id=" }).first()).toContainText(clientId);
    await expect(developer.locator("pre").filter({ hasText: "redirect_uri=" }).first()).toContainText(encodeURIComponent(`${demoAppURL}/callback`));
    await developer.getByRole("link", { name: "Local dev app" }).click();
    await expect(developer.getByTestId("docs-app")).toContainText("http://localhost:3000/callback");
  });
});
