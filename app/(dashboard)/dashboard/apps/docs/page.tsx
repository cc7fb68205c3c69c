import type { Metadata } from "next";
import Link from "next/link";
import { getServerEnv } from "@/lib/env/server-env";
import { integrationSnippets } from "@/lib/apps/docs-snippets";
import { requireUser } from "@/lib/auth/current-user";
import { listApps } from "@/lib/db/app-queries";
import { createDb } from "@/lib/db/client";
import { listProviders } from "@/lib/providers/registry";
import styles from "./docs.module.css";

export const metadata: Metadata = { title: "Integration docs" };

function Code({ children }: { children: string }) {
  return (
    <pre>
      <code>{children}</code>
    </pre>
  );
}

/**
 * How an app connects a person's 1Relay: snippets for this deployment's origin, filled with the
 * developer's own client ID and redirect URI (the app chosen with ?app=, else their first).
 */
export default async function IntegrationDocsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const env = getServerEnv();
  const apps = await listApps({ db: createDb(env.DB), ownerId: user.id });
  const wanted = (await searchParams).app;
  const app = apps.find((a) => a.clientId === wanted) ?? apps[0] ?? null;
  // The snippets name this deployment's public origin (PUBLIC_URL), never the request's Host.
  const s = integrationSnippets(env.PUBLIC_URL, app ? { clientId: app.clientId, redirectUri: app.redirectUris[0] ?? null } : null);
  return (
    <article className={styles.docs}>
      <p>
        <Link href="/dashboard/apps">← Apps</Link>
      </p>
      <h1>Integration docs</h1>
      {app ? (
        <div className="alert info" data-testid="docs-app">
          The snippets below use <strong>{app.name}</strong>: client ID <code>{app.clientId}</code>
          {app.redirectUris[0] ? (
            <>
              {" "}and redirect URI <code>{app.redirectUris[0]}</code>
            </>
          ) : null}
          .
          {apps.length > 1 ? (
            <>
              {" "}Show them for{" "}
              {apps
                .filter((a) => a.clientId !== app.clientId)
                .map((a, i) => (
                  <span key={a.clientId}>
                    {i > 0 ? ", " : ""}
                    <Link href={`/dashboard/apps/docs?app=${encodeURIComponent(a.clientId)}`}>{a.name}</Link>
                  </span>
                ))}
              .
            </>
          ) : null}
        </div>
      ) : (
        <div className="alert info" data-testid="docs-app">
          <Link href="/dashboard/apps">Register your app</Link> and these snippets will carry its own client ID and redirect URI.
        </div>
      )}
      <p>
        Your app asks a person for access to their AI provider keys. The person picks keys, models and limits on 1Relay and approves; your server gets a{" "}
        <strong>relay token</strong> (<code>1r_…</code>) that calls <code>POST /v1/chat/completions</code> like an OpenAI key, within those limits, until the person
        revokes it. You never see a provider key. It is OAuth 2.1’s authorization code flow with PKCE (S256 only), plus one step: the token’s secret comes back{" "}
        <strong>sealed to a key pair your server made for this authorization</strong>, so only you can open it.
      </p>

      <h2>Before you start</h2>
      <ul>
        <li>
          <Link href="/dashboard/apps">Register your app</Link>: you get a <code>client_id</code> (<code>app_…</code>). A server-side app can also create a client
          secret (<code>1rs_…</code>, shown once; keep it in your server’s configuration).
        </li>
        <li>
          Redirect URIs are matched exactly: <code>https://…</code> in the normal form a browser writes (<code>https://app.example.com/callback</code>), no{" "}
          <code>#fragment</code>, no <code>user@</code>.
        </li>
        <li>
          <code>http://</code> only on loopback, where any port is accepted at request time (RFC 8252 §7.3): prefer <code>http://127.0.0.1/callback</code> or{" "}
          <code>http://[::1]/callback</code>; <code>localhost</code> works too but can be resolved elsewhere.
        </li>
      </ul>

      <h2>1. Start: send the person to 1Relay</h2>
      <p>
        The helper package <code>@1relay/connect</code> (Node ≥ 20, Workers, Deno, Bun; <code>packages/connect</code> in 1Relay’s repository, built with{" "}
        <code>npm run build:packages</code> until it is on npm) makes the PKCE
        verifier, a <code>state</code> and an X25519 key pair. Keep <code>pending</code> on your server, never in a URL.
      </p>
      <Code>{s.start}</Code>
      <p>Or build the URL yourself (no parameter twice):</p>
      <Code>{s.authorize}</Code>
      <p>
        Scope: space-separated provider ids, each optionally with one of its models (<code>anthropic:claude-sonnet-4-5</code>,{" "}
        <code>groq:llama-3.3-70b-versatile</code>, <code>openrouter:openai/gpt-4o-mini</code>). The person may grant less than you ask. Provider ids:
      </p>
      <ul className={styles.providers}>
        {listProviders().map((p) => (
          <li key={p.id}>
            <code>{p.id}</code> {p.displayName}
          </li>
        ))}
      </ul>

      <h2>2. The callback</h2>
      <p>
        1Relay sends the person back to your redirect URI with the code (RFC 9207 <code>iss</code> included), or with <code>error=access_denied</code>. Check{" "}
        <code>state</code> and <code>iss</code> (the helper does).
      </p>
      <Code>{s.callback}</Code>

      <h2>Or: the popup widget</h2>
      <p>
        <code>/connect.js</code> (under 4 KB, no dependencies) opens the consent page in a popup and resolves with the code. Call it from a click handler, on a page
        of your redirect URI’s origin: that is the only origin the consent page posts to. If the popup is blocked, the tab goes to 1Relay and comes back to your
        redirect URI, so keep the callback working too.
      </p>
      <Code>{s.widget}</Code>

      <h2>3. Exchange the code for a token</h2>
      <p>
        Within 60 seconds, once. <code>exchangeCode</code> checks <code>state</code> and <code>iss</code>, posts the code with the PKCE verifier, opens the sealed
        secret and returns the token.
      </p>
      <Code>{s.exchange}</Code>
      <p>
        The endpoint itself, for other languages: <code>POST /connect/token</code>, form-encoded. Send the client secret as <code>client_secret</code> or with{" "}
        <code>Authorization: Basic</code>, not both. Errors are <code>{"{ error, error_description }"}</code> (RFC 6749 §5.2).
      </p>
      <Code>{s.tokenCurl}</Code>
      <Code>{s.tokenResponse}</Code>
      <p>
        Opening <code>sealed_secret = v1.&lt;eph_pub&gt;.&lt;nonce&gt;.&lt;ct&gt;</code> (all base64url) without the helper:
      </p>
      <Code>{s.openSeal}</Code>

      <h2>4. Revoke</h2>
      <p>
        When the person disconnects in your app (RFC 7009). The person can also revoke from their 1Relay dashboard at any time; your next call is then refused.
      </p>
      <Code>{s.revoke}</Code>
      <Code>{s.revokeCurl}</Code>

      <h2>5. Call the gateway</h2>
      <p>
        With the token, exactly as you would call OpenAI, streaming or not, whatever provider sits behind (<code>GET /v1/models</code> lists what it may use).
        Name a model as <code>&lt;provider&gt;/&lt;model&gt;</code> (<code>groq/llama-3.3-70b-versatile</code>,{" "}
        <code>openrouter/anthropic/claude-sonnet-4.5</code>); a bare name works where only one provider serves it (<code>gpt-4o-mini</code>,{" "}
        <code>claude-haiku-4-5</code>, <code>mistral-small-latest</code>, <code>grok-4.3</code>).
      </p>
      <Code>{s.chatCurl}</Code>
      <Code>{s.chatOpenAi}</Code>

      <h2>Browser app (no server)</h2>
      <p>
        A single-page app can do all of this in the page with <code>@1relay/connect/browser</code>: the PKCE verifier and the key (a non-extractable WebCrypto key),
        the consent popup, the exchange by <code>fetch</code> and the token, kept in memory unless you choose otherwise. Register the app’s{" "}
        <strong>web origins</strong> with it: 1Relay answers the page (CORS) from those origins only, and the token is refused from any other page. A page
        cannot keep a client secret, so it has none.
      </p>
      <Code>{s.browserConnect}</Code>
      <Code>{s.browserSdks}</Code>
      <p>
        Anything in the page can read a token the page holds: use a strict Content-Security-Policy, the narrowest scope, and memory or{" "}
        <code>sessionStorage</code> rather than <code>localStorage</code>. <code>relay.disconnect()</code> revokes it. More in{" "}
        <code>packages/connect/README.md</code>, “Browser app”.
      </p>
    </article>
  );
}
