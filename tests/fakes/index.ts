// Entry point of the fake upstream providers (README.md in this folder is the manual).
import { startFakeAnthropic } from "./anthropic";
import { COMPAT_PROVIDERS, type CompatProvider } from "./compat-modes";
import { startFakeGemini } from "./gemini";
import { fakeBasePath, startFakeCompatible, startFakeOpenAI } from "./openai";
import type { FakeServer, FakeServerOptions, ReceivedRequest } from "./types";

export { startFakeAnthropic } from "./anthropic";
export { startFakeGemini } from "./gemini";
export { fakeBasePath, startFakeCompatible, startFakeOpenAI } from "./openai";
export { COMPAT_MODES, COMPAT_PROVIDERS, type CompatProvider } from "./compat-modes";
export { BEHAVIOUR_HEADER, presetBehaviour } from "./behaviour";
export { countWords, TOOL_RESULT_REPLY } from "./conversation";
export { parseSseText, readSse } from "./sse-read";
export type { Behaviour, FakeServer, FakeServerOptions, ProviderName, ReceivedRequest } from "./types";

/** The providers the fake OpenAI server plays besides OpenAI itself. */
export type OtherCompatProvider = Exclude<CompatProvider, "openai">;
export const OTHER_COMPAT_PROVIDERS = COMPAT_PROVIDERS.filter((p): p is OtherCompatProvider => p !== "openai");

/** The setting that points the gateway at each fake (as lib/env names them). */
export const BASE_URL_SETTINGS: Record<OtherCompatProvider, string> = {
  mistral: "MISTRAL_BASE_URL",
  groq: "GROQ_BASE_URL",
  xai: "XAI_BASE_URL",
  deepseek: "DEEPSEEK_BASE_URL",
  openrouter: "OPENROUTER_BASE_URL",
  together: "TOGETHER_BASE_URL",
  fireworks: "FIREWORKS_BASE_URL",
  cerebras: "CEREBRAS_BASE_URL",
  perplexity: "PERPLEXITY_BASE_URL",
};

export interface FakeProviders {
  openai: FakeServer;
  anthropic: FakeServer;
  gemini: FakeServer;
  /** The other OpenAI-compatible providers, when asked for (`compatible`). */
  compatible: Partial<Record<OtherCompatProvider, FakeServer>>;
  /** The environment a gateway needs to reach them (OpenAI's base URL includes /v1, Groq's /openai/v1…). */
  env: Record<string, string>;
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeProviders(
  options: {
    openai?: FakeServerOptions;
    anthropic?: FakeServerOptions;
    gemini?: FakeServerOptions;
    /** Which other compatible providers to start, with their options. */
    compatible?: Partial<Record<OtherCompatProvider, FakeServerOptions>>;
  } = {},
): Promise<FakeProviders> {
  const [openai, anthropic, gemini] = await Promise.all([
    startFakeOpenAI(options.openai),
    startFakeAnthropic(options.anthropic),
    startFakeGemini(options.gemini),
  ]);
  const compatible: Partial<Record<OtherCompatProvider, FakeServer>> = {};
  const env: Record<string, string> = { OPENAI_BASE_URL: `${openai.url}/v1`, ANTHROPIC_BASE_URL: anthropic.url, GEMINI_BASE_URL: gemini.url };
  for (const provider of OTHER_COMPAT_PROVIDERS) {
    const serverOptions = options.compatible?.[provider];
    if (!serverOptions) continue;
    const server = await startFakeCompatible(provider, serverOptions);
    compatible[provider] = server;
    env[BASE_URL_SETTINGS[provider]] = `${server.url}${fakeBasePath(provider)}`;
  }
  const all = [openai, anthropic, gemini, ...Object.values(compatible)];
  return {
    openai,
    anthropic,
    gemini,
    compatible,
    env,
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
