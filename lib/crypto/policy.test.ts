import { describe, expect, it } from "vitest";
import core from "../../tests/vectors/core_vectors.json";
import { canonicalizeJson, type JsonValue } from "./canonical-json";
import { decodeHex } from "./encoding";
import { assertPolicy, canonicalizePolicy, type Policy, signPolicy, verifyPolicy } from "./policy";
import { newKey } from "./random";

const ck = decodeHex(core.connection.ckHex);
const policy = core.policy.policy as Policy;

describe("canonical JSON", () => {
  it("sorts keys recursively and keeps array order", () => {
    expect(canonicalizeJson({ b: 1, a: { d: [3, 1, 2], c: null } })).toBe('{"a":{"c":null,"d":[3,1,2]},"b":1}');
    expect(canonicalizeJson([{ z: true, y: false }, "x"])).toBe('[{"y":false,"z":true},"x"]');
  });

  it("sorts by UTF-16 code units and escapes like JSON.stringify", () => {
    expect(canonicalizeJson({ é: 1, z: 2, Z: 3, "": 4 })).toBe('{"":4,"Z":3,"z":2,"é":1}');
    expect(canonicalizeJson('a"\\\n\u0001')).toBe(JSON.stringify('a"\\\n\u0001'));
    expect(canonicalizeJson(-0)).toBe("0");
    expect(canonicalizeJson(1e21)).toBe("1e+21");
  });

  it.each([
    ["undefined member", { a: undefined }],
    ["undefined item", [undefined]],
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["function", () => 1],
    ["bigint", 1n],
    ["Date", new Date(0)],
    ["Map", new Map()],
    ["lone surrogate", "\uD800"],
    ["lone surrogate key", { "\uDC00": 1 }],
  ])("refuses %s", (_, value) => {
    expect(() => canonicalizeJson(value as unknown as JsonValue)).toThrow(TypeError);
  });

  it("refuses cycles but allows shared subtrees", () => {
    const shared = { x: 1 };
    expect(canonicalizeJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalizeJson(cyclic as JsonValue)).toThrow(TypeError);
  });
});

