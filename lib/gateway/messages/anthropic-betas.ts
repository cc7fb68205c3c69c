// The anthropic-beta values 1Relay passes on to Anthropic (contract v1.1: no client header is
// forwarded except a per-provider allowlist). One table: a value not listed here is dropped
// silently, never a 400, so a client that sends a newer beta still works without it. Listed are
// the betas whose cost the gateway bounds and prices (tokens only, within max_tokens and the
// pricing table), among them every value Claude Code 2.1 sends. Betas that bill outside the
// token rates (fast mode, server-side fallbacks, advisor, code execution, MCP, files, compaction)
// are not listed: the request fields they enable are refused by the body schema anyway.

export const ANTHROPIC_BETAS: readonly { value: string; what: string }[] = [
  { value: "prompt-caching-2024-07-31", what: "cache_control breakpoints (cache reads and writes are priced)" },
  { value: "extended-cache-ttl-2025-04-11", what: '1-hour cache writes (ttl "1h", priced at 2x input)' },
  { value: "output-128k-2025-02-19", what: "longer output (bounded by max_tokens)" },
  { value: "output-300k-2026-03-24", what: "longer output (bounded by max_tokens)" },
  { value: "context-1m-2025-08-07", what: "1M-token context (long-prompt tiers priced)" },
  { value: "context-management-2025-06-27", what: "context_management edits that clear old tool uses and thinking; the client-side memory tool" },
  { value: "interleaved-thinking-2025-05-14", what: "thinking between tool calls (inside max_tokens)" },
  { value: "thinking-token-count-2026-05-13", what: "output_tokens_details.thinking_tokens in usage" },
  { value: "thinking-display-updates-2026-08-18", what: 'thinking display "updates"' },
  { value: "dev-full-thinking-2025-05-14", what: "unsummarised thinking text (billed the same)" },
  { value: "claude-code-20250219", what: "Claude Code's own beta" },
  { value: "mid-conversation-tool-changes-2026-07-01", what: "system turns in the conversation (Claude Code sends them for models it does not know)" },
  { value: "mid-conversation-system-clear-at-2026-08-21", what: "clear_at on system turns" },
  { value: "mid-conversation-output-config-2026-07-01", what: "output_config (effort) on system turns" },
  { value: "advanced-tool-use-2025-11-20", what: "defer_loading, tool_reference and input_examples on client tools" },
  { value: "token-efficient-tools-2025-02-19", what: "fewer tokens for tool calls" },
  { value: "fine-grained-tool-streaming-2025-05-14", what: "tool input streamed without buffering" },
  { value: "model-context-window-exceeded-2025-08-26", what: "stop_reason model_context_window_exceeded" },
  { value: "structured-outputs-2025-11-13", what: "output_format / output_config.format JSON schemas" },
  { value: "structured-outputs-2025-12-15", what: "output_format / output_config.format JSON schemas" },
  { value: "effort-2025-11-24", what: "output_config.effort" },
  { value: "pdfs-2024-09-25", what: "PDF documents (bounded per request)" },
  { value: "token-counting-2024-11-01", what: "POST /v1/messages/count_tokens" },
  { value: "computer-use-2024-10-22", what: "client-side computer, bash and text editor tools" },
  { value: "computer-use-2025-01-24", what: "client-side computer, bash and text editor tools" },
  { value: "computer-use-2025-11-24", what: "client-side computer, bash and text editor tools" },
];

const ALLOWED = new Set(ANTHROPIC_BETAS.map((b) => b.value));

/** The allowed values of a client's anthropic-beta header (comma-separated, possibly repeated), in order, once each. */
export function filterAnthropicBetas(header: string | null): string[] {
  if (!header) return [];
  const kept = new Set<string>();
  for (const value of header.split(",")) {
    const beta = value.trim();
    if (ALLOWED.has(beta)) kept.add(beta);
  }
  return [...kept];
}
