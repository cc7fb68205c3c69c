// The read-only endpoints a relay token asks about itself (GET /v1/models in OpenAI's, Anthropic's
// or Gemini's shape, GET /v1/relay/status): authenticated exactly like a relayed request (one call
// to the account object, the policy's tag verified, no admission), CK wiped at once, then answered
// as JSON that is never cached, or in the endpoint's error shape.
import { wipeBytes } from "../crypto/bytes";
import { readBearerToken } from "./chat/chat-endpoint";
import { createGatewayContext, type GatewayContext } from "./context";
import type { GatewayDeps } from "./deps";
import type { DescribedError } from "./endpoint";
import { connectionPaused, gatewayErrorResponse } from "./gateway-error";
import { authenticate, readCredentials, type OpenedConnection } from "./stages/authenticate";

export type TokenView = Omit<OpenedConnection, "ck">;

/** The token checked as for a call (no admission); CK wiped; a paused token refused unless `allowPaused`. */
export async function authenticateTokenView({ ctx, token, allowPaused }: { ctx: GatewayContext; token: string | null; allowPaused: boolean }): Promise<TokenView> {
  const credentials = readCredentials(token);
  const accountId = await ctx.timer.time("lookup", () => ctx.deps.findAccountId(credentials.connectionId));
  const { connection } = await authenticate({ ctx, credentials, accountId, request: null });
  const { ck, ...opened } = connection;
  wipeBytes(ck);
  if (connection.status === "paused" && !allowPaused) throw connectionPaused();
  return opened;
}

export const tokenViewJson = (body: unknown, requestId: string) =>
  new Response(JSON.stringify(body), { headers: { "content-type": "application/json", "cache-control": "no-store", "x-1relay-request-id": requestId } });

export async function serveTokenView({
  request,
  deps,
  allowPaused,
  view,
  readToken = readBearerToken,
  errorBody,
}: {
  request: Request;
  deps: GatewayDeps;
  /** A paused token may still ask (its status), or is refused (its models). */
  allowPaused: boolean;
  view: (connection: TokenView) => unknown | Promise<unknown>;
  /** Where this API's clients send the token (Authorization: Bearer by default). */
  readToken?: (request: Request) => string | null;
  /** This API's error body (OpenAI's by default). */
  errorBody?: (error: DescribedError) => unknown;
}): Promise<Response> {
  const ctx = createGatewayContext({ request, deps });
  try {
    const connection = await authenticateTokenView({ ctx, token: readToken(request), allowPaused });
    return tokenViewJson(await view(connection), ctx.requestId);
  } catch (error) {
    return gatewayErrorResponse({ error, requestId: ctx.requestId, ...(errorBody ? { errorBody } : {}) });
  }
}
