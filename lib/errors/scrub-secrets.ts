// Removes anything that looks like a credential from text before it is logged or
// shown: provider keys, relay tokens, bearer values, long base64/hex runs.

const patterns: RegExp[] = [
  /\b1r_[0-9A-Za-z]{8,}/g, // relay tokens
  /\bsk-(?:ant-|proj-|svcacct-)?[A-Za-z0-9_-]{8,}/g, // OpenAI / Anthropic keys
  /\bAIza[0-9A-Za-z_-]{20,}/g, // Google API keys
  /\b(?:Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi, // authorization values
  /\bv1\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}(?:\.[A-Za-z0-9_-]+)?/g, // our envelopes
  /\b[A-Fa-f0-9]{32,}\b/g, // long hex
  /[A-Za-z0-9_+/-]{40,}={0,2}/g, // long base64 / base64url
];

export function scrubSecrets(text: string): string {
  let out = text;
  for (const pattern of patterns) out = out.replace(pattern, "[redacted]");
  return out;
}
