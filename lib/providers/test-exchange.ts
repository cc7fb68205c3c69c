// Test-only: one gateway-like exchange with a (fake) provider through an adapter, the way the
// gateway will do it: build, fetch without following redirects, then parse the JSON, the
// error, or the stream event by event (a broken connection ends in translator.end()).
import { expect } from "vitest";
import type { ReceivedRequest } from "../../tests/fakes";
import { createSseParser } from "./sse";
import { chatRequest } from "./test-support";
import type { ProviderAdapter, StreamTranslator, UpstreamRequest } from "./types";

export async function sendUpstream({
  adapter,
  body,
  upstreamModel,
  apiKey,
  baseUrl,
}: {
  adapter: ProviderAdapter;
  body: Record<string, unknown>;
  upstreamModel: string;
  apiKey: string;
  baseUrl: string;
}): Promise<{ built: UpstreamRequest; response: Response }> {
  const built = adapter.buildRequest({ request: chatRequest(body), upstreamModel, apiKey, baseUrl });
  const response = await fetch(built.url, { method: "POST", headers: built.headers, body: built.body, redirect: "manual" });
  return { built, response };
}

/** Reads the upstream body as it arrives and returns every frame the translator produced. */
export async function pipeStream({ response, translator }: { response: Response; translator: StreamTranslator }): Promise<string[]> {
  const frames: string[] = [];
  const parser = createSseParser();
  const reader = response.body?.getReader();
  try {
    for (;;) {
      if (!reader) break;
      const { done, value } = await reader.read();
      if (done) break;
      for (const event of parser.push(value)) frames.push(...translator.push(event));
    }
    for (const event of parser.end()) frames.push(...translator.push(event));
  } catch {
    // The upstream connection broke mid-stream: end() turns the missing terminal event into an error frame.
  }
  frames.push(...translator.end());
  return frames;
}

/** The key reached the fake in `header` and nowhere else: no other header, not the path, query or body. */
export function expectKeyOnlyIn(record: ReceivedRequest | undefined, header: string, key: string): void {
  expect(record).toBeDefined();
  if (!record) return;
  const carrying: string[] = [];
  for (let i = 0; i < record.rawHeaders.length; i += 2) {
    if ((record.rawHeaders[i + 1] ?? "").includes(key)) carrying.push((record.rawHeaders[i] ?? "").toLowerCase());
  }
  expect(carrying).toEqual([header]);
  expect(record.bodyText).not.toContain(key);
  expect(record.path).not.toContain(key);
  expect(JSON.stringify(record.query)).not.toContain(key);
}

/** Headers fetch adds by itself; anything else the fake saw must come from the adapter. */
const TRANSPORT_HEADERS = ["host", "connection", "content-length", "user-agent", "accept-encoding", "accept-language", "sec-fetch-mode"];

export function expectOnlyAdapterHeaders(record: ReceivedRequest | undefined, built: UpstreamRequest): void {
  const sent = Object.keys(record?.headers ?? {}).filter((name) => !TRANSPORT_HEADERS.includes(name));
  expect(sent.sort()).toEqual(Object.keys(built.headers).sort());
}
