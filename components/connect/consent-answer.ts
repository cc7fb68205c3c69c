import { connectApi } from "@/lib/connect/connect-api";
import { approveAppRequest, approveDeviceRequest, type ConsentGrant } from "@/lib/vault/vault-store";
import type { ConsentProps } from "./consent-form";
import { finishConsent } from "./finish-consent";

/**
 * The consent form's answer, by flow: an app's request goes back to the app (redirect or
 * postMessage); a program's device request (decision 021) is fetched by the program's next poll,
 * so the page only says to return to the terminal. Returns what the page shows next.
 */
export async function answerConsent({ consent, grant }: { consent: ConsentProps; grant: ConsentGrant | null }): Promise<string> {
  const { requestId, clientId, appKey, appName } = consent;
  if (consent.flow === "device") {
    if (!grant) {
      await connectApi.denyDevice(requestId);
      return `Denied. ${appName} gets nothing; you can close this page.`;
    }
    await approveDeviceRequest({ requestId, clientId, appKey, ...grant });
    return `Approved. Go back to your terminal: ${appName} finishes on its own within a few seconds.`;
  }
  if (!grant) {
    const outcome = await connectApi.deny(requestId);
    return finishConsent(outcome) === "posted" ? "Denied. You can close this window." : `Denied. Taking you back to ${appName}…`;
  }
  const outcome = await approveAppRequest({ requestId, clientId, appKey, ...grant });
  return finishConsent(outcome) === "posted" ? `Approved. You can close this window and return to ${appName}.` : `Approved. Taking you back to ${appName}…`;
}
