import { describe, expect, it } from "vitest";
import { buildSignInLink } from "./sign-in-link";

describe("buildSignInLink", () => {
  const publicUrl = "https://1relay.example.com";

  it("puts the link on the public origin whatever origin Auth.js derived from the request", () => {
    const authJsUrl = "https://evil.example/api/auth/callback/email?callbackUrl=https%3A%2F%2Fevil.example%2Fdashboard%2Fvault&token=ABCD2345&email=a%40b.example";
    const link = new URL(buildSignInLink({ publicUrl, identifier: "a@b.example", token: "ABCD2345", authJsUrl }));
    expect(link.origin).toBe(publicUrl);
    expect(link.pathname).toBe("/api/auth/callback/email");
    expect(link.searchParams.get("callbackUrl")).toBe("/dashboard/vault");
    expect(link.searchParams.get("token")).toBe("ABCD2345");
    expect(link.searchParams.get("email")).toBe("a@b.example");
  });

  it("keeps only a safe path as the callback", () => {
    for (const callbackUrl of ["//evil.example/x", "javascript:alert(1)", "/\\evil.example"]) {
      const authJsUrl = `https://x.example/api/auth/callback/email?${new URLSearchParams({ callbackUrl })}`;
      const link = new URL(buildSignInLink({ publicUrl, identifier: "a@b.example", token: "T", authJsUrl }));
      expect(link.origin).toBe(publicUrl);
      expect(link.searchParams.get("callbackUrl")!.startsWith("/")).toBe(true);
      expect(link.searchParams.get("callbackUrl")!.startsWith("//")).toBe(false);
    }
    expect(new URL(buildSignInLink({ publicUrl, identifier: "a@b.example", token: "T", authJsUrl: "not a url" })).searchParams.get("callbackUrl")).toBe("/dashboard");
  });
});
