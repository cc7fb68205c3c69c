// Budget months are calendar months in UTC. Pure: the caller passes the clock.

/** "YYYY-MM" of the UTC month that `now` (ms since the epoch) falls in. */
export function monthKey(now: number): string {
  const d = new Date(now);
  if (Number.isNaN(d.getTime())) throw new RangeError("now must be a valid time");
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** The first millisecond of the next UTC month: when a monthly budget resets. */
export function nextMonthStart(now: number): number {
  const d = new Date(now);
  if (Number.isNaN(d.getTime())) throw new RangeError("now must be a valid time");
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}
