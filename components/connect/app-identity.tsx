import type { PublicApp } from "@/lib/db/app-queries";

/** Who is asking: the app's logo (served by us), name, homepage and description (and where it returns you, for a redirect). */
export function AppIdentity({ app, redirectHost }: { app: PublicApp; redirectHost?: string }) {
  return (
    <div className="app-identity">
      {/* eslint-disable-next-line @next/next/no-img-element -- the logo is served by us (/connect/logo); no image optimiser on Workers */}
      {app.hasLogo ? <img className="app-logo" src={`/connect/logo/${app.clientId}?v=${app.logoVersion}`} alt={`${app.name} logo`} width={56} height={56} /> : <div className="app-logo placeholder" aria-hidden="true">{app.name.slice(0, 1)}</div>}
      <div>
        <h1>{app.name}</h1>
        <p className="hint">
          <a href={app.homepage} target="_blank" rel="noopener noreferrer">{new URL(app.homepage).host}</a>
          {redirectHost ? <> · returns you to <strong>{redirectHost}</strong></> : null}
        </p>
        {app.description ? <p>{app.description}</p> : null}
      </div>
    </div>
  );
}
