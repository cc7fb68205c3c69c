// The authorization in a page, end to end: keys (browser-keys.ts), the consent popup (popup.ts),
// the code exchange at /connect/token by fetch (CORS, for the app's registered origins; a public
// client sends no secret), and the token opened and assembled as on the server
// (token-response.ts), with the shared secret from the page's own key. The key is dropped
// whatever happens.
import { parseSealed, openSealedFromShared, SEAL_INFO } from "../../../lib/crypto/seal";
import { buildAuthorizeUrl, canonicalScope, type SuggestedLimits } from "./authorize-url.js";
import { newBrowserKeys, type BrowserAuthorizationKeys, type KeyKind } from "./browser-keys.js";
import { checkString, normalizeBaseUrl } from "./errors.js";
import { randomToken } from "./keys.js";
import { errorFromResponse, postForm } from "./oauth-http.js";
import { waitForConsent, type PopupHost } from "./popup.js";
import { checkTokenResponse, grantFromTokenResponse, sealFailure, type RelayGrant } from "./token-response.js";

export interface BrowserGrant extends RelayGrant {
  /** Where the page's private key lived: a non-extractable WebCrypto key, or @noble/curves. */
  keyKind: KeyKind;
}

/** POSTs the code with the PKCE verifier, then opens the sealed secret with the page's key. */
export async function exchangeInBrowser({ base, clientId, redirectUri, code, keys, fetchImpl }: { base: string; clientId: string; redirectUri: string; code: string; keys: BrowserAuthorizationKeys; fetchImpl?: typeof fetch }): Promise<BrowserGrant> {
  const answer = await postForm({
    url: `${base}/connect/token`,
    form: { grant_type: "authorization_code", code, code_verifier: keys.codeVerifier, client_id: clientId, redirect_uri: redirectUri },
    fetchImpl: fetchImpl ?? globalThis.fetch.bind(globalThis),
  });
  if (!answer.ok) throw errorFromResponse(answer);
  const checked = checkTokenResponse(answer);
  let ephemeralPublicKey: Uint8Array;
  try {
    ephemeralPublicKey = parseSealed(checked.sealed).ephemeralPublicKey;
  } catch (error) {
    throw sealFailure(error, checked.status);
  }
  const shared = await keys.deriveShared(ephemeralPublicKey);
  const grant = grantFromTokenResponse({
    checked,
    clientId,
    openSecret: (aad) => openSealedFromShared({ shared, recipientPublicKey: keys.publicKey, sealed: checked.sealed, info: SEAL_INFO, aad }),
  });
  return { ...grant, keyKind: keys.kind };
}

export interface ConnectOptions {
  baseUrl: string;
  clientId: string;
  /** A redirect URI registered for the app, on this page's origin (the consent page posts the code to that origin only). */
  redirectUri: string;
  scope: string;
  suggested?: SuggestedLimits;
  fetchImpl?: typeof fetch;
  /** For tests: the window that opens the popup, and the WebCrypto to use. */
  host?: PopupHost;
  subtle?: SubtleCrypto;
}

/** Opens the consent popup and returns the relay token; call it from a click handler. */
export async function connectInBrowser({ baseUrl, clientId, redirectUri, scope, suggested, fetchImpl, host, subtle }: ConnectOptions): Promise<BrowserGrant> {
  const base = normalizeBaseUrl(baseUrl);
  checkString(clientId, "clientId", 64);
  checkString(redirectUri, "redirectUri");
  canonicalScope(scope);
  const keys = await newBrowserKeys({ subtle });
  try {
    const state = randomToken();
    const url = buildAuthorizeUrl({ base, clientId, redirectUri, scope, state, codeChallenge: keys.codeChallenge, key: keys.publicKeyText, suggested, display: "popup" });
    const answer = await waitForConsent({ url, base, state, host: host ?? (globalThis as unknown as PopupHost) });
    return await exchangeInBrowser({ base, clientId, redirectUri, code: answer.code, keys, fetchImpl });
  } finally {
    keys.drop();
  }
}
