/**
 * Acme Notes (demo): an example third-party app that connects a person's
 * 1Relay (packages/connect/README.md) with the @1relay/connect package and
 * calls the gateway with the relay token.
 *
 * Dependency-free Node HTTP server (Node ≥ 20). Sessions live in memory,
 * keyed by a random HttpOnly SameSite=Lax cookie; the relay token, the PKCE
 * verifier, the private key and the client secret stay in that memory: they
 * are never sent to the browser and never logged.
 *
 * Run it with `node examples/demo-app/start.mjs` (bundles this file with
 * esbuild), or programmatically with startDemoApp().
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ConnectError, exchangeCode, revokeToken, startAuthorization, type PendingAuthorization } from "@1relay/connect";
import { renderHome, type Flash } from "./page";

export const APP_NAME = "Acme Notes (demo)";
export const SCOPE = "openai anthropic gemini";
export const SUGGESTED_LIMITS = { budgetUsd: 5, rpm: 30 } as const;
export const DEFAULT_MODEL = "gpt-4o-mini";
export const DEFAULT_PORT = 8795;
export const DEFAULT_ONERELAY_URL = "http://localhost:8787";

const COOKIE_NAME = "acme_demo_sid";
const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
const MAX_SESSIONS = 5_000;
const MAX_BODY_BYTES = 64 * 1024;
const GATEWAY_TIMEOUT_MS = 120_000;
const CLIENT_ID_SYNTAX = /^[A-Za-z0-9_-]{1,64}$/;
const CLIENT_SECRET_SYNTAX = /^[\x21-\x7e]{1,256}$/;
const MODEL_SYNTAX = /^[A-Za-z0-9._@:/-]{1,120}$/;
const MAX_PROMPT_LENGTH = 20_000;

export interface DemoAppOptions {
  /** Default 8795; 0 picks a free port. The redirect URI is http://localhost:<port>/callback. */
  port?: number;
  /** 1Relay's base URL, exactly as 1Relay sees itself (it is checked against `iss`). Default http://localhost:8787. */
  onerelayUrl?: string;
  /** When absent, the home page asks for it (kept in memory). */
  clientId?: string;
  clientSecret?: string;
  /** For tests: replaces fetch for the calls to 1Relay (token, revoke, gateway). */
  fetchImpl?: typeof fetch;
  /** One line per event; never given a token, code or secret. Default console.log. */
  log?: (line: string) => void;
}

export interface DemoApp {
  url: string;
  redirectUri: string;
  port: number;
  close(): Promise<void>;
}

interface Connection {
  token: string;
  connectionId: string;
  clientId: string;
  clientSecret?: string;
  scope: string;
  limits: unknown;
}

interface Session {
  pending?: { authorization: PendingAuthorization; clientSecret?: string };
  connection?: Connection;
  /** 1Relay refused the token (revoked, or expired): the page says "Disconnected" and offers to reconnect. */
  lost?: { reason: string };
  flash?: Flash;
  lastSeen: number;
}

interface Settings {
  clientId?: string;
  clientSecret?: string;
  editable: boolean;
}

/** Options from the environment: ONERELAY_URL, PORT, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET. */
export function optionsFromEnv(env: Record<string, string | undefined> = process.env): DemoAppOptions {
  const port = env.PORT === undefined || env.PORT === "" ? DEFAULT_PORT : Number(env.PORT);
  return {
    port,
    onerelayUrl: env.ONERELAY_URL || DEFAULT_ONERELAY_URL,
    clientId: env.DEMO_CLIENT_ID || undefined,
    clientSecret: env.DEMO_CLIENT_SECRET || undefined,
  };
}

function normalizeRelayUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TypeError("ONERELAY_URL must be an absolute URL, such as http://localhost:8787");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new TypeError("ONERELAY_URL must be an http(s) URL");
  if (url.username !== "" || url.password !== "" || url.search !== "" || url.hash !== "") {
    throw new TypeError("ONERELAY_URL must not contain credentials, a query or a fragment");
  }
  return url.href.replace(/\/+$/, "");
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}

