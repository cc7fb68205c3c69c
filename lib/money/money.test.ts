import { describe, expect, it } from "vitest";
import { axisUsd, exactUsd, exactUsdOf, formatMicroUsd, formatPerMillion, formatUsd, formatUsdAmount, parseUsdInput, preciseUsd, usdToMicroUsd } from "./money";

describe("money", () => {
  it("turns typed dollars into micro-dollars, never widening a budget", () => {
    expect(usdToMicroUsd(0.1)).toBe(100_000);
    expect(usdToMicroUsd(12.345678)).toBe(12_345_678);
    expect(usdToMicroUsd(0.0000019)).toBe(1);
    expect(usdToMicroUsd(1_000_000)).toBe(1_000_000_000_000);
    expect(() => usdToMicroUsd(-1)).toThrow(RangeError);
    expect(() => usdToMicroUsd(Number.NaN)).toThrow(RangeError);
  });

  it("writes a plain decimal for headers", () => {
    expect(formatMicroUsd(0)).toBe("0.000000");
    expect(formatMicroUsd(1_234_567)).toBe("1.234567");
    expect(formatMicroUsd(42)).toBe("0.000042");
    expect(() => formatMicroUsd(-1)).toThrow(RangeError);
    expect(() => formatMicroUsd(1.5)).toThrow(RangeError);
  });

  it("shows people cents, sub-cent amounts in full, and never less than the amount", () => {
    expect(formatUsd(0)).toBe("$0.00");
    expect(formatUsd(42)).toBe("$0.000042");
    expect(formatUsd(9_999)).toBe("$0.009999");
    expect(formatUsd(10_000)).toBe("$0.01");
    expect(formatUsd(31_200)).toBe("$0.04");
    expect(formatUsd(12_500_000)).toBe("$12.50");
    expect(formatUsd(1_000_000_000_000)).toBe("$1,000,000.00");
  });

  it("writes exact six-decimal figures and precise message figures", () => {
    expect(exactUsd(1_234)).toBe("$0.001234");
    expect(exactUsd(2_000_000_001)).toBe("$2,000.000001");
    expect(preciseUsd(50_000)).toBe("$0.05");
    expect(preciseUsd(31_200)).toBe("$0.0312");
    expect(preciseUsd(42)).toBe("$0.000042");
    expect(preciseUsd(0)).toBe("$0.00");
    expect(formatUsdAmount(10)).toBe("$10.00");
    expect(formatUsdAmount(0.005)).toBe("$0.005");
  });

  it("writes prices per million tokens with the decimals they have", () => {
    expect(formatPerMillion(0.15)).toBe("$0.15");
    expect(formatPerMillion(0.075)).toBe("$0.075");
    expect(formatPerMillion(15)).toBe("$15.00");
    expect(formatPerMillion(0)).toBe("$0.00");
  });
});

describe("chart figures", () => {
  it("writes chart values exactly and axis ticks briefly", () => {
    expect(exactUsdOf(0.0012345)).toBe("$0.001235");
    expect(exactUsdOf(-0)).toBe("$0.000000");
    expect(axisUsd(0.0012)).toBe("$0.0012");
    expect(axisUsd(12.4)).toBe("$12");
  });
});

describe("parseUsdInput", () => {
  it("reads dollars as people type them, and nothing else", () => {
    expect(parseUsdInput("10")).toBe(10);
    expect(parseUsdInput(" $2.50 ")).toBe(2.5);
    expect(parseUsdInput("1,000,000")).toBe(1_000_000);
    expect(parseUsdInput(".5")).toBe(0.5);
    expect(parseUsdInput("")).toBeNull();
    for (const bad of ["0x10", "1e3", "Infinity", "-1", "1,00", "ten", "1.2.3"]) expect(parseUsdInput(bad)).toBe("invalid");
  });
});
