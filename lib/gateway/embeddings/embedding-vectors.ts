// Embedding vectors as OpenAI returns them: floats, or with encoding_format "base64" the
// little-endian float32 bytes in base64 (what the openai SDK asks for by default and decodes).

export function encodeFloat32Base64(values: readonly number[]): string {
  const bytes = new Uint8Array(new Float32Array(values).buffer);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function openAIEmbedding({ values, index, format }: { values: readonly number[]; index: number; format: "float" | "base64" | undefined }) {
  return { object: "embedding" as const, index, embedding: format === "base64" ? encodeFloat32Base64(values) : [...values] };
}
