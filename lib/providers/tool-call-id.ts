// Tool call ids the gateway has to invent (Gemini returns none) are `call_` + 16 random
// letters/digits. Gemini 3 also returns a `thoughtSignature` with a function call and
// rejects the next turn unless it comes back with that call
// (https://ai.google.dev/gemini-api/docs/thought-signatures). OpenAI clients echo tool call
// ids verbatim, so the signature rides in the id, base64url-encoded:
// `call_<16>_sig_<signature>`. Only [A-Za-z0-9_-] is used, which every provider accepts.

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const SIGNED = /^call_[A-Za-z0-9]{16}_sig_([A-Za-z0-9_-]+)$/;

function randomSuffix(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join("");
}

function toBase64Url(base64: string): string {
  return base64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): string {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  return base64 + "=".repeat((4 - (base64.length % 4)) % 4);
}

export function createToolCallId({ signature }: { signature?: string } = {}): string {
  const id = `call_${randomSuffix()}`;
  return signature ? `${id}_sig_${toBase64Url(signature)}` : id;
}

/** The thought signature carried by an id made by createToolCallId, in standard base64. */
export function readToolCallSignature(id: string): string | undefined {
  const match = SIGNED.exec(id);
  return match?.[1] ? fromBase64Url(match[1]) : undefined;
}
