// What the gateway needs from the world (types only): the account's Durable Object, the
// wrapping keyring, configuration, the runtime's fetch and waitUntil. Production builds it
// from the worker's bindings (deps-from-env.ts); unit tests pass fakes.
import type { AdmitInput, AdmitResult } from "../account/gateway-view";
import type { ConnectionSpend, FinishInput } from "../account/ledger-types";
import type { ServerKeyring } from "../connections/server-wrap";
import type { ProviderId } from "../providers/types";

/** The account's Durable Object, as the gateway uses it. */
export interface AccountGateway {
  /** One round trip before the upstream call: the connection's sealed material and, when asked, the admission. */
  admit(input: AdmitInput): Promise<AdmitResult>;
  /** Undoes an admission whose policy failed verification. */
  release(input: { accountId: string; connectionId: string; reservationId: string }): Promise<void>;
  /** Settles the request (and records it). */
  finish(input: FinishInput): Promise<void>;
  /** Moves the connection's SK layer to the current secret (copy and D1). */
  replaceServerWrap(input: { accountId: string; connectionId: string; fromSkId: string; ckServer: string; skId: string }): Promise<void>;
  /** One connection's spend this month (GET /v1/relay/status). */
  connectionSpend(input: { accountId: string; connectionId: string }): Promise<ConnectionSpend>;
}

export interface GatewayDeps {
  /** Whose connection this is (null: no such connection). It never changes, so it is cached per isolate. */
  findAccountId(connectionId: string): Promise<string | null>;
  account(accountId: string): AccountGateway;
  keyring: ServerKeyring;
  /** Provider base URLs, from configuration only. */
  baseUrls: Readonly<Record<ProviderId, string>>;
  upstreamTimeoutMs: number;
  waitUntil(promise: Promise<unknown>): void;
  fetchUpstream: typeof fetch;
  /** Milliseconds since the epoch. */
  now(): number;
}
