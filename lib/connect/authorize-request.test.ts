import { describe, expect, it } from "vitest";
import { encodeBase64Url } from "../crypto/encoding";
import { newAppKeyPair } from "../crypto/seal";
import { parseAuthorizeQuery } from "./authorize-request";
import { challengeFromVerifier } from "./pkce";
import { emptyModels } from "./scope";

const KEY = encodeBase64Url(newAppKeyPair().publicKey);
const CHALLENGE = challengeFromVerifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
const BASE: Record<string, string> = {
  response_type: "code",
  client_id: "app_0123456789abcdef01234567",
  redirect_uri: "https://app.example.com/cb",
  state: "xyz ABC-123_~!",
  code_challenge: CHALLENGE,
  code_challenge_method: "S256",
  scope: "anthropic:claude-sonnet-4-5 openai",
  key: KEY,
};

function query(changes: Record<string, string | null> = {}, extra = ""): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...BASE, ...changes })) if (value !== null) params.set(name, value);
  return new URLSearchParams(params.toString() + extra);
}

function failure(changes: Record<string, string | null>, extra = "") {
  const result = parseAuthorizeQuery(query(changes, extra));
  if (result.ok) throw new Error("expected a failure");
  return result;
}

/** The failing parameter, asserting the error goes to a page (no redirect). */
function pageError(result: ReturnType<typeof failure>): string {
  expect(result.redirect).toBeUndefined();
  return result.param;
}

describe("parseAuthorizeQuery", () => {
  it("parses a complete request", () => {
    const result = parseAuthorizeQuery(query({ budget_usd: "12.5", rpm: "60", display: "popup" }, "&unknown=1&unknown=2"));
    expect(result).toEqual({
      ok: true,
      request: {
        clientId: BASE.client_id,
        redirectUri: BASE.redirect_uri,
        state: BASE.state,
        codeChallenge: CHALLENGE,
        codeChallengeMethod: "S256",
        scope: { providers: ["openai", "anthropic"], models: { ...emptyModels(), anthropic: ["claude-sonnet-4-5"] } },
        key: KEY,
        suggested: { budgetUsd: 12.5, rpm: 60 },
        display: "popup",
      },
    });
  });
  it("leaves optional parameters out", () => {
    const result = parseAuthorizeQuery(query());
    expect(result.ok && result.request.suggested).toEqual({});
    expect(result.ok && "display" in result.request).toBe(false);
  });
  it("treats empty values as absent", () => {
    expect(parseAuthorizeQuery(query({ rpm: "", display: "" })).ok).toBe(true);
    expect(failure({ state: "" })).toMatchObject({ error: "invalid_request", param: "state", description: "state is required" });
  });

  it.each([
    ["client_id", null, "invalid_request"],
    ["client_id", "app/x", "invalid_request"],
    ["redirect_uri", null, "invalid_request"],
    ["redirect_uri", "/cb", "invalid_request"],
    ["state", null, "invalid_request"],
    ["state", "a\u0000b", "invalid_request"],
    ["state", "é", "invalid_request"],
    ["state", "s".repeat(501), "invalid_request"],
    ["code_challenge_method", null, "invalid_request"],
    ["code_challenge_method", "plain", "invalid_request"],
    ["code_challenge_method", "s256", "invalid_request"],
    ["code_challenge", null, "invalid_request"],
    ["code_challenge", "too-short", "invalid_request"],
  ])("%s=%j is an error page", (param, value, error) => {
    const result = failure({ [param]: value });
    expect(result).toMatchObject({ error, param });
    expect(result.redirect).toBeUndefined();
  });

  it.each([
    ["response_type", null, "invalid_request"],
    ["response_type", "token", "unsupported_response_type"],
    ["response_type", "code id_token", "unsupported_response_type"],
    ["scope", null, "invalid_scope"],
    ["scope", "mistralai", "invalid_scope"],
    ["scope", "openai  gemini", "invalid_scope"],
    ["key", null, "invalid_request"],
    ["key", "AAAA", "invalid_request"],
    ["key", encodeBase64Url(new Uint8Array(32)), "invalid_request"], // low-order point
    ["budget_usd", "-1", "invalid_request"],
    ["budget_usd", "1e3", "invalid_request"],
    ["budget_usd", "1000000.01", "invalid_request"],
    ["budget_usd", "Infinity", "invalid_request"],
    ["budget_usd", ".5", "invalid_request"],
    ["rpm", "0", "invalid_request"],
    ["rpm", "1.5", "invalid_request"],
    ["rpm", "100001", "invalid_request"],
    ["display", "touch", "invalid_request"],
  ])("%s=%j may be redirected", (param, value, error) => {
    const result = failure({ [param]: value });
    expect(result).toMatchObject({ error, param });
    expect(result.redirect).toEqual({ clientId: BASE.client_id, redirectUri: BASE.redirect_uri, state: BASE.state });
  });

  it("says why plain is refused", () => {
    expect(failure({ code_challenge_method: "plain" }).description).toContain("plain is not allowed");
    expect(failure({ code_challenge_method: null }).description).toContain("S256");
  });
  it("accepts the edges of the suggested limits", () => {
    for (const [budget, rpm] of [["0", "1"], ["1000000", "100000"], ["0.000001", "99"]]) {
      expect(parseAuthorizeQuery(query({ budget_usd: budget!, rpm: rpm! })).ok).toBe(true);
    }
  });
  it("refuses duplicate parameters (RFC 6749 §3.1)", () => {
    const result = failure({}, "&scope=gemini");
    expect(result).toMatchObject({ error: "invalid_request", param: "scope", description: "scope must not be sent more than once" });
    expect(result.redirect).toBeDefined();
    expect(pageError(failure({}, `&client_id=${BASE.client_id}`))).toBe("client_id");
    expect(pageError(failure({}, "&state=other"))).toBe("state");
  });
  it("reports the earliest parameter first, so a redirect only carries checked values", () => {
    expect(pageError(failure({ redirect_uri: "nope", scope: "bad" }))).toBe("redirect_uri");
    expect(pageError(failure({ client_id: null }, "&scope=gemini"))).toBe("client_id");
    expect(failure({ scope: "bad", rpm: "0" })).toMatchObject({ param: "scope", error: "invalid_scope" });
  });
  it("never echoes values in descriptions", () => {
    expect(failure({ scope: "<b>x</b>" }).description).not.toContain("<b>");
    expect(failure({ state: "secret\u0001" }).description).not.toContain("secret");
  });
  it("refuses anything but URLSearchParams", () => {
    expect(() => parseAuthorizeQuery({} as URLSearchParams)).toThrow(TypeError);
  });
});
