// POST /v1/chat/completions, in the security model's order: token → connection → policy →
// model and provider scope → rate limit and budget reservation (the account's Durable Object)
// → open the grant → call the provider → wipe → stream → settle usage (the object again).
import { z } from "zod";
import type { BeginInput, BeginResult, FinishInput, FinishResult } from "../account/ledger-types";
import { parseChatRequest } from "../chat-api/chat-request";
import { GatewayRequestError } from "../chat-api/gateway-request-error";
import { buildGrantAad } from "../crypto/aad";
import { wipeBytes } from "../crypto/bytes";
import { decodeUtf8 } from "../crypto/encoding";
import { openEnvelope } from "../crypto/envelope";
import type { Db } from "../db/client";
import { readJson } from "../http/read-json";
import { usdToMicroUsd } from "../limits/admission";
import { computeCostMicroUsd, findPrice, worstCaseCostMicroUsd } from "../limits/pricing";
import { boundRequest } from "../limits/request-bounds";
import { remainingAfterSettlement, usageToCharge, type RequestOutcome } from "../limits/settlement";
import { getProviderAdapter } from "../providers/adapters";
import { resolveModel } from "../providers/routing";
import type { ProviderId } from "../providers/types";
import type { ServerSecret } from "../connections/server-wrap";
import { forwardToProvider, type Settle } from "./forward";
import { describeGatewayError, GatewayError, gatewayErrorResponse } from "./gateway-error";
import { costHeaders, limitRefusal } from "./limit-headers";
import { connectionPaused, newRequestId, openRequestConnection, type OpenedConnection } from "./open-connection";
import { createPhaseTimer } from "./server-timing";

/** Request bodies above this are refused with 413 (images travel inline as data: URLs). */
export const GATEWAY_BODY_LIMIT_BYTES = 8 * 1024 * 1024;

/** A reservation outlives the longest upstream call by this much before the alarm settles it. */
const LEASE_MARGIN_MS = 60_000;

/** The account's limits (its Durable Object in production). */
export interface AccountLimits {
  begin(input: BeginInput): Promise<BeginResult>;
  finish(input: FinishInput): Promise<FinishResult>;
}

export interface GatewayDeps {
  db: Db;
  sk: ServerSecret;
  baseUrls: Record<ProviderId, string>;
  upstreamTimeoutMs: number;
  limits: (accountId: string) => AccountLimits;
  /** What the provider said about a vault key (never the key): shown in the vault. */
  recordKeyVerdict: (input: { userId: string; itemId: string; keyVersion: number; status: "ok" | "rejected" }) => Promise<void>;
  waitUntil: (promise: Promise<unknown>) => void;
  fetchUpstream?: typeof fetch;
}

