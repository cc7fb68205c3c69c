import { describe, expect, it } from "vitest";
import { GatewayRequestError } from "../chat-api/gateway-request-error";
import { AppError } from "../errors/app-error";
import { unreadableBody } from "../http/read-json";
import { describeGatewayError, GatewayError, gatewayErrorResponse, invalidToken, openAIErrorBody } from "./gateway-error";

// What the client is told is also what the request's usage record says (settlement.ts).
describe("describeGatewayError: the failure the client is told about, for anything thrown", () => {
  it("keeps a gateway error's status, type, code and param", () => {
    const error = new GatewayError({ status: 403, type: "invalid_request_error", code: "model_not_allowed", param: "model", message: "no" });
    expect(describeGatewayError(error)).toEqual({ status: 403, message: "no", type: "invalid_request_error", param: "model", code: "model_not_allowed" });
    expect(describeGatewayError(invalidToken()).status).toBe(401);
  });

  it("answers a bad chat request with 400 and OpenAI's param", () => {
    const error = new GatewayRequestError({ param: "messages[0].content", code: "invalid_value", message: "bad" });
    expect(describeGatewayError(error)).toEqual({ status: 400, message: "bad", type: "invalid_request_error", param: "messages[0].content", code: "invalid_value" });
  });

  it("answers the body reader's errors with their own 4xx, not a server error", () => {
    expect(describeGatewayError(unreadableBody())).toMatchObject({ status: 400, code: "bad_request" });
    expect(describeGatewayError(new AppError({ code: "payload_too_large", message: "big" }))).toMatchObject({ status: 413, code: "payload_too_large" });
  });

  it("hides anything else behind a generic 500", () => {
    const described = describeGatewayError(new Error("SQLITE_ERROR: no such table connections; key=sk-secret"));
    expect(described.status).toBe(500);
    expect(JSON.stringify(described)).not.toMatch(/SQLITE|sk-secret/);
    expect(described.type).toBe("server_error");
  });
});

describe("gatewayErrorResponse: one way from a failure to an answer", () => {
  it("answers in OpenAI's shape by default, with the error's own headers and the request id", async () => {
    const error = new GatewayError({ status: 429, type: "requests", code: "rate_limit_exceeded", message: "slow down", headers: { "retry-after": "7" } });
    const response = gatewayErrorResponse({ error, requestId: "req_1", headers: { "server-timing": "admit;dur=1" } });
    expect(response.status).toBe(429);
    expect(Object.fromEntries(response.headers)).toMatchObject({ "retry-after": "7", "x-1relay-request-id": "req_1", "server-timing": "admit;dur=1", "cache-control": "no-store", "content-type": "application/json" });
    expect(await response.json()).toEqual(openAIErrorBody({ status: 429, message: "slow down", type: "requests", param: null, code: "rate_limit_exceeded" }));
  });

  it("tells clients not to retry what a retry cannot change, and leaves retryable failures alone", () => {
    const final = (error: unknown) => gatewayErrorResponse({ error, requestId: "r" }).headers.get("x-should-retry");
    expect(final(invalidToken())).toBe("false");
    expect(final(new GatewayError({ status: 403, type: "invalid_request_error", code: "provider_not_allowed", message: "no" }))).toBe("false");
    expect(final(unreadableBody())).toBe("false");
    expect(final(new GatewayError({ status: 429, type: "requests", code: "rate_limit_exceeded", message: "slow down" }))).toBeNull();
    expect(final(new GatewayError({ status: 502, type: "server_error", code: "upstream_error", message: "x" }))).toBeNull();
  });

  it("takes the endpoint's own error shape", async () => {
    const response = gatewayErrorResponse({ error: invalidToken(), requestId: "req_2", errorBody: (e) => ({ type: "error", error: { type: e.code, message: e.message } }) });
    expect(await response.json()).toEqual({ type: "error", error: { type: "invalid_api_key", message: "Incorrect or revoked relay token provided." } });
  });
});
