import { formatSignInCode, SIGN_IN_CODE_TTL_SECONDS } from "../auth/sign-in-code";

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The sign-in email: a code to type in the same window, and a link that does the same. */
export function buildSignInEmail({ to, code, url }: { to: string; code: string; url: string }): EmailMessage {
  const shown = formatSignInCode(code);
  const minutes = Math.round(SIGN_IN_CODE_TTL_SECONDS / 60);
  const text = [
    "Your 1Relay sign-in code:",
    "",
    `    ${shown}`,
    "",
    "Type it in the window where you asked to sign in, or open this link:",
    url,
    "",
    `The code and link work once and expire in ${minutes} minutes.`,
    "If you did not ask to sign in, ignore this email: nobody can sign in without it.",
    "1Relay never asks for your master password by email.",
  ].join("\n");
  const html = `<p>Your 1Relay sign-in code:</p>
<p style="font-size:24px;font-family:monospace;letter-spacing:2px"><strong>${escapeHtml(shown)}</strong></p>
<p>Type it in the window where you asked to sign in, or <a href="${escapeHtml(url)}">sign in with this link</a>.</p>
<p>The code and link work once and expire in ${minutes} minutes. If you did not ask to sign in, ignore this email.</p>
<p>1Relay never asks for your master password by email.</p>`;
  return { to, subject: "Sign in to 1Relay", text, html };
}
