import { concatBytes } from "../crypto/bytes";

// The one capped body reader: a declared content-length over the cap is refused before
// reading, and the stream is cancelled as soon as it passes the cap. The caller says how a
// body that is too large is answered (an AppError for our JSON API, OAuth's shape on connect).

export async function readBodyCapped<E extends Error>({ request, limitBytes, tooLarge }: { request: Request; limitBytes: number; tooLarge: () => E }): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limitBytes) throw tooLarge();
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return concatBytes(...chunks);
}
