import { describe, expect, it } from "vitest";
import { describeOrigin } from "./describe-origin";

describe("describeOrigin", () => {
  it("says when and how, with a short id", () => {
    const at = Date.UTC(2026, 11, 10, 14, 3, 59);
    expect(describeOrigin({ id: "3f2a9c1e".padEnd(32, "0"), createdAt: at, createdVia: "consent-popup" })).toBe("Made 2026-12-10 14:03 UTC in the consent popup · id 3f2a9c1e");
    expect(describeOrigin({ id: "ab".repeat(16), createdAt: at, createdVia: "device" })).toBe("Made 2026-12-10 14:03 UTC by device authorization (a terminal) · id abababab");
    expect(describeOrigin({ id: "ab".repeat(16), createdAt: at, createdVia: null })).toBe("Made 2026-12-10 14:03 UTC · id abababab");
  });
});
