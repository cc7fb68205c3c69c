import { describe, expect, it } from "vitest";
import { handleListModels } from "./models-endpoint";
import { createFakeWorld, makeConnection, policyOf } from "./test-support";

// GET /v1/models: OpenAI's list by default, Anthropic's when the request names anthropic-version
// (the token then also comes as x-api-key); errors in the matching shape.

const get = (headers: Record<string, string>) => new Request("https://relay.test/v1/models", { headers });

describe("GET /v1/models", () => {
  const conn = makeConnection({ policy: policyOf({ providers: ["anthropic"], models: ["claude-haiku-4-5", "claude-sonnet-4-5"] }), grants: ["anthropic"] });

  it("lists the token's models in OpenAI's shape for a Bearer token", async () => {
    const response = await handleListModels({ request: get({ authorization: `Bearer ${conn.token}` }), deps: createFakeWorld({ connection: conn }).deps });
    const body = (await response.json()) as { object: string; data: { id: string; object: string }[] };
    expect(body.object).toBe("list");
    expect(body.data.map((m) => m.id)).toEqual(["claude-haiku-4-5", "claude-sonnet-4-5"]);
  });

  it("lists them in Anthropic's shape for an Anthropic client, with the token as x-api-key", async () => {
    const response = await handleListModels({ request: get({ "x-api-key": conn.token, "anthropic-version": "2023-06-01" }), deps: createFakeWorld({ connection: conn }).deps });
    const body = (await response.json()) as { data: { type: string; id: string; display_name: string; created_at: string }[]; has_more: boolean; first_id: string; last_id: string };
    expect(body).toMatchObject({ has_more: false, first_id: "claude-haiku-4-5", last_id: "claude-sonnet-4-5" });
    expect(body.data[0]).toEqual({ type: "model", id: "claude-haiku-4-5", display_name: "claude-haiku-4-5", created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
  });

  it("answers a bad token in the shape the client speaks", async () => {
    const deps = createFakeWorld({ connection: conn }).deps;
    const anthropic = await handleListModels({ request: get({ "x-api-key": "1r_nope", "anthropic-version": "2023-06-01" }), deps });
    expect(anthropic.status).toBe(401);
    expect(await anthropic.json()).toMatchObject({ type: "error", error: { type: "authentication_error" } });
    const openai = await handleListModels({ request: get({ authorization: "Bearer 1r_nope" }), deps });
    expect(await openai.json()).toMatchObject({ error: { code: "invalid_api_key" } });
  });
});
