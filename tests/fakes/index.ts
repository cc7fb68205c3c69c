// Entry point of the fake upstream providers (README.md in this folder is the manual).
import { startFakeAnthropic } from "./anthropic";
import { startFakeGemini } from "./gemini";
import { startFakeOpenAI } from "./openai";
import type { FakeServer, FakeServerOptions, ReceivedRequest } from "./types";

export { startFakeAnthropic } from "./anthropic";
export { startFakeGemini } from "./gemini";
export { startFakeOpenAI } from "./openai";
export { BEHAVIOUR_HEADER, presetBehaviour } from "./behaviour";
export { countWords, TOOL_RESULT_REPLY } from "./conversation";
export { parseSseText, readSse } from "./sse-read";
export type { Behaviour, FakeServer, FakeServerOptions, ProviderName, ReceivedRequest } from "./types";

export interface FakeProviders {
  openai: FakeServer;
  anthropic: FakeServer;
  gemini: FakeServer;
  /** The environment a gateway needs to reach them (OpenAI's base URL includes /v1). */
  env: { OPENAI_BASE_URL: string; ANTHROPIC_BASE_URL: string; GEMINI_BASE_URL: string };
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeProviders(
  options: { openai?: FakeServerOptions; anthropic?: FakeServerOptions; gemini?: FakeServerOptions } = {},
): Promise<FakeProviders> {
  const [openai, anthropic, gemini] = await Promise.all([
    startFakeOpenAI(options.openai),
    startFakeAnthropic(options.anthropic),
    startFakeGemini(options.gemini),
  ]);
  const all = [openai, anthropic, gemini];
  return {
    openai,
    anthropic,
    gemini,
    env: { OPENAI_BASE_URL: `${openai.url}/v1`, ANTHROPIC_BASE_URL: anthropic.url, GEMINI_BASE_URL: gemini.url },
    reset: () => all.forEach((s) => s.reset()),
    close: async () => {
      await Promise.all(all.map((s) => s.close()));
    },
  };
}

/** Request headers a gateway must never forward upstream (the HTTP client's own `connection`
 * and `transfer-encoding` are not listed: fetch sets them itself). */
export const FORBIDDEN_UPSTREAM_HEADERS = ["cookie", "proxy-authorization", "proxy-connection", "keep-alive", "te", "trailer", "upgrade", "x-forwarded-for", "forwarded"];

/** Names of forbidden headers present in a received request (empty when none leaked). */
export function findLeakedHeaders(request: ReceivedRequest, forbidden: string[] = FORBIDDEN_UPSTREAM_HEADERS): string[] {
  return forbidden.filter((name) => request.headers[name] !== undefined);
}
