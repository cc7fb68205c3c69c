// The order of the benchmark's targets in each round: ABBA (forward, then reversed, and so on),
// so that every target sits at the same average place in a round and slow drifts of the
// machine's load fall on all of them alike. Pure.

/** The targets in the order round `round` sends them (negative rounds are warm-up). */
export function roundOrder<T>(targets: readonly T[], round: number): T[] {
  return Math.abs(round) % 2 === 0 ? [...targets] : [...targets].reverse();
}
