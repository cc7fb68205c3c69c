// Standard base64 (RFC 4648 §4, with padding) for logo bytes stored in D1's TEXT column.
// btoa/atob exist in browsers, workerd and Node; the bytes go through in chunks so a
// 256 KiB logo never builds one huge argument list.

const CHUNK = 0x8000;

export function encodeBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** Throws TypeError for text that is not base64. */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    throw new TypeError("not base64");
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
