// Stage "authorise model": the routed provider and model against the verified policy's scope,
// and the grant that serves them. Pure.
import type { ViewGrant } from "../../account/gateway-view";
import { GatewayError } from "../gateway-error";
import { findScopeRefusal } from "../scope";
import type { OpenedConnection } from "./authenticate";
import type { PlannedCall } from "./plan-call";

const refused = (message: string, code = "provider_not_allowed") => new GatewayError({ status: 403, type: "invalid_request_error", code, param: "model", message });

export function authoriseModel({ connection, call }: { connection: OpenedConnection; call: PlannedCall<unknown> }): ViewGrant {
  const { provider, upstreamModel } = call.target;
  switch (findScopeRefusal({ policy: connection.policy, grants: connection.grants, provider, model: upstreamModel })) {
    case "provider_not_allowed":
      throw refused(`This token may not use ${provider}.`);
    case "model_not_allowed":
      throw refused(`This token may not use the model \`${upstreamModel}\`.`, "model_not_allowed");
    case "no_grant":
      throw refused(`This token holds no ${provider} key.`);
    case null:
      return connection.grants.find((g) => g.provider === provider)!;
  }
}
