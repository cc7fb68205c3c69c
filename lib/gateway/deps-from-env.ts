import { accountStub } from "../account/account-stub";
import { serverKeyring } from "../connections/server-keyring";
import { createDb } from "../db/client";
import { findConnectionAccount } from "../db/connection-queries";
import type { ServerEnv } from "../env/validated-env";
import { rememberAccountIds } from "./account-lookup";
import type { GatewayDeps } from "./deps";

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
    findAccountId: rememberAccountIds({ scope: env.DB, find: (connectionId) => findConnectionAccount({ db, connectionId }) }),
    account: (accountId) => accountStub(env.ACCOUNT, accountId),
    keyring: serverKeyring(env),
    baseUrls: { openai: env.OPENAI_BASE_URL, anthropic: env.ANTHROPIC_BASE_URL, gemini: env.GEMINI_BASE_URL },
    upstreamTimeoutMs: env.UPSTREAM_TIMEOUT_MS,
    waitUntil,
    fetchUpstream: runtimeFetch(),
    now: Date.now,
  };
}
