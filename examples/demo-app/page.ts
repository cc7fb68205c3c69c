/**
 * The demo app's only page, rendered on the server. Every value is escaped;
 * the relay token never reaches this module (only scope, limits and the
 * connection id do). The small script talks to our own server (/start,
 * /exchange, /ask) and to the 1Relay widget (window.OneRelay.connect).
 *
 * Stable hooks for browser tests: see README.md ("Driving it from tests").
 */

export interface Flash {
  kind: "error" | "notice";
  message: string;
}

export interface HomeView {
  appName: string;
  nonce: string;
  relayUrl: string;
  redirectUri: string;
  defaultModel: string;
  settings: { clientId?: string; hasSecret: boolean; editable: boolean };
  connection?: { scope: string; limits: unknown; connectionId: string };
  /** 1Relay refused the token (401): shown as "Disconnected" with a reconnect button. */
  lost?: { reason: string };
  flash?: Flash;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

const LIMIT_LABELS: Record<string, string> = {
  budgetUsd: "Budget (USD)",
  budget_usd: "Budget (USD)",
  rpm: "Requests per minute",
  expiresAt: "Expires",
  expires_at: "Expires",
};

function limitValue(value: unknown): string {
  if (value === null) return "none";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value) ?? "";
}

/** The limits 1Relay granted, whatever their exact shape: one row per field. */
function renderLimits(limits: unknown): string {
  const entries = typeof limits === "object" && limits !== null && !Array.isArray(limits) ? Object.entries(limits as Record<string, unknown>) : [];
  if (entries.length === 0) return `<p data-testid="limits">No limits were reported.</p>`;
  const rows = entries
    .map(([key, value]) => {
      const label = LIMIT_LABELS[key] ?? key;
      return `<div><dt>${escapeHtml(label)}</dt><dd data-testid="limit-${escapeHtml(key)}">${escapeHtml(limitValue(value))}</dd></div>`;
    })
    .join("");
  return `<dl class="pairs" data-testid="limits">${rows}</dl>`;
}

function renderConnection(view: HomeView): string {
  const { connection, settings } = view;
  if (connection) {
    return `
      <p data-testid="status" data-connected="true"><strong>Connected to 1Relay.</strong> This app holds a relay token on its server; your browser never sees it.</p>
      <dl class="pairs">
        <div><dt>Granted scope</dt><dd data-testid="scope">${escapeHtml(connection.scope)}</dd></div>
        <div><dt>Connection</dt><dd data-testid="connection-id"><code>${escapeHtml(connection.connectionId)}</code></dd></div>
      </dl>
      <h3>Limits</h3>
      ${renderLimits(connection.limits)}
      <form method="post" action="/disconnect">
        <button type="submit" data-testid="disconnect">Disconnect</button>
      </form>`;
  }
  const again = view.lost !== undefined;
  const actions =
    settings.clientId === undefined
      ? `<p>Set this app's <strong>Client ID</strong> below first.</p>`
      : `<div class="actions">
          <button type="button" id="connect-popup" data-testid="connect-popup">${again ? "Reconnect with 1Relay" : "Connect with 1Relay"}</button>
          <a href="/start?mode=redirect" data-testid="connect-redirect">${again ? "Reconnect with redirect" : "Connect with redirect"}</a>
        </div>`;
  if (again) {
    return `
      <p data-testid="status" data-connected="false" data-disconnected="true"><strong>Disconnected.</strong> 1Relay no longer accepts this app's token: it was revoked or expired (${escapeHtml(view.lost!.reason)}). Reconnect to keep using your keys.</p>
      ${actions}`;
  }
  return `
      <p data-testid="status" data-connected="false"><strong>Not connected.</strong> Connect your 1Relay to let Acme Notes call AI models with your keys, within the limits you choose.</p>
      ${actions}`;
}

function renderAsk(view: HomeView): string {
  if (!view.connection) return "";
  return `
    <section aria-labelledby="ask-heading">
      <h2 id="ask-heading">Ask a model</h2>
      <form id="ask-form" data-testid="ask-form">
        <label for="model">Model</label>
        <input id="model" name="model" value="${escapeHtml(view.defaultModel)}" required maxlength="120" autocomplete="off" spellcheck="false" data-testid="model">
        <label for="prompt">Prompt</label>
        <textarea id="prompt" name="prompt" rows="4" required maxlength="20000" data-testid="prompt"></textarea>
        <button type="submit" id="ask" data-testid="ask">Ask</button>
      </form>
      <h3>Answer</h3>
      <div id="answer" class="answer" data-testid="answer" aria-live="polite"></div>
    </section>`;
}

