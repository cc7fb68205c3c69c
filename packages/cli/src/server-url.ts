import { CliError } from "./errors.js";

/**
 * The 1Relay to talk to: `--url`, else ONERELAY_URL, else the saved login's. An origin only
 * (`https://relay.example`, a path is refused); https, or http for a loopback host only, since the
 * token travels in every request.
 */
export function parseServerUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.includes("://") ? text : `https://${text}`);
  } catch {
    throw new CliError(`"${text.slice(0, 80)}" is not a URL. Give the address of your 1Relay, like https://1relay.example.com`, 2);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new CliError(`The 1Relay address must start with https:// (got ${url.protocol}).`, 2);
  if (url.username !== "" || url.password !== "" || url.search !== "" || url.hash !== "") throw new CliError("The 1Relay address must not contain a user name, a password, a query or a fragment.", 2);
  if (url.pathname !== "/" && url.pathname !== "") throw new CliError(`Give the address of your 1Relay without a path: ${url.origin}`, 2);
  const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname) || url.hostname.endsWith(".localhost");
  if (url.protocol === "http:" && !loopback) throw new CliError(`Refusing http:// for ${url.host}: the token would travel unencrypted. Use https://.`, 2);
  return url.origin;
}
