import { describe, expect, it } from "vitest";
import { usageToCharge } from "./settlement";

const bounds = { maxInputTokens: 1000, maxOutputTokens: 200 };
const usage = (input: number, output: number) => ({ inputTokens: input, outputTokens: output, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 });

describe("what an ended request is charged", () => {
  it("charges the provider's final usage when it is known", () => {
    expect(usageToCharge({ outcome: { kind: "complete", usage: usage(12, 7) }, bounds })).toEqual(usage(12, 7));
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
