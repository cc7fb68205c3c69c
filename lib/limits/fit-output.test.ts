import { describe, expect, it } from "vitest";
import { affordableOutputPerChoice, FIT_MIN_OUTPUT_TOKENS, fitOutputToBudget, type OutputFit } from "./fit-output";
import { costCurve, costOfOutput, findPrice, listPrices, outputTokensWithin, worstCaseCostMicroUsd } from "./pricing";

const mini = findPrice({ provider: "openai", model: "gpt-4o-mini" })!;
const fitOf = (maxInputTokens: number, maxOutputTokens: number, choices = 1): OutputFit => ({ curve: costCurve({ price: mini, maxInputTokens }), maxOutputTokens, choices });

describe("the cost curve", () => {
  it("is the worst case, token for token", () => {
    for (const price of listPrices().slice(0, 40)) {
      for (const [input, output] of [[0, 0], [1_200, 16_384], [77_777, 3]]) {
        expect(costOfOutput({ curve: costCurve({ price, maxInputTokens: input! }), outputTokens: output! })).toBe(worstCaseCostMicroUsd({ price, maxInputTokens: input!, maxOutputTokens: output! }));
      }
    }
  });

  it("finds the most output within an amount, and no more", () => {
    for (const price of listPrices()) {
      const curve = costCurve({ price, maxInputTokens: 1_500 });
      for (const microUsd of [0, 1, 999, 29_000, 1_000_000]) {
        const tokens = outputTokensWithin({ curve, microUsd });
        if (tokens === 0 && costOfOutput({ curve, outputTokens: 0 }) > microUsd) continue;
        if (tokens === Number.MAX_SAFE_INTEGER) continue; // free output
        expect(costOfOutput({ curve, outputTokens: tokens })).toBeLessThanOrEqual(microUsd);
        expect(costOfOutput({ curve, outputTokens: tokens + 1 })).toBeGreaterThan(microUsd);
      }
    }
  });
});

describe("fit output to budget", () => {
  it("lowers a call that does not fit to the largest limit that does, and reserves exactly its cost", () => {
    // gpt-4o-mini: $0.15 / $0.60 per million; 1,000 prompt tokens cost 150 µ$; 16,384 output 9,831 µ$.
    const fit = fitOf(1_000, 16_384);
    const decision = fitOutputToBudget({ fit, headroomMicroUsd: 5_000 });
    expect(decision).toEqual({ fitted: true, outputTokens: 8_083, perChoice: 8_083, costMicroUsd: 5_000 });
    expect(costOfOutput({ curve: fit.curve, outputTokens: 8_084 })).toBeGreaterThan(5_000);
  });

  it("refuses below the minimum, and never lowers a call that fits", () => {
    const fit = fitOf(1_000, 16_384);
    const atMinimum = costOfOutput({ curve: fit.curve, outputTokens: FIT_MIN_OUTPUT_TOKENS });
    expect(fitOutputToBudget({ fit, headroomMicroUsd: atMinimum })).toMatchObject({ fitted: true, perChoice: FIT_MIN_OUTPUT_TOKENS });
    expect(fitOutputToBudget({ fit, headroomMicroUsd: atMinimum - 1 })).toEqual({ fitted: false });
    expect(fitOutputToBudget({ fit, headroomMicroUsd: 1_000_000 })).toEqual({ fitted: false });
    expect(fitOutputToBudget({ fit, headroomMicroUsd: -5 })).toEqual({ fitted: false });
  });

  it("keeps the limit a whole number per choice (n > 1)", () => {
    const fit = fitOf(1_000, 3 * 16_384, 3);
    const decision = fitOutputToBudget({ fit, headroomMicroUsd: 5_000 });
    expect(decision).toMatchObject({ fitted: true, perChoice: 2_694, outputTokens: 8_082 });
    expect(affordableOutputPerChoice({ fit, headroomMicroUsd: 5_000 })).toBe(2_694);
  });

  it("never reserves more than the headroom, for any model and amount", () => {
    let seed = 11;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const prices = listPrices();
    for (let i = 0; i < 3_000; i += 1) {
      const price = prices[rand(prices.length)]!;
      const choices = 1 + rand(3);
      const fit: OutputFit = { curve: costCurve({ price, maxInputTokens: rand(200_000) }), maxOutputTokens: choices * (1 + rand(64_000)), choices };
      const headroomMicroUsd = rand(2_000_000);
      const decision = fitOutputToBudget({ fit, headroomMicroUsd });
      if (!decision.fitted) continue;
      expect(decision.costMicroUsd).toBeLessThanOrEqual(headroomMicroUsd);
      expect(decision.costMicroUsd).toBe(costOfOutput({ curve: fit.curve, outputTokens: decision.outputTokens }));
      expect(decision.outputTokens).toBeLessThan(fit.maxOutputTokens);
      expect(decision.perChoice).toBeGreaterThanOrEqual(FIT_MIN_OUTPUT_TOKENS);
    }
  });

  it("refuses a malformed description", () => {
    expect(() => affordableOutputPerChoice({ fit: { ...fitOf(1, 10), choices: 0 }, headroomMicroUsd: 1 })).toThrow(RangeError);
    expect(() => affordableOutputPerChoice({ fit: fitOf(1, 10, 3), headroomMicroUsd: 1 })).toThrow(RangeError);
    expect(() => affordableOutputPerChoice({ fit: { ...fitOf(1, 10), curve: { inputScaled: -1, outputRateScaled: 1, feeMicroUsd: 0 } }, headroomMicroUsd: 1 })).toThrow(RangeError);
  });
});
