import { describe, expect, it } from "vitest";
import { buildUpstreamError, mapUpstreamStatus, scrubUpstreamText } from "./upstream-error";

describe("mapUpstreamStatus", () => {
  it.each([
    [400, 400, "invalid_request_error", null],
    [422, 400, "invalid_request_error", null],
    [401, 401, "authentication_error", "provider_key_invalid"],
    [402, 402, "insufficient_quota", "insufficient_quota"],
    [403, 403, "permission_error", null],
    [404, 404, "invalid_request_error", null],
    [408, 504, "server_error", "upstream_timeout"],
    [413, 413, "invalid_request_error", null],
    [429, 429, "rate_limit_error", "rate_limit_exceeded"],
    [500, 502, "server_error", "upstream_error"],
    [502, 502, "server_error", "upstream_error"],
    [503, 503, "server_error", "upstream_overloaded"],
    [504, 504, "server_error", "upstream_timeout"],
    [529, 503, "server_error", "upstream_overloaded"],
    [418, 418, "invalid_request_error", null],
    [200, 502, "server_error", "upstream_error"],
  ])("maps %i to %i %s", (status, mapped, type, code) => {
    expect(mapUpstreamStatus(status)).toEqual({ status: mapped, type, code });
  });
});

describe("upstream error text", () => {
  it("removes key-like strings and the exact secrets given", () => {
    const text = "bad key sk-proj-abcdefghijklmnop1234 and AIzaSyA1234567890abcdefghijklmnopqrs and custom-secret-77";
    const out = scrubUpstreamText({ text, secrets: ["custom-secret-77"] });
    expect(out).not.toMatch(/sk-proj-abcdefghijklmnop1234|AIzaSyA1234567890|custom-secret-77/);
    expect(out).toContain("[redacted]");
  });

  it("bounds the length", () => {
    expect(scrubUpstreamText({ text: "x ".repeat(5_000) }).length).toBeLessThanOrEqual(1_001);
  });

  it("names the provider and says when the stored key was refused", () => {
    expect(buildUpstreamError({ provider: "anthropic", status: 500, upstreamMessage: "Internal server error" })).toEqual({
      status: 502,
      type: "server_error",
      code: "upstream_error",
      param: null,
      message: "Anthropic error (HTTP 500): Internal server error",
    });
    expect(buildUpstreamError({ provider: "gemini", status: 401, upstreamMessage: undefined }).message).toBe(
      "Gemini rejected the API key stored for this connection: HTTP 401",
    );
  });
});
