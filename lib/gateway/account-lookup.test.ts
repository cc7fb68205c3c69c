import { describe, expect, it } from "vitest";
import { rememberAccountIds } from "./account-lookup";

describe("whose connection a token names", () => {
  it("asks the database once per connection and isolate, and never remembers an unknown id", async () => {
    const asked: string[] = [];
    const lookup = rememberAccountIds({ scope: {}, find: async (id) => (asked.push(id), id === "known" ? "acct" : null) });
    expect(await lookup("known")).toBe("acct");
    expect(await lookup("known")).toBe("acct");
    expect(await lookup("unknown")).toBeNull();
    expect(await lookup("unknown")).toBeNull();
    expect(asked).toEqual(["known", "unknown", "unknown"]);
  });

  it("keeps separate answers per database binding", async () => {
    const a = rememberAccountIds({ scope: {}, find: async () => "acct-a" });
    const b = rememberAccountIds({ scope: {}, find: async () => "acct-b" });
    expect([await a("x"), await b("x")]).toEqual(["acct-a", "acct-b"]);
  });
});
