import { describe, expect, it } from "vitest";
import { describeRefusedOrigin, ORIGIN_SIGNAL_INTERVAL_MS, ORIGIN_SIGNALS_PER_CONNECTION, shouldRecordOriginSignal } from "./origin-signal";

describe("origin signals", () => {
  const now = 10 * ORIGIN_SIGNAL_INTERVAL_MS;

  it("records an origin once per interval", () => {
    expect(shouldRecordOriginSignal({ recent: [], origin: "https://evil.example", now })).toBe(true);
    const recent = [{ origin: "https://evil.example", at: now - 1000 }];
    expect(shouldRecordOriginSignal({ recent, origin: "https://evil.example", now })).toBe(false);
    expect(shouldRecordOriginSignal({ recent, origin: "https://other.example", now })).toBe(true);
    expect(shouldRecordOriginSignal({ recent, origin: "https://evil.example", now: now - 1000 + ORIGIN_SIGNAL_INTERVAL_MS })).toBe(true);
  });

  it("caps the different origins per connection, so changing the Origin cannot flood the list", () => {
    const recent = Array.from({ length: ORIGIN_SIGNALS_PER_CONNECTION }, (_, i) => ({ origin: `https://e${i}.example`, at: now - i }));
    expect(shouldRecordOriginSignal({ recent, origin: "https://new.example", now })).toBe(false);
    expect(shouldRecordOriginSignal({ recent, origin: "https://new.example", now: now + ORIGIN_SIGNAL_INTERVAL_MS })).toBe(true);
  });

  it("describes only real origins; anything else is a word, never the text sent", () => {
    expect(describeRefusedOrigin("https://evil.example")).toBe("https://evil.example");
    expect(describeRefusedOrigin("null")).toMatch(/^null/);
    for (const junk of ["https://evil.example/<script>", "x".repeat(1000), "HTTPS://EVIL.example", "https://evil.example:443"]) {
      expect(describeRefusedOrigin(junk)).toBe("(not a valid origin)");
    }
  });
});
