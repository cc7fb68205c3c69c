import { describe, expect, it } from "vitest";
import { docsOrigin, PLACEHOLDER_ORIGIN } from "./docs-origin";

describe("docsOrigin", () => {
  it("uses this deployment's host", () => {
    expect(docsOrigin({ host: "relay.example.com", forwardedProto: "https" })).toBe("https://relay.example.com");
    expect(docsOrigin({ host: "Relay.Example.com", forwardedProto: null })).toBe("https://relay.example.com");
    expect(docsOrigin({ host: "localhost:8799", forwardedProto: null })).toBe("http://localhost:8799");
    expect(docsOrigin({ host: "[::1]:3000", forwardedProto: null })).toBe("http://[::1]:3000");
  });

  it("falls back to a placeholder for anything that is not a plain host", () => {
    for (const host of [null, "", "evil.example/path", "a b", "<script>", "x.example:99999999", "a@b.example"]) {
      expect(docsOrigin({ host, forwardedProto: "https" })).toBe(PLACEHOLDER_ORIGIN);
    }
    expect(docsOrigin({ host: "relay.example", forwardedProto: "javascript" })).toBe("https://relay.example");
  });
});
