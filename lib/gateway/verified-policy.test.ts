import { describe, expect, it } from "vitest";
import { signPolicy } from "../crypto/policy";
import { canonicalizePolicy } from "../crypto/policy";
import { newKey } from "../crypto/random";
import { policyOf } from "./test-support";
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
    const verified = verifyConnectionPolicy({ ck, ckServer: "layer-c", policy: canonicalizePolicy(policy), policyTag: signPolicy({ ck, policy }) })!;
    expect(Object.isFrozen(verified) && Object.isFrozen(verified.models)).toBe(true);
  });
});
