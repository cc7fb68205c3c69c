import { describe, expect, it } from "vitest";
import { describeEnvIssues, envSchema } from "./schema";

const valid = {
  AUTH_SECRET: "x".repeat(43),
  RELAY_WRAPPING_SECRET: "A".repeat(43),
  RELAY_WRAPPING_KEY_ID: "sk1",
  PUBLIC_URL: "https://1relay.example.com",
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

  it("requires PUBLIC_URL, an origin: https, or http only on a loopback host", () => {
    const { PUBLIC_URL: _omit, ...withoutUrl } = valid;
    const missing = envSchema.safeParse(withoutUrl);
    expect(missing.success).toBe(false);
    expect(describeEnvIssues(missing.error!)).toContain("PUBLIC_URL");
    for (const ok of ["https://1relay.example.com", "http://localhost:8787", "http://127.0.0.1:9000", "https://relay.example:8443"]) {
      expect(envSchema.safeParse({ ...valid, PUBLIC_URL: ok }).success, ok).toBe(true);
    }
    for (const bad of ["http://1relay.example.com", "https://1relay.example.com/", "https://1relay.example.com/app", "https://x.example?q=1", "1relay.example.com", "ftp://x.example", ""]) {
      expect(envSchema.safeParse({ ...valid, PUBLIC_URL: bad }).success, bad).toBe(false);
    }
  });

  it("refuses an unknown email transport", () => {
    expect(envSchema.safeParse({ ...valid, EMAIL_TRANSPORT: "smtp" }).success).toBe(false);
  });
});