function readCookie(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (typeof header !== "string") return undefined;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index === -1) continue;
    if (part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, "The request body is too large.");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function contentType(req: IncomingMessage): string {
  return (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  if (contentType(req) !== "application/json") throw new HttpError(415, "Send JSON (content-type: application/json).");
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readBody(req));
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, "The request body is not valid JSON.");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new HttpError(400, "Send a JSON object.");
  return parsed as Record<string, unknown>;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const type = contentType(req);
  if (type === "application/json") {
    const body = await readJson(req);
    const form = new URLSearchParams();
    for (const [name, value] of Object.entries(body)) if (typeof value === "string") form.set(name, value);
    return form;
  }
  if (type !== "application/x-www-form-urlencoded" && type !== "") throw new HttpError(415, "Send a form.");
  return new URLSearchParams(await readBody(req));
}

/** What the person reads when the exchange fails; ConnectError messages carry only OAuth error fields. */
function describeConnectError(error: unknown, relayUrl: string): { status: number; message: string } {
  if (!(error instanceof ConnectError)) {
    if (error instanceof TypeError || error instanceof RangeError) return { status: 400, message: `The answer from 1Relay is malformed: ${error.message}.` };
    return { status: 500, message: "The connection failed unexpectedly." };
  }
  const messages: Record<string, string> = {
    access_denied: "You declined the connection.",
    invalid_grant: "The authorization code expired or was already used. Try connecting again.",
    invalid_client: "1Relay does not accept this app's Client ID or client secret. Check the app settings.",
    unauthorized_client: "1Relay does not accept this app's Client ID or client secret. Check the app settings.",
    state_mismatch: "The answer from 1Relay does not match this connection attempt. Try again.",
    iss_mismatch: `The code was issued by another server than ${relayUrl} (iss). Set ONERELAY_URL to the URL 1Relay uses for itself.`,
    network_error: `Could not reach 1Relay at ${relayUrl}.`,
    seal_failed: "The token 1Relay sent could not be opened with this connection attempt's key.",
    invalid_response: "1Relay's answer could not be read.",
  };
  const status = ["network_error", "invalid_response", "seal_failed"].includes(error.code) ? 502 : 400;
  return { status, message: messages[error.code] ?? `1Relay refused the connection (${error.code}).` };
}

/** The gateway's error message, OpenAI style ({ error: { message } }) or 1Relay's own ({ error: { code, message } }). */
function gatewayErrorMessage(body: unknown, status: number): { message: string; code?: string } {
  const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const error = record.error;
  if (typeof error === "object" && error !== null) {
    const { message, code } = error as Record<string, unknown>;
    if (typeof message === "string" && message !== "") return { message: message.slice(0, 1000), ...(typeof code === "string" ? { code } : {}) };
  }
  if (typeof error === "string" && error !== "") return { message: error.slice(0, 1000) };
  return { message: `1Relay answered ${status} without an error message.` };
}

/** choices[0].message.content, as a string (content parts are joined). */
function answerText(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const choices = (body as Record<string, unknown>).choices;
  if (!Array.isArray(choices) || choices.length === 0) return undefined;
  const message = (choices[0] as Record<string, unknown> | null)?.message;
  if (typeof message !== "object" || message === null) return undefined;
  const { content, refusal } = message as Record<string, unknown>;
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content.map((part) => (typeof part === "object" && part !== null && typeof (part as Record<string, unknown>).text === "string" ? (part as { text: string }).text : "")).join("");
  }
  if (typeof refusal === "string") return refusal;
  if (content === null) return "";
  return undefined;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/**
 * Starts the demo app on http://localhost:<port> (listening on 127.0.0.1 and,
 * when available, ::1: loopback only). Resolves once it accepts requests.
 */
