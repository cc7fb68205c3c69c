import { describe, expect, it } from "vitest";
import { joinUpstreamUrl } from "./base-url";

describe("joinUpstreamUrl", () => {
  it("appends the fixed path to the configured base", () => {
    expect(joinUpstreamUrl({ baseUrl: "https://api.openai.com/v1", path: "/chat/completions" })).toBe("https://api.openai.com/v1/chat/completions");
    expect(joinUpstreamUrl({ baseUrl: "http://127.0.0.1:8080/", path: "/v1/messages" })).toBe("http://127.0.0.1:8080/v1/messages");
    expect(joinUpstreamUrl({ baseUrl: "https://proxy.example/openai//", path: "/x" })).toBe("https://proxy.example/openai/x");
  });

  it.each(["ftp://example.com", "file:///etc", "not a url", "https://example.com/?q=1", "https://example.com/#x", "https://user:pw@example.com"])(
    "refuses the base %s",
    (baseUrl) => {
      expect(() => joinUpstreamUrl({ baseUrl, path: "/x" })).toThrow(TypeError);
    },
  );
});
