/**
 * @1relay/connect/browser: connect a person's 1Relay from a web page with no server of its own,
 * and call the relay from that page (its origin must be registered with the app).
 *
 *   const relay = createRelayClient({ baseUrl, clientId, redirectUri, scope: "openai" });
 *   button.onclick = () => relay.connect({ suggested: { budgetUsd: 5 } });   // the consent popup
 *   const answer = await relay.fetch("/v1/chat/completions", { method: "POST", body });
 *   await relay.disconnect();                                                 // revokes the token
 *
 * The token is kept in memory unless `storage` says otherwise (packages/connect/README.md,
 * "Browser app"). Nothing here holds a client secret: a page cannot keep one.
 */
import { connectInBrowser, type BrowserGrant, type ConnectOptions } from "./browser-exchange.js";
import { normalizeBaseUrl } from "./errors.js";
import { RelayApiError } from "./relay-error.js";
import { createRelayFetch, type RelayFetch } from "./relay-fetch.js";
import { revokeToken } from "./server.js";
import { checkStorage, type TokenStorage } from "./token-storage.js";

export { connectInBrowser, exchangeInBrowser, type BrowserGrant, type ConnectOptions } from "./browser-exchange.js";
export { newBrowserKeys, type BrowserAuthorizationKeys, type KeyKind } from "./browser-keys.js";
export { readChatStream, createSseParser, type ChatStreamResult, type SseEvent } from "./chat-stream.js";
export { ConnectError, type ConnectErrorCode } from "./errors.js";
export { readRelayError, RelayApiError, type RelayErrorKind } from "./relay-error.js";
export { createRelayFetch, resolveRelayUrl, type RelayFetch, type TokenSource } from "./relay-fetch.js";
export { memoryStorage, type TokenStorage } from "./token-storage.js";
export type { RelayGrant } from "./token-response.js";
export { revokeToken };

export interface RelayClient {
  /** The relay's base URL, and the one to give OpenAI-style SDKs (`${baseUrl}/v1`). */
  baseUrl: string;
  openAIBaseUrl: string;
  /** Opens the consent popup (call it from a click), stores the token, returns the grant. */
  connect(options?: Pick<ConnectOptions, "suggested">): Promise<BrowserGrant>;
  /** The stored token, or null: give it to an SDK as its API key. */
  token(): Promise<string | null>;
  /** fetch on the relay with the token; a 401 (revoked) also forgets the stored token. */
  fetch: RelayFetch;
  /** Revokes the token at 1Relay and forgets it. */
  disconnect(): Promise<void>;
}

export function createRelayClient({
  baseUrl,
  clientId,
  redirectUri,
  scope,
  storage,
  fetchImpl,
  host,
  subtle,
}: Omit<ConnectOptions, "suggested"> & { storage?: TokenStorage }): RelayClient {
  const base = normalizeBaseUrl(baseUrl);
  const store = checkStorage(storage);
  const token = async () => (await store.load()) ?? null;
  const relayFetch = createRelayFetch({ baseUrl: base, token, fetchImpl });
  return {
    baseUrl: base,
    openAIBaseUrl: `${base}/v1`,
    async connect(options = {}) {
      const grant = await connectInBrowser({ baseUrl: base, clientId, redirectUri, scope, fetchImpl, host, subtle, suggested: options.suggested });
      await store.save(grant);
      return grant;
    },
    token,
    async fetch(path, init) {
      try {
        return await relayFetch(path, init);
      } catch (error) {
        if (error instanceof RelayApiError && error.status === 401) await store.clear();
        throw error;
      }
    },
    async disconnect() {
      const current = await token();
      try {
        if (current) await revokeToken({ baseUrl: base, clientId, token: current, fetchImpl });
      } finally {
        await store.clear();
      }
    },
  };
}
