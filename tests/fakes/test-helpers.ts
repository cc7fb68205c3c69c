// Helpers for the fakes' tests: fixtures on disk and small HTTP wrappers.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseSseText, readSse, type ReadSseEvent } from "./sse-read";
import type { ProviderName } from "./types";

const FIXTURES = path.join(import.meta.dirname, "fixtures");

export function fixtureText(provider: ProviderName, name: string): string {
  return readFileSync(path.join(FIXTURES, provider, name), "utf8");
}

export function fixtureJson<T = unknown>(provider: ProviderName, name: string): T {
  return JSON.parse(fixtureText(provider, name)) as T;
}

/** The data of every event of an .sse fixture, parsed as JSON where it is JSON. */
export function fixtureEvents(provider: ProviderName, name: string): ReadSseEvent[] {
  return parseSseText(fixtureText(provider, name));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read response bodies freely
type LooseJson = any;

/** A fetch Response whose json() is loosely typed, for terse assertions. */
export interface TestResponse extends Response {
  json(): Promise<LooseJson>;
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<TestResponse> {
  return fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
}

export function get(url: string, headers: Record<string, string> = {}): Promise<TestResponse> {
  return fetch(url, { headers });
}

/** Reads a whole SSE response incrementally; resolves with the events or rejects if the stream breaks. */
export async function collectSse(res: Response): Promise<ReadSseEvent[]> {
  const events: ReadSseEvent[] = [];
  for await (const e of readSse(res.body)) events.push(e);
  return events;
}

export function jsonData(events: ReadSseEvent[]): Record<string, unknown>[] {
  return events.filter((e) => e.data !== "[DONE]").map((e) => JSON.parse(e.data) as Record<string, unknown>);
}
