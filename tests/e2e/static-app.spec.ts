import path from "node:path";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { build } from "esbuild";
import { staticChatURL } from "../../playwright.config";
import { signInWithCode, uniqueEmail } from "./helpers/accounts";
import { answerConsent, signInOnConsentPage } from "./helpers/connect-flow";
import { fakeReceived, resetFakes } from "./helpers/fakes";
import { findLeak, recordRequests } from "./helpers/request-recorder";
import { addKey, createVault, fakeKeys } from "./helpers/vault-ui";

// Issue 18, the client side: a web app with no server (examples/static-chat, "Pocket Chat") on
// its own origin connects through the consent popup with @1relay/connect/browser, makes and keeps
// the token in the page, streams chat answers from the relay by fetch (CORS) and shows their
// cost; revoking the connection from the dashboard makes its next call fail with words it shows.

const PASSWORD = "lantern mosaic 41 drift";
const APP_NAME = "Pocket Chat (static demo)";

/** Bundles `contents` (modules from this repository's node_modules) for the browser and serves it on the app's origin at `urlPath`. */
async function serveInApp(page: Page, urlPath: string, contents: string): Promise<void> {
  const bundle = await build({ stdin: { contents, resolveDir: path.resolve(import.meta.dirname, "../.."), loader: "js" }, bundle: true, format: "esm", platform: "browser", write: false, logLevel: "silent" });
  await page.route(`${staticChatURL}${urlPath}`, (route) => route.fulfill({ contentType: "text/javascript", body: bundle.outputFiles[0]!.text }));
}

