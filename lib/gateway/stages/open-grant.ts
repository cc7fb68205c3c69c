// Stage "open grant": the provider key opened from its grant with CK, for this request only,
// straight into the forwarder's upstream request (the key goes into its provider's auth header
// and nowhere else); its bytes are wiped at once. The caller wipes CK.
import type { ViewGrant } from "../../account/gateway-view";
import { buildGrantAad } from "../../crypto/aad";
import { wipeBytes } from "../../crypto/bytes";
import { decodeUtf8 } from "../../crypto/encoding";
import { openEnvelope } from "../../crypto/envelope";
import type { UpstreamRequest } from "../../providers/types";
import type { GatewayContext } from "../context";
import type { CallForwarder } from "../endpoint";
import type { OpenedConnection } from "./authenticate";
import type { PlannedCall } from "./plan-call";

export interface OpenedGrant {
  upstream: UpstreamRequest;
  /** Exact strings to scrub from anything the provider says back. */
  secrets: string[];
}

export function openGrant<Call>({ ctx, connection, grant, call, forwarder }: { ctx: GatewayContext; connection: OpenedConnection; grant: ViewGrant; call: PlannedCall<Call>; forwarder: CallForwarder<Call> }): Promise<OpenedGrant> {
  return ctx.timer.time("decrypt", () => {
    const { target } = call;
    const keyBytes = openEnvelope({ key: connection.ck, envelope: grant.sealedKey, aad: buildGrantAad({ connectionId: connection.connectionId, provider: target.provider, itemId: grant.itemId, itemVersion: grant.itemKeyVersion }) });
    const apiKey = decodeUtf8(keyBytes);
    wipeBytes(keyBytes);
    const upstream = forwarder.buildRequest({ call: call.parsed.call, target, apiKey, baseUrl: ctx.deps.baseUrls[target.provider], bounds: call.bounds });
    return { upstream, secrets: [apiKey] };
  });
}
