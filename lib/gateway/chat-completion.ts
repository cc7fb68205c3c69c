// POST /v1/chat/completions: auth → scope → decrypt the granted key → forward → translate
// (streaming or not) → meter. Budgets and rate limits arrive with the limits issue.
import { z } from "zod";
import { parseChatRequest } from "../chat-api/chat-request";
import { GatewayRequestError } from "../chat-api/gateway-request-error";
import { buildGrantAad } from "../crypto/aad";
import { wipeBytes } from "../crypto/bytes";
import { decodeUtf8 } from "../crypto/encoding";
import { openEnvelope } from "../crypto/envelope";
import type { Db } from "../db/client";
import { recordKeyCheck } from "../db/connection-queries";
import { readJson } from "../http/read-json";
import { getProviderAdapter } from "../providers/adapters";
import { resolveModel } from "../providers/routing";
import { createSseParser } from "../providers/sse";
import type { ProviderId, Usage } from "../providers/types";
import type { ServerSecret } from "../connections/server-wrap";
import { GatewayError, gatewayErrorResponse } from "./gateway-error";
import { newRequestId, openRequestConnection, type OpenedConnection } from "./open-connection";
import { writeUsageRecord } from "./usage-record";

/** Request bodies above this are refused with 413 (images travel inline as data: URLs). */
export const GATEWAY_BODY_LIMIT_BYTES = 8 * 1024 * 1024;

export interface GatewayDeps {
  db: Db;
  sk: ServerSecret;
  baseUrls: Record<ProviderId, string>;
  upstreamTimeoutMs: number;
  priceUsage: (input: { provider: ProviderId; model: string; usage: Usage | null }) => number;
  waitUntil: (promise: Promise<unknown>) => void;
  fetchUpstream?: typeof fetch;
}

export async function handleChatCompletion({ request, deps }: { request: Request; deps: GatewayDeps }): Promise<Response> {
  const started = Date.now();
  const requestId = newRequestId();
  let connection: OpenedConnection | null = null;
  let provider: ProviderId | null = null;
  let model = "";
  const record = (status: number, errorCode: string | null, usage: Usage | null, streamed: boolean) => {
    if (!connection) return;
    const c = connection;
    deps.waitUntil(
      writeUsageRecord({
        db: deps.db,
        record: {
          userId: c.userId,
          connectionId: c.connectionId,
          provider: provider ?? "unknown",
          model: model || "unknown",
          status,
          errorCode,
          usage,
          costMicroUsd: provider ? deps.priceUsage({ provider, model, usage }) : 0,
          latencyMs: Date.now() - started,
          streamed,
          at: Date.now(),
        },
      }).catch(() => {}),
    );
  };

  try {
    connection = await openRequestConnection({ request, db: deps.db, sk: deps.sk });
    const { ck, policy, grants, connectionId } = connection;
    let upstream;
    let stream = false;
    let includeUsage = false;
    let clientModel = "";
    try {
      const raw = await readJson({ request, schema: z.unknown(), limitBytes: GATEWAY_BODY_LIMIT_BYTES });
      const parsed = parseChatRequest(raw);
      if (!parsed.ok) throw new GatewayRequestError({ param: parsed.param, message: parsed.message, code: parsed.code });
      const chat = parsed.request;
      // Priority processing is billed at other rates than the pricing table knows: refuse it
      // rather than under-count (flex is cheaper, so counting it at standard rates over-counts).
      if (chat.service_tier === "priority" || chat.service_tier === "scale") {
        throw new GatewayRequestError({ param: "service_tier", code: "unsupported_value", message: `service_tier "${chat.service_tier}" is not supported by 1Relay yet: its price is not in the pricing table. Use "auto", "default" or "flex".` });
      }
      clientModel = chat.model;
      const resolved = resolveModel(chat.model);
      if (!resolved) {
        throw new GatewayError({ status: 404, type: "invalid_request_error", code: "model_not_found", param: "model", message: `The model \`${chat.model}\` does not exist or is not served by any provider 1Relay knows.` });
      }
      provider = resolved.provider;
      model = resolved.upstreamModel;
      if (!policy.providers.includes(provider)) {
        throw new GatewayError({ status: 403, type: "invalid_request_error", code: "provider_not_allowed", param: "model", message: `This token may not use ${provider}.` });
      }
      if (policy.models.length > 0 && !policy.models.includes(model)) {
        throw new GatewayError({ status: 403, type: "invalid_request_error", code: "model_not_allowed", param: "model", message: `This token may not use the model \`${model}\`.` });
      }
      const grant = grants.find((g) => g.provider === provider);
      if (!grant) throw new GatewayError({ status: 403, type: "invalid_request_error", code: "provider_not_allowed", param: "model", message: `This token holds no ${provider} key.` });
      const keyBytes = openEnvelope({ key: ck, envelope: grant.sealed_key, aad: buildGrantAad({ connectionId, provider, itemId: grant.item_id, itemVersion: grant.item_key_version }) });
      const apiKey = decodeUtf8(keyBytes);
      wipeBytes(keyBytes);
      upstream = getProviderAdapter(provider).buildRequest({ request: chat, upstreamModel: model, apiKey, baseUrl: deps.baseUrls[provider] });
      stream = chat.stream === true;
      includeUsage = chat.stream_options?.include_usage === true;
      // What the provider says about the key is shown in the vault (never the key itself).
      const userId = connection.userId;
      const onKeyVerdict = (status: "ok" | "rejected") =>
        deps.waitUntil(recordKeyCheck({ db: deps.db, userId, itemId: grant.item_id, keyVersion: grant.item_key_version, status, now: Date.now() }).catch(() => {}));
      return await forward({ request, deps, upstream, provider, clientModel, stream, includeUsage, requestId, secrets: [apiKey], record, onKeyVerdict });
    } finally {
      wipeBytes(ck);
    }
  } catch (error) {
    const response = gatewayErrorResponse({ error, requestId });
    record(response.status, error instanceof GatewayError ? error.openaiCode : null, null, false);
    return response;
  }
}

