import { concatBytes } from "../crypto/bytes";

// The one capped body reader: a declared content-length over the cap is refused before
// reading, and the stream is cancelled as soon as it passes the cap. The caller says how a
// body that is too large, or one that cannot be read (the client's connection broke, or its
// chunked framing was malformed), is answered: an AppError for our JSON API, OAuth's shape on
// connect. Neither is a server error.

export async function readBodyCapped<E extends Error, U extends Error>({
  request,
  limitBytes,
  tooLarge,
  unreadable,
}: {
  request: Request;
  limitBytes: number;
  tooLarge: () => E;
  unreadable: () => U;
}): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limitBytes) throw tooLarge();
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch {
      throw unreadable();
    }
    const { done, value } = next;
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
