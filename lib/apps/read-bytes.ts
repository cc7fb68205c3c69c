import { concatBytes } from "../crypto/bytes";
import { AppError } from "../errors/app-error";

/**
 * Reads a raw request body (any content-type) with a size cap, like lib/http/read-json.ts:
 * a declared content-length over the cap is refused before reading, and the stream is
 * cancelled as soon as it passes the cap (413 either way).
 */
export async function readBodyBytes({ request, limitBytes, tooLargeMessage }: { request: Request; limitBytes: number; tooLargeMessage: string }): Promise<Uint8Array> {
  const tooLarge = () => new AppError({ code: "payload_too_large", message: tooLargeMessage });
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
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return concatBytes(...chunks);
}
