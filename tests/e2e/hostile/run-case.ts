import { expect } from "@playwright/test";
import type { HostileCase, HostileContext } from "./case";

/** Every case must be answered within this long (a hang is a failure, not a timeout of the suite). */
export const CASE_DEADLINE_MS = 20_000;

/** Sends a case and asserts its status, its error shape and code, and that no 5xx came back. */
export async function runCase(c: HostileCase, ctx: HostileContext): Promise<Response> {
  const sent = c.send(ctx);
  let response: Response;
  const started = Date.now();
  try {
    response = await fetch(`${ctx.baseURL}${sent.path}`, {
      method: sent.method ?? "GET",
      headers: sent.headers,
      body: sent.body,
      redirect: "manual",
      signal: AbortSignal.timeout(CASE_DEADLINE_MS),
      ...(sent.body instanceof ReadableStream ? { duplex: "half" } : {}),
    } as RequestInit);
  } catch (error) {
    throw new Error(`no answer within ${CASE_DEADLINE_MS} ms (after ${Date.now() - started} ms): ${String(error)}`);
  }
  const text = await response.text();
  const where = `${c.name}: ${response.status} ${text.slice(0, 300)}`;
  expect(response.status, where).toBeLessThan(500);
  expect(response.status, where).toBe(c.status);
  const body = () => JSON.parse(text) as Record<string, unknown>;
  switch (c.shape) {
    case "openai": {
      expect(response.headers.get("content-type"), where).toMatch(/^application\/json/);
      const error = body().error as Record<string, unknown>;
      expect(Object.keys(error).sort(), where).toEqual(["code", "message", "param", "type"]);
      expect(error.code, where).toBe(c.code);
      expect(error.type, where).toBe(c.type ?? "invalid_request_error");
      if (c.param !== undefined) expect(error.param, where).toBe(c.param);
      expect(typeof error.message, where).toBe("string");
      break;
    }
    case "anthropic": {
      expect(response.headers.get("content-type"), where).toMatch(/^application\/json/);
      const answer = body();
      expect(answer.type, where).toBe("error");
      const error = answer.error as Record<string, unknown>;
      expect(Object.keys(error).sort(), where).toEqual(["message", "type"]);
      expect(error.type, where).toBe(c.code);
      expect(typeof error.message, where).toBe("string");
      // A refusal a retry cannot change says so (Claude Code would retry it for minutes otherwise).
      if (c.status !== 429) expect(response.headers.get("x-should-retry"), where).toBe("false");
      break;
    }
    case "gemini": {
      expect(response.headers.get("content-type"), where).toMatch(/^application\/json/);
      const error = body().error as Record<string, unknown>;
      expect(error.code, where).toBe(response.status);
      expect(error.status, where).toBe(c.code);
      expect(typeof error.message, where).toBe("string");
      expect(Object.keys(error).every((k) => ["code", "message", "status", "details"].includes(k)), where).toBe(true);
      break;
    }
    case "oauth": {
      expect(response.headers.get("content-type"), where).toMatch(/^application\/json/);
      expect(response.headers.get("cache-control"), where).toContain("no-store");
      const error = body();
      expect(error.error, where).toBe(c.code);
      expect(Object.keys(error).every((k) => k === "error" || k === "error_description"), where).toBe(true);
      if (c.status === 401) expect(response.headers.get("www-authenticate"), where).toMatch(/^Basic /);
      break;
    }
    case "app": {
      const error = body().error as Record<string, unknown>;
      expect(error.code, where).toBe(c.code);
      expect(typeof error.message, where).toBe("string");
      break;
    }
    case "page":
      expect(response.headers.get("location"), where).toBeNull();
      expect(response.headers.get("content-type"), where).toMatch(/^text\/html/);
      expect(text, where).toContain(c.code!);
      break;
    case "redirect": {
      const location = new URL(response.headers.get("location") ?? "about:blank");
      expect(`${location.origin}${location.pathname}`, where).toBe(ctx.redirectUri);
      expect(location.searchParams.get("error"), where).toBe(c.code);
      expect(location.searchParams.get("state"), where).toBe("st4te");
      expect(location.searchParams.get("iss"), where).toBe(ctx.baseURL);
      expect(location.searchParams.get("code"), where).toBeNull();
      break;
    }
    case "none":
      break;
  }
  c.check?.(response);
  return response;
}
