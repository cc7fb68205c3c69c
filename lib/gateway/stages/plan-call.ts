// Stage "plan": the body read and parsed by the endpoint's parser, the model routed, the call's
// token bounds and its worst-case cost. Pure after the body is read. A failure here is kept and
// reported only after the token is authenticated (a bad token is always 401 first).
import { z } from "zod";
import { readJson } from "../../http/read-json";
import { findPrice, worstCaseCostMicroUsd, type ModelPrice } from "../../limits/pricing";
import type { RequestBounds } from "../../limits/request-bounds";
import { resolveModel } from "../../providers/routing";
import type { GatewayContext } from "../context";
import type { CallParser, CallTarget, ParsedCall } from "../endpoint";
import { GatewayError } from "../gateway-error";

/** Request bodies above this are refused with 413 (images travel inline as data: URLs). */
export const GATEWAY_BODY_LIMIT_BYTES = 8 * 1024 * 1024;

export interface PlannedCall<Call> {
  parsed: ParsedCall<Call>;
  target: CallTarget;
  bounds: RequestBounds | null;
  price: ModelPrice | null;
  /** The worst case to reserve (null: the model has no price). */
  costMicroUsd: number | null;
}

export type CallPlan<Call> = { ok: true; call: PlannedCall<Call> } | { ok: false; error: unknown };

/** Starts reading the body as JSON (strict, capped); awaited by planCall. */
export function readCallBody(request: Request): Promise<unknown> {
  const body = readJson({ request, schema: z.unknown(), limitBytes: GATEWAY_BODY_LIMIT_BYTES });
  body.catch(() => {}); // reported by planCall, after authentication
  return body;
}

export const modelNotFound = (model: string) =>
  new GatewayError({ status: 404, type: "invalid_request_error", code: "model_not_found", param: "model", message: `The model \`${model}\` does not exist or is not served by any provider 1Relay knows.` });

export async function planCall<Call>({ ctx, parser, body }: { ctx: GatewayContext; parser: CallParser<Call>; body: Promise<unknown> }): Promise<CallPlan<Call>> {
  return ctx.timer.time("parse", async () => {
    try {
      const parsed = parser.parse({ body: await body, request: ctx.request });
      const target = resolveModel(parsed.model);
      if (!target) throw modelNotFound(parsed.model);
      const bounds = parser.bound({ call: parsed.call, target });
      const price = parser.price ? parser.price({ call: parsed.call, target }) : findPrice({ provider: target.provider, model: target.upstreamModel });
      const costMicroUsd = bounds && price ? worstCaseCostMicroUsd({ price, maxInputTokens: bounds.maxInputTokens, maxOutputTokens: bounds.maxOutputTokens, longCacheWrites: bounds.longCacheWrites }) : null;
      return { ok: true as const, call: { parsed, target, bounds, price, costMicroUsd } };
    } catch (error) {
      return { ok: false as const, error };
    }
  });
}
