// Phase durations of one gateway request, sent back as a Server-Timing header
// (https://www.w3.org/TR/server-timing/): parse (the body read and validated), lookup (whose
// connection it is: an isolate cache, D1 on a miss), admit (the account object's one round
// trip: sealed material, status, rate limit and reservation), auth (SK layer, CK, policy tag),
// decrypt (the grant, the upstream request), upstream (until the provider's response
// headers), upstream-body. Settlement runs after the answer.
// In workerd, Date.now() and performance.now() only advance across I/O (a Spectre
// mitigation), so a phase that is pure computation (decrypt) reads 0 there: these are
// wall times around I/O, not CPU times.
export type Phase = "parse" | "lookup" | "admit" | "auth" | "decrypt" | "upstream" | "upstream-body";

export interface PhaseTimer {
  /** Runs fn and adds its duration to the phase (also when it throws). */
  time<T>(phase: Phase, fn: () => Promise<T> | T): Promise<T>;
  /** The header value: `auth;dur=1, limits;dur=2, …` in the order the phases ran. */
  header(): string;
}

/** Sums each phase's wall time (a class: one per request, without per-request closures). */
class PhaseDurations implements PhaseTimer {
  private readonly durations = new Map<Phase, number>();
  constructor(private readonly now: () => number) {}

  async time<T>(phase: Phase, fn: () => Promise<T> | T): Promise<T> {
    const start = this.now();
    try {
      return await fn();
    } finally {
      this.durations.set(phase, (this.durations.get(phase) ?? 0) + (this.now() - start));
    }
  }

  header(): string {
    let value = "";
    for (const [phase, ms] of this.durations) value += `${value ? ", " : ""}${phase};dur=${Math.round(ms * 1000) / 1000}`;
    return value;
  }
}

const performanceNow = () => performance.now();

export function createPhaseTimer(now: () => number = performanceNow): PhaseTimer {
  return new PhaseDurations(now);
}
