import { accountStub } from "../account/account-stub";
import { serverKeyring } from "../connections/server-keyring";
import { createDb } from "../db/client";
import { findConnectionAccount } from "../db/connection-queries";
import { providerBaseUrls } from "../env/schema";
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

const settled = new WeakMap<ServerEnv, Omit<GatewayDeps, "waitUntil">>();

/** The gateway's dependencies from the worker's validated bindings and settings (made once per isolate; only waitUntil is the request's). */
export function gatewayDepsFrom({ env, waitUntil }: { env: ServerEnv; waitUntil: (promise: Promise<unknown>) => void }): GatewayDeps {
  let deps = settled.get(env);
  if (!deps) {
    const db = createDb(env.DB);
    deps = {
      findAccountId: rememberAccountIds({ scope: env.DB, find: (connectionId) => findConnectionAccount({ db, connectionId }) }),
      account: (accountId) => accountStub(env.ACCOUNT, accountId),
      keyring: serverKeyring(env),
      baseUrls: providerBaseUrls(env),
      upstreamTimeoutMs: env.UPSTREAM_TIMEOUT_MS,
      fetchUpstream: runtimeFetch(),
      now: Date.now,
    };
    settled.set(env, deps);
  }
  return { ...deps, waitUntil };
}
