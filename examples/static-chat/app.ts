/**
 * Pocket Chat (static demo): a single page with no server of its own. It connects the person's
 * 1Relay with @1relay/connect/browser (the consent popup; the token is made and kept in this
 * page's memory), then streams chat answers from the relay with fetch and shows what each cost.
 * The relay URL is fixed when the page is built (start.mjs); the Client ID is typed in once and
 * kept in localStorage (it is not a secret; the token is never written anywhere).
 */
import { ConnectError, createRelayClient, readChatStream, RelayApiError, type RelayClient } from "@1relay/connect/browser";

declare const __ONERELAY_URL__: string;
const RELAY_URL = __ONERELAY_URL__;
const CLIENT_ID_KEY = "pocket-chat:client-id";
const SCOPE = "openai anthropic gemini";
const REDIRECT_URI = `${location.origin}/`;

const $ = <T extends HTMLElement>(selector: string) => document.querySelector(selector) as T;
const status = $<HTMLParagraphElement>('[data-testid="status"]');
const errorBox = $<HTMLParagraphElement>("#error");
const connectButton = $<HTMLButtonElement>("#connect");
const disconnectButton = $<HTMLButtonElement>("#disconnect");
const messages = $<HTMLOListElement>("#messages");
const history: { role: "user" | "assistant"; content: string }[] = [];
let relay: RelayClient | null = null;

function showError(text: string | null): void {
  errorBox.hidden = text === null;
  errorBox.textContent = text ?? "";
}

function showConnection(connected: boolean, text: string): void {
  status.dataset.connected = String(connected);
  status.textContent = text;
  connectButton.hidden = connected;
  connectButton.textContent = text.startsWith("Disconnected") ? "Reconnect with 1Relay" : "Connect with 1Relay";
  disconnectButton.hidden = !connected;
}

/** What went wrong, in words the person can act on. */
function describeError(error: unknown): string {
  if (error instanceof RelayApiError) {
    if (error.kind === "unauthorized") return `1Relay no longer accepts this app's token (revoked or expired): ${error.message} Connect again to continue.`;
    if (error.kind === "rate_limited") return `A limit was reached: ${error.message}`;
    return `1Relay refused the request: ${error.message}`;
  }
  if (error instanceof ConnectError) {
    if (error.code === "access_denied") return "You declined the connection in 1Relay.";
    if (error.code === "popup_blocked") return "The browser blocked 1Relay's window: allow pop-ups for this page and try again.";
    if (error.code === "popup_closed") return "The 1Relay window was closed before you approved.";
    return error.message;
  }
  return error instanceof Error ? error.message : "Something went wrong.";
}

function clientFor(clientId: string): RelayClient {
  return createRelayClient({ baseUrl: RELAY_URL, clientId, redirectUri: REDIRECT_URI, scope: SCOPE });
}

function addMessage(role: "user" | "assistant", text: string): HTMLLIElement {
  const item = document.createElement("li");
  item.className = role;
  item.dataset.testid = role === "user" ? "user-message" : "answer";
  const body = document.createElement("span");
  body.className = "text";
  body.textContent = text;
  item.append(body);
  messages.append(item);
  return item;
}

function showCost(item: HTMLLIElement, costUsd: string | undefined): void {
  const cost = document.createElement("small");
  cost.className = "cost";
  cost.dataset.testid = "cost";
  cost.textContent = costUsd === undefined ? "Cost: not reported" : `Cost: $${costUsd}`;
  item.append(cost);
}

async function send(model: string, prompt: string): Promise<void> {
  if (!relay || !(await relay.token())) throw new ConnectError({ code: "not_connected", message: "Connect with 1Relay first." });
  history.push({ role: "user", content: prompt });
  const question = addMessage("user", prompt);
  const answer = addMessage("assistant", "");
  const text = answer.querySelector(".text")!;
  try {
    const response = await relay.fetch("/v1/chat/completions", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model, messages: history, stream: true, stream_options: { include_usage: true } }),
    });
    const result = await readChatStream(response, { onText: (delta) => (text.textContent += delta) });
    history.push({ role: "assistant", content: result.text });
    showCost(answer, result.costUsd);
    answer.dataset.done = "true";
  } catch (error) {
    // Not sent, or not answered: the prompt stays in the box to send again.
    history.pop();
    question.remove();
    answer.remove();
    throw error;
  }
}

$<HTMLElement>('[data-testid="origin"]').textContent = location.origin;
$<HTMLElement>('[data-testid="redirect-uri"]').textContent = REDIRECT_URI;
$<HTMLElement>('[data-testid="relay-url"]').textContent = RELAY_URL;
const clientIdInput = $<HTMLInputElement>("#client-id");
clientIdInput.value = localStorage.getItem(CLIENT_ID_KEY) ?? "";
if (clientIdInput.value) relay = clientFor(clientIdInput.value);

$<HTMLFormElement>("#settings").addEventListener("submit", (event) => {
  event.preventDefault();
  const clientId = clientIdInput.value.trim();
  localStorage.setItem(CLIENT_ID_KEY, clientId);
  relay = clientFor(clientId);
  showConnection(false, "Not connected.");
  showError(null);
});

connectButton.addEventListener("click", () => {
  showError(null);
  if (!relay) return showError("Save the app's Client ID first.");
  relay.connect({ suggested: { budgetUsd: 5, rpm: 30 } }).then(
    (grant) => {
      status.dataset.keyKind = grant.keyKind; // where the page's private key lived: "webcrypto" (non-extractable) or "noble"
      showConnection(true, `Connected (scope: ${grant.scope}).`);
    },
    (error: unknown) => showError(describeError(error)),
  );
});

disconnectButton.addEventListener("click", () => {
  showError(null);
  relay?.disconnect().then(
    () => showConnection(false, "Not connected. The token was revoked."),
    (error: unknown) => {
      showConnection(false, "Not connected.");
      showError(`${describeError(error)} Revoke the connection in your 1Relay dashboard to be sure.`);
    },
  );
});

$<HTMLFormElement>("#chat").addEventListener("submit", (event) => {
  event.preventDefault();
  const form = event.currentTarget as HTMLFormElement;
  const prompt = (form.elements.namedItem("prompt") as HTMLTextAreaElement).value.trim();
  const model = (form.elements.namedItem("model") as HTMLInputElement).value.trim();
  if (!prompt) return;
  showError(null);
  send(model, prompt).then(
    () => void ((form.elements.namedItem("prompt") as HTMLTextAreaElement).value = ""),
    (error: unknown) => {
      if (error instanceof RelayApiError && error.kind === "unauthorized") showConnection(false, "Disconnected.");
      showError(describeError(error));
    },
  );
});
