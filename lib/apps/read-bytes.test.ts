import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error";
import { readBodyBytes } from "./read-bytes";

const read = (request: Request, limitBytes = 8) => readBodyBytes({ request, limitBytes, tooLargeMessage: "Too big." });

describe("readBodyBytes", () => {
  it("reads a raw body of any content-type within the cap", async () => {
    const request = new Request("https://x.example/", { method: "PUT", body: new Uint8Array([1, 2, 3]), headers: { "content-type": "text/html" } });
    expect(await read(request)).toEqual(new Uint8Array([1, 2, 3]));
    expect(await read(new Request("https://x.example/", { method: "PUT" }))).toEqual(new Uint8Array(0));
  });

  it("refuses a body over the cap, declared or streamed", async () => {
    const declared = new Request("https://x.example/", { method: "PUT", body: "x", headers: { "content-length": "9" } });
    await expect(read(declared)).rejects.toMatchObject({ code: "payload_too_large", message: "Too big." });
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(4));
      },
    });
    const streamed = new Request("https://x.example/", { method: "PUT", body: stream, duplex: "half" } as RequestInit);
    await expect(read(streamed)).rejects.toBeInstanceOf(AppError);
  });
});
