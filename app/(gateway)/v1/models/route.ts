import { gatewayDeps } from "@/lib/gateway/deps-in-next";
import { handleListModels } from "@/lib/gateway/models-endpoint";

/** The models this relay token may use, in OpenAI's list shape. */
export function GET(request: Request): Promise<Response> {
  return handleListModels({ request, deps: gatewayDeps() });
}
