import { describe, expect, it } from "vitest";
import { emailAddressSchema, normalizeEmailAddress } from "./email-address";

describe("email addresses", () => {
  it("are trimmed and lower-cased so one person has one account", () => {
    expect(normalizeEmailAddress("  Alice@Example.COM ")).toBe("alice@example.com");
  });

  it("fold full-width look-alikes before validation", () => {
    expect(normalizeEmailAddress("bob\uFF20example.com")).toBe("bob@example.com");
  });

  it.each(["", "no-at-sign", "a@b@c.com", "a@", "x".repeat(250) + "@e.com"])("refuse %j", (raw) => {
    expect(emailAddressSchema.safeParse(raw).success).toBe(false);
    expect(() => normalizeEmailAddress(raw)).toThrow(TypeError);
  });
});
