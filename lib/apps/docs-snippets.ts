// Copy-paste snippets of the integration docs (dashboard → Apps → Integration docs), for
// this deployment's origin. Kept in step with packages/connect/README.md; pure text, no I/O.

const EXAMPLE_CLIENT_ID = "app_0123456789abcdef01234567";
const EXAMPLE_REDIRECT_URI = "https://app.example.com/callback";
const SCOPE = "openai anthropic:claude-sonnet-4-5";

/**
 * The snippets for this deployment's origin, filled with the developer's own client ID and first
 * redirect URI when they have registered an app (placeholders otherwise).
 */
export function integrationSnippets(origin: string, app: { clientId: string; redirectUri: string | null } | null = null) {
  const CLIENT_ID = app?.clientId ?? EXAMPLE_CLIENT_ID;
  const REDIRECT_URI = app?.redirectUri ?? EXAMPLE_REDIRECT_URI;
  return {
    authorize: `GET ${origin}/connect/authorize
  ?response_type=code
  &client_id=${CLIENT_ID}
  &redirect_uri=${encodeURIComponent(REDIRECT_URI)}
  &scope=${encodeURIComponent(SCOPE)}
  &state=<random, 1–500 printable ASCII characters>
  &code_challenge=<BASE64URL(SHA-256(code_verifier))>
  &code_challenge_method=S256
  &key=<your X25519 public key: 32 bytes, base64url without padding>
  &budget_usd=20        (optional suggestion; the person decides)
  &rpm=60               (optional suggestion)
  &display=page         (or popup; the widget sets it)`,

    callback: `# Approved: a one-time code, valid for 60 seconds
${REDIRECT_URI}?code=<code>&state=<your state>&iss=${encodeURIComponent(origin)}

# Denied
${REDIRECT_URI}?error=access_denied&state=<your state>`,

    start: `import { startAuthorization, exchangeCode, revokeToken, ConnectError } from "@1relay/connect";

const RELAY = "${origin}";
const CLIENT_ID = "${CLIENT_ID}";
const REDIRECT_URI = "${REDIRECT_URI}";

// 1. Start (your server): redirect to \`url\`, or hand \`params\` to the widget.
const { url, pending, params } = startAuthorization({
  baseUrl: RELAY,
  clientId: CLIENT_ID,
  redirectUri: REDIRECT_URI,
  scope: "${SCOPE}",
  suggested: { budgetUsd: 20, rpm: 60 }, // optional; the person decides
  display: "page",                       // the widget sets "popup" itself
});
await session.set("1relay", pending);    // server-side only: the PKCE verifier and private key`,

    widget: `<script src="${origin}/connect.js"></script>
<button id="connect">Connect 1Relay</button>
<script>
  document.getElementById("connect").addEventListener("click", async () => {
    // From your server: the \`params\` of startAuthorization (pending stays there).
    const start = await fetch("/1relay/start", { method: "POST" }).then((r) => r.json());
    try {
      const { code, state, iss } = await OneRelay.connect({
        baseUrl: "${origin}",
        clientId: "${CLIENT_ID}",
        redirectUri: "${REDIRECT_URI}",
        scope: "${SCOPE}",
        key: start.key,
        codeChallenge: start.codeChallenge,
        state: start.state,
        budgetUsd: 20, // optional
        rpm: 60,       // optional
      });
      await fetch("/1relay/finish", { method: "POST", body: JSON.stringify({ code, state, iss }) });
    } catch (error) {
      // error.code: access_denied, popup_closed, state_mismatch, superseded, invalid_options
    }
  });
</script>`,

    exchange: `// 4. Exchange (your server), in your callback route or the widget's finish endpoint.
try {
  const { token, connectionId, scope, limits } = await exchangeCode({
    baseUrl: RELAY,
    pending: await session.take("1relay"),
    code, state, iss,                              // as 1Relay returned them
    clientSecret: process.env.RELAY_CLIENT_SECRET, // confidential clients only
  });
  await db.saveRelayToken({ userId, token, connectionId, scope }); // store token like a password
} catch (error) {
  if (error instanceof ConnectError) {
    // error.code: invalid_grant (code expired or used), invalid_client, state_mismatch,
    // iss_mismatch, seal_failed, invalid_response, network_error, …; error.status if any
  }
  throw error;
}`,

    tokenCurl: `curl ${origin}/connect/token \\
  --data-urlencode grant_type=authorization_code \\
  --data-urlencode code="$CODE" \\
  --data-urlencode code_verifier="$CODE_VERIFIER" \\
  --data-urlencode client_id=${CLIENT_ID} \\
  --data-urlencode redirect_uri=${REDIRECT_URI} \\
  --data-urlencode client_secret="$RELAY_CLIENT_SECRET"   # confidential clients only`,

    tokenResponse: `{
  "token_type": "relay",
  "connection_id": "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
  "sealed_secret": "v1.<eph_pub>.<nonce>.<ct>",
  "scope": "openai anthropic:claude-sonnet-4-5",
  "limits": { "budget_usd": 20, "rpm": 60, "models": [], "expires_at": null }
}`,

    revoke: `// 5. Revoke, when the person disconnects in your app.
await revokeToken({ baseUrl: RELAY, clientId: CLIENT_ID, token, clientSecret: process.env.RELAY_CLIENT_SECRET });`,

    revokeCurl: `# From any language: 200 even for an unknown token.
curl ${origin}/connect/revoke \\
  --data-urlencode token="$RELAY_TOKEN" \\
  --data-urlencode client_id=${CLIENT_ID} \\
  --data-urlencode client_secret="$RELAY_CLIENT_SECRET"   # confidential clients only`,

    chatCurl: `curl ${origin}/v1/chat/completions \\
  -H "Authorization: Bearer $RELAY_TOKEN" \\
  -H "Content-Type: application/json" \\
  -d '{"model": "claude-sonnet-4-5", "messages": [{"role": "user", "content": "Hi"}]}'`,

    chatOpenAi: `import OpenAI from "openai";

const client = new OpenAI({ apiKey: relayToken /* 1r_… */, baseURL: "${origin}/v1" });
const completion = await client.chat.completions.create({
  model: "claude-sonnet-4-5",
  messages: [{ role: "user", content: "Hi" }],
  stream: false, // streaming works too
});`,

    browserConnect: `// A page with no server: npm install @1relay/connect
import { createRelayClient, readChatStream } from "@1relay/connect/browser";

const relay = createRelayClient({
  baseUrl: "${origin}",
  clientId: "${CLIENT_ID}",
  redirectUri: "${REDIRECT_URI}", // on this page's origin, registered with its web origin
  scope: "${SCOPE}",
});
button.onclick = () => relay.connect({ suggested: { budgetUsd: 5 } }); // the consent popup; the token stays in memory

const response = await relay.fetch("/v1/chat/completions", {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Hi" }], stream: true }),
});
const { text, costUsd } = await readChatStream(response, { onText: (delta) => show(delta) });`,

    browserSdks: `// The openai SDK in the page
const client = new OpenAI({ baseURL: relay.openAIBaseUrl, apiKey: await relay.token(), dangerouslyAllowBrowser: true });

// The Vercel AI SDK
const openai = createOpenAI({ baseURL: relay.openAIBaseUrl, apiKey: await relay.token() });
const result = streamText({ model: openai.chat("gpt-4o-mini"), prompt: "Hi" });`,

    openSeal: `shared = X25519(your_private_key, eph_pub)
key    = HKDF-SHA256(shared, salt = eph_pub ‖ your_public_key, info = "1relay/v1/seal", 32 bytes)
K      = AES-256-GCM-open(key, nonce, ct, aad = "1relay/v1/seal/<client_id>/<connection_id>")
token  = "1r_" + base62(connection_id bytes ‖ K) (65 chars) + base62(CRC-32) (6 chars)`,
  };
}
