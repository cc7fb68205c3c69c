// A gateway request as a pipeline of small stages with an explicit context (README.md):
//   plan (body → call, model routed, bounds)            stages/plan-call.ts
//   authenticate (token → the account object's ONE call → CK, verified policy)   stages/authenticate.ts
//   authorise model (scope)                               stages/authorise-model.ts
//   admit (the object's decision from that same call)     stages/admit.ts
//   open grant (provider key → upstream request)          stages/open-grant.ts
//   forward (upstream call, JSON or stream)               stages/forward.ts
//   settle (exactly once, however it ends)                settlement.ts
// The endpoint (a parser and a forwarder) is the only part that knows the wire format. Every
// failure takes one path: described in OpenAI's vocabulary, settled with its outcome, answered
// in the endpoint's shape.
import type { AdmissionRequest } from "../account/gateway-view";
import { wipeBytes } from "../crypto/bytes";
import { answerHeaders } from "./answer-headers";
import { createGatewayContext, type GatewayContext } from "./context";
import type { GatewayDeps } from "./deps";
import type { GatewayEndpoint } from "./endpoint";
import { describeGatewayError, GatewayError, gatewayErrorResponse } from "./gateway-error";
import { createSettlement, type Settlement } from "./settlement";
import { admit, refusePaused } from "./stages/admit";
import { authenticate, readCredentials, type Authenticated } from "./stages/authenticate";
import { authoriseModel } from "./stages/authorise-model";
import { fitCallToAdmission, outputFitOf } from "./stages/fit-call";
import { forward } from "./stages/forward";
import { openGrant } from "./stages/open-grant";
import { planCall, readCallBody, type CallPlan } from "./stages/plan-call";

/** A reservation outlives the longest upstream call by this much before the object's alarm settles it. */
export const LEASE_MARGIN_MS = 60_000;

function admissionRequest<Call>(ctx: GatewayContext, plan: CallPlan<Call>, endpoint: GatewayEndpoint<Call>): AdmissionRequest | null {
  if (!plan.ok) return null;
  const { target, costMicroUsd, parsed } = plan.call;
  const fit = outputFitOf({ call: plan.call, forwarder: endpoint.forwarder });
  return { provider: target.provider, model: target.upstreamModel, costMicroUsd, fit, leaseMs: ctx.deps.upstreamTimeoutMs + LEASE_MARGIN_MS, streamed: parsed.stream, api: endpoint.api };
}

/** The one error path: the failure is settled with its outcome (unless the object recorded it) and answered in the endpoint's shape. */
function answerFailure<Call>({ ctx, endpoint, settlement, error }: { ctx: GatewayContext; endpoint: GatewayEndpoint<Call>; settlement: Settlement | null; error: unknown }): Response {
  const described = describeGatewayError(error);
  const outcome = error instanceof GatewayError ? error.outcome : { kind: "not_sent" as const };
  const cost = settlement ? settlement.settle({ status: described.status, errorCode: described.code, outcome }) : null;
  return gatewayErrorResponse({ error, requestId: ctx.requestId, headers: answerHeaders({ ctx, settlement, cost }), errorBody: endpoint.forwarder.errorBody });
}

/** authorise model → admit → open grant, with CK wiped however they end. */
async function admitAndOpen<Call>({ ctx, endpoint, auth, plan, settlement }: { ctx: GatewayContext; endpoint: GatewayEndpoint<Call>; auth: Authenticated; plan: CallPlan<Call>; settlement: Settlement }) {
  const { connection } = auth;
  try {
    refusePaused({ auth, settlement });
    if (!plan.ok) throw plan.error;
    const grant = authoriseModel({ connection, call: plan.call });
    const admitted = admit({ auth, settlement, call: plan.call, outputLimitParam: endpoint.parser.outputLimitParam });
    // Fit output to budget (policy v2): the object may have admitted it at a lower output limit.
    const call = fitCallToAdmission({ call: plan.call, admitted });
    settlement.useCall(call);
    settlement.useGrant(grant);
    return { call, grant: await openGrant({ ctx, connection, grant, call, forwarder: endpoint.forwarder }) };
  } finally {
    wipeBytes(connection.ck);
  }
}

export async function runGatewayPipeline<Call>({ request, deps, endpoint }: { request: Request; deps: GatewayDeps; endpoint: GatewayEndpoint<Call> }): Promise<Response> {
  const ctx = createGatewayContext({ request, deps });
  let settlement: Settlement | null = null;
  try {
    // The body is read from the start (a bad token is refused without waiting for it, and the
    // runtime never has to drain an untouched body first); the account lookup (an isolate cache,
    // D1 on a miss) runs while it arrives.
    const body = readCallBody(request);
    const credentials = readCredentials(endpoint.parser.readToken(request));
    const accountId = deps.findAccountId(credentials.connectionId);
    accountId.catch(() => {});
    const plan = await planCall({ ctx, parser: endpoint.parser, body });
    const auth = await authenticate({ ctx, credentials, accountId: await ctx.timer.time("lookup", () => accountId), request: admissionRequest(ctx, plan, endpoint) });
    const { connection } = auth;
    settlement = createSettlement({ ctx, api: endpoint.api, accountId: connection.accountId, connectionId: connection.connectionId, policy: connection.policy, call: plan.ok ? plan.call : null });
    const { call, grant } = await admitAndOpen({ ctx, endpoint, auth, plan, settlement });
    return await forward({ ctx, forwarder: endpoint.forwarder, call, grant, settlement });
  } catch (error) {
    return answerFailure({ ctx, endpoint, settlement, error });
  }
}
