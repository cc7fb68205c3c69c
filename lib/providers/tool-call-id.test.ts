import { describe, expect, it } from "vitest";
import { createToolCallId, readToolCallSignature } from "./tool-call-id";

describe("tool call ids", () => {
  it("are call_ plus 16 random letters and digits, different each time", () => {
    const a = createToolCallId();
    expect(a).toMatch(/^call_[A-Za-z0-9]{16}$/);
    expect(createToolCallId()).not.toBe(a);
    expect(readToolCallSignature(a)).toBeUndefined();
  });

  it("carry a thought signature that survives the round trip, in Anthropic's id charset", () => {
    const signature = "CiIBVKhc7vB+vaaq6rA/KC79Ts7iXagIOA4EBOyBFDpl+pxPCmc=";
    const id = createToolCallId({ signature });
    expect(id).toMatch(/^call_[A-Za-z0-9]{16}_sig_[A-Za-z0-9_-]+$/);
    expect(readToolCallSignature(id)).toBe(signature);
  });

  it("read no signature from ids made elsewhere", () => {
    expect(readToolCallSignature("call_abc123")).toBeUndefined();
    expect(readToolCallSignature("toolu_01A09q90qw90lq917835lq9")).toBeUndefined();
    expect(readToolCallSignature("call_short_sig_AAAA")).toBeUndefined();
  });
});
