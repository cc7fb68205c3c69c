import type { ConsentOutcome } from "@/lib/connect/consent-wire";

/**
 * Hands the answer to the app: in the widget's popup, postMessage to the opener at the app's
 * registered origin only (never "*") and close; otherwise follow the redirect. Neither
 * carries a secret: the code is single use, short lived and bound to the app's PKCE verifier.
 */
export function finishConsent(outcome: ConsentOutcome): "posted" | "redirected" {
  const opener = window.opener as Window | null;
  if (outcome.display === "popup" && opener && !opener.closed) {
    opener.postMessage(outcome.message, outcome.targetOrigin);
    window.close();
    return "posted";
  }
  window.location.assign(outcome.redirectTo);
  return "redirected";
}
