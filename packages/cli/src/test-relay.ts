// Test-only: a fake 1Relay on node:http for the CLI's tests. It answers the device flow like the
// server (RFC 8628 answers, the token's secret sealed to the key the CLI sent), the token's status
// and revocation, and records every request (so a test can check what travelled).
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { formatConnectionId } from "../../../lib/crypto/connection-id";
import { newConnectionId, newKey } from "../../../lib/crypto/random";
import { formatRelayToken } from "../../../lib/crypto/relay-token";
import { parseAppPublicKey, sealToApp } from "../../../lib/crypto/seal";
import { verifyPkceS256 } from "../../../lib/connect/pkce";

export type PollAnswer = "pending" | "slow_down" | "access_denied" | "expired_token";

export interface FakeRelay {
  url: string;
  /** The token of the last approval (each approval makes a new connection). */
  token: string;
  issued: string[];
  requests: { method: string; path: string; headers: IncomingMessage["headers"]; body: string }[];
  revoked: string[];
  /** What the next polls answer before the approval (shifted one per poll). */
  polls: PollAnswer[];
  /** Set to replace every answer (a wrong server). */
  override?: { status: number; type: string; body: string };
  close(): Promise<void>;
}

export async function startFakeRelay({ polls = [] }: { polls?: PollAnswer[] } = {}): Promise<FakeRelay> {
  let connectionId = newConnectionId();
  let secret = newKey();
  let key = "";
  let challenge = "";
  const relay: FakeRelay = { url: "", token: formatRelayToken({ connectionId, secret }), issued: [], requests: [], revoked: [], polls: [...polls], close: async () => {} };
  const server: Server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += String(chunk)));
    request.on("end", () => {
      const path = new URL(request.url ?? "/", "http://x").pathname;
      relay.requests.push({ method: request.method ?? "", path, headers: request.headers, body });
      const json = (status: number, value: unknown) => {
        response.writeHead(status, { "content-type": "application/json" });
        response.end(JSON.stringify(value));
      };
      if (relay.override) {
        response.writeHead(relay.override.status, { "content-type": relay.override.type });
        return response.end(relay.override.body);
      }
      const form = new URLSearchParams(body);
      if (request.method === "POST" && path === "/connect/device") {
        key = form.get("key") ?? "";
        challenge = form.get("code_challenge") ?? "";
        return json(200, { device_code: "D".repeat(43), user_code: "WDJB-MJHT", verification_uri: `${relay.url}/device`, verification_uri_complete: `${relay.url}/device?user_code=WDJB-MJHT`, expires_in: 600, interval: 1 });
      }
      if (request.method === "POST" && path === "/connect/token") {
        if (!verifyPkceS256({ verifier: form.get("code_verifier") ?? "", challenge })) return json(400, { error: "invalid_grant" });
        const next = relay.polls.shift();
        if (next === "pending") return json(400, { error: "authorization_pending" });
        if (next) return json(400, { error: next });
        if (relay.issued.length > 0) {
          connectionId = newConnectionId();
          secret = newKey();
          relay.token = formatRelayToken({ connectionId, secret });
        }
        relay.issued.push(relay.token);
        const sealed = sealToApp({ clientId: form.get("client_id")!, connectionId, appPublicKey: parseAppPublicKey(key), secret });
        return json(200, { token_type: "relay", connection_id: formatConnectionId(connectionId), sealed_secret: sealed, scope: "openai anthropic", limits: { budget_usd: 20, rpm: 60, models: [], expires_at: null } });
      }
      if (request.method === "POST" && path === "/connect/revoke") {
        relay.revoked.push(form.get("token") ?? "");
        return json(200, {});
      }
      if (request.method === "GET" && path === "/v1/relay/status") {
        const presented = (request.headers.authorization ?? "").replace(/^Bearer /, "");
        if (!relay.issued.includes(presented) || relay.revoked.includes(presented)) return json(401, { error: { message: "This relay token has been revoked." } });
        return json(200, { object: "relay.status", connection_id: formatConnectionId(connectionId), status: "active", month: "2027-01", resets_at: "2027-02-01T00:00:00.000Z", budget_usd: 20, spent_micro_usd: 1234, reserved_micro_usd: 0, requests: 2, rpm: 60, providers: ["openai", "anthropic"], models: [], expires_at: null });
      }
      json(404, { error: "not found" });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  relay.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  relay.close = () => new Promise((resolve) => server.close(() => resolve()));
  return relay;
}
