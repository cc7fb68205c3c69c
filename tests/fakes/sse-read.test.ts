import { describe, expect, it } from "vitest";
import { createSseParser, parseSseText } from "./sse-read";

describe("SSE reader used by the tests", () => {
  it("reads LF, CRLF and CR line ends, named events, comments and multi-line data", () => {
    const text = ": comment\nevent: a\ndata: 1\n\r\ndata: x\r\ndata: y\r\n\r\ndata:z\r\r";
    expect(parseSseText(text)).toEqual([{ event: "a", data: "1" }, { event: undefined, data: "x\ny" }, { event: undefined, data: "z" }]);
  });

  it("handles an event, and a CRLF, split across chunks", () => {
    const got: string[] = [];
    const parser = createSseParser((e) => got.push(e.data));
    for (const piece of ["da", "ta: {\"a\"", ":1}\r", "\n\r", "\ndata: 2\r\n"]) parser.push(piece);
    parser.end();
    expect(got).toEqual(['{"a":1}']);
  });
});
