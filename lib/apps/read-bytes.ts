import { AppError } from "../errors/app-error";
import { readBodyCapped } from "../http/read-body";
import { unreadableBody } from "../http/read-json";

/** Reads a raw request body (any content-type) with a size cap (413 beyond it). */
export function readBodyBytes({ request, limitBytes, tooLargeMessage }: { request: Request; limitBytes: number; tooLargeMessage: string }): Promise<Uint8Array> {
  return readBodyCapped({ request, limitBytes, tooLarge: () => new AppError({ code: "payload_too_large", message: tooLargeMessage }), unreadable: unreadableBody });
}
