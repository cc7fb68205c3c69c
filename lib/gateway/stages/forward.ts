// Stage "forward": the upstream call (the runtime's fetch, never following a redirect, within
// UPSTREAM_TIMEOUT_MS and the client's own abort), then the answer through the endpoint's
// forwarder, as JSON or as a stream. Every failure is thrown as a GatewayError carrying what
// the provider received (its settlement outcome); the pipeline answers and settles it once.
import type { GatewayContext } from "../context";
import type { CallForwarder } from "../endpoint";
import { GatewayError } from "../gateway-error";
import type { Settlement } from "../settlement";
import type { OpenedGrant } from "./open-grant";
import type { PlannedCall } from "./plan-call";
import { respondWithJson } from "./respond-json";
import { respondWithStream } from "./respond-stream";

const upstreamFailure = (status: number, code: string, message: string, outcome: GatewayError["outcome"], headers: Record<string, string> = {}) =>
  new GatewayError({ status, type: "server_error", code, message, outcome, headers });

async function callUpstream({ ctx, provider, grant }: { ctx: GatewayContext; provider: string; grant: OpenedGrant }): Promise<Response> {
  const { request, deps } = ctx;
  const signal = AbortSignal.any([request.signal, AbortSignal.timeout(deps.upstreamTimeoutMs)]);
  try {
    return await ctx.timer.time("upstream", () => deps.fetchUpstream(grant.upstream.url, { method: "POST", headers: grant.upstream.headers, body: grant.upstream.body, redirect: "manual", signal }));
  } catch (error) {
    if (request.signal.aborted) throw upstreamFailure(499, "client_closed", "The client closed the request.", { kind: "interrupted", partial: null, deliveredBytes: 0 });
    if ((error as Error | null)?.name === "TimeoutError") throw upstreamFailure(504, "upstream_timeout", `${provider} did not answer in time.`, { kind: "interrupted", partial: null, deliveredBytes: 0 });
    throw upstreamFailure(502, "upstream_unreachable", `${provider} could not be reached.`, { kind: "not_sent" });
  }
}

export async function forward<Call>({ ctx, forwarder, call, grant, settlement }: { ctx: GatewayContext; forwarder: CallForwarder<Call>; call: PlannedCall<Call>; grant: OpenedGrant; settlement: Settlement }): Promise<Response> {
  const { provider } = call.target;
  const response = await callUpstream({ ctx, provider, grant });
  if (response.status >= 300 && response.status < 400) {
    // Upstream fetches never follow redirects (a provider URL comes from configuration only).
    await response.body?.cancel();
    throw upstreamFailure(502, "upstream_redirect", `${provider} answered with a redirect, which 1Relay does not follow.`, { kind: "provider_error" });
  }
  if (!response.ok) {
    const error = forwarder.readUpstreamError({ target: call.target, status: response.status, bodyText: await response.text().catch(() => ""), secrets: grant.secrets });
    if (error.code === "provider_key_invalid") settlement.noteKeyVerdict("rejected");
    const retryAfter = response.headers.get("retry-after");
    throw new GatewayError({ ...error, outcome: { kind: "provider_error" }, headers: retryAfter ? { "retry-after": retryAfter } : {} });
  }
  settlement.noteKeyVerdict("ok");
  return call.parsed.stream ? respondWithStream({ ctx, forwarder, call, response, settlement }) : respondWithJson({ ctx, forwarder, call, response, settlement });
}
