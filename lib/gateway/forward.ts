// Sends the translated request to the provider and answers the client, streaming or not;
// every way out settles the request exactly once (real usage, or the rule in settlement.ts).
import type { BeginResult } from "../account/ledger-types";
import { formatMicroUsd } from "../limits/admission";
import type { RequestOutcome } from "../limits/settlement";
import { getProviderAdapter } from "../providers/adapters";
import { createSseParser } from "../providers/sse";
import type { ProviderId, UpstreamRequest } from "../providers/types";
import type { GatewayDeps } from "./chat-completion";
import { deliveredBytesOf } from "./delivered-bytes";
import { costHeaders, rateHeaders } from "./limit-headers";
import type { PhaseTimer } from "./server-timing";

/** Settles the request (once): returns its cost at once; `done` resolves when the account object has it. */
export type Settle = (input: { status: number; errorCode: string | null; outcome: RequestOutcome }) => { costMicroUsd: number; budgetRemainingMicroUsd: number | null | undefined; done: Promise<void> };

const json = (status: number, body: unknown, headers: Record<string, string>) =>
  new Response(JSON.stringify(body), { status, headers: { ...headers, "content-type": "application/json" } });

const errorBody = (message: string, type: string, code: string | null) => ({ error: { message, type, param: null, code } });

