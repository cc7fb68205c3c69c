import { describe, expect, it } from "vitest";
import { chatCompletionsEndpoint } from "../chat/chat-endpoint";
import { createGatewayContext } from "../context";
import { chatRequest, createFakeWorld, makeConnection, PROVIDER_KEY } from "../test-support";
import { authenticate, readCredentials } from "./authenticate";
import { openGrant } from "./open-grant";
import { planCall, readCallBody } from "./plan-call";

/** A planned chat call and its authenticated connection (CK open), as the pipeline has them before this stage. */
async function authenticated() {
  const connection = makeConnection();
  const world = createFakeWorld({ connection });
  const request = chatRequest({ token: connection.token, body: { model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] } });
  const ctx = createGatewayContext({ request, deps: world.deps });
  const plan = await planCall({ ctx, parser: chatCompletionsEndpoint.parser, body: readCallBody(request) });
  if (!plan.ok) throw plan.error;
  const { connection: opened } = await authenticate({ ctx, credentials: readCredentials(connection.token), accountId: await world.deps.findAccountId(connection.connectionId), request: null });
  return { ctx, call: plan.call, opened };
}

describe("stage open grant", () => {
  it("opens the provider key with CK into the provider's auth header and the configured base URL", async () => {
    const { ctx, call, opened } = await authenticated();
    const grant = await openGrant({ ctx, connection: opened, grant: opened.grants[0]!, call, forwarder: chatCompletionsEndpoint.forwarder });
    expect(grant.upstream.url).toBe("https://openai.test/v1/chat/completions");
    expect(grant.upstream.headers.authorization).toBe(`Bearer ${PROVIDER_KEY}`);
    expect(grant.upstream.body).not.toContain(PROVIDER_KEY);
    expect(grant.secrets).toEqual([PROVIDER_KEY]);
  });

  it("refuses a grant sealed for another item version (its AAD names it)", async () => {
    const { ctx, call, opened } = await authenticated();
    const moved = { ...opened.grants[0]!, itemKeyVersion: 2 };
    await expect(openGrant({ ctx, connection: opened, grant: moved, call, forwarder: chatCompletionsEndpoint.forwarder })).rejects.toThrow();
  });
});
