// Test support: a made-up key of each provider's documented shape (never a real key).
import type { ProviderId } from "./provider-ids";

export const SAMPLE_KEYS: Record<ProviderId, string> = {
  openai: `sk-proj-${"a1B2".repeat(12)}`,
  anthropic: `sk-ant-api03-${"Xy9_".repeat(20)}`,
  gemini: `AIza${"SyA1234567890abcdefghijklmnopqrstuv"}`,
  mistral: "A1b2C3d4".repeat(4),
  groq: `gsk_${"c".repeat(52)}`,
  xai: `xai-${"d".repeat(80)}`,
  deepseek: `sk-${"0123456789abcdef".repeat(2)}`,
  openrouter: `sk-or-v1-${"ab12".repeat(16)}`,
  together: `tgp_v1_${"Jk3_".repeat(10)}`,
  fireworks: `fw_${"h".repeat(24)}`,
  cerebras: `csk-${"f".repeat(48)}`,
  perplexity: `pplx-${"e".repeat(48)}`,
};