async function forward({
  request,
  deps,
  upstream,
  provider,
  clientModel,
  stream,
  includeUsage,
  requestId,
  secrets,
  record,
  onKeyVerdict,
}: {
  request: Request;
  deps: GatewayDeps;
  upstream: { url: string; headers: Record<string, string>; body: string };
  provider: ProviderId;
  clientModel: string;
  stream: boolean;
  includeUsage: boolean;
  requestId: string;
  secrets: string[];
  record: (status: number, errorCode: string | null, usage: Usage | null, streamed: boolean) => void;
  onKeyVerdict: (status: "ok" | "rejected") => void;
}): Promise<Response> {
  const adapter = getProviderAdapter(provider);
  const signal = AbortSignal.any([request.signal, AbortSignal.timeout(deps.upstreamTimeoutMs)]);
  let response: Response;
  try {
    response = await (deps.fetchUpstream ?? fetch)(upstream.url, { method: "POST", headers: upstream.headers, body: upstream.body, redirect: "manual", signal });
  } catch {
    const timedOut = !request.signal.aborted;
    throw new GatewayError({ status: timedOut ? 504 : 499, type: "server_error", code: timedOut ? "upstream_timeout" : "client_closed", message: timedOut ? `${provider} did not answer in time.` : "The client closed the request." });
  }
  const headers = { "x-1relay-request-id": requestId, "cache-control": "no-store" };
  if (response.status >= 300 && response.status < 400) {
    // Upstream fetches never follow redirects (a provider URL comes from configuration only).
    await response.body?.cancel();
    throw new GatewayError({ status: 502, type: "server_error", code: "upstream_redirect", message: `${provider} answered with a redirect, which 1Relay does not follow.` });
  }
  if (!response.ok) {
    const error = adapter.parseError({ status: response.status, bodyText: await response.text().catch(() => ""), secrets });
    const out = new Response(JSON.stringify({ error: { message: error.message, type: error.type, param: error.param, code: error.code } }), {
      status: error.status,
      headers: { ...headers, "content-type": "application/json", ...(response.headers.get("retry-after") ? { "retry-after": response.headers.get("retry-after")! } : {}) },
    });
    record(error.status, error.code, null, stream);
    if (error.code === "provider_key_invalid") onKeyVerdict("rejected");
    return out;
  }
  onKeyVerdict("ok");
  const id = `chatcmpl-${requestId.slice(4)}`;
  const created = Math.floor(Date.now() / 1000);
  if (!stream) {
    const { completion, usage } = adapter.parseResponse({ body: await response.json(), model: clientModel, id, created });
    record(200, null, usage, false);
    return new Response(JSON.stringify(completion), { status: 200, headers: { ...headers, "content-type": "application/json" } });
  }
  const translator = adapter.createStreamTranslator({ model: clientModel, id, created, includeUsage });
  const parser = createSseParser();
  const encoder = new TextEncoder();
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const writer = writable.getWriter();
  const reader = response.body!.getReader();
  const pump = async () => {
    let clientGone = false;
    const send = async (frames: string[]) => {
      for (const frame of frames) await writer.write(encoder.encode(frame));
    };
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        for (const event of parser.push(value)) await send(translator.push(event));
      }
      for (const event of parser.end()) await send(translator.push(event));
    } catch {
      clientGone = request.signal.aborted;
      await reader.cancel().catch(() => {});
    }
    try {
      await send(translator.end());
      await writer.close();
    } catch {
      clientGone = true;
    }
    const error = translator.error();
    record(clientGone ? 499 : 200, clientGone ? "client_closed" : error ? "upstream_stream_error" : null, translator.usage(), true);
  };
  deps.waitUntil(pump());
  return new Response(readable, { status: 200, headers: { ...headers, "content-type": "text/event-stream; charset=utf-8", "x-accel-buffering": "no" } });
}