function renderSettings(view: HomeView): string {
  const { settings } = view;
  const current =
    settings.clientId === undefined
      ? `<p data-testid="configured-client-id" data-configured="false">No Client ID yet.</p>`
      : `<p data-testid="configured-client-id" data-configured="true">Client ID <code>${escapeHtml(settings.clientId)}</code>${settings.hasSecret ? " (with a client secret)" : " (public client, no secret)"}</p>`;
  const form = settings.editable
    ? `<form method="post" action="/config" data-testid="config-form">
        <label for="client-id">Client ID</label>
        <input id="client-id" name="client_id" required maxlength="64" placeholder="app_…" autocomplete="off" spellcheck="false" value="${escapeHtml(settings.clientId ?? "")}" data-testid="client-id">
        <label for="client-secret">Client secret (optional)</label>
        <input id="client-secret" name="client_secret" type="password" maxlength="256" placeholder="1rs_…" autocomplete="off" data-testid="client-secret">
        <button type="submit" data-testid="save-config">Save</button>
      </form>`
    : `<p>Set from the environment (DEMO_CLIENT_ID).</p>`;
  const open = settings.clientId === undefined ? " open" : "";
  return `
    <section aria-labelledby="settings-heading">
      <details${open}>
        <summary><h2 id="settings-heading">App settings</h2></summary>
        <p>1Relay: <code data-testid="relay-url">${escapeHtml(view.relayUrl)}</code></p>
        <p>Register this redirect URI for the app in 1Relay (Dashboard → Apps): <code data-testid="redirect-uri">${escapeHtml(view.redirectUri)}</code></p>
        ${current}
        ${form}
      </details>
    </section>`;
}

/** Runs in the browser (kept ES2017 and dependency-free). */
const CLIENT_SCRIPT = `
(function () {
  "use strict";
  var errorBox = document.getElementById("error");
  var relayUrl = document.body.getAttribute("data-relay-url");
  function showError(message, status) {
    errorBox.textContent = message;
    if (status) errorBox.setAttribute("data-status", String(status)); else errorBox.removeAttribute("data-status");
    errorBox.hidden = false;
  }
  function clearError() {
    errorBox.textContent = "";
    errorBox.removeAttribute("data-status");
    errorBox.hidden = true;
    var notice = document.getElementById("notice");
    if (notice) notice.remove();
  }
  async function postJson(path, body) {
    var response = await fetch(path, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(body),
      credentials: "same-origin"
    });
    var data = null;
    try { data = await response.json(); } catch (e) { data = null; }
    return { ok: response.ok, status: response.status, data: data || {} };
  }
  var WIDGET_ERRORS = {
    access_denied: "You declined the connection.",
    popup_closed: "The 1Relay window was closed before the connection was approved.",
    state_mismatch: "The answer from 1Relay does not match this connection attempt. Try again."
  };

  var connect = document.getElementById("connect-popup");
  if (connect) {
    connect.addEventListener("click", async function () {
      clearError();
      if (!window.OneRelay || typeof window.OneRelay.connect !== "function") {
        showError("The 1Relay widget did not load from " + relayUrl + "/connect.js. Is 1Relay running?");
        return;
      }
      var start;
      try {
        start = await postJson("/start", { mode: "popup" });
      } catch (e) {
        showError("Could not reach this app's server.");
        return;
      }
      if (!start.ok) { showError(start.data.error || "Could not start the connection.", start.status); return; }
      var result;
      try {
        result = await window.OneRelay.connect(start.data);
      } catch (error) {
        if (error && error.code === "superseded") return; // a newer click took over
        var code = error && error.code ? error.code : "unknown_error";
        showError(WIDGET_ERRORS[code] || "The connection failed (" + code + ").");
        return;
      }
      var exchange;
      try {
        exchange = await postJson("/exchange", { code: result.code, state: result.state, iss: result.iss });
      } catch (e) {
        showError("Could not reach this app's server.");
        return;
      }
      if (!exchange.ok) { showError(exchange.data.error || "The connection failed.", exchange.status); return; }
      window.location.assign("/");
    });
  }

  var askForm = document.getElementById("ask-form");
  if (askForm) {
    var answer = document.getElementById("answer");
    var askButton = document.getElementById("ask");
    askForm.addEventListener("submit", async function (event) {
      event.preventDefault();
      clearError();
      answer.textContent = "";
      answer.setAttribute("aria-busy", "true");
      askButton.disabled = true;
      try {
        var reply = await postJson("/ask", { model: askForm.elements.model.value, prompt: askForm.elements.prompt.value });
        if (reply.ok && typeof reply.data.answer === "string") answer.textContent = reply.data.answer;
        else if (reply.data.disconnected) { window.location.assign("/"); return; } // the page shows "Disconnected" and a reconnect button
        else showError(reply.data.error || "The request failed (" + reply.status + ").", reply.status);
      } catch (e) {
        showError("Could not reach this app's server.");
      } finally {
        answer.removeAttribute("aria-busy");
        askButton.disabled = false;
      }
    });
  }
})();
`;

