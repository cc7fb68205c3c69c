// A streamed answer: each upstream event is translated by the forwarder's relay and written as
// it arrives (headers go out at once, with what was reserved for it: x-1relay-reserved-usd). A client that
// leaves is noticed at the next write and the upstream read is cancelled. The request is
// settled when the stream ends, however it ends; the exact cost goes in an SSE comment.
import { formatMicroUsd } from "../../money/money";
import type { RequestOutcome } from "../../limits/settlement";
import { createSseParser } from "../../providers/sse";
import { answerHeaders } from "../answer-headers";
import type { GatewayContext } from "../context";
import type { CallForwarder, StreamRelay } from "../endpoint";
import type { Settlement } from "../settlement";
import type { PlannedCall } from "./plan-call";

async function pump({ ctx, relay, response, writer, settlement }: { ctx: GatewayContext; relay: StreamRelay; response: Response; writer: WritableStreamDefaultWriter<Uint8Array>; settlement: Settlement }): Promise<void> {
  const parser = createSseParser();
  const encoder = new TextEncoder();
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
      delivered += relay.deliveredBytes(frame);
    }
  };
  let clientGone = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (const event of parser.push(value)) await send(relay.push(event));
    }
    for (const event of parser.end()) await send(relay.push(event));
  } catch {
    clientGone = ctx.request.signal.aborted || writeFailed;
    await reader.cancel().catch(() => {});
  }
  const finalFrames = relay.end();
  const usage = relay.usage();
  const failed = relay.failed();
  const outcome: RequestOutcome = !clientGone && !failed ? { kind: "complete", usage, deliveredBytes: delivered } : { kind: "interrupted", partial: usage, deliveredBytes: delivered };
  const { costMicroUsd } = settlement.settle({ status: clientGone ? 499 : 200, errorCode: clientGone ? "client_closed" : failed ? "upstream_stream_error" : null, outcome });
  try {
    // The exact cost as an SSE comment (clients ignore comments).
    await send(relay.withCostComment(finalFrames, `: x-1relay-cost-usd=${formatMicroUsd(costMicroUsd)}\n\n`));
    await writer.close();
  } catch {
    // The client left before the end: the request is already settled.
  }
}

export function respondWithStream<Call>({ ctx, forwarder, call, response, settlement }: { ctx: GatewayContext; forwarder: CallForwarder<Call>; call: PlannedCall<Call>; response: Response; settlement: Settlement }): Response {
  const relay = forwarder.openStream({ call: call.parsed.call, target: call.target, clientModel: call.parsed.model, requestId: ctx.requestId, nowSeconds: Math.floor(ctx.deps.now() / 1000) });
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  ctx.deps.waitUntil(pump({ ctx, relay, response, writer: writable.getWriter(), settlement }));
  const admitted = settlement.admitted!;
  // The stream's cost is known only at its end (its closing comment): the headers say what was reserved.
  return new Response(readable, {
    status: 200,
    headers: {
      ...answerHeaders({ ctx, settlement, cost: null, reserved: { reservedMicroUsd: admitted.reservedMicroUsd, budgetRemainingMicroUsd: admitted.budgetRemainingMicroUsd } }),
      ...forwarder.answerHeaders?.(call.parsed.call),
      "content-type": relay.contentType ?? "text/event-stream; charset=utf-8",
      "x-accel-buffering": "no",
    },
  });
}
