/**
 * Test-only: a small seeded PRNG (mulberry32) so property tests are
 * reproducible without extra dependencies. Never use it for keys.
 */
export type TestPrng = {
  /** Integer in [0, max). */
  int(max: number): number;
  /** `n` pseudo-random bytes. */
  bytes(n: number): Uint8Array;
};

export function createTestPrng(seed: number): TestPrng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return (z ^ (z >>> 14)) >>> 0;
  };
  return {
    int: (max) => next() % max,
    bytes: (n) => {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = next() & 0xff;
      return out;
    },
  };
}
