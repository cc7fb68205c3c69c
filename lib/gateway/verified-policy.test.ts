import { describe, expect, it } from "vitest";
import { signPolicy } from "../crypto/policy";
import { canonicalizePolicy } from "../crypto/policy";
import { newKey } from "../crypto/random";
import type { ConnectionPolicy } from "../connections/wire";
import { policyOf, policyV2Of, policyV3Of } from "./test-support";
import { verifyConnectionPolicy } from "./verified-policy";

describe("verifying a connection's policy", () => {
  it("accepts exactly the signed bytes and refuses any change to the policy, the tag or the key", () => {
    const ck = newKey();
    const policy = policyOf({ budgetUsd: 1, rpm: 5 });
    const text = canonicalizePolicy(policy);
    const tag = signPolicy({ ck, policy });
    expect(verifyConnectionPolicy({ ck, ckServer: "layer-a", policy: text, policyTag: tag })).toEqual(policy);
    // The same bytes again (remembered) and, under another SK layer, verified anew.
    expect(verifyConnectionPolicy({ ck, ckServer: "layer-a", policy: text, policyTag: tag })).toEqual(policy);
    expect(verifyConnectionPolicy({ ck: newKey(), ckServer: "layer-b", policy: text, policyTag: tag })).toBeNull();
    expect(verifyConnectionPolicy({ ck, ckServer: "layer-a", policy: text.replace('"budgetUsd":1', '"budgetUsd":100'), policyTag: tag })).toBeNull();
    expect(verifyConnectionPolicy({ ck, ckServer: "layer-a", policy: text, policyTag: signPolicy({ ck, policy: policyOf({ budgetUsd: 100, rpm: 5 }) }) })).toBeNull();
    expect(verifyConnectionPolicy({ ck, ckServer: "layer-a", policy: "not json", policyTag: tag })).toBeNull();
  });

  it("hands out a frozen policy, so no caller can change what later requests see", () => {
    const ck = newKey();
    const policy = policyOf({ models: ["gpt-4o"] });
    const verified = verifyConnectionPolicy({ ck, ckServer: "layer-c", policy: canonicalizePolicy(policy), policyTag: signPolicy({ ck, policy }) }) as ConnectionPolicy;
    expect(Object.isFrozen(verified) && Object.isFrozen(verified.models)).toBe(true);
  });

  it("reads v1, v2 and v3 policies, and refuses a version it does not know", () => {
    const ck = newKey();
    for (const policy of [policyOf({ budgetUsd: 1 }), policyV2Of({ budgetUsd: 1, fitOutput: true }), policyV3Of({ origins: ["https://app.example"] })]) {
      expect(verifyConnectionPolicy({ ck, ckServer: "layer-d", policy: canonicalizePolicy(policy), policyTag: signPolicy({ ck, policy }) })).toEqual(policy);
    }
    const v4 = JSON.stringify({ budgetUsd: 1, expiresAt: null, fitOutput: true, models: [], origins: [], providers: ["openai"], rpm: null, v: 4 });
    expect(verifyConnectionPolicy({ ck, ckServer: "layer-d", policy: v4, policyTag: "A".repeat(43) })).toBe("unsupported");
  });
});
