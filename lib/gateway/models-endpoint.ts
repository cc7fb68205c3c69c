import { wipeBytes } from "../crypto/bytes";
import { encodeHex } from "../crypto/encoding";
import { randomBytes } from "../crypto/random";
import { loadGatewayConnection } from "../db/connection-queries";
import type { GatewayDeps } from "./chat-completion";
import { gatewayErrorResponse } from "./gateway-error";
import { listModelsFor } from "./list-models";
import { bearerToken, openConnection } from "./open-connection";

export async function handleListModels({ request, deps }: { request: Request; deps: GatewayDeps }): Promise<Response> {
  const requestId = `req_${encodeHex(randomBytes(12))}`;
  try {
    const connection = await openConnection({
      token: bearerToken(request.headers.get("authorization")),
      load: (connectionId) => loadGatewayConnection({ db: deps.db, connectionId }),
      sk: deps.sk,
      nowSeconds: Math.floor(Date.now() / 1000),
    });
    wipeBytes(connection.ck);
    const list = listModelsFor({ policy: connection.policy, created: Math.floor(Date.now() / 1000) });
    return new Response(JSON.stringify(list), { headers: { "content-type": "application/json", "cache-control": "no-store", "x-1relay-request-id": requestId } });
  } catch (error) {
    return gatewayErrorResponse({ error, requestId });
  }
}
