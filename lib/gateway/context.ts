// The explicit context every stage of a gateway request receives: the request, the
// dependencies, the request's id, when it started and its phase timer. Stages return what
// they found; nothing is shared through closures.
import { crossOriginOf } from "./cors";
import type { GatewayDeps } from "./deps";
import { createPhaseTimer, type PhaseTimer } from "./server-timing";
import { encodeHex } from "../crypto/encoding";
import { randomBytes } from "../crypto/random";

export interface GatewayContext {
  readonly request: Request;
  readonly deps: GatewayDeps;
  /** Sent back as x-1relay-request-id. */
  readonly requestId: string;
  readonly startedAt: number;
  readonly timer: PhaseTimer;
  /** The page's origin when another site's page sent the request (cors.ts crossOriginOf), else null. */
  readonly origin: string | null;
}

/** A fresh id for one gateway request. */
export function newRequestId(): string {
  return `req_${encodeHex(randomBytes(12))}`;
}

export function createGatewayContext({ request, deps }: { request: Request; deps: GatewayDeps }): GatewayContext {
  return { request, deps, requestId: newRequestId(), startedAt: deps.now(), timer: createPhaseTimer(), origin: crossOriginOf(request) };
}
