import { describe, expect, it } from "vitest";
import { z } from "zod";
import { policySchema } from "../connections/wire";
import { describeFieldIssue, fieldLabel } from "./field-sentences";

const first = (schema: z.ZodType, value: unknown) => describeFieldIssue(schema.safeParse(value).error?.issues[0]);
const policy = { v: 2, providers: ["openai"], models: [], budgetUsd: 5, rpm: 60, expiresAt: null, fitOutput: false };

describe("field errors as sentences", () => {
  it("words a policy's limits the way the forms name them", () => {
    const body = z.strictObject({ policy: policySchema });
    expect(first(body, { policy: { ...policy, budgetUsd: 2_000_000 } })).toEqual({ field: "policy.budgetUsd", message: "The monthly budget can be at most $1,000,000.00." });
    expect(first(body, { policy: { ...policy, rpm: 0 } })).toEqual({ field: "policy.rpm", message: "Requests per minute must be at least 1." });
    expect(first(body, { policy: { ...policy, rpm: 1.5 } }).message).toBe("Requests per minute must be a whole number.");
    expect(first(body, { policy: { ...policy, models: Array.from({ length: 51 }, (_, i) => `m${i}`) } }).message).toBe("The list of models can hold at most 50 entries.");
    expect(first(body, { policy: { ...policy, fitOutput: "yes" } }).message).toBe("“Fit output to budget” must be true or false.");
  });

  it("keeps an author's sentence and names the field before an author's phrase", () => {
    expect(first(z.object({ name: z.string().min(1, "Give the token a name.") }), { name: "" }).message).toBe("Give the token a name.");
    expect(first(z.object({ id: z.string().regex(/^x$/, "must be 32 lowercase hex characters") }), { id: "y" }).message).toBe("The id must be 32 lowercase hex characters.");
  });

  it("says what is missing, of the wrong kind, or not a field at all", () => {
    const schema = z.strictObject({ clientName: z.string(), count: z.number(), kind: z.enum(["a", "b"]) });
    expect(first(schema, { count: 1, kind: "a" })).toEqual({ field: "clientName", message: "The client name is missing." });
    expect(first(schema, { clientName: "x", count: "1", kind: "a" }).message).toBe("The count must be a number.");
    expect(first(schema, { clientName: "x", count: 1, kind: "c" }).message).toBe('The kind must be one of "a", "b".');
    expect(first(schema, { clientName: "x", count: 1, kind: "a", extra: 1 })).toEqual({ field: "extra", message: "“extra” is not a field this request takes." });
    expect(first(z.object({ label: z.string().max(3) }), { label: "abcd" }).message).toBe("The label can be at most 3 characters long.");
  });

  it("falls back to the last segment of the path", () => {
    expect(fieldLabel(["grants", 0, "sealedKey"])).toBe("The sealed key");
    expect(fieldLabel([])).toBe("The request");
  });
});
