import { describe, expect, it } from "vitest";
import { ratePassword } from "./password-strength";

describe("ratePassword", () => {
  it.each(["password1234", "qwertyuiop12", "correcthorse", "aaaaaaaaaaaa", "1234567890ab"])("refuses the guessable %s with advice", (pw) => {
    const v = ratePassword({ password: pw });
    expect(v.acceptable).toBe(false);
    expect(v.advice.length).toBeGreaterThan(0);
  });

  it("refuses a password built from the person's own email that would pass otherwise", () => {
    const password = "zorblatt-quux";
    expect(ratePassword({ password }).acceptable).toBe(true);
    const own = ratePassword({ password, userInputs: ["zorblatt.quux@frob.example"] });
    expect(own.acceptable).toBe(false);
  });

  it("accepts a long passphrase of unrelated words", () => {
    const v = ratePassword({ password: "velvet cactus orbit 47 lantern" });
    expect(v.score).toBeGreaterThanOrEqual(3);
    expect(v.acceptable).toBe(true);
  });

  it("refuses anything shorter than 10 characters even if random", () => {
    const v = ratePassword({ password: "Zq8#vL2!" });
    expect(v.acceptable).toBe(false);
    expect(v.advice[0]).toContain("at least 10 characters");
  });
});
