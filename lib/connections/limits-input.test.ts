import { describe, expect, it } from "vitest";
import { draftFromPolicy, parseLimitsInput, type LimitsDraft } from "./limits-input";

const nowMs = Date.UTC(2026, 11, 10, 12);
const draft = (patch: Partial<LimitsDraft>): LimitsDraft => ({ budget: "10", rpm: "60", expires: "", models: [], fitOutput: false, origins: "", ...patch });
const parse = (patch: Partial<LimitsDraft>) => parseLimitsInput({ draft: draft(patch), nowMs });

describe("parseLimitsInput", () => {
  it("converts what was typed", () => {
    expect(parse({ budget: "2.50", rpm: "30", expires: "2026-12-31", models: ["gpt-4o-mini"] })).toEqual({
      ok: true,
      limits: { budgetUsd: 2.5, rpm: 30, expiresAt: Date.UTC(2026, 11, 31, 23, 59, 59) / 1000, models: ["gpt-4o-mini"], fitOutput: false, origins: [] },
    });
  });

  it("reads empty fields as no limit", () => {
    expect(parse({ budget: " ", rpm: "", expires: "" })).toEqual({ ok: true, limits: { budgetUsd: null, rpm: null, expiresAt: null, models: [], fitOutput: false, origins: [] } });
  });

  it("accepts a dollar sign and thousands separators", () => {
    expect(parse({ budget: "$1,000", rpm: "1,200" })).toMatchObject({ ok: true, limits: { budgetUsd: 1000, rpm: 1200 } });
    expect(parse({ budget: ".5" })).toMatchObject({ ok: true, limits: { budgetUsd: 0.5 } });
    expect(parse({ budget: "0" })).toMatchObject({ ok: true, limits: { budgetUsd: 0 } });
  });

  it("refuses what Number() would wrongly accept", () => {
    for (const budget of ["0x10", "1e3", "-1", "ten", "Infinity", "1.2.3"]) expect(parse({ budget })).toMatchObject({ ok: false, field: "budget" });
    for (const rpm of ["1.5", "0", "-3", "1e2", "0x10"]) expect(parse({ rpm })).toMatchObject({ ok: false, field: "rpm" });
  });

  it("keeps to the server's bounds, in sentences", () => {
    expect(parse({ budget: "1000000" })).toMatchObject({ ok: true });
    expect(parse({ budget: "1000000.01" })).toEqual({ ok: false, field: "budget", message: "The monthly budget can be at most $1,000,000.00 (leave it empty for no cap)." });
    expect(parse({ rpm: "100001" })).toEqual({ ok: false, field: "rpm", message: "Requests per minute must be a whole number from 1 to 100,000 (leave it empty for no limit)." });
  });

  it("refuses a past or impossible expiry, and accepts today", () => {
    expect(parse({ expires: "2026-12-09" })).toMatchObject({ ok: false, field: "expires", message: expect.stringMatching(/in the past/) });
    expect(parse({ expires: "2026-02-30" })).toMatchObject({ ok: false, field: "expires" });
    expect(parse({ expires: "2026-12-10" })).toMatchObject({ ok: true });
  });

  it("drops repeated and blank models and caps their number", () => {
    expect(parse({ models: ["a", " a ", "", "b"] })).toMatchObject({ ok: true, limits: { models: ["a", "b"] } });
    expect(parse({ models: Array.from({ length: 51 }, (_, i) => `m${i}`) })).toMatchObject({ ok: false, field: "models" });
  });

  it("reads allowed web origins in their normal form, refusing null, paths and http off loopback", () => {
    expect(parse({ origins: "HTTPS://App.Example/\n http://localhost:5173, https://b.example" })).toMatchObject({ ok: true, limits: { origins: ["https://app.example", "http://localhost:5173", "https://b.example"] } });
    expect(parse({ origins: "  " })).toMatchObject({ ok: true, limits: { origins: [] } });
    for (const bad of ["null", "https://app.example/chat", "http://app.example", "https://a.example https://a.example"]) {
      expect(parse({ origins: bad }), bad).toMatchObject({ ok: false, field: "origins" });
    }
  });

  it("fills the fields from a policy and reads them back unchanged", () => {
    const limits = { budgetUsd: 0.05, rpm: 5, expiresAt: Date.UTC(2027, 0, 31, 23, 59, 59) / 1000, models: ["claude-haiku-4-5"], fitOutput: true, origins: ["https://app.example", "http://localhost:5173"] };
    expect(parseLimitsInput({ draft: draftFromPolicy(limits), nowMs })).toEqual({ ok: true, limits });
    expect(draftFromPolicy({ budgetUsd: null, rpm: null, expiresAt: null, models: [], fitOutput: false, origins: [] })).toEqual({ budget: "", rpm: "", expires: "", models: [], fitOutput: false, origins: "" });
  });

  it("keeps an unchanged expiry's exact time when editing", () => {
    const current = { budgetUsd: 1, rpm: null, expiresAt: Date.UTC(2026, 11, 12, 8, 30) / 1000, models: [], fitOutput: false, origins: [] };
    expect(parseLimitsInput({ draft: draftFromPolicy(current), nowMs, current })).toEqual({ ok: true, limits: current });
    expect(parseLimitsInput({ draft: { ...draftFromPolicy(current), expires: "2026-12-13" }, nowMs, current })).toMatchObject({ ok: true, limits: { expiresAt: Date.UTC(2026, 11, 13, 23, 59, 59) / 1000 } });
  });
});