test.describe.serial("A browser-only app calls 1Relay from its own origin", () => {
  let personEmail: string;
  let person: Page;
  let clientId: string;
  let appContext: BrowserContext;
  let app: Page;
  let recorder: ReturnType<typeof recordRequests>;
  let token = "";

  test.beforeAll(async ({ browser, baseURL }) => {
    const developer = await browser.newPage({ baseURL });
    await signInWithCode(developer, browser, uniqueEmail("spa-developer"), baseURL!);
    const registered = await developer.request.post("/api/apps", {
      headers: { origin: baseURL! },
      data: { name: APP_NAME, homepage: "https://chat.example", description: "Chats with your AI keys, from the page.", redirectUris: [`${staticChatURL}/`], origins: [staticChatURL] },
    });
    expect(registered.status()).toBe(201);
    clientId = ((await registered.json()) as { clientId: string }).clientId;
    await developer.close();
    personEmail = uniqueEmail("spa-person");
    person = await browser.newPage({ baseURL });
    await signInWithCode(person, browser, personEmail, baseURL!);
    await createVault(person, PASSWORD);
    await addKey(person, "openai", "Personal OpenAI", fakeKeys.openai);
    appContext = await browser.newContext();
    recorder = recordRequests(appContext);
    app = await appContext.newPage();
  });

  test.afterAll(async () => {
    await appContext?.close();
  });

  test("connects through the popup, streams an answer from the relay and shows its cost; the token stays in the page", async ({ browser, baseURL }) => {
    await resetFakes();
    await app.goto(staticChatURL);
    await expect(app.getByTestId("origin")).toHaveText(staticChatURL);
    await app.getByLabel("Client ID").fill(clientId);
    await app.getByRole("button", { name: "Save" }).click();
    const popupPromise = app.waitForEvent("popup");
    await app.getByRole("button", { name: "Connect with 1Relay" }).click();
    const popup = await popupPromise;
    await expect(popup.getByRole("heading", { name: APP_NAME })).toBeVisible();
    await signInOnConsentPage(popup, browser, personEmail, baseURL!);
    const closed = popup.waitForEvent("close");
    await answerConsent(popup, { password: PASSWORD, budget: "5", rpm: "30" });
    await closed;
    await expect(app.getByTestId("status")).toHaveAttribute("data-connected", "true");
    // Chromium has X25519 in WebCrypto: the page's private key was a non-extractable CryptoKey.
    await expect(app.getByTestId("status")).toHaveAttribute("data-key-kind", "webcrypto");

    await app.getByLabel("Message").fill("hello from a page with no server");
    await app.getByRole("button", { name: "Send" }).click();
    const answer = app.getByTestId("answer").last();
    await expect(answer).toHaveAttribute("data-done", "true");
    await expect(answer.locator(".text")).toHaveText("You said: hello from a page with no server");
    await expect(answer.getByTestId("cost")).toHaveText(/^Cost: \$\d+\.\d+$/);
    await expect(app.getByTestId("error")).toBeHidden();

    // The provider got the person's key, streamed, from the relay; the page never saw that key.
    const [upstream] = await fakeReceived("openai");
    expect(upstream!.headers.authorization).toBe(`Bearer ${fakeKeys.openai}`);
    expect(JSON.parse(upstream!.bodyText)).toMatchObject({ stream: true });

    // The page called the relay from its own origin, with the token it assembled itself.
    await recorder.settle();
    const call = recorder.all.find((r) => r.url === `${baseURL}/v1/chat/completions` && r.method === "POST")!;
    expect(call.headers.origin).toBe(staticChatURL);
    token = call.headers.authorization!.replace(/^Bearer /, "");
    expect(token).toMatch(/^1r_[0-9A-Za-z]{71}$/);
    // The token went nowhere else, in no URL, and was written to no storage (memory is the default).
    expect(findLeak(recorder.all.filter((r) => !r.url.startsWith(`${baseURL}/v1/`)), [token])).toBeNull();
    expect(recorder.all.filter((r) => /[?&](code|sealed_secret|code_verifier)=/.test(r.url))).toEqual([]);
    const stored = await app.evaluate(() => JSON.stringify([{ ...localStorage }, { ...sessionStorage }, document.cookie]));
    expect(stored).not.toContain("1r_");
    // The exchange was a CORS request from the page, with the PKCE verifier and no client secret.
    const exchange = recorder.all.find((r) => r.url === `${baseURL}/connect/token`)!;
    expect(exchange.headers.origin).toBe(staticChatURL);
    expect(exchange.body).toContain("code_verifier=");
    expect(exchange.body).not.toContain("client_secret");
  });

  test("the openai SDK in the same page (dangerouslyAllowBrowser) streams through the relay with that token", async ({ baseURL }) => {
    // The official SDK, bundled for the browser, served from the app's own origin (its CSP allows only itself).
    await serveInApp(app, "/__test/openai.js", 'export { default } from "openai";');
    await resetFakes();
    const text = await app.evaluate(
      async ({ relay, apiKey }) => {
        const sdkPath = "/__test/openai.js"; // a URL in the page, not a module of this repository
        const { default: OpenAI } = (await import(sdkPath)) as { default: typeof import("openai").default };
        const client = new OpenAI({ baseURL: `${relay}/v1`, apiKey, dangerouslyAllowBrowser: true, maxRetries: 0 });
        const stream = await client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi from the SDK" }], stream: true });
        let answer = "";
        for await (const chunk of stream) answer += chunk.choices[0]?.delta?.content ?? "";
        return answer;
      },
      { relay: baseURL!, apiKey: token },
    );
    expect(text).toBe("You said: hi from the SDK");
    expect(await fakeReceived("openai")).toHaveLength(1);
  });

  test("the Vercel AI SDK in the same page streams through the relay with that token, by Chat Completions and by Responses", async ({ baseURL }) => {
    // `ai` with `@ai-sdk/openai`, bundled for the browser and served from the app's own origin, as the package README shows.
    await serveInApp(app, "/__test/ai-sdk.js", 'export { streamText } from "ai"; export { createOpenAI } from "@ai-sdk/openai";');
    await resetFakes();
    const answers = await app.evaluate(
      async ({ relay, apiKey }) => {
        const sdkPath = "/__test/ai-sdk.js"; // a URL in the page, not a module of this repository
        const { streamText, createOpenAI } = (await import(sdkPath)) as typeof import("ai") & typeof import("@ai-sdk/openai");
        const openai = createOpenAI({ baseURL: `${relay}/v1`, apiKey });
        const read = async (model: Parameters<typeof streamText>[0]["model"], prompt: string) => {
          const failures: unknown[] = [];
          const result = streamText({ model, prompt, maxRetries: 0, onError: ({ error }) => void failures.push(String(error)) });
          let text = "";
          for await (const delta of result.textStream) text += delta;
          return { text, failures, usage: await result.usage };
        };
        return { chat: await read(openai.chat("gpt-4o-mini"), "hi from the AI SDK"), responses: await read(openai("gpt-4o-mini"), "hi by Responses") };
      },
      { relay: baseURL!, apiKey: token },
    );
    expect(answers.chat).toMatchObject({ text: "You said: hi from the AI SDK", failures: [] });
    expect(answers.responses.failures).toEqual([]);
    expect(answers.responses.text).toContain("hi by Responses");
    expect(answers.chat.usage.outputTokens).toBeGreaterThan(0);
    expect(answers.responses.usage.outputTokens).toBeGreaterThan(0);
    const upstream = await fakeReceived("openai");
    expect(upstream.map((r) => r.path)).toEqual(["/v1/chat/completions", "/v1/responses"]);
    expect(upstream.every((r) => r.headers.authorization === `Bearer ${fakeKeys.openai}`)).toBe(true);
  });

  test("revoking the connection from the dashboard: the page's next call fails and it says so", async () => {
    await person.goto("/dashboard/connections");
    const row = person.getByTestId("connection-row").filter({ hasText: APP_NAME }).first();
    await row.getByRole("button", { name: "Revoke" }).click();
    await row.getByRole("button", { name: "Yes, revoke" }).click();
    await expect(row).toHaveAttribute("data-status", "revoked");
    await resetFakes();
    await app.getByLabel("Message").fill("are you still there?");
    await app.getByRole("button", { name: "Send" }).click();
    await expect(app.getByTestId("error")).toContainText("1Relay no longer accepts this app's token");
    await expect(app.getByTestId("status")).toHaveAttribute("data-connected", "false");
    await expect(app.getByTestId("status")).toHaveText("Disconnected.");
    await expect(app.getByRole("button", { name: "Reconnect with 1Relay" })).toBeVisible();
    // The unanswered prompt is not left in the conversation; it waits in the box.
    await expect(app.getByTestId("user-message")).toHaveCount(1);
    await expect(app.getByLabel("Message")).toHaveValue("are you still there?");
    expect(await fakeReceived("openai")).toEqual([]);
  });

  test("reconnect, then Disconnect in the page revokes the token at 1Relay (CORS on /connect/revoke)", async ({ baseURL }) => {
    const popupPromise = app.waitForEvent("popup");
    await app.getByRole("button", { name: "Reconnect with 1Relay" }).click();
    const popup = await popupPromise;
    const closed = popup.waitForEvent("close");
    await answerConsent(popup, { password: PASSWORD });
    await closed;
    await expect(app.getByTestId("status")).toHaveAttribute("data-connected", "true");
    const before = recorder.all.length;
    await app.getByRole("button", { name: "Send" }).click();
    await expect(app.getByTestId("answer").last()).toHaveAttribute("data-done", "true");
    await recorder.settle();
    const call = recorder.since(before).find((r) => r.url === `${baseURL}/v1/chat/completions` && r.method === "POST")!;
    const second = call.headers.authorization!.replace(/^Bearer /, "");
    expect(second).not.toBe(token);
    await app.getByRole("button", { name: "Disconnect" }).click();
    await expect(app.getByTestId("status")).toHaveText("Not connected. The token was revoked.");
    await expect(app.getByTestId("error")).toBeHidden();
    const after = await fetch(`${baseURL}/v1/models`, { headers: { authorization: `Bearer ${second}` } });
    expect(after.status).toBe(401);
  });

  test("reads at 1280 px and does not scroll sideways at 390 px", async ({}, testInfo) => {
    for (const width of [1280, 390]) {
      await app.setViewportSize({ width, height: 900 });
      await app.screenshot({ path: testInfo.outputPath(`static-chat-${width}.png`), fullPage: true });
      expect(await app.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${width} px`).toBeLessThanOrEqual(0);
    }
  });
});
