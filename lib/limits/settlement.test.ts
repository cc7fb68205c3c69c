import { describe, expect, it } from "vitest";
import { decideAdmission, type AdmissionInput } from "./admission";
import { remainingAfterSettlement, usageToCharge } from "./settlement";

const bounds = { maxInputTokens: 1000, maxOutputTokens: 200 };
const usage = (input: number, output: number) => ({ inputTokens: input, outputTokens: output, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 });

describe("what an ended request is charged", () => {
  it("charges the provider's final usage when it is known", () => {
    expect(usageToCharge({ outcome: { kind: "complete", usage: usage(12, 7), deliveredBytes: 30 }, bounds })).toEqual(usage(12, 7));
  });
  it("charges a complete answer without usage like an interrupted one, never $0 (issue 13)", () => {
    expect(usageToCharge({ outcome: { kind: "complete", usage: null, deliveredBytes: 57 }, bounds })).toEqual(usage(1000, 57));
    // A missing or empty usage object read as zeros is no report either.
    expect(usageToCharge({ outcome: { kind: "complete", usage: usage(0, 0), deliveredBytes: 57 }, bounds })).toEqual(usage(1000, 57));
    // Output the provider did count is kept.
    expect(usageToCharge({ outcome: { kind: "complete", usage: usage(0, 90), deliveredBytes: 57 }, bounds })).toEqual(usage(1000, 90));
  });
  it("charges nothing for requests the provider never saw or refused", () => {
    expect(usageToCharge({ outcome: { kind: "not_sent" }, bounds })).toBeNull();
    expect(usageToCharge({ outcome: { kind: "provider_error" }, bounds })).toBeNull();
  });
  it("without final usage: the prompt at its bound, the output at the delivered bytes", () => {
    expect(usageToCharge({ outcome: { kind: "interrupted", partial: null, deliveredBytes: 57 }, bounds })).toEqual(usage(1000, 57));
  });
  it("uses the provider's partial counts where it gave them, and never less than delivered", () => {
    expect(usageToCharge({ outcome: { kind: "interrupted", partial: usage(40, 3), deliveredBytes: 20 }, bounds })).toEqual(usage(40, 20));
    expect(usageToCharge({ outcome: { kind: "interrupted", partial: usage(40, 30), deliveredBytes: 20 }, bounds })).toEqual(usage(40, 30));
  });
  it("never charges output beyond the output bound (the provider stops there)", () => {
    expect(usageToCharge({ outcome: { kind: "interrupted", partial: null, deliveredBytes: 10_000 }, bounds })!.outputTokens).toBe(200);
  });
  it("a request cut before any output still pays for its prompt", () => {
    expect(usageToCharge({ outcome: { kind: "interrupted", partial: null, deliveredBytes: 0 }, bounds })).toEqual(usage(1000, 0));
  });
});

describe("the budget left that a settled answer reports", () => {
  const admit = (input: Partial<AdmissionInput>) => {
    const r = decideAdmission({
      now: 0,
      status: "active",
      budgetMicroUsd: 1_000_000,
      rpm: null,
      accountCapMicroUsd: null,
      connection: { spentMicroUsd: 200_000, reservedMicroUsd: 50_000 },
      account: { spentMicroUsd: 300_000, reservedMicroUsd: 60_000 },
      rateLog: [],
      costMicroUsd: 100_000,
      ...input,
    });
    if (!r.ok) throw new Error("refused");
    return r;
  };

  it("is what the object counts after settling: the hold released, the real cost spent", () => {
    const r = admit({});
    // After settling at 30_000: spent 230_000, others' holds 50_000 → 720_000 left.
    expect(remainingAfterSettlement({ budgetRemainingMicroUsd: r.budgetRemainingMicroUsd, reservedMicroUsd: r.reserveMicroUsd, costMicroUsd: 30_000 })).toBe(720_000);
  });
  it("follows the account cap when it is the tighter limit", () => {
    const r = admit({ accountCapMicroUsd: 500_000 });
    // Account after settling at 30_000: spent 330_000, holds 60_000 → 110_000 left (connection: 720_000).
    expect(remainingAfterSettlement({ budgetRemainingMicroUsd: r.budgetRemainingMicroUsd, reservedMicroUsd: r.reserveMicroUsd, costMicroUsd: 30_000 })).toBe(110_000);
  });
  it("is unlimited without a budget or cap, and never negative", () => {
    expect(remainingAfterSettlement({ budgetRemainingMicroUsd: null, reservedMicroUsd: 0, costMicroUsd: 5 })).toBeNull();
    expect(remainingAfterSettlement({ budgetRemainingMicroUsd: 0, reservedMicroUsd: 10, costMicroUsd: 25 })).toBe(0);
  });
});
