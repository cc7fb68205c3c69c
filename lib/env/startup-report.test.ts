import { describe, expect, it } from "vitest";
import { startupReport } from "./startup-report";

const valid = { AUTH_SECRET: "x".repeat(43), RELAY_WRAPPING_SECRET: "A".repeat(43), RELAY_WRAPPING_KEY_ID: "sk1", PUBLIC_URL: "https://1relay.example.com" };

describe("startupReport", () => {
  it("says plainly when no email provider is configured", () => {
    const [line] = startupReport(valid);
    expect(line).toMatchObject({ level: "error" });
    expect(line!.message).toContain("No email provider configured");
    expect(line!.message).toContain("EMAIL_API_KEY");
  });

  it("warns that the local mailbox is for local use only", () => {
    expect(startupReport({ ...valid, EMAIL_TRANSPORT: "local" })[0]!.message).toContain("Never use this in a deployment");
  });

  it("is quiet when email is configured", () => {
    expect(startupReport({ ...valid, EMAIL_API_KEY: "re_123" })).toEqual([]);
  });

  it("names invalid settings", () => {
    expect(startupReport({})[0]!.message).toContain("AUTH_SECRET");
  });
});
