import { describe, expect, it } from "vitest";
import { decideAdmission, type AdmissionInput } from "./admission";
import type { OutputFit } from "./fit-output";
import { costCurve, costOfOutput, findPrice } from "./pricing";

const base: AdmissionInput = {
  now: 1_000_000,
  status: "active",
  budgetMicroUsd: 1_000_000,
  rpm: null,
  accountCapMicroUsd: null,
  connection: { spentMicroUsd: 0, reservedMicroUsd: 0 },
  account: { spentMicroUsd: 0, reservedMicroUsd: 0 },
  rateLog: [],
  costMicroUsd: 100_000,
};

describe("admission: hard budgets", () => {
  it("admits while spent + reserved + this request's worst case stays within the budget", () => {
    const r = decideAdmission({ ...base, connection: { spentMicroUsd: 500_000, reservedMicroUsd: 400_000 } });
    expect(r).toMatchObject({ ok: true, reserveMicroUsd: 100_000, budgetRemainingMicroUsd: 0 });
  });

  it("refuses when the reservation would cross the budget, counting requests in flight", () => {
    const r = decideAdmission({ ...base, connection: { spentMicroUsd: 500_000, reservedMicroUsd: 400_001 } });
    expect(r).toMatchObject({ ok: false, reason: "budget_exhausted", limitMicroUsd: 1_000_000, spentMicroUsd: 500_000, reservedMicroUsd: 400_001 });
  });

  it("applies the account-wide cap on top of the connection's own", () => {
    const r = decideAdmission({ ...base, accountCapMicroUsd: 300_000, account: { spentMicroUsd: 250_000, reservedMicroUsd: 0 } });
    expect(r).toMatchObject({ ok: false, reason: "account_cap_reached", limitMicroUsd: 300_000 });
    const ok = decideAdmission({ ...base, accountCapMicroUsd: 300_000, account: { spentMicroUsd: 100_000, reservedMicroUsd: 0 } });
    expect(ok).toMatchObject({ ok: true, budgetRemainingMicroUsd: 100_000 });
  });

  it("refuses a model with no price under any budget, and lets it through with none", () => {
    expect(decideAdmission({ ...base, costMicroUsd: null })).toMatchObject({ ok: false, reason: "price_unknown" });
    expect(decideAdmission({ ...base, budgetMicroUsd: null, accountCapMicroUsd: 5, costMicroUsd: null })).toMatchObject({ ok: false, reason: "price_unknown" });
    expect(decideAdmission({ ...base, budgetMicroUsd: null, costMicroUsd: null })).toMatchObject({ ok: true, reserveMicroUsd: 0, budgetRemainingMicroUsd: null });
  });

  it("a zero budget admits nothing that costs anything", () => {
    expect(decideAdmission({ ...base, budgetMicroUsd: 0, costMicroUsd: 1 })).toMatchObject({ ok: false, reason: "budget_exhausted" });
  });

  it("refuses paused and revoked connections before anything else", () => {
    expect(decideAdmission({ ...base, status: "revoked" })).toMatchObject({ ok: false, reason: "revoked" });
    expect(decideAdmission({ ...base, status: "paused" })).toMatchObject({ ok: false, reason: "paused" });
  });

  it("rate-limits before budgeting, and a budget refusal does not use up an rpm slot", () => {
    const limited = decideAdmission({ ...base, rpm: 2, rateLog: [base.now - 10, base.now - 5] });
    expect(limited).toMatchObject({ ok: false, reason: "rate_limited", rate: { limit: 2, remaining: 0 } });
    const broke = decideAdmission({ ...base, rpm: 2, budgetMicroUsd: 0 });
    expect(broke.ok).toBe(false);
    const ok = decideAdmission({ ...base, rpm: 2 });
    expect(ok).toMatchObject({ ok: true, rateLog: [base.now], rate: { remaining: 1 } });
  });

  it("never lets the sum of admitted reservations exceed the budget, whatever the order", () => {
    let seed = 11;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 200; round++) {
      const budget = Math.floor(rand() * 2_000_000);
      let spent = 0;
      const inFlight: number[] = [];
      for (let step = 0; step < 100; step++) {
        if (inFlight.length > 0 && rand() < 0.4) {
          const reserved = inFlight.splice(Math.floor(rand() * inFlight.length), 1)[0]!;
          spent += Math.floor(reserved * rand()); // settles at or under its worst case
        } else {
          const cost = Math.floor(rand() * 300_000);
          const r = decideAdmission({ ...base, budgetMicroUsd: budget, costMicroUsd: cost, connection: { spentMicroUsd: spent, reservedMicroUsd: inFlight.reduce((a, b) => a + b, 0) } });
          if (r.ok) inFlight.push(r.reserveMicroUsd);
        }
        expect(spent + inFlight.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(budget);
      }
    }
  });

  it("rejects malformed money", () => {
    expect(() => decideAdmission({ ...base, costMicroUsd: -1 })).toThrow(RangeError);
    expect(() => decideAdmission({ ...base, budgetMicroUsd: 0.5 })).toThrow(RangeError);
  });
});

