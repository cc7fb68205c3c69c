// The origin the integration docs put in their snippets: this deployment's, from the request's
// Host (and X-Forwarded-Proto), when it looks like a host; a placeholder otherwise. Display
// only: nothing trusts it.

export const PLACEHOLDER_ORIGIN = "https://1relay.example";
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;
const LOCAL = /^(?:localhost|127\.0\.0\.1|\[::1\])(?::\d+)?$/;

export function docsOrigin({ host, forwardedProto }: { host: string | null; forwardedProto: string | null }): string {
  if (!host || host.length > 255 || !HOST.test(host)) return PLACEHOLDER_ORIGIN;
  const proto = forwardedProto === "http" || forwardedProto === "https" ? forwardedProto : LOCAL.test(host) ? "http" : "https";
  return `${proto}://${host.toLowerCase()}`;
}