export function clientScript(): string {
  return CLIENT_SCRIPT;
}

const STYLE = `
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
  body { margin: 0; }
  main { max-width: 44rem; margin: 0 auto; padding: 1.5rem 1rem 4rem; }
  header p { color: GrayText; margin-top: 0; }
  section { border: 1px solid color-mix(in srgb, currentColor 20%, transparent); border-radius: 0.5rem; padding: 0 1rem 1rem; margin: 1rem 0; }
  summary { cursor: pointer; }
  summary h2 { display: inline; }
  h2 { font-size: 1.15rem; margin: 1rem 0 0.5rem; }
  h3 { font-size: 1rem; margin: 1rem 0 0.25rem; }
  label { display: block; font-weight: 600; margin-top: 0.75rem; }
  input, textarea { box-sizing: border-box; width: 100%; font: inherit; padding: 0.4rem 0.5rem; }
  button { font: inherit; padding: 0.45rem 0.9rem; margin-top: 0.75rem; cursor: pointer; }
  .actions { display: flex; align-items: baseline; gap: 1rem; flex-wrap: wrap; }
  .pairs div { display: flex; gap: 0.5rem; }
  .pairs dt { font-weight: 600; min-width: 11rem; }
  .pairs dd { margin: 0; }
  .answer { white-space: pre-wrap; min-height: 1.5rem; padding: 0.5rem; border-radius: 0.25rem; background: color-mix(in srgb, currentColor 6%, transparent); }
  .answer[aria-busy="true"]::before { content: "Thinking…"; color: GrayText; }
  [role="alert"] { border: 1px solid #c62828; color: #c62828; border-radius: 0.25rem; padding: 0.5rem 0.75rem; }
  #notice { border: 1px solid #2e7d32; border-radius: 0.25rem; padding: 0.5rem 0.75rem; }
  [hidden] { display: none !important; }
  code { word-break: break-all; }
`;

export function renderHome(view: HomeView): string {
  const error = view.flash?.kind === "error" ? view.flash.message : "";
  const notice = view.flash?.kind === "notice" ? `<p id="notice" role="status" data-testid="notice">${escapeHtml(view.flash.message)}</p>` : "";
  const nonce = escapeHtml(view.nonce);
  const widget = view.settings.clientId !== undefined && !view.connection ? `<script src="${escapeHtml(view.relayUrl)}/connect.js" nonce="${nonce}"></script>` : "";
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(view.appName)}</title>
  <style nonce="${nonce}">${STYLE}</style>
</head>
<body data-relay-url="${escapeHtml(view.relayUrl)}">
  <main>
    <header>
      <h1>${escapeHtml(view.appName)}</h1>
      <p>An example third-party app: it asks for access to your 1Relay and calls AI models with a relay token kept on its server.</p>
    </header>
    <div id="error" role="alert" data-testid="error"${error === "" ? " hidden" : ""}>${escapeHtml(error)}</div>
    ${notice}
    <section aria-labelledby="connection-heading">
      <h2 id="connection-heading">1Relay connection</h2>
      ${renderConnection(view)}
    </section>
    ${renderAsk(view)}
    ${renderSettings(view)}
  </main>
  ${widget}
  <script nonce="${nonce}">${CLIENT_SCRIPT}</script>
</body>
</html>
`;
}
