// `1relay status [--json]`: this token's status, limits and spend this month, from the token's
// own endpoint (GET /v1/relay/status), which tells a token nothing about the account or others.
import type { RelayStatus } from "../../../../lib/gateway/relay-status";
import type { ParsedArgs } from "../args.js";
import { requireCredentials } from "../credentials.js";
import { CliError, describeNetworkFailure } from "../errors.js";
import { line, userAgent, type CliIo } from "../io.js";

/** Dollars as the dashboard writes them: cents, or six decimals under a cent. */
export function formatUsd(micro: number): string {
  if (micro > 0 && micro < 10_000) return `$${(micro / 1_000_000).toFixed(6)}`;
  return `$${(micro / 1_000_000).toFixed(2)}`;
}

async function fetchStatus(io: CliIo, { url, token }: { url: string; token: string }): Promise<RelayStatus> {
  let response: Response;
  try {
    response = await io.fetch(`${url}/v1/relay/status`, { headers: { authorization: `Bearer ${token}`, accept: "application/json", "user-agent": userAgent(io) }, redirect: "manual" });
  } catch (error) {
    throw new CliError(describeNetworkFailure({ url, error }));
  }
  const body = (await response.json().catch(() => null)) as (RelayStatus & { error?: { message?: string } }) | null;
  if (response.status === 401) throw new CliError(`The saved token no longer works (${body?.error?.message ?? "refused"}). Run \`1relay login\` again.`);
  if (!response.ok || body === null || typeof body.spent_micro_usd !== "number") throw new CliError(`${url} did not answer with this token's status (HTTP ${response.status}).`);
  return body;
}

export async function status(io: CliIo, args: ParsedArgs): Promise<number> {
  const saved = await requireCredentials(io);
  const s = await fetchStatus(io, saved);
  if (args.options.json) {
    line(io.stdout, JSON.stringify(s, null, 2));
    return 0;
  }
  const budget = s.budget_usd === null ? "no monthly budget" : `of $${s.budget_usd.toFixed(2)}`;
  line(io.stdout, `1Relay      ${saved.url}`);
  line(io.stdout, `Token       1r_${saved.token.slice(3, 9)}… (connection ${s.connection_id.slice(0, 8)}), ${s.status}`);
  line(io.stdout, `This month  ${formatUsd(s.spent_micro_usd)} ${budget} spent in ${s.requests} ${s.requests === 1 ? "request" : "requests"} (${s.month}; resets ${s.resets_at.slice(0, 10)})`);
  line(io.stdout, `Rate limit  ${s.rpm === null ? "none" : `${s.rpm} requests a minute`}`);
  line(io.stdout, `Scope       ${s.providers.join(", ")}; ${s.models.length === 0 ? "any model" : `models ${s.models.join(", ")}`}`);
  line(io.stdout, `Expires     ${s.expires_at ?? "never"}`);
  return 0;
}
