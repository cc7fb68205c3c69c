import { expect, test } from "@playwright/test";
import { signInWithCode, uniqueEmail } from "./helpers/accounts";

// The request's abort signal reaches route handlers: when a client goes away mid-stream,
// the handler learns within a heartbeat (2 s), long before its next snapshot (15 s).
test("a route handler sees the client disconnect mid-stream", async ({ page, browser, baseURL }) => {
  await signInWithCode(page, browser, uniqueEmail("live"), baseURL!);
  const liveStreams = async () => (await (await page.request.get("/api/account")).json()).liveStreams as number;
  expect(await liveStreams()).toBe(0);

  const first = await page.evaluate(async () => {
    const controller = new AbortController();
    (window as unknown as { liveAbort: AbortController }).liveAbort = controller;
    const response = await fetch("/api/account/live", { signal: controller.signal });
    const reader = response.body!.getReader();
    const { value } = await reader.read();
    return { type: response.headers.get("content-type"), text: new TextDecoder().decode(value) };
  });
  expect(first.type).toBe("text/event-stream");
  expect(first.text).toMatch(/^event: snapshot\ndata: \{.*"liveStreams":1/);
  expect(await liveStreams()).toBe(1);

  await page.evaluate(() => (window as unknown as { liveAbort: AbortController }).liveAbort.abort());
  // Well before the stream's next snapshot (15 s), the handler has seen the abort.
  await expect.poll(liveStreams, { timeout: 10_000, intervals: [200] }).toBe(0);
});
