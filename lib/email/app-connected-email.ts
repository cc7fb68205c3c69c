import type { EmailMessage } from "./sign-in-email";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Tells the person a new app got a relay token (so a connection they did not make stands out). */
export function buildAppConnectedEmail({ to, appName, scope, budgetUsd, rpm, manageUrl }: { to: string; appName: string; scope: string; budgetUsd: number | null; rpm: number | null; manageUrl: string }): EmailMessage {
  const limits = `${budgetUsd === null ? "no monthly budget" : `$${budgetUsd} a month`}, ${rpm === null ? "no rate limit" : `${rpm} requests a minute`}`;
  const text = [
    `${appName} is now connected to your 1Relay account.`,
    "",
    `It may use: ${scope}`,
    `Limits: ${limits}`,
    "",
    "It never sees your keys. If you did not do this, revoke it now:",
    manageUrl,
  ].join("\n");
  const html = `<p><strong>${escapeHtml(appName)}</strong> is now connected to your 1Relay account.</p>
<p>It may use: ${escapeHtml(scope)}<br>Limits: ${escapeHtml(limits)}</p>
<p>It never sees your keys. If you did not do this, <a href="${escapeHtml(manageUrl)}">revoke it now</a>.</p>`;
  return { to, subject: `1Relay: ${appName} was connected`, text, html };
}
