import { formatSignInCode } from "../auth/sign-in-code";
import type { EmailConfirmationPurpose } from "../db/schema";
import type { EmailMessage } from "./sign-in-email";

const WHAT: Record<EmailConfirmationPurpose, { subject: string; doing: string }> = {
  vault_signing_key: { subject: "Confirm your vault on this device", doing: "let this browser sign changes to your vault (raising limits, changing your master password)" },
  vault_reset: { subject: "Confirm resetting your vault", doing: "reset your vault: a new vault with a new master password replaces it, and every key in it is deleted" },
  account_delete: { subject: "Confirm deleting your account", doing: "delete your 1Relay account and everything in it" },
};

/** A fresh code that confirms an action a session alone may not do. */
export function buildConfirmationEmail({ to, code, purpose, minutes }: { to: string; code: string; purpose: EmailConfirmationPurpose; minutes: number }): EmailMessage {
  const { subject, doing } = WHAT[purpose];
  const shown = formatSignInCode(code);
  const text = [
    `Someone signed in to your 1Relay account asked to ${doing}.`,
    "",
    `Your confirmation code: ${shown}`,
    "",
    `Type it where you were asked. It works once and expires in ${minutes} minutes.`,
    "If this was not you, do not share the code: someone is using your session. Go to Settings and sign out everywhere.",
  ].join("\n");
  const html = `<p>Someone signed in to your 1Relay account asked to ${doing}.</p>
<p style="font-size:24px;font-family:monospace;letter-spacing:2px"><strong>${shown}</strong></p>
<p>Type it where you were asked. It works once and expires in ${minutes} minutes.</p>
<p>If this was not you, do not share the code: someone is using your session. Go to Settings and sign out everywhere.</p>`;
  return { to, subject: `1Relay: ${subject}`, text, html };
}
