/**
 * "From a terminal" (decision 021): how an agent gets a token of its own without this dashboard,
 * by device authorization with the `1relay` command. `origin` is this deployment's PUBLIC_URL.
 * Made to sit on the agents page ("Use with agents"); also shown on Tokens.
 */
export function TerminalLogin({ origin }: { origin: string }) {
  return (
    <section className="card terminal-login" aria-labelledby="terminal-login-title">
      <h2 id="terminal-login-title">From a terminal: <code>npx 1relay login</code></h2>
      <p>Give an agent its own token, with its own budget, without copying a token from here:</p>
      <pre className="terminal" data-testid="terminal-login-command">
        <code>{`npx 1relay login --url ${origin}`}</code>
      </pre>
      <ol className="steps">
        <li>
          It prints a code and <code>{new URL("/device", origin).href}</code>. Open that page, check it shows the same code, unlock your vault, choose the keys, models,
          monthly budget and requests per minute, and approve.
        </li>
        <li>The command saves the token in a file only you can read (it is never printed) and finishes by itself.</li>
        <li>
          Run your agent through 1Relay: <code>npx 1relay run -- claude</code>, <code>npx 1relay run -- codex</code>, <code>npx 1relay run -- gemini</code>, or any
          OpenAI-compatible tool. <code>npx 1relay status</code> shows its spend this month; <code>npx 1relay logout</code> revokes it.
        </li>
      </ol>
      <p className="hint">
        Only approve a code you started yourself, just now: someone who sends you a code is trying to use your keys. The token appears under Connections as “1Relay CLI”,
        where you can pause or revoke it. Until the <code>1relay</code> package is on npm, run it from a checkout of 1Relay with <code>npm run cli -- login --url {origin}</code>.
      </p>
    </section>
  );
}
