import { describe, expect, it } from "vitest";
import { fixtureJson } from "../../../tests/fakes/test-helpers";
import { ANTHROPIC_BETAS, filterAnthropicBetas } from "./anthropic-betas";
import { readAnthropicHeaders, readAnthropicToken } from "./anthropic-headers";

const request = (headers: Record<string, string>) => new Request("https://relay.test/v1/messages", { method: "POST", headers });

describe("anthropic-beta", () => {
  it("passes every beta Claude Code 2.1 sends, in its order", () => {
    const recorded = fixtureJson<{ headers: Record<string, string> }>("anthropic", "claude-code-headers.json").headers["anthropic-beta"]!;
    expect(filterAnthropicBetas(recorded)).toEqual(recorded.split(","));
  });

  it("drops unknown and cost-changing betas silently, and repeats none", () => {
    expect(filterAnthropicBetas("prompt-caching-2024-07-31, fast-mode-2026-02-01,made-up-2030-01-01,,prompt-caching-2024-07-31 ,mcp-client-2025-11-20")).toEqual(["prompt-caching-2024-07-31"]);
    expect(filterAnthropicBetas(null)).toEqual([]);
  });

  it("keeps the table free of repeats, and includes caching, extended output and context management", () => {
    const values = ANTHROPIC_BETAS.map((b) => b.value);
    expect(new Set(values).size).toBe(values.length);
    for (const wanted of ["prompt-caching-2024-07-31", "extended-cache-ttl-2025-04-11", "output-128k-2025-02-19", "context-management-2025-06-27", "interleaved-thinking-2025-05-14"]) expect(values).toContain(wanted);
  });
});

describe("anthropic-version and the token", () => {
  it("honours a known version, defaults to 2023-06-01, and refuses an unknown one", () => {
    expect(readAnthropicHeaders(request({ "anthropic-version": "2026-10-21" })).version).toBe("2026-10-21");
    expect(readAnthropicHeaders(request({})).version).toBe("2023-06-01");
    expect(() => readAnthropicHeaders(request({ "anthropic-version": "1999-01-01" }))).toThrow(/not a version 1Relay knows/);
  });

  it("reads the relay token from x-api-key (the SDK) or Authorization: Bearer (ANTHROPIC_AUTH_TOKEN)", () => {
    expect(readAnthropicToken(request({ "x-api-key": "1r_a" }))).toBe("1r_a");
    expect(readAnthropicToken(request({ authorization: "Bearer 1r_b" }))).toBe("1r_b");
    expect(readAnthropicToken(request({ "x-api-key": "1r_a", authorization: "Bearer 1r_b" }))).toBe("1r_a");
    expect(readAnthropicToken(request({ authorization: "Basic abc" }))).toBeNull();
    // A provider key left in ANTHROPIC_API_KEY beside the relay token: the relay token is used.
    expect(readAnthropicToken(request({ "x-api-key": "sk-ant-api03-stray", authorization: "Bearer 1r_b" }))).toBe("1r_b");
  });
});
