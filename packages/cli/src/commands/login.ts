// `1relay login [--url URL] [--scope "…"] [--budget USD] [--rpm N] [--name NAME]`: device
// authorization (RFC 8628, 1Relay decision 021). Prints the URL and the code, waits for the person
// to approve in a browser, opens the sealed secret with a key made here, and saves the token in a
// file only this user can read. The token is never printed.
import { ConnectError, pollDeviceToken, requestDeviceCode } from "../../../connect/src/device.js";
import { revokeToken } from "../../../connect/src/server.js";
import { numberOption, stringOption, type ParsedArgs } from "../args.js";
import { readCredentials, writeCredentials } from "../credentials.js";
import { CliError, describeNetworkFailure } from "../errors.js";
import { line, userAgent, type CliIo } from "../io.js";
import { parseServerUrl } from "../server-url.js";

export const CLI_CLIENT_ID = "1relay-cli";

/** Words for what can go wrong with a 1Relay that answered, or did not. */
export function explainConnectError({ error, url }: { error: unknown; url: string }): CliError {
  if (!(error instanceof ConnectError)) return error instanceof CliError ? error : new CliError(error instanceof Error ? error.message : String(error));
  switch (error.code) {
    case "network_error":
      return new CliError(describeNetworkFailure({ url, error }));
    case "access_denied":
      return new CliError("The request was denied in the browser. No token was saved.");
    case "expired_token":
      return new CliError("The code expired before it was approved. Run `1relay login` again for a new one.");
    case "invalid_client":
    case "unauthorized_client":
      return new CliError(`${url} refused this program: ${error.message}`);
    case "slow_down":
      return new CliError(`${url} is limiting requests from this address. Try again later.`);
    case "server_error":
    case "invalid_response":
      return new CliError(`${url} does not look like a 1Relay server (${error.status ? `it answered ${error.status}` : error.message}). Check the address (--url).`);
    default:
      return new CliError(`1Relay refused: ${error.message}`);
  }
}

function describeLimits(limits: unknown): string {
  const l = (limits ?? {}) as { budget_usd?: number | null; rpm?: number | null };
  const budget = typeof l.budget_usd === "number" ? `$${l.budget_usd.toFixed(2)} a month` : "no monthly budget";
  const rpm = typeof l.rpm === "number" ? `${l.rpm} requests a minute` : "no rate limit";
  return `${budget}, ${rpm}`;
}

export async function login(io: CliIo, args: ParsedArgs): Promise<number> {
  const saved = await readCredentials(io).catch(() => null);
  const given = stringOption(args, "url") ?? io.env.ONERELAY_URL ?? saved?.url;
  if (!given) throw new CliError("Which 1Relay? Run `1relay login --url https://your-1relay.example` (or set ONERELAY_URL).", 2);
  const url = parseServerUrl(given);
  const suggested = { budgetUsd: numberOption(args, "budget", { integer: false }), rpm: numberOption(args, "rpm", { integer: true }) };
  const deviceName = (stringOption(args, "name") ?? io.hostname).replace(/[^\x20-\x7e]|["<>\\`]/g, "").slice(0, 60).trim() || undefined;
  try {
    const device = await requestDeviceCode({ baseUrl: url, clientId: CLI_CLIENT_ID, scope: stringOption(args, "scope"), suggested, deviceName, userAgent: userAgent(io), fetchImpl: io.fetch, now: io.now });
    const left = device.expiresIn < 120 ? `${device.expiresIn} seconds` : `${Math.round(device.expiresIn / 60)} minutes`;
    line(io.stdout, "To connect this terminal to your 1Relay, open");
    line(io.stdout, `  ${device.verificationUri}`);
    line(io.stdout, "and enter the code");
    line(io.stdout, `  ${device.userCode}`);
    line(io.stdout, `(or open ${device.verificationUriComplete})`);
    line(io.stdout, `Check that the page shows the same code. Waiting for your approval: the code expires in ${left} (Ctrl-C to cancel).`);
    const grant = await pollDeviceToken({ pending: device.pending, fetchImpl: io.fetch, sleep: io.sleep, signal: io.signal, now: io.now });
    const file = await writeCredentials(io, { version: 1, url, clientId: CLI_CLIENT_ID, connectionId: grant.connectionId, token: grant.token, scope: grant.scope, savedAt: new Date(io.now()).toISOString() });
    line(io.stdout);
    line(io.stdout, `Logged in to ${url}.`);
    line(io.stdout, `The token is saved in ${file} (only you can read it).`);
    line(io.stdout, `Granted: ${grant.scope}; ${describeLimits(grant.limits)}.`);
    if (saved && saved.token !== grant.token) {
      // The previous login's token is this program's own: it goes, rather than living on unused.
      const revoked = await revokeToken({ baseUrl: saved.url, clientId: saved.clientId, token: saved.token, fetchImpl: io.fetch }).then(() => true, () => false);
      line(io.stdout, revoked ? "The previous token was revoked." : `The previous token (for ${saved.url}) could not be revoked: revoke it in that 1Relay's dashboard.`);
    }
    line(io.stdout, "Next: `1relay run -- claude` (or codex, gemini, any OpenAI-compatible tool), `1relay status`.");
    return 0;
  } catch (error) {
    if (io.signal?.aborted) throw new CliError("Cancelled. No token was saved.", 130);
    throw explainConnectError({ error, url });
  }
}
