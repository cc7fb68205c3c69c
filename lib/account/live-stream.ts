import "server-only";
import { accountObject } from "./account-object";

export const LIVE_INTERVAL_MS = 15_000;
/** A comment line this often keeps proxies from closing an idle stream, and lets the runtime notice a client that left. */
export const HEARTBEAT_MS = 2_000;

/**
 * A server-sent event stream of the account's snapshot: one event now, then one every
 * 15 s. It ends when the client goes away: the request's abort signal reaches the handler
 * (compatibility flag enable_request_signal; the worker entry hands the request to OpenNext
 * unchanged). The runtime notices a vanished client when it next writes to it, hence the
 * heartbeat: a closed tab stops costing anything within seconds.
 */
export function openLiveStream({ accountId, signal }: { accountId: string; signal: AbortSignal }): ReadableStream<Uint8Array> {
  const stub = accountObject(accountId);
  const encoder = new TextEncoder();
  let timer: ReturnType<typeof setInterval> | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let closed = false;

  const close = async () => {
    if (closed) return;
    closed = true;
    clearInterval(timer);
    clearInterval(heartbeat);
    await stub.countLiveStream(-1);
  };

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      await stub.countLiveStream(1);
      const send = async () => {
        try {
          const snapshot = await stub.touch(accountId);
          controller.enqueue(encoder.encode(`event: snapshot\ndata: ${JSON.stringify(snapshot)}\n\n`));
        } catch {
          await close();
        }
      };
      signal.addEventListener("abort", () => {
        void close().then(() => controller.close()).catch(() => {});
      });
      await send();
      timer = setInterval(() => void send(), LIVE_INTERVAL_MS);
      heartbeat = setInterval(() => {
        try {
          controller.enqueue(encoder.encode(": keep-alive\n\n"));
        } catch {
          void close();
        }
      }, HEARTBEAT_MS);
    },
    async cancel() {
      await close();
    },
  });
}
