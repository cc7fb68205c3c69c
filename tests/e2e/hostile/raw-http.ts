import net from "node:net";

// Requests fetch cannot send, written byte for byte to the server's socket.

export interface RawAnswer {
  /** The status line's code, or null when the connection closed (or timed out) without one. */
  status: number | null;
  head: string;
  body: string;
  timedOut: boolean;
}

export function sendRaw({ port, payload, halfClose = false, deadlineMs = 15_000 }: { port: number; payload: string | Buffer; halfClose?: boolean; deadlineMs?: number }): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    let data = Buffer.alloc(0);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      socket.destroy();
    }, deadlineMs);
    socket.on("data", (chunk) => (data = Buffer.concat([data, chunk])));
    socket.on("error", () => {});
    socket.on("close", () => {
      clearTimeout(timer);
      const text = data.toString("latin1");
      const [head = "", ...rest] = text.split("\r\n\r\n");
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(head);
      resolve({ status: match ? Number(match[1]) : null, head, body: rest.join("\r\n\r\n"), timedOut });
    });
    socket.write(payload);
    if (halfClose) socket.end();
  });
}

/** Answered by our code: our middleware's security headers or the gateway's request id are on it. */
export function fromOurCode(answer: RawAnswer): boolean {
  return /^(content-security-policy|x-1relay-request-id|x-content-type-options):/im.test(answer.head);
}
