import { accountStub } from "../account/account-stub";
import { createDb } from "../db/client";
import { recordKeyCheck } from "../db/connection-queries";
import { providerBaseUrls } from "../env/schema";
import type { ServerEnv } from "../env/validated-env";
import type { GatewayDeps } from "./chat-completion";

/**
 * The runtime's own fetch. Next wraps the global fetch in its routes (data cache, tracing);
 * a provider call wants none of that.
 */
function runtimeFetch(): typeof fetch {
  const patched = globalThis.fetch as typeof fetch & { _nextOriginalFetch?: typeof fetch };
  return patched._nextOriginalFetch ?? patched;
}

/** The gateway's dependencies from the worker's validated bindings and settings. */
export function gatewayDepsFrom({ env, waitUntil }: { env: ServerEnv; waitUntil: (promise: Promise<unknown>) => void }): GatewayDeps {
  const db = createDb(env.DB);
  return {
    db,
    sk: { secret: env.RELAY_WRAPPING_SECRET, keyId: env.RELAY_WRAPPING_KEY_ID },
    baseUrls: providerBaseUrls(env),
    upstreamTimeoutMs: env.UPSTREAM_TIMEOUT_MS,
    limits: (accountId) => accountStub(env.ACCOUNT, accountId),
    recordKeyVerdict: ({ userId, itemId, keyVersion, status }) => recordKeyCheck({ db, userId, itemId, keyVersion, status, now: Date.now() }),
    waitUntil,
    fetchUpstream: runtimeFetch(),
  };
}
