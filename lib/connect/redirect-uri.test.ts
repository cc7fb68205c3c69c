import { describe, expect, it } from "vitest";
import { buildRedirectUrl, matchRedirectUri, redirectOrigin, validateRedirectUriForRegistration } from "./redirect-uri";

const valid = (uri: string) => validateRedirectUriForRegistration(uri).ok;
const message = (uri: string) => {
  const result = validateRedirectUriForRegistration(uri);
  return result.ok ? "" : result.message;
};

describe("validateRedirectUriForRegistration", () => {
  it.each([
    "https://app.example.com/callback",
    "https://app.example.com/callback?tenant=1",
    "https://app.example.com:8443/",
    "http://127.0.0.1/callback",
    "http://127.0.0.1:8080/callback",
    "http://[::1]:3000/cb",
    "http://localhost:3000/cb",
    "https://localhost/cb",
  ])("accepts %s", (uri) => expect(valid(uri)).toBe(true));

  it.each([
    ["", "Enter"],
    ["/callback", "absolute"],
    ["app.example.com/callback", "absolute"],
    ["http://app.example.com/callback", "https"],
    ["http://127.0.0.2/cb", "https"],
    ["http://localhost.example.com/cb", "https"],
    ["com.example.app:/callback", "https"],
    ["javascript:alert(1)", "https"],
    ["https://app.example.com/cb#frag", "fragment"],
    ["https://app.example.com/cb#", "fragment"],
    ["https://user:pw@app.example.com/cb", "user name"],
    ["https://@app.example.com/cb", "user name"],
    ["https://app.example.com", "normal form: https://app.example.com/"],
    ["HTTPS://app.example.com/cb", "normal form"],
    ["https://APP.example.com/cb", "normal form"],
    ["https://app.example.com:443/cb", "normal form"],
    ["https://app.example.com/a/../cb", "normal form"],
    [" https://app.example.com/cb", "normal form"],
    ["https://app.example.com/c b", "normal form"],
    ["https://app.example.com/cb?code=1", '"code"'],
    ["https://app.example.com/cb?x=1&state=2", '"state"'],
    ["https://app.example.com/cb?iss=x", '"iss"'],
    [`https://app.example.com/${"a".repeat(2000)}`, "2000"],
  ])("refuses %j", (uri, text) => expect(message(uri)).toContain(text));

  it("refuses non-strings", () => {
    expect(valid(undefined as unknown as string)).toBe(false);
  });
});

describe("matchRedirectUri", () => {
  const registered = ["https://app.example.com/cb", "http://127.0.0.1/cb", "http://[::1]:9000/native", "http://localhost:3000/cb"];
  const match = (requested: string) => matchRedirectUri({ registered, requested });

  it("matches exact strings only", () => {
    expect(match("https://app.example.com/cb")).toBe(true);
    expect(match("https://app.example.com/cb/")).toBe(false);
    expect(match("https://app.example.com/CB")).toBe(false);
    expect(match("https://APP.example.com/cb")).toBe(false);
    expect(match("https://app.example.com:443/cb")).toBe(false);
    expect(match("https://app.example.com/cb?x=1")).toBe(false);
    expect(match("https://app.example.com:8443/cb")).toBe(false);
    expect(match("https://evil.example/cb")).toBe(false);
    expect(match("")).toBe(false);
  });
  it("ignores the port for http loopback URIs (RFC 8252 §7.3)", () => {
    expect(match("http://127.0.0.1/cb")).toBe(true);
    expect(match("http://127.0.0.1:51234/cb")).toBe(true);
    expect(match("http://[::1]/native")).toBe(true);
    expect(match("http://[::1]:1/native")).toBe(true);
    expect(match("http://localhost:4000/cb")).toBe(true);
  });
  it("keeps everything else exact on loopback", () => {
    expect(match("http://127.0.0.1:51234/cb2")).toBe(false);
    expect(match("http://127.0.0.1:51234/cb?x=1")).toBe(false);
    expect(match("http://localhost:51234/native")).toBe(false); // other host
    expect(match("http://[::1]:51234/cb")).toBe(false);
    expect(match("https://127.0.0.1:51234/cb")).toBe(false); // https: no port exception
    expect(match("http://127.0.0.1:51234/./cb")).toBe(false); // not in normal form
    expect(match("http://127.0.0.1:051234/cb")).toBe(false);
  });
  it("does not give https URIs a port exception", () => {
    expect(matchRedirectUri({ registered: ["https://localhost/cb"], requested: "https://localhost:8443/cb" })).toBe(false);
  });
  it("refuses bad input", () => {
    expect(() => matchRedirectUri({ registered: "x" as unknown as string[], requested: "x" })).toThrow(TypeError);
    expect(matchRedirectUri({ registered, requested: 1 as unknown as string })).toBe(false);
  });
});

describe("redirectOrigin", () => {
  it("gives the origin, port included", () => {
    expect(redirectOrigin("https://app.example.com/cb?x=1")).toBe("https://app.example.com");
    expect(redirectOrigin("http://127.0.0.1:51234/cb")).toBe("http://127.0.0.1:51234");
    expect(redirectOrigin("http://[::1]:9000/cb")).toBe("http://[::1]:9000");
  });
  it("refuses non-http URLs", () => {
    expect(() => redirectOrigin("nope")).toThrow(TypeError);
    expect(() => redirectOrigin("com.example.app:/cb")).toThrow(TypeError);
  });
});

describe("buildRedirectUrl", () => {
  it("adds response parameters and keeps the existing query as written", () => {
    expect(buildRedirectUrl({ redirectUri: "https://app.example.com/cb", params: { code: "abc", state: "s 1&x", iss: undefined } })).toBe(
      "https://app.example.com/cb?code=abc&state=s+1%26x",
    );
    expect(buildRedirectUrl({ redirectUri: "https://app.example.com/cb?t=a%20b", params: { error: "access_denied" } })).toBe(
      "https://app.example.com/cb?t=a%20b&error=access_denied",
    );
    expect(buildRedirectUrl({ redirectUri: "https://app.example.com/cb?", params: { code: "c" } })).toBe("https://app.example.com/cb?code=c");
  });
  it("refuses fragments and non-URLs", () => {
    expect(() => buildRedirectUrl({ redirectUri: "https://app.example.com/cb#x", params: {} })).toThrow(TypeError);
    expect(() => buildRedirectUrl({ redirectUri: "cb", params: {} })).toThrow(TypeError);
  });
});
