// Client side of Server-Sent Events, for tests: an incremental parser that follows the WHATWG
// rules (LF, CR or CRLF line ends, `event:` / `data:` fields, comments, blank line dispatches).
export interface ReadSseEvent {
  event?: string;
  data: string;
}

export function createSseParser(onEvent: (e: ReadSseEvent) => void) {
  let buffer = "";
  let event: string | undefined;
  let data: string[] = [];
  const line = (text: string) => {
    if (text === "") {
      if (data.length > 0) onEvent({ event, data: data.join("\n") });
      event = undefined;
      data = [];
      return;
    }
    if (text.startsWith(":")) return;
    const colon = text.indexOf(":");
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? "" : text.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") event = value;
    if (field === "data") data.push(value);
  };
  return {
    push(text: string): void {
      buffer += text;
      for (;;) {
        const m = /\r\n|\r|\n/.exec(buffer);
        if (!m) return;
        // A CR at the very end may be the first half of a CRLF split across chunks.
        if (m[0] === "\r" && m.index === buffer.length - 1) return;
        line(buffer.slice(0, m.index));
        buffer = buffer.slice(m.index + m[0].length);
      }
    },
    /** End of input: an event without its closing blank line is discarded, as browsers do. */
    end(): void {
      // A CR held back as a possible half CRLF was a line end after all.
      if (buffer.endsWith("\r") && !buffer.slice(0, -1).includes("\r")) line(buffer.slice(0, -1));
      buffer = "";
      event = undefined;
      data = [];
    },
  };
}

/** All events of a complete SSE text (fixtures). */
export function parseSseText(text: string): ReadSseEvent[] {
  const out: ReadSseEvent[] = [];
  const parser = createSseParser((e) => out.push(e));
  // Examples copied from documentation often lose the final blank line.
  parser.push(/(\r\n|\r|\n){2}$/.test(text) ? text : `${text.replace(/[\r\n]*$/, "")}\n\n`);
  parser.end();
  return out;
}

/** Events of a fetch body as they arrive. Rejects if the connection breaks mid-stream. */
export async function* readSse(body: ReadableStream<Uint8Array> | null): AsyncGenerator<ReadSseEvent> {
  if (!body) return;
  const queue: ReadSseEvent[] = [];
  const parser = createSseParser((e) => queue.push(e));
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.push(decoder.decode(value, { stream: true }));
      while (queue.length > 0) yield queue.shift() as ReadSseEvent;
    }
    finished = true;
    parser.push(decoder.decode());
    parser.end();
    while (queue.length > 0) yield queue.shift() as ReadSseEvent;
  } finally {
    // A consumer that stops early hangs up, like a client closing its tab.
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
