// Test-only fakes for the gateway's stages: connections built with the browser's own code and
// the server's SK layer (real crypto, so authentication really opens them), an account object
// that answers from memory and records every call, and a scriptable upstream fetch.
import type { AdmitInput, AdmitResult, ConnectionMaterial } from "../account/gateway-view";
import type { BeginResult, FinishInput } from "../account/ledger-types";
import { buildTokenConnection } from "../connections/build-connection";
import { wrapForServer, type ServerKeyring, type ServerSecret } from "../connections/server-wrap";
import type { ConnectionPolicy, PolicyV1, PolicyV2, PolicyV3 } from "../connections/wire";
import { canonicalizePolicy } from "../crypto/policy";
import { newKey } from "../crypto/random";
import { PROVIDER_IDS, type ProviderId } from "../providers/registry";
import type { AccountGateway, GatewayDeps } from "./deps";

export const SK_CURRENT: ServerSecret = { keyId: "sk2", secret: "Y3VycmVudC13cmFwcGluZy1zZWNyZXQtMzItYnl0ZXM" };
export const SK_OLD: ServerSecret = { keyId: "sk1", secret: "b2xkZXItd3JhcHBpbmctc2VjcmV0LTMyLWJ5dGVzLi4" };
export const KEYRING: ServerKeyring = { current: SK_CURRENT, previous: [SK_OLD] };
export const PROVIDER_KEY = "sk-proj-TESTKEY0123456789abcdefghijklmnopqrstuvwxyzXYZW";
export const ACCOUNT_ID = "0b6f1c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e";

/** A v1 policy (they keep working); policyV2Of for "fit output to budget". */
export const policyOf = (over: Partial<Omit<PolicyV1, "v">> = {}): ConnectionPolicy => ({ v: 1, providers: ["openai"], models: [], budgetUsd: null, rpm: null, expiresAt: null, ...over });
export const policyV2Of = (over: Partial<Omit<PolicyV2, "v">> = {}): ConnectionPolicy => ({ v: 2, providers: ["openai"], models: [], budgetUsd: null, rpm: null, expiresAt: null, fitOutput: false, ...over });
/** A v3 policy: v2 and the web origins a browser page may use the token from (decision 022). */
export const policyV3Of = (over: Partial<Omit<PolicyV3, "v">> = {}): ConnectionPolicy => ({ v: 3, providers: ["openai"], models: [], budgetUsd: null, rpm: null, expiresAt: null, fitOutput: false, origins: [], ...over });

export interface TestConnection {
  token: string;
  connectionId: string;
  verifier: string;
  material: ConnectionMaterial;
}

/**
 * A connection as the browser builds it and the server stores it (under `sk`), holding `secret`
 * (PROVIDER_KEY by default) for each of `grants` (or for `provider` alone; OpenAI's by default).
 */
export function makeConnection({ policy = policyOf(), sk = SK_CURRENT, provider = "openai", grants = [provider], secret = PROVIDER_KEY }: { policy?: ConnectionPolicy; sk?: ServerSecret; provider?: ProviderId; grants?: ProviderId[]; secret?: string } = {}): TestConnection {
  const held = grants.map((p, i) => ({ provider: p, itemId: (i === 0 ? "ab" : `c${i}`).repeat(16), itemKeyVersion: 1, secret }));
  const { token, body } = buildTokenConnection({ userId: ACCOUNT_ID, vaultKey: newKey(), name: "t", grants: held, policy });
  return {
    token,
    connectionId: body.id,
    verifier: body.verifier,
    material: {
      ckServer: wrapForServer({ sk, connectionId: body.id, ckToken: body.ckToken }),
      skId: sk.keyId,
      policy: canonicalizePolicy(policy),
      policyTag: body.policyTag,
      grants: body.grants.map((g) => ({ ...g, keyStatus: null })),
    },
  };
}

export const admitted = (over: Partial<Extract<BeginResult, { ok: true }>> = {}): BeginResult => ({ ok: true, reservationId: "res-1", rate: null, budgetRemainingMicroUsd: null, reservedMicroUsd: 0, ...over });

export interface FakeWorld {
  deps: GatewayDeps;
  calls: { admit: AdmitInput[]; release: string[]; finish: FinishInput[]; rewrap: Parameters<AccountGateway["replaceServerWrap"]>[0][]; lookups: string[] };
  upstream: { url: string; init: RequestInit }[];
  /** Waits for everything handed to waitUntil. */
  drain(): Promise<void>;
}

export function createFakeWorld({
  connection,
  status = "active",
  decide = () => admitted(),
  answer,
  fetch = () => new Response("{}"),
  keyring = KEYRING,
  now = () => 1_800_000_000_000,
}: {
  connection: TestConnection;
  status?: "active" | "paused";
  /** The object's decision when asked to admit. */
  decide?: (input: AdmitInput) => BeginResult | null;
  /** Overrides the whole answer (unknown, revoked…). */
  answer?: AdmitResult;
  fetch?: (url: string, init: RequestInit) => Response | Promise<Response>;
  keyring?: ServerKeyring;
  now?: () => number;
}): FakeWorld {
  const calls: FakeWorld["calls"] = { admit: [], release: [], finish: [], rewrap: [], lookups: [] };
  const upstream: FakeWorld["upstream"] = [];
  const waited: Promise<unknown>[] = [];
  const account: AccountGateway = {
    async admit(input) {
      calls.admit.push(input);
      if (answer) return answer;
      if (input.connectionId !== connection.connectionId || input.verifier !== connection.verifier) return { ok: false, reason: "unknown" };
      return { ok: true, status, material: connection.material, admission: input.request ? decide(input) : null };
    },
    async release({ reservationId }) {
      calls.release.push(reservationId);
    },
    async finish(input) {
      calls.finish.push(input);
    },
    async replaceServerWrap(input) {
      calls.rewrap.push(input);
    },
    async connectionSpend() {
      return { month: "2027-01", resetsAt: Date.UTC(2027, 1, 1), spentMicroUsd: 1_250_000, reservedMicroUsd: 50_000, requests: 3 };
    },
  };
  const deps: GatewayDeps = {
    async findAccountId(connectionId) {
      calls.lookups.push(connectionId);
      return connectionId === connection.connectionId ? ACCOUNT_ID : null;
    },
    account: () => account,
    keyring,
    baseUrls: testBaseUrls(),
    upstreamTimeoutMs: 30_000,
    waitUntil: (promise) => void waited.push(promise),
    fetchUpstream: (async (url: string, init: RequestInit) => {
      upstream.push({ url, init });
      return fetch(url, init);
    }) as typeof globalThis.fetch,
    now,
  };
  return {
    deps,
    calls,
    upstream,
    async drain() {
      while (waited.length > 0) await Promise.allSettled(waited.splice(0));
    },
  };
}

/** A chat request to the gateway carrying `token`. */
export function chatRequest({ token, body, headers = {}, signal }: { token: string | null; body: unknown; headers?: Record<string, string>; signal?: AbortSignal }): Request {
  return new Request("https://relay.test/v1/chat/completions", {
    method: "POST",
    headers: { "content-type": "application/json", ...(token === null ? {} : { authorization: `Bearer ${token}` }), ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
    signal,
  });
}

/** A base URL per registry provider (`https://<id>.test`, OpenAI's with its /v1), as configuration gives them. */
export function testBaseUrls(): Record<ProviderId, string> {
  return { ...(Object.fromEntries(PROVIDER_IDS.map((id) => [id, `https://${id}.test`])) as Record<ProviderId, string>), openai: "https://openai.test/v1" };
}
