import { describe, expect, it } from "vitest";
import { allowCors, answerPreflight, applyCorsHeaders, CORS_ALLOWED_HEADERS, CORS_EXPOSED_HEADERS, crossOriginOf } from "./cors";

const preflight = (headers: Record<string, string>) => new Request("https://relay.test/v1/chat/completions", { method: "OPTIONS", headers });

describe("gateway preflights (decision 022)", () => {
  it("name the page's origin, the methods, the SDKs' headers and a max age; never * and never credentials", () => {
    const response = answerPreflight(preflight({ origin: "https://app.example", "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type, x-stainless-os" }));
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(response.headers.get("access-control-allow-methods")).toBe("GET, POST, HEAD");
    const allowed = response.headers.get("access-control-allow-headers")!.split(", ");
    for (const header of ["authorization", "content-type", "x-api-key", "anthropic-version", "anthropic-dangerous-direct-browser-access", "x-goog-api-key", "x-stainless-os", "x-stainless-retry-count"]) expect(allowed).toContain(header);
    expect(response.headers.get("access-control-max-age")).toBe("7200");
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
    expect(response.headers.get("vary")).toBe("Origin");
  });

  it("never echo a requested header that is not on the allowlist", () => {
    const response = answerPreflight(preflight({ origin: "https://app.example", "access-control-request-method": "POST", "access-control-request-headers": "authorization, x-evil, cookie" }));
    const allowed = response.headers.get("access-control-allow-headers")!.split(", ");
    expect(allowed).not.toContain("x-evil");
    expect(allowed).not.toContain("cookie");
    expect(allowed).toEqual([...CORS_ALLOWED_HEADERS]);
  });

  it("allow nothing for a missing, null or malformed Origin", () => {
    for (const origin of [undefined, "null", "https://app.example/path", "HTTPS://APP.example", "*", "https://a.example, https://b.example", "javascript:alert(1)"]) {
      const response = answerPreflight(preflight(origin === undefined ? {} : { origin }));
      expect(response.status, origin).toBe(204);
      expect(response.headers.get("access-control-allow-origin"), origin).toBeNull();
      expect(response.headers.get("access-control-allow-headers"), origin).toBeNull();
    }
  });
});

describe("CORS on gateway answers", () => {
  const request = (origin?: string) => new Request("https://relay.test/v1/chat/completions", { method: "POST", headers: origin ? { origin } : {} });

  it("treat no Origin and our own origin as not cross-origin", () => {
    expect(crossOriginOf(request())).toBeNull();
    expect(crossOriginOf(request("https://relay.test"))).toBeNull();
    expect(crossOriginOf(request("https://app.example"))).toBe("https://app.example");
    expect(crossOriginOf(request("null"))).toBe("null");
  });

  it("name the origin and expose the relay's headers only once the request is marked, always with Vary: Origin", () => {
    const unmarked = request("https://app.example");
    const refused = new Response("{}", { status: 403 });
    applyCorsHeaders({ request: unmarked, response: refused });
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    expect(refused.headers.get("vary")).toBe("Origin");

    const marked = request("https://app.example");
    allowCors(marked);
    for (const status of [200, 400, 429, 502]) {
      const response = new Response("{}", { status });
      applyCorsHeaders({ request: marked, response });
      expect(response.headers.get("access-control-allow-origin")).toBe("https://app.example");
      expect(response.headers.get("access-control-expose-headers")!.split(", ")).toEqual([...CORS_EXPOSED_HEADERS]);
      expect(response.headers.get("access-control-allow-credentials")).toBeNull();
    }
  });

  it("let a page read an invalid-token 401 (so it can say reconnect), but never for null or malformed origins", () => {
    const unauthorised = new Response("{}", { status: 401 });
    applyCorsHeaders({ request: request("https://app.example"), response: unauthorised });
    expect(unauthorised.headers.get("access-control-allow-origin")).toBe("https://app.example");
    for (const origin of ["null", "https://app.example/x"]) {
      const response = new Response("{}", { status: 401 });
      const marked = request(origin);
      allowCors(marked);
      applyCorsHeaders({ request: marked, response });
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
    }
  });

  it("leave answers to servers and CLIs unchanged but for Vary", () => {
    const response = new Response("{}");
    applyCorsHeaders({ request: request(), response });
    expect([...response.headers.keys()].filter((name) => name.startsWith("access-control"))).toEqual([]);
  });
});
