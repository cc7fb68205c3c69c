import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isAppError } from "../errors/app-error";
import { readJson } from "./read-json";

const schema = z.strictObject({ name: z.string().min(1) });

function post(body: BodyInit, type = "application/json"): Request {
  return new Request("https://x/", { method: "POST", body, headers: { "content-type": type } });
}

async function failure(promise: Promise<unknown>): Promise<{ code: string; status: number; message: string; field?: string }> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("expected a failure");
}

describe("readJson", () => {
  it("parses and validates a good body", async () => {
    expect(await readJson({ request: post('{"name":"a"}'), schema })).toEqual({ name: "a" });
  });

  it("answers a body whose stream breaks with a 400, not a server error", async () => {
    let sent = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (!sent) {
          sent = true;
          controller.enqueue(new TextEncoder().encode('{"name":'));
        } else controller.error(new TypeError("Network connection lost."));
      },
    });
    const request = new Request("https://x/", { method: "POST", body, headers: { "content-type": "application/json" }, duplex: "half" } as RequestInit);
    const error = await failure(readJson({ request, schema }));
    expect(error.status).toBe(400);
    expect(error.message).toContain("could not be read");
  });

  it("refuses another content type", async () => {
    expect((await failure(readJson({ request: post('{"name":"a"}', "text/plain"), schema }))).status).toBe(400);
  });

  it("refuses invalid UTF-8 instead of replacing it", async () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]);
    expect((await failure(readJson({ request: post(bytes), schema }))).message).toContain("UTF-8");
  });

  it("refuses invalid JSON", async () => {
    expect((await failure(readJson({ request: post("{name:"), schema }))).message).toContain("not valid JSON");
  });

  it("names the bad field and refuses unknown ones", async () => {
    const bad = await failure(readJson({ request: post('{"name":""}'), schema }));
    expect(bad).toMatchObject({ code: "bad_request", field: "name" });
    expect((await failure(readJson({ request: post('{"name":"a","extra":1}'), schema }))).code).toBe("bad_request");
  });

  it("stops reading past the limit with 413", async () => {
    const big = JSON.stringify({ name: "x".repeat(2000) });
    expect((await failure(readJson({ request: post(big), schema, limitBytes: 1000 }))).status).toBe(413);
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(big));
        c.close();
      },
    });
    const chunked = new Request("https://x/", { method: "POST", body: stream, headers: { "content-type": "application/json" }, duplex: "half" } as RequestInit);
    expect((await failure(readJson({ request: chunked, schema, limitBytes: 1000 }))).status).toBe(413);
  });
});
