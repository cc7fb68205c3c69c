import type { DeviceConsent } from "@/lib/connect/device-consent-service";
import { AppIdentity } from "./app-identity";

/**
 * What asks, and from where (decision 021, against device-flow phishing, RFC 8628 §5.4): the
 * program's name and client, the code to compare with the terminal's, the address and rough place
 * the request came from, the program's own description of itself, and a plain warning.
 */
export function DeviceRequestCard({ consent, viewerIp }: { consent: DeviceConsent; viewerIp: string | null }) {
  const { client, requester } = consent;
  const minutesAgo = Math.max(0, Math.round((consent.seenAt - consent.createdAt) / 60_000));
  const minutesLeft = Math.max(0, Math.ceil((consent.expiresAt - consent.seenAt) / 60_000));
  const elsewhere = viewerIp !== null && requester.ip !== null && viewerIp !== requester.ip;
  return (
    <>
      {client.app ? (
        <AppIdentity app={client.app} />
      ) : (
        <div className="app-identity">
          <div className="app-logo placeholder" aria-hidden="true">1</div>
          <div>
            <h1>{client.name}</h1>
            <p className="hint">Built into 1Relay · client <code>{client.clientId}</code></p>
            <p>{client.description}</p>
          </div>
        </div>
      )}
      <section className="card device-request" aria-label="The request">
        <p className="hint">Code</p>
        <p className="device-code" data-testid="device-user-code">{consent.userCode}</p>
        <p className="hint">Your terminal must show exactly this code.</p>
        <dl className="facts">
          <dt>Program</dt>
          <dd data-testid="device-program">{client.name} {client.app ? <span className="hint">(app <code>{client.clientId}</code>)</span> : null}</dd>
          {consent.deviceName ? (
            <>
              <dt>Says it runs on</dt>
              <dd data-testid="device-name">{consent.deviceName} <span className="hint">(the program’s own words, not checked)</span></dd>
            </>
          ) : null}
          <dt>Asked from</dt>
          <dd data-testid="device-origin">{requester.ip ?? "an unknown address"}{requester.location ? ` (roughly ${requester.location}; it can be wrong)` : ""}</dd>
          <dt>Program identifies as</dt>
          <dd data-testid="device-agent"><code>{requester.agent ?? "nothing"}</code></dd>
          <dt>Asked</dt>
          <dd>{minutesAgo === 0 ? "less than a minute ago" : `${minutesAgo} minutes ago`} · the code expires in {minutesLeft} {minutesLeft === 1 ? "minute" : "minutes"}</dd>
        </dl>
        {elsewhere ? (
          <div className="alert warning" data-testid="device-elsewhere">
            This request came from another network address than the one you are using ({viewerIp}). That is expected when the program runs on a server or another computer of yours; if not, deny it.
          </div>
        ) : null}
        <div className="alert warning" role="note" data-testid="device-warning">
          <strong>Only approve a request you started yourself, just now.</strong> If someone sent you this code or link and asked you to approve it, they are trying to use your AI keys: deny it.
        </div>
      </section>
    </>
  );
}
