import "server-only";
import { getCloudflareContext } from "@opennextjs/cloudflare";
import { getServerEnv } from "../env/server-env";
import type { GatewayDeps } from "./deps";
import { gatewayDepsFrom } from "./deps-from-env";

/** The gateway's dependencies inside a Next route (`npm run dev`; the built worker serves /v1 from its entry). */
export function gatewayDeps(): GatewayDeps {
  const { ctx } = getCloudflareContext();
  return gatewayDepsFrom({ env: getServerEnv(), waitUntil: (promise) => ctx.waitUntil(promise) });
}