export async function startDemoApp(options: DemoAppOptions = {}): Promise<DemoApp> {
  const requestedPort = options.port ?? DEFAULT_PORT;
  if (!Number.isInteger(requestedPort) || requestedPort < 0 || requestedPort > 65535) throw new RangeError("port must be a whole number from 0 to 65535");
  const relayUrl = normalizeRelayUrl(options.onerelayUrl ?? DEFAULT_ONERELAY_URL);
  const fetchImpl = options.fetchImpl ?? globalThis.fetch;
  const log = options.log ?? ((line: string) => console.log(line));
  if (options.clientId !== undefined && !CLIENT_ID_SYNTAX.test(options.clientId)) throw new RangeError("DEMO_CLIENT_ID must be 1–64 characters of A-Z a-z 0-9 _ -");
  if (options.clientSecret !== undefined && !CLIENT_SECRET_SYNTAX.test(options.clientSecret)) throw new RangeError("DEMO_CLIENT_SECRET must be 1–256 printable characters");
  const settings: Settings = { clientId: options.clientId, clientSecret: options.clientSecret, editable: options.clientId === undefined };
  const sessions = new Map<string, Session>();

  // Set once listening (the port may be chosen by the system).
  let origin = "";
  let redirectUri = "";
  let expectedHost = "";

  function sweepSessions(now: number): void {
    for (const [id, session] of sessions) if (now - session.lastSeen > SESSION_IDLE_MS) sessions.delete(id);
    // Over the cap: drop the earliest created (a Map keeps insertion order).
    while (sessions.size >= MAX_SESSIONS) {
      const oldest = sessions.keys().next();
      if (oldest.done) break;
      sessions.delete(oldest.value);
    }
  }

  function getSession(req: IncomingMessage): Session | undefined {
    const id = readCookie(req, COOKIE_NAME);
    const session = id === undefined ? undefined : sessions.get(id);
    if (session) session.lastSeen = Date.now();
    return session;
  }

  function ensureSession(req: IncomingMessage, res: ServerResponse): Session {
    const existing = getSession(req);
    if (existing) return existing;
    const now = Date.now();
    sweepSessions(now);
    const id = randomBytes(32).toString("base64url");
    const session: Session = { lastSeen: now };
    sessions.set(id, session);
    res.appendHeader("set-cookie", `${COOKIE_NAME}=${id}; Path=/; HttpOnly; SameSite=Lax`);
    return session;
  }

  function baseHeaders(res: ServerResponse): void {
    res.setHeader("cache-control", "no-store");
    res.setHeader("x-content-type-options", "nosniff");
    // same-origin: our own form posts carry a real Origin (no-referrer would send "null"), and no URL leaks to other sites.
    res.setHeader("referrer-policy", "same-origin");
    res.setHeader("x-frame-options", "DENY");
  }

  function sendJson(res: ServerResponse, status: number, body: unknown): void {
    res.statusCode = status;
    res.setHeader("content-type", "application/json; charset=utf-8");
    res.end(JSON.stringify(body));
  }

  function redirect(res: ServerResponse, location: string, status = 302): void {
    res.statusCode = status;
    res.setHeader("location", location);
    res.end();
  }

  function sendText(res: ServerResponse, status: number, text: string): void {
    res.statusCode = status;
    res.setHeader("content-type", "text/plain; charset=utf-8");
    res.end(text);
  }

  function home(req: IncomingMessage, res: ServerResponse): void {
    const session = ensureSession(req, res);
    const flash = session.flash;
    delete session.flash;
    const nonce = randomBytes(16).toString("base64");
    res.setHeader(
      "content-security-policy",
      [
        "default-src 'none'",
        `script-src 'nonce-${nonce}'`,
        `style-src 'nonce-${nonce}'`,
        "connect-src 'self'",
        "img-src 'self' data:",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
      ].join("; "),
    );
    // The consent popup (on 1Relay's origin) must keep its opener to post the code back.
    res.setHeader("cross-origin-opener-policy", "same-origin-allow-popups");
    res.statusCode = 200;
    res.setHeader("content-type", "text/html; charset=utf-8");
    const connection = session.connection;
    res.end(
      renderHome({
        appName: APP_NAME,
        nonce,
        relayUrl,
        redirectUri,
        defaultModel: DEFAULT_MODEL,
        settings: { clientId: settings.clientId, hasSecret: settings.clientSecret !== undefined, editable: settings.editable },
        connection: connection ? { scope: connection.scope, limits: connection.limits, connectionId: connection.connectionId } : undefined,
        lost: session.lost,
        flash,
      }),
    );
  }

  /** Starts an authorization and keeps its secrets in the session (a new one replaces the last). */
  function begin(session: Session, display: "popup" | "page") {
    if (settings.clientId === undefined) throw new HttpError(409, "Set this app's Client ID first (App settings).");
    if (session.connection) throw new HttpError(409, "Already connected: disconnect first.");
    const started = startAuthorization({ baseUrl: relayUrl, clientId: settings.clientId, redirectUri, scope: SCOPE, suggested: SUGGESTED_LIMITS, display });
    session.pending = { authorization: started.pending, clientSecret: settings.clientSecret };
    return started;
  }

  /** Exchanges a returned code; the pending authorization is used up only when the state matches it. */
  async function finish(session: Session | undefined, input: { code: unknown; state: unknown; iss: unknown }): Promise<Connection> {
    const pending = session?.pending;
    if (!session || !pending) throw new HttpError(400, "No connection attempt is waiting here (it may have expired). Try connecting again.");
    if (typeof input.state !== "string" || !sameText(input.state, pending.authorization.state)) {
      throw new HttpError(400, "The answer from 1Relay does not match this connection attempt. Try again.");
    }
    if (typeof input.code !== "string" || input.code === "" || input.code.length > 512) throw new HttpError(400, "The authorization code is missing.");
    if (input.iss !== undefined && input.iss !== null && typeof input.iss !== "string") throw new HttpError(400, "iss must be a string.");
    delete session.pending; // a code is good for one exchange
    const { authorization, clientSecret } = pending;
    try {
      const result = await exchangeCode({
        baseUrl: relayUrl,
        pending: authorization,
        code: input.code,
        state: input.state,
        iss: typeof input.iss === "string" ? input.iss : undefined,
        clientSecret,
        fetchImpl,
      });
      const connection: Connection = {
        token: result.token,
        connectionId: result.connectionId,
        clientId: authorization.clientId,
        clientSecret,
        scope: result.scope,
        limits: result.limits,
      };
      session.connection = connection;
      session.flash = { kind: "notice", message: "Acme Notes can now use your 1Relay." };
      delete session.lost;
      log(`[demo-app] connected (connection ${result.connectionId}, scope "${result.scope}")`);
      return connection;
    } catch (error) {
      const { status, message } = describeConnectError(error, relayUrl);
      log(`[demo-app] exchange failed: ${error instanceof ConnectError ? error.code : error instanceof Error ? error.name : "error"}`);
      throw new HttpError(status, message);
    }
  }

  async function callback(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const session = getSession(req);
    const query = url.searchParams;
    const error = query.get("error");
    if (error !== null) {
      // Only an answer to our own attempt may end it.
      const state = query.get("state");
      if (session?.pending && state !== null && sameText(state, session.pending.authorization.state)) delete session.pending;
      const flashSession = session ?? ensureSession(req, res);
      flashSession.flash = {
        kind: "error",
        message: error === "access_denied" ? "You declined the connection." : `1Relay could not complete the connection (${/^[a-z_]{1,64}$/.test(error) ? error : "error"}).`,
      };
      redirect(res, "/");
      return;
    }
    try {
      await finish(session, { code: query.get("code"), state: query.get("state"), iss: query.get("iss") ?? undefined });
    } catch (caught) {
      const flashSession = session ?? ensureSession(req, res);
      flashSession.flash = { kind: "error", message: caught instanceof HttpError ? caught.message : "The connection failed unexpectedly." };
    }
    redirect(res, "/");
  }

  async function ask(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJson(req);
    const connection = getSession(req)?.connection;
    if (!connection) throw new HttpError(401, "Not connected to 1Relay: connect first.");
    const model = typeof body.model === "string" ? body.model.trim() : "";
    const prompt = typeof body.prompt === "string" ? body.prompt : "";
    if (!MODEL_SYNTAX.test(model)) throw new HttpError(400, "Enter a model name, such as gpt-4o-mini.");
    if (prompt.trim() === "") throw new HttpError(400, "Enter a prompt.");
    if (prompt.length > MAX_PROMPT_LENGTH) throw new HttpError(400, `The prompt must be at most ${MAX_PROMPT_LENGTH} characters.`);
    let response: Response;
    try {
      response = await fetchImpl(`${relayUrl}/v1/chat/completions`, {
        method: "POST",
        headers: { authorization: `Bearer ${connection.token}`, "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ model, messages: [{ role: "user", content: prompt }], stream: false }),
        redirect: "manual",
        signal: AbortSignal.timeout(GATEWAY_TIMEOUT_MS),
      });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      log(`[demo-app] gateway call failed: ${timedOut ? "timeout" : "network error"}`);
      sendJson(res, timedOut ? 504 : 502, { error: timedOut ? "1Relay did not answer in time." : `Could not reach 1Relay at ${relayUrl}.` });
      return;
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text === "" ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (response.status < 200 || response.status >= 300) {
      const { message, code } = gatewayErrorMessage(parsed, response.status);
      const status = response.status >= 400 && response.status <= 599 ? response.status : 502;
      log(`[demo-app] gateway answered ${response.status}${code ? ` ${code}` : ""}`);
      if (response.status === 401) {
        // The token no longer works (the person revoked it, or it expired): forget it and say so.
        const session = getSession(req);
        if (session) {
          delete session.connection;
          session.lost = { reason: message };
        }
        log(`[demo-app] disconnected by 1Relay (connection ${connection.connectionId})`);
        sendJson(res, 401, { error: message, status: 401, disconnected: true, ...(code ? { code } : {}) });
        return;
      }
      sendJson(res, status, { error: message, status: response.status, ...(code ? { code } : {}) });
      return;
    }
    const answer = answerText(parsed);
    if (answer === undefined) {
      sendJson(res, 502, { error: "1Relay's answer has no message (choices[0].message.content)." });
      return;
    }
    sendJson(res, 200, { answer, model: typeof (parsed as Record<string, unknown>).model === "string" ? (parsed as { model: string }).model : model });
  }

  async function disconnect(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const wantsJson = contentType(req) === "application/json" || (req.headers.accept ?? "").includes("application/json");
    await readBody(req); // nothing to read
    const session = getSession(req);
    const connection = session?.connection;
    let result: { ok: boolean; message: string } = { ok: true, message: "Not connected." };
    if (session) delete session.lost;
    if (session && connection) {
      delete session.connection; // forgotten here whatever 1Relay answers
      try {
        await revokeToken({ baseUrl: relayUrl, clientId: connection.clientId, token: connection.token, clientSecret: connection.clientSecret, fetchImpl });
        result = { ok: true, message: "Disconnected. The relay token was revoked." };
        log(`[demo-app] disconnected (connection ${connection.connectionId} revoked)`);
      } catch (error) {
        const code = error instanceof ConnectError ? error.code : "error";
        result = {
          ok: false,
          message: `Disconnected here, but 1Relay did not confirm the revocation (${code}). Revoke the connection in 1Relay's dashboard.`,
        };
        log(`[demo-app] revocation failed: ${code}`);
      }
    }
    if (wantsJson) {
      sendJson(res, result.ok ? 200 : 502, result.ok ? { ok: true } : { ok: false, error: result.message });
      return;
    }
    if (session) session.flash = { kind: result.ok ? "notice" : "error", message: result.message };
    redirect(res, "/", 303);
  }

  async function saveConfig(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = await readForm(req);
    const session = ensureSession(req, res);
    if (!settings.editable) throw new HttpError(403, "The Client ID is set from the environment (DEMO_CLIENT_ID).");
    const clientId = (form.get("client_id") ?? "").trim();
    const clientSecret = (form.get("client_secret") ?? "").trim();
    if (!CLIENT_ID_SYNTAX.test(clientId)) {
      session.flash = { kind: "error", message: "Enter the Client ID 1Relay showed when you registered the app (app_…)." };
    } else if (clientSecret !== "" && !CLIENT_SECRET_SYNTAX.test(clientSecret)) {
      session.flash = { kind: "error", message: "The client secret must be 1–256 printable characters without spaces." };
    } else {
      settings.clientId = clientId;
      settings.clientSecret = clientSecret === "" ? undefined : clientSecret;
      session.flash = { kind: "notice", message: "Saved the app settings." };
      log(`[demo-app] client id set to ${clientId}${settings.clientSecret ? " (with a secret)" : ""}`);
    }
    redirect(res, "/", 303);
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? "GET";
    const url = new URL(req.url ?? "/", origin);
    const path = url.pathname;
    if ((method === "GET" || method === "HEAD") && path === "/healthz") return sendText(res, 200, "ok\n");

    // One origin only: the redirect URI's. Cookies and the popup's postMessage are bound to it.
    if (req.headers.host !== expectedHost) {
      if (method === "GET" || method === "HEAD") return redirect(res, `${origin}${url.pathname}${url.search}`);
      throw new HttpError(421, `Use ${origin}.`);
    }
    if (method === "POST") {
      const from = req.headers.origin;
      if (from !== undefined && from !== origin) throw new HttpError(403, "Cross-origin requests are not accepted.");
    }

    if ((method === "GET" || method === "HEAD") && path === "/") return home(req, res);
    if (method === "GET" && path === "/start") {
      if (url.searchParams.get("mode") !== "redirect") throw new HttpError(400, "GET /start?mode=redirect, or POST /start for the popup.");
      const session = ensureSession(req, res);
      try {
        return redirect(res, begin(session, "page").url);
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        session.flash = { kind: "error", message: error.message };
        return redirect(res, "/");
      }
    }
    if (method === "POST" && path === "/start") {
      const body = await readJson(req);
      if (body.mode !== "popup") throw new HttpError(400, 'POST /start takes { "mode": "popup" }; the redirect flow is GET /start?mode=redirect.');
      const started = begin(ensureSession(req, res), "popup");
      return sendJson(res, 200, {
        baseUrl: relayUrl,
        clientId: started.pending.clientId,
        redirectUri,
        scope: SCOPE,
        key: started.params.key,
        codeChallenge: started.params.codeChallenge,
        state: started.params.state,
        budgetUsd: SUGGESTED_LIMITS.budgetUsd,
        rpm: SUGGESTED_LIMITS.rpm,
      });
    }
    if (method === "GET" && path === "/callback") return callback(req, res, url);
    if (method === "POST" && path === "/exchange") {
      const body = await readJson(req);
      const connection = await finish(getSession(req), { code: body.code, state: body.state, iss: body.iss });
      return sendJson(res, 200, { ok: true, scope: connection.scope, limits: connection.limits });
    }
    if (method === "POST" && path === "/ask") return ask(req, res);
    if (method === "POST" && path === "/disconnect") return disconnect(req, res);
    if (method === "POST" && path === "/config") return saveConfig(req, res);
    throw new HttpError(404, "Not found.");
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    baseHeaders(res);
    try {
      await route(req, res);
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof HttpError) {
        sendJson(res, error.status, { error: error.message });
        return;
      }
      log(`[demo-app] ${req.method ?? "?"} ${(req.url ?? "").split("?")[0]} failed: ${error instanceof Error ? error.name : "error"}`);
      sendJson(res, 500, { error: "Something went wrong in the demo app." });
    }
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => void handle(req, res);
  const servers: Server[] = [createServer(listener)];
  const port = await listen(servers[0]!, requestedPort, "127.0.0.1");
  // localhost may resolve to ::1 first: listen there too when the system has IPv6.
  const v6 = createServer(listener);
  try {
    await listen(v6, port, "::1");
    servers.push(v6);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EADDRNOTAVAIL" && code !== "EAFNOSUPPORT") log(`[demo-app] not listening on [::1]:${port} (${code ?? "error"})`);
  }
  origin = `http://localhost:${port}`;
  expectedHost = `localhost:${port}`;
  redirectUri = `${origin}/callback`;

  return {
    url: `${origin}/`,
    redirectUri,
    port,
    close: async () => {
      await Promise.all(servers.map(closeServer));
      sessions.clear();
    },
  };
}
