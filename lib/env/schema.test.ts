import { describe, expect, it } from "vitest";
import { PROVIDER_IDS, PROVIDERS } from "../providers/registry";
import { describeEnvIssues, envSchema, providerBaseUrls } from "./schema";

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

  it("device authorization: 10-minute codes, a 5-second interval, 30 typed codes and 60 requests per address per 15 minutes by default; bounded", () => {
    expect(envSchema.parse(valid)).toMatchObject({ DEVICE_CODE_TTL_SECONDS: 600, DEVICE_POLL_INTERVAL_SECONDS: 5, DEVICE_CODE_ENTRIES_PER_IP: 30, DEVICE_REQUESTS_PER_IP: 60 });
    expect(envSchema.parse({ ...valid, DEVICE_CODE_TTL_SECONDS: "6", DEVICE_POLL_INTERVAL_SECONDS: "1" })).toMatchObject({ DEVICE_CODE_TTL_SECONDS: 6, DEVICE_POLL_INTERVAL_SECONDS: 1 });
    for (const bad of [{ DEVICE_CODE_TTL_SECONDS: "4" }, { DEVICE_CODE_TTL_SECONDS: "86400" }, { DEVICE_POLL_INTERVAL_SECONDS: "0" }, { DEVICE_CODE_ENTRIES_PER_IP: "0" }]) expect(envSchema.safeParse({ ...valid, ...bad }).success).toBe(false);
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

  it("reads earlier wrapping secrets as id:secret pairs, and none by default", () => {
    expect(envSchema.parse(valid).RELAY_WRAPPING_PREVIOUS_KEYS).toEqual([]);
    const env = envSchema.parse({ ...valid, RELAY_WRAPPING_PREVIOUS_KEYS: `sk0:${"B".repeat(43)}, old-1:${"C".repeat(43)}` });
    expect(env.RELAY_WRAPPING_PREVIOUS_KEYS).toEqual([
      { keyId: "sk0", secret: "B".repeat(43) },
      { keyId: "old-1", secret: "C".repeat(43) },
    ]);
  });

  it("refuses malformed, repeated or current ids among the earlier wrapping secrets, without echoing them", () => {
    for (const bad of [`sk0:${"B".repeat(42)}`, `sk0${"B".repeat(43)}`, `sk0:${"B".repeat(43)},sk0:${"C".repeat(43)}`, `sk1:${"B".repeat(43)}`, `a:b:${"B".repeat(43)}`]) {
      const result = envSchema.safeParse({ ...valid, RELAY_WRAPPING_PREVIOUS_KEYS: bad });
      expect(result.success, bad).toBe(false);
      const text = describeEnvIssues(result.error!);
      expect(text).toContain("RELAY_WRAPPING_PREVIOUS_KEYS");
      expect(text).not.toContain("B".repeat(40));
    }
  });

  it("has a base URL setting per provider of the registry, defaulting to its real host", () => {
    const urls = providerBaseUrls(envSchema.parse(valid));
    for (const id of PROVIDER_IDS) expect(urls[id]).toBe(PROVIDERS[id].baseUrl.default);
    expect(urls.groq).toBe("https://api.groq.com/openai/v1");
    const local = providerBaseUrls(envSchema.parse({ ...valid, GROQ_BASE_URL: "http://127.0.0.1:9025/openai/v1" }));
    expect(local.groq).toBe("http://127.0.0.1:9025/openai/v1");
    expect(local.openai).toBe("https://api.openai.com/v1");
  });

  it("refuses a provider base URL that is not http(s), naming the setting", () => {
    const result = envSchema.safeParse({ ...valid, MISTRAL_BASE_URL: "file:///etc/passwd" });
    expect(result.success).toBe(false);
    expect(describeEnvIssues(result.error!)).toContain("MISTRAL_BASE_URL");
  });
});
