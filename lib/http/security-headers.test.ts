import { describe, expect, it } from "vitest";
import { buildContentSecurityPolicy, createNonce, staticSecurityHeaders } from "./security-headers";

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split("; ").map((d) => { const [name, ...values] = d.split(" "); return [name!, values]; }));
}

describe("content security policy", () => {
  it("is strict in production: nonce, strict-dynamic, no object, no base, no framing, no eval", () => {
    const nonce = createNonce();
    const csp = directives(buildContentSecurityPolicy({ nonce, isDev: false }));
    expect(csp.get("script-src")).toEqual([`'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'none'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    const all = [...csp.values()].flat();
    expect(all).not.toContain("'unsafe-inline'");
    expect(all).not.toContain("'unsafe-eval'");
    expect(all.some((v) => v.startsWith("http"))).toBe(false);
  });

  it("allows eval only for next dev's hot reload", () => {
    expect(buildContentSecurityPolicy({ nonce: createNonce(), isDev: true })).toContain("'unsafe-eval'");
  });

  it("refuses a nonce that could inject directives", () => {
    expect(() => buildContentSecurityPolicy({ nonce: "abc'; script-src *", isDev: false })).toThrow(TypeError);
    expect(() => buildContentSecurityPolicy({ nonce: "short", isDev: false })).toThrow(TypeError);
  });

  it("makes a different 16-byte nonce each time", () => {
    const a = createNonce();
    expect(atob(a)).toHaveLength(16);
    expect(createNonce()).not.toBe(a);
  });
});

describe("static security headers", () => {
  it("send no referrer and forbid framing", () => {
    const h = staticSecurityHeaders({ isHttps: false });
    expect(h["Referrer-Policy"]).toBe("no-referrer");
    expect(h["X-Frame-Options"]).toBe("DENY");
    expect(h["Strict-Transport-Security"]).toBeUndefined();
  });

  it("add HSTS over https", () => {
    expect(staticSecurityHeaders({ isHttps: true })["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
  });
});
