import type { Metadata } from "next";
import { headers } from "next/headers";
import { DeviceApproval } from "@/components/connect/device-approval";
import { DeviceCodeForm } from "@/components/connect/device-code-form";
import { DeviceRequestCard } from "@/components/connect/device-request-card";
import { getCurrentUser } from "@/lib/auth/current-user";
import { lookupDeviceRequest } from "@/lib/connect/device-consent-service";

export const metadata: Metadata = { title: "Connect a program", robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * /device (RFC 8628 §3.3, decision 021): the person types the code a program showed (or follows
 * its verification_uri_complete, ?user_code=…), sees what asks and from where, and approves on
 * the consent page's own steps (sign in, unlock, keys and limits). Each code tried is counted
 * against the client address; the request id never appears in a URL.
 */
export default async function DevicePage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).user_code;
  const typed = typeof raw === "string" ? raw : null;
  if (typed === null) return <Shell><DeviceCodeForm /></Shell>;
  const clientIp = (await headers()).get("cf-connecting-ip");
  const found = await lookupDeviceRequest({ input: typed, clientIp });
  if (found.kind === "rate_limited") return <Shell><DeviceCodeForm error={`Too many codes were tried from your network. Try again in ${found.minutes} minutes.`} /></Shell>;
  if (found.kind === "invalid") return <Shell><DeviceCodeForm value={typed} error="That code is not valid, or it has expired or was already used. Check the code your terminal shows, or run the program's login again." /></Shell>;
  const { consent } = found;
  const user = await getCurrentUser();
  return (
    <main className="narrow consent">
      <DeviceRequestCard consent={consent} viewerIp={clientIp} />
      <DeviceApproval
        signedInAs={user?.email ?? null}
        userCode={consent.userCode}
        returnTo={`/device?user_code=${consent.userCode}`}
        consent={{ requestId: consent.requestId, clientId: consent.client.clientId, appName: consent.client.name, appKey: consent.programKey, scope: consent.scope, suggested: consent.suggested, flow: "device" }}
      />
      <p className="hint">
        {consent.client.name} never sees your keys.{" "}
        <a href="/security" target="_blank" rel="noopener">How 1Relay protects them, and what it does not</a>.
      </p>
    </main>
  );
}

function Shell({ children }: { children: React.ReactNode }) {
  return <main className="narrow consent">{children}</main>;
}
