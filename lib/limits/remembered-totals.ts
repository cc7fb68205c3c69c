// Sums the account object keeps in memory beside the rows that hold them (spend and held
// reservations per scope and month): read once from storage, then changed by the same code that
// changes the rows. A sum not read yet is not tracked, so a change to it is simply dropped and
// the next read takes it from storage. Bounded: past `limit` sums it forgets them all. Pure.

export class RememberedTotals {
  private readonly sums = new Map<string, number>();

  constructor(private readonly limit = 4096) {}

  /** The sum for `scope` in `month`, read with `read` the first time. */
  get(scope: string, month: string, read: () => number): number {
    const key = `${scope} ${month}`;
    let sum = this.sums.get(key);
    if (sum === undefined) {
      if (this.sums.size >= this.limit) this.sums.clear();
      sum = read();
      this.sums.set(key, sum);
    }
    return sum;
  }

  /** The rows changed by `delta`: a remembered sum follows. */
  add(scope: string, month: string, delta: number): void {
    const key = `${scope} ${month}`;
    const sum = this.sums.get(key);
    if (sum !== undefined) this.sums.set(key, sum + delta);
  }
}
