import { describe, expect, it } from "vitest";
import { cleanDescription, invalidClientError, oauthError, oauthErrorBody } from "./oauth-error";

describe("oauthErrorBody", () => {
  it("writes RFC 6749 §5.2 bodies", () => {
    expect(oauthErrorBody({ error: "invalid_grant", description: "the code has expired" })).toEqual({
      error: "invalid_grant",
      error_description: "the code has expired",
    });
    expect(oauthErrorBody({ error: "invalid_request" })).toEqual({ error: "invalid_request" });
  });
  it("keeps descriptions within the allowed characters", () => {
    expect(cleanDescription('say "hi" \\ café\n')).toBe("say 'hi' ' caf??");
    expect(cleanDescription("x".repeat(400))).toHaveLength(300);
  });
  it("refuses unknown codes", () => {
    expect(() => oauthErrorBody({ error: "nope" as "invalid_grant" })).toThrow(TypeError);
  });
});

describe("oauthError", () => {
  it("answers JSON that is never cached", async () => {
    const response = oauthError(400, "unsupported_grant_type", "only authorization_code");
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("pragma")).toBe("no-cache");
    expect(response.headers.get("www-authenticate")).toBeNull();
    expect(await response.json()).toEqual({ error: "unsupported_grant_type", error_description: "only authorization_code" });
  });
  it("adds a Basic challenge on request", () => {
    const response = oauthError(401, "invalid_client", "bad secret", { basicChallenge: true });
    expect(response.headers.get("www-authenticate")).toMatch(/^Basic realm="1relay"/);
    expect(() => oauthError(400, "invalid_client", "x", { basicChallenge: true })).toThrow(RangeError);
    expect(() => oauthError(200, "invalid_client", "x")).toThrow(RangeError);
  });
  it("answers invalid_client by how the client authenticated", async () => {
    const header = invalidClientError({ viaHeader: true });
    expect(header.status).toBe(401);
    expect(header.headers.get("www-authenticate")).toContain("Basic");
    const body = invalidClientError({ viaHeader: false, description: "unknown client" });
    expect(body.status).toBe(400);
    expect(body.headers.get("www-authenticate")).toBeNull();
    expect(await body.json()).toEqual({ error: "invalid_client", error_description: "unknown client" });
  });
});
