// Which stretch of time a usage view covers, in UTC: today (hourly buckets), this month or a
// chosen range of days (daily buckets). Pure: the clock is passed in.

export type RangeName = "today" | "month" | "custom";
export type Bucket = "hour" | "day";

export interface UsageRange {
  name: RangeName;
  /** Inclusive start, ms since the epoch (UTC midnight). */
  from: number;
  /** Exclusive end, ms since the epoch. */
  to: number;
  bucket: Bucket;
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
/** A chosen range spans at most this many days (a year and a day). */
export const MAX_RANGE_DAYS = 366;

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** Midnight UTC of a YYYY-MM-DD day, or null when the text is not a real day. */
export function parseUtcDay(text: string): number | null {
  if (!dayPattern.test(text)) return null;
  const ms = Date.parse(`${text}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== text) return null;
  return ms;
}

export const formatUtcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * Resolves a range: `today` and `month` from the clock; `custom` from two days (both
 * included). Throws RangeError for a custom range that is missing, reversed or too long.
 */
export function resolveRange({ name, from, to, now }: { name: RangeName; from?: string; to?: string; now: number }): UsageRange {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  if (name === "today") return { name, from: today, to: today + DAY_MS, bucket: "hour" };
  if (name === "month") {
    const d = new Date(now);
    const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    return { name, from: start, to: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1), bucket: "day" };
  }
  const start = from === undefined ? null : parseUtcDay(from);
  const end = to === undefined ? null : parseUtcDay(to);
  if (start === null || end === null) throw new RangeError("A chosen range needs a start and an end day (YYYY-MM-DD).");
  if (end < start) throw new RangeError("The range ends before it starts.");
  if ((end - start) / DAY_MS + 1 > MAX_RANGE_DAYS) throw new RangeError(`A range spans at most ${MAX_RANGE_DAYS} days.`);
  return { name, from: start, to: end + DAY_MS, bucket: "day" };
}

export const bucketMs = (bucket: Bucket): number => (bucket === "hour" ? HOUR_MS : DAY_MS);

/** Every bucket start of a range, so a chart shows the quiet hours and days too. */
export function bucketStarts(range: Pick<UsageRange, "from" | "to" | "bucket">): number[] {
  const step = bucketMs(range.bucket);
  const out: number[] = [];
  for (let t = range.from; t < range.to; t += step) out.push(t);
  return out;
}
