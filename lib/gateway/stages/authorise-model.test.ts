import { describe, expect, it } from "vitest";
import type { ViewGrant } from "../../account/gateway-view";
import { policyOf } from "../test-support";
import type { OpenedConnection } from "./authenticate";
import { authoriseModel } from "./authorise-model";
import type { PlannedCall } from "./plan-call";

const grant: ViewGrant = { provider: "openai", itemId: "i", itemKeyVersion: 1, sealedKey: "v1.x.y", keyStatus: null };
const connection = (over: Partial<OpenedConnection> = {}): OpenedConnection => ({ accountId: "a", connectionId: "c", status: "active", ck: new Uint8Array(32), policy: policyOf(), grants: [grant], ...over });
const call = (provider: "openai" | "anthropic", upstreamModel: string) => ({ target: { provider, upstreamModel } }) as PlannedCall<unknown>;

describe("stage authorise model", () => {
  it("returns the grant of an allowed provider and model", () => {
    expect(authoriseModel({ connection: connection(), call: call("openai", "gpt-4o") })).toBe(grant);
    expect(authoriseModel({ connection: connection({ policy: policyOf({ models: ["gpt-4o"] }) }), call: call("openai", "gpt-4o") })).toBe(grant);
  });

  it("refuses a provider, a model or a missing key with 403 and OpenAI's codes", () => {
    const refusals = [
      [connection(), call("anthropic", "claude-haiku-4-5"), "provider_not_allowed", /may not use anthropic/],
      [connection({ policy: policyOf({ models: ["gpt-4o"] }) }), call("openai", "gpt-4o-mini"), "model_not_allowed", /gpt-4o-mini/],
      [connection({ grants: [] }), call("openai", "gpt-4o"), "provider_not_allowed", /holds no openai key/],
    ] as const;
    for (const [conn, c, code, message] of refusals) {
      expect(() => authoriseModel({ connection: conn, call: c })).toThrow(expect.objectContaining({ httpStatus: 403, openaiCode: code, param: "model", message: expect.stringMatching(message) }));
    }
  });
});
