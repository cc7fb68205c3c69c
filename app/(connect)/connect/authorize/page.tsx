import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AppOrigins } from "@/components/connect/app-origins";
import { AppIdentity, ConsentBrand } from "@/components/connect/app-identity";
import { ConsentScreen } from "@/components/connect/consent-screen";
import { getCurrentUser } from "@/lib/auth/current-user";
import { loadConsentRequest, startAuthorization } from "@/lib/connect/authorize-service";
import { getServerEnv } from "@/lib/env/server-env";

export const metadata: Metadata = { title: "Connect an app", robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * GET /connect/authorize: the app's request is checked and stored, then the page works on
 * the stored request (?request=…), so signing in or unlocking on the way loses nothing.
 */
export default async function AuthorizePage({ searchParams }: { searchParams: SearchParams }) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(await searchParams)) for (const v of Array.isArray(value) ? value : [value ?? ""]) query.append(name, v);
  const requestId = query.get("request");
  if (requestId !== null && [...query.keys()].length === 1) {
    const consent = await loadConsentRequest({ requestId });
    if (!consent) return <Problem title="This request has expired" message="It was already answered, or waited too long. Go back to the app and connect again." />;
    const user = await getCurrentUser();
    return (
      <main className="narrow consent">
        <ConsentBrand />
        <AppIdentity app={consent.app} redirectHost={consent.redirectOrigin} />
        <AppOrigins origins={consent.app.origins} />
        <ConsentScreen
          signedInAs={user?.email ?? null}
          consent={{ requestId: consent.requestId, clientId: consent.app.clientId, appName: consent.app.name, appKey: consent.appKey, scope: consent.scope, suggested: consent.suggested, origins: consent.app.origins }}
        />
        <p className="hint">
          {consent.app.name} never sees your keys.{" "}
          <a href="/security" target="_blank" rel="noopener">
            How 1Relay protects them, and what it does not
          </a>
          .
        </p>
      </main>
    );
  }

  const started = await startAuthorization({ searchParams: query, issuer: getServerEnv().PUBLIC_URL, clientIp: (await headers()).get("cf-connecting-ip") });
  if (started.kind === "error") return <Problem title={started.title} message={started.message} />;
  redirect(started.kind === "redirect" ? started.url : `/connect/authorize?request=${started.requestId}`);
}

function Problem({ title, message }: { title: string; message: string }) {
  return (
    <main className="narrow consent">
      <ConsentBrand />
      <h1>{title}</h1>
      <div className="alert error" role="alert">{message}</div>
    </main>
  );
}
