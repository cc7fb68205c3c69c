import { describe, expect, it } from "vitest";
import { describeEnvIssues, envSchema } from "./schema";

const valid = {
  AUTH_SECRET: "x".repeat(43),
  RELAY_WRAPPING_SECRET: "A".repeat(43),
  RELAY_WRAPPING_KEY_ID: "sk1",
};

describe("envSchema", () => {
  it("accepts a complete local configuration and fills defaults", () => {
    const env = envSchema.parse({ ...valid, EMAIL_TRANSPORT: "local" });
    expect(env.EMAIL_TRANSPORT).toBe("local");
    expect(env.EMAIL_API_URL).toBe("https://api.resend.com/emails");
  });

  it("defaults to the HTTP email transport", () => {
    expect(envSchema.parse(valid).EMAIL_TRANSPORT).toBe("http");
  });

  it("names every missing or malformed variable without echoing values", () => {
    const result = envSchema.safeParse({ AUTH_SECRET: "short-secret-value", RELAY_WRAPPING_SECRET: "nope" });
    expect(result.success).toBe(false);
    const text = describeEnvIssues(result.error!);
    expect(text).toContain("AUTH_SECRET");
    expect(text).toContain("RELAY_WRAPPING_SECRET");
    expect(text).toContain("RELAY_WRAPPING_KEY_ID");
    expect(text).not.toContain("short-secret-value");
  });

  it("refuses an unknown email transport", () => {
    expect(envSchema.safeParse({ ...valid, EMAIL_TRANSPORT: "smtp" }).success).toBe(false);
  });
});
