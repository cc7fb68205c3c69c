import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createDb } from "./client";
import { hitRateLimit } from "./rate-limits";

const db = createDb((env as unknown as { DB: D1Database }).DB);
const windowMs = 60_000;

describe("hitRateLimit on D1", () => {
  it("lets exactly `limit` concurrent hits through", async () => {
    const now = 1_000_000;
    const decisions = await Promise.all(
      Array.from({ length: 12 }, () => hitRateLimit({ db, key: "burst", limit: 5, windowMs, now })),
    );
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
    expect(decisions.filter((d) => !d.allowed).every((d) => d.retryAfterSeconds === 60)).toBe(true);
  });

  it("starts a new window once the old one has passed", async () => {
    const t0 = 2_000_000;
    for (let i = 0; i < 3; i += 1) await hitRateLimit({ db, key: "roll", limit: 2, windowMs, now: t0 });
    expect((await hitRateLimit({ db, key: "roll", limit: 2, windowMs, now: t0 + 30_000 })).allowed).toBe(false);
    const after = await hitRateLimit({ db, key: "roll", limit: 2, windowMs, now: t0 + windowMs });
    expect(after).toMatchObject({ allowed: true, remaining: 1 });
  });

  it("keeps keys apart", async () => {
    const now = 3_000_000;
    await hitRateLimit({ db, key: "x", limit: 1, windowMs, now });
    expect((await hitRateLimit({ db, key: "x", limit: 1, windowMs, now })).allowed).toBe(false);
    expect((await hitRateLimit({ db, key: "y", limit: 1, windowMs, now })).allowed).toBe(true);
  });
});
