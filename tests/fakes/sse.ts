// Server side of Server-Sent Events for the fakes: one write per event, with the behaviour's
// delay between events and its socket drop after N events.
import { sleep, type FakeContext } from "./http";

export interface SseEvent {
  /** The `event:` line (Anthropic names every event; OpenAI and Gemini send data only). */
  event?: string;
  data: string;
  /** Sent as a comment line instead (": OPENROUTER PROCESSING"), which clients ignore. */
  comment?: boolean;
}

export interface SseOptions {
  /** "\n" for OpenAI and Anthropic; Google's front end ends SSE lines with "\r\n". */
  lineEnding?: "\n" | "\r\n";
  contentType?: string;
}

export function formatEvent(e: SseEvent, eol: "\n" | "\r\n" = "\n"): string {
  if (e.comment) return `: ${e.data}${eol}${eol}`;
  const lines = e.event ? [`event: ${e.event}`] : [];
  for (const line of e.data.split("\n")) lines.push(`data: ${line}`);
  return lines.join(eol) + eol + eol;
}

/** Streams the events; resolves when done, dropped, or the client went away. */
export async function streamEvents(ctx: FakeContext, events: SseEvent[], options: SseOptions = {}): Promise<void> {
  const { res, record } = ctx;
  const behaviour = record.behaviour ?? {};
  res.writeHead(200, {
    "content-type": options.contentType ?? "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
  });
  res.flushHeaders();
  let sent = 0;
  for (const event of events) {
    if (res.destroyed || res.writableEnded) return;
    if (behaviour.dropAfterChunks !== undefined && sent >= behaviour.dropAfterChunks) {
      record.outcome = "dropped";
      res.socket?.destroy();
      return;
    }
    if (sent > 0 && behaviour.delayMs) await sleep(behaviour.delayMs);
    if (res.destroyed) return;
    // Wait until the bytes are handed to the socket, so a drop right after still delivers them.
    await new Promise<void>((resolve) => res.write(formatEvent(event, options.lineEnding), () => resolve()));
    sent += 1;
  }
  res.end();
}
