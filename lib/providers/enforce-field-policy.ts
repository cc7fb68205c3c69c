import type { ChatRequest } from "../chat-api/chat-request";
import { GatewayRequestError } from "../chat-api/gateway-request-error";
import type { ProviderId } from "./types";
import { UNSUPPORTED_FIELDS, type FieldRule } from "./unsupported-fields";
import { PROVIDER_NAMES } from "./provider-names";

/** Throws a 400 naming the first field `provider` must reject; dropped fields are simply not translated. */
export function enforceFieldPolicy({ provider, request }: { provider: ProviderId; request: ChatRequest }): void {
  for (const [field, rule] of Object.entries(UNSUPPORTED_FIELDS[provider])) {
    const r = rule as FieldRule<unknown>;
    const value = request[field as keyof ChatRequest];
    if (r.action !== "reject" || value === undefined || value === null) continue;
    if (r.applies && !r.applies(value)) continue;
    const when = r.when ? ` (${r.when})` : "";
    throw new GatewayRequestError({
      param: field,
      message: `'${field}'${when} is not supported for ${PROVIDER_NAMES[provider]} models: ${r.reason}`,
      code: "unsupported_parameter",
    });
  }
}
