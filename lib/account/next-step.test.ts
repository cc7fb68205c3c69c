import { describe, expect, it } from "vitest";
import { nextStep } from "./next-step";

describe("the Overview's next step", () => {
  it("walks a new person from the vault to the first call, then steps aside", () => {
    expect(nextStep({ hasVault: false, keys: 0, connections: 0, used: 0 })?.id).toBe("create-vault");
    expect(nextStep({ hasVault: true, keys: 0, connections: 0, used: 0 })?.id).toBe("add-key");
    expect(nextStep({ hasVault: true, keys: 2, connections: 0, used: 0 })?.id).toBe("make-connection");
    expect(nextStep({ hasVault: true, keys: 2, connections: 1, used: 0 })?.id).toBe("first-call");
    expect(nextStep({ hasVault: true, keys: 2, connections: 1, used: 1 })).toBeNull();
  });
});
