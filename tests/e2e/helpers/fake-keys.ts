// Provider keys used in browser tests. The fake Gemini accepts only its key here, so a
// test can show a key the provider rejects (the others accept any non-empty key).
export const fakeKeys = {
  openai: `sk-proj-${"Op3nAiT3st".repeat(4)}XYZW`,
  anthropic: `sk-ant-api03-${"Anthr0picT3st".repeat(5)}-ABCD`,
  gemini: `AIza${"G3miniT3stK3y".repeat(3)}abcdefgh`.slice(0, 39),
} as const;
