import { describe, expect, it } from "vitest";
import { GatewayRequestError } from "../chat-api/gateway-request-error";
import { AppError } from "../errors/app-error";
import { unreadableBody } from "../http/read-json";
import { describeGatewayError, GatewayError, invalidToken } from "./gateway-error";

// What the client is told is also what the request's usage record says (chat-completion.ts).
describe("describeGatewayError: status and OpenAI-shaped body for anything thrown", () => {
  it("keeps a gateway error's status, type, code and param", () => {
    const error = new GatewayError({ status: 403, type: "invalid_request_error", code: "model_not_allowed", param: "model", message: "no" });
    expect(describeGatewayError(error)).toEqual({ status: 403, body: { error: { message: "no", type: "invalid_request_error", param: "model", code: "model_not_allowed" } } });
    expect(describeGatewayError(invalidToken()).status).toBe(401);
  });

  it("answers a bad chat request with 400 and OpenAI's param", () => {
    const error = new GatewayRequestError({ param: "messages[0].content", code: "invalid_value", message: "bad" });
    expect(describeGatewayError(error)).toEqual({ status: 400, body: { error: { message: "bad", type: "invalid_request_error", param: "messages[0].content", code: "invalid_value" } } });
  });

  it("answers the body reader's errors with their own 4xx, not a server error", () => {
    expect(describeGatewayError(unreadableBody())).toMatchObject({ status: 400, body: { error: { code: "bad_request" } } });
    expect(describeGatewayError(new AppError({ code: "payload_too_large", message: "big" }))).toMatchObject({ status: 413, body: { error: { code: "payload_too_large" } } });
  });

  it("hides anything else behind a generic 500", () => {
    const { status, body } = describeGatewayError(new Error("SQLITE_ERROR: no such table connections; key=sk-secret"));
    expect(status).toBe(500);
    expect(JSON.stringify(body)).not.toMatch(/SQLITE|sk-secret/);
    expect(body.error.type).toBe("server_error");
  });
});