describe("admission: what fits, and fitting output to the budget (policy v2)", () => {
  const mini = findPrice({ provider: "openai", model: "gpt-4o-mini" })!;
  const fit: OutputFit = { curve: costCurve({ price: mini, maxInputTokens: 1_000 }), maxOutputTokens: 16_384, choices: 1 };
  const worst = costOfOutput({ curve: fit.curve, outputTokens: 16_384 }); // 9,981 µ$
  // $0.05 budget, $0.045 spent: $0.005 left, less than the worst case.
  const tight: AdmissionInput = { ...base, budgetMicroUsd: 50_000, connection: { spentMicroUsd: 45_000, reservedMicroUsd: 0 }, costMicroUsd: worst, fit };

  it("says what the request would hold and which output limit would fit", () => {
    expect(decideAdmission(tight)).toMatchObject({ ok: false, reason: "budget_exhausted", requestMicroUsd: worst, fitsPerChoice: 8_083 });
  });

  it("with fit output on, admits it at that limit, holding exactly what is left at most", () => {
    const r = decideAdmission({ ...tight, fitOutput: true });
    expect(r).toMatchObject({ ok: true, reserveMicroUsd: 5_000, budgetRemainingMicroUsd: 0, fitted: { perChoice: 8_083, outputTokens: 8_083 } });
  });

  it("fits to the tighter of the connection's budget and the account cap", () => {
    const r = decideAdmission({ ...tight, fitOutput: true, budgetMicroUsd: 1_000_000, connection: { spentMicroUsd: 0, reservedMicroUsd: 0 }, accountCapMicroUsd: 10_000, account: { spentMicroUsd: 6_000, reservedMicroUsd: 1_000 } });
    expect(r).toMatchObject({ ok: true, reserveMicroUsd: 3_000, budgetRemainingMicroUsd: 0 });
    if (r.ok) expect(r.fitted!.perChoice).toBe(4_750);
  });

  it("refuses when less than the minimum fits, and never fits without the option", () => {
    const starving = { ...tight, fitOutput: true, connection: { spentMicroUsd: 49_700, reservedMicroUsd: 0 } };
    expect(decideAdmission(starving)).toMatchObject({ ok: false, reason: "budget_exhausted", fitsPerChoice: 250 });
    expect(decideAdmission({ ...tight, fitOutput: false })).toMatchObject({ ok: false });
    expect(decideAdmission({ ...tight, fitOutput: true, fit: null })).toMatchObject({ ok: false });
  });

  it("leaves a request that fits untouched", () => {
    expect(decideAdmission({ ...tight, fitOutput: true, connection: { spentMicroUsd: 0, reservedMicroUsd: 0 } })).toMatchObject({ ok: true, reserveMicroUsd: worst, fitted: null });
  });

  it("under any sequence of requests, spent + held never passes the budget", () => {
    let seed = 3;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    let held = 0;
    for (let i = 0; i < 500; i += 1) {
      const request: OutputFit = { curve: costCurve({ price: mini, maxInputTokens: rand(5_000) }), maxOutputTokens: 1 + rand(16_384), choices: 1 };
      const r = decideAdmission({ ...base, budgetMicroUsd: 60_000, connection: { spentMicroUsd: 0, reservedMicroUsd: held }, costMicroUsd: costOfOutput({ curve: request.curve, outputTokens: request.maxOutputTokens }), fit: request, fitOutput: true });
      if (r.ok) held += r.reserveMicroUsd;
      expect(held).toBeLessThanOrEqual(60_000);
    }
    expect(held).toBeGreaterThan(59_000);
  });
});
