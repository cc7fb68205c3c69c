import { describe, expect, it } from "vitest";
import { createSseParser, readChatStream } from "./chat-stream.js";
import { RelayApiError } from "./relay-error.js";

const chunk = (content: string) => `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content } }] })}\n\n`;
const usage = `data: ${JSON.stringify({ choices: [], usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 } })}\n\n`;

function streamOf(pieces: string[]): Response {
  const encoder = new TextEncoder();
  return new Response(new ReadableStream({ start(c) { for (const p of pieces) c.enqueue(encoder.encode(p)); c.close(); } }), { headers: { "content-type": "text/event-stream" } });
}

describe("createSseParser", () => {
  it("finds events however the text is cut, with LF or CRLF", () => {
    const text = `data: one\r\n\r\n: x-1relay-cost-usd=0.000012\n\ndata: two\ndata: lines\n\n`;
    for (const size of [1, 3, 7, text.length]) {
      const parser = createSseParser();
      const events = [];
      for (let i = 0; i < text.length; i += size) events.push(...parser.push(text.slice(i, i + size)));
      events.push(...parser.end());
      expect(events).toEqual([{ type: "data", data: "one" }, { type: "comment", text: "x-1relay-cost-usd=0.000012" }, { type: "data", data: "two\nlines" }]);
    }
  });
});

describe("readChatStream", () => {
  it("gives the text as it comes, the usage and the cost from the closing comment", async () => {
    const seen: string[] = [];
    const whole = chunk("Hel") + chunk("lo") + usage + ": x-1relay-cost-usd=0.000034\n\ndata: [DONE]\n\n";
    const result = await readChatStream(streamOf([whole.slice(0, 20), whole.slice(20, 90), whole.slice(90)]), { onText: (d) => seen.push(d) });
    expect(seen).toEqual(["Hel", "lo"]);
    expect(result).toEqual({ text: "Hello", costUsd: "0.000034", usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 } });
  });
  it("no cost comment: costUsd stays undefined (never a made-up zero)", async () => {
    expect((await readChatStream(streamOf([chunk("a"), "data: [DONE]\n\n"]))).costUsd).toBeUndefined();
  });
  it("an error inside the stream becomes a RelayApiError with the relay's words", async () => {
    const error = await readChatStream(streamOf([chunk("a"), `data: ${JSON.stringify({ error: { message: "The provider stopped answering.", type: "server_error", code: "upstream_unavailable" } })}\n\n`])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RelayApiError);
    expect(error).toMatchObject({ message: "The provider stopped answering.", code: "upstream_unavailable" });
  });
});
