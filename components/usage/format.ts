// Counts and times on the usage pages (money is lib/money/money.ts).

export const formatCount = (n: number): string => n.toLocaleString("en-US");

export const utcTime = (ms: number): string => new Date(ms).toISOString().replace("T", " ").slice(0, 19);

export const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** An axis tick: "14:00" for hourly buckets, "02-14" for daily ones (both UTC). */
export const bucketLabel = (ms: number, bucket: "hour" | "day"): string => (bucket === "hour" ? new Date(ms).toISOString().slice(11, 16) : new Date(ms).toISOString().slice(5, 10));
