import { describe, expect, it } from "vitest";
import { decideAdmission, type AdmissionInput } from "./admission";

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
