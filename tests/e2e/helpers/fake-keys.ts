// Provider keys used in browser tests, one of each provider's shape. The fake Gemini accepts
// only its key here, so a test can show a key the provider rejects (the others accept any key
// of their provider's shape).
export const fakeKeys = {
  openai: `sk-proj-${"Op3nAiT3st".repeat(4)}XYZW`,
  anthropic: `sk-ant-api03-${"Anthr0picT3st".repeat(5)}-ABCD`,
  gemini: `AIza${"G3miniT3stK3y".repeat(3)}abcdefgh`.slice(0, 39),
  mistral: "M1stralT3stK3y0123456789abcdefgh",
  groq: `gsk_${"Gr0qT3stK3y".repeat(4)}abcdefgh`,
  xai: `xai-${"XaiT3stK3y".repeat(8)}`,
  deepseek: `sk-${"d5e3".repeat(8)}`,
  openrouter: `sk-or-v1-${"0a1b2c3d".repeat(8)}`,
  together: `tgp_v1_${"T0g3th3r_k3y-".repeat(3)}`,
  fireworks: `fw_${"F1r3w0rksK3y".repeat(2)}`,
  cerebras: `csk-${"C3r3brasT3st".repeat(4)}`,
  perplexity: `pplx-${"P3rpl3xityT3st".repeat(3)}`,
} as const;
