/** Dollars for people: cents normally, micro-dollars for amounts under a cent (one gateway call). */
export function formatUsd(micro: number): string {
  if (micro > 0 && micro < 10_000) return `$${(micro / 1_000_000).toFixed(6)}`;
  return `$${(micro / 1_000_000).toFixed(2)}`;
}
