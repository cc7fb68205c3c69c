import { describe, expect, it } from "vitest";
import { describeOrigins, isNormalOrigin, isSerialisedHttpOrigin, isOriginAllowed, MAX_ORIGINS, normaliseOrigin, normaliseOriginList, sameOrigins } from "./origins";

const ok = (input: string) => {
  const check = normaliseOrigin(input);
  if (!check.ok) throw new Error(`refused ${input}: ${check.message}`);
  return check.origin;
};

describe("normaliseOrigin", () => {
  it("writes an origin in its normal form: lowercase scheme and host, no default port, no trailing slash", () => {
    expect(ok("https://app.example")).toBe("https://app.example");
    expect(ok("HTTPS://App.Example")).toBe("https://app.example");
    expect(ok("https://app.example/")).toBe("https://app.example");
    expect(ok("https://app.example:443")).toBe("https://app.example");
    expect(ok("  https://app.example:8443  ")).toBe("https://app.example:8443");
    expect(ok("https://bücher.example")).toBe("https://xn--bcher-kva.example");
  });

  it("accepts http only on loopback, keeping the port", () => {
    expect(ok("http://localhost:5173")).toBe("http://localhost:5173");
    expect(ok("http://127.0.0.1:8080/")).toBe("http://127.0.0.1:8080");
    expect(ok("http://[::1]:3000")).toBe("http://[::1]:3000");
    expect(ok("http://LOCALHOST:80")).toBe("http://localhost");
    for (const refused of ["http://app.example", "http://192.168.1.2:3000", "http://localhost.evil.example", "http://127.0.0.2"]) {
      expect(normaliseOrigin(refused)).toMatchObject({ ok: false, message: expect.stringMatching(/https/) });
    }
  });

  it("refuses null, paths, queries, fragments, user names, wildcards and other schemes", () => {
    for (const refused of [
      "null",
      "NULL",
      "",
      "   ",
      "https://app.example/chat",
      "https://app.example//",
      "https://app.example?x=1",
      "https://app.example/?x=1",
      "https://app.example#top",
      "https://user@app.example",
      "https://user:pw@app.example",
      "https://*.app.example",
      "*",
      "app.example",
      "ftp://app.example",
      "file:///tmp/x",
      "javascript:alert(1)",
      "data:text/html,x",
      "https:app.example",
      "https://app.example\\evil",
      `https://${"a".repeat(300)}.example`,
    ]) {
      expect(normaliseOrigin(refused), refused).toMatchObject({ ok: false });
    }
  });

  it("never echoes what it refuses", () => {
    const check = normaliseOrigin("https://secret-token@app.example");
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).not.toContain("secret-token");
  });
});

describe("isOriginAllowed", () => {
  const allowed = ["https://app.example", "http://localhost:5173"];

  it("allows exactly a listed origin", () => {
    expect(isOriginAllowed({ origin: "https://app.example", allowed })).toBe(true);
    expect(isOriginAllowed({ origin: "http://localhost:5173", allowed })).toBe(true);
  });

  it("refuses other ports, schemes, hosts, subdomains and case variants", () => {
    for (const origin of [
      "http://localhost:5174",
      "http://localhost",
      "http://127.0.0.1:5173",
      "http://app.example",
      "https://app.example:443",
      "https://app.example/",
      "https://APP.example",
      "https://evil.app.example",
      "https://app.example.evil",
      "null",
      "",
      " https://app.example",
    ]) {
      expect(isOriginAllowed({ origin, allowed }), origin).toBe(false);
    }
  });

  it("never allows null or a malformed value even when one was listed", () => {
    expect(isOriginAllowed({ origin: "null", allowed: ["null"] })).toBe(false);
    expect(isOriginAllowed({ origin: "https://app.example/x", allowed: ["https://app.example/x"] })).toBe(false);
    expect(isOriginAllowed({ origin: "https://app.example", allowed: [] })).toBe(false);
  });
});

describe("lists", () => {
  it("normalises a list, refusing repeats (after normalising) and too many", () => {
    expect(normaliseOriginList(["HTTPS://a.example/", "http://localhost:3000"])).toEqual({ ok: true, origins: ["https://a.example", "http://localhost:3000"] });
    expect(normaliseOriginList(["https://a.example", "https://A.example:443"])).toMatchObject({ ok: false, index: 1, message: "Origin 2 is listed twice." });
    expect(normaliseOriginList(["https://a.example", "https://a.example/x"])).toMatchObject({ ok: false, index: 1, message: expect.stringMatching(/^Origin 2: /) });
    const many = Array.from({ length: MAX_ORIGINS + 1 }, (_, i) => `https://a${i}.example`);
    expect(normaliseOriginList(many)).toMatchObject({ ok: false });
    expect(normaliseOriginList([])).toEqual({ ok: true, origins: [] });
  });

  it("compares sets whatever the order", () => {
    expect(sameOrigins(["https://a.example", "https://b.example"], ["https://b.example", "https://a.example"])).toBe(true);
    expect(sameOrigins(["https://a.example"], ["https://a.example", "https://b.example"])).toBe(false);
    expect(sameOrigins(["https://a.example", "https://a.example"], ["https://a.example", "https://b.example"])).toBe(false);
    expect(sameOrigins([], [])).toBe(true);
  });

  it("tells a serialised http(s) origin from anything else, cheaply", () => {
    for (const origin of ["https://a.example", "http://127.0.0.1:5173", "http://[::1]:3000"]) expect(isSerialisedHttpOrigin(origin), origin).toBe(true);
    for (const origin of ["null", "https://a.example/", "https://a.example/x", "HTTPS://a.example", "https://a.example:443:1", "chrome-extension://abc", "", `https://${"a".repeat(300)}.example`]) {
      expect(isSerialisedHttpOrigin(origin), origin).toBe(false);
    }
  });

  it("tells normal forms and words a list", () => {
    expect(isNormalOrigin("https://a.example")).toBe(true);
    expect(isNormalOrigin("https://a.example/")).toBe(false);
    expect(describeOrigins(["https://a.example"])).toBe("https://a.example");
    expect(describeOrigins(["https://a.example", "https://b.example", "http://localhost:3000"])).toBe("https://a.example, https://b.example and http://localhost:3000");
  });
});
