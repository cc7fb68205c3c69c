import type { BrowserContext, Request } from "@playwright/test";

export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
}

/** Records every request the context's pages and workers make: URL, all headers, body. */
export function recordRequests(context: BrowserContext): { all: RecordedRequest[]; since: (n: number) => RecordedRequest[]; settle: () => Promise<void> } {
  const all: RecordedRequest[] = [];
  const pending: Promise<void>[] = [];
  const onRequest = (request: Request) => {
    pending.push(
      (async () => {
        const headers = await request.allHeaders().catch(() => request.headers());
        const buffer = request.postDataBuffer();
        all.push({ url: request.url(), method: request.method(), headers, body: buffer ? buffer.toString("latin1") + "\n" + buffer.toString("utf8") : "" });
      })(),
    );
  };
  context.on("request", onRequest);
  return {
    all,
    since: (n) => all.slice(n),
    settle: async () => {
      await Promise.all(pending);
    },
  };
}

/** The first recorded request that contains any of `needles`, described without the needle. */
export function findLeak(requests: RecordedRequest[], needles: string[]): string | null {
  for (const r of requests) {
    const haystacks: [string, string][] = [
      ["url", r.url],
      ["headers", Object.entries(r.headers).map(([k, v]) => `${k}: ${v}`).join("\n")],
      ["body", r.body],
    ];
    for (const [where, text] of haystacks) {
      const i = needles.findIndex((n) => n.length >= 6 && text.includes(n));
      if (i >= 0) return `${r.method} ${new URL(r.url).pathname} leaks form #${i} in its ${where}`;
    }
  }
  return null;
}
