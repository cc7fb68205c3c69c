// node:http plumbing shared by the three fakes: start/close, recording, the /__fake control
// endpoints, JSON responses and the "leaky" upstream headers a gateway must not pass back.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { BEHAVIOUR_HEADER, createScript, resolveBehaviour, toBehaviour, type Script } from "./behaviour";
import type { Behaviour, FakeServer, FakeServerOptions, ProviderName, ReceivedRequest } from "./types";

export interface FakeContext {
  req: IncomingMessage;
  res: ServerResponse;
  record: ReceivedRequest;
  options: FakeServerOptions;
  /** Decide (once) how to answer; call it after auth and validation passed. */
  behaviour(model: string | undefined): Behaviour;
}

export type FakeHandler = (ctx: FakeContext) => Promise<void>;

/** Headers every response carries so tests can check the gateway strips them. */
export function leakyHeaders(provider: ProviderName): Record<string, string> {
  const common: Record<string, string> = {
    "set-cookie": `__cf_bm=fake-${provider}-cookie; path=/; HttpOnly; Secure; SameSite=None`,
    "x-ratelimit-limit-requests": "10000",
    "x-ratelimit-remaining-requests": "9999",
    "x-ratelimit-reset-requests": "6ms",
    "x-ratelimit-limit-tokens": "30000000",
    "x-ratelimit-remaining-tokens": "29999990",
    "x-ratelimit-reset-tokens": "0s",
  };
  if (provider === "openai") {
    return { ...common, "openai-organization": "fake-org", "openai-processing-ms": "12", "openai-version": "2020-10-01", "x-request-id": "req_fake" };
  }
  if (provider === "anthropic") {
    return {
      ...common,
      "request-id": "req_fake",
      "anthropic-organization-id": "00000000-0000-0000-0000-000000000000",
      "anthropic-ratelimit-requests-limit": "4000",
      "anthropic-ratelimit-requests-remaining": "3999",
      "anthropic-ratelimit-requests-reset": "2025-01-01T00:00:00Z",
    };
  }
  return common;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** JSON response; with behaviour.dropAfterChunks the socket dies halfway through the body. */
export async function sendJson(ctx: FakeContext, status: number, body: unknown, headers: Record<string, string> = {}): Promise<void> {
  const { res, record } = ctx;
  const text = JSON.stringify(body, null, 2);
  const b = record.behaviour;
  if (b?.delayMs && status < 400) await sleep(b.delayMs);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  if (b?.dropAfterChunks !== undefined && status < 400) {
    record.outcome = "dropped";
    res.write(text.slice(0, Math.floor(text.length / 2)));
    setTimeout(() => res.socket?.destroy(), 20);
    return;
  }
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

async function handleControl(req: IncomingMessage, res: ServerResponse, path: string, script: Script, received: ReceivedRequest[]) {
  const reply = (status: number, body?: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(body === undefined ? "" : JSON.stringify(body));
  };
  if (req.method === "GET" && path === "/__fake/health") return reply(200, { ok: true });
  if (req.method === "GET" && path === "/__fake/received") return reply(200, received);
  if (req.method === "POST" && path === "/__fake/reset") {
    script.clear();
    received.length = 0;
    return reply(204);
  }
  if (req.method === "POST" && path === "/__fake/script") {
    const json = parseJson(await readBody(req)) as { behaviour?: unknown; times?: unknown } | undefined;
    const behaviour = toBehaviour(json?.behaviour);
    if (!behaviour) return reply(400, { error: "body must be {\"behaviour\": object | preset name, \"times\"?: number}" });
    script.push(behaviour, { times: typeof json?.times === "number" ? json.times : undefined });
    return reply(204);
  }
  return reply(404, { error: `unknown control endpoint ${req.method} ${path}` });
}

export async function startFakeServer(
  provider: ProviderName,
  options: FakeServerOptions,
  apiKeyOf: (req: IncomingMessage, query: Record<string, string>) => string | undefined,
  handler: FakeHandler,
): Promise<FakeServer> {
  const received: ReceivedRequest[] = [];
  const script = createScript();
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://fake");
      const path = decodeURIComponent(url.pathname);
      if (path.startsWith("/__fake/")) return handleControl(req, res, path, script, received);
      const query = Object.fromEntries(url.searchParams);
      const bodyText = await readBody(req);
      const record: ReceivedRequest = {
        provider,
        method: req.method ?? "GET",
        path,
        query,
        headers: req.headers,
        rawHeaders: req.rawHeaders,
        bodyText,
        json: parseJson(bodyText),
        apiKey: apiKeyOf(req, query),
        behaviour: undefined,
        outcome: "pending",
        receivedAt: Date.now(),
      };
      received.push(record);
      res.socket?.setNoDelay(true);
      res.on("finish", () => {
        if (record.outcome === "pending") record.outcome = "completed";
      });
      res.on("close", () => {
        if (record.outcome === "pending") record.outcome = "client-closed";
      });
      for (const [name, value] of Object.entries(leakyHeaders(provider))) res.setHeader(name, value);
      const behaviour = (model: string | undefined): Behaviour => {
        record.behaviour ??= resolveBehaviour({ model, header: req.headers[BEHAVIOUR_HEADER], script });
        return record.behaviour;
      };
      await handler({ req, res, record, options, behaviour });
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(`fake ${provider} crashed: ${String(error)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    provider,
    url: `http://127.0.0.1:${port}`,
    port,
    received,
    script: (behaviour, scriptOptions) => {
      const b = toBehaviour(behaviour);
      if (!b) throw new TypeError(`unknown fake behaviour ${JSON.stringify(behaviour)}`);
      script.push(b, scriptOptions);
    },
    reset: () => {
      script.clear();
      received.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