export async function forwardToProvider({
  request,
  deps,
  upstream,
  provider,
  clientModel,
  stream,
  includeUsage,
  requestId,
  secrets,
  begun,
  settle,
  onKeyVerdict,
  timer,
}: {
  request: Request;
  deps: GatewayDeps;
  upstream: UpstreamRequest;
  provider: ProviderId;
  clientModel: string;
  stream: boolean;
  includeUsage: boolean;
  requestId: string;
  secrets: string[];
  begun: Extract<BeginResult, { ok: true }>;
  settle: Settle;
  onKeyVerdict: (status: "ok" | "rejected") => void;
  /** Phase durations so far; sent as Server-Timing. */
  timer: PhaseTimer;
}): Promise<Response> {
  const adapter = getProviderAdapter(provider);
  const base = { "x-1relay-request-id": requestId, "cache-control": "no-store", ...rateHeaders(begun.rate) };
  const finish = (status: number, errorCode: string | null, outcome: RequestOutcome) => ({ ...base, ...costHeaders(settle({ status, errorCode, outcome })), "server-timing": timer.header() });

  const signal = AbortSignal.any([request.signal, AbortSignal.timeout(deps.upstreamTimeoutMs)]);
  let response: Response;
  try {
    response = await timer.time("upstream", () => (deps.fetchUpstream ?? fetch)(upstream.url, { method: "POST", headers: upstream.headers, body: upstream.body, redirect: "manual", signal }));
  } catch (error) {
    if (request.signal.aborted) {
      const headers = finish(499, "client_closed", { kind: "interrupted", partial: null, deliveredBytes: 0 });
      return json(499, errorBody("The client closed the request.", "server_error", "client_closed"), headers);
    }
    if ((error as Error | null)?.name === "TimeoutError") {
      const headers = finish(504, "upstream_timeout", { kind: "interrupted", partial: null, deliveredBytes: 0 });
      return json(504, errorBody(`${provider} did not answer in time.`, "server_error", "upstream_timeout"), headers);
    }
    const headers = finish(502, "upstream_unreachable", { kind: "not_sent" });
    return json(502, errorBody(`${provider} could not be reached.`, "server_error", "upstream_unreachable"), headers);
  }
  if (response.status >= 300 && response.status < 400) {
    // Upstream fetches never follow redirects (a provider URL comes from configuration only).
    await response.body?.cancel();
    const headers = finish(502, "upstream_redirect", { kind: "provider_error" });
    return json(502, errorBody(`${provider} answered with a redirect, which 1Relay does not follow.`, "server_error", "upstream_redirect"), headers);
  }
  if (!response.ok) {
    const error = adapter.parseError({ status: response.status, bodyText: await response.text().catch(() => ""), secrets });
    if (error.code === "provider_key_invalid") onKeyVerdict("rejected");
    const retryAfter = response.headers.get("retry-after");
    const headers = finish(error.status, error.code, { kind: "provider_error" });
    return json(error.status, { error: { message: error.message, type: error.type, param: error.param, code: error.code } }, { ...headers, ...(retryAfter ? { "retry-after": retryAfter } : {}) });
  }
  onKeyVerdict("ok");
  const id = `chatcmpl-${requestId.slice(4)}`;
  const created = Math.floor(Date.now() / 1000);
  if (!stream) {
    let completion;
    let usage;
    try {
      const body: unknown = await timer.time("upstream-body", () => response.json());
      ({ completion, usage } = adapter.parseResponse({ body, model: clientModel, id, created }));
    } catch {
      const headers = finish(502, "upstream_protocol_error", { kind: "interrupted", partial: null, deliveredBytes: 0 });
      return json(502, errorBody(`${provider} sent an answer 1Relay could not read.`, "server_error", "upstream_protocol_error"), headers);
    }
    const delivered = completion.choices.reduce((n, c) => n + deliveredBytesOf(`data: ${JSON.stringify({ choices: [{ delta: c.message }] })}`), 0);
    const headers = finish(200, null, { kind: "complete", usage, deliveredBytes: delivered });
    return json(200, completion, headers);
  }

  const translator = adapter.createStreamTranslator({ model: clientModel, id, created, includeUsage });
  const parser = createSseParser();
  const encoder = new TextEncoder();
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const writer = writable.getWriter();
  const reader = response.body!.getReader();
  let delivered = 0;
  let writeFailed = false;
  const send = async (frames: string[]) => {
    for (const frame of frames) {
      try {
        await writer.write(encoder.encode(frame));
      } catch (error) {
        writeFailed = true;
        throw error;
      }
      delivered += deliveredBytesOf(frame);
    }
  };
  const pump = async () => {
    let clientGone = false;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        for (const event of parser.push(value)) await send(translator.push(event));
      }
      for (const event of parser.end()) await send(translator.push(event));
    } catch {
      clientGone = request.signal.aborted || writeFailed;
      await reader.cancel().catch(() => {});
    }
    const finalFrames = translator.end();
    const usage = translator.usage();
    const failed = translator.error() !== null;
    const outcome: RequestOutcome = !clientGone && !failed ? { kind: "complete", usage, deliveredBytes: delivered } : { kind: "interrupted", partial: usage, deliveredBytes: delivered };
    const status = clientGone ? 499 : 200;
    const errorCode = clientGone ? "client_closed" : failed ? "upstream_stream_error" : null;
    const { costMicroUsd, done } = settle({ status, errorCode, outcome });
    try {
      // The exact cost as an SSE comment just before [DONE] or the error event (clients ignore comments).
      const comment = `: x-1relay-cost-usd=${formatMicroUsd(costMicroUsd)}\n\n`;
      const doneAt = finalFrames.findIndex((f) => f.startsWith("data: [DONE]") || f.startsWith('data: {"error"'));
      if (doneAt >= 0) finalFrames.splice(doneAt, 0, comment);
      else finalFrames.push(comment);
      await send(finalFrames);
      await writer.close();
    } catch {
      // The client left before the end: the request is already settled.
    }
    await done;
  };
  deps.waitUntil(pump());
  // The stream's cost is known only at its end: the header carries the reserved upper bound.
  return new Response(readable, {
    status: 200,
    headers: {
      ...base,
      ...costHeaders({ costMicroUsd: begun.reservedMicroUsd, budgetRemainingMicroUsd: begun.budgetRemainingMicroUsd }),
      "server-timing": timer.header(),
      "content-type": "text/event-stream; charset=utf-8",
      "x-accel-buffering": "no",
    },
  });
}
