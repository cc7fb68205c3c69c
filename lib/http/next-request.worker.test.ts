import { describe, expect, it } from "vitest";
import { dropForwardedHeaders, prepareNextRequest } from "./next-request";

/** A body that sends some bytes and then breaks, as a client that stops before its Content-Length does. */
function brokenBody(): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream({
    pull(controller) {
      if (!sent) {
        sent = true;
        controller.enqueue(new TextEncoder().encode('{"a":1}'));
      } else controller.error(new Error("Network connection lost."));
    },
  });
}

describe("dropForwardedHeaders", () => {
  it("removes every client-sent X-Forwarded-* and Forwarded header and keeps the rest", () => {
    const request = new Request("https://1relay.example.com/signin", {
      headers: { "x-forwarded-host": "evil.example", "X-Forwarded-Proto": "http", "x-forwarded-for": "1.2.3.4", forwarded: "host=evil.example", cookie: "a=b", "cf-connecting-ip": "5.6.7.8" },
    });
    const clean = dropForwardedHeaders(request);
    expect([...clean.headers.keys()].sort()).toEqual(["cf-connecting-ip", "cookie"]);
    expect(clean.url).toBe(request.url);
  });

  it("keeps the client's abort signal (route handlers see a disconnect)", () => {
    const controller = new AbortController();
    const request = new Request("https://1relay.example.com/api/x", { headers: { "x-forwarded-host": "evil.example" }, signal: controller.signal });
    const clean = dropForwardedHeaders(request);
    expect(clean.signal.aborted).toBe(false);
    controller.abort();
    expect(clean.signal.aborted).toBe(true);
  });

  it("hands the same request on when there is nothing to drop", () => {
    const request = new Request("https://1relay.example.com/", { headers: { accept: "text/html" } });
    expect(dropForwardedHeaders(request)).toBe(request);
  });

  it("keeps the method and body", async () => {
    const request = new Request("https://1relay.example.com/api/x", { method: "POST", body: '{"a":1}', headers: { "x-forwarded-host": "evil.example", "content-type": "application/json" } });
    const clean = dropForwardedHeaders(request);
    expect(clean.method).toBe("POST");
    expect(await clean.text()).toBe('{"a":1}');
  });
});

describe("prepareNextRequest", () => {
  it("answers a body that ends early with a 400 JSON error, not a crash", async () => {
    const request = new Request("https://1relay.example.com/api/signin/verify", { method: "POST", body: brokenBody(), duplex: "half", headers: { "content-type": "application/json", "content-length": "100" } } as RequestInit);
    const answer = await prepareNextRequest(request);
    expect(answer).toBeInstanceOf(Response);
    const response = answer as Response;
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("bad_request");
  });

  it("passes a readable body on intact for Next to read", async () => {
    const request = new Request("https://1relay.example.com/api/x", { method: "POST", body: '{"a":1}', headers: { "content-type": "application/json", "x-forwarded-proto": "http" } });
    const prepared = await prepareNextRequest(request);
    expect(prepared).toBeInstanceOf(Request);
    expect((prepared as Request).headers.has("x-forwarded-proto")).toBe(false);
    expect(await (prepared as Request).text()).toBe('{"a":1}');
  });
});
