import { describe, expect, it } from "vitest";
import { parseRevokeRequest, parseTokenRequest } from "./token-request";

const CODE = "SplxlOBeZQQYbYS6WxSbIASplxlOBeZQQYbYS6WxSbI";
const VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
const CLIENT = "app_0123456789abcdef01234567";
const SECRET = "1rs_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";
const FIELDS: Record<string, string> = {
  grant_type: "authorization_code",
  code: CODE,
  code_verifier: VERIFIER,
  client_id: CLIENT,
  redirect_uri: "https://app.example.com/cb?x=1",
};

function form(changes: Record<string, string | null> = {}, extra = ""): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...FIELDS, ...changes })) if (value !== null) params.set(name, value);
  return params.toString() + extra;
}

/** RFC 6749 §2.3.1: form-urlencode id and secret, then base64. */
function basic(id: string, secret: string): string {
  const enc = (s: string) => encodeURIComponent(s).replace(/%20/g, "+");
  return `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${enc(id)}:${enc(secret)}`)))}`;
}

describe("parseTokenRequest", () => {
  it("parses a form body from a public client", () => {
    expect(parseTokenRequest({ body: form() })).toEqual({
      ok: true,
      request: { grant_type: "authorization_code", code: CODE, code_verifier: VERIFIER, client_id: CLIENT, redirect_uri: FIELDS.redirect_uri },
      authMethod: "none",
    });
  });
  it("parses a JSON body, with client_secret", () => {
    const result = parseTokenRequest({ body: { ...FIELDS, client_secret: SECRET, extra: 42 } });
    expect(result).toMatchObject({ ok: true, authMethod: "client_secret_post", request: { client_secret: SECRET, client_id: CLIENT } });
  });
  it("takes client credentials from Authorization: Basic", () => {
    const result = parseTokenRequest({ body: form({ client_id: null }), authorization: basic(CLIENT, SECRET) });
    expect(result).toMatchObject({ ok: true, authMethod: "client_secret_basic", request: { client_id: CLIENT, client_secret: SECRET } });
    // the same client_id in the body too is fine
    expect(parseTokenRequest({ body: form(), authorization: basic(CLIENT, SECRET) }).ok).toBe(true);
    // form-urlencoded before base64 (a secret with reserved characters)
    const odd = parseTokenRequest({ body: form({ client_id: null }), authorization: basic(CLIENT, "a:b+c d%&") });
    expect(odd.ok && odd.request.client_secret).toBe("a:b+c d%&");
    // secrets are VSCHAR only (RFC 6749 Appendix A.2)
    expect(parseTokenRequest({ body: form({ client_id: null }), authorization: basic(CLIENT, "café") })).toMatchObject({ ok: false, status: 401 });
  });
  it("refuses credentials in both places, or a mismatch", () => {
    expect(parseTokenRequest({ body: form({ client_secret: SECRET }), authorization: basic(CLIENT, SECRET) })).toMatchObject({
      ok: false,
      error: "invalid_request",
    });
    expect(parseTokenRequest({ body: form({ client_id: "app_other" }), authorization: basic(CLIENT, SECRET) })).toMatchObject({
      ok: false,
      error: "invalid_client",
      status: 401,
      viaHeader: true,
    });
  });
  it.each([
    ["Bearer abc"],
    ["Basic"],
    ["Basic !!!!"],
    ["Basic YWJj"], // "abc": no colon
    [`Basic ${btoa("app_x:")}`], // empty secret
    [`Basic ${btoa(":secret")}`], // empty id
    [`Basic ${btoa("app_x:%zz")}`], // bad percent-encoding
    [`Basic ${btoa("app/x:secret")}`], // malformed id
    [`Basic ${btoa("app_x:\u00ff")}`], // not UTF-8
  ])("answers %j with 401 invalid_client", (authorization) => {
    expect(parseTokenRequest({ body: form({ client_id: null }), authorization })).toMatchObject({
      ok: false,
      error: "invalid_client",
      status: 401,
      viaHeader: true,
    });
  });
  it("accepts a lowercase scheme and empty headers", () => {
    expect(parseTokenRequest({ body: form({ client_id: null }), authorization: basic(CLIENT, SECRET).replace("Basic", "basic") }).ok).toBe(true);
    expect(parseTokenRequest({ body: form(), authorization: "" }).ok).toBe(true);
    expect(parseTokenRequest({ body: form(), authorization: null }).ok).toBe(true);
  });
  it.each([
    [{ grant_type: null }, "invalid_request"],
    [{ grant_type: "client_credentials" }, "unsupported_grant_type"],
    [{ grant_type: "refresh_token" }, "unsupported_grant_type"],
    [{ code: null }, "invalid_request"],
    [{ code: "bad code" }, "invalid_grant"],
    [{ code_verifier: null }, "invalid_request"],
    [{ code_verifier: "short" }, "invalid_request"],
    [{ redirect_uri: null }, "invalid_request"],
    [{ redirect_uri: "https://x/\u0001" }, "invalid_request"],
    [{ client_id: null }, "invalid_request"],
    [{ client_id: "app/x" }, "invalid_client"],
    [{ client_secret: "x".repeat(257) }, "invalid_client"],
  ])("refuses %j with %s", (changes, error) => {
    const result = parseTokenRequest({ body: form(changes) });
    expect(result).toMatchObject({ ok: false, error, status: 400, viaHeader: false });
  });
  it("refuses duplicate form parameters", () => {
    expect(parseTokenRequest({ body: form({}, `&code=${CODE}`) })).toMatchObject({ ok: false, error: "invalid_request", description: "code must not be sent more than once" });
    expect(parseTokenRequest({ body: form({}, "&other=1&other=2") }).ok).toBe(true);
  });
  it("treats empty values as absent", () => {
    expect(parseTokenRequest({ body: form({}, "&client_secret=") })).toMatchObject({ ok: true, authMethod: "none" });
    expect(parseTokenRequest({ body: { ...FIELDS, client_secret: null } })).toMatchObject({ ok: true, authMethod: "none" });
  });
  it("refuses bodies of the wrong kind", () => {
    for (const body of [null, 42, [FIELDS], undefined]) {
      expect(parseTokenRequest({ body })).toMatchObject({ ok: false, error: "invalid_request" });
    }
    expect(parseTokenRequest({ body: { ...FIELDS, code: 42 } })).toMatchObject({ ok: false, error: "invalid_request" });
    expect(parseTokenRequest({ body: "x=".padEnd(20_000, "a") })).toMatchObject({ ok: false, error: "invalid_request" });
  });
  it("does not read inherited JSON properties", () => {
    const body = Object.create({ code: CODE }) as Record<string, string>;
    Object.assign(body, { ...FIELDS });
    delete body.code;
    expect(parseTokenRequest({ body })).toMatchObject({ ok: false, description: "code is required" });
  });
});

describe("parseRevokeRequest", () => {
  const TOKEN = `1r_${"0".repeat(71)}`;
  it("parses form and JSON bodies", () => {
    expect(parseRevokeRequest({ body: `token=${TOKEN}&token_type_hint=access_token&client_id=${CLIENT}` })).toEqual({
      ok: true,
      request: { token: TOKEN, token_type_hint: "access_token", client_id: CLIENT },
      authMethod: "none",
    });
    expect(parseRevokeRequest({ body: { token: TOKEN, client_id: CLIENT, client_secret: SECRET } })).toMatchObject({
      ok: true,
      authMethod: "client_secret_post",
      request: { client_secret: SECRET },
    });
    expect(parseRevokeRequest({ body: `token=${TOKEN}`, authorization: basic(CLIENT, SECRET) })).toMatchObject({
      ok: true,
      authMethod: "client_secret_basic",
      request: { client_id: CLIENT, client_secret: SECRET },
    });
  });
  it("does not check the token's form (RFC 7009 §2.2: unknown tokens get 200)", () => {
    expect(parseRevokeRequest({ body: { token: "whatever", client_id: CLIENT } }).ok).toBe(true);
  });
  it("refuses missing, duplicate or malformed parameters", () => {
    expect(parseRevokeRequest({ body: `client_id=${CLIENT}` })).toMatchObject({ ok: false, error: "invalid_request" });
    expect(parseRevokeRequest({ body: `token=a&token=b&client_id=${CLIENT}` })).toMatchObject({ ok: false, error: "invalid_request" });
    expect(parseRevokeRequest({ body: "token=a" })).toMatchObject({ ok: false, error: "invalid_request", description: "client_id is required" });
    expect(parseRevokeRequest({ body: { token: "a\nb", client_id: CLIENT } })).toMatchObject({ ok: false, error: "invalid_request" });
    expect(parseRevokeRequest({ body: { token: "a", token_type_hint: "x".repeat(65), client_id: CLIENT } })).toMatchObject({ ok: false });
    expect(parseRevokeRequest({ body: "token=a", authorization: "Basic !!" })).toMatchObject({ ok: false, error: "invalid_client", status: 401 });
  });
});

describe("parseTokenRequest: the device grant (RFC 8628 §3.4)", () => {
  const GRANT = "urn:ietf:params:oauth:grant-type:device_code";
  const device = (changes: Record<string, string | null> = {}) => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries({ grant_type: GRANT, device_code: CODE, code_verifier: VERIFIER, client_id: "1relay-cli", ...changes })) if (value !== null) params.set(name, value);
    return params.toString();
  };
  it("takes the device code, the PKCE verifier and the client id; no redirect URI", () => {
    expect(parseTokenRequest({ body: device() })).toEqual({ ok: true, authMethod: "none", request: { grant_type: GRANT, device_code: CODE, code_verifier: VERIFIER, client_id: "1relay-cli" } });
  });
  it("requires the device code and the verifier", () => {
    expect(parseTokenRequest({ body: device({ device_code: null }) })).toMatchObject({ ok: false, error: "invalid_request", description: "device_code is required" });
    expect(parseTokenRequest({ body: device({ device_code: "not a code!" }) })).toMatchObject({ ok: false, error: "invalid_grant" });
    expect(parseTokenRequest({ body: device({ code_verifier: null }) })).toMatchObject({ ok: false, error: "invalid_request", description: "code_verifier is required" });
    expect(parseTokenRequest({ body: device({ code_verifier: "short" }) })).toMatchObject({ ok: false, error: "invalid_request" });
  });
  it("still refuses other grants", () => {
    expect(parseTokenRequest({ body: device({ grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer" }) })).toMatchObject({ ok: false, error: "unsupported_grant_type" });
  });
});
