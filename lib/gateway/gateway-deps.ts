import "server-only";
import { getCloudflareContext } from "@opennextjs/cloudflare";
import { accountObject } from "../account/account-object";
import { createDb } from "../db/client";
import { recordKeyCheck } from "../db/connection-queries";
import { getServerEnv } from "../env/server-env";
import type { GatewayDeps } from "./chat-completion";

/** The gateway's dependencies from the worker's bindings and settings. */
export function gatewayDeps(): GatewayDeps {
  const env = getServerEnv();
  const { ctx } = getCloudflareContext();
  const db = createDb(env.DB);
  return {
    db,
    sk: { secret: env.RELAY_WRAPPING_SECRET, keyId: env.RELAY_WRAPPING_KEY_ID },
    baseUrls: { openai: env.OPENAI_BASE_URL, anthropic: env.ANTHROPIC_BASE_URL, gemini: env.GEMINI_BASE_URL },
    upstreamTimeoutMs: env.UPSTREAM_TIMEOUT_MS,
    limits: (accountId) => accountObject(accountId),
    recordKeyVerdict: ({ userId, itemId, keyVersion, status }) => recordKeyCheck({ db, userId, itemId, keyVersion, status, now: Date.now() }),
    waitUntil: (promise) => ctx.waitUntil(promise),
  };
}
