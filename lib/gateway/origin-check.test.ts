import { describe, expect, it } from "vitest";
import { handleChatCompletion } from "./chat-completion";
import { admitted, chatRequest, createFakeWorld, makeConnection, policyOf, policyV3Of } from "./test-support";

// A request from another site's page (decision 022): served only when the token's verified
// policy lists the page's origin; refused with 403 origin_not_allowed before anything is
// decrypted, reserved or sent otherwise.

const hello = { model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] };
const fromPage = (token: string, origin: string) => chatRequest({ token, body: hello, headers: { origin } });
const okAnswer = () => new Response(JSON.stringify({ id: "c", object: "chat.completion", created: 1, model: "gpt-4o-mini", choices: [{ index: 0, message: { role: "assistant", content: "hi" }, finish_reason: "stop" }], usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 } }), { headers: { "content-type": "application/json" } });

describe("the page's origin", () => {
  it("is passed to the account object, and a listed origin is served", async () => {
    const connection = makeConnection({ policy: policyV3Of({ origins: ["https://app.example"] }) });
    const world = createFakeWorld({ connection, fetch: okAnswer });
    const response = await handleChatCompletion({ request: fromPage(connection.token, "https://app.example"), deps: world.deps });
    expect(response.status).toBe(200);
    expect(world.calls.admit[0]!.origin).toBe("https://app.example");
    expect(world.upstream).toHaveLength(1);
  });

  it("is refused with 403 origin_not_allowed when the object finds it unlisted: nothing decrypted, reserved or sent", async () => {
    const connection = makeConnection({ policy: policyV3Of({ origins: ["https://app.example"] }) });
    const world = createFakeWorld({ connection, answer: { ok: false, reason: "origin" }, fetch: okAnswer });
    const response = await handleChatCompletion({ request: fromPage(connection.token, "https://evil.example"), deps: world.deps });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: "origin_not_allowed", type: "invalid_request_error" } });
    expect(world.upstream).toEqual([]);
    expect(world.calls.release).toEqual([]);
  });

  it("is checked against the signed policy too: an object holding a tampered policy cannot let a page in", async () => {
    // The object (fake) admits whatever it is asked; only the verified tag's origins count.
    for (const policy of [policyV3Of({ origins: ["https://app.example"] }), policyOf()]) {
      const connection = makeConnection({ policy });
      const world = createFakeWorld({ connection, decide: () => admitted({ reservationId: "res-9" }), fetch: okAnswer });
      for (const origin of ["https://evil.example", "null", "http://app.example", "https://app.example:8443", "https://app.example/"]) {
        const response = await handleChatCompletion({ request: fromPage(connection.token, origin), deps: world.deps });
        expect(response.status, origin).toBe(403);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe("origin_not_allowed");
      }
      expect(world.upstream).toEqual([]);
      await world.drain();
      // Each admission the object made is released.
      expect(world.calls.release).toEqual(world.calls.admit.map(() => "res-9"));
    }
  });

  it("is not asked of servers and CLIs (no Origin) nor of our own pages", async () => {
    const connection = makeConnection({ policy: policyOf() });
    const world = createFakeWorld({ connection, fetch: okAnswer });
    expect((await handleChatCompletion({ request: chatRequest({ token: connection.token, body: hello }), deps: world.deps })).status).toBe(200);
    expect((await handleChatCompletion({ request: fromPage(connection.token, "https://relay.test"), deps: world.deps })).status).toBe(200);
    expect(world.calls.admit.map((call) => call.origin)).toEqual([null, null]);
  });
});
