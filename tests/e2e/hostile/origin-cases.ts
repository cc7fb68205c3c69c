import { expect } from "@playwright/test";
import type { HostileCase, HostileContext, SentRequest } from "./case";

// Hostile Origin values (issue 18, decision 022). The context's token lists no web origin, so
// every request carrying another site's Origin is refused with 403 origin_not_allowed in the
// endpoint's own shape, before anything is decrypted, reserved or sent (the spec checks that no
// fake received anything), and its answer names no origin. Preflights are answered without I/O
// and never allow credentials or a header outside the allowlist. Origin is a browser's signal,
// not authentication: these are what a server forging it is told.

const hello = JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: "x" }] });
const claude = JSON.stringify({ model: "claude-haiku-4-5", max_tokens: 16, messages: [{ role: "user", content: "x" }] });
const gemini = JSON.stringify({ contents: [{ role: "user", parts: [{ text: "x" }] }] });

const chatFrom = (origin: string, extra: Record<string, string> = {}) => (ctx: HostileContext): SentRequest => ({
  path: "/v1/chat/completions",
  method: "POST",
  headers: { origin, authorization: `Bearer ${ctx.token}`, "content-type": "application/json", ...extra },
  body: hello,
});

const namesNoOrigin = (response: Response) => {
  expect(response.headers.get("access-control-allow-origin")).toBeNull();
  expect(response.headers.get("access-control-allow-credentials")).toBeNull();
};

const refused = (name: string, send: HostileCase["send"]): HostileCase => ({ name, send, status: 403, shape: "openai", code: "origin_not_allowed", check: namesNoOrigin });

const gateway: HostileCase[] = [
  refused("Origin: another site (forged by a server)", chatFrom("https://evil.example")),
  refused("Origin: null (sandboxed frame, file)", chatFrom("null")),
  refused("Origin with a path", chatFrom("https://evil.example/app")),
  refused("Origin with a user name", chatFrom("https://user@evil.example")),
  refused("Origin: two origins in one header", chatFrom("https://evil.example https://app.example")),
  refused("Origin: our own host on another port", (ctx) => chatFrom(`${new URL(ctx.baseURL).protocol}//${new URL(ctx.baseURL).hostname}:${Number(new URL(ctx.baseURL).port) + 1}`)(ctx)),
  refused("Origin: a scheme other than http(s)", chatFrom("chrome-extension://abcdefghijklmnop")),
  refused("Origin with the owner's session cookie (credentials mode grants nothing)", (ctx) => chatFrom("https://evil.example", { cookie: ctx.cookie })(ctx)),
  refused("Origin on GET /v1/models", (ctx) => ({ path: "/v1/models", headers: { origin: "https://evil.example", authorization: `Bearer ${ctx.token}` } })),
  {
    name: "Origin on /v1/messages (Anthropic's shape)",
    send: (ctx) => ({ path: "/v1/messages", method: "POST", headers: { origin: "https://evil.example", "x-api-key": ctx.token, "anthropic-version": "2023-06-01", "anthropic-dangerous-direct-browser-access": "true", "content-type": "application/json" }, body: claude }),
    status: 403,
    shape: "anthropic",
    code: "permission_error",
    check: namesNoOrigin,
  },
  {
    name: "Origin on Gemini's generateContent (Gemini's shape)",
    send: (ctx) => ({ path: "/v1beta/models/gemini-2.5-flash:generateContent", method: "POST", headers: { origin: "https://evil.example", "x-goog-api-key": ctx.token, "content-type": "application/json" }, body: gemini }),
    status: 403,
    shape: "gemini",
    code: "PERMISSION_DENIED",
    check: namesNoOrigin,
  },
];

const preflight = (path: string, headers: Record<string, string>): SentRequest => ({ path, method: "OPTIONS", headers });

const preflights: HostileCase[] = [
  {
    name: "preflight asking for a header outside the allowlist",
    send: () => preflight("/v1/chat/completions", { origin: "https://app.example", "access-control-request-method": "POST", "access-control-request-headers": "authorization, x-evil, cookie" }),
    status: 204,
    shape: "none",
    code: null,
    check: (response) => {
      const allowed = (response.headers.get("access-control-allow-headers") ?? "").split(", ");
      expect(allowed).toContain("authorization");
      expect(allowed).not.toContain("x-evil");
      expect(allowed).not.toContain("cookie");
      expect(response.headers.get("access-control-allow-origin")).toBe("https://app.example");
      expect(response.headers.get("access-control-allow-credentials")).toBeNull();
    },
  },
  {
    name: "preflight from Origin: null",
    send: () => preflight("/v1/messages", { origin: "null", "access-control-request-method": "POST" }),
    status: 204,
    shape: "none",
    code: null,
    check: (response) => {
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
      expect(response.headers.get("access-control-allow-headers")).toBeNull();
    },
  },
  {
    name: "preflight from an origin with a path",
    send: () => preflight("/v1beta/models/gemini-2.5-flash:streamGenerateContent", { origin: "https://app.example/x", "access-control-request-method": "POST" }),
    status: 204,
    shape: "none",
    code: null,
    check: (response) => expect(response.headers.get("access-control-allow-origin")).toBeNull(),
  },
  {
    name: "preflight never says * nor allows credentials, whatever is asked",
    send: () => preflight("/v1/responses", { origin: "https://app.example", "access-control-request-method": "POST", "access-control-request-headers": "authorization", "access-control-request-private-network": "true" }),
    status: 204,
    shape: "none",
    code: null,
    check: (response) => {
      expect(response.headers.get("access-control-allow-origin")).toBe("https://app.example");
      expect(response.headers.get("access-control-allow-credentials")).toBeNull();
      expect(response.headers.get("vary")).toContain("Origin");
    },
  },
];

const tokenEndpoint = (path: string, body: (ctx: HostileContext) => Record<string, string>) => (ctx: HostileContext): SentRequest => ({
  path,
  method: "POST",
  headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(body(ctx)).toString(),
});

const connect: HostileCase[] = [
  {
    name: "/connect/token from an origin the client did not register (the code is not spent)",
    send: tokenEndpoint("/connect/token", (ctx) => ({ grant_type: "authorization_code", code: ctx.liveCode, code_verifier: ctx.liveVerifier, client_id: ctx.clientId, redirect_uri: ctx.redirectUri })),
    status: 403,
    shape: "oauth",
    code: "unauthorized_client",
    check: namesNoOrigin,
  },
  {
    name: "/connect/token from Origin: null",
    send: (ctx) => ({ ...tokenEndpoint("/connect/token", () => ({ grant_type: "authorization_code", code: "x", code_verifier: "y".repeat(43), client_id: ctx.clientId, redirect_uri: ctx.redirectUri }))(ctx), headers: { origin: "null", "content-type": "application/x-www-form-urlencoded" } }),
    status: 403,
    shape: "oauth",
    code: "unauthorized_client",
    check: namesNoOrigin,
  },
  {
    name: "/connect/revoke from an origin the client did not register",
    send: tokenEndpoint("/connect/revoke", (ctx) => ({ token: ctx.token, client_id: ctx.clientId })),
    status: 403,
    shape: "oauth",
    code: "unauthorized_client",
    check: namesNoOrigin,
  },
  {
    name: "/connect/device from a web page",
    send: tokenEndpoint("/connect/device", (ctx) => ({ client_id: ctx.clientId })),
    status: 403,
    shape: "oauth",
    code: "unauthorized_client",
    check: namesNoOrigin,
  },
];

export const originCases: HostileCase[] = [...gateway, ...preflights, ...connect];
