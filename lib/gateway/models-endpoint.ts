import { wipeBytes } from "../crypto/bytes";
import type { GatewayDeps } from "./chat-completion";
import { gatewayErrorResponse } from "./gateway-error";
import { listModelsFor } from "./list-models";
import { newRequestId, openRequestConnection } from "./open-connection";

export async function handleListModels({ request, deps }: { request: Request; deps: GatewayDeps }): Promise<Response> {
  const requestId = newRequestId();
  try {
    const connection = await openRequestConnection({ request, db: deps.db, sk: deps.sk });
    wipeBytes(connection.ck);
    const list = listModelsFor({ policy: connection.policy, created: Math.floor(Date.now() / 1000) });
    return new Response(JSON.stringify(list), { headers: { "content-type": "application/json", "cache-control": "no-store", "x-1relay-request-id": requestId } });
  } catch (error) {
    return gatewayErrorResponse({ error, requestId });
  }
}
