// The read-only endpoints a relay token asks about itself (GET /v1/models, GET /v1/relay/status):
// authenticated exactly like a relayed request (one call to the account object, the policy's tag
// verified, no admission), CK wiped at once, then answered as JSON that is never cached, or in
// the gateway's error shape.
import { wipeBytes } from "../crypto/bytes";
import { readBearerToken } from "./chat/chat-endpoint";
import { createGatewayContext } from "./context";
import type { GatewayDeps } from "./deps";
import { connectionPaused, gatewayErrorResponse } from "./gateway-error";
import { authenticate, readCredentials, type OpenedConnection } from "./stages/authenticate";

export async function serveTokenView({
  request,
  deps,
  allowPaused,
  view,
}: {
  request: Request;
  deps: GatewayDeps;
  /** A paused token may still ask (its status), or is refused (its models). */
  allowPaused: boolean;
  view: (connection: Omit<OpenedConnection, "ck">) => unknown | Promise<unknown>;
}): Promise<Response> {
  const ctx = createGatewayContext({ request, deps });
  try {
    const credentials = readCredentials(readBearerToken(request));
    const accountId = await ctx.timer.time("lookup", () => deps.findAccountId(credentials.connectionId));
    const { connection } = await authenticate({ ctx, credentials, accountId, request: null });
    const { ck, ...opened } = connection;
    wipeBytes(ck);
    if (connection.status === "paused" && !allowPaused) throw connectionPaused();
    const body = await view(opened);
    return new Response(JSON.stringify(body), { headers: { "content-type": "application/json", "cache-control": "no-store", "x-1relay-request-id": ctx.requestId } });
  } catch (error) {
    return gatewayErrorResponse({ error, requestId: ctx.requestId });
  }
}
