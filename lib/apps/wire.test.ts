import { describe, expect, it } from "vitest";
import { appPathSchema } from "./app-path";
import { registerAppSchema } from "./wire";

const valid = { name: "  Acme Notes ", homepage: "https://acme.example", description: "Writes your notes.", redirectUris: ["https://acme.example/callback"] };
const firstIssue = (value: unknown) => {
  const parsed = registerAppSchema.safeParse(value);
  return parsed.success ? null : { path: parsed.error.issues[0]!.path.join("."), message: parsed.error.issues[0]!.message };
};

describe("registerAppSchema", () => {
  it("accepts a well-formed app and trims its text", () => {
    expect(registerAppSchema.parse(valid)).toEqual({ ...valid, name: "Acme Notes", origins: [] });
    expect(registerAppSchema.parse({ ...valid, description: "", redirectUris: ["http://127.0.0.1:5555/cb", "http://[::1]/cb", "http://localhost:3000/cb"] })).toBeTruthy();
  });

  it("judges each redirect URI with the registration rules, naming which one is wrong", () => {
    expect(firstIssue({ ...valid, redirectUris: ["https://acme.example/cb", "http://acme.example/cb"] })).toEqual({
      path: "redirectUris.1",
      message: expect.stringMatching(/^Redirect URI 2: A redirect URI must use https; http is allowed only on loopback/),
    });
    expect(firstIssue({ ...valid, redirectUris: ["https://acme.example/cb#x"] })?.message).toMatch(/fragment/);
    expect(firstIssue({ ...valid, redirectUris: ["https://ACME.example"] })?.message).toMatch(/normal form: https:\/\/acme\.example\/$/);
    expect(firstIssue({ ...valid, redirectUris: ["https://a.example/cb", "https://a.example/cb"] })).toEqual({ path: "redirectUris.1", message: "Redirect URI 2 is listed twice." });
    expect(firstIssue({ ...valid, redirectUris: [] })?.message).toBe("Add at least one redirect URI.");
    expect(firstIssue({ ...valid, redirectUris: Array.from({ length: 11 }, (_, i) => `https://a.example/${i}`) })?.message).toMatch(/at most 10/);
  });

  it("stores web origins in their normal form and refuses null, paths, repeats and http off loopback (decision 022)", () => {
    expect(registerAppSchema.parse({ ...valid, origins: ["HTTPS://Acme.Example:443/", "http://localhost:5173"] }).origins).toEqual(["https://acme.example", "http://localhost:5173"]);
    expect(firstIssue({ ...valid, origins: ["https://acme.example", "null"] })).toEqual({ path: "origins.1", message: expect.stringMatching(/^Origin 2: .*null/) });
    expect(firstIssue({ ...valid, origins: ["https://acme.example/app"] })?.message).toMatch(/no path/);
    expect(firstIssue({ ...valid, origins: ["http://acme.example"] })?.message).toMatch(/https/);
    expect(firstIssue({ ...valid, origins: ["https://acme.example", "https://ACME.example"] })?.message).toBe("Origin 2 is listed twice.");
    expect(firstIssue({ ...valid, origins: Array.from({ length: 11 }, (_, i) => `https://a${i}.example`) })?.message).toMatch(/at most 10/);
  });

  it("takes an http homepage on loopback, like a loopback redirect URI", () => {
    for (const homepage of ["http://localhost:8795", "http://127.0.0.1:3000/app", "http://[::1]/"]) expect(firstIssue({ ...valid, homepage })).toBeNull();
    for (const homepage of ["http://localhost.evil.example", "http://10.0.0.1"]) expect(firstIssue({ ...valid, homepage })?.path).toBe("homepage");
  });

  it("wants an https homepage without credentials, and bounded, plain text", () => {
    for (const homepage of ["http://acme.example", "javascript:alert(1)", "acme.example", "https://user:pw@acme.example", `https://a.example/${"x".repeat(500)}`]) {
      expect(firstIssue({ ...valid, homepage })?.path).toBe("homepage");
    }
    expect(firstIssue({ ...valid, name: "   " })?.message).toBe("Give the app a name.");
    expect(firstIssue({ ...valid, name: "x".repeat(61) })?.path).toBe("name");
    expect(firstIssue({ ...valid, name: "Acme\u202eseton" })?.path).toBe("name");
    expect(firstIssue({ ...valid, description: "x".repeat(301) })?.path).toBe("description");
    expect(firstIssue({ ...valid, description: "line\nbreak" })?.path).toBe("description");
    expect(firstIssue({ ...valid, extra: 1 })).not.toBeNull();
  });
});

describe("appPathSchema", () => {
  it("accepts the API's paths only", () => {
    expect(appPathSchema.parse([])).toEqual([]);
    expect(appPathSchema.parse(["app_0123456789abcdef01234567"])).toEqual(["app_0123456789abcdef01234567"]);
    expect(appPathSchema.parse(["app_x", "secret"])).toEqual(["app_x", "secret"]);
    expect(appPathSchema.parse(["app_x", "logo"])).toEqual(["app_x", "logo"]);
    for (const bad of [["app_x", "other"], ["app_x", "logo", "x"], ["a/b"], ["x".repeat(65)], [""]]) expect(appPathSchema.safeParse(bad).success).toBe(false);
  });
});