describe("policy signature", () => {
  it("matches an independent implementation", () => {
    expect(canonicalizePolicy(policy)).toBe(core.policy.canonical);
    expect(signPolicy({ ck, policy })).toBe(core.policy.tag);
    expect(verifyPolicy({ ck, policy, tag: core.policy.tag })).toBe(true);
  });

  it("does not depend on key order", () => {
    const reordered: Policy = {
      expiresAt: policy.expiresAt,
      rpm: policy.rpm,
      models: policy.models,
      v: 1,
      budgetUsd: policy.budgetUsd,
      providers: policy.providers,
    };
    expect(signPolicy({ ck, policy: reordered })).toBe(core.policy.tag);
    expect(verifyPolicy({ ck, policy: reordered, tag: core.policy.tag })).toBe(true);
  });

  const changes: [string, Partial<Record<keyof Policy, unknown>>][] = [
    ["providers added", { providers: ["openai", "anthropic", "gemini"] }],
    ["providers removed", { providers: ["openai"] }],
    ["providers reordered", { providers: ["anthropic", "openai"] }],
    ["models changed", { models: ["openai:gpt-4o", "anthropic:claude-sonnet-4-5"] }],
    ["models emptied", { models: [] }],
    ["budget raised", { budgetUsd: 12.51 }],
    ["budget removed", { budgetUsd: null }],
    ["rpm raised", { rpm: 61 }],
    ["rpm removed", { rpm: null }],
    ["expiry extended", { expiresAt: 1767225601 }],
    ["expiry removed", { expiresAt: null }],
  ];
  it.each(changes)("fails when a field changes: %s", (_, change) => {
    const changed = { ...policy, ...change } as Policy;
    expect(verifyPolicy({ ck, policy: changed, tag: core.policy.tag })).toBe(false);
    expect(verifyPolicy({ ck, policy: changed, tag: signPolicy({ ck, policy: changed }) })).toBe(true);
  });

  it("fails for a wrong version, an extra field, another CK or a bad tag", () => {
    const tag = core.policy.tag;
    expect(verifyPolicy({ ck, policy: { ...policy, v: 2 } as unknown as Policy, tag })).toBe(false);
    expect(verifyPolicy({ ck, policy: { ...policy, extra: 1 } as unknown as Policy, tag })).toBe(false);
    expect(verifyPolicy({ ck: newKey(), policy, tag })).toBe(false);
    expect(verifyPolicy({ ck, policy, tag: tag.slice(0, -1) })).toBe(false);
    expect(verifyPolicy({ ck, policy, tag: tag + "A" })).toBe(false);
    expect(verifyPolicy({ ck, policy, tag: tag.replace(/.$/, tag.endsWith("A") ? "Q" : "A") })).toBe(false);
    expect(verifyPolicy({ ck, policy, tag: "" })).toBe(false);
    expect(verifyPolicy({ ck, policy, tag: "not base64url!" })).toBe(false);
    expect(verifyPolicy({ ck, policy, tag: 5 as unknown as string })).toBe(false);
    expect(() => verifyPolicy({ ck: new Uint8Array(16), policy, tag })).toThrow(RangeError);
  });

  it.each([
    ["missing field", { v: 1, providers: [], models: [], budgetUsd: null, rpm: null }],
    ["extra field", { ...policy, note: "x" }],
    ["v = 2", { ...policy, v: 2 }],
    ["provider not a string", { ...policy, providers: [1] }],
    ["empty model", { ...policy, models: [""] }],
    ["duplicate provider", { ...policy, providers: ["openai", "openai"] }],
    ["negative budget", { ...policy, budgetUsd: -1 }],
    ["NaN budget", { ...policy, budgetUsd: Number.NaN }],
    ["zero rpm", { ...policy, rpm: 0 }],
    ["fractional rpm", { ...policy, rpm: 1.5 }],
    ["expiry as a string", { ...policy, expiresAt: "2026-01-01" }],
    ["fractional expiry", { ...policy, expiresAt: 1.5 }],
    ["null policy", null],
    ["array policy", []],
  ])("refuses to sign a malformed policy: %s", (_, bad) => {
    expect(() => assertPolicy(bad)).toThrow();
    expect(() => signPolicy({ ck, policy: bad as unknown as Policy })).toThrow();
  });

  it("v2 (fit output to budget) matches an independent implementation, and its new field is signed", () => {
    const v2 = core.policyV2.policy as Policy;
    expect(canonicalizePolicy(v2)).toBe(core.policyV2.canonical);
    expect(signPolicy({ ck, policy: v2 })).toBe(core.policyV2.tag);
    expect(verifyPolicy({ ck, policy: v2, tag: core.policyV2.tag })).toBe(true);
    expect(verifyPolicy({ ck, policy: { ...v2, fitOutput: false } as Policy, tag: core.policyV2.tag })).toBe(false);
    // A v1 policy with the same limits is another policy: the tags never stand in for each other.
    expect(verifyPolicy({ ck, policy, tag: core.policyV2.tag })).toBe(false);
  });

  it("v3 (web origins) matches an independent implementation, and its origins are signed", () => {
    const v3 = core.policyV3.policy as Policy;
    expect(canonicalizePolicy(v3)).toBe(core.policyV3.canonical);
    expect(signPolicy({ ck, policy: v3 })).toBe(core.policyV3.tag);
    expect(verifyPolicy({ ck, policy: v3, tag: core.policyV3.tag })).toBe(true);
    const origins = (v3 as unknown as { origins: string[] }).origins;
    for (const changed of [["https://app.example"], [...origins, "https://evil.example"], ["https://evil.example", "http://localhost:5173"], []]) {
      expect(verifyPolicy({ ck, policy: { ...v3, origins: changed } as Policy, tag: core.policyV3.tag })).toBe(false);
    }
    // The v2 policy with the same limits is another policy.
    expect(verifyPolicy({ ck, policy: core.policyV2.policy as Policy, tag: core.policyV3.tag })).toBe(false);
  });

  it.each([
    ["v3 without origins", { ...policy, v: 3, fitOutput: false }],
    ["v2 with origins", { ...policy, v: 2, fitOutput: false, origins: [] }],
    ["v3 with a null origin", { ...policy, v: 3, fitOutput: false, origins: ["null"] }],
    ["v3 with an origin and a path", { ...policy, v: 3, fitOutput: false, origins: ["https://app.example/chat"] }],
    ["v3 with an origin not in normal form", { ...policy, v: 3, fitOutput: false, origins: ["https://App.example"] }],
    ["v3 with http off loopback", { ...policy, v: 3, fitOutput: false, origins: ["http://app.example"] }],
    ["v3 with a repeated origin", { ...policy, v: 3, fitOutput: false, origins: ["https://a.example", "https://a.example"] }],
    ["v3 without fitOutput", { ...policy, v: 3, origins: [] }],
  ])("refuses %s", (_, bad) => {
    expect(() => assertPolicy(bad)).toThrow();
  });

  it.each([
    ["v2 without fitOutput", { ...policy, v: 2 }],
    ["v1 with fitOutput", { ...policy, fitOutput: true }],
    ["fitOutput not a boolean", { ...policy, v: 2, fitOutput: "yes" }],
    ["an unknown version", { ...policy, v: 4, fitOutput: true, origins: [] }],
  ])("refuses %s", (_, bad) => {
    expect(() => assertPolicy(bad)).toThrow();
  });

  it("accepts a policy with no limits", () => {
    const open: Policy = { v: 1, providers: ["gemini"], models: [], budgetUsd: null, rpm: null, expiresAt: null };
    expect(verifyPolicy({ ck, policy: open, tag: signPolicy({ ck, policy: open }) })).toBe(true);
  });
});
