import type { SseEvent } from "./types";

// An incremental Server-Sent Events parser (WHATWG HTML, "Interpreting an event stream"):
// bytes arrive in arbitrary chunks; lines end in LF, CR or CRLF (Gemini sends CRLF); `data:`
// lines of one event are joined with "\n"; comments (":…") and `id:` / `retry:` are ignored;
// a blank line dispatches. Pure: no I/O, the caller feeds it.

export const DEFAULT_MAX_EVENT_CHARS = 8 * 1024 * 1024;

export interface SseParser {
  /** Feed bytes (or already decoded text); returns the events completed by this chunk. */
  push(chunk: Uint8Array | string): SseEvent[];
  /**
   * End of input. An event whose lines all ended but whose closing blank line is missing is
   * still dispatched; a line cut off mid-way (a dropped connection) is discarded.
   */
  end(): SseEvent[];
}

export function createSseParser({ maxEventChars = DEFAULT_MAX_EVENT_CHARS }: { maxEventChars?: number } = {}): SseParser {
  const decoder = new TextDecoder("utf-8");
  let buffer = "";
  let started = false;
  let eventName: string | undefined;
  let data: string[] = [];
  let dataChars = 0;

  const dispatch = (out: SseEvent[]) => {
    if (data.length > 0) out.push(eventName === undefined ? { data: data.join("\n") } : { event: eventName, data: data.join("\n") });
    eventName = undefined;
    data = [];
    dataChars = 0;
  };

  const line = (text: string, out: SseEvent[]) => {
    if (text === "") return dispatch(out);
    if (text.startsWith(":")) return;
    const colon = text.indexOf(":");
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? "" : text.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") eventName = value;
    else if (field === "data") {
      dataChars += value.length + 1;
      if (dataChars > maxEventChars) throw new RangeError(`An upstream event exceeded ${maxEventChars} characters.`);
      data.push(value);
    }
  };

  const drain = (out: SseEvent[]) => {
    let start = 0;
    for (;;) {
      const lf = buffer.indexOf("\n", start);
      const cr = buffer.indexOf("\r", start);
      if (lf < 0 && cr < 0) break;
      const at = cr >= 0 && (lf < 0 || cr < lf) ? cr : lf;
      if (buffer[at] === "\r") {
        // A CR at the very end may be the first half of a CRLF split across chunks.
        if (at === buffer.length - 1) break;
        line(buffer.slice(start, at), out);
        start = buffer[at + 1] === "\n" ? at + 2 : at + 1;
      } else {
        line(buffer.slice(start, at), out);
        start = at + 1;
      }
    }
    buffer = buffer.slice(start);
    if (buffer.length > maxEventChars) throw new RangeError(`An upstream line exceeded ${maxEventChars} characters.`);
  };

  const accept = (text: string, out: SseEvent[]) => {
    buffer += text;
    if (!started && buffer.length > 0) {
      started = true;
      if (buffer.charCodeAt(0) === 0xfeff) buffer = buffer.slice(1);
    }
    drain(out);
  };

  return {
    push(chunk) {
      const out: SseEvent[] = [];
      accept(typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true }), out);
      return out;
    },
    end() {
      const out: SseEvent[] = [];
      accept(decoder.decode(), out);
      if (buffer.endsWith("\r")) line(buffer.slice(0, -1), out);
      if (buffer === "" || buffer.endsWith("\r")) dispatch(out);
      buffer = "";
      eventName = undefined;
      data = [];
      return out;
    },
  };
}