export async function handleChatCompletion({ request, deps }: { request: Request; deps: GatewayDeps }): Promise<Response> {
  const started = Date.now();
  const requestId = newRequestId();
  const timer = createPhaseTimer();
  let connection: OpenedConnection | null = null;
  let provider: ProviderId | null = null;
  let model = "";
  let stream = false;
  let budgetMicroUsd: number | null = null;
  let reservationId: string | null = null;
  let bounds: ReturnType<typeof boundRequest> = null;
  let settled = false;

  let begun: Extract<BeginResult, { ok: true }> | null = null;

  // Settles the request once: its usage record and, if it held a reservation, the real cost.
  // The cost is computed here, so the answer need not wait for the account object: `done` is
  // handed to waitUntil (the RPC is already on its way, ahead of the client's next request).
  const settle: Settle = ({ status, errorCode, outcome }) => {
    if (settled || !connection) return { costMicroUsd: 0, budgetRemainingMicroUsd: undefined, done: Promise.resolve() };
    settled = true;
    const price = provider ? findPrice({ provider, model }) : null;
    const usage = bounds ? usageToCharge({ outcome, bounds }) : fallbackUsage(outcome);
    const costMicroUsd = usage && price ? computeCostMicroUsd({ price, usage }) : 0;
    const done = deps
      .limits(connection.userId)
      .finish({
        accountId: connection.userId,
        reservationId,
        budgetMicroUsd,
        entry: {
          connectionId: connection.connectionId,
          provider: provider ?? "unknown",
          model: model || "unknown",
          status,
          errorCode,
          inputTokens: usage?.inputTokens ?? 0,
          outputTokens: usage?.outputTokens ?? 0,
          cachedTokens: usage?.cachedInputTokens ?? 0,
          costMicroUsd,
          latencyMs: Date.now() - started,
          streamed: stream,
          at: Date.now(),
        },
      })
      .then(
        () => {},
        // The object could not be reached: the reservation's lease settles it (at its full amount).
        () => {},
      );
    deps.waitUntil(done);
    return { costMicroUsd, budgetRemainingMicroUsd: begun ? remainingAfterSettlement({ budgetRemainingMicroUsd: begun.budgetRemainingMicroUsd, reservedMicroUsd: begun.reservedMicroUsd, costMicroUsd }) : undefined, done };
  };

  let refusedByLimits = false;
  try {
    // The body is read while the database answers; it is looked at only once the token holds.
    const body = readJson({ request, schema: z.unknown(), limitBytes: GATEWAY_BODY_LIMIT_BYTES });
    body.catch(() => {});
    connection = await timer.time("auth", () => openRequestConnection({ request, db: deps.db, sk: deps.sk, allowPaused: true }));
    const { ck, policy, grants, connectionId, userId } = connection;
    try {
      // Refused here (the account object would refuse it too), and recorded like every refusal.
      if (connection.status === "paused") throw connectionPaused();
      const parsed = await timer.time("parse", async () => parseChatRequest(await body));
      if (!parsed.ok) throw new GatewayRequestError({ param: parsed.param, message: parsed.message, code: parsed.code });
      const chat = parsed.request;
      stream = chat.stream === true;
      // Priority processing is billed at other rates than the pricing table knows: refuse it
      // rather than under-count (flex is cheaper, so counting it at standard rates over-counts).
      if (chat.service_tier === "priority" || chat.service_tier === "scale") {
        throw new GatewayRequestError({ param: "service_tier", code: "unsupported_value", message: `service_tier "${chat.service_tier}" is not supported by 1Relay yet: its price is not in the pricing table. Use "auto", "default" or "flex".` });
      }
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

      // Reserve the worst case before anything is decrypted or sent.
      bounds = boundRequest({ provider, upstreamModel: model, request: chat });
      const price = findPrice({ provider, model });
      budgetMicroUsd = policy.budgetUsd === null ? null : usdToMicroUsd(policy.budgetUsd);
      const beginInput: BeginInput = {
        accountId: userId,
        connectionId,
        budgetMicroUsd,
        rpm: policy.rpm,
        costMicroUsd: bounds && price ? worstCaseCostMicroUsd({ price, maxInputTokens: bounds.maxInputTokens, maxOutputTokens: bounds.maxOutputTokens }) : null,
        leaseMs: deps.upstreamTimeoutMs + LEASE_MARGIN_MS,
        pending: { connectionId, provider, model, streamed: stream },
      };
      const admitted = await timer.time("limits", () => deps.limits(userId).begin(beginInput));
      if (!admitted.ok) {
        refusedByLimits = true; // the object wrote this request's record itself
        throw limitRefusal(admitted);
      }
      begun = admitted;
      reservationId = admitted.reservationId;

      const target = provider;
      const { apiKey, upstream } = await timer.time("decrypt", () => {
        const keyBytes = openEnvelope({ key: ck, envelope: grant.sealed_key, aad: buildGrantAad({ connectionId, provider: target, itemId: grant.item_id, itemVersion: grant.item_key_version }) });
        const apiKey = decodeUtf8(keyBytes);
        wipeBytes(keyBytes);
        return { apiKey, upstream: getProviderAdapter(target).buildRequest({ request: chat, upstreamModel: model, apiKey, baseUrl: deps.baseUrls[target], maxOutputTokens: bounds?.forwardOutputTokens ?? undefined }) };
      });
      // Written only when the verdict changes (the load brought the current one): no write per request.
      const onKeyVerdict = (status: "ok" | "rejected") => {
        if (grant.key_status !== status) deps.waitUntil(deps.recordKeyVerdict({ userId, itemId: grant.item_id, keyVersion: grant.item_key_version, status }).catch(() => {}));
      };
      return await forwardToProvider({
        request,
        deps,
        upstream,
        provider,
        clientModel: chat.model,
        stream,
        includeUsage: chat.stream_options?.include_usage === true,
        requestId,
        secrets: [apiKey],
        begun: admitted,
        settle,
        onKeyVerdict,
        timer,
      });
    } finally {
      wipeBytes(ck);
    }
  } catch (error) {
    // The usage record says what the client was told.
    const { status, body: answer } = describeGatewayError(error);
    const code = answer.error.code;
    const { costMicroUsd, budgetRemainingMicroUsd } = refusedByLimits ? { costMicroUsd: 0, budgetRemainingMicroUsd: undefined } : settle({ status, errorCode: code, outcome: { kind: "not_sent" } });
    return gatewayErrorResponse({ error, requestId, headers: { ...costHeaders({ costMicroUsd, budgetRemainingMicroUsd }), "server-timing": timer.header() } });
  }
}

/** Without a price (and so without bounds) the record still carries what the provider reported. */
function fallbackUsage(outcome: RequestOutcome) {
  if (outcome.kind === "complete") return outcome.usage;
  if (outcome.kind === "interrupted") return outcome.partial;
  return null;
}
