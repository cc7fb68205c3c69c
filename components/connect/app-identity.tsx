import type { PublicApp } from "@/lib/db/app-queries";
import { BrandMark } from "../brand-mark";

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The consent page's top line: it is 1Relay asking, on 1Relay's own page. */
export function ConsentBrand() {
  return (
    <div className="consent-brand" data-testid="consent-brand">
      <BrandMark size={28} />
      <span>
        <strong>1Relay</strong> <span className="hint">· your AI keys stay sealed in your vault</span>
      </span>
    </div>
  );
}

/**
 * Who is asking: the app's logo (served by us), name, homepage and description, where it returns
 * you (for a redirect; a device request has none), and whether the operator of this 1Relay
 * checked who runs it. An unverified app says so, in words.
 */
export function AppIdentity({ app, redirectHost }: { app: PublicApp; redirectHost?: string }) {
  const homepageHost = new URL(app.homepage).host;
  return (
    <div className="app-identity">
      {/* eslint-disable-next-line @next/next/no-img-element -- the logo is served by us (/connect/logo); no image optimiser on Workers */}
      {app.hasLogo ? <img className="app-logo" src={`/connect/logo/${app.clientId}?v=${app.logoVersion}`} alt={`${app.name} logo`} width={56} height={56} /> : <div className="app-logo placeholder" aria-hidden="true">{app.name.slice(0, 1)}</div>}
      <div>
        <h1>{app.name}</h1>
        <p className="hint">
          <a href={app.homepage} target="_blank" rel="noopener noreferrer">{homepageHost}</a>
          {redirectHost ? <> · returns you to <strong>{redirectHost}</strong></> : null}
        </p>
        {app.verifiedAt !== null ? (
          <p className="verification verified" data-testid="app-verification" data-verified="true">
            <span className="badge">Verified</span> This 1Relay&apos;s operator checked who runs {app.name} on {day(app.verifiedAt)}.
          </p>
        ) : (
          <p className="verification unverified" data-testid="app-verification" data-verified="false">
            <span className="badge warning">Unverified app</span> Nobody has checked who runs it. Continue only if you trust {homepageHost}.
          </p>
        )}
        {app.description ? <p>{app.description}</p> : null}
      </div>
    </div>
  );
}
