import { describe, expect, it } from "vitest";
import { decodeLogCursor, encodeLogCursor } from "./log-cursor";
import { parseUsageQuery } from "./usage-filters";

describe("log cursor", () => {
  it("round-trips", () => {
    const c = { createdAt: 1_760_000_000_123, id: "req_0123456789abcdef01234567" };
    expect(decodeLogCursor(encodeLogCursor(c))).toEqual(c);
  });
  it("refuses anything else", () => {
    expect(decodeLogCursor("")).toBeNull();
    expect(decodeLogCursor("not a cursor!")).toBeNull();
    expect(decodeLogCursor(btoa("abc.def"))).toBeNull();
    expect(decodeLogCursor(btoa("1.' OR 1=1 --"))).toBeNull();
  });
});

describe("parseUsageQuery", () => {
  it("defaults and drops empty values", () => {
    const q = parseUsageQuery(new URLSearchParams("view=summary&provider=&status=error"));
    expect(q).toMatchObject({ view: "summary", range: "month", status: "error", by: "connection", limit: 50 });
    expect(q.provider).toBeUndefined();
  });
  it("refuses unknown parameters and bad values", () => {
    expect(() => parseUsageQuery(new URLSearchParams("view=all"))).toThrow(/view/);
    expect(() => parseUsageQuery(new URLSearchParams("connection=abc"))).toThrow();
    expect(() => parseUsageQuery(new URLSearchParams("prompt=x"))).toThrow();
    expect(() => parseUsageQuery(new URLSearchParams("limit=1000"))).toThrow();
  });
});
