// A complete (non-streamed) answer: read, translated by the forwarder, settled at the real
// usage (or, without usage, at the bound rule with what was delivered), then sent.
import { answerHeaders } from "../answer-headers";
import type { GatewayContext } from "../context";
import type { CallForwarder } from "../endpoint";
import { GatewayError } from "../gateway-error";
import type { Settlement } from "../settlement";
import type { PlannedCall } from "./plan-call";

export async function respondWithJson<Call>({ ctx, forwarder, call, response, settlement }: { ctx: GatewayContext; forwarder: CallForwarder<Call>; call: PlannedCall<Call>; response: Response; settlement: Settlement }): Promise<Response> {
  let answer;
  try {
    const body: unknown = await ctx.timer.time("upstream-body", () => response.json());
    answer = forwarder.readAnswer({ call: call.parsed.call, target: call.target, clientModel: call.parsed.model, body, requestId: ctx.requestId, nowSeconds: Math.floor(ctx.deps.now() / 1000) });
  } catch {
    // Not JSON, or not the provider's documented shape (UpstreamProtocolError).
    throw new GatewayError({ status: 502, type: "server_error", code: "upstream_protocol_error", message: `${call.target.provider} sent an answer 1Relay could not read.`, outcome: { kind: "interrupted", partial: null, deliveredBytes: 0 } });
  }
  // Without a usable usage report, settlement charges it by the bound rule (never $0).
  const outcome = { kind: "complete" as const, usage: answer.usage, deliveredBytes: answer.deliveredBytes() };
  const cost = settlement.settle({ status: 200, errorCode: null, outcome });
  return new Response(JSON.stringify(answer.body), { status: 200, headers: { ...answerHeaders({ ctx, settlement, cost }), ...forwarder.answerHeaders?.(call.parsed.call), "content-type": "application/json" } });
}
