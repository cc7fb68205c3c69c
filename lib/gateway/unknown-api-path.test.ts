import { describe, expect, it } from "vitest";
import { answerUnknownApiPath } from "./unknown-api-path";

const html = (status: number) => new Response("<!DOCTYPE html><html>not found</html>", { status, headers: { "content-type": "text/html; charset=utf-8", "x-frame-options": "DENY" } });

describe("answerUnknownApiPath", () => {
  it("turns Next's HTML 404 under /v1/ into OpenAI's JSON error, keeping the security headers", async () => {
    const response = await answerUnknownApiPath({ request: new Request("https://r.example/v1/nope?x=1", { method: "POST" }), response: html(404) });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    const body = (await response.json()) as { error: { message: string } };
    expect(body).toEqual({ error: { message: expect.stringContaining("POST /v1/nope"), type: "invalid_request_error", param: null, code: "unknown_url" } });
    expect(body.error.message).not.toContain("x=1");
  });

  it("answers under /v1beta/ in Gemini's error shape, never echoing the query (a ?key= token)", async () => {
    const response = await answerUnknownApiPath({ request: new Request("https://r.example/v1beta/models/gemini-2.5-flash:generateContent/?key=1r_secret"), response: html(404) });
    expect(response.status).toBe(404);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 404, message: expect.stringContaining("/v1beta/models/gemini-2.5-flash:generateContent/"), status: "NOT_FOUND" } });
    expect(text).not.toContain("1r_secret");
  });

  it("turns a 405 page into a JSON 405", async () => {
    const response = await answerUnknownApiPath({ request: new Request("https://r.example/v1/chat/completions"), response: html(405) });
    expect(response.status).toBe(405);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("method_not_allowed");
  });

  it("leaves everything else alone: JSON answers, other statuses, other paths", async () => {
    const json = new Response('{"error":{"code":"x"}}', { status: 404, headers: { "content-type": "application/json" } });
    expect(await answerUnknownApiPath({ request: new Request("https://r.example/v1/models/x"), response: json })).toBe(json);
    const ok = html(200);
    expect(await answerUnknownApiPath({ request: new Request("https://r.example/v1/health"), response: ok })).toBe(ok);
    const page = html(404);
    expect(await answerUnknownApiPath({ request: new Request("https://r.example/v1beta2/x"), response: page })).toBe(page);
    const dashboard = html(404);
    expect(await answerUnknownApiPath({ request: new Request("https://r.example/dashboard/nope"), response: dashboard })).toBe(dashboard);
  });
});
