// A fake 1Relay for the package's unit tests: reads the authorization URL as the real server
// does, then answers /connect/token (sealing a fresh K to the app's key) and /connect/revoke.
import { expect, vi } from "vitest";
import { formatConnectionId } from "../../../lib/crypto/connection-id";
import { newConnectionId, newKey } from "../../../lib/crypto/random";
import { parseAppPublicKey, sealToApp } from "../../../lib/crypto/seal";
import { parseAuthorizeQuery } from "../../../lib/connect/authorize-request";
import { verifyPkceS256 } from "../../../lib/connect/pkce";
import type { PopupHost } from "./popup.js";
import { parseRevokeRequest, parseTokenRequest } from "../../../lib/connect/token-request";

export const BASE_URL = "https://relay.example";

/** A fake 1Relay: reads the authorization URL like the real server, then answers the token endpoint. */
export function fakeRelay({ url, clientSecret, tamper }: { url: string; clientSecret?: string; tamper?: (body: Record<string, unknown>) => void }) {
  const parsed = parseAuthorizeQuery(new URL(url).searchParams);
  if (!parsed.ok) throw new Error(`authorize request refused: ${parsed.description}`);
  const authorize = parsed.request;
  const connectionId = newConnectionId();
  const secret = newKey();
  const calls: { url: string; init: RequestInit; body: string }[] = [];
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  const fetchImpl = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const target = String(input);
    const body = String(init?.body);
    calls.push({ url: target, init: init!, body });
    expect(init?.method).toBe("POST");
    expect(new Headers(init?.headers).get("content-type")).toBe("application/x-www-form-urlencoded");
    if (target === `${BASE_URL}/connect/revoke`) {
      const revoke = parseRevokeRequest({ body });
      return revoke.ok ? new Response(null, { status: 200 }) : json(revoke.status, { error: revoke.error });
    }
    expect(target).toBe(`${BASE_URL}/connect/token`);
    const token = parseTokenRequest({ body });
    if (!token.ok) return json(token.status, { error: token.error, error_description: token.description });
    const request = token.request;
    if (request.grant_type !== "authorization_code") return json(400, { error: "unsupported_grant_type" });
    if (request.client_id !== authorize.clientId) return json(400, { error: "invalid_client" });
    if (clientSecret !== undefined && request.client_secret !== clientSecret) return json(400, { error: "invalid_client" });
    if (request.redirect_uri !== authorize.redirectUri) return json(400, { error: "invalid_grant" });
    if (!verifyPkceS256({ verifier: request.code_verifier, challenge: authorize.codeChallenge })) {
      return json(400, { error: "invalid_grant", error_description: "PKCE verification failed" });
    }
    const sealed = sealToApp({ clientId: authorize.clientId, connectionId, appPublicKey: parseAppPublicKey(authorize.key), secret });
    const response: Record<string, unknown> = {
      token_type: "relay",
      connection_id: formatConnectionId(connectionId),
      sealed_secret: sealed,
      scope: "anthropic:claude-sonnet-4-5",
      limits: { budgetUsd: 10, rpm: 60 },
    };
    tamper?.(response);
    return json(200, response);
  });
  return { fetchImpl, calls, connectionId, secret, authorize };
}


/** A window that opens a fake popup; `post` delivers a message event as the browser would. */
export function fakeHost({ blocked = false, onOpen }: { blocked?: boolean; onOpen?: (url: string) => void } = {}) {
  const popup = { closed: false, close: vi.fn(() => void (popup.closed = true)), focus: vi.fn() };
  const listeners = new Set<(event: MessageEvent) => void>();
  const opened: string[] = [];
  const host: PopupHost = {
    open: (url) => {
      opened.push(url);
      onOpen?.(url);
      return blocked ? null : popup;
    },
    addEventListener: (_type, listener) => void listeners.add(listener),
    removeEventListener: (_type, listener) => void listeners.delete(listener),
  };
  const post = (data: unknown, { origin = BASE_URL, source = popup as unknown }: { origin?: string; source?: unknown } = {}) => {
    for (const listener of [...listeners]) listener({ data, origin, source } as MessageEvent);
  };
  return { host, popup, opened, post, listeners };
}

