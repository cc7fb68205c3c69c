import "server-only";
import { getCloudflareContext } from "@opennextjs/cloudflare";
import { createDb } from "../db/client";
import { getServerEnv } from "../env/server-env";
import { computeCostMicroUsd, findPrice } from "../limits/pricing";
import type { GatewayDeps } from "./chat-completion";

/** The gateway's dependencies from the worker's bindings and settings. */
export function gatewayDeps(): GatewayDeps {
  const env = getServerEnv();
  const { ctx } = getCloudflareContext();
  return {
    db: createDb(env.DB),
    sk: { secret: env.RELAY_WRAPPING_SECRET, keyId: env.RELAY_WRAPPING_KEY_ID },
    baseUrls: { openai: env.OPENAI_BASE_URL, anthropic: env.ANTHROPIC_BASE_URL, gemini: env.GEMINI_BASE_URL },
    upstreamTimeoutMs: env.UPSTREAM_TIMEOUT_MS,
    priceUsage: ({ provider, model, usage }) => {
      const price = usage ? findPrice({ provider, model }) : null;
      return price && usage ? computeCostMicroUsd({ price, usage }) : 0;
    },
    waitUntil: (promise) => ctx.waitUntil(promise),
  };
}
