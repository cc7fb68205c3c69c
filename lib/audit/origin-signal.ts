// "A token used from a page whose origin it does not list" (decision 022) is a signal in the
// person's security activity. It is recorded by the account object when it refuses such a
// request (never on the path of an allowed one), and bounded so that a script cannot flood the
// list: once per connection and origin per ORIGIN_SIGNAL_INTERVAL_MS, and at most
// ORIGIN_SIGNALS_PER_CONNECTION different origins per connection in that interval. Pure.
import { isNormalOrigin, MAX_ORIGIN_LENGTH } from "../http/origins";

export const ORIGIN_SIGNAL_INTERVAL_MS = 60 * 60_000;
export const ORIGIN_SIGNALS_PER_CONNECTION = 5;

/** What the audit detail says of a refused `Origin`: the origin when it is one, else a word (never arbitrary text). */
export function describeRefusedOrigin(origin: string): string {
  if (origin === "null") return "null (a sandboxed frame or a local file)";
  return origin.length <= MAX_ORIGIN_LENGTH && isNormalOrigin(origin) ? origin : "(not a valid origin)";
}

/**
 * Whether to record a signal now, given the signals recorded for this connection (origin as
 * described, when). Old entries (outside the interval) do not count.
 */
export function shouldRecordOriginSignal({ recent, origin, now }: { recent: readonly { origin: string; at: number }[]; origin: string; now: number }): boolean {
  const live = recent.filter((signal) => now - signal.at < ORIGIN_SIGNAL_INTERVAL_MS);
  if (live.some((signal) => signal.origin === origin)) return false;
  return live.length < ORIGIN_SIGNALS_PER_CONNECTION;
}
