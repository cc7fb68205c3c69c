import { describe, expect, it } from "vitest";
import { fixtureText } from "../../tests/fakes/test-helpers";
import { createSseParser } from "./sse";
import { splitAtRandom } from "./test-support";
import type { SseEvent } from "./types";

function parseAll(chunks: (string | Uint8Array)[]): SseEvent[] {
  const parser = createSseParser();
  return [...chunks.flatMap((c) => parser.push(c)), ...parser.end()];
}

describe("createSseParser", () => {
  it("parses event and data lines, dispatching on a blank line", () => {
    expect(parseAll(["event: ping\ndata: {}\n\ndata: a\n\n"])).toEqual([{ event: "ping", data: "{}" }, { data: "a" }]);
  });

  it("joins multi-line data with \\n and keeps a value's other spaces", () => {
    expect(parseAll(["data: one\ndata:  two\ndata\n\n"])).toEqual([{ data: "one\n two\n" }]);
  });

  it("handles CRLF, CR and LF line ends, also mixed", () => {
    expect(parseAll(["data: a\r\n\r\ndata: b\r\rdata: c\n\n"])).toEqual([{ data: "a" }, { data: "b" }, { data: "c" }]);
  });

  it("keeps a CRLF split across chunks as one line end", () => {
    expect(parseAll(["data: a\r", "\n\r", "\ndata: b\r\n\r\n"])).toEqual([{ data: "a" }, { data: "b" }]);
    expect(parseAll(["data: a\r", "\ndata: b\r\n\r\n"])).toEqual([{ data: "a\nb" }]);
  });

  it("ignores comments, id and retry fields, and events without data", () => {
    expect(parseAll([": keep-alive\n\nid: 7\nretry: 10\ndata: x\n\nevent: empty\n\n"])).toEqual([{ data: "x" }]);
  });

  it("strips a leading byte-order mark", () => {
    expect(parseAll(["\ufeffdata: x\n\n"])).toEqual([{ data: "x" }]);
  });

  it("decodes UTF-8 split inside a character", () => {
    const bytes = new TextEncoder().encode("data: héllo 👋\n\n");
    const cut = bytes.indexOf(0xf0) + 2;
    expect(parseAll([bytes.slice(0, cut), bytes.slice(cut)])).toEqual([{ data: "héllo 👋" }]);
  });

  it("dispatches a complete last event missing its blank line, but not a cut-off line", () => {
    expect(parseAll(["data: a\n\ndata: b\n"])).toEqual([{ data: "a" }, { data: "b" }]);
    expect(parseAll(["data: a\n\ndata: b\r"])).toEqual([{ data: "a" }, { data: "b" }]);
    expect(parseAll(['data: a\n\ndata: {"half'])).toEqual([{ data: "a" }]);
  });

  it("gives the same events for any split of the fixtures", () => {
    for (const [provider, name] of [
      ["anthropic", "stream-tools.sse"],
      ["gemini", "function-call-stream.sse"],
      ["openai", "tools-stream.sse"],
    ] as const) {
      const text = fixtureText(provider, name).replace(/\n/g, provider === "gemini" ? "\r\n" : "\n");
      const whole = parseAll([text]);
      expect(whole.length).toBeGreaterThan(1);
      for (let seed = 1; seed <= 25; seed++) expect(parseAll(splitAtRandom(text, seed, 40))).toEqual(whole);
      expect(parseAll([...text])).toEqual(whole);
    }
  });

  it("refuses an event larger than the limit", () => {
    const parser = createSseParser({ maxEventChars: 10 });
    expect(() => parser.push("data: 0123456789abc\n")).toThrow(RangeError);
    expect(() => createSseParser({ maxEventChars: 10 }).push("data: 0123456789abc")).toThrow(RangeError);
  });
});
